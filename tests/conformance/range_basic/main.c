/* range: construction and its errors, len (huge too), items and slices, membership,
   iteration, equality and hash, count()/index(), through the C API. */
#include "conformance.h"

static PyObject *range_type;

static PyObject *range3(long a, long b, long c)
{
    return PyObject_CallFunction(range_type, "lll", a, b, c);
}

static void show_items(const char *label, PyObject *r)
{
    PyObject *l = PySequence_List(r);
    show_new(label, l);
}

int main(void)
{
    conf_init();
    PyObject *b = PyImport_ImportModule("builtins");
    range_type = PyObject_GetAttrString(b, "range");
    Py_DECREF(b);
    printf("builtins.range is PyRange_Type: %d\n", range_type == (PyObject *)&PyRange_Type);

    /* Construction. */
    PyObject *r10 = PyObject_CallFunction(range_type, "i", 10);
    show("range(10)", r10);
    printf("PyRange_Check: %d\n", PyRange_Check(r10));
    show_type("type", r10);
    show_new("range(1, 5)", PyObject_CallFunction(range_type, "ii", 1, 5));
    PyObject *r = range3(0, 10, 2);
    show("range(0, 10, 2)", r);
    show_new("range(10, 0, -3)", range3(10, 0, -3));
    show_new("range()", PyObject_CallNoArgs(range_type));
    show_new("range(1, 2, 3, 4)", PyObject_CallFunction(range_type, "iiii", 1, 2, 3, 4));
    show_new("range(1, 2, 0)", range3(1, 2, 0));
    show_new("range(1.5)", PyObject_CallFunction(range_type, "d", 1.5));
    show_new("range(0, 'a')", PyObject_CallFunction(range_type, "is", 0, "a"));
    show_new("range(True)", PyObject_CallFunction(range_type, "O", Py_True));
    PyObject *kw = Py_BuildValue("{si}", "stop", 3);
    PyObject *args = Py_BuildValue("(i)", 1);
    show_new("range(1, stop=3)", PyObject_Call(range_type, args, kw));
    show_new("r.start", PyObject_GetAttrString(r, "start"));
    show_new("r.stop", PyObject_GetAttrString(r, "stop"));
    show_new("r.step", PyObject_GetAttrString(r, "step"));
    show_ll("r.step = 1", PyObject_SetAttrString(r, "step", PyLong_FromLong(1)));

    /* Length and truth. */
    show_ll("len(range(0, 10, 2))", PyObject_Size(r));
    show_ll("len(range(10, 0, -3))", PyObject_Size(range3(10, 0, -3)));
    show_ll("len(range(5, 1))", PyObject_Size(range3(5, 1, 1)));
    show_ll("len(range(0, 10, -1))", PyObject_Size(range3(0, 10, -1)));
    printf("bool(range(5, 1)): %d\n", PyObject_IsTrue(range3(5, 1, 1)));
    printf("bool(range(10)): %d\n", PyObject_IsTrue(r10));
    PyObject *big = PyLong_FromString("100000000000000000000000", NULL, 10);
    PyObject *huge = PyObject_CallFunction(range_type, "O", big);
    show("range(10**23)", huge);
    show_ll("len(range(10**23))", PyObject_Size(huge));
    printf("bool(range(10**23)): %d\n", PyObject_IsTrue(huge));

    /* Items and slices. */
    for (long i = -6; i <= 6; i += 3) {
        char label[64];
        snprintf(label, sizeof label, "range(0, 10, 2)[%ld]", i);
        PyObject *key = PyLong_FromLong(i);
        show_new(label, PyObject_GetItem(r, key));
        Py_DECREF(key);
    }
    show_new("PySequence_GetItem(r, -1)", PySequence_GetItem(r, -1));
    show_new("PySequence_ITEM(r, 1)", PySequence_ITEM(r, 1));
    show_new("sq_item(r, -1)", Py_TYPE(r)->tp_as_sequence->sq_item(r, -1));
    show_new("sq_item(r, -6)", Py_TYPE(r)->tp_as_sequence->sq_item(r, -6));
    show_ll("sq_length(r)", Py_TYPE(r)->tp_as_sequence->sq_length(r));
    show_new("mp_subscript(r, -1)", Py_TYPE(r)->tp_as_mapping->mp_subscript(r, PyLong_FromLong(-1)));
    show_new("PySequence_GetItem(r, 5)", PySequence_GetItem(r, 5));
    show_new("r['a']", PyObject_GetItem(r, PyUnicode_FromString("a")));
    show_new("r[1.0]", PyObject_GetItem(r, PyFloat_FromDouble(1.0)));
    PyObject *k = PyNumber_Subtract(big, PyLong_FromLong(1));
    show_new("range(10**23)[10**23 - 1]", PyObject_GetItem(huge, k));
    show_new("range(10**23)[-1]", PyObject_GetItem(huge, PyLong_FromLong(-1)));
    show_new("range(10**23)[10**23]", PyObject_GetItem(huge, big));
    show_new("r[1:4]", PySequence_GetSlice(r, 1, 4));
    PyObject *neg = PyLong_FromLong(-1), *two = PyLong_FromLong(2), *zero = PyLong_FromLong(0);
    PyObject *s = PySlice_New(NULL, NULL, neg);
    show_new("r[::-1]", PyObject_GetItem(r, s));
    show_new("range(10**23)[::-1]", PyObject_GetItem(huge, s));
    Py_DECREF(s);
    s = PySlice_New(neg, NULL, two);
    show_new("range(10, 0, -3)[-1::2]", PyObject_GetItem(range3(10, 0, -3), s));
    Py_DECREF(s);
    s = PySlice_New(NULL, NULL, zero);
    show_new("r[::0]", PyObject_GetItem(r, s));
    Py_DECREF(s);
    show_new("r[1:2] = ...", PyObject_SetItem(r, zero, zero) < 0 ? NULL : Py_None);

    /* Membership. */
    const long probes[] = { -2, 0, 3, 4, 8, 10 };
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        PyObject *x = PyLong_FromLong(probes[i]);
        printf("%ld in range(0, 10, 2): %d, in range(10, 0, -3): %d\n", probes[i], PySequence_Contains(r, x),
               PySequence_Contains(range3(10, 0, -3), x));
        Py_DECREF(x);
    }
    printf("4.0 in r: %d\n", PySequence_Contains(r, PyFloat_FromDouble(4.0)));
    printf("'a' in r: %d\n", PySequence_Contains(r, PyUnicode_FromString("a")));
    printf("True in range(3): %d\n", PySequence_Contains(PyObject_CallFunction(range_type, "i", 3), Py_True));
    printf("10**23 - 1 in range(10**23): %d\n", PySequence_Contains(huge, k));
    printf("10**23 in range(10**23): %d\n", PySequence_Contains(huge, big));

    /* Iteration. */
    show_items("list(range(0, 10, 2))", r);
    show_items("list(range(10, 0, -3))", range3(10, 0, -3));
    show_items("list(range(5, 1))", range3(5, 1, 1));
    PyObject *it = PyObject_GetIter(r);
    show_type("iter(range(10))", it);
    show_new("next", PyIter_Next(it));
    show_new("length_hint", PyObject_CallMethod(it, "__length_hint__", NULL));
    Py_DECREF(it);
    it = PyObject_GetIter(huge);
    show_type("iter(range(10**23))", it);
    show_new("next", PyIter_Next(it));
    show_new("next", PyIter_Next(it));
    Py_DECREF(it);

    /* Equality and hash. */
    printf("range(0, 10, 2) == range(0, 9, 2): %d\n", PyObject_RichCompareBool(r, range3(0, 9, 2), Py_EQ));
    printf("range(0) == range(5, 1): %d\n", PyObject_RichCompareBool(range3(0, 0, 1), range3(5, 1, 1), Py_EQ));
    printf("range(3, 4) == range(3, 5, 7): %d\n", PyObject_RichCompareBool(range3(3, 4, 1), range3(3, 5, 7), Py_EQ));
    printf("range(0, 10, 2) != range(0, 10, 3): %d\n", PyObject_RichCompareBool(r, range3(0, 10, 3), Py_NE));
    printf("range(3) == [0, 1, 2]: %d\n", PyObject_RichCompareBool(PyObject_CallFunction(range_type, "i", 3),
                                                                   Py_BuildValue("[iii]", 0, 1, 2), Py_EQ));
    show_new("range(3) < range(4)", PyObject_RichCompare(range3(0, 3, 1), range3(0, 4, 1), Py_LT));
    printf("hash(range(0, 10, 2)) == hash(range(0, 9, 2)): %d\n", PyObject_Hash(r) == PyObject_Hash(range3(0, 9, 2)));
    printf("hash(range(0)) == hash(range(5, 1)): %d\n", PyObject_Hash(range3(0, 0, 1)) == PyObject_Hash(range3(5, 1, 1)));
    show_ll("hash(range(0, 10, 2))", PyObject_Hash(r));
    /* (hash(None) is None's address in CPython 3.11: ranges of fewer than 2 items compare only.) */
    printf("hash(range(3, 4)) == hash(range(3, 5, 7)): %d\n", PyObject_Hash(range3(3, 4, 1)) == PyObject_Hash(range3(3, 5, 7)));

    /* count() and index(). */
    show_new("r.count(4)", PyObject_CallMethod(r, "count", "i", 4));
    show_new("r.count(5)", PyObject_CallMethod(r, "count", "i", 5));
    show_new("r.count(4.0)", PyObject_CallMethod(r, "count", "d", 4.0));
    show_new("r.index(6)", PyObject_CallMethod(r, "index", "i", 6));
    show_new("r.index(5)", PyObject_CallMethod(r, "index", "i", 5));
    show_new("r.index(6.0)", PyObject_CallMethod(r, "index", "d", 6.0));
    show_new("r.index(6.5)", PyObject_CallMethod(r, "index", "d", 6.5));
    show_new("range(10, 0, -3).index(4)", PyObject_CallMethod(range3(10, 0, -3), "index", "i", 4));

    return conf_end();
}
