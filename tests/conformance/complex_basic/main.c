/* complex: the C API (FromDoubles/FromCComplex, RealAsDouble/ImagAsDouble, AsCComplex
   with __complex__ and __float__), repr and hash, the number protocol with int and float
   operands and its errors, the constructor from numbers and strings, real/imag/conjugate. */
#include "conformance.h"
#include <math.h>

static PyObject *complex_type;

static PyObject *cx(double re, double im) { return PyComplex_FromDoubles(re, im); }

static void show_c(const char *label, Py_complex c)
{
    printf("%s: (%.17g, %.17g)", label, c.real, c.imag);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

/* A C type with __complex__ returning what it holds, and one with only nb_float. */
typedef struct {
    PyObject_HEAD
    PyObject *value;
} holder;

static PyObject *holder_complex(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_NewRef(((holder *)self)->value);
}

static PyMethodDef holder_methods[] = { { "__complex__", holder_complex, METH_NOARGS, NULL }, { NULL, NULL, 0, NULL } };
static PyType_Slot holder_slots[] = { { Py_tp_methods, holder_methods }, { 0, NULL } };
static PyType_Spec holder_spec = { "test.Holder", sizeof(holder), 0, Py_TPFLAGS_DEFAULT, holder_slots };

static PyObject *floaty_float(PyObject *self)
{
    (void)self;
    return PyFloat_FromDouble(2.5);
}
static PyType_Slot floaty_slots[] = { { Py_nb_float, floaty_float }, { 0, NULL } };
static PyType_Spec floaty_spec = { "test.Floaty", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, floaty_slots };

static PyObject *new_holder(PyObject *type, PyObject *value)
{
    PyObject *h = PyType_GenericAlloc((PyTypeObject *)type, 0);
    ((holder *)h)->value = value;
    return h;
}

static void binary(const char *name, PyObject *(*op)(PyObject *, PyObject *), PyObject *a, PyObject *b)
{
    PyObject *ra = PyObject_Repr(a), *rb = PyObject_Repr(b);
    char label[160];
    snprintf(label, sizeof label, "%s %s %s", PyUnicode_AsUTF8(ra), name, PyUnicode_AsUTF8(rb));
    show_new(label, op(a, b));
    Py_DECREF(ra);
    Py_DECREF(rb);
}

static PyObject *power(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }

static void construct(const char *label, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *args = Py_VaBuildValue(format, va);
    va_end(va);
    show_new(label, PyObject_Call(complex_type, args, NULL));
    Py_DECREF(args);
}

int main(void)
{
    conf_init();
    PyObject *b = PyImport_ImportModule("builtins");
    complex_type = PyObject_GetAttrString(b, "complex");
    Py_DECREF(b);
    printf("builtins.complex is PyComplex_Type: %d\n", complex_type == (PyObject *)&PyComplex_Type);

    /* The C API on complex objects. */
    PyObject *z = cx(1.5, -2.0);
    show("PyComplex_FromDoubles(1.5, -2)", z);
    printf("PyComplex_Check: %d, CheckExact: %d, on a float: %d\n", PyComplex_Check(z), PyComplex_CheckExact(z),
           PyComplex_Check(PyFloat_FromDouble(1.0)));
    printf("cval: %g %g\n", ((PyComplexObject *)z)->cval.real, ((PyComplexObject *)z)->cval.imag);
    Py_complex c = { 3.0, 4.0 };
    PyObject *z34 = PyComplex_FromCComplex(c);
    show("PyComplex_FromCComplex(3, 4)", z34);
    show_double("RealAsDouble(1.5-2j)", PyComplex_RealAsDouble(z));
    show_double("ImagAsDouble(1.5-2j)", PyComplex_ImagAsDouble(z));
    show_double("RealAsDouble(7)", PyComplex_RealAsDouble(PyLong_FromLong(7)));
    show_double("ImagAsDouble(7)", PyComplex_ImagAsDouble(PyLong_FromLong(7)));
    show_double("RealAsDouble('x')", PyComplex_RealAsDouble(PyUnicode_FromString("x")));
    show_double("ImagAsDouble('x')", PyComplex_ImagAsDouble(PyUnicode_FromString("x")));
    show_c("AsCComplex(1.5-2j)", PyComplex_AsCComplex(z));
    show_c("AsCComplex(0.25)", PyComplex_AsCComplex(PyFloat_FromDouble(0.25)));
    show_c("AsCComplex(-3)", PyComplex_AsCComplex(PyLong_FromLong(-3)));
    show_c("AsCComplex('x')", PyComplex_AsCComplex(PyUnicode_FromString("x")));
    PyObject *holder_type = PyType_FromSpec(&holder_spec), *floaty_type = PyType_FromSpec(&floaty_spec);
    PyObject *h = new_holder(holder_type, z34);
    show_c("AsCComplex(Holder(3+4j))", PyComplex_AsCComplex(h));
    show_double("RealAsDouble(Holder(3+4j))", PyComplex_RealAsDouble(h));
    PyObject *bad = new_holder(holder_type, PyFloat_FromDouble(1.0));
    show_c("AsCComplex(Holder(1.0))", PyComplex_AsCComplex(bad));
    PyObject *floaty = PyType_GenericAlloc((PyTypeObject *)floaty_type, 0);
    show_c("AsCComplex(Floaty())", PyComplex_AsCComplex(floaty));
    show_double("RealAsDouble(Floaty())", PyComplex_RealAsDouble(floaty));

    /* repr, str and hash. */
    const double parts[][2] = {
        { 1, 2 }, { 0, 1 }, { -0.0, -0.0 }, { 0, -0.0 }, { -0.0, 0 }, { 0, 0 }, { NAN, INFINITY }, { -INFINITY, -NAN },
        { 0.1, 1e16 }, { 1e-5, 123456789.125 }, { 2.5, -0.5 }, { 1e22, 5e-324 }, { 100, -100 }, { 0, NAN },
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char label[96];
        PyObject *v = cx(parts[i][0], parts[i][1]);
        snprintf(label, sizeof label, "repr(complex(%g, %g))", parts[i][0], parts[i][1]);
        show(label, v);
        snprintf(label, sizeof label, "str(complex(%g, %g))", parts[i][0], parts[i][1]);
        show_str(label, v);
        if (!isnan(parts[i][0]) && !isnan(parts[i][1])) {
            snprintf(label, sizeof label, "hash(complex(%g, %g))", parts[i][0], parts[i][1]);
            show_ll(label, PyObject_Hash(v));
        }
        Py_DECREF(v);
    }
    printf("hash(2+0j) == hash(2): %d\n", PyObject_Hash(cx(2, 0)) == PyObject_Hash(PyLong_FromLong(2)));
    printf("hash(-1+0j) == hash(-1): %d\n", PyObject_Hash(cx(-1, 0)) == PyObject_Hash(PyLong_FromLong(-1)));

    /* Arithmetic. */
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2), *half = PyFloat_FromDouble(0.5);
    PyObject *zero = cx(0, 0), *j = cx(0, 1), *big = PyLong_FromString("1" "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", NULL, 10);
    PyObject *operands[] = { z, z34, two, half, j };
    for (size_t i = 0; i < 5; i++) {
        for (size_t k = 0; k < 5; k++) {
            if (!PyComplex_Check(operands[i]) && !PyComplex_Check(operands[k])) {
                continue;
            }
            binary("+", PyNumber_Add, operands[i], operands[k]);
            binary("-", PyNumber_Subtract, operands[i], operands[k]);
            binary("*", PyNumber_Multiply, operands[i], operands[k]);
            binary("/", PyNumber_TrueDivide, operands[i], operands[k]);
            binary("**", power, operands[i], operands[k]);
        }
    }
    binary("/", PyNumber_TrueDivide, z, zero);
    binary("/", PyNumber_TrueDivide, z, PyLong_FromLong(0));
    binary("/", PyNumber_TrueDivide, one, zero);
    binary("/", PyNumber_TrueDivide, z, cx(NAN, 1));
    binary("/", PyNumber_TrueDivide, cx(1e300, 1e300), cx(1e-300, 1e300));
    binary("**", power, zero, cx(-1, 0));
    binary("**", power, zero, cx(1, 1));
    binary("**", power, zero, PyLong_FromLong(-2));
    binary("**", power, zero, zero);
    binary("**", power, zero, two);
    binary("**", power, j, PyLong_FromLong(101));
    binary("**", power, j, PyLong_FromLong(-3));
    binary("**", power, cx(1e200, 1e200), two);
    binary("**", power, cx(1e200, 0), two);
    binary("**", power, cx(1e200, 1), PyFloat_FromDouble(2.5));
    binary("**", power, cx(INFINITY, 0), half);
    binary("**", power, cx(2, 0), half);
    binary("**", power, PyFloat_FromDouble(-8.0), PyFloat_FromDouble(1.0 / 3.0));
    binary("**", power, PyLong_FromLong(-1), half);
    show_new("pow(1j, 2, 3)", PyNumber_Power(j, two, PyLong_FromLong(3)));
    binary("+", PyNumber_Add, z, big);
    binary("//", PyNumber_FloorDivide, z, z);
    binary("%", PyNumber_Remainder, z, two);
    binary("divmod", PyNumber_Divmod, two, z);
    binary("&", PyNumber_And, z, z);
    binary("+", PyNumber_Add, z, PyUnicode_FromString("a"));
    show_new("-(1.5-2j)", PyNumber_Negative(z));
    show_new("+(1.5-2j)", PyNumber_Positive(z));
    show_new("abs(3+4j)", PyNumber_Absolute(z34));
    show_new("abs(inf+nanj)", PyNumber_Absolute(cx(INFINITY, NAN)));
    show_new("abs(nan+1j)", PyNumber_Absolute(cx(NAN, 1)));
    show_new("abs(1e308+1e308j)", PyNumber_Absolute(cx(1e308, 1e308)));
    show_new("~(1.5-2j)", PyNumber_Invert(z));
    show_new("int(1.5-2j)", PyNumber_Long(z));
    show_new("float(1.5-2j)", PyNumber_Float(z));
    show_new("operator.index(1j)", PyNumber_Index(j));
    printf("PyNumber_Check(1j): %d\n", PyNumber_Check(j));
    printf("bool(0j): %d, bool(1j): %d, bool(-0.0-0j): %d\n", PyObject_IsTrue(zero), PyObject_IsTrue(j), PyObject_IsTrue(cx(-0.0, -0.0)));

    /* Comparisons. */
    printf("2+0j == 2: %d, 2 == 2+0j: %d\n", PyObject_RichCompareBool(cx(2, 0), two, Py_EQ), PyObject_RichCompareBool(two, cx(2, 0), Py_EQ));
    printf("0.5+0j == 0.5: %d, 0.5 != 0.5+0j: %d\n", PyObject_RichCompareBool(cx(0.5, 0), half, Py_EQ),
           PyObject_RichCompareBool(half, cx(0.5, 0), Py_NE));
    printf("2+1j == 2: %d, 1j == 1j: %d, 1j != 1j: %d\n", PyObject_RichCompareBool(cx(2, 1), two, Py_EQ),
           PyObject_RichCompareBool(j, cx(0, 1), Py_EQ), PyObject_RichCompareBool(j, cx(0, 1), Py_NE));
    printf("2**1000+0j == 2**1000: %d\n", PyObject_RichCompareBool(cx(1e300, 0), big, Py_EQ));
    printf("1j == 'a': %d\n", PyObject_RichCompareBool(j, PyUnicode_FromString("a"), Py_EQ));
    show_new("1j < 1j", PyObject_RichCompare(j, j, Py_LT));
    show_new("1j >= 2", PyObject_RichCompare(j, two, Py_GE));
    show_new("0.5 > 1j", PyObject_RichCompare(half, j, Py_GT));

    /* The constructor. */
    construct("complex()", "()");
    construct("complex(2)", "(i)", 2);
    construct("complex(2, 3)", "(ii)", 2, 3);
    construct("complex(1.5, -0.5)", "(dd)", 1.5, -0.5);
    construct("complex(1+2j, 3+4j)", "(OO)", cx(1, 2), z34);
    construct("complex(2, 1j)", "(iO)", 2, j);
    construct("complex(1j, 2)", "(Oi)", j, 2);
    construct("complex(Holder(3+4j))", "(O)", h);
    construct("complex(Holder(1.0))", "(O)", bad);
    construct("complex(Floaty(), Floaty())", "(OO)", floaty, floaty);
    construct("complex(None)", "(O)", Py_None);
    construct("complex(1, None)", "(iO)", 1, Py_None);
    construct("complex('1', 2)", "(si)", "1", 2);
    construct("complex(1, '2')", "(is)", 1, "2");
    construct("complex(1, 2, 3)", "(iii)", 1, 2, 3);
    construct("complex(b'1')", "(y)", "1");
    construct("complex(2**10000)", "(O)", PyNumber_Power(two, PyLong_FromLong(10000), Py_None));
    PyObject *kw = Py_BuildValue("{sd}", "imag", 2.0);
    show_new("complex(imag=2.0)", PyObject_Call(complex_type, PyTuple_New(0), kw));
    Py_DECREF(kw);
    kw = Py_BuildValue("{si}", "real", 2);
    show_new("complex(1, real=2)", PyObject_Call(complex_type, Py_BuildValue("(i)", 1), kw));
    Py_DECREF(kw);
    kw = Py_BuildValue("{si}", "x", 2);
    show_new("complex(x=2)", PyObject_Call(complex_type, PyTuple_New(0), kw));
    Py_DECREF(kw);
    const char *texts[] = {
        "1+2j", " ( 1.5-2.5J ) ", "j", "-j", "+1j", "1e3j", "3", "-4.5e-3", "inf", "-infj", "nan+nanj", "infinity-INFj",
        "1_000+2_0j", "1__0", "_1", "1+", "1+2", "(1+2j", "1+2j)", "", " ", "()", "1j+2", "1e", "1.e5+.5j", "١٢+٣j",
        "1 +2j", "1+2jj", "j1", "1e400+1e-400j", "\xe2\x80\x83" "2j" "\xe2\x80\x83",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char label[96];
        snprintf(label, sizeof label, "complex('%s')", texts[i]);
        construct(label, "(s)", texts[i]);
    }

    /* Attributes and methods. */
    show_new("(1.5-2j).real", PyObject_GetAttrString(z, "real"));
    show_new("(1.5-2j).imag", PyObject_GetAttrString(z, "imag"));
    show_new("(1.5-2j).conjugate()", PyObject_CallMethod(z, "conjugate", NULL));
    show_new("(1.5-2j).__complex__()", PyObject_CallMethod(z, "__complex__", NULL));
    show_new("(1.5-2j).__add__(1)", PyObject_CallMethod(z, "__add__", "i", 1));
    show_new("(1.5-2j).__rsub__(1)", PyObject_CallMethod(z, "__rsub__", "i", 1));
    show_ll("(1.5-2j).real = 1", PyObject_SetAttrString(z, "real", one));

    /* Py_BuildValue("D") and PyArg_ParseTuple("D"). */
    show_new("Py_BuildValue('D', 3+4j)", Py_BuildValue("D", &c));
    Py_complex parsed = { 0, 0 };
    PyObject *args = Py_BuildValue("(O)", h);
    printf("PyArg_ParseTuple((Holder(3+4j),), 'D'): %d", PyArg_ParseTuple(args, "D", &parsed));
    show_c("", parsed);
    Py_DECREF(args);

    return conf_end();
}
