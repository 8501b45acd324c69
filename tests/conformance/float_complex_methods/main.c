/* float's and complex's own methods and attributes called from C (hex, fromhex,
   as_integer_ratio, __round__, __getformat__, __format__, ...) on finite, infinite, NaN,
   signed-zero, subnormal and huge values and on subclasses made with type(), with their
   errors; and the kind of each in the type's __dict__. */
#include "conformance.h"
#include "method_calls.h"
#include <float.h>
#include <math.h>

static void fromhex(PyObject *type, const char *text)
{
    char label[200];
    snprintf(label, sizeof label, "%s.fromhex('%s')", ((PyTypeObject *)type)->tp_name, text);
    call(label, type, "fromhex", ARGS("(s)", text), NULL);
}

int main(void)
{
    conf_init();
    PyObject *float_type = (PyObject *)&PyFloat_Type, *complex_type = (PyObject *)&PyComplex_Type;
    PyObject *F = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "F", float_type);
    PyObject *C = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "C", complex_type);

    static const char *const float_names[] = {
        "conjugate", "is_integer", "as_integer_ratio", "hex", "fromhex", "__getformat__", "__trunc__", "__floor__",
        "__ceil__", "__round__", "__getnewargs__", "__format__", "real", "imag", NULL};
    for (const char *const *n = float_names; *n != NULL; n++) {
        show_kind(float_type, *n);
    }
    static const char *const complex_names[] = {"conjugate", "__getnewargs__", "__format__", "real", "imag", NULL};
    for (const char *const *n = complex_names; *n != NULL; n++) {
        show_kind(complex_type, *n);
    }

    struct { const char *label; double value; } values[] = {
        {"0.0", 0.0}, {"-0.0", -0.0}, {"1.5", 1.5}, {"-2.5", -2.5}, {"0.5", 0.5}, {"-0.5", -0.5}, {"0.1", 0.1},
        {"3.0", 3.0}, {"-7.0", -7.0}, {"2.675", 2.675}, {"1e22", 1e22}, {"2**53", 9007199254740992.0},
        {"5e-324", 5e-324}, {"2.2250738585072014e-308", 2.2250738585072014e-308}, {"2.225073858507201e-308", 2.225073858507201e-308},
        {"DBL_MAX", DBL_MAX}, {"-1e300", -1e300}, {"inf", INFINITY}, {"-inf", -INFINITY}, {"nan", NAN},
    };
    static const char *const float_noargs[] = {
        "conjugate", "is_integer", "as_integer_ratio", "hex", "__trunc__", "__floor__", "__ceil__", "__round__",
        "__getnewargs__", "real", "imag", NULL};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        PyObject *f = PyFloat_FromDouble(values[i].value);
        show_members(values[i].label, f, float_noargs);
        Py_DECREF(f);
    }
    PyObject *f25 = PyObject_CallFunction(F, "d", 2.5), *fm = PyObject_CallFunction(F, "d", -0.75);
    show_members("F(2.5)", f25, float_noargs);
    show_members("F(-0.75)", fm, float_noargs);

    /* The no-argument methods' errors, bound and unbound. */
    PyObject *x = PyFloat_FromDouble(1.5);
    call("(1.5).hex(1)", x, "hex", ARGS("(i)", 1), NULL);
    call("(1.5).is_integer(x=1)", x, "is_integer", ARGS("()"), KW("{s:i}", "x", 1));
    call("(1.5).__floor__(1)", x, "__floor__", ARGS("(i)", 1), NULL);
    PyObject *hex = PyObject_GetAttrString(float_type, "hex");
    show_new("float.hex(0.25)", PyObject_CallFunction(hex, "d", 0.25));
    show_new("float.hex(F(2.5))", PyObject_CallFunction(hex, "O", f25));
    show_new("float.hex(1)", PyObject_CallFunction(hex, "i", 1));
    show_new("float.hex()", PyObject_CallNoArgs(hex));
    Py_DECREF(hex);
    printf("setattr((1.5).real): %d, ", PyObject_SetAttrString(x, "real", x));
    show_exc("exception");

    /* __round__(ndigits=None): correctly rounded, halves to even. */
    struct { const char *label; double value; long ndigits; } rounds[] = {
        {"2.675", 2.675, 2}, {"0.125", 0.125, 2}, {"0.375", 0.375, 2}, {"2.5", 2.5, 0}, {"-2.5", -2.5, 0},
        {"3.5", 3.5, 0}, {"-0.4", -0.4, 0}, {"0.4", 0.4, 0}, {"1.005", 1.005, 2}, {"0.285", 0.285, 2},
        {"123.456", 123.456, 1}, {"1234.5678", 1234.5678, -2}, {"1250.0", 1250.0, -2}, {"1350.0", 1350.0, -2},
        {"-1250.0", -1250.0, -2}, {"49.0", 49.0, -2}, {"0.1", 0.1, 20}, {"1e22", 1e22, -21}, {"1e22", 1e22, -22},
        {"1e22", 1e22, -23}, {"5e-324", 5e-324, 323}, {"5e-324", 5e-324, 324}, {"5e-324", 5e-324, 322},
        {"1e308", 1e308, -308}, {"DBL_MAX", DBL_MAX, -308}, {"DBL_MAX", DBL_MAX, -307}, {"1.5", 1.5, -309},
        {"-1.5", -1.5, -309}, {"1.5", 1.5, 400}, {"0.0", 0.0, 2}, {"-0.0", -0.0, -2}, {"inf", INFINITY, 2},
        {"-inf", -INFINITY, -400}, {"nan", NAN, 0}, {"0.5e-300", 0.5e-300, 300}, {"7.0", 7.0, -1},
    };
    for (size_t i = 0; i < sizeof rounds / sizeof rounds[0]; i++) {
        char label[120];
        snprintf(label, sizeof label, "(%s).__round__(%ld)", rounds[i].label, rounds[i].ndigits);
        PyObject *f = PyFloat_FromDouble(rounds[i].value);
        call_typed(label, f, "__round__", ARGS("(l)", rounds[i].ndigits), NULL);
        Py_DECREF(f);
    }
    static const double halves[] = {0.5, 1.5, 2.5, -0.5, -1.5, 1e300, 4503599627370497.0};
    for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++) {
        char label[120];
        snprintf(label, sizeof label, "(%.17g).__round__(None)", halves[i]);
        PyObject *f = PyFloat_FromDouble(halves[i]);
        call_typed(label, f, "__round__", ARGS("(O)", Py_None), NULL);
        Py_DECREF(f);
    }
    call_typed("F(2.5).__round__(1)", f25, "__round__", ARGS("(i)", 1), NULL);
    call("(1.25).__round__(True)", PyFloat_FromDouble(1.25), "__round__", ARGS("(O)", Py_True), NULL);
    call("(1.5).__round__(2**100)", x, "__round__", ARGS("(N)", PyLong_FromString("1267650600228229401496703205376", NULL, 10)), NULL);
    call("(1.5).__round__(-2**100)", x, "__round__", ARGS("(N)", PyLong_FromString("-1267650600228229401496703205376", NULL, 10)), NULL);
    call("(1.5).__round__('a')", x, "__round__", ARGS("(s)", "a"), NULL);
    call("(1.5).__round__(1.0)", x, "__round__", ARGS("(d)", 1.0), NULL);
    call("(1.5).__round__(1, 2)", x, "__round__", ARGS("(ii)", 1, 2), NULL);
    call("(1.5).__round__(ndigits=1)", x, "__round__", ARGS("()"), KW("{s:i}", "ndigits", 1));

    /* fromhex: the grammar, rounding, overflow and underflow. */
    static const char *const texts[] = {
        "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076", "0x1.0000000000000fp0",
        "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.00000000000008000001p0", "0x1.fffffffffffffp1023",
        "0x1.fffffffffffff7ffp1023", "0x1.fffffffffffff8p1023", "0x1p1024", "0x1p1023", "0x0.0000000000001p-1022",
        "0x.8", "1", "10", "ff", "ABC.DEF", "  0X1P+2  ", "\t0x1\n", "0x1.p1", "1.", ".1", "0x1P-3", "0x00000000001p0",
        "1p-1", "1p+1", "-1p0", "+0x1p0", "inf", "-Infinity", "INF", "nan", "+nan", "-NaN", "-0x0p0", "0x0p99999999999999999999",
        "0x1p-99999999999999999999", "-0x1p-99999999999999999999", "0x1p99999999999999999999",
        "0x1p-1000000000000000000000000000000", "0.000000000000000000000001p80", "0x12345678901234567890123456789p-100",
        "", "   ", "0x", "0x.", ".", "0x1.2.3", "0x1p", "0x1p+", "0x1p-", "0x1pp1", "1e3", "0x1 2", "0xg", "infinit",
        "infinityy", "- 1", "--1", "+-1", "0x-1", "0x1p1.5", "nan1", "\xc3\xa9", NULL};
    for (const char *const *t = texts; *t != NULL; t++) {
        fromhex(float_type, *t);
    }
    call("float.fromhex(5)", float_type, "fromhex", ARGS("(i)", 5), NULL);
    call("float.fromhex(b'0x1')", float_type, "fromhex", ARGS("(y)", "0x1"), NULL);
    call("float.fromhex()", float_type, "fromhex", ARGS("()"), NULL);
    call("float.fromhex('1', '2')", float_type, "fromhex", ARGS("(ss)", "1", "2"), NULL);
    call("float.fromhex(string='1')", float_type, "fromhex", ARGS("()"), KW("{s:s}", "string", "1"));
    call_typed("F.fromhex('0x1p1')", F, "fromhex", ARGS("(s)", "0x1p1"), NULL);
    call_typed("F(2.5).fromhex('0x1p-1')", f25, "fromhex", ARGS("(s)", "0x1p-1"), NULL);
    call_typed("(1.5).fromhex('-0x3')", x, "fromhex", ARGS("(s)", "-0x3"), NULL);
    PyObject *float_dict = PyObject_GetAttrString(float_type, "__dict__");
    PyObject *fromhex_descr = PyMapping_GetItemString(float_dict, "fromhex");
    show_typed("float.__dict__['fromhex'](F, '0x1p3')", PyObject_CallFunction(fromhex_descr, "Os", F, "0x1p3"));
    show_new("float.__dict__['fromhex'](1.5, '0x1')", PyObject_CallFunction(fromhex_descr, "Os", x, "0x1"));
    show_new("float.__dict__['fromhex'](int, '0x1')", PyObject_CallFunction(fromhex_descr, "Os", &PyLong_Type, "0x1"));
    show_new("float.__dict__['fromhex']()", PyObject_CallNoArgs(fromhex_descr));
    Py_DECREF(fromhex_descr);
    Py_DECREF(float_dict);
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        PyObject *f = PyFloat_FromDouble(values[i].value);
        PyObject *text = PyObject_CallMethod(f, "hex", NULL);
        PyObject *back = text == NULL ? NULL : PyObject_CallMethod(float_type, "fromhex", "O", text);
        char label[120];
        snprintf(label, sizeof label, "float.fromhex((%s).hex()) round-trips", values[i].label);
        if (back == NULL) {
            show(label, NULL);
        } else {
            printf("%s: %d\n", label, isnan(values[i].value) ? isnan(PyFloat_AsDouble(back))
                : memcmp(&values[i].value, &((PyFloatObject *)back)->ob_fval, sizeof(double)) == 0);
        }
        Py_XDECREF(back);
        Py_XDECREF(text);
        Py_DECREF(f);
    }

    /* __getformat__(typestr), a class method. */
    call("float.__getformat__('double')", float_type, "__getformat__", ARGS("(s)", "double"), NULL);
    call("float.__getformat__('float')", float_type, "__getformat__", ARGS("(s)", "float"), NULL);
    call("(1.5).__getformat__('double')", x, "__getformat__", ARGS("(s)", "double"), NULL);
    call("F.__getformat__('float')", F, "__getformat__", ARGS("(s)", "float"), NULL);
    call("float.__getformat__('int')", float_type, "__getformat__", ARGS("(s)", "int"), NULL);
    call("float.__getformat__(1)", float_type, "__getformat__", ARGS("(i)", 1), NULL);
    call("float.__getformat__()", float_type, "__getformat__", ARGS("()"), NULL);
    call("float.__getformat__(typestr='double')", float_type, "__getformat__", ARGS("()"), KW("{s:s}", "typestr", "double"));

    /* __format__(format_spec, /) */
    call("(1.5).__format__('.3f')", x, "__format__", ARGS("(s)", ".3f"), NULL);
    call("(1.5).__format__('')", x, "__format__", ARGS("(s)", ""), NULL);
    call("(1.5).__format__('>8')", x, "__format__", ARGS("(s)", ">8"), NULL);
    call("F(2.5).__format__('e')", f25, "__format__", ARGS("(s)", "e"), NULL);
    call("F(2.5).__format__('y')", f25, "__format__", ARGS("(s)", "y"), NULL);
    call("(1.5).__format__('y')", x, "__format__", ARGS("(s)", "y"), NULL);
    call("(1.5).__format__(1)", x, "__format__", ARGS("(i)", 1), NULL);
    call("(1.5).__format__()", x, "__format__", ARGS("()"), NULL);
    call("(1.5).__format__(format_spec='')", x, "__format__", ARGS("()"), KW("{s:s}", "format_spec", ""));

    /* complex */
    static const char *const complex_noargs[] = {"conjugate", "__getnewargs__", "real", "imag", NULL};
    struct { const char *label; double re, im; } complexes[] = {
        {"1+2j", 1, 2}, {"-0.0-0.0j", -0.0, -0.0}, {"inf-nanj", INFINITY, -NAN}, {"5e-324j", 0, 5e-324},
    };
    for (size_t i = 0; i < sizeof complexes / sizeof complexes[0]; i++) {
        PyObject *z = PyComplex_FromDoubles(complexes[i].re, complexes[i].im);
        show_members(complexes[i].label, z, complex_noargs);
        Py_DECREF(z);
    }
    PyObject *c = PyObject_CallFunction(C, "dd", 3.0, -4.0);
    show_members("C(3-4j)", c, complex_noargs);
    PyObject *z = PyComplex_FromDoubles(1.5, -2.25);
    call("(1.5-2.25j).__format__('.2f')", z, "__format__", ARGS("(s)", ".2f"), NULL);
    call("(1.5-2.25j).__format__('')", z, "__format__", ARGS("(s)", ""), NULL);
    call("(1.5-2.25j).__format__('^20')", z, "__format__", ARGS("(s)", "^20"), NULL);
    call("C(3-4j).__format__('+g')", c, "__format__", ARGS("(s)", "+g"), NULL);
    call("C(3-4j).__format__('d')", c, "__format__", ARGS("(s)", "d"), NULL);
    call("(1.5-2.25j).__format__(1)", z, "__format__", ARGS("(i)", 1), NULL);
    call("(1.5-2.25j).__format__()", z, "__format__", ARGS("()"), NULL);
    call("(1.5-2.25j).__getnewargs__(1)", z, "__getnewargs__", ARGS("(i)", 1), NULL);
    call("(1.5-2.25j).conjugate(1)", z, "conjugate", ARGS("(i)", 1), NULL);
    call("(1.5-2.25j).conjugate(x=1)", z, "conjugate", ARGS("()"), KW("{s:i}", "x", 1));
    PyObject *getnewargs = PyObject_GetAttrString(complex_type, "__getnewargs__");
    show_new("complex.__getnewargs__(1.5)", PyObject_CallFunction(getnewargs, "d", 1.5));
    Py_DECREF(getnewargs);
    printf("setattr((1.5-2.25j).imag): %d, ", PyObject_SetAttrString(z, "imag", x));
    show_exc("exception");

    Py_DECREF(z);
    Py_DECREF(c);
    Py_DECREF(x);
    Py_DECREF(f25);
    Py_DECREF(fm);
    Py_DECREF(C);
    Py_DECREF(F);
    return conf_end();
}
