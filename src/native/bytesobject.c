/* bytes from C buffers; the characters live in the native object. */
#include "pycapi_runtime.h"

PyObject *PyBytes_FromStringAndSize(const char *str, Py_ssize_t size) {
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    PyBytesObject *op = pycapi_alloc(offsetof(PyBytesObject, ob_sval) + (size_t)size + 1);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    if (str != NULL && size > 0) {
        memcpy(op->ob_sval, str, (size_t)size);
    }
    return (PyObject *)op;
}

PyObject *PyBytes_FromString(const char *str) { return PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str)); }

static int expect_bytes(PyObject *op) {
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return 0;
    }
    return 1;
}

Py_ssize_t PyBytes_Size(PyObject *op) { return expect_bytes(op) ? Py_SIZE(op) : -1; }
char *PyBytes_AsString(PyObject *op) { return expect_bytes(op) ? PyBytes_AS_STRING(op) : NULL; }

int PyBytes_AsStringAndSize(PyObject *op, char **s, Py_ssize_t *len) {
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!expect_bytes(op)) {
        return -1;
    }
    *s = PyBytes_AS_STRING(op);
    if (len != NULL) {
        *len = Py_SIZE(op);
    } else if (strlen(*s) != (size_t)Py_SIZE(op)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize) {
    PyObject *v = *pv;
    if (v == NULL || !PyBytes_Check(v) || newsize < 0 || (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1)) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (PYCAPI_PREHEADER(v)->link != 0) {
        /* A twin has read the value and keeps the address: the resized bytes is a new
           object, as CPython's may be too. */
        PyObject *copy = PyBytes_FromStringAndSize(NULL, newsize);
        if (copy != NULL) {
            memcpy(PyBytes_AS_STRING(copy), PyBytes_AS_STRING(v), (size_t)Py_MIN(newsize, Py_SIZE(v)));
        }
        *pv = copy;
        Py_DECREF(v);
        return copy != NULL ? 0 : -1;
    }
    PyObject *resized = PyObject_Realloc(v, offsetof(PyBytesObject, ob_sval) + (size_t)newsize + 1);
    if (resized == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(resized, newsize);
    ((PyBytesObject *)resized)->ob_sval[newsize] = '\0';
    ((PyBytesObject *)resized)->ob_shash = -1;
    *pv = resized;
    return 0;
}

void PyBytes_Concat(PyObject **pv, PyObject *w) {
    if (*pv == NULL) {
        return;
    }
    if (w == NULL || !PyBytes_Check(*pv) || !PyBytes_Check(w)) {
        if (w != NULL && !PyBytes_Check(w)) {
            PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(w)->tp_name, Py_TYPE(*pv)->tp_name);
        }
        Py_CLEAR(*pv);
        return;
    }
    Py_ssize_t a = Py_SIZE(*pv), b = Py_SIZE(w);
    PyObject *result = PyBytes_FromStringAndSize(NULL, a + b);
    if (result != NULL) {
        memcpy(PyBytes_AS_STRING(result), PyBytes_AS_STRING(*pv), (size_t)a);
        memcpy(PyBytes_AS_STRING(result) + a, PyBytes_AS_STRING(w), (size_t)b);
    }
    Py_SETREF(*pv, result);
}

void PyBytes_ConcatAndDel(PyObject **pv, PyObject *w) {
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

/* bytes.__new__(type, source=b'', ...): a subclass's instance gets the bytes and the
   terminating NUL. */
static PyObject *copy_bytes(PyTypeObject *type, PyObject *value) {
    Py_ssize_t size = PyBytes_GET_SIZE(value);
    PyObject *self = type->tp_alloc(type, size);
    if (self != NULL) {
        memcpy(((PyBytesObject *)self)->ob_sval, PyBytes_AS_STRING(value), (size_t)size + 1);
        ((PyBytesObject *)self)->ob_shash = -1;
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyBytes_Type, args, kwds, copy_bytes);
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable) { return PyObject_CallMethod(sep, "join", "(O)", iterable); }
