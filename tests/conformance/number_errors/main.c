/* The number protocol failing: division by zero (int and float), negative shifts, modular
   powers, overflow, unsupported operand types, and PyNumber_Long/Float/Index/AsSsize_t
   given what they cannot convert. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *zero = PyLong_FromLong(0), *one = PyLong_FromLong(1), *m1 = PyLong_FromLong(-1);
    PyObject *fzero = PyFloat_FromDouble(0.0), *fone = PyFloat_FromDouble(1.0), *half = PyFloat_FromDouble(1.5);
    PyObject *s = PyUnicode_FromString("a"), *lst = PyList_New(0);
    PyObject *p100 = PyLong_FromString("1267650600228229401496703205376", NULL, 10);
    char digits[402];
    digits[0] = '1';
    memset(digits + 1, '0', 400);
    digits[401] = '\0';
    PyObject *p400 = PyLong_FromString(digits, NULL, 10);

    show_new("1 // 0", PyNumber_FloorDivide(one, zero));
    show_new("1 % 0", PyNumber_Remainder(one, zero));
    show_new("1 / 0", PyNumber_TrueDivide(one, zero));
    show_new("divmod(1, 0)", PyNumber_Divmod(one, zero));
    show_new("0 ** -1", PyNumber_Power(zero, m1, Py_None));
    show_new("1 << -1", PyNumber_Lshift(one, m1));
    show_new("1 >> -1", PyNumber_Rshift(one, m1));
    show_new("10**400 / 1", PyNumber_TrueDivide(p400, one));
    show_new("1 / 10**400 is fine", PyNumber_TrueDivide(one, p400));
    show_new("pow(2, -1, 4)", PyNumber_Power(PyLong_FromLong(2), m1, PyLong_FromLong(4)));
    show_new("pow(2, 3, 0)", PyNumber_Power(PyLong_FromLong(2), PyLong_FromLong(3), zero));
    show_new("1.0 / 0.0", PyNumber_TrueDivide(fone, fzero));
    show_new("1.0 // 0.0", PyNumber_FloorDivide(fone, fzero));
    show_new("1.0 % 0.0", PyNumber_Remainder(fone, fzero));
    show_new("divmod(1.0, 0.0)", PyNumber_Divmod(fone, fzero));
    show_new("1.0 / 0", PyNumber_TrueDivide(fone, zero));
    show_new("0.0 ** -1", PyNumber_Power(fzero, m1, Py_None));
    show_new("10.0 ** 400", PyNumber_Power(PyFloat_FromDouble(10.0), PyLong_FromLong(400), Py_None));
    show_new("10**400 + 1.0", PyNumber_Add(p400, fone));
    show_new("pow(1.5, 2, 3)", PyNumber_Power(half, PyLong_FromLong(2), PyLong_FromLong(3)));

    show_new("1 + 'a'", PyNumber_Add(one, s));
    show_new("'a' + 1", PyNumber_Add(s, one));
    show_new("1.5 + 'a'", PyNumber_Add(half, s));
    show_new("1 - None", PyNumber_Subtract(one, Py_None));
    show_new("'a' * 1.5", PyNumber_Multiply(s, half));
    show_new("[] * 'a'", PyNumber_Multiply(lst, s));
    show_new("'a' / 1", PyNumber_TrueDivide(s, one));
    show_new("1.5 << 1", PyNumber_Lshift(half, one));
    show_new("1.5 & 1", PyNumber_And(half, one));
    show_new("-'a'", PyNumber_Negative(s));
    show_new("+[]", PyNumber_Positive(lst));
    show_new("abs('a')", PyNumber_Absolute(s));
    show_new("~1.5", PyNumber_Invert(half));
    show_new("pow('a', 2)", PyNumber_Power(s, PyLong_FromLong(2), Py_None));
    show_new("pow(2, 2, 'a')", PyNumber_Power(PyLong_FromLong(2), PyLong_FromLong(2), s));

    show_new("PyNumber_Long('4.5')", PyNumber_Long(PyUnicode_FromString("4.5")));
    show_new("PyNumber_Long(None)", PyNumber_Long(Py_None));
    show_new("PyNumber_Long([])", PyNumber_Long(lst));
    show_new("PyNumber_Long(inf)", PyNumber_Long(PyFloat_FromDouble(INFINITY)));
    show_new("PyNumber_Long(nan)", PyNumber_Long(PyFloat_FromDouble(NAN)));
    show_new("PyNumber_Float('nope')", PyNumber_Float(PyUnicode_FromString("nope")));
    show_new("PyNumber_Float(None)", PyNumber_Float(Py_None));
    show_new("PyNumber_Float(10**400)", PyNumber_Float(p400));
    show_new("PyNumber_Index('12')", PyNumber_Index(PyUnicode_FromString("12")));
    show_new("PyNumber_Index(1.5)", PyNumber_Index(half));
    show_ll("PyNumber_AsSsize_t(2**100, OverflowError)", PyNumber_AsSsize_t(p100, PyExc_OverflowError));
    show_ll("PyNumber_AsSsize_t(2**100, IndexError)", PyNumber_AsSsize_t(p100, PyExc_IndexError));
    show_ll("PyNumber_AsSsize_t(2**100, NULL) clamps", PyNumber_AsSsize_t(p100, NULL));
    show_ll("PyNumber_AsSsize_t(-2**100, NULL) clamps", PyNumber_AsSsize_t(PyNumber_Negative(p100), NULL));
    show_ll("PyNumber_AsSsize_t(1.5, NULL)", PyNumber_AsSsize_t(half, NULL));
    show_new("PyNumber_ToBase(10, 3)", PyNumber_ToBase(PyLong_FromLong(10), 3));
    show_new("PyNumber_ToBase(1.5, 2)", PyNumber_ToBase(half, 2));

    Py_DECREF(zero);
    Py_DECREF(one);
    Py_DECREF(m1);
    Py_DECREF(fzero);
    Py_DECREF(fone);
    Py_DECREF(half);
    Py_DECREF(s);
    Py_DECREF(lst);
    Py_DECREF(p100);
    Py_DECREF(p400);
    return conf_end();
}
