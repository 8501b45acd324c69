/* bytearray: the native PyByteArrayObject is the storage of both worlds. C writes through
   PyByteArray_AS_STRING and the managed twin reads the same bytes (ByteArrayObject.cs);
   every change of size goes through PyByteArray_Resize, which refuses while buffers are
   exported. */
#include "pycapi_runtime.h"

char _PyByteArray_empty_string[] = "";

PyObject *PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size) {
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    PyByteArrayObject *op = pycapi_alloc(sizeof(PyByteArrayObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_InitVar((PyVarObject *)op, &PyByteArray_Type, size);
    if (size > 0) {
        /* One byte more for the trailing NUL C code may rely on; NULL bytes leave zeros. */
        op->ob_bytes = PyMem_Calloc((size_t)size + 1, 1);
        if (op->ob_bytes == NULL) {
            pycapi_free(op);
            return PyErr_NoMemory();
        }
        if (bytes != NULL) {
            memcpy(op->ob_bytes, bytes, (size_t)size);
        }
        op->ob_alloc = size + 1;
    }
    op->ob_start = op->ob_bytes;
    return (PyObject *)op;
}

PyObject *PyByteArray_FromObject(PyObject *o) { return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, o); }

static int expect_bytearray(PyObject *op) {
    if (op == NULL || !PyByteArray_Check(op)) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}

Py_ssize_t PyByteArray_Size(PyObject *op) { return expect_bytearray(op) ? Py_SIZE(op) : -1; }

char *PyByteArray_AsString(PyObject *op) { return expect_bytearray(op) ? PyByteArray_AS_STRING(op) : NULL; }

/* CPython's growth pattern: shrinking below half the allocation or growing by more than
   an eighth allocates exactly; growing less over-allocates by about an eighth. */
int PyByteArray_Resize(PyObject *self, Py_ssize_t requested) {
    if (!expect_bytearray(self)) {
        return -1;
    }
    if (requested < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", requested);
        return -1;
    }
    PyByteArrayObject *op = (PyByteArrayObject *)self;
    if (requested == Py_SIZE(op)) {
        return 0;
    }
    if (op->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    size_t size = (size_t)requested, offset = (size_t)(op->ob_start - op->ob_bytes), alloc = (size_t)op->ob_alloc;
    if (size + offset + 1 <= alloc && size >= alloc / 2) {
        Py_SET_SIZE(op, requested);
        op->ob_start[size] = '\0';
        return 0;
    }
    if (size + offset + 1 <= alloc || (double)size > (double)alloc * 1.125) {
        alloc = size + 1;
    } else {
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    }
    if (alloc > PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    char *storage;
    if (offset > 0) {
        /* The bytes in use start inside the allocation: move them to the front of a new one. */
        storage = PyMem_Malloc(alloc);
        if (storage == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(storage, op->ob_start, (size_t)Py_MIN(requested, Py_SIZE(op)));
        PyMem_Free(op->ob_bytes);
    } else {
        storage = PyMem_Realloc(op->ob_bytes, alloc);
        if (storage == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    op->ob_bytes = op->ob_start = storage;
    op->ob_alloc = (Py_ssize_t)alloc;
    Py_SET_SIZE(op, requested);
    storage[size] = '\0';
    return 0;
}

PyObject *PyByteArray_Concat(PyObject *a, PyObject *b) {
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        PyBuffer_Release(&va);
        return NULL;
    }
    PyObject *result = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    } else if ((result = PyByteArray_FromStringAndSize(NULL, va.len + vb.len)) != NULL) {
        memcpy(PyByteArray_AS_STRING(result), va.buf, (size_t)va.len);
        memcpy(PyByteArray_AS_STRING(result) + va.len, vb.buf, (size_t)vb.len);
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return result;
}

/* The buffer is writable; while it is exported the array keeps its size. */
static int bytearray_getbuffer(PyObject *self, Py_buffer *view, int flags) {
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    if (PyBuffer_FillInfo(view, self, PyByteArray_AS_STRING(self), Py_SIZE(self), 0, flags) < 0) {
        return -1;
    }
    ((PyByteArrayObject *)self)->ob_exports++;
    return 0;
}

static void bytearray_releasebuffer(PyObject *self, Py_buffer *view) {
    (void)view;
    ((PyByteArrayObject *)self)->ob_exports--;
}

PYCAPI_HIDDEN PyBufferProcs pycapi_bytearray_as_buffer = { bytearray_getbuffer, bytearray_releasebuffer };

PYCAPI_HIDDEN void pycapi_bytearray_dealloc(PyObject *op) {
    PyMem_Free(((PyByteArrayObject *)op)->ob_bytes);
    pycapi_free(op);
}
