/* Allocators. PyMem_* and PyObject_* blocks carry the pre-header's 16 bytes (link,
   counts, size class) so that any object an extension allocates itself (PyObject_Malloc
   + PyObject_Init) can be linked to a managed twin; GC objects (PyObject_GC_New, tp_alloc
   of a GC type) have the 16-byte GC head in front of it too, as CPython's PyGC_Head.
   PyMem_Raw* is plain malloc, as in CPython. */
#include "pycapi_runtime.h"
#include <malloc.h>

/* Small blocks come from per-size free lists carved out of large chunks, as CPython's
   pymalloc does: malloc and free cost more than most of the API calls that allocate. A
   block's class (its size in 16-byte units, pre-header included) is kept in its
   pre-header, so freeing needs no lookup. Callers hold the GIL, as CPython requires
   for PyObject_Malloc; the runtime frees only on API threads. */
#define CLASS_UNIT 16
#define MAX_SMALL_BLOCK 544 /* a 512-byte object and its whole pre-header */
#define CLASS_COUNT (MAX_SMALL_BLOCK / CLASS_UNIT + 1)
#define CHUNK_BYTES (256 * 1024)

typedef struct free_block {
    struct free_block *next;
} free_block;

static free_block *free_lists[CLASS_COUNT];
static char *chunk_next, *chunk_end;

/* Chunks are CPython's arenas: an embedder may supply their allocator. They are never
   given back (free lists keep their blocks), so `free` is not called. */
static void *arena_malloc(void *ctx, size_t size) {
    (void)ctx;
    return malloc(size);
}
static void arena_free(void *ctx, void *ptr, size_t size) {
    (void)ctx, (void)size;
    free(ptr);
}
static PyObjectArenaAllocator arena_allocator = { NULL, arena_malloc, arena_free };

void PyObject_GetArenaAllocator(PyObjectArenaAllocator *allocator) { *allocator = arena_allocator; }
void PyObject_SetArenaAllocator(PyObjectArenaAllocator *allocator) { arena_allocator = *allocator; }

static void *small_block(unsigned size_class) {
    free_block *b = free_lists[size_class];
    if (b != NULL) {
        free_lists[size_class] = b->next;
        return b;
    }
    size_t bytes = (size_t)size_class * CLASS_UNIT;
    if ((size_t)(chunk_end - chunk_next) < bytes) {
        /* The tail of the old chunk is left unused: at most one block of the largest class. */
        chunk_next = arena_allocator.alloc(arena_allocator.ctx, CHUNK_BYTES);
        if (chunk_next == NULL) {
            chunk_end = NULL;
            return NULL;
        }
        chunk_end = chunk_next + CHUNK_BYTES;
    }
    void *block = chunk_next;
    chunk_next += bytes;
    return block;
}

/* Zeroes a small block in whole units: inline, where memset would be a call. (gcc must
   not turn the loop back into a memset call.) */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
static void zero_units(void *block, unsigned units) {
    uint64_t *words = block;
    for (unsigned i = 0; i < units * (CLASS_UNIT / sizeof(uint64_t)); i++) {
        words[i] = 0;
    }
}

/* A zeroed block of header + size bytes; returns where its pre-header would start
   (the GC head's place, even when the block has none). */
static pycapi_preheader *allocate(size_t header, size_t size) {
    size_t total = header + size;
    char *block;
    unsigned size_class = 0;
    if (total <= MAX_SMALL_BLOCK) {
        size_class = (unsigned)((total + CLASS_UNIT - 1) / CLASS_UNIT);
        block = small_block(size_class);
        if (block == NULL) {
            return NULL;
        }
        zero_units(block, size_class);
    } else {
        block = calloc(1, total);
        if (block == NULL) {
            return NULL;
        }
    }
    pycapi_preheader *h = (pycapi_preheader *)(block + header - sizeof(pycapi_preheader));
    h->size_class = (uint16_t)size_class;
    return h;
}

void *pycapi_alloc(size_t size) {
    pycapi_preheader *h = allocate(sizeof(pycapi_preheader) - PYCAPI_GC_HEAD_SIZE, size);
    return h != NULL ? h + 1 : NULL;
}

void *pycapi_alloc_gc(size_t size) {
    pycapi_preheader *h = allocate(sizeof(pycapi_preheader), size);
    if (h == NULL) {
        return NULL;
    }
    h->flags = PYCAPI_GC_HEAD;
    return h + 1;
}

/* The block a pre-header belongs to, and the size of its header. */
static size_t header_size(pycapi_preheader *h) {
    return (h->flags & PYCAPI_GC_HEAD) ? sizeof(pycapi_preheader) : sizeof(pycapi_preheader) - PYCAPI_GC_HEAD_SIZE;
}

static char *block_of(pycapi_preheader *h) { return (char *)(h + 1) - header_size(h); }

static void release_block(pycapi_preheader *h) {
    unsigned size_class = h->size_class;
    char *block = block_of(h);
    if (size_class == 0) {
        free(block);
        return;
    }
    free_block *b = (free_block *)block;
    b->next = free_lists[size_class];
    free_lists[size_class] = b;
}

/* An extension that frees a GC object it forgot to untrack must not leave it chained. */
void pycapi_free(void *p) {
    if (p != NULL) {
        if (pycapi_gc_is_tracked(p)) {
            pycapi_gc_untrack(p);
        }
        release_block(PYCAPI_PREHEADER(p));
    }
}

static size_t usable_size(pycapi_preheader *h) {
    size_t block = h->size_class != 0 ? (size_t)h->size_class * CLASS_UNIT : malloc_usable_size(block_of(h));
    return block - header_size(h);
}

static void *pycapi_realloc(void *p, size_t size) {
    if (p == NULL) {
        return pycapi_alloc(size);
    }
    pycapi_preheader *old = PYCAPI_PREHEADER(p);
    size_t capacity = usable_size(old);
    if (size <= capacity) {
        return p;
    }
    /* Moving memory would break the collector's chain: take it out and put it back. */
    int tracked = pycapi_gc_is_tracked(p);
    if (tracked) {
        pycapi_gc_untrack(p);
    }
    void *moved;
    size_t header = header_size(old);
    if (old->size_class == 0) {
        char *block = realloc(block_of(old), header + size);
        moved = block != NULL ? block + header : NULL;
    } else {
        moved = (old->flags & PYCAPI_GC_HEAD) ? pycapi_alloc_gc(size) : pycapi_alloc(size);
        if (moved != NULL) {
            pycapi_preheader *h = PYCAPI_PREHEADER(moved);
            h->link = old->link;
            h->flags = old->flags;
            memcpy(moved, p, capacity);
            release_block(old);
        }
    }
    if (tracked) {
        pycapi_gc_track(moved != NULL ? moved : p);
    }
    return moved;
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

/* tracemalloc does not trace here: as CPython answers when it is not tracing. */
int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size)
{
    (void)domain, (void)ptr, (void)size;
    return -2;
}

int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr)
{
    (void)domain, (void)ptr;
    return -2;
}
