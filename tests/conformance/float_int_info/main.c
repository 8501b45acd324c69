/* PyFloat_GetInfo and PyLong_GetInfo: the sys.float_info / sys.int_info struct sequences,
   their type, fields, docs and values (x86-64 Linux). */
#include "conformance.h"

static void show_info(const char *label, PyObject *info)
{
    show(label, info);
    if (info == NULL) {
        return;
    }
    PyObject *type = (PyObject *)Py_TYPE(info);
    printf("tuple subclass: %d, len: %zd\n", PyTuple_Check(info), PyTuple_Size(info));
    show_new("type", PyObject_Repr(type));
    show_new("__name__", PyObject_GetAttrString(type, "__name__"));
    show_new("__module__", PyObject_GetAttrString(type, "__module__"));
    show_new("__doc__", PyObject_GetAttrString(type, "__doc__"));
    show_new("n_fields", PyObject_GetAttrString(type, "n_fields"));
    show_new("n_sequence_fields", PyObject_GetAttrString(type, "n_sequence_fields"));
    show_new("n_unnamed_fields", PyObject_GetAttrString(type, "n_unnamed_fields"));
    PyObject *names = PyObject_GetAttrString(type, "__match_args__");
    show("__match_args__", names);
    for (Py_ssize_t i = 0; names != NULL && i < PyTuple_GET_SIZE(names); i++) {
        PyObject *name = PyTuple_GET_ITEM(names, i);
        PyObject *value = PyObject_GetAttr(info, name);
        PyObject *descr = PyObject_GetAttr(type, name);
        PyObject *doc = descr != NULL ? PyObject_GetAttrString(descr, "__doc__") : NULL;
        printf("  %s = ", PyUnicode_AsUTF8(name));
        show_new("value", value);
        show_new("    doc", doc);
        Py_XDECREF(descr);
        show_new("    item", PySequence_GetItem(info, i));
    }
    Py_XDECREF(names);
    printf("setattr: %d ", PyObject_SetAttrString(info, "max", Py_None));
    show_exc("");
}

int main(void)
{
    conf_init();
    PyObject *f = PyFloat_GetInfo();
    show_info("PyFloat_GetInfo()", f);
    PyObject *f2 = PyFloat_GetInfo();
    printf("a new object each call: %d, same type: %d, equal: %d\n", f != f2, Py_TYPE(f) == Py_TYPE(f2),
           PyObject_RichCompareBool(f, f2, Py_EQ));
    PyObject *sys_f = PySys_GetObject("float_info");
    printf("sys.float_info: same type: %d, equal: %d\n", Py_TYPE(sys_f) == Py_TYPE(f), PyObject_RichCompareBool(sys_f, f, Py_EQ));
    show_double("max", PyFloat_AsDouble(PyTuple_GetItem(f, 0)));
    show_double("epsilon", PyFloat_AsDouble(PyTuple_GetItem(f, 8)));
    Py_XDECREF(f);
    Py_XDECREF(f2);

    PyObject *i = PyLong_GetInfo();
    show_info("PyLong_GetInfo()", i);
    PyObject *sys_i = PySys_GetObject("int_info");
    printf("sys.int_info: same type: %d, equal: %d\n", Py_TYPE(sys_i) == Py_TYPE(i), PyObject_RichCompareBool(sys_i, i, Py_EQ));
    Py_XDECREF(i);
    return conf_end();
}
