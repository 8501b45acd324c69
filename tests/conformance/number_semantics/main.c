/* The number protocol's semantics beyond number_protocol / number_errors: floor division and
   modulo signs on every sign combination (int, float, mixed), true division, the
   ZeroDivisionError and OverflowError texts, three-argument pow with negative exponents,
   shifts (negative, huge), bit operations on negative ints, in-place forms, ToBase,
   AsSsize_t and Index. */
#include "conformance.h"
#include <math.h>

static PyObject *I(const char *text)
{
    return PyLong_FromString(text, NULL, 0);
}

static PyObject *F(double v)
{
    return PyFloat_FromDouble(v);
}

typedef PyObject *(*binop)(PyObject *, PyObject *);

static void binary(const char *opname, binop op, PyObject *a, PyObject *b)
{
    char label[200];
    PyObject *ra = PyObject_Repr(a), *rb = PyObject_Repr(b);
    snprintf(label, sizeof label, "%s %s %s", PyUnicode_AsUTF8(ra), opname, PyUnicode_AsUTF8(rb));
    show_new(label, op(a, b));
    Py_DECREF(ra);
    Py_DECREF(rb);
}

static PyObject *power2(PyObject *a, PyObject *b)
{
    return PyNumber_Power(a, b, Py_None);
}

int main(void)
{
    conf_init();
    PyObject *ints[] = {I("7"), I("-7"), I("2"), I("-2"), I("0"), I("1"), I("123456789012345678901234567890"),
                        I("-123456789012345678901234567890")};
    PyObject *floats[] = {F(7.5), F(-7.5), F(2.0), F(-2.0), F(0.0), F(-0.0), F(INFINITY), F(-INFINITY), F(NAN)};
    int ni = (int)(sizeof ints / sizeof ints[0]), nf = (int)(sizeof floats / sizeof floats[0]);

    struct { const char *name; binop op; } ops[] = {
        {"//", PyNumber_FloorDivide}, {"%", PyNumber_Remainder}, {"/", PyNumber_TrueDivide},
        {"divmod", PyNumber_Divmod},
    };
    for (int o = 0; o < 4; o++) {
        for (int i = 0; i < ni; i++) {
            for (int j = 0; j < ni; j++) {
                binary(ops[o].name, ops[o].op, ints[i], ints[j]);
            }
        }
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j < nf; j++) {
                binary(ops[o].name, ops[o].op, floats[i], floats[j]);
            }
            binary(ops[o].name, ops[o].op, floats[i], ints[1]);
            binary(ops[o].name, ops[o].op, ints[1], floats[i]);
            binary(ops[o].name, ops[o].op, floats[i], ints[4]);
        }
    }

    /* Powers. */
    PyObject *m1 = I("-1"), *m2 = I("-2"), *three = I("3"), *zero = I("0"), *one = I("1"), *seven = I("7");
    PyObject *big = I("123456789012345678901234567890");
    show_new("pow(3, -1, 7)", PyNumber_Power(three, m1, seven));
    show_new("pow(3, -2, 7)", PyNumber_Power(three, m2, seven));
    show_new("pow(-3, -1, 7)", PyNumber_Power(PyNumber_Negative(three), m1, seven));
    show_new("pow(3, -1, -7)", PyNumber_Power(three, m1, PyNumber_Negative(seven)));
    show_new("pow(3, 2, -7)", PyNumber_Power(three, I("2"), PyNumber_Negative(seven)));
    show_new("pow(7, -1, 7)", PyNumber_Power(seven, m1, seven));
    show_new("pow(2, -1, 1)", PyNumber_Power(I("2"), m1, one));
    show_new("pow(2, 5, 1)", PyNumber_Power(I("2"), I("5"), one));
    show_new("pow(2, 5, -1)", PyNumber_Power(I("2"), I("5"), m1));
    show_new("pow(0, 0, 5)", PyNumber_Power(zero, zero, I("5")));
    show_new("pow(3, 0, 0)", PyNumber_Power(three, zero, zero));
    show_new("pow(big, -1, 1000003)", PyNumber_Power(big, m1, I("1000003")));
    show_new("pow(big, big, 97)", PyNumber_Power(big, big, I("97")));
    show_new("pow(2, 3, 4.0)", PyNumber_Power(I("2"), three, F(4.0)));
    show_new("pow(2.0, 3, 4)", PyNumber_Power(F(2.0), three, I("4")));
    binary("**", power2, I("0"), I("0"));
    binary("**", power2, I("-2"), I("3"));
    binary("**", power2, I("-2"), I("-3"));
    binary("**", power2, I("2"), I("-1075"));
    binary("**", power2, I("0"), I("-1"));
    binary("**", power2, F(0.0), F(-1.0));
    binary("**", power2, F(-8.0), F(1.0 / 3.0));
    binary("**", power2, I("-8"), F(0.5));
    binary("**", power2, F(2.0), F(10000.0));
    binary("**", power2, F(-2.0), F(1025.0));
    binary("**", power2, F(0.5), F(-INFINITY));
    binary("**", power2, F(1.0), F(NAN));
    binary("**", power2, F(NAN), F(0.0));
    binary("**", power2, F(-INFINITY), I("3"));
    binary("**", power2, I("10"), I("-2"));

    /* Shifts and bit operations. */
    binary("<<", PyNumber_Lshift, I("0"), I("100000000000000000000"));
    binary("<<", PyNumber_Lshift, I("1"), I("100000000000000000000"));
    binary(">>", PyNumber_Rshift, I("1"), I("100000000000000000000"));
    binary(">>", PyNumber_Rshift, I("-1"), I("100000000000000000000"));
    binary(">>", PyNumber_Rshift, I("-5"), I("1"));
    binary(">>", PyNumber_Rshift, I("-123456789012345678901234567890"), I("70"));
    binary("<<", PyNumber_Lshift, I("-3"), I("64"));
    binary("<<", PyNumber_Lshift, I("5"), I("-100000000000000000000"));
    binary(">>", PyNumber_Rshift, I("5"), I("-1"));
    binary("<<", PyNumber_Lshift, I("5"), F(1.0));
    binary("<<", PyNumber_Lshift, Py_True, Py_True);
    binary("&", PyNumber_And, I("-12"), I("10"));
    binary("|", PyNumber_Or, I("-12"), I("10"));
    binary("^", PyNumber_Xor, I("-12"), I("10"));
    binary("&", PyNumber_And, I("-123456789012345678901234567890"), I("-987654321"));
    binary("|", PyNumber_Or, I("-123456789012345678901234567890"), I("987654321987654321987654321"));
    binary("^", PyNumber_Xor, I("-123456789012345678901234567890"), I("-987654321987654321987654321"));
    show_new("~-1", PyNumber_Invert(I("-1")));
    show_new("~0", PyNumber_Invert(I("0")));
    show_new("~True", PyNumber_Invert(Py_True));
    show_new("-(-2**63)", PyNumber_Negative(I("-9223372036854775808")));
    show_new("abs(-2**63)", PyNumber_Absolute(I("-9223372036854775808")));
    show_new("-0.0", PyNumber_Negative(F(0.0)));

    /* Conversions that overflow. */
    PyObject *huge = PyNumber_Lshift(one, I("1024"));
    binary("+", PyNumber_Add, huge, F(1.0));
    binary("*", PyNumber_Multiply, F(1.5), huge);
    binary("/", PyNumber_TrueDivide, huge, I("3"));
    binary("/", PyNumber_TrueDivide, PyNumber_Multiply(huge, huge), huge);
    binary("/", PyNumber_TrueDivide, I("1"), huge);
    binary("//", PyNumber_FloorDivide, F(1e308), F(1e-308));
    binary("%", PyNumber_Remainder, F(-1e-300), F(1e300));
    show_new("PyNumber_Float(2**1024)", PyNumber_Float(huge));
    show_new("PyNumber_Long(inf)", PyNumber_Long(F(INFINITY)));
    show_new("PyNumber_Long(-inf)", PyNumber_Long(F(-INFINITY)));
    show_new("PyNumber_Long(1e300)", PyNumber_Long(F(1e300)));
    show_double("PyFloat_AsDouble(2**1024)", PyFloat_AsDouble(huge));
    show_new("float comparison 2**1024 > inf", PyObject_RichCompare(huge, F(INFINITY), Py_GT));
    show_new("2**1024 == 1e308", PyObject_RichCompare(huge, F(1e308), Py_EQ));

    /* In-place forms on immutable numbers. */
    show_new("7 //= -2", PyNumber_InPlaceFloorDivide(seven, I("-2")));
    show_new("7 %= -2", PyNumber_InPlaceRemainder(seven, I("-2")));
    show_new("7 /= 0", PyNumber_InPlaceTrueDivide(seven, zero));
    show_new("7 <<= -1", PyNumber_InPlaceLshift(seven, m1));
    show_new("pow(7, -1, 0) in place", PyNumber_InPlacePower(seven, m1, zero));
    show_new("7.0 //= 0.0", PyNumber_InPlaceFloorDivide(F(7.0), F(0.0)));
    show_new("7 **= -1", PyNumber_InPlacePower(seven, m1, Py_None));

    /* ToBase, Index, AsSsize_t. */
    const int bases[] = {2, 8, 10, 16};
    PyObject *tb[] = {I("0"), I("-1"), I("255"), I("-123456789012345678901234567890"), Py_True};
    for (int i = 0; i < 5; i++) {
        for (int b = 0; b < 4; b++) {
            char label[100];
            snprintf(label, sizeof label, "ToBase(#%d, %d)", i, bases[b]);
            show_new(label, PyNumber_ToBase(tb[i], bases[b]));
        }
    }
    show_new("ToBase(5, 0)", PyNumber_ToBase(I("5"), 0));
    show_new("ToBase(5, 36)", PyNumber_ToBase(I("5"), 36));
    show_new("ToBase('5', 10)", PyNumber_ToBase(PyUnicode_FromString("5"), 10));
    show_new("ToBase(5.0, 10)", PyNumber_ToBase(F(5.0), 10));
    show_new("ToBase(5.0, 3)", PyNumber_ToBase(F(5.0), 3));
    show_ll("AsSsize_t(2**63, NULL)", PyNumber_AsSsize_t(I("9223372036854775808"), NULL));
    show_ll("AsSsize_t(-2**63-1, NULL)", PyNumber_AsSsize_t(I("-9223372036854775809"), NULL));
    show_ll("AsSsize_t(-2**63-1, ValueError)", PyNumber_AsSsize_t(I("-9223372036854775809"), PyExc_ValueError));
    show_ll("AsSsize_t(2**63-1, OverflowError)", PyNumber_AsSsize_t(I("9223372036854775807"), PyExc_OverflowError));
    show_ll("AsSsize_t('1', NULL)", PyNumber_AsSsize_t(PyUnicode_FromString("1"), NULL));
    show_ll("AsSsize_t(None, IndexError)", PyNumber_AsSsize_t(Py_None, PyExc_IndexError));
    show_ll("AsSsize_t(True, NULL)", PyNumber_AsSsize_t(Py_True, NULL));
    show_new("Index(None)", PyNumber_Index(Py_None));
    show_new("Index([])", PyNumber_Index(PyList_New(0)));
    show_new("Index(1j)", PyNumber_Index(PyComplex_FromDoubles(0, 1)));
    printf("PyIndex_Check(1.5)=%d PyIndex_Check(True)=%d PyIndex_Check('')=%d\n",
           PyIndex_Check(F(1.5)), PyIndex_Check(Py_True), PyIndex_Check(PyUnicode_FromString("")));
    printf("PyNumber_Check(1.5)=%d PyNumber_Check('1')=%d PyNumber_Check(1j)=%d PyNumber_Check(None)=%d\n",
           PyNumber_Check(F(1.5)), PyNumber_Check(PyUnicode_FromString("1")),
           PyNumber_Check(PyComplex_FromDoubles(0, 1)), PyNumber_Check(Py_None));
    return conf_end();
}
