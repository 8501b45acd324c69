/* tuple: building with New + SET_ITEM (reference stealing), access, slicing, repr. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *t = PyTuple_New(3);
    PyObject *item = PyUnicode_FromString("owned");
    Py_ssize_t before = Py_REFCNT(item);
    Py_INCREF(item);
    PyTuple_SET_ITEM(t, 0, item); /* steals the extra reference */
    printf("SET_ITEM refcount delta (after our INCREF): %zd\n", Py_REFCNT(item) - before);
    PyTuple_SET_ITEM(t, 1, PyLong_FromLong(2));
    printf("PyTuple_SetItem: %d\n", PyTuple_SetItem(t, 2, PyFloat_FromDouble(3.5)));
    show("tuple", t);
    printf("PyTuple_Size: %zd, GET_SIZE: %zd, Py_SIZE: %zd\n", PyTuple_Size(t), PyTuple_GET_SIZE(t), Py_SIZE(t));
    printf("GetItem(0) is the stored object: %d\n", PyTuple_GetItem(t, 0) == item);
    printf("GET_ITEM(0) is the stored object: %d\n", PyTuple_GET_ITEM(t, 0) == item);
    show("GetItem(1)", PyTuple_GetItem(t, 1));
    printf("GetItem does not change the refcount: %d\n",
           (before = Py_REFCNT(item), PyTuple_GetItem(t, 0), Py_REFCNT(item) == before));
    printf("PyTuple_Check: %d, CheckExact: %d, PyList_Check: %d\n", PyTuple_Check(t), PyTuple_CheckExact(t),
           PyList_Check(t));

    show_new("GetSlice(1, 3)", PyTuple_GetSlice(t, 1, 3));
    show_new("GetSlice(0, 100)", PyTuple_GetSlice(t, 0, 100));
    show_new("GetSlice(2, 1)", PyTuple_GetSlice(t, 2, 1));
    PyObject *whole = PyTuple_GetSlice(t, 0, 3);
    printf("full slice of an exact tuple is the tuple itself: %d\n", whole == t);
    Py_XDECREF(whole);

    show_new("PyTuple_New(0)", PyTuple_New(0));
    PyObject *e1 = PyTuple_New(0), *e2 = PyTuple_New(0);
    printf("empty tuples are one object: %d\n", e1 == e2);
    Py_DECREF(e1);
    Py_DECREF(e2);
    show_new("one element", Py_BuildValue("(i)", 1));
    show_new("PyTuple_Pack(2, ...)", PyTuple_Pack(2, t, Py_None));
    show_new("nested", Py_BuildValue("((ii)(s(d)))", 1, 2, "a", 0.5));
    show_ll("hash((1, 2, 3))", PyObject_Hash(Py_BuildValue("(iii)", 1, 2, 3)));
    show_ll("hash(())", PyObject_Hash(PyTuple_New(0)));
    printf("(1, 2) < (1, 3): %d\n",
           PyObject_RichCompareBool(Py_BuildValue("(ii)", 1, 2), Py_BuildValue("(ii)", 1, 3), Py_LT));
    printf("(1, 2) == (1, 2.0): %d\n",
           PyObject_RichCompareBool(Py_BuildValue("(ii)", 1, 2), Py_BuildValue("(id)", 1, 2.0), Py_EQ));

    /* _PyTuple_Resize on a fresh tuple. */
    PyObject *r = PyTuple_New(2);
    PyTuple_SET_ITEM(r, 0, PyLong_FromLong(10));
    PyTuple_SET_ITEM(r, 1, PyLong_FromLong(20));
    printf("_PyTuple_Resize to 1: %d\n", _PyTuple_Resize(&r, 1));
    show("resized", r);
    Py_XDECREF(r);

    before = Py_REFCNT(item);
    Py_DECREF(t);
    /* t has crossed into the object space (show() took its repr): libpycapi frees such an
       object at the next collection rather than at once (docs/object-model.md). */
    PyGC_Collect();
    printf("item refcount delta after the tuple is freed: %zd\n", Py_REFCNT(item) - before);
    Py_DECREF(item);
    return conf_end();
}
