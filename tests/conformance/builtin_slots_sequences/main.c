/* bytearray's, memoryview's, range's and slice's slots called directly from C, as CPython
   fills them: which entries exist (NULL where CPython has NULL) and each one's behaviour,
   errors included. */
#include "conformance.h"

#define FILLED(table, field) ((table) != NULL && (table)->field != NULL)

static void type_slots(PyTypeObject *t)
{
    PyNumberMethods *n = t->tp_as_number;
    PySequenceMethods *s = t->tp_as_sequence;
    PyMappingMethods *m = t->tp_as_mapping;
    printf("%s: number %d sequence %d mapping %d buffer %d\n", t->tp_name, n != NULL, s != NULL, m != NULL,
           t->tp_as_buffer != NULL);
    printf("  repr %d str %d hash %d hash unhashable %d richcompare %d iter %d iternext %d getattro generic %d "
           "setattro generic %d call %d\n",
           t->tp_repr != NULL, t->tp_str != NULL, t->tp_hash != NULL, t->tp_hash == PyObject_HashNotImplemented,
           t->tp_richcompare != NULL, t->tp_iter != NULL, t->tp_iternext != NULL,
           t->tp_getattro == PyObject_GenericGetAttr, t->tp_setattro == PyObject_GenericSetAttr, t->tp_call != NULL);
    printf("  nb: add %d remainder %d multiply %d bool %d index %d inplace_add %d\n", FILLED(n, nb_add),
           FILLED(n, nb_remainder), FILLED(n, nb_multiply), FILLED(n, nb_bool), FILLED(n, nb_index),
           FILLED(n, nb_inplace_add));
    printf("  sq: length %d concat %d repeat %d item %d ass_item %d contains %d inplace_concat %d inplace_repeat %d\n",
           FILLED(s, sq_length), FILLED(s, sq_concat), FILLED(s, sq_repeat), FILLED(s, sq_item), FILLED(s, sq_ass_item),
           FILLED(s, sq_contains), FILLED(s, sq_inplace_concat), FILLED(s, sq_inplace_repeat));
    printf("  mp: length %d subscript %d ass_subscript %d\n", FILLED(m, mp_length), FILLED(m, mp_subscript),
           FILLED(m, mp_ass_subscript));
}

static PyObject *slice(long start, long stop, long step)
{
    PyObject *a = PyLong_FromLong(start), *b = PyLong_FromLong(stop), *c = PyLong_FromLong(step);
    PyObject *s = PySlice_New(a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return s;
}

int main(void)
{
    conf_init();
    PyObject *range_iter = PyObject_GetIter(PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 3));
    PyObject *long_range_iter = PyObject_GetIter(PyObject_CallFunction((PyObject *)&PyRange_Type, "L", 0x7fffffffffffffffLL));
    Py_DECREF(PyObject_GetIter(PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 0)));
    PyTypeObject *types[] = { &PyByteArray_Type, &PyMemoryView_Type, &PyRange_Type, &PySlice_Type, &PyRangeIter_Type,
                              &PyLongRangeIter_Type, &PyByteArrayIter_Type };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        type_slots(types[i]);
    }
    printf("range_iterator's type is PyRangeIter_Type: %d, range(2**63 - 1): %d\n", Py_TYPE(range_iter) == &PyRangeIter_Type,
           Py_TYPE(long_range_iter) == &PyRangeIter_Type);
    PyObject *odd = PyObject_GetIter(PyObject_CallFunction((PyObject *)&PyRange_Type, "LLi", 0LL, 0x7fffffffffffffffLL, 2));
    printf("iter(range(0, 2**63 - 1, 2)) is a %s\n", Py_TYPE(odd)->tp_name);
    Py_DECREF(odd);
    odd = PyObject_GetIter(PyObject_CallFunction((PyObject *)&PyRange_Type, "LLi", 0LL, (-0x7fffffffffffffffLL - 1), -2));
    printf("iter(range(0, -2**63, -2)) is a %s\n", Py_TYPE(odd)->tp_name);
    Py_DECREF(odd);

    printf("-- bytearray\n");
    PyTypeObject *t = &PyByteArray_Type;
    PyObject *a = PyByteArray_FromStringAndSize("abc", 3), *b = PyBytes_FromString("de"), *three = PyLong_FromLong(3);
    show_new("repr", t->tp_repr(a));
    show_new("str", t->tp_str(a));
    show_ll("hash", t->tp_hash(a));
    show_new("a == b'abc'", t->tp_richcompare(a, PyBytes_FromString("abc"), Py_EQ));
    show_new("a < b'abd'", t->tp_richcompare(a, PyBytes_FromString("abd"), Py_LT));
    show_new("a == 'abc' (NotImplemented)", t->tp_richcompare(a, PyUnicode_FromString("abc"), Py_EQ));
    show_new("list(iter(a))", PySequence_List(t->tp_iter(a)));
    show_new("a % () (nb_remainder)", t->tp_as_number->nb_remainder(PyByteArray_FromStringAndSize("%d%%", 4), Py_BuildValue("(i)", 5)));
    show_new("1 % a (NotImplemented)", t->tp_as_number->nb_remainder(three, a));
    show_ll("sq_length", t->tp_as_sequence->sq_length(a));
    show_new("sq_concat(a, b'de')", t->tp_as_sequence->sq_concat(a, b));
    show_new("sq_concat(a, 3)", t->tp_as_sequence->sq_concat(a, three));
    show_new("sq_repeat(a, 2)", t->tp_as_sequence->sq_repeat(a, 2));
    show_new("sq_item(a, 1)", t->tp_as_sequence->sq_item(a, 1));
    show_new("sq_item(a, -1)", t->tp_as_sequence->sq_item(a, -1));
    show_new("sq_item(a, 3)", t->tp_as_sequence->sq_item(a, 3));
    show_ll("sq_contains(a, 98)", t->tp_as_sequence->sq_contains(a, PyLong_FromLong(98)));
    show_ll("sq_contains(a, b'bc')", t->tp_as_sequence->sq_contains(a, PyBytes_FromString("bc")));
    show_ll("sq_contains(a, 300)", t->tp_as_sequence->sq_contains(a, PyLong_FromLong(300)));
    show_ll("sq_ass_item(a, -1, 90)", t->tp_as_sequence->sq_ass_item(a, -1, PyLong_FromLong(90)));
    show_ll("sq_ass_item(a, 5, 90)", t->tp_as_sequence->sq_ass_item(a, 5, PyLong_FromLong(90)));
    show_ll("sq_ass_item(a, 5, 300) (the value first)", t->tp_as_sequence->sq_ass_item(a, 5, PyLong_FromLong(300)));
    show_ll("sq_ass_item(a, 0, NULL)", t->tp_as_sequence->sq_ass_item(a, 0, NULL));
    show("a", a);
    PyObject *r = t->tp_as_sequence->sq_inplace_concat(a, b);
    printf("sq_inplace_concat is a: %d, ", r == a);
    show("a", a);
    Py_XDECREF(r);
    r = t->tp_as_sequence->sq_inplace_repeat(a, 2);
    printf("sq_inplace_repeat is a: %d, ", r == a);
    show("a", a);
    Py_XDECREF(r);
    show_ll("mp_length", t->tp_as_mapping->mp_length(a));
    show_new("mp_subscript(a, 1:3)", t->tp_as_mapping->mp_subscript(a, slice(1, 3, 1)));
    show_new("mp_subscript(a, -1)", t->tp_as_mapping->mp_subscript(a, PyLong_FromLong(-1)));
    show_ll("mp_ass_subscript(a, ::2, b'')", t->tp_as_mapping->mp_ass_subscript(a, slice(0, 100, 2), PyBytes_FromString("")));
    show_ll("mp_ass_subscript(a, 'x', 1)", t->tp_as_mapping->mp_ass_subscript(a, PyUnicode_FromString("x"), three));
    show("a", a);

    printf("-- memoryview\n");
    t = &PyMemoryView_Type;
    PyObject *bytes = PyBytes_FromString("wxyz");
    PyObject *m = PyMemoryView_FromObject(bytes);
    PyObject *ba = PyByteArray_FromStringAndSize("wxyz", 4);
    PyObject *mw = PyMemoryView_FromObject(ba);
    show_ll("hash == hash(bytes)", t->tp_hash(m) == PyObject_Hash(bytes));
    show_ll("hash(writable)", t->tp_hash(mw));
    show_new("m == mw", t->tp_richcompare(m, mw, Py_EQ));
    show_new("m == b'wxyz'", t->tp_richcompare(m, bytes, Py_EQ));
    show_new("m < mw (NotImplemented)", t->tp_richcompare(m, mw, Py_LT));
    show_new("m == 1 (NotImplemented)", t->tp_richcompare(m, three, Py_EQ));
    show_new("list(iter(m))", PySequence_List(t->tp_iter(m)));
    show_ll("sq_length", t->tp_as_sequence->sq_length(m));
    show_new("sq_item(m, -1)", t->tp_as_sequence->sq_item(m, -1));
    show_new("sq_item(m, 4)", t->tp_as_sequence->sq_item(m, 4));
    show_ll("mp_length", t->tp_as_mapping->mp_length(m));
    PyObject *sub = t->tp_as_mapping->mp_subscript(m, slice(1, 3, 1));
    show_new("mp_subscript(m, 1:3).tobytes()", PyObject_CallMethod(sub, "tobytes", NULL));
    Py_XDECREF(sub);
    show_ll("mp_ass_subscript(mw, 0, 65)", t->tp_as_mapping->mp_ass_subscript(mw, PyLong_FromLong(0), PyLong_FromLong(65)));
    show_ll("mp_ass_subscript(m, 0, 65)", t->tp_as_mapping->mp_ass_subscript(m, PyLong_FromLong(0), PyLong_FromLong(65)));
    show_ll("mp_ass_subscript(mw, 0, NULL)", t->tp_as_mapping->mp_ass_subscript(mw, PyLong_FromLong(0), NULL));
    show("bytearray seen", ba);
    show_ll("contains via iteration (120 in m)", PySequence_Contains(m, PyLong_FromLong(120)));
    PyObject_CallMethod(m, "release", NULL);
    show_ll("sq_length(released)", t->tp_as_sequence->sq_length(m));
    show_new("sq_item(released, 0)", t->tp_as_sequence->sq_item(m, 0));

    printf("-- range\n");
    t = &PyRange_Type;
    PyObject *rg = PyObject_CallFunction((PyObject *)t, "iii", 1, 10, 3);
    PyObject *empty = PyObject_CallFunction((PyObject *)t, "i", 0);
    show_new("repr", t->tp_repr(rg));
    show_ll("hash == hash(range(1, 11, 3))", t->tp_hash(rg) == PyObject_Hash(PyObject_CallFunction((PyObject *)t, "iii", 1, 11, 3)));
    show_new("== range(1, 11, 3)", t->tp_richcompare(rg, PyObject_CallFunction((PyObject *)t, "iii", 1, 11, 3), Py_EQ));
    show_new("< (NotImplemented)", t->tp_richcompare(rg, rg, Py_LT));
    show_new("list(iter)", PySequence_List(t->tp_iter(rg)));
    show_ll("nb_bool", t->tp_as_number->nb_bool(rg));
    show_ll("nb_bool(range(0))", t->tp_as_number->nb_bool(empty));
    show_ll("sq_length", t->tp_as_sequence->sq_length(rg));
    show_new("sq_item(1)", t->tp_as_sequence->sq_item(rg, 1));
    show_new("sq_item(-1)", t->tp_as_sequence->sq_item(rg, -1));
    show_new("sq_item(4)", t->tp_as_sequence->sq_item(rg, 4));
    show_ll("sq_contains(7)", t->tp_as_sequence->sq_contains(rg, PyLong_FromLong(7)));
    show_ll("mp_length", t->tp_as_mapping->mp_length(rg));
    show_new("mp_subscript(::-1)", t->tp_as_mapping->mp_subscript(rg, slice(100, -100, -1)));
    show_new("mp_subscript('x')", t->tp_as_mapping->mp_subscript(rg, PyUnicode_FromString("x")));
    show_new("range_iterator next", Py_TYPE(range_iter)->tp_iternext(range_iter));
    show_new("longrange_iterator next", Py_TYPE(long_range_iter)->tp_iternext(long_range_iter));

    printf("-- slice\n");
    t = &PySlice_Type;
    PyObject *s1 = slice(1, 5, 2), *s2 = slice(1, 6, 2);
    show_new("repr", t->tp_repr(s1));
    show_ll("hash", t->tp_hash(s1));
    show_ll("PyObject_Hash", PyObject_Hash(s1));
    show_new("s1 < s2", t->tp_richcompare(s1, s2, Py_LT));
    show_new("s1 == s1", t->tp_richcompare(s1, s1, Py_EQ));
    show_new("s1 == 1 (NotImplemented)", t->tp_richcompare(s1, three, Py_EQ));
    show_new("str", t->tp_str(s1));

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(three);
    Py_DECREF(m);
    Py_DECREF(mw);
    Py_DECREF(ba);
    Py_DECREF(bytes);
    Py_DECREF(rg);
    Py_DECREF(empty);
    Py_DECREF(s1);
    Py_DECREF(s2);
    Py_DECREF(range_iter);
    Py_DECREF(long_range_iter);
    return conf_end();
}
