/* memoryview: the native PyMemoryViewObject holds the view (PyMemoryView_GET_BUFFER reads
   it in place) with its shape and strides in ob_array; the managed twin reads it
   (MemoryViewObject.cs). CPython shares one managed buffer between views of views; here
   each view holds its own buffer of the exporter (mbuf stays NULL), which the exporter
   counts the same way. */
#include "pycapi_runtime.h"

static const char released_message[] = "operation forbidden on released memoryview object";

static int released(PyMemoryViewObject *mv) {
    if (mv->flags & _Py_MEMORYVIEW_RELEASED) {
        PyErr_SetString(PyExc_ValueError, released_message);
        return 1;
    }
    return 0;
}

/* A view of src (whose reference to src->obj, if any, it takes over): shape and strides
   are copied into ob_array, or made C-contiguous where src has none. */
static PyObject *view_of(const Py_buffer *src) {
    int ndim = src->ndim;
    size_t size = offsetof(PyMemoryViewObject, ob_array) + 3 * (size_t)ndim * sizeof(Py_ssize_t);
    PyMemoryViewObject *mv = pycapi_alloc(size < sizeof(PyMemoryViewObject) ? sizeof(PyMemoryViewObject) : size);
    if (mv == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_InitVar((PyVarObject *)mv, &PyMemoryView_Type, 3 * ndim);
    mv->hash = -1;
    Py_buffer *view = &mv->view;
    *view = *src;
    view->format = src->format != NULL ? src->format : "B";
    view->shape = ndim > 0 ? mv->ob_array : NULL;
    view->strides = ndim > 0 ? mv->ob_array + ndim : NULL;
    view->suboffsets = ndim > 0 && src->suboffsets != NULL ? mv->ob_array + 2 * ndim : NULL;
    for (int i = 0; i < ndim; i++) {
        view->shape[i] = src->shape != NULL ? src->shape[i] : src->len / (src->itemsize > 0 ? src->itemsize : 1);
        if (view->suboffsets != NULL) {
            view->suboffsets[i] = src->suboffsets[i];
        }
    }
    if (ndim > 0) {
        if (src->strides != NULL) {
            memcpy(view->strides, src->strides, (size_t)ndim * sizeof(Py_ssize_t));
        } else {
            PyBuffer_FillContiguousStrides(ndim, view->shape, view->strides, (int)view->itemsize, 'C');
        }
    }
    mv->flags = ndim == 0 ? _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN
        : (PyBuffer_IsContiguous(view, 'C') ? _Py_MEMORYVIEW_C : 0) | (PyBuffer_IsContiguous(view, 'F') ? _Py_MEMORYVIEW_FORTRAN : 0)
        | (view->suboffsets != NULL ? _Py_MEMORYVIEW_PIL : 0);
    return (PyObject *)mv;
}

/* A view of mv's exporter laid out as `layout` says (buf, len, format, itemsize, ndim,
   shape, strides, suboffsets, readonly). It holds a buffer of its own from the exporter,
   so releasing mv leaves it valid, as CPython's views sharing one managed buffer are. */
static PyObject *derived_view(PyMemoryViewObject *mv, const Py_buffer *layout) {
    Py_buffer src = *layout;
    if (mv->view.obj != NULL) {
        Py_buffer fresh;
        if (PyObject_GetBuffer(mv->view.obj, &fresh, PyBUF_FULL_RO) < 0) {
            return NULL;
        }
        src.obj = fresh.obj;
        src.internal = fresh.internal;
    }
    PyObject *result = view_of(&src);
    if (result == NULL && src.obj != NULL) {
        PyBuffer_Release(&src);
    }
    return result;
}

PyObject *PyMemoryView_FromObject(PyObject *base) {
    Py_buffer src;
    if (base != NULL && PyMemoryView_Check(base)) {
        /* A view of a view: the same exporter, format and shape. */
        PyMemoryViewObject *inner = (PyMemoryViewObject *)base;
        return released(inner) ? NULL : derived_view(inner, &inner->view);
    }
    if (base == NULL || !PyObject_CheckBuffer(base)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     base == NULL ? "NoneType" : Py_TYPE(base)->tp_name);
        return NULL;
    }
    if (PyObject_GetBuffer(base, &src, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    PyObject *mv = view_of(&src);
    if (mv == NULL) {
        PyBuffer_Release(&src);
    }
    return mv;
}

PyObject *PyMemoryView_FromBuffer(const Py_buffer *info) {
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    Py_buffer src = *info;
    src.obj = NULL;
    return view_of(&src);
}

PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags) {
    Py_buffer src;
    if (PyBuffer_FillInfo(&src, NULL, mem, size, flags == PyBUF_WRITE ? 0 : 1, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    return view_of(&src);
}

PyObject *PyMemoryView_GetContiguous(PyObject *base, int buffertype, char order) {
    PyObject *mv = PyMemoryView_FromObject(base);
    if (mv == NULL) {
        return NULL;
    }
    Py_buffer *view = PyMemoryView_GET_BUFFER(mv);
    if (buffertype == PyBUF_WRITE && view->readonly) {
        PyErr_SetString(PyExc_BufferError, "underlying buffer is not writable");
        Py_DECREF(mv);
        return NULL;
    }
    if (PyBuffer_IsContiguous(view, order)) {
        return mv;
    }
    if (buffertype == PyBUF_WRITE) {
        PyErr_SetString(PyExc_BufferError, "writable contiguous buffer requested for a non-contiguous object.");
        Py_DECREF(mv);
        return NULL;
    }
    /* A contiguous copy in a bytes object, with the view's format and shape. */
    PyObject *copy = PyBytes_FromStringAndSize(NULL, view->len);
    PyObject *result = NULL;
    if (copy != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(copy), view, view->len, order == 'F' ? 'F' : 'C') == 0) {
        Py_buffer src = *view;
        src.obj = copy;
        src.buf = PyBytes_AS_STRING(copy);
        src.readonly = 1;
        src.strides = NULL;
        src.suboffsets = NULL;
        result = view_of(&src);
        if (result != NULL && order == 'F') {
            PyBuffer_FillContiguousStrides(src.ndim, PyMemoryView_GET_BUFFER(result)->shape,
                                           PyMemoryView_GET_BUFFER(result)->strides, (int)src.itemsize, 'F');
        }
        if (result != NULL) {
            copy = NULL; /* the view holds it */
        }
    }
    Py_XDECREF(copy);
    Py_DECREF(mv);
    return result;
}

/* memoryview.toreadonly(). */
PYCAPI_HIDDEN PyObject *pycapi_memoryview_toreadonly(PyObject *self) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    if (released(mv)) {
        return NULL;
    }
    Py_buffer layout = mv->view;
    layout.readonly = 1;
    return derived_view(mv, &layout);
}

/* self[start::step] with `count` items: the first dimension sliced (init_slice). */
PYCAPI_HIDDEN PyObject *pycapi_memoryview_slice(PyObject *self, Py_ssize_t start, Py_ssize_t step, Py_ssize_t count) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    if (released(mv)) {
        return NULL;
    }
    Py_buffer layout = mv->view;
    Py_ssize_t shape[PyBUF_MAX_NDIM], strides[PyBUF_MAX_NDIM];
    memcpy(shape, layout.shape, (size_t)layout.ndim * sizeof(Py_ssize_t));
    memcpy(strides, layout.strides, (size_t)layout.ndim * sizeof(Py_ssize_t));
    layout.buf = (char *)layout.buf + strides[0] * start;
    shape[0] = count;
    strides[0] *= step;
    layout.shape = shape;
    layout.strides = strides;
    layout.len = layout.itemsize;
    for (int i = 0; i < layout.ndim; i++) {
        layout.len *= shape[i];
    }
    return derived_view(mv, &layout);
}

static const char *without_at(const char *format) {
    return format == NULL ? "B" : format[0] == '@' ? format + 1 : format;
}

/* self[key] = value for a one-dimensional view and a slice key: value must export a
   buffer of the same format and shape as the slice (copy_single). The items go through
   a copy, so the two may overlap. */
PYCAPI_HIDDEN int pycapi_memoryview_assign_slice(PyObject *self, PyObject *key, PyObject *value) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    Py_buffer src, *dest = &mv->view;
    Py_ssize_t start, stop, step;
    if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0) {
        return -1;
    }
    int result = -1;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        goto done;
    }
    Py_ssize_t count = PySlice_AdjustIndices(dest->shape[0], &start, &stop, step);
    if (released(mv)) {
        goto done;
    }
    if (strcmp(without_at(dest->format), without_at(src.format)) != 0 || dest->itemsize != src.itemsize || src.ndim != 1
        || src.shape[0] != count) {
        PyErr_SetString(PyExc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        goto done;
    }
    char *items = PyMem_Malloc(count * src.itemsize + 1);
    if (items == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (PyBuffer_ToContiguous(items, &src, src.len, 'C') == 0) {
        for (Py_ssize_t i = 0; i < count; i++) {
            char *at = (char *)dest->buf + dest->strides[0] * (start + i * step);
            if (dest->suboffsets != NULL && dest->suboffsets[0] >= 0) {
                at = *(char **)at + dest->suboffsets[0];
            }
            memcpy(at, items + i * src.itemsize, (size_t)src.itemsize);
        }
        result = 0;
    }
    PyMem_Free(items);
done:
    PyBuffer_Release(&src);
    return result;
}

/* The native single-character formats memoryview casts to, with their sizes. */
static const char cast_codes[] = "cbBhHiIlLqQnNfd?P";
static const char cast_formats[][3] = { "@c", "@b", "@B", "@h", "@H", "@i", "@I", "@l", "@L", "@q", "@Q", "@n",
                                        "@N", "@f", "@d", "@?", "@P" };
static const Py_ssize_t cast_sizes[] = { 1, 1, 1, sizeof(short), sizeof(short), sizeof(int), sizeof(int), sizeof(long),
                                         sizeof(long), sizeof(long long), sizeof(long long), sizeof(Py_ssize_t),
                                         sizeof(size_t), sizeof(float), sizeof(double), sizeof(_Bool), sizeof(void *) };

/* The index of a native single-character format ("@" allowed) in cast_codes, or -1. */
static int native_format(const char *fmt) {
    if (fmt == NULL) {
        return -1;
    }
    if (fmt[0] == '@') {
        fmt++;
    }
    const char *at = fmt[0] != '\0' && fmt[1] == '\0' ? strchr(cast_codes, fmt[0]) : NULL;
    return at == NULL ? -1 : (int)(at - cast_codes);
}

static int is_byte_format(int index) { return index >= 0 && index <= 2; }

/* memoryview.cast(format[, shape]) (shape NULL when not given), with CPython's checks in
   its order: the view, the shape's form, the format, then the shape's items and size. */
PYCAPI_HIDDEN PyObject *pycapi_memoryview_cast(PyObject *self, PyObject *format, PyObject *shape) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    if (released(mv)) {
        return NULL;
    }
    Py_buffer layout = mv->view;
    if (!(mv->flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_SCALAR))) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    Py_ssize_t ndim = 1;
    if (shape != NULL || layout.ndim != 1) {
        for (int i = 0; i < layout.ndim; i++) {
            if (layout.shape[i] == 0) {
                PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
                return NULL;
            }
        }
    }
    if (shape != NULL) {
        if (!PyList_Check(shape) && !PyTuple_Check(shape)) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = PySequence_Fast_GET_SIZE(shape);
        if (ndim > PyBUF_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        if (layout.ndim != 1 && ndim != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    PyObject *ascii = PyUnicode_AsASCIIString(format);
    if (ascii == NULL) {
        return NULL;
    }
    int dest = native_format(PyBytes_AS_STRING(ascii));
    int at = PyBytes_AS_STRING(ascii)[0] == '@';
    Py_DECREF(ascii);
    if (dest < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
        return NULL;
    }
    if (!is_byte_format(native_format(layout.format)) && !is_byte_format(dest)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Py_ssize_t itemsize = cast_sizes[dest];
    if (layout.len % itemsize != 0) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    layout.format = (char *)cast_formats[dest] + (at ? 0 : 1);
    layout.itemsize = itemsize;
    layout.strides = NULL; /* C-contiguous (view_of) */
    layout.suboffsets = NULL;
    Py_ssize_t dims[PyBUF_MAX_NDIM];
    layout.shape = dims;
    layout.ndim = (int)ndim;
    if (shape == NULL) {
        dims[0] = layout.len / itemsize;
        return derived_view(mv, &layout);
    }
    Py_ssize_t size = itemsize;
    for (Py_ssize_t i = 0; i < ndim; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(shape, i);
        if (!PyLong_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "memoryview.cast(): elements of shape must be integers");
            return NULL;
        }
        Py_ssize_t x = PyLong_AsSsize_t(item);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (x <= 0) {
            PyErr_SetString(PyExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
            return NULL;
        }
        if (x > PY_SSIZE_T_MAX / size) {
            PyErr_SetString(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
            return NULL;
        }
        size *= x;
        dims[i] = x;
    }
    if (size != layout.len) {
        PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        return NULL;
    }
    if (ndim == 0) {
        layout.shape = NULL;
    }
    return derived_view(mv, &layout);
}

/* Re-exports the view: what the caller asked for, or CPython's BufferError saying why not. */
static int memory_getbuffer(PyObject *self, Py_buffer *view, int flags) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    const char *refusal = NULL;
    if (released(mv)) {
        return -1;
    }
    *view = mv->view;
    if ((flags & PyBUF_WRITABLE) && mv->view.readonly) {
        refusal = "memoryview: underlying buffer is not writable";
    } else if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !(mv->flags & _Py_MEMORYVIEW_C)) {
        refusal = "memoryview: underlying buffer is not C-contiguous";
    } else if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !(mv->flags & _Py_MEMORYVIEW_FORTRAN)) {
        refusal = "memoryview: underlying buffer is not Fortran contiguous";
    } else if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !(mv->flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN))) {
        refusal = "memoryview: underlying buffer is not contiguous";
    } else if ((flags & PyBUF_INDIRECT) != PyBUF_INDIRECT && (mv->flags & _Py_MEMORYVIEW_PIL)) {
        refusal = "memoryview: underlying buffer requires suboffsets";
    } else if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !(mv->flags & _Py_MEMORYVIEW_C)) {
        refusal = "memoryview: underlying buffer is not C-contiguous";
    } else if ((flags & PyBUF_ND) != PyBUF_ND && (flags & PyBUF_FORMAT)) {
        refusal = "memoryview: cannot cast to unsigned bytes if the format flag is present";
    }
    if (refusal != NULL) {
        PyErr_SetString(PyExc_BufferError, refusal);
        return -1;
    }
    if (!(flags & PyBUF_FORMAT)) {
        view->format = NULL; /* read as unsigned bytes; itemsize stays the view's */
    }
    if ((flags & PyBUF_INDIRECT) != PyBUF_INDIRECT) {
        view->suboffsets = NULL;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        view->strides = NULL;
    }
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = Py_NewRef(self);
    mv->exports++;
    return 0;
}

static void memory_releasebuffer(PyObject *self, Py_buffer *view) {
    (void)view;
    ((PyMemoryViewObject *)self)->exports--;
}

PYCAPI_HIDDEN PyBufferProcs pycapi_memoryview_as_buffer = { memory_getbuffer, memory_releasebuffer };

/* memoryview.release(): refused while the view's own buffer is exported; idempotent. */
PYCAPI_HIDDEN int pycapi_memoryview_release(PyObject *self) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    if (mv->flags & _Py_MEMORYVIEW_RELEASED) {
        return 0;
    }
    if (mv->exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", mv->exports, mv->exports == 1 ? "" : "s");
        return -1;
    }
    mv->flags |= _Py_MEMORYVIEW_RELEASED;
    if (mv->view.obj != NULL) {
        PyBuffer_Release(&mv->view);
    }
    return 0;
}

PYCAPI_HIDDEN void pycapi_memoryview_dealloc(PyObject *op) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)op;
    if (!(mv->flags & _Py_MEMORYVIEW_RELEASED) && mv->view.obj != NULL) {
        PyBuffer_Release(&mv->view);
    }
    pycapi_free(op);
}
