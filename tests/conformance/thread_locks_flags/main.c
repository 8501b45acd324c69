/* The thread API extensions use without threads of Python's: locks (binary semaphores:
   another thread may release them), thread identity, thread-specific storage; and the
   legacy configuration flags as the environment sets them. */
#include "conformance.h"

static PyThread_type_lock lock;
static Py_tss_t key = Py_tss_NEEDS_INIT;
static unsigned long other_ident;
static void *other_value;

static void *other_thread(void *arg)
{
    other_ident = PyThread_get_thread_ident();
    other_value = PyThread_tss_get(&key); /* this thread's own slot: NULL */
    PyThread_tss_set(&key, arg);
    PyThread_release_lock(lock); /* a lock held by the main thread */
    return NULL;
}

int main(void)
{
    conf_init();

    printf("-- locks\n");
    lock = PyThread_allocate_lock();
    printf("allocated: %d\n", lock != NULL);
    printf("acquire, no wait: %d\n", PyThread_acquire_lock(lock, NOWAIT_LOCK));
    printf("again, no wait: %d\n", PyThread_acquire_lock(lock, NOWAIT_LOCK));
    printf("timed 10 ms: %d\n", (int)PyThread_acquire_lock_timed(lock, 10000, 0));
    printf("timed 0: %d\n", (int)PyThread_acquire_lock_timed(lock, 0, 0));
    PyThread_release_lock(lock);
    printf("after release, wait: %d\n", PyThread_acquire_lock(lock, WAIT_LOCK));
    printf("timed while held by us: %d\n", (int)PyThread_acquire_lock_timed(lock, 1000, 1));

    printf("-- thread-specific storage\n");
    printf("created before: %d\n", PyThread_tss_is_created(&key));
    int created = PyThread_tss_create(&key);
    int again = PyThread_tss_create(&key);
    printf("create: %d, again: %d, created: %d\n", created, again, PyThread_tss_is_created(&key));
    int mine = 1, theirs = 2;
    printf("get before set is NULL: %d\n", PyThread_tss_get(&key) == NULL);
    int set = PyThread_tss_set(&key, &mine);
    printf("set: %d, get is mine: %d\n", set, PyThread_tss_get(&key) == &mine);

    printf("-- another thread\n");
    pthread_t t;
    pthread_create(&t, NULL, other_thread, &theirs);
    printf("acquire released by the other thread: %d\n", PyThread_acquire_lock(lock, WAIT_LOCK));
    pthread_join(t, NULL);
    printf("identities differ: %d, main's is stable: %d, non-zero: %d\n",
           other_ident != PyThread_get_thread_ident(), PyThread_get_thread_ident() == PyThread_get_thread_ident(),
           PyThread_get_thread_ident() != 0);
    printf("other thread saw NULL first: %d, ours still mine: %d\n", other_value == NULL,
           PyThread_tss_get(&key) == &mine);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    PyThread_tss_delete(&key);
    printf("created after delete: %d\n", PyThread_tss_is_created(&key));

    Py_tss_t *heap_key = PyThread_tss_alloc();
    int before = PyThread_tss_is_created(heap_key);
    created = PyThread_tss_create(heap_key);
    printf("alloc: created %d, create %d, created %d\n", before, created, PyThread_tss_is_created(heap_key));
    PyThread_tss_set(heap_key, &theirs);
    printf("heap key holds: %d\n", PyThread_tss_get(heap_key) == &theirs);
    PyThread_tss_free(heap_key);

    printf("-- configuration flags\n");
    /* The harness runs with PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1 only. */
    printf("optimize %d, debug %d, verbose %d, inspect %d, dont_write_bytecode %d, unbuffered %d, "
           "hash_randomization %d, no_user_site %d, isolated %d, ignore_environment %d\n",
           Py_OptimizeFlag, Py_DebugFlag, Py_VerboseFlag, Py_InspectFlag, Py_DontWriteBytecodeFlag,
           Py_UnbufferedStdioFlag, Py_HashRandomizationFlag, Py_NoUserSiteDirectory, Py_IsolatedFlag,
           Py_IgnoreEnvironmentFlag);
    return conf_end();
}
