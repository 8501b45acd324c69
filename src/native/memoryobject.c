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

static void set_flags(PyMemoryViewObject *mv) {
    Py_buffer *view = &mv->view;
    mv->flags = view->ndim == 0 ? _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN
        : (PyBuffer_IsContiguous(view, 'C') ? _Py_MEMORYVIEW_C : 0) | (PyBuffer_IsContiguous(view, 'F') ? _Py_MEMORYVIEW_FORTRAN : 0)
        | (view->suboffsets != NULL ? _Py_MEMORYVIEW_PIL : 0);
}

/* A view of src, which takes over src's reference to src->obj (released if the view cannot
   be made): shape and strides are copied into ob_array, or made C-contiguous where src has none. */
static PyObject *view_of(Py_buffer *src) {
    int ndim = src->ndim;
    size_t size = offsetof(PyMemoryViewObject, ob_array) + 3 * (size_t)ndim * sizeof(Py_ssize_t);
    PyMemoryViewObject *mv = pycapi_alloc(size < sizeof(PyMemoryViewObject) ? sizeof(PyMemoryViewObject) : size);
    if (mv == NULL) {
        PyBuffer_Release(src);
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
    set_flags(mv);
    return (PyObject *)mv;
}

/* A copy of mv's view that holds its own export of the exporter, for a view derived from
   mv (a slice, a cast) that may outlive it. */
static int own_copy(PyMemoryViewObject *mv, Py_buffer *copy) {
    if (released(mv)) {
        return -1;
    }
    *copy = mv->view;
    if (mv->view.obj != NULL) {
        Py_buffer own;
        if (PyObject_GetBuffer(mv->view.obj, &own, PyBUF_FULL_RO) < 0) {
            return -1;
        }
        copy->obj = own.obj;
        copy->internal = own.internal;
    }
    return 0;
}

/* self[start:start+length*step:step] along the first dimension. */
PYCAPI_HIDDEN PyObject *pycapi_memoryview_slice(PyObject *self, Py_ssize_t start, Py_ssize_t step, Py_ssize_t length) {
    Py_buffer src;
    if (own_copy((PyMemoryViewObject *)self, &src) < 0) {
        return NULL;
    }
    PyObject *result = view_of(&src);
    if (result == NULL) {
        return NULL;
    }
    PyMemoryViewObject *mv = (PyMemoryViewObject *)result;
    Py_buffer *view = &mv->view;
    if (view->suboffsets != NULL && view->suboffsets[0] >= 0) {
        view->suboffsets[0] += view->strides[0] * start;
    } else {
        view->buf = (char *)view->buf + view->strides[0] * start;
    }
    view->shape[0] = length;
    view->strides[0] *= step;
    view->len = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        view->len *= view->shape[i];
    }
    set_flags(mv);
    return result;
}

/* Copies value's buffer over the whole of self (a slice view), which it must match in
   format and shape; through a contiguous copy, as the two may overlap. */
PYCAPI_HIDDEN int pycapi_memoryview_assign(PyObject *self, PyObject *value) {
    Py_buffer *dest = PyMemoryView_GET_BUFFER(self), src;
    if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0) {
        return -1;
    }
    const char *dfmt = dest->format + (dest->format[0] == '@');
    const char *sfmt = src.format == NULL ? "B" : src.format + (src.format[0] == '@');
    int same = strcmp(dfmt, sfmt) == 0 && dest->itemsize == src.itemsize && dest->ndim == src.ndim;
    for (int i = 0; same && i < dest->ndim; i++) {
        same = dest->shape[i] == (src.shape != NULL ? src.shape[i] : src.len / src.itemsize);
    }
    int rc = -1;
    if (!same) {
        PyErr_SetString(PyExc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    } else {
        char *copy = PyMem_Malloc(src.len > 0 ? (size_t)src.len : 1);
        if (copy == NULL) {
            PyErr_NoMemory();
        } else {
            rc = PyBuffer_ToContiguous(copy, &src, src.len, 'C') < 0 ? -1 : PyBuffer_FromContiguous(dest, copy, src.len, 'C');
            PyMem_Free(copy);
        }
    }
    PyBuffer_Release(&src);
    return rc;
}

/* The native single-character formats memoryview.cast accepts ('@' prefix allowed), each
   a static string the view can point at; 0 for any other format. */
static Py_ssize_t native_format(const char *format, const char **canonical) {
    static const char codes[] = "cbB?hHeiIfLlqQdnNP";
    static const unsigned char sizes[] = {1, 1, 1, 1, 2, 2, 2, 4, 4, 4, sizeof(long), sizeof(long), 8, 8, 8,
                                          sizeof(size_t), sizeof(size_t), sizeof(void *)};
    static const char *strings[] = {"@c", "@b", "@B", "@?", "@h", "@H", "@e", "@i", "@I", "@f", "@L", "@l", "@q",
                                    "@Q", "@d", "@n", "@N", "@P"};
    int prefixed = format[0] == '@';
    const char *code = format + prefixed;
    const char *at = code[0] != '\0' && code[1] == '\0' ? strchr(codes, code[0]) : NULL;
    if (at == NULL) {
        return 0;
    }
    *canonical = strings[at - codes] + !prefixed; /* spelled as given, as CPython keeps it */
    return sizes[at - codes];
}

static int byte_format(const char *f) {
    f += f[0] == '@';
    return f[0] == 'b' || f[0] == 'B' || f[0] == 'c';
}

/* memoryview.cast(format[, shape]) with CPython's rules and messages: C-contiguous views
   only, 1-D <-> N-D, one side a byte format. ndim -1 (no shape) keeps one dimension. */
PYCAPI_HIDDEN PyObject *pycapi_memoryview_cast(PyObject *self, const char *format, int ndim, const Py_ssize_t *shape) {
    PyMemoryViewObject *mv = (PyMemoryViewObject *)self;
    if (released(mv)) {
        return NULL;
    }
    Py_buffer *view = &mv->view;
    if (!(mv->flags & _Py_MEMORYVIEW_C)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    for (int i = 0; (ndim >= 0 || view->ndim != 1) && i < view->ndim; i++) {
        if (view->shape[i] == 0 || view->strides[i] == 0) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
            return NULL;
        }
    }
    if (ndim >= 0) {
        if (ndim > PyBUF_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        if (view->ndim != 1 && ndim != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    const char *source = "", *dest;
    Py_ssize_t itemsize = native_format(format, &dest);
    if (itemsize == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
        return NULL;
    }
    /* A source format that is not native counts as a non-byte one. */
    native_format(view->format, &source);
    if (!byte_format(source) && !byte_format(dest)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    if (view->len % itemsize != 0) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    Py_ssize_t dims[PyBUF_MAX_NDIM];
    int new_ndim = 1;
    dims[0] = view->len / itemsize;
    if (ndim >= 0) {
        Py_ssize_t product = 1;
        for (int i = 0; i < ndim; i++) {
            if (shape[i] <= 0) {
                PyErr_SetString(PyExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            if (product > PY_SSIZE_T_MAX / shape[i]) {
                PyErr_SetString(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                return NULL;
            }
            product *= shape[i];
            dims[i] = shape[i];
        }
        if (product * itemsize != view->len) {
            PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
        new_ndim = ndim;
    }
    Py_buffer src;
    if (own_copy(mv, &src) < 0) {
        return NULL;
    }
    src.format = (char *)dest;
    src.itemsize = itemsize;
    src.ndim = new_ndim;
    src.shape = dims;
    src.strides = NULL;
    src.suboffsets = NULL;
    return view_of(&src);
}

PyObject *PyMemoryView_FromObject(PyObject *base) {
    Py_buffer src;
    if (base != NULL && PyMemoryView_Check(base)) {
        /* A view of a view has its format, shape and strides, as CPython's shared buffer does. */
        if (own_copy((PyMemoryViewObject *)base, &src) < 0) {
            return NULL;
        }
        return view_of(&src);
    }
    if (base == NULL || !PyObject_CheckBuffer(base)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     base == NULL ? "NoneType" : Py_TYPE(base)->tp_name);
        return NULL;
    }
    if (PyObject_GetBuffer(base, &src, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    return view_of(&src);
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
        copy = NULL; /* the view holds it, or released it */
        if (result != NULL && order == 'F') {
            PyBuffer_FillContiguousStrides(src.ndim, PyMemoryView_GET_BUFFER(result)->shape,
                                           PyMemoryView_GET_BUFFER(result)->strides, (int)src.itemsize, 'F');
        }
    }
    Py_XDECREF(copy);
    Py_DECREF(mv);
    return result;
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
