/* Attribute access that fails: missing attributes on modules, instances and types,
   read-only attributes, non-str names, and deleting what does not exist. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *mod = PyModule_New("attrerr");
    PyObject *num = PyLong_FromLong(5);
    PyObject *s = PyUnicode_FromString("text");

    show_new("sys.no_such_attr", PyObject_GetAttrString(sys, "no_such_attr"));
    show_new("attrerr.missing", PyObject_GetAttrString(mod, "missing"));
    show_new("(5).missing", PyObject_GetAttrString(num, "missing"));
    show_new("'text'.missing", PyObject_GetAttrString(s, "missing"));
    show_new("None.missing", PyObject_GetAttrString(Py_None, "missing"));
    show_new("[].missing", PyObject_GetAttrString(PyList_New(0), "missing"));
    show_new("int.missing", PyObject_GetAttrString((PyObject *)&PyLong_Type, "missing"));
    show_new("ValueError.missing", PyObject_GetAttrString(PyExc_ValueError, "missing"));
    show_new("GetAttr(5, 1)", PyObject_GetAttr(num, num));
    show_new("GetAttr(5, b'real')", PyObject_GetAttr(num, PyBytes_FromString("real")));
    show_ll("HasAttr(5, 1) swallows the error", PyObject_HasAttr(num, num));
    check_no_exc("HasAttr");

    show_ll("SetAttrString(5, 'x', 1)", PyObject_SetAttrString(num, "x", num));
    show_ll("SetAttrString(5, 'real', 1)", PyObject_SetAttrString(num, "real", num));
    show_ll("SetAttrString('text', 'upper', 1)", PyObject_SetAttrString(s, "upper", num));
    show_ll("SetAttrString(int, 'x', 1)", PyObject_SetAttrString((PyObject *)&PyLong_Type, "x", num));
    show_ll("SetAttrString(None, 'x', 1)", PyObject_SetAttrString(Py_None, "x", num));
    show_ll("SetAttr(module, 1, 1)", PyObject_SetAttr(mod, num, num));
    show_ll("delete attrerr.missing", PyObject_SetAttrString(mod, "missing", NULL));
    show_ll("delete (5).real", PyObject_SetAttrString(num, "real", NULL));
    show_ll("SetAttrString(ValueError instance, 'args', 5)",
            PyObject_SetAttrString(PyObject_CallNoArgs(PyExc_ValueError), "args", num));
    PyObject *exc = PyObject_CallNoArgs(PyExc_ValueError);
    show_ll("SetAttrString(ValueError instance, 'note', 5) is allowed", PyObject_SetAttrString(exc, "note", num));
    show_new("  and reads back", PyObject_GetAttrString(exc, "note"));
    Py_DECREF(exc);
    show_ll("SetAttrString(module, '__dict__', {})", PyObject_SetAttrString(mod, "__dict__", PyDict_New()));

    /* AttributeError carries name and obj in 3.10+. */
    PyObject *r = PyObject_GetAttrString(num, "missing");
    (void)r;
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    show_new("AttributeError.name", PyObject_GetAttrString(v, "name"));
    show_new("AttributeError.obj", PyObject_GetAttrString(v, "obj"));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);

    Py_DECREF(sys);
    Py_DECREF(mod);
    Py_DECREF(num);
    Py_DECREF(s);
    return conf_end();
}
