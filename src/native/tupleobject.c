/* tuple: the native layout is the storage; the managed twin is a view of it. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

static PyTupleObject *empty_tuple;

/* Dead tuples kept for reuse by size, as CPython keeps them: most tuples are small and
   short-lived (arguments, results). Kept untracked and unlinked, items NULL, chained
   through the GC head's gc_prev (which tracking sets again). */
#define SAVED_SIZES 20
#define SAVED_PER_SIZE 2000
static PyTupleObject *saved_tuples[SAVED_SIZES];
static int saved_counts[SAVED_SIZES];

PyObject *PyTuple_New(Py_ssize_t size) {
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == 0 && empty_tuple != NULL) {
        return Py_NewRef((PyObject *)empty_tuple);
    }
    PyTupleObject *op;
    if (size < SAVED_SIZES && saved_tuples[size] != NULL) {
        op = saved_tuples[size];
        saved_tuples[size] = (PyTupleObject *)PYCAPI_PREHEADER(op)->gc_prev;
        saved_counts[size]--;
    } else {
        size_t bytes = offsetof(PyTupleObject, ob_item) + (size_t)size * sizeof(PyObject *);
        op = pycapi_alloc_gc(bytes);
        if (op == NULL) {
            return PyErr_NoMemory();
        }
        Py_SET_TYPE(op, &PyTuple_Type); /* a static type: no reference to take */
        Py_SET_SIZE(op, size);
    }
    Py_SET_REFCNT(op, 1);
    if (size == 0) {
        empty_tuple = (PyTupleObject *)Py_NewRef((PyObject *)op);
    } else {
        pycapi_gc_track((PyObject *)op);
    }
    return (PyObject *)op;
}

void pycapi_tuple_dealloc(PyObject *op) {
    Py_ssize_t size = Py_SIZE(op);
    if (PYCAPI_PREHEADER(op)->gc_next != NULL) { /* a tuple always has the GC head */
        pycapi_gc_untrack(op);
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_CLEAR(((PyTupleObject *)op)->ob_item[i]);
    }
    if (Py_IS_TYPE(op, &PyTuple_Type) && size > 0 && size < SAVED_SIZES && saved_counts[size] < SAVED_PER_SIZE) {
        PYCAPI_PREHEADER(op)->gc_prev = (pycapi_preheader *)saved_tuples[size];
        saved_tuples[size] = (PyTupleObject *)op;
        saved_counts[size]++;
        return;
    }
    pycapi_object_dealloc(op); /* a subclass's instance releases its heap type too */
}

/* tuple.__new__(type, iterable=()): a subclass's instance gets the items. */
static PyObject *copy_tuple(PyTypeObject *type, PyObject *tuple) {
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    PyObject *self = type->tp_alloc(type, n);
    if (self != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(self, i, Py_NewRef(PyTuple_GET_ITEM(tuple, i)));
        }
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyTuple_Type, args, kwds, copy_tuple);
}

Py_ssize_t PyTuple_Size(PyObject *op) {
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *PyTuple_GetItem(PyObject *op, Py_ssize_t i) {
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return PyTuple_GET_ITEM(op, i);
}

int PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem) {
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject *old = PyTuple_GET_ITEM(op, i);
    PyTuple_SET_ITEM(op, i, newitem);
    Py_XDECREF(old);
    return 0;
}

PyObject *PyTuple_GetSlice(PyObject *op, Py_ssize_t low, Py_ssize_t high) {
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(op);
    low = low < 0 ? 0 : (low > n ? n : low);
    high = high < low ? low : (high > n ? n : high);
    if (low == 0 && high == n && PyTuple_CheckExact(op)) {
        return Py_NewRef(op);
    }
    PyObject *result = PyTuple_New(high - low);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = low; i < high; i++) {
        PyTuple_SET_ITEM(result, i - low, Py_NewRef(PyTuple_GET_ITEM(op, i)));
    }
    return result;
}

int _PyTuple_Resize(PyObject **pv, Py_ssize_t newsize) {
    PyObject *v = *pv;
    if (v == NULL || !PyTuple_CheckExact(v) || (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (oldsize == 0 || newsize == 0) {
        Py_DECREF(v);
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    for (Py_ssize_t i = newsize; i < oldsize; i++) {
        Py_CLEAR(_PyTuple_CAST(v)->ob_item[i]);
    }
    size_t bytes = offsetof(PyTupleObject, ob_item) + (size_t)newsize * sizeof(PyObject *);
    PyObject *resized = PyObject_Realloc(v, bytes);
    if (resized == NULL) {
        *pv = NULL;
        pycapi_tuple_dealloc(v);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = oldsize; i < newsize; i++) {
        _PyTuple_CAST(resized)->ob_item[i] = NULL;
    }
    Py_SET_SIZE(resized, newsize);
    *pv = resized;
    return 0;
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...) {
    va_list va;
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(va_arg(va, PyObject *)));
    }
    va_end(va);
    return result;
}
