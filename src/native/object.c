/* Object headers, allocation and the end of a refcount. */
#include "pycapi_runtime.h"

static void (*unroot_pair)(PyObject *op);

PYCAPI_HIDDEN void pycapi_set_unroot_hook(void (*hook)(PyObject *op)) { unroot_pair = hook; }

/* Fresh objects whose refcount reached zero, waiting for the object space to free their
   twins' slots (FreshObjects.cs) in a batch. Two buffers: the one handed over stays
   untouched while it is drained, and releases meanwhile go to the other. */
#define FRESH_BATCH 1024
typedef struct {
    PyObject **items;
    Py_ssize_t count, capacity;
} fresh_queue;
static fresh_queue fresh_queues[2];
static int fresh_current;
/* How many wait in the current queue: the object space reads it directly. */
static Py_ssize_t fresh_waiting;

PYCAPI_HIDDEN Py_ssize_t *pycapi_released_fresh_count(void) { return &fresh_waiting; }
static void (*drain_fresh)(void);

PYCAPI_HIDDEN void pycapi_set_fresh_drain_hook(void (*hook)(void)) { drain_fresh = hook; }

PYCAPI_HIDDEN PyObject **pycapi_take_released_fresh(Py_ssize_t *count) {
    fresh_queue *q = &fresh_queues[fresh_current];
    fresh_current ^= 1;
    fresh_queues[fresh_current].count = 0;
    fresh_waiting = 0;
    *count = q->count;
    return q->items;
}

/* The object space has unlinked them (FreshObjects.cs): exact built-ins whose tp_dealloc
   only frees memory. */
PYCAPI_HIDDEN void pycapi_dealloc_released_fresh(PyObject **released, Py_ssize_t count) {
    for (Py_ssize_t i = 0; i < count; i++) {
        if (released[i] != NULL) {
            Py_TYPE(released[i])->tp_dealloc(released[i]);
        }
    }
}

__attribute__((noinline)) static void release_fresh(PyObject *op) {
    fresh_queue *q = &fresh_queues[fresh_current];
    if (q->count == q->capacity) {
        Py_ssize_t capacity = q->capacity ? q->capacity * 2 : FRESH_BATCH;
        PyObject **grown = realloc(q->items, (size_t)capacity * sizeof(PyObject *));
        if (grown == NULL) {
            return; /* the object stays allocated: a leak, not a crash */
        }
        q->items = grown;
        q->capacity = capacity;
    }
    q->items[q->count++] = op;
    fresh_waiting = q->count;
    if (q->count == FRESH_BATCH) {
        drain_fresh();
    }
}

/* A refcount reached zero. A fresh object (a twin managed code cannot see) dies now,
   through the object space's batch. An object with a linked managed twin is not freed
   here: C no longer roots it, and its twin decides when the pair dies (PairLifetime.cs).
   A C-only object dies now, as in CPython. */
void _Py_Dealloc(PyObject *op) {
    if (pycapi_is_static(op)) {
        return;
    }
    intptr_t link = PYCAPI_PREHEADER(op)->link;
    if (link & PYCAPI_LINK_FRESH) {
        release_fresh(op);
        return;
    }
    if (link != 0) {
        unroot_pair(op);
        return;
    }
    Py_TYPE(op)->tp_dealloc(op);
}

void Py_IncRef(PyObject *op) { Py_XINCREF(op); }
void Py_DecRef(PyObject *op) { Py_XDECREF(op); }

/* The default tp_dealloc of our built-in types: nothing to release but the memory. */
void pycapi_object_dealloc(PyObject *op) {
    PyTypeObject *type = Py_TYPE(op);
    if (type->tp_free == PyObject_Free) {
        pycapi_free(op); /* the usual case, without the indirect call */
    } else {
        type->tp_free(op);
    }
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(type);
    }
}

/* object.__new__ and object.__init__: extra arguments are refused by whichever of the two
   the type did not override, with CPython's messages. */
static int excess_args(PyObject *args, PyObject *kwds) {
    return PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0);
}

PYCAPI_HIDDEN int pycapi_object_init(PyObject *self, PyObject *args, PyObject *kwds);

PYCAPI_HIDDEN PyObject *pycapi_object_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    if (excess_args(args, kwds)) {
        if (type->tp_new != pycapi_object_new) {
            PyErr_SetString(PyExc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == pycapi_object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    return type->tp_alloc(type, 0);
}

PYCAPI_HIDDEN int pycapi_object_init(PyObject *self, PyObject *args, PyObject *kwds) {
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != pycapi_object_init) {
            PyErr_SetString(PyExc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == pycapi_object_new) {
            PyErr_Format(PyExc_TypeError, "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

PyObject *PyObject_Init(PyObject *op, PyTypeObject *type) {
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    op->ob_type = type;
    op->ob_refcnt = 1;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(type);
    }
    return op;
}

/* As PyObject_Init, the type aside: the block keeps its pre-header, and with it its link
   state (none, for a block freed by its tp_dealloc or fresh from PyObject_Malloc). */
void _Py_NewReference(PyObject *op) { op->ob_refcnt = 1; }

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *type, Py_ssize_t size) {
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)op, type);
    op->ob_size = size;
    return op;
}

static size_t var_size(PyTypeObject *type, Py_ssize_t nitems) {
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    return _Py_SIZE_ROUND_UP(size, sizeof(void *));
}

PyObject *_PyObject_New(PyTypeObject *type) {
    return PyObject_Init(pycapi_alloc((size_t)type->tp_basicsize), type);
}

static PyVarObject *new_var(PyTypeObject *type, Py_ssize_t nitems, void *(*allocate)(size_t)) {
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyObject_InitVar(allocate(var_size(type, nitems)), type, nitems);
}

PyVarObject *_PyObject_NewVar(PyTypeObject *type, Py_ssize_t nitems) { return new_var(type, nitems, pycapi_alloc); }

/* One item more than asked, as CPython: a sentinel some variable-size types rely on. */
PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems) {
    size_t size = var_size(type, nitems + 1) + (type->tp_flags & Py_TPFLAGS_MANAGED_DICT ? sizeof(PyObject *) : 0);
    PyObject *op = PyType_IS_GC(type) ? pycapi_alloc_gc(size) : pycapi_alloc(size);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    if (type->tp_itemsize == 0) {
        PyObject_Init(op, type);
    } else {
        PyObject_InitVar((PyVarObject *)op, type, nitems);
    }
    if (PyType_IS_GC(type)) {
        pycapi_gc_track(op);
    }
    return op;
}

/* GC objects are chained for the cyclic collector (gcmodule.c) once tracked: they are
   allocated with a GC head. (An object allocated without one, by PyObject_Malloc, has no
   room for the chain; CPython would corrupt memory tracking it, we leave it untracked.) */
PyObject *_PyObject_GC_New(PyTypeObject *type) { return PyObject_Init(pycapi_alloc_gc((size_t)type->tp_basicsize), type); }
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t nitems) { return new_var(type, nitems, pycapi_alloc_gc); }
void PyObject_GC_Track(void *op) {
    if ((PYCAPI_PREHEADER(op)->flags & PYCAPI_GC_HEAD) && !pycapi_gc_is_tracked(op)) {
        pycapi_gc_track(op);
    }
}
void PyObject_GC_UnTrack(void *op) {
    if (pycapi_gc_is_tracked(op)) {
        pycapi_gc_untrack(op);
    }
}
int PyObject_GC_IsTracked(PyObject *op) { return !pycapi_is_static(op) && pycapi_gc_is_tracked(op); }
int PyObject_GC_IsFinalized(PyObject *op) { (void)op; return 0; }
void PyObject_GC_Del(void *op) { pycapi_free(op); }
int PyObject_IS_GC(PyObject *op) {
    PyTypeObject *type = Py_TYPE(op);
    return PyType_IS_GC(type) && (type->tp_is_gc == NULL || type->tp_is_gc(op));
}

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems) {
    PyTypeObject *type = Py_TYPE(op);
    PyVarObject *resized = PyObject_Realloc(op, var_size(type, nitems));
    if (resized == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    resized->ob_size = nitems;
    return resized;
}

int (Py_Is)(PyObject *x, PyObject *y) { return x == y; }
int (Py_IsNone)(PyObject *x) { return x == Py_None; }
int (Py_IsTrue)(PyObject *x) { return x == Py_True; }
int (Py_IsFalse)(PyObject *x) { return x == Py_False; }
PyObject *(Py_NewRef)(PyObject *obj) { Py_INCREF(obj); return obj; }
PyObject *(Py_XNewRef)(PyObject *obj) { Py_XINCREF(obj); return obj; }

Py_hash_t _Py_HashPointer(const void *p)
{
    size_t address = (size_t)p;
    Py_hash_t h = (Py_hash_t)((address >> 4) | (address << (8 * sizeof(size_t) - 4)));
    return h == -1 ? -2 : h;
}

PyObject **_PyObject_GetDictPtr(PyObject *op) { return pycapi_instance_dict_slot(op); }
PYCAPI_HIDDEN PyObject **pycapi_dict_slot(PyObject *op) { return pycapi_instance_dict_slot(op); }

PyObject *_PyObject_NextNotImplemented(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    return NULL;
}
