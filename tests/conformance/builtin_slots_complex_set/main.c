/* complex's, set's and frozenset's slots called directly from C, as CPython fills them:
   which entries exist, each type's own behaviour (NotImplemented for operands it does not
   handle), in-place set operators changing the set, hashes and comparisons. */
#include "conformance.h"

#define FILLED(table, field) ((table) != NULL && (table)->field != NULL)

int main(void)
{
    conf_init();
    PyNumberMethods *c = PyComplex_Type.tp_as_number, *s = PySet_Type.tp_as_number, *f = PyFrozenSet_Type.tp_as_number;

    printf("-- which slots\n");
    printf("complex: add %d sub %d mul %d truediv %d pow %d neg %d pos %d abs %d bool %d floordiv %d rem %d int %d float %d\n",
           FILLED(c, nb_add), FILLED(c, nb_subtract), FILLED(c, nb_multiply), FILLED(c, nb_true_divide), FILLED(c, nb_power),
           FILLED(c, nb_negative), FILLED(c, nb_positive), FILLED(c, nb_absolute), FILLED(c, nb_bool),
           FILLED(c, nb_floor_divide), FILLED(c, nb_remainder), FILLED(c, nb_int), FILLED(c, nb_float));
    printf("complex: repr %d hash %d richcompare %d\n", PyComplex_Type.tp_repr != NULL, PyComplex_Type.tp_hash != NULL,
           PyComplex_Type.tp_richcompare != NULL);
    printf("set: sub %d and %d xor %d or %d isub %d iand %d ixor %d ior %d add %d bool %d\n", FILLED(s, nb_subtract),
           FILLED(s, nb_and), FILLED(s, nb_xor), FILLED(s, nb_or), FILLED(s, nb_inplace_subtract), FILLED(s, nb_inplace_and),
           FILLED(s, nb_inplace_xor), FILLED(s, nb_inplace_or), FILLED(s, nb_add), FILLED(s, nb_bool));
    printf("frozenset: sub %d and %d xor %d or %d isub %d ior %d\n", FILLED(f, nb_subtract), FILLED(f, nb_and),
           FILLED(f, nb_xor), FILLED(f, nb_or), FILLED(f, nb_inplace_subtract), FILLED(f, nb_inplace_or));
    printf("set hash is PyObject_HashNotImplemented: %d, frozenset hash filled: %d\n",
           PySet_Type.tp_hash == PyObject_HashNotImplemented, PyFrozenSet_Type.tp_hash != NULL);

    printf("-- complex\n");
    PyObject *z = PyComplex_FromDoubles(1, 2), *w = PyComplex_FromDoubles(0.5, -1);
    PyObject *two = PyLong_FromLong(2), *text = PyUnicode_FromString("x");
    show_new("z + w", c->nb_add(z, w));
    show_new("z + 2", c->nb_add(z, two));
    show_new("2 - z", c->nb_subtract(two, z));
    show_new("z * w", c->nb_multiply(z, w));
    show_new("z / w", c->nb_true_divide(z, w));
    PyObject *zero = PyComplex_FromDoubles(0, 0);
    show_new("z / 0j", c->nb_true_divide(z, zero));
    show_new("z ** 2", c->nb_power(z, two, Py_None));
    show_new("z ** 2 % 2", c->nb_power(z, two, two));
    show_new("-z", c->nb_negative(z));
    show_new("abs(3+4j)", c->nb_absolute(PyComplex_FromDoubles(3, 4)));
    show_ll("bool(0j)", c->nb_bool(zero));
    show_new("z + 'x' (NotImplemented)", c->nb_add(z, text));
    show_new("repr", PyComplex_Type.tp_repr(z));
    show_ll("hash(1+2j)", PyComplex_Type.tp_hash(z));
    show_new("z == z", PyComplex_Type.tp_richcompare(z, z, Py_EQ));
    show_new("z < w (NotImplemented)", PyComplex_Type.tp_richcompare(z, w, Py_LT));

    printf("-- set and frozenset\n");
    PyObject *a = Py_BuildValue("[iii]", 1, 2, 3), *b = Py_BuildValue("[ii]", 3, 4);
    PyObject *sa = PySet_New(a), *sb = PySet_New(b), *fa = PyFrozenSet_New(a), *fb = PyFrozenSet_New(b);
    show_new("set - set", s->nb_subtract(sa, sb));
    show_new("set & frozenset", s->nb_and(sa, fb));
    show_new("frozenset ^ set", f->nb_xor(fa, sb));
    show_new("frozenset | frozenset", f->nb_or(fa, fb));
    show_new("set | list (NotImplemented)", s->nb_or(sa, a));
    PyObject *r = s->nb_inplace_or(sa, sb);
    printf("set |= set is the set: %d, ", r == sa);
    show("now", sa);
    Py_XDECREF(r);
    r = s->nb_inplace_subtract(sa, fb);
    printf("set -= frozenset is the set: %d, ", r == sa);
    show("now", sa);
    Py_XDECREF(r);
    show_ll("hash(set)", PySet_Type.tp_hash(sa));
    show_ll("hash(frozenset) == hash(frozenset) again", PyFrozenSet_Type.tp_hash(fa) == PyObject_Hash(fa));
    show_new("set <= frozenset", PySet_Type.tp_richcompare(sb, fb, Py_LE));
    show_new("repr(frozenset)", PyFrozenSet_Type.tp_repr(fb));

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(sa);
    Py_DECREF(sb);
    Py_DECREF(fa);
    Py_DECREF(fb);
    Py_DECREF(z);
    Py_DECREF(w);
    Py_DECREF(zero);
    Py_DECREF(two);
    Py_DECREF(text);
    return conf_end();
}
