/* The private dict and list functions that extensions (Cython above all) call:
   _PyDict_GetItemStringWithError, _PyDict_SetItem_KnownHash, _PyDict_Pop,
   _PyDict_NewPresized, _PyList_Extend, with their error paths. */
#include "conformance.h"

int main(void)
{
    conf_init();

    printf("-- _PyDict_NewPresized\n");
    PyObject *d = _PyDict_NewPresized(100);
    show("new", d);
    printf("exact dict: %d, size %zd\n", PyDict_CheckExact(d), PyDict_Size(d));

    printf("-- _PyDict_SetItem_KnownHash\n");
    PyObject *k = PyUnicode_FromString("key");
    PyObject *v = PyLong_FromLong(1);
    printf("set: %d\n", _PyDict_SetItem_KnownHash(d, k, v, PyObject_Hash(k)));
    show("get by GetItem", PyDict_GetItem(d, k));
    PyObject *seven = PyLong_FromLong(7);
    printf("set int: %d\n", _PyDict_SetItem_KnownHash(d, seven, v, 7));
    show("known hash lookup", _PyDict_GetItem_KnownHash(d, seven, 7));
    show("dict", d);
    int r = _PyDict_SetItem_KnownHash(v, k, v, 0);
    printf("not a dict: %d, SystemError %d\n", r, PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();

    printf("-- _PyDict_GetItemStringWithError\n");
    show("present", _PyDict_GetItemStringWithError(d, "key"));
    PyObject *missing = _PyDict_GetItemStringWithError(d, "missing");
    printf("missing: %s, error %d\n", missing ? "object" : "NULL", PyErr_Occurred() != NULL);
    PyObject *bad = _PyDict_GetItemStringWithError(v, "key");
    printf("not a dict: %s, SystemError %d\n", bad ? "object" : "NULL", PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();

    printf("-- _PyDict_Pop\n");
    show_new("pop present", _PyDict_Pop(d, k, NULL));
    show("after", d);
    show_new("pop missing, no default", _PyDict_Pop(d, k, NULL));
    show_new("pop missing, default", _PyDict_Pop(d, k, Py_None));
    PyObject *unhashable = PyList_New(0);
    show_new("pop unhashable", _PyDict_Pop(d, unhashable, Py_None));
    PyObject *empty = PyDict_New();
    show_new("pop from empty", _PyDict_Pop(empty, seven, NULL));
    PyObject *tuple_key = Py_BuildValue("(i)", 3);
    show_new("pop tuple key missing", _PyDict_Pop(empty, tuple_key, NULL));
    Py_DECREF(empty);

    printf("-- _PyList_Extend\n");
    PyObject *list = PyList_New(0);
    PyObject *src = Py_BuildValue("(iii)", 1, 2, 3);
    show_new("extend by tuple", _PyList_Extend((PyListObject *)list, src));
    show_new("extend by dict", _PyList_Extend((PyListObject *)list, d));
    show_new("extend by str", _PyList_Extend((PyListObject *)list, k));
    show_new("extend by itself", _PyList_Extend((PyListObject *)list, list));
    show("list", list);
    show_new("extend by int", _PyList_Extend((PyListObject *)list, v));
    show("list after failure", list);

    Py_DECREF(tuple_key);
    Py_DECREF(unhashable);
    Py_DECREF(src);
    Py_DECREF(list);
    Py_DECREF(seven);
    Py_DECREF(v);
    Py_DECREF(k);
    Py_DECREF(d);
    return conf_end();
}
