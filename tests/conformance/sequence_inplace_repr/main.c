/* PySequence_InPlaceConcat / InPlaceRepeat (a list changes in place, a tuple or str gives
   a new object, non-sequences fail), and Py_ReprEnter / Py_ReprLeave guarding the repr of
   a C container that holds itself. */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    PyObject *item;
} Box;

static PyObject *box_repr(PyObject *self)
{
    int entered = Py_ReprEnter(self);
    if (entered != 0) {
        return entered > 0 ? PyUnicode_FromString("Box(...)") : NULL;
    }
    PyObject *inner = PyObject_Repr(((Box *)self)->item);
    Py_ReprLeave(self);
    if (inner == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("Box(%U)", inner);
    Py_DECREF(inner);
    return r;
}

static void box_dealloc(PyObject *self)
{
    Py_CLEAR(((Box *)self)->item);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Box",
    .tp_basicsize = sizeof(Box),
    .tp_dealloc = box_dealloc,
    .tp_repr = box_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static void inplace(const char *label, PyObject *a, PyObject *b, Py_ssize_t count)
{
    PyObject *r = b != NULL ? PySequence_InPlaceConcat(a, b) : PySequence_InPlaceRepeat(a, count);
    printf("%s: same object %d, ", label, r == a);
    show_new("result", r);
}

int main(void)
{
    conf_init();

    printf("-- in-place concat and repeat\n");
    PyObject *list = Py_BuildValue("[ii]", 1, 2);
    PyObject *tuple = Py_BuildValue("(ii)", 1, 2);
    PyObject *str = PyUnicode_FromString("ab");
    PyObject *other_list = Py_BuildValue("[i]", 3);
    PyObject *other_tuple = Py_BuildValue("(i)", 3);
    inplace("list += list", list, other_list, 0);
    inplace("list += tuple", list, other_tuple, 0);
    inplace("list += str", list, str, 0);
    show("list now", list);
    inplace("tuple += tuple", tuple, other_tuple, 0);
    inplace("str += str", str, str, 0);
    inplace("tuple += list", tuple, other_list, 0);
    inplace("str += tuple", str, other_tuple, 0);
    inplace("int += list", Py_True, other_list, 0);
    inplace("list *= 2", other_list, NULL, 2);
    show("other_list now", other_list);
    inplace("tuple *= 3", other_tuple, NULL, 3);
    inplace("str *= 0", str, NULL, 0);
    inplace("list *= -1", other_list, NULL, -1);
    inplace("int *= 2", Py_True, NULL, 2);
    PyObject *d = PyDict_New();
    inplace("dict += list", d, other_list, 0);
    inplace("dict *= 2", d, NULL, 2);
    Py_DECREF(d);

    printf("-- Py_ReprEnter / Py_ReprLeave\n");
    if (PyType_Ready(&BoxType) < 0) {
        show_exc("ready");
    }
    Box *box = PyObject_New(Box, &BoxType);
    box->item = PyLong_FromLong(5);
    show("box", (PyObject *)box);
    Py_SETREF(box->item, Py_BuildValue("[O]", (PyObject *)box));
    show("box in a list in itself", (PyObject *)box);
    show("the list", box->item);
    int first = Py_ReprEnter((PyObject *)box);
    int again = Py_ReprEnter((PyObject *)box);
    printf("enter: %d, again: %d\n", first, again);
    show("repr while entered", (PyObject *)box);
    Py_ReprLeave((PyObject *)box);
    show("repr after leave", (PyObject *)box);
    PyObject *cycle = box->item;
    box->item = NULL;
    Py_DECREF(cycle);
    Py_DECREF(box);

    Py_DECREF(list);
    Py_DECREF(tuple);
    Py_DECREF(str);
    Py_DECREF(other_list);
    Py_DECREF(other_tuple);
    return conf_end();
}
