/* The sequence protocol (PySequence_*, PyObject_GetItem/SetItem/Size, iteration) and
   concatenation/repetition on tuple, list, str and bytes. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *t = Py_BuildValue("(sid)", "owned", 2, 3.5);
    PyObject *l = Py_BuildValue("[iii]", 8, 9, 10);
    PyObject *s = PyUnicode_FromString("h\xc3\xa9llo");
    PyObject *b = PyBytes_FromString("bytes");

    printf("PySequence_Check: tuple %d, list %d, str %d, bytes %d, dict %d, int %d\n", PySequence_Check(t),
           PySequence_Check(l), PySequence_Check(s), PySequence_Check(b), PySequence_Check(PyDict_New()),
           PySequence_Check(PyLong_FromLong(1)));
    printf("PySequence_Size: %zd %zd %zd %zd\n", PySequence_Size(t), PySequence_Size(l), PySequence_Size(s),
           PySequence_Size(b));
    printf("PyObject_Size(dict): %zd\n", PyObject_Size(Py_BuildValue("{s:i}", "a", 1)));
    show_new("PySequence_GetItem(t, -1)", PySequence_GetItem(t, -1));
    show_new("PySequence_GetItem(s, 1)", PySequence_GetItem(s, 1));
    show_new("PySequence_GetItem(b, 0)", PySequence_GetItem(b, 0));
    show_new("PySequence_GetSlice(l, 1, 100)", PySequence_GetSlice(l, 1, 100));
    show_new("PySequence_GetSlice(s, 1, 3)", PySequence_GetSlice(s, 1, 3));
    show_new("PySequence_GetSlice(b, 1, 4)", PySequence_GetSlice(b, 1, 4));
    show_new("PySequence_Tuple(list)", PySequence_Tuple(l));
    show_new("PySequence_Tuple(str)", PySequence_Tuple(s));
    show_new("PySequence_List(tuple)", PySequence_List(t));
    show_new("PySequence_List(bytes)", PySequence_List(b));
    PyObject *fast = PySequence_Fast(t, "not a sequence");
    printf("PySequence_Fast(tuple) is the tuple: %d, size %zd\n", fast == t, PySequence_Fast_GET_SIZE(fast));
    show("PySequence_Fast_GET_ITEM(.., 0)", PySequence_Fast_GET_ITEM(fast, 0));
    Py_XDECREF(fast);
    printf("PySequence_Contains(t, 2): %d, (t, 99): %d\n", PySequence_Contains(t, PyLong_FromLong(2)),
           PySequence_Contains(t, PyLong_FromLong(99)));
    printf("PySequence_Contains(s, 'll'): %d\n", PySequence_Contains(s, PyUnicode_FromString("ll")));
    printf("PySequence_Index(t, 3.5): %zd\n", PySequence_Index(t, PyFloat_FromDouble(3.5)));
    printf("PySequence_Count(l + l, 9): %zd\n", PySequence_Count(PySequence_Concat(l, l), PyLong_FromLong(9)));

    show_new("tuple + tuple (PyNumber_Add)", PyNumber_Add(t, Py_BuildValue("(s)", "more")));
    show_new("list + list (PySequence_Concat)", PySequence_Concat(l, Py_BuildValue("[i]", 11)));
    show_new("str + str", PySequence_Concat(s, PyUnicode_FromString("!")));
    show_new("bytes + bytes", PyNumber_Add(b, PyBytes_FromString("!")));
    show_new("list * 2 (PySequence_Repeat)", PySequence_Repeat(l, 2));
    show_new("tuple * 0", PySequence_Repeat(t, 0));
    show_new("str * 3 (PyNumber_Multiply)", PyNumber_Multiply(s, PyLong_FromLong(3)));
    show_new("2 * bytes", PyNumber_Multiply(PyLong_FromLong(2), b));

    /* Mutation through the protocol. */
    printf("PySequence_SetItem(l, -1, 0): %d\n", PySequence_SetItem(l, -1, PyLong_FromLong(0)));
    printf("PySequence_DelItem(l, 0): %d\n", PySequence_DelItem(l, 0));
    show("l", l);
    printf("PyObject_SetItem(l, 0, 'x'): %d\n", PyObject_SetItem(l, PyLong_FromLong(0), PyUnicode_FromString("x")));
    printf("PyObject_DelItem(l, -1): %d\n", PyObject_DelItem(l, PyLong_FromLong(-1)));
    show("l", l);
    PyObject *grow = PyList_New(0);
    PyObject *g2 = PyNumber_InPlaceAdd(grow, Py_BuildValue("(ii)", 1, 2));
    printf("PyNumber_InPlaceAdd(list, tuple) returns the list: %d\n", g2 == grow);
    show("grown", grow);
    Py_XDECREF(g2);
    Py_DECREF(grow);
    show_new("PyObject_GetItem(t, 0)", PyObject_GetItem(t, PyLong_FromLong(0)));
    show_new("PyObject_GetItem(t, -2)", PyObject_GetItem(t, PyLong_FromLong(-2)));
    show_new("list methods: index('x')", PyObject_CallMethod(l, "index", "s", "x"));
    show_new("list methods: pop()", PyObject_CallMethod(l, "pop", NULL));

    /* Iteration. */
    PyObject *it = PyObject_GetIter(t);
    printf("PyIter_Check(iter(t)): %d, PyIter_Check(t): %d\n", PyIter_Check(it), PyIter_Check(t));
    PyObject *item;
    printf("iterating t:");
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_Repr(item);
        printf(" %s", PyUnicode_AsUTF8(r));
        Py_DECREF(r);
        Py_DECREF(item);
    }
    printf("\n");
    check_no_exc("after iteration");
    printf("PyIter_Next after the end is NULL without error: %d\n", PyIter_Next(it) == NULL && !PyErr_Occurred());
    Py_DECREF(it);
    it = PyObject_GetIter(s);
    printf("iterating a str:");
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_Repr(item);
        printf(" %s", PyUnicode_AsUTF8(r));
        Py_DECREF(r);
        Py_DECREF(item);
    }
    printf("\n");
    Py_DECREF(it);

    Py_DECREF(t);
    Py_DECREF(l);
    Py_DECREF(s);
    Py_DECREF(b);
    return conf_end();
}
