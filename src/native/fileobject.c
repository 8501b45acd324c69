/* File-like objects (CPython's Objects/fileobject.c semantics and messages). */
#include "pycapi_runtime.h"

int PyObject_AsFileDescriptor(PyObject *o)
{
    PyObject *number;
    if (PyLong_Check(o)) {
        number = Py_NewRef(o);
    } else {
        static PyObject *name; /* interned for the life of the process */
        if (name == NULL && (name = PyUnicode_InternFromString("fileno")) == NULL) {
            return -1;
        }
        PyObject *fileno = NULL;
        if (_PyObject_LookupAttr(o, name, &fileno) < 0) {
            return -1;
        }
        if (fileno == NULL) {
            PyErr_SetString(PyExc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        number = PyObject_CallNoArgs(fileno);
        Py_DECREF(fileno);
        if (number == NULL) {
            return -1;
        }
        if (!PyLong_Check(number)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(number);
            return -1;
        }
    }
    long value = PyLong_AsLong(number);
    Py_DECREF(number);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (value > INT_MAX || value < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    int fd = (int)value;
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

int PyFile_WriteObject(PyObject *o, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *text = flags & Py_PRINT_RAW ? PyObject_Str(o) : PyObject_Repr(o);
    if (text == NULL) {
        return -1;
    }
    PyObject *result = PyObject_CallMethod(f, "write", "(O)", text);
    Py_DECREF(text);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *text = PyUnicode_FromString(s);
    if (text == NULL) {
        return -1;
    }
    int status = PyFile_WriteObject(text, f, Py_PRINT_RAW);
    Py_DECREF(text);
    return status;
}
