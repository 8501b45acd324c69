/* The runtime's own C helpers: object memory with the hidden pre-header, the static
   objects' range, and the entry points the managed object space calls directly. */
#ifndef PYCAPI_RUNTIME_H
#define PYCAPI_RUNTIME_H
#include "Python.h"

#define PYCAPI_HIDDEN __attribute__((visibility("hidden")))

/* Every object (and every PyMem/PyObject allocation) we hand out is preceded by this,
   as CPython's PyGC_Head precedes GC objects. `link` is the GCHandle of the managed
   twin's link (0 while there is none); gc_refs is the collector's scratch count;
   size_class is the allocator's (memory.c; 0 for a block from malloc). The first two
   words, the GC head, exist only in blocks allocated for GC objects (PYCAPI_GC_HEAD in
   flags; pycapi_alloc_gc): gc_next/gc_prev chain the objects tracked by the cyclic
   collector (NULL when untracked). Other blocks start at `link`. */
typedef struct pycapi_preheader {
    struct pycapi_preheader *gc_next;
    struct pycapi_preheader *gc_prev;
    intptr_t link;
    int32_t gc_refs;
    uint16_t flags;
    uint16_t size_class;
} pycapi_preheader;

#define PYCAPI_PREHEADER(op) (((pycapi_preheader *)(op)) - 1)
#define PYCAPI_GC_HEAD_SIZE offsetof(pycapi_preheader, link)
/* A link word with this bit set is a fresh object's slot, not a GCHandle (FreshObjects.cs). */
#define PYCAPI_LINK_FRESH 1
/* Flags that outlive the collector's counting: tp_finalize has run (PEP 442); the block
   has a GC head. */
#define PYCAPI_GC_FINALIZED 1
#define PYCAPI_GC_HEAD 0x8000
#define PYCAPI_OBJECT(h) ((PyObject *)((pycapi_preheader *)(h) + 1))

/* The cyclic collector's list (gcmodule.c). */
PYCAPI_HIDDEN extern pycapi_preheader pycapi_gc_list;

/* Inline: tuples, lists and C types' instances are tracked and untracked all the time. */
static inline void pycapi_gc_track(PyObject *op) {
    pycapi_preheader *h = PYCAPI_PREHEADER(op);
    h->gc_next = &pycapi_gc_list;
    h->gc_prev = pycapi_gc_list.gc_prev;
    pycapi_gc_list.gc_prev->gc_next = h;
    pycapi_gc_list.gc_prev = h;
}

static inline void pycapi_gc_untrack(PyObject *op) {
    pycapi_preheader *h = PYCAPI_PREHEADER(op);
    h->gc_prev->gc_next = h->gc_next;
    h->gc_next->gc_prev = h->gc_prev;
    h->gc_next = h->gc_prev = NULL;
}
static inline int pycapi_gc_is_tracked(PyObject *op) {
    pycapi_preheader *h = PYCAPI_PREHEADER(op);
    return (h->flags & PYCAPI_GC_HEAD) && h->gc_next != NULL;
}

/* A huge refcount keeps static objects from ever reaching _Py_Dealloc. */
#define PYCAPI_IMMORTAL_REFCNT ((Py_ssize_t)1 << 60)
#define PYCAPI_STATIC_HEAD(type) { PYCAPI_IMMORTAL_REFCNT, (type) }

/* Static objects carry no pre-header: type objects that are not heap types (ours and
   those in extensions' data) and the singletons of types that have no other instances.
   An address range would not do: a host executable's copy relocations move our data. */
/* A private type flag (a bit CPython 3.11 leaves unused): the type's only instances are
   static singletons (NoneType, NotImplementedType, bool, ellipsis). With the type-object
   flag, one test tells most objects apart from static ones. */
#define PYCAPI_TPFLAGS_STATIC_INSTANCES (1UL << 1)
/* Another private flag, on our built-in types only (not inherited): calling the type itself
   is the object space's (a managed constructor), even where its tp_new, there for C
   subclasses and for C calling it directly, is a C function. */
#define PYCAPI_TPFLAGS_MANAGED_CALL (1UL << 2)

static inline int pycapi_is_static(PyObject *op) {
    PyTypeObject *type = Py_TYPE(op);
    if (type == NULL) {
        return 1; /* a static type object before PyType_Ready */
    }
    if (!(type->tp_flags & (PYCAPI_TPFLAGS_STATIC_INSTANCES | Py_TPFLAGS_TYPE_SUBCLASS))) {
        return 0;
    }
    return (type->tp_flags & PYCAPI_TPFLAGS_STATIC_INSTANCES) || !(((PyTypeObject *)op)->tp_flags & Py_TPFLAGS_HEAPTYPE);
}

/* statics.c: every static object under a key (NULL-terminated), which the object space
   links at start-up and builtinslots.c walks for the exception classes. */
typedef struct {
    const char *key;
    PyObject *object;
} pycapi_static_entry;

PYCAPI_HIDDEN const pycapi_static_entry *pycapi_static_table(void);
/* typeobject.c: the tp_new of an immutable built-in (int, float, tuple, str, bytes): the
   object space makes the value; an instance of a subclass gets it copied (by copy, which
   allocates with the subclass's tp_alloc) into the subclass's layout. */
typedef PyObject *(*pycapi_subtype_copy)(PyTypeObject *type, PyObject *value);
PYCAPI_HIDDEN PyObject *pycapi_immutable_new(PyTypeObject *type, PyTypeObject *builtin, PyObject *args, PyObject *kwds,
                                            pycapi_subtype_copy copy);

/* Where an instance keeps its __dict__ pointer: at tp_dictoffset (a negative one counts
   from the end of a variable-size object, as CPython's), or, for a managed dict
   (Py_TPFLAGS_MANAGED_DICT, CPython 3.11's), just past the most derived type's
   tp_basicsize bytes, out of every layout (PyType_GenericAlloc leaves the room). NULL
   when it has none. */
static inline PyObject **pycapi_instance_dict_slot(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        return (PyObject **)((char *)op + type->tp_basicsize);
    }
    Py_ssize_t offset = type->tp_dictoffset;
    if (offset < 0) {
        Py_ssize_t items = Py_SIZE(op) < 0 ? -Py_SIZE(op) : Py_SIZE(op);
        size_t size = ((size_t)type->tp_basicsize + (size_t)(items * type->tp_itemsize) + sizeof(void *) - 1) &
                      ~(sizeof(void *) - 1);
        offset += (Py_ssize_t)size;
    }
    return offset != 0 ? (PyObject **)((char *)op + offset) : NULL;
}

/* structseq.c: a new instance of a struct sequence type the C part defines statically
   (sys.float_info, sys.int_info), the type readied on first use; its n fields are values,
   stolen (a NULL among them, a failed creation, fails the whole). */
PYCAPI_HIDDEN PyObject *pycapi_structseq_build(PyTypeObject *type, PyStructSequence_Desc *desc, PyObject **values,
                                               Py_ssize_t n);

/* Zeroed object memory behind a pre-header; what PyObject_Malloc hands out too. */
PYCAPI_HIDDEN void *pycapi_alloc(size_t size);
/* The same, with the GC head: for objects the cyclic collector may track. */
PYCAPI_HIDDEN void *pycapi_alloc_gc(size_t size);
PYCAPI_HIDDEN void pycapi_free(void *p);

#endif
