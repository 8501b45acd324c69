/* The cyclic collector's native side: the chain of tracked GC objects; the native pass,
   which collects what C alone holds as CPython does; and the edge census of what it
   leaves undecided, which the managed pass (ObjectSpace.Collect) hands to the .NET GC so
   that one tracing pass decides reachability for both worlds (docs/object-model.md). */
#include "pycapi_runtime.h"

/* The tracked objects, in the order they were tracked (pycapi_gc_track). */
pycapi_preheader pycapi_gc_list = { &pycapi_gc_list, &pycapi_gc_list, 0, 0, 0, 0 };

/* An edge of the object graph held in native memory: source's layout refers to target. */
typedef struct {
    PyObject *source;
    PyObject *target;
} pycapi_gc_edge;

/* The collector's marks in the pre-header's flags, set by the native pass. */
#define GC_REACHABLE 2 /* reached from references C holds outside the tracked graph */
#define GC_UNDECIDED 4 /* reached only through objects with a managed twin */
#define GC_RESURRECTED 8 /* its finalizer took a new reference during the release */

/* A stack of objects to visit, grown on demand. */
typedef struct {
    PyObject **items;
    Py_ssize_t count, capacity;
    int failed;
} object_stack;

static void stack_push(object_stack *stack, PyObject *op) {
    if (stack->count == stack->capacity) {
        Py_ssize_t capacity = stack->capacity ? stack->capacity * 2 : 256;
        PyObject **grown = realloc(stack->items, (size_t)capacity * sizeof(PyObject *));
        if (grown == NULL) {
            stack->failed = 1;
            return;
        }
        stack->items = grown;
        stack->capacity = capacity;
    }
    stack->items[stack->count++] = op;
}

static int is_tracked_object(PyObject *op) { return !pycapi_is_static(op) && pycapi_gc_is_tracked(op); }

static int is_linked(pycapi_preheader *h) { return h->link != 0 && !(h->link & PYCAPI_LINK_FRESH); }

static int visit_decref(PyObject *target, void *arg) {
    (void)arg;
    if (is_tracked_object(target)) {
        PYCAPI_PREHEADER(target)->gc_refs--;
    }
    return 0;
}

typedef struct {
    object_stack *stack;
    uint16_t mark;
    PyObject *source;
    uint64_t fingerprint; /* of the undecided objects' edges: see pycapi_gc_collect_native */
} marking;

static uint64_t mix(const void *a, const void *b) {
    uint64_t x = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15u ^ (uint64_t)(uintptr_t)b;
    x ^= x >> 29;
    return x * 0xBF58476D1CE4E5B9u;
}

static int visit_mark(PyObject *target, void *arg) {
    marking *m = arg;
    if (m->mark == GC_UNDECIDED) {
        m->fingerprint += mix(m->source, target);
    }
    if (is_tracked_object(target)) {
        pycapi_preheader *h = PYCAPI_PREHEADER(target);
        if (!(h->flags & (GC_REACHABLE | GC_UNDECIDED))) {
            h->flags |= m->mark;
            stack_push(m->stack, target);
        }
    }
    return 0;
}

/* Marks everything reachable from the stack's objects (already marked). */
static void propagate(marking *m) {
    while (m->stack->count > 0) {
        PyObject *op = m->stack->items[--m->stack->count];
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            m->source = op;
            traverse(op, visit_mark, m);
        }
    }
}

/* Releases garbage the caller holds one reference to each of (in the order CPython's
   collector would visit it): finalizers first (PEP 442; one that resurrects its object
   keeps it out of the clearing), then tp_clear on each object something else still
   references (one that only our hold keeps would have died already in CPython), then the
   holds are dropped and whatever reaches zero is deallocated. `first_alive`: the first
   object is cleared in any case (references from managed containers are not in ob_refcnt). */
PYCAPI_HIDDEN void pycapi_gc_release(PyObject **garbage, Py_ssize_t n, int first_alive) {
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *op = garbage[i];
        Py_ssize_t before = Py_REFCNT(op);
        PyObject_CallFinalizer(op);
        if (Py_REFCNT(op) > before) {
            PYCAPI_PREHEADER(op)->flags |= GC_RESURRECTED;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *op = garbage[i];
        pycapi_preheader *h = PYCAPI_PREHEADER(op);
        if (h->flags & GC_RESURRECTED) {
            h->flags &= (uint16_t)~GC_RESURRECTED;
            continue;
        }
        inquiry clear = Py_TYPE(op)->tp_clear;
        if (clear != NULL && (first_alive || Py_REFCNT(op) > 1)) {
            clear(op);
            first_alive = 0;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(garbage[i]);
    }
}

/* The native pass of a collection, CPython's algorithm over the tracked objects: the
   references from other tracked objects (tp_traverse) are subtracted from each refcount;
   what is left is held from outside and roots everything it reaches. Objects with a
   managed twin may be held by managed code, which refcounts do not show: what they reach
   is left undecided, for the managed pass (ObjectSpace.Collect). The rest is garbage,
   released here. Returns how many objects were collected; *undecided is how many the
   managed pass must decide, and *fingerprint a hash of them and their edges: when it and
   the managed objects are unchanged, so is the managed pass's verdict. */
PYCAPI_HIDDEN Py_ssize_t pycapi_gc_collect_native(Py_ssize_t *undecided, uint64_t *fingerprint) {
    object_stack stack = { NULL, 0, 0, 0 };
    for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list; h = h->gc_next) {
        Py_ssize_t refcnt = Py_REFCNT(PYCAPI_OBJECT(h));
        h->gc_refs = refcnt > INT32_MAX ? INT32_MAX : (int32_t)refcnt;
        h->flags &= (uint16_t)~(GC_REACHABLE | GC_UNDECIDED);
    }
    for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list; h = h->gc_next) {
        PyObject *op = PYCAPI_OBJECT(h);
        traverseproc traverse = Py_TYPE(op)->tp_traverse;
        if (traverse != NULL) {
            traverse(op, visit_decref, NULL);
        }
    }
    marking passes[] = { { &stack, GC_REACHABLE, NULL, 0 }, { &stack, GC_UNDECIDED, NULL, 0 } };
    for (int pass = 0; pass < 2; pass++) {
        for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list; h = h->gc_next) {
            int root = pass == 0 ? h->gc_refs > 0 : is_linked(h);
            if (root && !(h->flags & (GC_REACHABLE | GC_UNDECIDED))) {
                h->flags |= passes[pass].mark;
                stack_push(&stack, PYCAPI_OBJECT(h));
                propagate(&passes[pass]);
            }
        }
    }
    *fingerprint = passes[1].fingerprint;
    Py_ssize_t garbage = 0;
    *undecided = 0;
    for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list && !stack.failed; h = h->gc_next) {
        if (h->flags & GC_UNDECIDED) {
            ++*undecided;
            *fingerprint += mix(h, NULL);
        } else if (!(h->flags & GC_REACHABLE)) {
            stack_push(&stack, Py_NewRef(PYCAPI_OBJECT(h)));
            garbage++;
        }
    }
    if (stack.failed) {
        /* Out of memory: nothing is released this time (the holds taken are dropped). */
        for (Py_ssize_t i = 0; i < stack.count; i++) {
            Py_DECREF(stack.items[i]);
        }
        garbage = 0;
    } else {
        pycapi_gc_release(stack.items, garbage, 0);
    }
    free(stack.items);
    return garbage;
}

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

/* Every edge from an object the last native pass left undecided (what its tp_traverse
   reports), with each target's gc_refs set to the number of such edges into it:
   ob_refcnt - gc_refs is then what the rest of C holds. Returns the edge count (-1 when
   out of memory); the array is the caller's, freed with pycapi_gc_free_edges. */
PYCAPI_HIDDEN Py_ssize_t pycapi_gc_census(pycapi_gc_edge **out) {
    edge_census census = { NULL, 0, 0, NULL };
    for (int pass = 0; pass < 2; pass++) {
        for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list; h = h->gc_next) {
            PyObject *op = PYCAPI_OBJECT(h);
            traverseproc traverse = Py_TYPE(op)->tp_traverse;
            if (!(h->flags & GC_UNDECIDED)) {
                continue;
            }
            if (pass == 0) {
                h->gc_refs = 0;
                if (traverse != NULL) {
                    traverse(op, visit_zero, NULL);
                }
            } else if (traverse != NULL) {
                census.source = op;
                if (traverse(op, visit_record, &census) < 0) {
                    free(census.edges);
                    return -1;
                }
            }
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
    for (pycapi_preheader *h = pycapi_gc_list.gc_next; h != &pycapi_gc_list && k < n; h = h->gc_next) {
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

/* The trashcan (Py_TRASHCAN_BEGIN/END). Past this depth of nested deallocators, an object
   is deferred: chained through its GC head's gc_prev (free, the object being untracked)
   and deallocated when the outermost deallocator ends. An object without a GC head
   cannot be chained; its deallocator runs at once, as it would without the trashcan. */
#define TRASH_UNWIND_LEVEL 50

int _PyTrash_cond(PyObject *op, destructor dealloc) { return Py_TYPE(op)->tp_dealloc == dealloc; }

int _PyTrash_begin(PyThreadState *ts, PyObject *op) {
    if (ts->trash_delete_nesting >= TRASH_UNWIND_LEVEL && !pycapi_is_static(op)
        && (PYCAPI_PREHEADER(op)->flags & PYCAPI_GC_HEAD)) {
        PYCAPI_PREHEADER(op)->gc_prev = (pycapi_preheader *)ts->trash_delete_later;
        ts->trash_delete_later = op;
        return 1;
    }
    ts->trash_delete_nesting++;
    return 0;
}

void _PyTrash_end(PyThreadState *ts) {
    ts->trash_delete_nesting--;
    if (ts->trash_delete_nesting > 0) {
        return;
    }
    while (ts->trash_delete_later != NULL) {
        PyObject *op = ts->trash_delete_later;
        ts->trash_delete_later = (PyObject *)PYCAPI_PREHEADER(op)->gc_prev;
        PYCAPI_PREHEADER(op)->gc_prev = NULL;
        /* Counted as nested, so that the deallocator defers again rather than running
           the chain recursively. */
        ts->trash_delete_nesting++;
        Py_TYPE(op)->tp_dealloc(op);
        ts->trash_delete_nesting--;
    }
}
