/* The cyclic collector's native side: the chain of tracked GC objects, and the edge
   census the managed collector (ObjectSpace.Collect) hands to the .NET GC. The .NET GC
   then decides reachability for both worlds in one pass (docs/object-model.md). */
#include "pycapi_runtime.h"

static pycapi_preheader gc_list = { &gc_list, &gc_list, 0, 0, 0, 0 };

void pycapi_gc_track(PyObject *op) {
    pycapi_preheader *h = PYCAPI_PREHEADER(op);
    h->gc_next = &gc_list;
    h->gc_prev = gc_list.gc_prev;
    gc_list.gc_prev->gc_next = h;
    gc_list.gc_prev = h;
}

void pycapi_gc_untrack(PyObject *op) {
    pycapi_preheader *h = PYCAPI_PREHEADER(op);
    h->gc_prev->gc_next = h->gc_next;
    h->gc_next->gc_prev = h->gc_prev;
    h->gc_next = h->gc_prev = NULL;
}

/* An edge of the object graph held in native memory: source's layout refers to target. */
typedef struct {
    PyObject *source;
    PyObject *target;
} pycapi_gc_edge;

typedef struct {
    pycapi_gc_edge *edges;
    Py_ssize_t count, capacity;
    PyObject *source;
} edge_census;

static int visit_zero(PyObject *target, void *arg) {
    (void)arg;
    if (!pycapi_is_static(target)) {
        PYCAPI_PREHEADER(target)->gc_refs = 0;
    }
    return 0;
}

static int visit_record(PyObject *target, void *arg) {
    edge_census *census = arg;
    if (pycapi_is_static(target)) {
        return 0;
    }
    PYCAPI_PREHEADER(target)->gc_refs++;
    if (census->count == census->capacity) {
        Py_ssize_t capacity = census->capacity ? census->capacity * 2 : 256;
        pycapi_gc_edge *grown = realloc(census->edges, (size_t)capacity * sizeof(pycapi_gc_edge));
        if (grown == NULL) {
            return -1;
        }
        census->edges = grown;
        census->capacity = capacity;
    }
    census->edges[census->count++] = (pycapi_gc_edge){ census->source, target };
    return 0;
}

/* Every edge from a tracked object (what its tp_traverse reports), with each target's
   gc_refs set to the number of such edges into it: ob_refcnt - gc_refs is then what
   the rest of C holds. Returns the edge count (-1 when out of memory); the array is the
   caller's, freed with pycapi_gc_free_edges. */
PYCAPI_HIDDEN Py_ssize_t pycapi_gc_census(pycapi_gc_edge **out) {
    edge_census census = { NULL, 0, 0, NULL };
    for (pycapi_preheader *h = gc_list.gc_next; h != &gc_list; h = h->gc_next) {
        PyObject *op = PYCAPI_OBJECT(h);
        h->gc_refs = 0;
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            traverse(op, visit_zero, NULL);
        }
    }
    for (pycapi_preheader *h = gc_list.gc_next; h != &gc_list; h = h->gc_next) {
        PyObject *op = PYCAPI_OBJECT(h);
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        census.source = op;
        if (traverse != NULL && traverse(op, visit_record, &census) < 0) {
            free(census.edges);
            return -1;
        }
    }
    *out = census.edges;
    return census.count;
}

PYCAPI_HIDDEN void pycapi_gc_free_edges(pycapi_gc_edge *edges) { free(edges); }

/* tuple and list report their items, as CPython's do; list can also be cleared. */
PYCAPI_HIDDEN int pycapi_sequence_traverse(PyObject *op, visitproc visit, void *arg) {
    PyObject **items = PyTuple_Check(op) ? ((PyTupleObject *)op)->ob_item : ((PyListObject *)op)->ob_item;
    for (Py_ssize_t i = Py_SIZE(op); --i >= 0;) {
        Py_VISIT(items[i]);
    }
    return 0;
}

PYCAPI_HIDDEN int pycapi_list_clear(PyObject *op) {
    return PyList_SetSlice(op, 0, PyList_GET_SIZE(op), NULL);
}

/* Puts the collector's garbage in the order CPython's collector would visit it: tracked
   objects in the order they were tracked, then the rest as given. The objects are
   unlinked, so their link word is free to mark them for the walk. */
PYCAPI_HIDDEN void pycapi_gc_order(PyObject **objs, Py_ssize_t n) {
    PyObject **ordered = malloc((size_t)(n > 0 ? n : 1) * sizeof(PyObject *));
    if (ordered == NULL) {
        return;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PYCAPI_PREHEADER(objs[i])->link = 1;
    }
    for (pycapi_preheader *h = gc_list.gc_next; h != &gc_list && k < n; h = h->gc_next) {
        if (h->link == 1) {
            h->link = 0;
            ordered[k++] = PYCAPI_OBJECT(h);
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PYCAPI_PREHEADER(objs[i])->link == 1) {
            PYCAPI_PREHEADER(objs[i])->link = 0;
            ordered[k++] = objs[i];
        }
    }
    memcpy(objs, ordered, (size_t)n * sizeof(PyObject *));
    free(ordered);
}

/* PEP 442: tp_finalize runs at most once for a GC object, before the collector clears it
   or its tp_dealloc frees it. */
void PyObject_CallFinalizer(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    if (type->tp_finalize == NULL) {
        return;
    }
    int gc = PyType_IS_GC(type) && !pycapi_is_static(self);
    if (gc && (PYCAPI_PREHEADER(self)->flags & PYCAPI_GC_FINALIZED)) {
        return;
    }
    type->tp_finalize(self);
    if (gc) {
        PYCAPI_PREHEADER(self)->flags |= PYCAPI_GC_FINALIZED;
    }
}

/* From a tp_dealloc: 0 if the object may be freed, -1 if its finalizer resurrected it. */
int PyObject_CallFinalizerFromDealloc(PyObject *self) {
    Py_SET_REFCNT(self, 1);
    PyObject_CallFinalizer(self);
    Py_SET_REFCNT(self, Py_REFCNT(self) - 1);
    return Py_REFCNT(self) == 0 ? 0 : -1;
}
