/* Py_GetArgcArgv for an embedded runtime (no command line), and the object arena
   allocator: the default one, and one set in its place that PyObject_Malloc then uses. */
#include "conformance.h"

static PyObjectArenaAllocator original;
static int arena_allocs;

static void *counting_alloc(void *ctx, size_t size)
{
    arena_allocs += ctx == &arena_allocs;
    return original.alloc(original.ctx, size);
}

static void counting_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    original.free(original.ctx, ptr, size);
}

#define BLOCKS 100000

int main(void)
{
    conf_init();
    int argc = -1;
    wchar_t **argv = (wchar_t **)&argc;
    Py_GetArgcArgv(&argc, &argv);
    printf("argc %d, argv NULL %d\n", argc, argv == NULL);

    PyObject_GetArenaAllocator(&original);
    printf("default: ctx NULL %d, alloc set %d, free set %d\n", original.ctx == NULL, original.alloc != NULL,
           original.free != NULL);
    PyObjectArenaAllocator counting = { &arena_allocs, counting_alloc, counting_free };
    PyObject_SetArenaAllocator(&counting);
    PyObjectArenaAllocator now;
    PyObject_GetArenaAllocator(&now);
    printf("set: ctx %d, alloc %d, free %d\n", now.ctx == &arena_allocs, now.alloc == counting_alloc,
           now.free == counting_free);

    static void *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = PyObject_Malloc(48);
    }
    printf("arenas came from the allocator set: %d\n", arena_allocs > 0);
    for (int i = 0; i < BLOCKS; i++) {
        PyObject_Free(blocks[i]);
    }
    PyObject_SetArenaAllocator(&original);
    return conf_end();
}
