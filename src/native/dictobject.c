/* dict: the table lives in the managed object space (DictObject.cs); what C serves alone
   is here. */
#include "pycapi_runtime.h"
#include "slow_paths.g.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

/* ma_version_tag: a process-wide counter bumped by every change (the object space bumps
   it too, through pycapi_dict_version_counter). */
static uint64_t last_version;

PYCAPI_HIDDEN uint64_t *pycapi_dict_version_counter(void) { return &last_version; }

/* A dict is born in C, empty and without a twin: one made and dropped by C never enters
   managed code. The twin is made (fresh) by the first call that works on the dict. */
PyObject *PyDict_New(void) {
    PyDictObject *d = pycapi_alloc(sizeof(PyDictObject));
    if (d == NULL) {
        return PyErr_NoMemory();
    }
    Py_SET_TYPE(d, &PyDict_Type); /* a static type: no reference to take */
    Py_SET_REFCNT(d, 1);
    d->ma_version_tag = ++last_version;
    return (PyObject *)d;
}

PyObject *_PyDict_NewPresized(Py_ssize_t minused) {
    (void)minused; /* the managed table grows as it fills */
    return PyDict_New();
}

/* A key found by identity and its value, valid while ma_version_tag is unchanged (the
   dict then holds both, so neither address can be reused). A few of them, in ma_values,
   filled by the object space (PyDict in DictObject.cs): repeated lookups of the same key
   object need no call into managed code. */
#define HIT_CACHE_SIZE 4
typedef struct {
    uint64_t version;
    PyObject *key;
    PyObject *value;
} pycapi_dict_hit;

static PyObject *cached_lookup(PyObject *op, PyObject *key) {
    if (op != NULL && PyDict_CheckExact(op)) {
        PyDictObject *d = (PyDictObject *)op;
        pycapi_dict_hit *cache = (pycapi_dict_hit *)d->ma_values;
        if (cache != NULL) {
            pycapi_dict_hit *hit = &cache[((uintptr_t)key >> 4) & (HIT_CACHE_SIZE - 1)];
            if (hit->key == key && hit->version == d->ma_version_tag) {
                return hit->value;
            }
        }
    }
    return NULL;
}

PyObject *PyDict_GetItemWithError(PyObject *op, PyObject *key) {
    PyObject *value = cached_lookup(op, key);
    return value != NULL ? value : _PyCApi_Slow_PyDict_GetItemWithError(op, key);
}

/* The historical lookup: borrowed, every error hidden, and the caller's pending
   exception kept across it. The error indicator is C's, so no managed call is needed
   to save it. */
PyObject *PyDict_GetItem(PyObject *op, PyObject *key) {
    if (!PyDict_Check(op)) {
        return NULL;
    }
    PyObject *hit = cached_lookup(op, key); /* a hit raises nothing: no need to save */
    if (hit != NULL) {
        return hit;
    }
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject *item = PyDict_GetItemWithError(op, key);
    PyErr_Restore(type, value, traceback);
    return item;
}

/* ma_used of an exact dict is kept current by the object space. */
Py_ssize_t PyDict_Size(PyObject *op) {
    return op != NULL && PyDict_CheckExact(op) ? ((PyDictObject *)op)->ma_used : _PyCApi_Slow_PyDict_Size(op);
}

/* The entries of a dict that C iterates, as native pointers: a key and a value per entry
   index, NULL for a deleted entry. The object space keeps it current in ma_keys (PyDict
   in DictObject.cs); PyDict_Next reads it without a call. */
typedef struct {
    Py_ssize_t count, capacity;
    PyObject *items[];
} pycapi_dict_mirror;

int PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue) {
    pycapi_dict_mirror *mirror = op != NULL && PyDict_CheckExact(op) ? (pycapi_dict_mirror *)((PyDictObject *)op)->ma_keys : NULL;
    if (mirror == NULL) {
        return _PyCApi_Slow_PyDict_Next(op, ppos, pkey, pvalue);
    }
    for (Py_ssize_t i = *ppos < 0 ? mirror->count : *ppos; i < mirror->count; i++) {
        PyObject **entry = &mirror->items[2 * i];
        if (entry[0] != NULL) {
            if (pkey != NULL) {
                *pkey = entry[0];
            }
            if (pvalue != NULL) {
                *pvalue = entry[1];
            }
            *ppos = i + 1;
            return 1;
        }
    }
    return 0;
}

/* The native half of a dict: its mirror and lookup cache go with it. */
/* dict.__new__: an empty dict of the type, its table made by the object space when first used. */
PYCAPI_HIDDEN PyObject *pycapi_dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)args;
    (void)kwds;
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        ((PyDictObject *)self)->ma_version_tag = ++last_version;
    }
    return self;
}

/* dict.__init__(mapping or iterable of pairs, /, **kwargs): dict_update_common. */
PYCAPI_HIDDEN int pycapi_dict_init(PyObject *self, PyObject *args, PyObject *kwds) {
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "dict", 0, 1, &arg)) {
        return -1;
    }
    if (arg != NULL) {
        PyObject *name = PyUnicode_FromString("keys");
        PyObject *keys = NULL;
        int found = name != NULL ? _PyObject_LookupAttr(arg, name, &keys) : -1;
        Py_XDECREF(name);
        if (found < 0) {
            return -1;
        }
        int status = keys != NULL ? PyDict_Merge(self, arg, 1) : PyDict_MergeFromSeq2(self, arg, 1);
        Py_XDECREF(keys);
        if (status < 0) {
            return -1;
        }
    }
    return kwds != NULL && PyDict_GET_SIZE(kwds) != 0 ? PyDict_Merge(self, kwds, 1) : 0;
}

PYCAPI_HIDDEN void pycapi_dict_dealloc(PyObject *op) {
    PyMem_Free(((PyDictObject *)op)->ma_keys);
    PyMem_Free(((PyDictObject *)op)->ma_values);
    pycapi_object_dealloc(op);
}
