/* METH_VARARGS|METH_KEYWORDS module functions: a tuple and a dict (or NULL). */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_kw");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *collect = PyObject_GetAttrString(m, "collect");
    PyObject *point = PyObject_GetAttrString(m, "point");
    PyObject *args = Py_BuildValue("(is)", 1, "a");
    PyObject *empty = PyTuple_New(0);
    PyObject *kw = Py_BuildValue("{s:i,s:s}", "b", 2, "c", "three");
    PyObject *nokw = PyDict_New();

    show_new("collect()", PyObject_CallNoArgs(collect));
    show_new("collect(1, 'a')", PyObject_Call(collect, args, NULL));
    show_new("collect(1, 'a', **{})", PyObject_Call(collect, args, nokw));
    show_new("collect(1, 'a', b=2, c='three')", PyObject_Call(collect, args, kw));
    show_new("collect(b=2, c='three')", PyObject_Call(collect, empty, kw));

    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *vargs[] = {one, two};
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    show_new("collect(1, k=2) via Vectorcall", PyObject_Vectorcall(collect, vargs, 1, kwnames));
    show_new("collect(1, 2) via Vectorcall", PyObject_Vectorcall(collect, vargs, 2, NULL));
    show_new("collect(1, 2) via VectorcallDict(kw)", PyObject_VectorcallDict(collect, vargs, 2, kw));

    /* PyObject_Call hands the caller's kwargs dict to a METH_KEYWORDS function as it is
       (CPython does not copy it), so the callee's mutation shows in the caller's dict. */
    PyObject *r = PyObject_Call(collect, empty, kw);
    if (r != NULL) {
        PyObject *seen = PyTuple_GetItem(r, 1);
        PyDict_SetItemString(seen, "added", Py_None);
    }
    Py_XDECREF(r);
    show("caller's kw after callee's dict was mutated", kw);

    show_new("point(1, 2)", PyObject_CallFunction(point, "ii", 1, 2));
    show_new("point(1, 2, 3)", PyObject_CallFunction(point, "iii", 1, 2, 3));
    PyObject *pk = Py_BuildValue("{s:i,s:s}", "z", 9, "label", "q");
    PyObject *pa = Py_BuildValue("(ii)", 4, 5);
    show_new("point(4, 5, z=9, label='q')", PyObject_Call(point, pa, pk));
    Py_DECREF(pk);
    pk = Py_BuildValue("{s:i,s:i}", "y", 8, "x", 7);
    show_new("point(y=8, x=7)", PyObject_Call(point, empty, pk));
    Py_DECREF(pk);
    Py_DECREF(pa);

    Py_DECREF(kwnames);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(args);
    Py_DECREF(empty);
    Py_DECREF(kw);
    Py_DECREF(nokw);
    Py_DECREF(collect);
    Py_DECREF(point);
    Py_DECREF(m);
    return conf_end();
}
