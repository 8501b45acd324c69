/* int conversions that fail: OverflowError for values out of range, TypeError for
   non-integers, ValueError for bad literals; the error return value of each function.
   (Arithmetic errors are in number_errors.) */
#include "conformance.h"

static PyObject *I(const char *text) { return PyLong_FromString(text, NULL, 10); }

/* 10**400, built from its digits. */
static PyObject *ten_to_400(void)
{
    char digits[402];
    digits[0] = '1';
    memset(digits + 1, '0', 400);
    digits[401] = '\0';
    return I(digits);
}

int main(void)
{
    conf_init();
    PyObject *p100 = I("1267650600228229401496703205376");   /* 2**100 */
    PyObject *n100 = I("-1267650600228229401496703205376");  /* -2**100 */
    PyObject *p64 = I("18446744073709551616");               /* 2**64 */
    PyObject *p63 = I("9223372036854775808");                /* 2**63 */
    PyObject *m1 = PyLong_FromLong(-1);
    PyObject *str = PyUnicode_FromString("12");
    PyObject *flt = PyFloat_FromDouble(3.7);

    show_ll("PyLong_AsLong(2**100)", PyLong_AsLong(p100));
    show_ll("PyLong_AsLong(-2**100)", PyLong_AsLong(n100));
    show_ll("PyLong_AsLong(2**63)", PyLong_AsLong(p63));
    show_ll("PyLong_AsLongLong(2**63)", PyLong_AsLongLong(p63));
    show_ll("PyLong_AsSsize_t(2**64)", PyLong_AsSsize_t(p64));
    show_ull("PyLong_AsUnsignedLong(2**64)", PyLong_AsUnsignedLong(p64));
    show_ull("PyLong_AsUnsignedLong(-1)", PyLong_AsUnsignedLong(m1));
    show_ull("PyLong_AsUnsignedLongLong(-1)", PyLong_AsUnsignedLongLong(m1));
    show_ull("PyLong_AsUnsignedLongLong(2**100)", PyLong_AsUnsignedLongLong(p100));
    show_ull("PyLong_AsSize_t(-1)", PyLong_AsSize_t(m1));
    show_ull("PyLong_AsSize_t(2**64)", PyLong_AsSize_t(p64));
    show_double("PyLong_AsDouble(10**400)", PyLong_AsDouble(ten_to_400()));

    /* A legitimate -1 is not an error. */
    show_ll("PyLong_AsLong(-1)", PyLong_AsLong(m1));

    /* Not an int at all. */
    show_ll("PyLong_AsLong('12')", PyLong_AsLong(str));
    show_ll("PyLong_AsLong(3.7)", PyLong_AsLong(flt));
    show_ll("PyLong_AsLong(None)", PyLong_AsLong(Py_None));
    show_ll("PyLong_AsLongLong('12')", PyLong_AsLongLong(str));
    show_ll("PyLong_AsSsize_t('12')", PyLong_AsSsize_t(str));
    show_ull("PyLong_AsUnsignedLong('12')", PyLong_AsUnsignedLong(str));
    show_ull("PyLong_AsUnsignedLongLong(3.7)", PyLong_AsUnsignedLongLong(flt));
    show_ull("PyLong_AsUnsignedLongMask('12')", PyLong_AsUnsignedLongMask(str));
    show_double("PyLong_AsDouble('12')", PyLong_AsDouble(str));
    int overflow = 42;
    long r = PyLong_AsLongAndOverflow(str, &overflow);
    printf("PyLong_AsLongAndOverflow('12'): %ld overflow=%d, ", r, overflow);
    conf_write_exc();
    printf("\n");
    /* Bad literals. */
    show_new("PyLong_FromString('12ab', 10)", PyLong_FromString("12ab", NULL, 10));
    show_new("PyLong_FromString('', 10)", PyLong_FromString("", NULL, 10));
    show_new("PyLong_FromString('0x10', 10)", PyLong_FromString("0x10", NULL, 10));
    show_new("PyLong_FromString('1__0', 0)", PyLong_FromString("1__0", NULL, 0));
    show_new("PyLong_FromString('010', 0)", PyLong_FromString("010", NULL, 0));
    show_new("PyLong_FromString('9', 8)", PyLong_FromString("9", NULL, 8));
    show_new("PyLong_FromString('1', 37)", PyLong_FromString("1", NULL, 37));
    show_new("PyLong_FromString('1', 1)", PyLong_FromString("1", NULL, 1));

    /* Conversions from float that cannot be represented. */
    show_new("PyLong_FromDouble(inf)", PyLong_FromDouble(INFINITY));
    show_new("PyLong_FromDouble(-inf)", PyLong_FromDouble(-INFINITY));
    show_new("PyLong_FromDouble(nan)", PyLong_FromDouble(NAN));

    Py_DECREF(p100);
    Py_DECREF(n100);
    Py_DECREF(p64);
    Py_DECREF(p63);
    Py_DECREF(m1);
    Py_DECREF(str);
    Py_DECREF(flt);
    return conf_end();
}
