/* The buffer protocol's helpers over any Py_buffer: addresses of items, strides, and
   copies between a (possibly strided) buffer and contiguous memory. PyObject_GetBuffer,
   PyBuffer_Release, PyBuffer_FillInfo and PyBuffer_IsContiguous are Buffer.cs. */
#include "pycapi_runtime.h"
#include <ctype.h>

void *PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices) {
    char *p = view->buf;
    for (int i = 0; i < view->ndim; i++) {
        p += view->strides[i] * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0) {
            p = *(char **)p + view->suboffsets[i];
        }
    }
    return p;
}

void PyBuffer_FillContiguousStrides(int nd, Py_ssize_t *shape, Py_ssize_t *strides, int itemsize, char order) {
    Py_ssize_t step = itemsize;
    for (int k = 0; k < nd; k++) {
        int i = order == 'F' ? k : nd - 1 - k;
        strides[i] = step;
        step *= shape[i];
    }
}

/* Visits every item in 'C' order (last index fastest) or 'F' order (first fastest),
   copying between the buffer and contiguous memory at *cursor. */
static void copy_items(const Py_buffer *view, char order, char *contiguous, int to_contiguous) {
    Py_ssize_t indices[PyBUF_MAX_NDIM] = { 0 };
    Py_ssize_t count = 1;
    for (int i = 0; i < view->ndim; i++) {
        count *= view->shape[i];
    }
    for (Py_ssize_t n = 0; n < count; n++) {
        char *item = PyBuffer_GetPointer(view, indices);
        if (to_contiguous) {
            memcpy(contiguous, item, (size_t)view->itemsize);
        } else {
            memcpy(item, contiguous, (size_t)view->itemsize);
        }
        contiguous += view->itemsize;
        for (int k = 0; k < view->ndim; k++) {
            int i = order == 'F' ? k : view->ndim - 1 - k;
            if (++indices[i] < view->shape[i]) {
                break;
            }
            indices[i] = 0;
        }
    }
}

int PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order) {
    if (len != src->len) {
        PyErr_SetString(PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
        return -1;
    }
    if (PyBuffer_IsContiguous(src, order)) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    copy_items(src, order, buf, 1);
    return 0;
}

int PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len, char fort) {
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, fort)) {
        memcpy(view->buf, buf, (size_t)len);
        return 0;
    }
    copy_items(view, fort, (char *)buf, 0);
    return 0;
}

/* Copies src's items into dest, index by index unless both are contiguous in one order. */
int PyObject_CopyData(PyObject *dest, PyObject *src) {
    if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
        PyErr_SetString(PyExc_TypeError, "both destination and source must be bytes-like objects");
        return -1;
    }
    Py_buffer to, from;
    if (PyObject_GetBuffer(dest, &to, PyBUF_FULL) < 0) {
        return -1;
    }
    if (PyObject_GetBuffer(src, &from, PyBUF_FULL_RO) < 0) {
        PyBuffer_Release(&to);
        return -1;
    }
    int rc = 0;
    if (to.len < from.len) {
        PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
        rc = -1;
    } else if ((PyBuffer_IsContiguous(&to, 'C') && PyBuffer_IsContiguous(&from, 'C'))
               || (PyBuffer_IsContiguous(&to, 'F') && PyBuffer_IsContiguous(&from, 'F'))) {
        memcpy(to.buf, from.buf, (size_t)from.len);
    } else {
        Py_ssize_t indices[PyBUF_MAX_NDIM] = { 0 };
        Py_ssize_t count = 1;
        for (int i = 0; i < from.ndim; i++) {
            count *= from.shape[i];
        }
        for (Py_ssize_t n = 0; n < count; n++) {
            memcpy(PyBuffer_GetPointer(&to, indices), PyBuffer_GetPointer(&from, indices), (size_t)from.itemsize);
            for (int i = from.ndim - 1; i >= 0 && ++indices[i] == from.shape[i]; i--) {
                indices[i] = 0;
            }
        }
    }
    PyBuffer_Release(&from);
    PyBuffer_Release(&to);
    return rc;
}

/* struct.calcsize without a struct module: native sizes and alignment by default or after
   '@', standard sizes without padding after '<', '>', '=' or '!'. A bad format raises the
   same "struct.error" as CPython (a class of that name, made once). */
Py_ssize_t PyBuffer_SizeFromFormat(const char *format) {
    const char *p = format;
    int native = 1;
    if (*p == '@' || *p == '<' || *p == '>' || *p == '=' || *p == '!') {
        native = *p++ == '@';
    }
    Py_ssize_t size = 0;
    while (*p != '\0') {
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        Py_ssize_t count = 1;
        if (isdigit((unsigned char)*p)) {
            for (count = 0; isdigit((unsigned char)*p); p++) {
                count = count * 10 + (*p - '0');
            }
        }
        Py_ssize_t item;
        switch (*p++) {
        case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': item = 1; break;
        case 'h': case 'H': case 'e': item = 2; break;
        case 'i': case 'I': case 'f': item = 4; break;
        case 'l': case 'L': item = native ? (Py_ssize_t)sizeof(long) : 4; break;
        case 'q': case 'Q': case 'd': item = 8; break;
        case 'n': case 'N': case 'P': item = native ? (Py_ssize_t)sizeof(void *) : 0; break;
        default: item = 0; break;
        }
        if (item == 0) {
            static PyObject *struct_error;
            if (struct_error == NULL) {
                struct_error = PyErr_NewException("struct.error", NULL, NULL);
            }
            if (struct_error != NULL) {
                PyErr_SetString(struct_error, "bad char in struct format");
            }
            return -1;
        }
        char code = p[-1];
        if (code == 's' || code == 'p') {
            size += count;
            continue;
        }
        if (native && size % item != 0) {
            size += item - size % item;
        }
        size += count * item;
    }
    return size;
}
