/* The buffer protocol's helpers over any Py_buffer: addresses of items, strides, and
   copies between a (possibly strided) buffer and contiguous memory. PyObject_GetBuffer,
   PyBuffer_Release, PyBuffer_FillInfo and PyBuffer_IsContiguous are Buffer.cs. */
#include "pycapi_runtime.h"

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
