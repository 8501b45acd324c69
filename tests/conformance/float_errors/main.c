/* float conversions that fail. (Arithmetic errors are in number_errors.) */
#include "conformance.h"

int main(void)
{
    conf_init();

    show_double("PyFloat_AsDouble('1.5')", PyFloat_AsDouble(PyUnicode_FromString("1.5")));
    show_double("PyFloat_AsDouble(None)", PyFloat_AsDouble(Py_None));
    show_double("PyFloat_AsDouble([])", PyFloat_AsDouble(PyList_New(0)));
    char digits[402];
    digits[0] = '1';
    memset(digits + 1, '0', 400);
    digits[401] = '\0';
    show_double("PyFloat_AsDouble(10**400)", PyFloat_AsDouble(PyLong_FromString(digits, NULL, 10)));
    show_double("PyFloat_AsDouble(-1.0) is not an error", PyFloat_AsDouble(PyFloat_FromDouble(-1.0)));

    const char *bad[] = {"abc", "", "1.5.2", "1e", "0x10", "1_5", "- 1", "infinity and beyond"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "PyFloat_FromString('%s')", bad[i]);
        PyObject *s = PyUnicode_FromString(bad[i]);
        show_new(label, PyFloat_FromString(s));
        Py_DECREF(s);
    }
    show_new("PyFloat_FromString(b'2.5')", PyFloat_FromString(PyBytes_FromString("2.5")));
    show_new("PyFloat_FromString(b'x')", PyFloat_FromString(PyBytes_FromString("x")));
    show_new("PyFloat_FromString(5)", PyFloat_FromString(PyLong_FromLong(5)));

    return conf_end();
}
