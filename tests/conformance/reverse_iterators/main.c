/* reversed() of a list, a dict, dict views and a range: the iterator types CPython gives
   them (list_reverseiterator, dict_reverse*iterator, range_iterator / longrange_iterator),
   their items, __length_hint__, and what a change to the container during iteration does. */
#include "conformance.h"

static PyObject *reversed_type;

static PyObject *rev(PyObject *o)
{
    PyObject *it = PyObject_CallOneArg(reversed_type, o);
    return it;
}

/* type name, the items, the length hint after exhaustion. */
static void walk(const char *label, PyObject *o)
{
    PyObject *it = rev(o);
    printf("%s: ", label);
    if (it == NULL) {
        show("", NULL);
        Py_DECREF(o);
        return;
    }
    printf("%s, hint %zd, ", Py_TYPE(it)->tp_name, PyObject_LengthHint(it, -1));
    printf("iterator: %d, ", PyIter_Check(it));
    show_new("items", PySequence_List(it));
    printf("  hint when exhausted: %zd, next: ", PyObject_LengthHint(it, -1));
    show_new("", PyIter_Next(it));
    Py_DECREF(it);
    Py_DECREF(o);
}

static PyObject *range3(long a, long b, long c) { return PyObject_CallFunction((PyObject *)&PyRange_Type, "lll", a, b, c); }

int main(void)
{
    conf_init();
    PyObject *builtins = PyImport_ImportModule("builtins");
    reversed_type = PyObject_GetAttrString(builtins, "reversed");
    Py_DECREF(builtins);

    walk("reversed(list)", Py_BuildValue("[iii]", 1, 2, 3));
    walk("reversed([])", PyList_New(0));
    PyObject *d = Py_BuildValue("{s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3);
    PyDict_DelItemString(d, "b");
    PyDict_SetItemString(d, "z", PyLong_FromLong(26));
    walk("reversed(dict)", Py_NewRef(d));
    walk("reversed(dict.keys())", PyObject_CallMethod(d, "keys", NULL));
    walk("reversed(dict.values())", PyObject_CallMethod(d, "values", NULL));
    walk("reversed(dict.items())", PyObject_CallMethod(d, "items", NULL));
    walk("reversed({})", PyDict_New());
    walk("reversed(range(5))", range3(0, 5, 1));
    walk("reversed(range(10, 0, -3))", range3(10, 0, -3));
    walk("reversed(range(3, 3))", range3(3, 3, 1));
    walk("reversed(range(0, 2**63 - 1, 2**62))", PyObject_CallFunction((PyObject *)&PyRange_Type, "LLL",
                                                                         0LL, 0x7fffffffffffffffLL, 0x4000000000000000LL));
    walk("reversed(range(-2**63, 0, 2**62))", PyObject_CallFunction((PyObject *)&PyRange_Type, "LLL",
                                                                      (long long)(-0x7fffffffffffffffLL - 1), 0LL,
                                                                      0x4000000000000000LL));
    walk("reversed(range(2**63 - 3, 2**63 - 1))", PyObject_CallFunction((PyObject *)&PyRange_Type, "LL",
                                                                         0x7fffffffffffffffLL - 2, 0x7fffffffffffffffLL));
    PyObject *big = PyLong_FromString("100000000000000000000", NULL, 10);
    PyObject *big2 = PyNumber_Add(big, PyLong_FromLong(3));
    walk("reversed(range(10**20, 10**20 + 3))", PyObject_CallFunctionObjArgs((PyObject *)&PyRange_Type, big, big2, NULL));
    walk("reversed(tuple) stays the generic one", Py_BuildValue("(ii)", 1, 2));
    walk("reversed(set)", PySet_New(NULL));

    /* The methods themselves. */
    PyObject *l = Py_BuildValue("[iiii]", 1, 2, 3, 4);
    show_new("list.__reversed__()", PySequence_List(PyObject_CallMethod(l, "__reversed__", NULL)));
    show_new("list.__reversed__(1)", PyObject_CallMethod(l, "__reversed__", "i", 1));
    show_new("dict.__reversed__(1)", PyObject_CallMethod(d, "__reversed__", "i", 1));

    /* A list that changes under its reverse iterator. */
    PyObject *it = rev(l);
    show_new("first", PyIter_Next(it));
    printf("hint: %zd\n", PyObject_LengthHint(it, -1));
    PySequence_DelSlice(l, 0, 3);
    printf("after del l[0:3], hint: %zd\n", PyObject_LengthHint(it, -1));
    show_new("next", PyIter_Next(it));
    PyList_Append(l, PyLong_FromLong(5));
    PyList_Append(l, PyLong_FromLong(6));
    PyList_Append(l, PyLong_FromLong(7));
    show_new("next after the list grew again", PyIter_Next(it));
    Py_DECREF(it);
    it = rev(l);
    show_new("next", PyIter_Next(it));
    PyList_Append(l, PyLong_FromLong(8));
    show_new("rest after append", PySequence_List(it));
    Py_DECREF(it);
    PyObject *hint = PyObject_GetAttrString(rev(l), "__length_hint__");
    show_new("__length_hint__()", PyObject_CallNoArgs(hint));
    Py_DECREF(hint);

    /* A dict that changes size under its reverse iterator. */
    it = rev(d);
    show_new("dict first", PyIter_Next(it));
    PyDict_SetItemString(d, "new", Py_None);
    show_new("dict next after insert", PyIter_Next(it));
    show_new("dict next again", PyIter_Next(it));
    Py_DECREF(it);
    it = PyObject_CallOneArg(reversed_type, PyObject_CallMethod(d, "items", NULL));
    PyDict_DelItemString(d, "new");
    show_new("items next after delete", PyIter_Next(it));
    Py_DECREF(it);
    /* Same size, a value replaced: carries on. */
    it = rev(d);
    show_new("dict first", PyIter_Next(it));
    PyDict_SetItemString(d, "a", PyLong_FromLong(100));
    show_new("dict rest after a value changed", PySequence_List(it));
    Py_DECREF(it);

    Py_DECREF(l);
    Py_DECREF(d);
    Py_DECREF(reversed_type);
    return conf_end();
}
