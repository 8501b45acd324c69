/* The mapping protocol (PyMapping_*) on dicts, on objects that only have keys()/items()/
   values() or __getitem__, and on non-mappings; plus a few leftovers of the other protocols
   (PySequence_Fast_ITEMS, _PyBytes_Resize, PyUnicode_AsWideChar/AsWideCharString,
   _PyLong_NumBits). */
#include "conformance.h"
#include <wchar.h>

static PyObject *make_class(const char *name, const char *base_name, PyObject *ns)
{
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *base = PyDict_GetItemString(builtins, base_name);
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", name, base, ns);
    Py_DECREF(ns);
    return cls;
}

/* A dict subclass whose keys()/values()/items() return tuples: PyMapping_Keys must call
   them (only an exact dict takes the shortcut) and turn the result into a list. */
static PyObject *tuple_keys(PyObject *self, PyObject *unused)
{
    return PySequence_Tuple(PyObject_CallMethod((PyObject *)&PyDict_Type, "keys", "O", self));
}

static PyObject *not_iterable(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(5);
}

static PyMethodDef tuple_keys_def = {"keys", tuple_keys, METH_NOARGS, NULL};
static PyMethodDef not_iterable_def = {"items", not_iterable, METH_NOARGS, NULL};

int main(void)
{
    conf_init();
    PyObject *d = Py_BuildValue("{s:i,s:i,s:i}", "one", 1, "two", 2, "three", 3);
    PyObject *l = Py_BuildValue("[ii]", 4, 5);
    PyObject *i = PyLong_FromLong(7);

    printf("PyMapping_Check: dict %d, list %d, tuple %d, str %d, int %d\n", PyMapping_Check(d), PyMapping_Check(l),
           PyMapping_Check(PyTuple_New(0)), PyMapping_Check(PyUnicode_FromString("s")), PyMapping_Check(i));
    printf("PyMapping_Size(dict): %zd, PyMapping_Length(list): %zd\n", PyMapping_Size(d), PyMapping_Length(l));
    printf("PyMapping_Size(int): %zd\n", PyMapping_Size(i));
    show_exc("  ");
    show_new("PyMapping_Keys(dict)", PyMapping_Keys(d));
    show_new("PyMapping_Values(dict)", PyMapping_Values(d));
    show_new("PyMapping_Items(dict)", PyMapping_Items(d));
    show_new("PyMapping_Keys(list)", PyMapping_Keys(l));
    show_new("PyMapping_Items(int)", PyMapping_Items(i));

    show_new("PyMapping_GetItemString(d, 'two')", PyMapping_GetItemString(d, "two"));
    show_new("PyMapping_GetItemString(d, 'four')", PyMapping_GetItemString(d, "four"));
    printf("PyMapping_SetItemString(d, 'four', 4): %d\n", PyMapping_SetItemString(d, "four", PyLong_FromLong(4)));
    printf("PyMapping_HasKeyString(d, 'four'): %d, 'five': %d\n", PyMapping_HasKeyString(d, "four"),
           PyMapping_HasKeyString(d, "five"));
    int has = PyMapping_HasKey(d, PyList_New(0));
    printf("PyMapping_HasKey(d, []): %d (error swallowed: %d)\n", has, PyErr_Occurred() == NULL);
    printf("PyMapping_DelItemString(d, 'one'): %d\n", PyMapping_DelItemString(d, "one"));
    printf("PyMapping_DelItemString(d, 'one') again: %d\n", PyMapping_DelItemString(d, "one"));
    show_exc("  ");
    printf("PyMapping_DelItem(d, 'two'): %d\n", PyMapping_DelItem(d, PyUnicode_FromString("two")));
    show("d", d);
    printf("PyMapping_SetItemString(list, 'x', 1): %d\n", PyMapping_SetItemString(l, "x", i));
    show_exc("  ");
    printf("PyMapping_SetItemString(int, 'x', 1): %d\n", PyMapping_SetItemString(i, "x", i));
    show_exc("  ");
    show_new("PyMapping_GetItemString(int, 'x')", PyMapping_GetItemString(i, "x"));

    /* Mappings that are not dicts: keys() returning a tuple, items() returning a non-iterable. */
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "keys", PyDescr_NewMethod(&PyDict_Type, &tuple_keys_def));
    PyObject *tk = make_class("TupleKeys", "dict", ns);
    PyObject *inst = PyObject_CallFunction(tk, "([(si)(si)])", "a", 1, "b", 2);
    show_new("PyMapping_Keys(TupleKeys)", PyMapping_Keys(inst));
    show_new("PyMapping_Values(TupleKeys)", PyMapping_Values(inst));
    ns = PyDict_New();
    PyDict_SetItemString(ns, "items", PyDescr_NewMethod(&PyDict_Type, &not_iterable_def));
    PyObject *bad = make_class("BadItems", "dict", ns);
    show_new("PyMapping_Items(BadItems)", PyMapping_Items(PyObject_CallNoArgs(bad)));

    /* Dict views through the protocol. */
    PyObject *keys = PyObject_CallMethod(d, "keys", NULL);
    printf("PyMapping_Check(keys view): %d, PySequence_Check: %d, PyObject_Size: %zd\n", PyMapping_Check(keys),
           PySequence_Check(keys), PyObject_Size(keys));

    /* PySequence_Fast_ITEMS over a list and a tuple made from an iterator. */
    PyObject *fast = PySequence_Fast(l, "no");
    PyObject **items = PySequence_Fast_ITEMS(fast);
    printf("PySequence_Fast_ITEMS(list): %ld %ld\n", PyLong_AsLong(items[0]), PyLong_AsLong(items[1]));
    Py_DECREF(fast);
    fast = PySequence_Fast(PyObject_GetIter(PyUnicode_FromString("xyz")), "no");
    show_type("PySequence_Fast(iterator) type", fast);
    items = PySequence_Fast_ITEMS(fast);
    show("PySequence_Fast_ITEMS[2]", items[2]);
    Py_DECREF(fast);
    show_new("PySequence_Fast(int)", PySequence_Fast(i, "custom message"));

    /* _PyBytes_Resize: grow, shrink, to zero, negative size, on a shared object. */
    PyObject *b = PyBytes_FromStringAndSize(NULL, 3);
    memcpy(PyBytes_AS_STRING(b), "abc", 3);
    printf("_PyBytes_Resize(6): %d\n", _PyBytes_Resize(&b, 6));
    memcpy(PyBytes_AS_STRING(b) + 3, "def", 3);
    show("  b", b);
    printf("  terminated: %d\n", PyBytes_AS_STRING(b)[6] == '\0');
    printf("_PyBytes_Resize(2): %d\n", _PyBytes_Resize(&b, 2));
    show("  b", b);
    printf("_PyBytes_Resize(0): %d\n", _PyBytes_Resize(&b, 0));
    show("  b", b);
    PyObject *neg = PyBytes_FromStringAndSize("xy", 2);
    int rc = _PyBytes_Resize(&neg, -1);
    printf("_PyBytes_Resize(-1): %d, pointer cleared %d\n", rc, neg == NULL);
    printf("  raised %s\n", ((PyTypeObject *)PyErr_Occurred())->tp_name); /* the message names C files */
    PyErr_Clear();

    /* PyUnicode_AsWideChar / AsWideCharString: sizes, truncation, embedded NUL, astral. */
    PyObject *u = PyUnicode_FromString("a\xc3\xa9\xf0\x9f\x98\x80z");
    wchar_t buf[8];
    wmemset(buf, L'#', 8);
    Py_ssize_t n = PyUnicode_AsWideChar(u, buf, 8);
    printf("PyUnicode_AsWideChar(size 8): %zd, chars %x %x %x %x, NUL %d\n", n, (unsigned)buf[0], (unsigned)buf[1],
           (unsigned)buf[2], (unsigned)buf[3], buf[4] == 0);
    wmemset(buf, L'#', 8);
    n = PyUnicode_AsWideChar(u, buf, 2);
    printf("PyUnicode_AsWideChar(size 2): %zd, buf[2] untouched %d\n", n, buf[2] == L'#');
    printf("PyUnicode_AsWideChar(NULL, 0): %zd\n", PyUnicode_AsWideChar(u, NULL, 0));
    Py_ssize_t size = -1;
    wchar_t *ws = PyUnicode_AsWideCharString(u, &size);
    printf("PyUnicode_AsWideCharString: size %zd, last %x\n", size, (unsigned)ws[size - 1]);
    PyMem_Free(ws);
    PyObject *nul = PyUnicode_FromStringAndSize("a\0b", 3);
    ws = PyUnicode_AsWideCharString(nul, &size);
    printf("AsWideCharString with NUL and size: %zd\n", size);
    PyMem_Free(ws);
    ws = PyUnicode_AsWideCharString(nul, NULL);
    printf("AsWideCharString with NUL and no size: %s\n", ws == NULL ? "NULL" : "buffer");
    show_exc("  ");
    printf("PyUnicode_AsWideChar(bytes): %zd\n", PyUnicode_AsWideChar(PyBytes_FromString("x"), buf, 8));
    show_exc("  ");

    /* _PyLong_NumBits. */
    const char *nums[] = {"0", "1", "-1", "255", "256", "-256", "1073741823", "1073741824", "18446744073709551615",
                          "-340282366920938463463374607431768211456"};
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++)
    {
        PyObject *v = PyLong_FromString(nums[k], NULL, 10);
        printf("_PyLong_NumBits(%s): %zu\n", nums[k], _PyLong_NumBits(v));
        Py_DECREF(v);
    }
    conf_end();
    return 0;
}
