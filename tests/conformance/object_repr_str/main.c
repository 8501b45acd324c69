/* PyObject_Repr / PyObject_Str / PyObject_ASCII on built-in values, nested containers,
   and strings that need quoting or escaping. */
#include "conformance.h"

static void both(const char *label, PyObject *o)
{
    PyObject *r = PyObject_Repr(o), *s = PyObject_Str(o), *a = PyObject_ASCII(o);
    printf("%s\n  repr: ", label);
    if (r) conf_write_str(r); else conf_write_exc();
    printf("\n  str:  ");
    if (s) conf_write_str(s); else conf_write_exc();
    printf("\n  ascii: ");
    if (a) conf_write_str(a); else conf_write_exc();
    printf("\n");
    Py_XDECREF(r);
    Py_XDECREF(s);
    Py_XDECREF(a);
    Py_XDECREF(o);
}

int main(void)
{
    conf_init();

    both("None", Py_NewRef(Py_None));
    both("True", Py_NewRef(Py_True));
    both("int", PyLong_FromLong(-12));
    both("big int", PyLong_FromString("-123456789012345678901234567890", NULL, 10));
    both("float", PyFloat_FromDouble(1.0 / 7.0));
    both("str plain", PyUnicode_FromString("plain"));
    both("str with '", PyUnicode_FromString("it's"));
    both("str with both quotes", PyUnicode_FromString("'\"'"));
    both("str with controls", PyUnicode_FromString("\t\n\r\x1b\\"));
    both("str non-ASCII", PyUnicode_FromString("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));
    both("str non-printable non-ASCII", PyUnicode_FromString("\xc2\x85\xe2\x80\x8b\xf3\xa0\x80\x81"));
    both("bytes", PyBytes_FromStringAndSize("a'\"\x00\x80", 5));
    both("empty tuple", PyTuple_New(0));
    both("tuple of one", Py_BuildValue("(s)", "x"));
    both("nested", Py_BuildValue("[(is){s:[d,O]}]", 1, "a", "k", 2.5, Py_None));
    both("dict with mixed keys", Py_BuildValue("{i:s,s:i,(ii):O}", 1, "one", "two", 2, 3, 4, Py_False));
    both("list of str", Py_BuildValue("[ss]", "a'b", "c\"d"));
    both("exception", PyObject_CallFunction(PyExc_KeyError, "s", "k"));
    both("exception no args", PyObject_CallNoArgs(PyExc_RuntimeError));
    both("exception two args", PyObject_CallFunction(PyExc_OSError, "is", 2, "No such file"));
    both("type int", Py_NewRef((PyObject *)&PyLong_Type));
    both("type ValueError", Py_NewRef(PyExc_ValueError));
    both("builtin function", PyObject_GetAttrString(PyImport_ImportModule("builtins"), "len"));
    both("module", PyModule_New("reprmod"));
    both("NotImplemented", Py_NewRef(Py_NotImplemented));
    both("Ellipsis", PyObject_GetAttrString(PyImport_ImportModule("builtins"), "Ellipsis"));

    /* Recursive containers. */
    PyObject *l = PyList_New(0);
    PyList_Append(l, l);
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "self", d);
    PyList_Append(l, d);
    PyObject *r = PyObject_Repr(l);
    show_cstr("recursive list repr", PyUnicode_AsUTF8(r));
    Py_DECREF(r);
    PyList_SetSlice(l, 0, 2, NULL);
    PyDict_Clear(d);
    Py_DECREF(l);
    Py_DECREF(d);

    /* PyObject_Print writes to a FILE*: use stdout (C side). */
    PyObject *o = Py_BuildValue("[s]", "p");
    printf("PyObject_Print repr: ");
    PyObject_Print(o, stdout, 0);
    printf("\nPyObject_Print raw: ");
    PyObject_Print(PyUnicode_FromString("raw text"), stdout, Py_PRINT_RAW);
    printf("\n");
    Py_DECREF(o);

    return conf_end();
}
