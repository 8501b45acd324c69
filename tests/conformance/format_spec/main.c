/* PyObject_Format: the format-spec mini-language of int, bool, float, complex and str,
   object.__format__, and the errors of bad specs. */
#include "conformance.h"

static void fmt(const char *label, PyObject *value, const char *spec)
{
    char line[160];
    snprintf(line, sizeof line, "format(%s, '%s')", label, spec);
    PyObject *s = PyUnicode_FromString(spec);
    show_new(line, PyObject_Format(value, s));
    Py_DECREF(s);
}

static void fmt_all(const char *label, PyObject *value, const char *const *specs)
{
    for (; *specs != NULL; specs++) {
        fmt(label, value, *specs);
    }
    Py_DECREF(value);
}

int main(void)
{
    conf_init();
    static const char *const int_specs[] = {
        "", "d", "5d", "<5d", "^7d", "=+8d", "*>8d", "08d", "+d", " d", "-d", ",d", "_d", "_x", "_b", ",x",
        "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010b", "c", "n", "e", ".3e", "f", ".2f", "g", "%", ".1%",
        "E", "G", "10,", "s", ".2d", "z", "#", ",_d", "=^5", "0", "00", "10", "-10", "_o", "++d", "\xc3\xa9>5", NULL};
    fmt_all("1234567", PyLong_FromLong(1234567), int_specs);
    fmt_all("-42", PyLong_FromLong(-42), int_specs);
    fmt_all("2**70", PyLong_FromString("1180591620717411303424", NULL, 10), int_specs);
    static const char *const char_specs[] = {"c", "x>3c", "+c", "#c", ",c", NULL};
    fmt_all("65", PyLong_FromLong(65), char_specs);
    fmt_all("0x110000", PyLong_FromLong(0x110000), char_specs);
    fmt_all("-1", PyLong_FromLong(-1), char_specs);

    static const char *const bool_specs[] = {"", "d", "5", "<6", "s", "x", ".2f", NULL};
    Py_INCREF(Py_True);
    fmt_all("True", Py_True, bool_specs);

    static const char *const float_specs[] = {
        "", "f", ".0f", ".1f", ".3f", "10.2f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", "=+10.2f", ",.2f",
        "_.3f", "e", ".2e", "E", "g", ".3g", "G", ".10g", "#g", "#.0f", "#.0e", "%", ".2%", "n", ".3n", "r",
        "s", "d", "x", ",", "_", ".0", ".3", "15", "z.1f", "z", "=10", ".2", "#", "f<", NULL};
    fmt_all("1234.5678", PyFloat_FromDouble(1234.5678), float_specs);
    fmt_all("-0.0", PyFloat_FromDouble(-0.0), float_specs);
    fmt_all("1e22", PyFloat_FromDouble(1e22), float_specs);
    fmt_all("1.5e-7", PyFloat_FromDouble(1.5e-7), float_specs);
    fmt_all("inf", PyFloat_FromDouble(1.0 / 0.0), float_specs);
    fmt_all("-nan", PyFloat_FromDouble(-(0.0 / 0.0)), float_specs);
    fmt_all("0.5", PyFloat_FromDouble(0.5), float_specs);
    fmt_all("2.5", PyFloat_FromDouble(2.5), float_specs);

    static const char *const complex_specs[] = {"", ".2f", "10.3g", "^30", "+e", "g", "=20", "020", "%", "n", "s", ".1", "z.1f", ",", "_.2f",
                                                "#", "+", " ", ">3", "*<25", NULL};
    fmt_all("1.5-2j", PyComplex_FromDoubles(1.5, -2.0), complex_specs);
    fmt_all("3j", PyComplex_FromDoubles(0.0, 3.0), complex_specs);
    fmt_all("-0.0-0.0j", PyComplex_FromDoubles(-0.0, -0.0), complex_specs);
    fmt_all("12345.5+1e22j", PyComplex_FromDoubles(12345.5, 1e22), complex_specs);
    fmt_all("inf+nanj", PyComplex_FromDoubles(1.0 / 0.0, 0.0 / 0.0), complex_specs);

    static const char *const str_specs[] = {"", "s", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "^5.1s", "d",
                                            "=10", "+", " 5", ",", "#", "010", "z", "x", NULL};
    fmt_all("'h\xc3\xa9llo'", PyUnicode_FromString("h\xc3\xa9llo"), str_specs);

    static const char *const object_specs[] = {"", "s", "10", NULL};
    Py_INCREF(Py_None);
    fmt_all("None", Py_None, object_specs);
    fmt_all("[1]", Py_BuildValue("[i]", 1), object_specs);
    fmt_all("b'x'", PyBytes_FromString("x"), object_specs);

    /* A non-str spec. */
    show_new("PyObject_Format(1, b'd')", PyObject_Format(PyLong_FromLong(1), PyBytes_FromString("d")));
    show_new("PyObject_Format(1, NULL)", PyObject_Format(PyLong_FromLong(1), NULL));
    conf_end();
    return 0;
}
