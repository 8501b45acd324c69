/* Comparisons and hashing that fail: unorderable types, unhashable objects, and the error
   return values of RichCompareBool and Hash. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *one = PyLong_FromLong(1), *s = PyUnicode_FromString("a");
    PyObject *lst = PyList_New(0), *d = PyDict_New(), *t = Py_BuildValue("(i[])", 1);

    show_new("1 < 'a'", PyObject_RichCompare(one, s, Py_LT));
    show_new("'a' >= 1", PyObject_RichCompare(s, one, Py_GE));
    show_new("[] > {}", PyObject_RichCompare(lst, d, Py_GT));
    show_new("None <= None", PyObject_RichCompare(Py_None, Py_None, Py_LE));
    show_new("{} < {}", PyObject_RichCompare(d, d, Py_LT));
    show_ll("RichCompareBool(1, 'a', <)", PyObject_RichCompareBool(one, s, Py_LT));
    show_ll("RichCompareBool(1, 'a', ==) is not an error", PyObject_RichCompareBool(one, s, Py_EQ));
    show_ll("RichCompareBool([], [], <) is not an error", PyObject_RichCompareBool(lst, lst, Py_LT));
    show_new("(1, 'a') < (1, 2)", PyObject_RichCompare(Py_BuildValue("(is)", 1, "a"), Py_BuildValue("(ii)", 1, 2), Py_LT));
    show_new("[1, 'a'] < [1, 2]", PyObject_RichCompare(Py_BuildValue("[is]", 1, "a"), Py_BuildValue("[ii]", 1, 2), Py_LT));
    show_new("(1, 'a') == (1, 2)", PyObject_RichCompare(Py_BuildValue("(is)", 1, "a"), Py_BuildValue("(ii)", 1, 2), Py_EQ));
    show_new("1.5 < 'x'", PyObject_RichCompare(PyFloat_FromDouble(1.5), s, Py_LT));
    show_new("b'a' < 'a'", PyObject_RichCompare(PyBytes_FromString("a"), s, Py_LT));
    show_new("b'a' == 'a'", PyObject_RichCompare(PyBytes_FromString("a"), s, Py_EQ));

    show_ll("hash([])", PyObject_Hash(lst));
    show_ll("hash({})", PyObject_Hash(d));
    show_ll("hash((1, []))", PyObject_Hash(t));
    show_ll("PyObject_HashNotImplemented(1)", PyObject_HashNotImplemented(one));
    show_new("{[]: 1} via Py_BuildValue", Py_BuildValue("{O:i}", lst, 1));

    Py_DECREF(one);
    Py_DECREF(s);
    Py_DECREF(lst);
    Py_DECREF(d);
    Py_DECREF(t);
    return conf_end();
}
