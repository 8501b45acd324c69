/* Small functions extensions call: PyThreadState_GetDict, _PyBytes_Join, _PyLong_Copy,
   _PyObject_NextNotImplemented and _PyErr_FormatFromCause (chaining, and how
   PyErr_Print shows the chain). */
#include "conformance.h"

int main(void)
{
    conf_init();

    printf("-- PyThreadState_GetDict\n");
    PyObject *d = PyThreadState_GetDict();
    printf("a dict: %d, the same again: %d\n", d != NULL && PyDict_CheckExact(d), d == PyThreadState_GetDict());
    PyDict_SetItemString(d, "mine", Py_True);
    show("kept", PyDict_GetItemString(PyThreadState_GetDict(), "mine"));

    printf("-- _PyBytes_Join\n");
    PyObject *sep = PyBytes_FromString(", ");
    PyObject *parts = Py_BuildValue("[yy]", "a", "b");
    show_new("join", _PyBytes_Join(sep, parts));
    PyObject *mixed = Py_BuildValue("[ys]", "a", "b");
    show_new("join with a str", _PyBytes_Join(sep, mixed));
    show_new("join an int", _PyBytes_Join(sep, Py_True));

    printf("-- _PyLong_Copy\n");
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    PyObject *copy = _PyLong_Copy((PyLongObject *)big);
    show("copy", copy);
    printf("equal: %d, exact int: %d\n", PyObject_RichCompareBool(copy, big, Py_EQ), PyLong_CheckExact(copy));
    Py_DECREF(copy);
    copy = _PyLong_Copy((PyLongObject *)Py_True);
    show("copy of True", copy);
    printf("exact int: %d\n", PyLong_CheckExact(copy));
    Py_DECREF(copy);

    printf("-- _PyObject_NextNotImplemented\n");
    show("list", _PyObject_NextNotImplemented(parts));

    printf("-- _PyErr_FormatFromCause\n");
    PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString("k"));
    PyObject *r = _PyErr_FormatFromCause(PyExc_ValueError, "bad %d in %s", 3, "place");
    printf("returns NULL: %d\n", r == NULL);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    show("exception", value);
    show_new("__cause__", PyException_GetCause(value));
    show_new("__context__", PyException_GetContext(value));
    PyErr_Restore(type, value, tb);
    fflush(stdout);
    PyErr_Print(); /* (with no exception pending, CPython's _PyErr_FormatFromCause crashes) */
    Py_DECREF(big);
    Py_DECREF(mixed);
    Py_DECREF(parts);
    Py_DECREF(sep);
    return conf_end();
}
