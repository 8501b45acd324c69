/* tuple and list API errors: indices out of range for GetItem/SetItem/GetSlice/Insert,
   sorting unorderable items, and list/tuple methods that raise. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *t = Py_BuildValue("(ii)", 1, 2);
    PyObject *l = Py_BuildValue("[ii]", 1, 2);

    show("PyTuple_GetItem(t, 2)", PyTuple_GetItem(t, 2));
    show("PyTuple_GetItem(t, -1)", PyTuple_GetItem(t, -1));
    show("PyList_GetItem(l, 2)", PyList_GetItem(l, 2));
    show("PyList_GetItem(l, -1)", PyList_GetItem(l, -1));
    PyObject *x = PyLong_FromLong(0);
    Py_ssize_t before = Py_REFCNT(x);
    Py_INCREF(x);
    show_ll("PyList_SetItem(l, 5, x)", PyList_SetItem(l, 5, x));
    printf("  the stolen item is released on failure: %zd\n", Py_REFCNT(x) - before);
    Py_INCREF(x);
    show_ll("PyList_SetItem(l, -1, x)", PyList_SetItem(l, -1, x));
    printf("  the stolen item is released on failure: %zd\n", Py_REFCNT(x) - before);
    show_ll("PyList_Insert(l, -100, x) clamps", PyList_Insert(l, -100, x));
    show("l after insert", l);
    show_new("PyList_GetSlice(l, 5, 2) is empty", PyList_GetSlice(l, 5, 2));
    show_new("PyTuple_GetSlice(t, 5, 9) is empty", PyTuple_GetSlice(t, 5, 9));
    show_new("PyTuple_GetSlice(t, -5, 1) clamps", PyTuple_GetSlice(t, -5, 1));
    show_ll("PyList_Sort([1, 'a'])", PyList_Sort(Py_BuildValue("[is]", 1, "a")));
    show_ll("PyList_Sort([None, None])", PyList_Sort(Py_BuildValue("[OO]", Py_None, Py_None)));
    PyObject *partly = Py_BuildValue("[iisi]", 3, 1, "a", 2);
    show_ll("PyList_Sort([3, 1, 'a', 2])", PyList_Sort(partly));
    printf("  length after the failed sort: %zd\n", PyList_GET_SIZE(partly));
    Py_DECREF(partly);

    show_new("l.remove(99)", PyObject_CallMethod(l, "remove", "i", 99));
    show_new("[].pop()", PyObject_CallMethod(PyList_New(0), "pop", NULL));
    show_new("l.pop(10)", PyObject_CallMethod(l, "pop", "i", 10));
    show_new("l.index(99)", PyObject_CallMethod(l, "index", "i", 99));
    show_new("t.index(99)", PyObject_CallMethod(t, "index", "i", 99));
    show_new("l.insert('a', 1)", PyObject_CallMethod(l, "insert", "si", "a", 1));
    show_new("l.sort(key=1)", PyObject_Call(PyObject_GetAttrString(l, "sort"), PyTuple_New(0),
                                            Py_BuildValue("{s:i}", "key", 1)));
    show_new("[1, 'a'].sort()", PyObject_CallMethod(Py_BuildValue("[is]", 1, "a"), "sort", NULL));
    show_new("tuple([1], [2])", PyObject_CallFunction((PyObject *)&PyTuple_Type, "[i][i]", 1, 2));
    show_new("list(1)", PyObject_CallFunction((PyObject *)&PyList_Type, "i", 1));
    show("l at the end", l);
    show("t at the end", t);

    Py_DECREF(x);
    Py_DECREF(t);
    Py_DECREF(l);
    return conf_end();
}
