/* PyOS_string_to_double and PyOS_double_to_string: the grammar, end pointers, overflow
   with and without an exception, and every format code with its flags. Also the hash
   helpers _Py_HashDouble and _Py_HashPointer. */
#include "conformance.h"
#include <math.h>

static void parse(const char *s, int use_end, PyObject *overflow)
{
    char *end = NULL;
    double v = PyOS_string_to_double(s, use_end ? &end : NULL, overflow);
    printf("parse '%s'%s: %.17g", s, use_end ? " (endptr)" : "", v);
    if (use_end) {
        printf(", consumed %d", (int)(end - s));
    }
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

static void format(double v, char code, int precision, int flags)
{
    int type = -1;
    char *s = PyOS_double_to_string(v, code, precision, flags, &type);
    printf("format %.17g '%c' %d flags %d: ", v, code, precision, flags);
    if (s == NULL) {
        conf_write_exc();
        fputc('\n', stdout);
        return;
    }
    printf("'%s' type %d\n", s, type);
    PyMem_Free(s);
}

int main(void)
{
    conf_init();

    printf("-- string to double\n");
    const char *good[] = { "1", "-1.5", "+2.", ".5", "1e10", "1E-3", "-0", "inf", "-Infinity", "NaN", "+nan",
                           "1.7976931348623157e308", "4.9e-324", "1e-400", "0.1", "123456789012345678901234567890" };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        parse(good[i], 0, NULL);
    }
    const char *bad[] = { "", " 1", "1 ", "abc", "1e", "1_000", "0x10", ".", "-", "e5", "infinit", "1.5.3", "--1" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        parse(bad[i], 0, NULL);
        PyErr_Clear();
    }
    const char *prefixes[] = { "1.5abc", "1e", "1e+", "12e3x", "infinity!", "infx", "nan(1)", "x1", "-.5.", "1.e5" };
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        parse(prefixes[i], 1, NULL);
        PyErr_Clear();
    }
    parse("1e500", 0, NULL);
    parse("-1e500", 0, NULL);
    parse("1e500", 0, PyExc_OverflowError);
    PyErr_Clear();
    parse("-1e500x", 1, PyExc_ValueError);
    PyErr_Clear();

    printf("-- double to string\n");
    double values[] = { 0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e-5, 123456.789, 1e22, 5e-324, 2.5, 0.125, NAN, INFINITY,
                        -INFINITY, 1.0 / 3 };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        format(values[i], 'r', 0, 0);
        format(values[i], 'r', 0, Py_DTSF_ADD_DOT_0);
        format(values[i], 'e', 3, 0);
        format(values[i], 'E', 0, Py_DTSF_ALT);
        format(values[i], 'f', 2, Py_DTSF_SIGN);
        format(values[i], 'F', 0, 0);
        format(values[i], 'g', 4, 0);
        format(values[i], 'G', 17, Py_DTSF_ADD_DOT_0);
        format(values[i], 'g', 0, Py_DTSF_ALT);
    }
    format(-0.001, 'f', 2, 0);
    format(-0.001, 'f', 2, Py_DTSF_NO_NEG_0);
    format(-0.0, 'r', 0, Py_DTSF_NO_NEG_0);
    format(-1.0, 'r', 0, Py_DTSF_NO_NEG_0);
    /* Bad arguments: CPython's SystemError text names its source file, so only the type
       is compared. */
    char *bad_code = PyOS_double_to_string(1.0, 'x', 0, 0, NULL);
    printf("code 'x': %s, SystemError %d\n", bad_code ? bad_code : "NULL", PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();
    char *bad_precision = PyOS_double_to_string(1.0, 'r', 3, 0, NULL);
    printf("'r' with precision: %s, SystemError %d\n", bad_precision ? bad_precision : "NULL",
           PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();
    char *plain = PyOS_double_to_string(2.0, 'g', 3, 0, NULL);
    printf("type NULL: '%s'\n", plain);
    PyMem_Free(plain);

    printf("-- hashes\n");
    double hashed[] = { 0.0, -0.0, 1.0, 1.5, -2.25, 1e300, 1e-300, INFINITY, -INFINITY, 3.141592653589793 };
    for (size_t i = 0; i < sizeof hashed / sizeof *hashed; i++) {
        PyObject *f = PyFloat_FromDouble(hashed[i]);
        printf("_Py_HashDouble(%.17g) = %zd, same as hash(): %d\n", hashed[i], (Py_ssize_t)_Py_HashDouble(f, hashed[i]),
               _Py_HashDouble(f, hashed[i]) == PyObject_Hash(f));
        Py_DECREF(f);
    }
    PyObject *nan = PyFloat_FromDouble(NAN);
    printf("NaN hashes by identity: %d\n", _Py_HashDouble(nan, NAN) == _Py_HashPointer(nan));
    Py_DECREF(nan);
    printf("_Py_HashPointer is object's hash: %d\n", _Py_HashPointer(Py_None) == PyObject_Hash(Py_None));
    printf("_Py_HashPointer(0x10) = %zd, (0xfffffffffffffff0) = %zd\n", (Py_ssize_t)_Py_HashPointer((void *)0x10),
           (Py_ssize_t)_Py_HashPointer((void *)~(size_t)0xf));
    return conf_end();
}
