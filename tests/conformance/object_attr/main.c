/* PyObject_GetAttr(String) / SetAttr(String) / HasAttr(String) on modules, built-in objects
   and types, and PyObject_Dir. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *builtins = PyImport_ImportModule("builtins");
    show_new("sys.maxsize", PyObject_GetAttrString(sys, "maxsize"));
    show_new("sys.byteorder", PyObject_GetAttrString(sys, "byteorder"));
    PyObject *name = PyUnicode_FromString("__name__");
    show_new("GetAttr(sys, '__name__')", PyObject_GetAttr(sys, name));
    show_new("builtins.len", PyObject_GetAttrString(builtins, "len"));
    show_new("builtins.None", PyObject_GetAttrString(builtins, "None"));
    show_new("builtins.ValueError is PyExc_ValueError",
             PyBool_FromLong(PyObject_GetAttrString(builtins, "ValueError") == PyExc_ValueError));
    printf("HasAttrString(sys, 'path'): %d\n", PyObject_HasAttrString(sys, "path"));
    printf("HasAttrString(sys, 'no_such'): %d\n", PyObject_HasAttrString(sys, "no_such"));
    check_no_exc("HasAttrString");
    printf("HasAttr(sys, '__name__'): %d\n", PyObject_HasAttr(sys, name));

    /* Setting and deleting module attributes. */
    PyObject *mod = PyModule_New("attrmod");
    printf("SetAttrString(mod, 'x', 1): %d\n", PyObject_SetAttrString(mod, "x", PyLong_FromLong(1)));
    show_new("mod.x", PyObject_GetAttrString(mod, "x"));
    show("mod.__dict__['x']", PyDict_GetItemString(PyModule_GetDict(mod), "x"));
    PyObject *xname = PyUnicode_FromString("x");
    printf("SetAttr(mod, 'x', 'two'): %d\n", PyObject_SetAttr(mod, xname, PyUnicode_FromString("two")));
    show_new("mod.x", PyObject_GetAttr(mod, xname));
    printf("SetAttr(mod, 'x', NULL) deletes: %d\n", PyObject_SetAttr(mod, xname, NULL));
    printf("HasAttr(mod, 'x'): %d\n", PyObject_HasAttr(mod, xname));
    show_new("mod.__name__", PyObject_GetAttrString(mod, "__name__"));
    show_new("mod.__doc__", PyObject_GetAttrString(mod, "__doc__"));

    /* Attributes of built-in objects and types. */
    PyObject *s = PyUnicode_FromString("abc");
    PyObject *upper = PyObject_GetAttrString(s, "upper");
    show_type("type('abc'.upper)", upper); /* its repr shows an address */
    show_new("'abc'.upper()", PyObject_CallNoArgs(upper));
    PyObject *bself = PyObject_GetAttrString(upper, "__self__");
    printf("bound method __self__ is the str: %d\n", bself == s);
    Py_XDECREF(bself);
    Py_XDECREF(upper);
    show_new("(5).real", PyObject_GetAttrString(PyLong_FromLong(5), "real"));
    show_new("(5).__class__", PyObject_GetAttrString(PyLong_FromLong(5), "__class__"));
    show_new("(2.5).imag", PyObject_GetAttrString(PyFloat_FromDouble(2.5), "imag"));
    show_new("int.__name__", PyObject_GetAttrString((PyObject *)&PyLong_Type, "__name__"));
    PyObject *fk = PyObject_GetAttrString((PyObject *)&PyDict_Type, "fromkeys");
    show_type("type(dict.fromkeys)", fk);
    show_new("dict.fromkeys.__qualname__", PyObject_GetAttrString(fk, "__qualname__"));
    Py_XDECREF(fk);
    show_new("str.join", PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "join"));
    show_new("list.__len__", PyObject_GetAttrString((PyObject *)&PyList_Type, "__len__"));
    show_new("type(None).__name__", PyObject_GetAttrString((PyObject *)Py_TYPE(Py_None), "__name__"));
    show_new("ValueError.__name__", PyObject_GetAttrString(PyExc_ValueError, "__name__"));
    PyObject *cnt = PyObject_GetAttrString(Py_BuildValue("(ii)", 1, 2), "count");
    show_type("type((1, 2).count)", cnt);
    show_new("(1, 2).count(2)", PyObject_CallOneArg(cnt, PyLong_FromLong(2)));
    Py_XDECREF(cnt);
    show_new("PyObject_GenericGetAttr('abc', '__class__')",
             PyObject_GenericGetAttr(s, PyUnicode_FromString("__class__")));

    /* Names given as C strings: not ASCII, not UTF-8, long, one buffer reused. */
    PyObject *names = PyModule_New("names");
    printf("SetAttrString(names, 'caf\\xe9', 1): %d\n", PyObject_SetAttrString(names, "caf\xc3\xa9", PyLong_FromLong(1)));
    show_new("names.caf\\xe9", PyObject_GetAttrString(names, "caf\xc3\xa9"));
    show_new("names.caf (its ASCII prefix)", PyObject_GetAttrString(names, "caf"));
    printf("HasAttrString(names, 'caf\\xe9'): %d\n", PyObject_HasAttrString(names, "caf\xc3\xa9"));
    show_new("GetAttrString, name not UTF-8", PyObject_GetAttrString(names, "\xff"));
    printf("SetAttrString, name not UTF-8: %d, ", PyObject_SetAttrString(names, "\xff", Py_None));
    conf_write_exc();
    printf("\n");
    printf("HasAttrString, name not UTF-8: %d\n", PyObject_HasAttrString(names, "\xff"));
    check_no_exc("HasAttrString, name not UTF-8");
    char long_name[101];
    memset(long_name, 'q', 100);
    long_name[100] = '\0';
    printf("SetAttrString, 100-character name: %d\n", PyObject_SetAttrString(names, long_name, Py_True));
    show_new("GetAttrString, 100-character name", PyObject_GetAttrString(names, long_name));
    long_name[99] = '\0';
    printf("HasAttrString, 99-character prefix: %d\n", PyObject_HasAttrString(names, long_name));
    char buffer[16];
    strcpy(buffer, "first");
    printf("SetAttrString(names, 'first', 1): %d\n", PyObject_SetAttrString(names, buffer, PyLong_FromLong(1)));
    strcpy(buffer, "second");
    printf("same buffer, SetAttrString(names, 'second', 2): %d\n", PyObject_SetAttrString(names, buffer, PyLong_FromLong(2)));
    strcpy(buffer, "first");
    show_new("same buffer, names.first", PyObject_GetAttrString(names, buffer));
    strcpy(buffer, "firs");
    show_new("same buffer, names.firs", PyObject_GetAttrString(names, buffer));
    strcpy(buffer, "first");
    printf("SetAttrString(names, 'first', NULL) deletes: %d\n", PyObject_SetAttrString(names, buffer, NULL));
    show_new("names.first after deleting", PyObject_GetAttrString(names, "first"));
    printf("HasAttrString(names, 'first'): %d\n", PyObject_HasAttrString(names, "first"));
    show_new("dir(names)", PyObject_Dir(names));
    Py_DECREF(names);

    /* dir() of a small module is sorted. */
    PyObject *small = PyModule_New("small");
    PyObject_SetAttrString(small, "zeta", Py_None);
    PyObject_SetAttrString(small, "alpha", Py_None);
    show_new("dir(small)", PyObject_Dir(small));
    Py_DECREF(small);

    Py_DECREF(xname);
    Py_DECREF(s);
    Py_DECREF(mod);
    Py_DECREF(name);
    Py_DECREF(sys);
    Py_DECREF(builtins);
    return conf_end();
}
