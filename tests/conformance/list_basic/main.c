/* list: New/Append/Insert/SetItem/GetItem, the ob_item layout macros, sort, slices. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *l = PyList_New(0);
    show("PyList_New(0)", l);
    for (int i = 0; i < 5; i++) {
        PyObject *v = PyLong_FromLong(i * i);
        PyList_Append(l, v);
        Py_DECREF(v);
    }
    show("after 5 appends", l);
    printf("PyList_Size: %zd, GET_SIZE: %zd\n", PyList_Size(l), PyList_GET_SIZE(l));
    show("GET_ITEM(3)", PyList_GET_ITEM(l, 3));
    show("GetItem(4)", PyList_GetItem(l, 4));

    PyObject *s = PyUnicode_FromString("inserted");
    Py_ssize_t before = Py_REFCNT(s);
    printf("Insert(0): %d\n", PyList_Insert(l, 0, s));
    printf("Insert increments the refcount: %zd\n", Py_REFCNT(s) - before);
    printf("Insert(-1): %d\n", PyList_Insert(l, -1, Py_None));
    printf("Insert(100): %d\n", PyList_Insert(l, 100, Py_True));
    show("after inserts", l);

    before = Py_REFCNT(s);
    Py_INCREF(s);
    printf("SetItem(1, s): %d\n", PyList_SetItem(l, 1, s)); /* steals */
    printf("SetItem refcount delta (after our INCREF): %zd\n", Py_REFCNT(s) - before);
    show("after SetItem", l);

    /* A list made with PyList_New(n) is filled with SET_ITEM. */
    PyObject *f = PyList_New(3);
    show("PyList_New(3) items are NULL", PyList_GET_ITEM(f, 0) == NULL ? Py_True : Py_False);
    PyList_SET_ITEM(f, 0, PyUnicode_FromString("c"));
    PyList_SET_ITEM(f, 1, PyUnicode_FromString("a"));
    PyList_SET_ITEM(f, 2, PyUnicode_FromString("b"));
    show("filled", f);
    printf("Sort: %d\n", PyList_Sort(f));
    show("sorted", f);
    printf("Reverse: %d\n", PyList_Reverse(f));
    show("reversed", f);
    show_new("AsTuple", PyList_AsTuple(f));
    show_new("GetSlice(0, 2)", PyList_GetSlice(f, 0, 2));
    PyObject *repl = Py_BuildValue("[iii]", 7, 8, 9);
    printf("SetSlice(1, 2, [7, 8, 9]): %d\n", PyList_SetSlice(f, 1, 2, repl));
    show("after SetSlice", f);
    printf("SetSlice(0, 2, NULL): %d\n", PyList_SetSlice(f, 0, 2, NULL));
    show("after deleting a slice", f);
    Py_DECREF(repl);

    PyObject *nums = Py_BuildValue("[iiiii]", 3, -1, 2, 10, 2);
    PyList_Sort(nums);
    show("sorted ints", nums);
    show("nums", nums);
    printf("PyList_Check: %d, CheckExact: %d, PyTuple_Check: %d\n", PyList_Check(nums), PyList_CheckExact(nums),
           PyTuple_Check(nums));

    /* A list containing itself. */
    PyObject *self = PyList_New(0);
    PyList_Append(self, self);
    show("self-containing list", self);
    PyList_SetSlice(self, 0, 1, NULL);

    before = Py_REFCNT(s);
    Py_DECREF(l);
    /* l has crossed into the object space (show() took its repr): libpycapi frees such an
       object at the next collection rather than at once (docs/object-model.md). */
    PyGC_Collect();
    printf("refcount delta of an item after its list is freed: %zd\n", Py_REFCNT(s) - before);
    Py_DECREF(s);
    Py_DECREF(f);
    Py_DECREF(nums);
    Py_DECREF(self);
    return conf_end();
}
