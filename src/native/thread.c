/* The thread API (CPython's Python/thread_pthread.h semantics): a lock is a POSIX
   semaphore, which any thread may release; thread-specific storage is a pthread key. */
#include "pycapi_runtime.h"
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>

unsigned long PyThread_get_thread_ident(void) { return (unsigned long)pthread_self(); }

unsigned long PyThread_get_thread_native_id(void) { return (unsigned long)syscall(SYS_gettid); }

PyThread_type_lock PyThread_allocate_lock(void)
{
    sem_t *lock = PyMem_RawMalloc(sizeof(sem_t));
    if (lock != NULL && sem_init(lock, 0, 1) != 0) {
        PyMem_RawFree(lock);
        return NULL;
    }
    return lock;
}

void PyThread_free_lock(PyThread_type_lock lock)
{
    if (lock != NULL) {
        sem_destroy(lock);
        PyMem_RawFree(lock);
    }
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag)
{
    sem_t *sem = lock;
    struct timespec deadline;
    if (microseconds > 0) {
        clock_gettime(CLOCK_REALTIME, &deadline);
        long long ns = deadline.tv_nsec + (microseconds % 1000000) * 1000;
        deadline.tv_sec += (time_t)(microseconds / 1000000 + ns / 1000000000);
        deadline.tv_nsec = (long)(ns % 1000000000);
    }
    for (;;) {
        int status = microseconds == 0 ? sem_trywait(sem)
                   : microseconds < 0  ? sem_wait(sem)
                                       : sem_timedwait(sem, &deadline);
        if (status == 0) {
            return PY_LOCK_ACQUIRED;
        }
        if (errno != EINTR) {
            return PY_LOCK_FAILURE; /* EAGAIN (busy) or ETIMEDOUT */
        }
        if (intr_flag) {
            return PY_LOCK_INTR;
        }
    }
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock lock) { sem_post(lock); }

Py_tss_t *PyThread_tss_alloc(void)
{
    Py_tss_t *key = PyMem_RawMalloc(sizeof(Py_tss_t));
    if (key != NULL) {
        key->_is_initialized = 0;
    }
    return key;
}

void PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key) { return key->_is_initialized; }

int PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized) {
        return 0;
    }
    if (pthread_key_create(&key->_key, NULL) != 0) {
        return -1;
    }
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key)
{
    if (key->_is_initialized) {
        pthread_key_delete(key->_key);
        key->_is_initialized = 0;
    }
}

int PyThread_tss_set(Py_tss_t *key, void *value) { return pthread_setspecific(key->_key, value) == 0 ? 0 : -1; }

void *PyThread_tss_get(Py_tss_t *key) { return pthread_getspecific(key->_key); }
