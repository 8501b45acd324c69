/* The number protocol on int, bool and float: PyNumber_* arithmetic with arbitrary
   precision, true and floor division, mixed int/float, conversions (Long, Float, Index, ToBase). */
#include "conformance.h"

static PyObject *I(const char *text) { return PyLong_FromString(text, NULL, 10); }

int main(void)
{
    conf_init();
    PyObject *big = I("1000000000000000000000000000000"); /* 10**30 */
    PyObject *two = PyLong_FromLong(2), *seven = PyLong_FromLong(7), *m7 = PyLong_FromLong(-7);
    PyObject *hundred = PyLong_FromLong(100);
    PyObject *p100 = PyNumber_Power(two, hundred, Py_None);

    show("2 ** 100", p100);
    show_new("10**30 * 10**30", PyNumber_Multiply(big, big));
    show_new("-(2 ** 100) // 7", PyNumber_FloorDivide(PyNumber_Negative(p100), seven));
    show_new("10**30 % 97", PyNumber_Remainder(big, PyLong_FromLong(97)));
    show_new("10**30 - 10**30", PyNumber_Subtract(big, big));
    show_new("10**30 + 1", PyNumber_Add(big, PyLong_FromLong(1)));
    show_new("1 << 200", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(200)));
    show_new("-10**30 >> 3", PyNumber_Rshift(PyNumber_Negative(big), PyLong_FromLong(3)));
    show_new("~10**30", PyNumber_Invert(big));
    show_new("10**30 & 0xffff", PyNumber_And(big, PyLong_FromLong(0xffff)));
    show_new("10**30 | 1", PyNumber_Or(big, PyLong_FromLong(1)));
    show_new("10**30 ^ 10**30", PyNumber_Xor(big, big));
    show_new("abs(-10**30)", PyNumber_Absolute(PyNumber_Negative(big)));
    show_new("+(-7)", PyNumber_Positive(m7));
    show_new("7 / 2", PyNumber_TrueDivide(seven, two));
    show_new("-7 // 2", PyNumber_FloorDivide(m7, two));
    show_new("-7 % 2", PyNumber_Remainder(m7, two));
    show_new("7 % -2", PyNumber_Remainder(seven, PyLong_FromLong(-2)));
    show_new("divmod(-7, 2)", PyNumber_Divmod(m7, two));
    show_new("2 ** -1", PyNumber_Power(two, PyLong_FromLong(-1), Py_None));
    show_new("pow(7, 100, 13)", PyNumber_Power(seven, hundred, PyLong_FromLong(13)));
    show_new("2**100 / 3", PyNumber_TrueDivide(p100, PyLong_FromLong(3)));

    show_new("True + True", PyNumber_Add(Py_True, Py_True));
    show_new("True & False", PyNumber_And(Py_True, Py_False));
    show_new("True | False", PyNumber_Or(Py_True, Py_False));
    show_new("True ^ True", PyNumber_Xor(Py_True, Py_True));
    show_new("-True", PyNumber_Negative(Py_True));

    PyObject *a = PyFloat_FromDouble(0.1), *b = PyFloat_FromDouble(0.2);
    show_new("0.1 + 0.2", PyNumber_Add(a, b));
    show_new("0.1 * 3", PyNumber_Multiply(a, PyLong_FromLong(3)));
    show_new("0.2 / 0.1", PyNumber_TrueDivide(b, a));
    show_new("-7.5 // 2", PyNumber_FloorDivide(PyFloat_FromDouble(-7.5), two));
    show_new("-7.5 % 2", PyNumber_Remainder(PyFloat_FromDouble(-7.5), two));
    show_new("divmod(7.5, -2)", PyNumber_Divmod(PyFloat_FromDouble(7.5), PyLong_FromLong(-2)));
    show_new("2.0 ** 0.5", PyNumber_Power(PyFloat_FromDouble(2.0), PyFloat_FromDouble(0.5), Py_None));
    show_new("2 ** 0.5", PyNumber_Power(two, PyFloat_FromDouble(0.5), Py_None));
    show_new("10**30 + 0.5", PyNumber_Add(big, PyFloat_FromDouble(0.5)));
    show_new("-0.0 * 1", PyNumber_Multiply(PyFloat_FromDouble(-0.0), PyLong_FromLong(1)));
    show_new("abs(-2.5)", PyNumber_Absolute(PyFloat_FromDouble(-2.5)));
    show_new("1e308 * 10", PyNumber_Multiply(PyFloat_FromDouble(1e308), PyLong_FromLong(10)));

    /* In-place forms on immutable numbers return new objects. */
    PyObject *x = PyLong_FromLong(40);
    PyObject *y = PyNumber_InPlaceAdd(x, two);
    show("40 += 2", y);
    printf("in-place add on an int makes a new object: %d\n", x != y);
    Py_XDECREF(y);
    Py_DECREF(x);

    /* Conversions. */
    show_new("PyNumber_Long(7.9)", PyNumber_Long(PyFloat_FromDouble(7.9)));
    show_new("PyNumber_Long(-2.5e10)", PyNumber_Long(PyFloat_FromDouble(-2.5e10)));
    show_new("PyNumber_Long('  -12 ')", PyNumber_Long(PyUnicode_FromString("  -12 ")));
    show_new("PyNumber_Long(True)", PyNumber_Long(Py_True));
    show_new("PyNumber_Float(10**20)", PyNumber_Float(I("100000000000000000000")));
    show_new("PyNumber_Float(' 1.5 ')", PyNumber_Float(PyUnicode_FromString(" 1.5 ")));
    show_new("PyNumber_Index(True)", PyNumber_Index(Py_True));
    show_new("PyNumber_Index(10**30)", PyNumber_Index(big));
    show_ll("PyNumber_AsSsize_t(-7, NULL)", PyNumber_AsSsize_t(m7, NULL));
    show_new("PyNumber_ToBase(255, 16)", PyNumber_ToBase(PyLong_FromLong(255), 16));
    show_new("PyNumber_ToBase(-5, 2)", PyNumber_ToBase(PyLong_FromLong(-5), 2));
    show_new("PyNumber_ToBase(8, 8)", PyNumber_ToBase(PyLong_FromLong(8), 8));
    show_new("PyNumber_ToBase(10, 10)", PyNumber_ToBase(PyLong_FromLong(10), 10));
    printf("PyNumber_Check(7): %d, (7.0): %d, ('7'): %d, (True): %d\n", PyNumber_Check(seven),
           PyNumber_Check(a), PyNumber_Check(PyUnicode_FromString("7")), PyNumber_Check(Py_True));
    printf("PyIndex_Check(7): %d, (7.0): %d\n", PyIndex_Check(seven), PyIndex_Check(a));

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(p100);
    Py_DECREF(big);
    Py_DECREF(two);
    Py_DECREF(seven);
    Py_DECREF(m7);
    Py_DECREF(hundred);
    return conf_end();
}
