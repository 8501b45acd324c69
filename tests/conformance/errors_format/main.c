/* PyErr_Format: the message text for each format conversion, and the exception type kept. */
#include "conformance.h"
#include <limits.h>

int main(void)
{
    conf_init();
    PyObject *lst = Py_BuildValue("[is]", 1, "x");
    PyObject *name = PyUnicode_FromString("na\xc3\xafve");
    PyObject *r;

    r = PyErr_Format(PyExc_TypeError, "expected %s, got %s", "int", "str");
    printf("returns NULL: %d\n", r == NULL);
    show_exc("%s");
    PyErr_Format(PyExc_ValueError, "%d %i %u %ld %lu %lld %llu", -1, 2, 3u, LONG_MIN, ULONG_MAX, LLONG_MAX, 0ULL);
    show_exc("integers");
    PyErr_Format(PyExc_IndexError, "index %zd out of range for length %zu", (Py_ssize_t)-3, (size_t)2);
    show_exc("%zd %zu");
    PyErr_Format(PyExc_OverflowError, "0x%x is too big", 0xDEAD);
    show_exc("%x");
    PyErr_Format(PyExc_KeyError, "%R", name);
    show_exc("%R of str (KeyError)");
    PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'", "thing", name);
    show_exc("%.50s %U");
    PyErr_Format(PyExc_RuntimeError, "%S and %R", lst, lst);
    show_exc("%S %R");
    PyErr_Format(PyExc_RuntimeError, "%A", name);
    show_exc("%A");
    PyErr_Format(PyExc_RuntimeError, "char %c%c", 'o', 'k');
    show_exc("%c");
    PyErr_Format(PyExc_RuntimeError, "100%% sure");
    show_exc("%%");
    PyErr_Format(PyExc_RuntimeError, "%.3s|%5s|", "abcdef", "ab");
    show_exc("widths");
    PyErr_Format(PyExc_RuntimeError, "%V", (PyObject *)NULL, "fallback");
    show_exc("%V NULL");
    PyErr_Format(PyExc_RuntimeError, "");
    show_exc("empty format");

    /* The new error replaces a pending one. */
    PyErr_SetString(PyExc_KeyError, "old");
    PyErr_Format(PyExc_SystemError, "new %d", 1);
    show_exc("replaces pending");

    /* The value is an instance of the given class with the message as its single arg. */
    PyErr_Format(PyExc_LookupError, "look %s", "up");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    show("normalized value", v);
    show_new("args", PyObject_GetAttrString(v, "args"));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);

    /* PyErr_Format with a custom exception class. */
    PyObject *custom = PyErr_NewException("fmtmod.FmtError", PyExc_ValueError, NULL);
    PyErr_Format(custom, "custom %d", 7);
    printf("matches ValueError: %d\n", PyErr_ExceptionMatches(PyExc_ValueError));
    show_exc("custom class");
    Py_DECREF(custom);

    Py_DECREF(lst);
    Py_DECREF(name);
    return conf_end();
}
