/* list: ob_item is the one storage both worlds use (PyPy's cpyext list strategy,
   taken all the way): the managed twin reads and writes it through these functions. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

/* CPython's growth pattern: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ... */
static int list_resize(PyListObject *self, Py_ssize_t newsize) {
    if (self->allocated >= newsize && newsize >= (self->allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - Py_SIZE(self) > (Py_ssize_t)(new_allocated - (size_t)newsize)) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0;
    }
    PyObject **items = PyMem_Realloc(self->ob_item, new_allocated * sizeof(PyObject *));
    if (items == NULL && new_allocated != 0) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

PyObject *PyList_New(Py_ssize_t size) {
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyListObject *op = (PyListObject *)pycapi_alloc_gc(sizeof(PyListObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    if (size > 0) {
        op->ob_item = PyMem_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            pycapi_free(op);
            return PyErr_NoMemory();
        }
    }
    PyObject_InitVar((PyVarObject *)op, &PyList_Type, size);
    op->allocated = size;
    pycapi_gc_track((PyObject *)op);
    return (PyObject *)op;
}

void pycapi_list_dealloc(PyObject *op) {
    PyListObject *list = (PyListObject *)op;
    for (Py_ssize_t i = Py_SIZE(op); --i >= 0;) {
        Py_XDECREF(list->ob_item[i]);
    }
    PyMem_Free(list->ob_item);
    pycapi_object_dealloc(op); /* a subclass's instance releases its heap type too */
}

/* list.__init__(iterable=(), /): empties the list, then appends the iterable's items.
   (list's tp_new is PyType_GenericNew: an empty list of the type.) */
PYCAPI_HIDDEN int pycapi_list_init(PyObject *self, PyObject *args, PyObject *kwds) {
    PyObject *iterable = NULL;
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "list", 0, 1, &iterable)) {
        return -1;
    }
    if (PyList_SetSlice(self, 0, Py_SIZE(self), NULL) < 0) {
        return -1;
    }
    if (iterable == NULL) {
        return 0;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int status = PyList_Append(self, item);
        Py_DECREF(item);
        if (status < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

Py_ssize_t PyList_Size(PyObject *op) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *PyList_GetItem(PyObject *op, Py_ssize_t i) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return PyList_GET_ITEM(op, i);
}

int PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem) {
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject *old = PyList_GET_ITEM(op, i);
    PyList_SET_ITEM(op, i, newitem);
    Py_XDECREF(old);
    return 0;
}

int PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem) {
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t n = Py_SIZE(op);
    if (list_resize((PyListObject *)op, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    PyObject **items = ((PyListObject *)op)->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(PyObject *));
    items[where] = Py_NewRef(newitem);
    return 0;
}

int PyList_Append(PyObject *op, PyObject *newitem) {
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t n = Py_SIZE(op);
    if (list_resize((PyListObject *)op, n + 1) < 0) {
        return -1;
    }
    PyList_SET_ITEM(op, n, Py_NewRef(newitem));
    return 0;
}

PyObject *PyList_GetSlice(PyObject *op, Py_ssize_t low, Py_ssize_t high) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(op);
    low = low < 0 ? 0 : (low > n ? n : low);
    high = high < low ? low : (high > n ? n : high);
    PyObject *result = PyList_New(high - low);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = low; i < high; i++) {
        PyList_SET_ITEM(result, i - low, Py_NewRef(PyList_GET_ITEM(op, i)));
    }
    return result;
}

int PyList_SetSlice(PyObject *op, Py_ssize_t low, Py_ssize_t high, PyObject *itemlist) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t n = Py_SIZE(op);
    low = low < 0 ? 0 : (low > n ? n : low);
    high = high < low ? low : (high > n ? n : high);
    PyObject *fast = NULL;
    Py_ssize_t k = 0;
    if (itemlist != NULL) {
        fast = PySequence_Fast(itemlist, "can only assign an iterable");
        if (fast == NULL) {
            return -1;
        }
        k = PySequence_Fast_GET_SIZE(fast);
    }
    Py_ssize_t d = k - (high - low);
    PyObject **removed = PyMem_Malloc((size_t)(high - low) * sizeof(PyObject *) + 1);
    PyObject **incoming = PyMem_Malloc((size_t)k * sizeof(PyObject *) + 1);
    if (removed == NULL || incoming == NULL) {
        PyMem_Free(removed);
        PyMem_Free(incoming);
        Py_XDECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < k; i++) {
        incoming[i] = Py_NewRef(PySequence_Fast_GET_ITEM(fast, i));
    }
    PyObject **items = ((PyListObject *)op)->ob_item;
    memcpy(removed, &items[low], (size_t)(high - low) * sizeof(PyObject *));
    if (d > 0 && list_resize((PyListObject *)op, n + d) < 0) {
        for (Py_ssize_t i = 0; i < k; i++) {
            Py_DECREF(incoming[i]);
        }
        PyMem_Free(removed);
        PyMem_Free(incoming);
        Py_XDECREF(fast);
        return -1;
    }
    items = ((PyListObject *)op)->ob_item;
    memmove(&items[high + d], &items[high], (size_t)(n - high) * sizeof(PyObject *));
    memcpy(&items[low], incoming, (size_t)k * sizeof(PyObject *));
    if (d < 0) {
        list_resize((PyListObject *)op, n + d);
    }
    for (Py_ssize_t i = 0; i < high - low; i++) {
        Py_XDECREF(removed[i]);
    }
    PyMem_Free(removed);
    PyMem_Free(incoming);
    Py_XDECREF(fast);
    return 0;
}

int PyList_Reverse(PyObject *op) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject **items = ((PyListObject *)op)->ob_item;
    for (Py_ssize_t lo = 0, hi = Py_SIZE(op) - 1; lo < hi; lo++, hi--) {
        PyObject *t = items[lo];
        items[lo] = items[hi];
        items[hi] = t;
    }
    return 0;
}

PyObject *PyList_AsTuple(PyObject *op) {
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(op);
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyList_GET_ITEM(op, i)));
    }
    return result;
}
