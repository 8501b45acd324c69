/* float: PyFloat_FromDouble / AsDouble / FromString and the shortest-repr algorithm.
   (Arithmetic is in number_protocol.) */
#include "conformance.h"
#include <math.h>
#include <float.h>

int main(void)
{
    conf_init();

    const double values[] = {
        0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1.0 / 3.0, 2.0 / 3.0, 100.0, 1e15, 1e16, 1.5e16,
        123456789012345678.0, 1e22, 1e-4, 1e-05, 0.00012345, 5e-324, 2.2250738585072014e-308,
        DBL_MAX, 3.141592653589793, 2.5, 1e300 * 10, 9007199254740993.0, 0.5e-6,
        INFINITY, -INFINITY, NAN,
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "repr(%.17g)", values[i]);
        PyObject *f = PyFloat_FromDouble(values[i]);
        show(label, f);
        snprintf(label, sizeof label, "str(%.17g)", values[i]);
        show_str(label, f);
        Py_DECREF(f);
    }

    PyObject *f = PyFloat_FromDouble(-0.0);
    double d = PyFloat_AsDouble(f);
    printf("AsDouble(-0.0) has the sign bit: %d\n", signbit(d) != 0);
    printf("PyFloat_AS_DOUBLE(-0.0) has the sign bit: %d\n", signbit(PyFloat_AS_DOUBLE(f)) != 0);
    Py_DECREF(f);

    f = PyFloat_FromDouble(NAN);
    printf("AsDouble(nan) is nan: %d\n", isnan(PyFloat_AsDouble(f)));
    printf("nan == nan (same object, RichCompareBool): %d\n", PyObject_RichCompareBool(f, f, Py_EQ));
    show_new("nan == nan (same object, RichCompare)", PyObject_RichCompare(f, f, Py_EQ));
    Py_DECREF(f);

    show_double("PyFloat_AsDouble(int 7)", PyFloat_AsDouble(PyLong_FromLong(7)));
    show_double("PyFloat_AsDouble(True)", PyFloat_AsDouble(Py_True));
    show_double("PyFloat_AsDouble(2**60+1)", PyFloat_AsDouble(PyLong_FromString("1152921504606846977", NULL, 10)));

    PyObject *s = PyUnicode_FromString("  -1.25e3 ");
    show_new("PyFloat_FromString('  -1.25e3 ')", PyFloat_FromString(s));
    Py_DECREF(s);
    s = PyUnicode_FromString("inf");
    show_new("PyFloat_FromString('inf')", PyFloat_FromString(s));
    Py_DECREF(s);
    s = PyUnicode_FromString("-nan");
    show_new("PyFloat_FromString('-nan')", PyFloat_FromString(s));
    Py_DECREF(s);

    PyObject *a = PyFloat_FromDouble(0.1), *b = PyFloat_FromDouble(0.2);
    printf("1.0 == 1: %d\n", PyObject_RichCompareBool(PyFloat_FromDouble(1.0), PyLong_FromLong(1), Py_EQ));
    printf("0.1 < 0.2: %d\n", PyObject_RichCompareBool(a, b, Py_LT));
    printf("hash(1.0) == hash(1): %d\n", PyObject_Hash(PyFloat_FromDouble(1.0)) == PyObject_Hash(PyLong_FromLong(1)));
    show_ll("hash(1.5)", PyObject_Hash(PyFloat_FromDouble(1.5)));
    show_ll("hash(-0.5)", PyObject_Hash(PyFloat_FromDouble(-0.5)));
    show_ll("hash(1e100)", PyObject_Hash(PyFloat_FromDouble(1e100)));
    show_ll("hash(inf)", PyObject_Hash(PyFloat_FromDouble(INFINITY)));
    printf("PyFloat_Check(0.1): %d, PyFloat_Check(1): %d\n", PyFloat_Check(a), PyFloat_Check(PyLong_FromLong(1)));
    show_double("PyFloat_GetMax", PyFloat_GetMax());
    show_double("PyFloat_GetMin", PyFloat_GetMin());
    Py_DECREF(a);
    Py_DECREF(b);

    return conf_end();
}
