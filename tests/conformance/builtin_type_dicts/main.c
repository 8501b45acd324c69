/* The built-in types' own __dict__s: each name with the type of its value, sorted. For
   object, type and bool every name; for the numbers and the containers every dunder (their
   other methods are counted elsewhere); for str, bytes and the exceptions the names their C
   slots give (add_operators: slot wrappers, __hash__ = None) and __new__. Left out, as not
   there yet: docstrings, type's __text_signature__ and X | Y unions, __class_getitem__,
   __reversed__, float's __getformat__, dict's __sizeof__. Then
   the descriptors' reprs and a few names a type inherits rather than has. */
#include "conformance.h"

static int is_listed(const char *name, const char *const *names)
{
    for (; *names != NULL; names++) {
        if (strcmp(name, *names) == 0) {
            return 1;
        }
    }
    return 0;
}

static const char *const not_yet[] = { "__doc__", "__text_signature__", "__or__", "__ror__", "__class_getitem__",
                                       "__reversed__", "float.__getformat__", "dict.__sizeof__", NULL };
static const char *const slot_kinds[] = { "wrapper_descriptor", "builtin_function_or_method", "NoneType", NULL };

enum { EVERY_NAME, EVERY_DUNDER, SLOTS_ONLY };

static int shown(const char *type_name, const char *name, const char *kind, int mode)
{
    char qualified[200];
    snprintf(qualified, sizeof qualified, "%s.%s", type_name, name);
    if (is_listed(name, not_yet) || is_listed(qualified, not_yet)) {
        return 0;
    }
    size_t n = strlen(name);
    switch (mode) {
    case EVERY_NAME:
        return 1;
    case EVERY_DUNDER:
        return n > 4 && strncmp(name, "__", 2) == 0 && strcmp(name + n - 2, "__") == 0;
    default:
        return is_listed(kind, slot_kinds);
    }
}

static void show_dict(const char *type_name, int mode)
{
    PyObject *type = PyDict_GetItemString(PyEval_GetBuiltins(), type_name);
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    PyObject *keys = dict == NULL ? NULL : PyMapping_Keys(dict);
    if (keys == NULL || PyList_Sort(keys) < 0) {
        show_exc(type_name);
        Py_XDECREF(dict);
        Py_XDECREF(keys);
        return;
    }
    printf("%s:\n", type_name);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        const char *name = PyUnicode_AsUTF8(key);
        PyObject *value = PyObject_GetItem(dict, key);
        const char *kind = Py_TYPE(value)->tp_name;
        if (shown(type_name, name, kind, mode)) {
            printf("  %s %s\n", name, kind);
        }
        Py_DECREF(value);
    }
    Py_DECREF(keys);
    Py_DECREF(dict);
}

/* type.__dict__[name]: the descriptor itself (getattr binds a class method to the class). */
static void show_entry(const char *type_name, const char *name)
{
    PyObject *type = PyDict_GetItemString(PyEval_GetBuiltins(), type_name);
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    char label[100];
    snprintf(label, sizeof label, "%s.__dict__['%s']", type_name, name);
    show_new(label, PyMapping_GetItemString(dict, name));
    Py_DECREF(dict);
}

int main(void)
{
    conf_init();
    const char *every[] = { "object", "type", "bool" };
    for (size_t i = 0; i < sizeof every / sizeof *every; i++) {
        show_dict(every[i], EVERY_NAME);
    }
    const char *dunders[] = { "int", "float", "complex", "list", "tuple", "dict" };
    for (size_t i = 0; i < sizeof dunders / sizeof *dunders; i++) {
        show_dict(dunders[i], EVERY_DUNDER);
    }
    const char *slots[] = { "str", "bytes", "BaseException", "Exception", "ValueError", "KeyError", "OSError",
                            "StopIteration", "SyntaxError", "UnicodeDecodeError" };
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) {
        show_dict(slots[i], SLOTS_ONLY);
    }

    const char *attrs[][2] = {
        { "int", "__add__" }, { "int", "__radd__" }, { "int", "__hash__" }, { "int", "__getattribute__" },
        { "bool", "__and__" }, { "list", "__hash__" }, { "list", "__getitem__" },
        { "tuple", "__getitem__" }, { "dict", "__getitem__" }, { "dict", "__contains__" }, { "list", "__contains__" },
        { "object", "__init__" }, { "object", "__reduce_ex__" }, { "object", "__init_subclass__" },
        { "object", "__subclasshook__" }, { "object", "__class__" }, { "type", "__call__" }, { "type", "__mro__" },
        { "type", "__name__" }, { "type", "__prepare__" }, { "type", "mro" }, { "str", "__mod__" },
        { "BaseException", "__str__" }, { "KeyError", "__str__" }, { "ValueError", "__str__" },
        { "NotImplementedError", "__init__" },
    };
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
        show_entry(attrs[i][0], attrs[i][1]);
    }
    /* Reached through the MRO: the names a type inherits are not in its own dict. */
    const char *inherited[][2] = { { "bool", "__add__" }, { "bool", "__getattribute__" }, { "int", "__init__" },
                                   { "tuple", "__init__" }, { "str", "__radd__" }, { "KeyError", "__new__" },
                                   { "StopIteration", "__new__" }, { "ValueError", "__repr__" },
                                   { "int", "__setattr__" }, { "Exception", "__getattribute__" } };
    for (size_t i = 0; i < sizeof inherited / sizeof *inherited; i++) {
        PyObject *type = PyDict_GetItemString(PyEval_GetBuiltins(), inherited[i][0]);
        PyObject *dict = PyObject_GetAttrString(type, "__dict__");
        PyObject *key = PyUnicode_FromString(inherited[i][1]);
        printf("%s in %s.__dict__: %d, hasattr: %d\n", inherited[i][1], inherited[i][0], PySequence_Contains(dict, key),
               PyObject_HasAttr(type, key));
        Py_DECREF(key);
        Py_DECREF(dict);
    }
    /* A type's __dict__ is a read-only view of it. */
    PyObject *int_dict = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__dict__");
    show_type("type(int.__dict__)", int_dict);
    show_new("int.__dict__['x'] = 1", PyObject_SetItem(int_dict, PyUnicode_FromString("x"), Py_None) < 0 ? NULL : Py_NewRef(Py_None));
    Py_DECREF(int_dict);
    return conf_end();
}
