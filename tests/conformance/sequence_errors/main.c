/* The sequence and mapping protocols failing: indices out of range or of the wrong type,
   immutability, and PySequence_* / PyObject_GetItem on objects that are not sequences.
   (The PyTuple_* / PyList_* API errors are in tuple_list_errors.) */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *t = Py_BuildValue("(ii)", 1, 2);
    PyObject *l = Py_BuildValue("[ii]", 1, 2);
    PyObject *num = PyLong_FromLong(7);

    show_new("PySequence_GetItem(t, 9)", PySequence_GetItem(t, 9));
    show_new("PySequence_GetItem(t, -9)", PySequence_GetItem(t, -9));
    show_new("PySequence_GetItem(l, 9)", PySequence_GetItem(l, 9));
    show_ll("PySequence_SetItem(l, 9, x)", PySequence_SetItem(l, 9, Py_None));
    show_ll("PySequence_DelItem(l, 9)", PySequence_DelItem(l, 9));
    show_ll("PySequence_SetItem(t, 0, x)", PySequence_SetItem(t, 0, Py_None));
    show_ll("PySequence_DelItem(t, 0)", PySequence_DelItem(t, 0));
    show_new("PyObject_GetItem(t, 'a')", PyObject_GetItem(t, PyUnicode_FromString("a")));
    show_new("PyObject_GetItem(l, 'a')", PyObject_GetItem(l, PyUnicode_FromString("a")));
    show_new("PyObject_GetItem(l, 1.0)", PyObject_GetItem(l, PyFloat_FromDouble(1.0)));
    show_new("PyObject_GetItem(l, 2**100)", PyObject_GetItem(l, PyLong_FromString("1267650600228229401496703205376", NULL, 10)));
    show_ll("PyObject_SetItem(t, 0, x)", PyObject_SetItem(t, PyLong_FromLong(0), Py_None));
    show_ll("PyObject_SetItem(l, 'a', x)", PyObject_SetItem(l, PyUnicode_FromString("a"), Py_None));
    show_ll("PyObject_DelItem(l, 5)", PyObject_DelItem(l, PyLong_FromLong(5)));
    show_new("PyObject_GetItem(7, 0)", PyObject_GetItem(num, PyLong_FromLong(0)));
    show_ll("PyObject_SetItem(7, 0, x)", PyObject_SetItem(num, PyLong_FromLong(0), Py_None));

    show_new("PySequence_GetItem(7, 0)", PySequence_GetItem(num, 0));
    show_ll("PySequence_Size(7)", PySequence_Size(num));
    show_ll("PyObject_Size(7)", PyObject_Size(num));
    show_new("PySequence_Tuple(7)", PySequence_Tuple(num));
    show_new("PySequence_List(None)", PySequence_List(Py_None));
    show_new("PySequence_Fast(7, 'custom message')", PySequence_Fast(num, "custom message"));
    show_new("PySequence_Concat(t, l)", PySequence_Concat(t, l));
    show_new("PySequence_Concat(7, t)", PySequence_Concat(num, t));
    show_new("PySequence_Repeat(7, 2)", PySequence_Repeat(num, 2));
    show_ll("PySequence_Contains(7, 1)", PySequence_Contains(num, num));
    show_ll("PySequence_Index(t, 7)", PySequence_Index(t, num));
    show_new("PyObject_GetIter(7)", PyObject_GetIter(num));
    show_new("t + [1]", PyNumber_Add(t, l));
    show_new("l + (1,)", PyNumber_Add(l, t));
    show("l at the end", l);
    show("t at the end", t);

    Py_DECREF(t);
    Py_DECREF(l);
    Py_DECREF(num);
    return conf_end();
}
