/* Allocators. PyMem_* and PyObject_* blocks carry the 16-byte pre-header so that any
   object an extension allocates itself (PyObject_Malloc + PyObject_Init) can be linked
   to a managed twin; PyMem_Raw* is plain malloc, as in CPython. */
#include "pycapi_runtime.h"

void *pycapi_alloc(size_t size) {
    pycapi_preheader *h = calloc(1, sizeof(pycapi_preheader) + size);
    return h ? (void *)(h + 1) : NULL;
}

/* An extension that frees a GC object it forgot to untrack must not leave it chained. */
void pycapi_free(void *p) {
    if (p != NULL) {
        if (pycapi_gc_is_tracked(p)) {
            pycapi_gc_untrack(p);
        }
        free(PYCAPI_PREHEADER(p));
    }
}

static void *pycapi_realloc(void *p, size_t size) {
    if (p == NULL) {
        return pycapi_alloc(size);
    }
    /* Moving memory would break the collector's chain: take it out and put it back. */
    int tracked = pycapi_gc_is_tracked(p);
    if (tracked) {
        pycapi_gc_untrack(p);
    }
    pycapi_preheader *h = realloc(PYCAPI_PREHEADER(p), sizeof(pycapi_preheader) + size);
    void *result = h ? (void *)(h + 1) : p;
    if (tracked) {
        pycapi_gc_track(result);
    }
    return h ? result : NULL;
}

void *PyMem_RawMalloc(size_t size) { return malloc(size ? size : 1); }
void *PyMem_RawCalloc(size_t n, size_t s) { return (n == 0 || s == 0) ? calloc(1, 1) : calloc(n, s); }
void *PyMem_RawRealloc(void *p, size_t size) { return realloc(p, size ? size : 1); }
void PyMem_RawFree(void *p) { free(p); }

void *PyMem_Malloc(size_t size) {
    return size > (size_t)PY_SSIZE_T_MAX ? NULL : pycapi_alloc(size);
}
void *PyMem_Calloc(size_t n, size_t s) {
    if (s != 0 && n > (size_t)PY_SSIZE_T_MAX / s) {
        return NULL;
    }
    return pycapi_alloc(n * s);
}
void *PyMem_Realloc(void *p, size_t size) {
    return size > (size_t)PY_SSIZE_T_MAX ? NULL : pycapi_realloc(p, size);
}
void PyMem_Free(void *p) { pycapi_free(p); }

void *PyObject_Malloc(size_t size) { return PyMem_Malloc(size); }
void *PyObject_Calloc(size_t n, size_t s) { return PyMem_Calloc(n, s); }
void *PyObject_Realloc(void *p, size_t size) { return PyMem_Realloc(p, size); }
void PyObject_Free(void *p) { pycapi_free(p); }
