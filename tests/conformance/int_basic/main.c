/* int: construction and conversion to and from C, arbitrary precision values, AsLongAndOverflow.
   (Arithmetic is in number_protocol.) */
#include "conformance.h"
#include <limits.h>
#include <math.h>

int main(void)
{
    conf_init();

    show_new("PyLong_FromLong(0)", PyLong_FromLong(0));
    show_new("PyLong_FromLong(-1)", PyLong_FromLong(-1));
    show_new("PyLong_FromLong(123456789)", PyLong_FromLong(123456789));
    show_new("PyLong_FromLong(LONG_MAX)", PyLong_FromLong(LONG_MAX));
    show_new("PyLong_FromLong(LONG_MIN)", PyLong_FromLong(LONG_MIN));
    show_new("PyLong_FromUnsignedLong(ULONG_MAX)", PyLong_FromUnsignedLong(ULONG_MAX));
    show_new("PyLong_FromLongLong(LLONG_MIN)", PyLong_FromLongLong(LLONG_MIN));
    show_new("PyLong_FromUnsignedLongLong(ULLONG_MAX)", PyLong_FromUnsignedLongLong(ULLONG_MAX));
    show_new("PyLong_FromSsize_t(PY_SSIZE_T_MIN)", PyLong_FromSsize_t(PY_SSIZE_T_MIN));
    show_new("PyLong_FromSize_t(SIZE_MAX)", PyLong_FromSize_t(SIZE_MAX));
    show_new("PyLong_FromDouble(-2.75)", PyLong_FromDouble(-2.75));
    show_new("PyLong_FromDouble(1e20)", PyLong_FromDouble(1e20));
    show_new("PyLong_FromDouble(-0.0)", PyLong_FromDouble(-0.0));

    show_new("PyLong_FromString('12345678901234567890123456789', 10)",
             PyLong_FromString("12345678901234567890123456789", NULL, 10));
    show_new("PyLong_FromString('-ff', 16)", PyLong_FromString("-ff", NULL, 16));
    show_new("PyLong_FromString('0x1F', 0)", PyLong_FromString("0x1F", NULL, 0));
    show_new("PyLong_FromString('0o17', 0)", PyLong_FromString("0o17", NULL, 0));
    show_new("PyLong_FromString('0b1011', 0)", PyLong_FromString("0b1011", NULL, 0));
    show_new("PyLong_FromString('1_000_000', 0)", PyLong_FromString("1_000_000", NULL, 0));
    show_new("PyLong_FromString('  42  ', 10)", PyLong_FromString("  42  ", NULL, 10));
    show_new("PyLong_FromString('zz', 36)", PyLong_FromString("zz", NULL, 36));
    char *end = NULL;
    const char *text = "  77  ";
    PyObject *v = PyLong_FromString(text, &end, 10);
    show_new("PyLong_FromString('  77  ') with pend", v);
    if (end != NULL) {
        printf("pend offset: %td\n", end - text);
    }
    check_no_exc("PyLong_FromString pend");

    PyObject *two100 = PyLong_FromString("1267650600228229401496703205376", NULL, 10); /* 2**100 */
    PyObject *negbig = PyLong_FromString("-1000000000000000000000000000000", NULL, 10);
    show("2**100", two100);
    show("-10**30", negbig);

    /* Back to C. */
    show_ll("PyLong_AsLong(-123456789)", PyLong_AsLong(PyLong_FromLong(-123456789)));
    show_ll("PyLong_AsLong(LONG_MIN)", PyLong_AsLong(PyLong_FromLong(LONG_MIN)));
    show_ll("PyLong_AsLongLong(2**62)", PyLong_AsLongLong(PyLong_FromString("4611686018427387904", NULL, 10)));
    show_ull("PyLong_AsUnsignedLong(2**64-1)", PyLong_AsUnsignedLong(PyLong_FromUnsignedLong(ULONG_MAX)));
    show_ull("PyLong_AsUnsignedLongLong(2**63)",
             PyLong_AsUnsignedLongLong(PyLong_FromString("9223372036854775808", NULL, 10)));
    show_ull("PyLong_AsUnsignedLongMask(2**64+5)",
             PyLong_AsUnsignedLongMask(PyLong_FromString("18446744073709551621", NULL, 10)));
    show_ull("PyLong_AsUnsignedLongLongMask(-1)", PyLong_AsUnsignedLongLongMask(PyLong_FromLong(-1)));
    show_ll("PyLong_AsSsize_t(-5)", PyLong_AsSsize_t(PyLong_FromLong(-5)));
    show_ull("PyLong_AsSize_t(5)", PyLong_AsSize_t(PyLong_FromLong(5)));
    show_double("PyLong_AsDouble(2**100)", PyLong_AsDouble(two100));
    show_double("PyLong_AsDouble(-3)", PyLong_AsDouble(PyLong_FromLong(-3)));
    show_double("PyLong_AsDouble(2**53+1)", PyLong_AsDouble(PyLong_FromString("9007199254740993", NULL, 10)));
    show_ll("PyLong_AsLong(True)", PyLong_AsLong(Py_True));

    /* AsLongAndOverflow: no exception, the sign of the overflow in *overflow. */
    int overflow = 99;
    long r = PyLong_AsLongAndOverflow(two100, &overflow);
    printf("AsLongAndOverflow(2**100): %ld overflow=%d\n", r, overflow);
    check_no_exc("AsLongAndOverflow(2**100)");
    r = PyLong_AsLongAndOverflow(negbig, &overflow);
    printf("AsLongAndOverflow(-10**30): %ld overflow=%d\n", r, overflow);
    r = PyLong_AsLongAndOverflow(PyLong_FromLong(LONG_MAX), &overflow);
    printf("AsLongAndOverflow(LONG_MAX): %ld overflow=%d\n", r, overflow);
    r = PyLong_AsLongAndOverflow(PyLong_FromLong(-1), &overflow);
    printf("AsLongAndOverflow(-1): %ld overflow=%d\n", r, overflow);
    check_no_exc("AsLongAndOverflow(-1)");
    long long rr = PyLong_AsLongLongAndOverflow(PyLong_FromString("9223372036854775808", NULL, 10), &overflow);
    printf("AsLongLongAndOverflow(2**63): %lld overflow=%d\n", rr, overflow);
    check_no_exc("AsLongLongAndOverflow");

    /* Type checks and equality across representations. */
    printf("PyLong_Check(2**100): %d\n", PyLong_Check(two100));
    printf("PyLong_CheckExact(2**100): %d\n", PyLong_CheckExact(two100));
    PyObject *x1 = PyLong_FromLong(1000000), *x2 = PyLong_FromString("1000000", NULL, 10);
    printf("1000000 == int('1000000'): %d\n", PyObject_RichCompareBool(x1, x2, Py_EQ));
    printf("hash equal: %d\n", PyObject_Hash(x1) == PyObject_Hash(x2));
    show_new("str(-10**30)", PyObject_Str(negbig));
    Py_DECREF(x1);
    Py_DECREF(x2);
    Py_DECREF(two100);
    Py_DECREF(negbig);

    return conf_end();
}
