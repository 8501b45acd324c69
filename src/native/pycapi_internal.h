/* Helpers shared by the C part of libpycapi (src/native). Not installed, not exported.
   Everything here is static inline or a hidden _pycapi_ function. */
#ifndef PYCAPI_INTERNAL_H
#define PYCAPI_INTERNAL_H

#include "Python.h"

#define _PYCAPI_HIDDEN __attribute__((visibility("hidden")))

/* Locale-independent ASCII classification (what CPython's Py_ISALPHA / Py_ISDIGIT do). */
static inline int _pycapi_isalpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int _pycapi_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

/* A growable byte buffer that starts in caller-provided storage (usually on the stack).
   On allocation failure the buffer is marked failed and PyErr_NoMemory() is set once. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    int on_heap;
    int failed;
} _pycapi_buf;

static inline void _pycapi_buf_init(_pycapi_buf *b, char *storage, size_t size)
{
    b->data = storage;
    b->len = 0;
    b->cap = size;
    b->on_heap = 0;
    b->failed = 0;
}

static inline int _pycapi_buf_grow(_pycapi_buf *b, size_t extra)
{
    size_t need, ncap;
    char *n;

    if (b->failed) {
        return -1;
    }
    if (extra > (size_t)PY_SSIZE_T_MAX - b->len) {
        goto nomem;
    }
    need = b->len + extra;
    if (need <= b->cap) {
        return 0;
    }
    ncap = b->cap ? b->cap : 64;
    while (ncap < need) {
        if (ncap > (size_t)PY_SSIZE_T_MAX / 2) {
            ncap = need;
            break;
        }
        ncap *= 2;
    }
    if (b->on_heap) {
        n = (char *)PyMem_Realloc(b->data, ncap);
    }
    else {
        n = (char *)PyMem_Malloc(ncap);
        if (n != NULL && b->len) {
            memcpy(n, b->data, b->len);
        }
    }
    if (n == NULL) {
        goto nomem;
    }
    b->data = n;
    b->cap = ncap;
    b->on_heap = 1;
    return 0;

nomem:
    b->failed = 1;
    PyErr_NoMemory();
    return -1;
}

static inline int _pycapi_buf_append(_pycapi_buf *b, const char *s, size_t n)
{
    if (n == 0) {
        return b->failed ? -1 : 0;
    }
    if (b->len + n > b->cap || b->failed) {
        if (_pycapi_buf_grow(b, n) < 0) {
            return -1;
        }
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

static inline int _pycapi_buf_fill(_pycapi_buf *b, char c, size_t n)
{
    if (n == 0) {
        return b->failed ? -1 : 0;
    }
    if (b->len + n > b->cap || b->failed) {
        if (_pycapi_buf_grow(b, n) < 0) {
            return -1;
        }
    }
    memset(b->data + b->len, c, n);
    b->len += n;
    return 0;
}

static inline void _pycapi_buf_free(_pycapi_buf *b)
{
    if (b->on_heap) {
        PyMem_Free(b->data);
    }
    b->data = NULL;
    b->len = b->cap = 0;
    b->on_heap = 0;
}

/* modsupport.c: build the positional arguments of PyObject_CallFunction/CallMethod
   from a Py_BuildValue format, as CPython 3.11 does: a NULL or empty format, or one
   with no units, gives (); a single unit that builds a tuple gives that tuple; any other
   single unit gives a 1-tuple; several units give a tuple of them. Returns a new
   reference, or NULL with an exception set. *p_va is advanced. */
_PYCAPI_HIDDEN PyObject *_pycapi_VaBuildArgs(const char *format, va_list *p_va, int size_t_flag);

/* attrnames.c: PyUnicode_FromString(name) for a name C code looks things up by (an
   attribute or keyword name): a new reference to the same str object each time the same
   ASCII name comes again, so that it crosses into managed code without a new twin. */
_PYCAPI_HIDDEN PyObject *_pycapi_name_from_cstr(const char *name);

#endif /* PYCAPI_INTERNAL_H */
