/* PyObject_RichCompare / RichCompareBool across types, and PyObject_Hash of ints, bools,
   floats and tuples (deterministic values only). */
#include "conformance.h"

static const char *opname[] = {"<", "<=", "==", "!=", ">", ">="};

static void all_ops(const char *label, PyObject *a, PyObject *b)
{
    printf("%s:", label);
    for (int op = Py_LT; op <= Py_GE; op++) {
        PyObject *r = PyObject_RichCompare(a, b, op);
        if (r == NULL) {
            printf(" %s->", opname[op]);
            conf_write_exc();
            continue;
        }
        PyObject *rr = PyObject_Repr(r);
        printf(" %s %s", opname[op], PyUnicode_AsUTF8(rr));
        Py_DECREF(rr);
        Py_DECREF(r);
    }
    printf("\n");
}

int main(void)
{
    conf_init();
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *onef = PyFloat_FromDouble(1.0), *half = PyFloat_FromDouble(1.5);
    PyObject *big = PyLong_FromString("100000000000000000000", NULL, 10);
    PyObject *a = PyUnicode_FromString("a"), *b = PyUnicode_FromString("b"), *ab = PyUnicode_FromString("ab");
    PyObject *t12 = Py_BuildValue("(ii)", 1, 2), *t13 = Py_BuildValue("(ii)", 1, 3);
    PyObject *l12 = Py_BuildValue("[ii]", 1, 2), *l1 = Py_BuildValue("[i]", 1);

    all_ops("1 ? 2", one, two);
    all_ops("1 ? 1.0", one, onef);
    all_ops("1.5 ? 1", half, one);
    all_ops("10**20 ? 1.5", big, half);
    all_ops("'a' ? 'b'", a, b);
    all_ops("'a' ? 'ab'", a, ab);
    all_ops("(1, 2) ? (1, 3)", t12, t13);
    all_ops("[1, 2] ? [1]", l12, l1);
    all_ops("True ? 1", Py_True, one);
    all_ops("None ? None (== and != only)", Py_None, Py_None);
    all_ops("'a' ? 1 (== and != only)", a, one);
    all_ops("(1, 2) ? [1, 2]", t12, l12);

    /* RichCompareBool: identity implies equality, even for nan. */
    PyObject *nan = PyFloat_FromDouble(NAN);
    printf("RichCompareBool(nan, nan, ==): %d\n", PyObject_RichCompareBool(nan, nan, Py_EQ));
    printf("RichCompareBool(nan, nan, !=): %d\n", PyObject_RichCompareBool(nan, nan, Py_NE));
    PyObject *nan2 = PyFloat_FromDouble(NAN);
    printf("RichCompareBool(nan, other nan, ==): %d\n", PyObject_RichCompareBool(nan, nan2, Py_EQ));
    PyObject *tn = PyTuple_Pack(1, nan);
    printf("(nan,) == (nan,) same element: %d\n", PyObject_RichCompareBool(tn, tn, Py_EQ));
    PyObject *tn2 = PyTuple_Pack(1, nan);
    printf("(nan,) == (nan,) same element, different tuples: %d\n", PyObject_RichCompareBool(tn, tn2, Py_EQ));
    printf("RichCompareBool(1, 1.0, ==): %d\n", PyObject_RichCompareBool(one, onef, Py_EQ));
    printf("RichCompareBool('a', 1, ==): %d\n", PyObject_RichCompareBool(a, one, Py_EQ));

    /* Hashes: ints hash to themselves modulo 2**61-1, -1 becomes -2. */
    const char *ints[] = {"0", "1", "-1", "-2", "42", "2305843009213693950", "2305843009213693951",
                          "2305843009213693952", "-2305843009213693951", "100000000000000000000",
                          "-100000000000000000000", "340282366920938463463374607431768211456"};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        PyObject *v = PyLong_FromString(ints[i], NULL, 10);
        char label[80];
        snprintf(label, sizeof label, "hash(%s)", ints[i]);
        show_ll(label, PyObject_Hash(v));
        Py_DECREF(v);
    }
    show_ll("hash(True)", PyObject_Hash(Py_True));
    show_ll("hash(0.5)", PyObject_Hash(PyFloat_FromDouble(0.5)));
    show_ll("hash(-1.0)", PyObject_Hash(PyFloat_FromDouble(-1.0)));
    show_ll("hash(1e20) == hash(10**20)", PyObject_Hash(PyFloat_FromDouble(1e20)) == PyObject_Hash(big));
    show_ll("hash(-inf)", PyObject_Hash(PyFloat_FromDouble(-INFINITY)));
    show_ll("hash((1, 2))", PyObject_Hash(t12));
    show_ll("hash((1, (2, 3), -1))", PyObject_Hash(Py_BuildValue("(i(ii)i)", 1, 2, 3, -1)));
    show_ll("hash((True, 1.0))", PyObject_Hash(Py_BuildValue("(Od)", Py_True, 1.0)));
    show_ll("hash(()) == hash(())", PyObject_Hash(PyTuple_New(0)) == PyObject_Hash(PyTuple_New(0)));
    show_ll("hash('ab') == hash('ab' built another way)",
            PyObject_Hash(ab) == PyObject_Hash(PyUnicode_FromStringAndSize("abc", 2)));
    show_ll("hash(b'ab') == hash('ab')", PyObject_Hash(PyBytes_FromString("ab")) == PyObject_Hash(ab));

    return conf_end();
}
