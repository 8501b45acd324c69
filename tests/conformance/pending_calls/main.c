/* Py_AddPendingCall / Py_MakePendingCalls: calls run in order, on the main thread only,
   a failing call stops the pass and keeps the rest queued, the queue holds 31 calls, and
   a pending call that makes pending calls runs none. */
#include "conformance.h"
#include <pthread.h>

static int counter;

static int say(void *arg)
{
    printf("pending call %s\n", (const char *)arg);
    return 0;
}

static int count(void *arg)
{
    (void)arg;
    counter++;
    return 0;
}

static int fail(void *arg)
{
    PyErr_SetString(PyExc_RuntimeError, (const char *)arg);
    return -1;
}

static int nested(void *arg)
{
    (void)arg;
    printf("nested Py_MakePendingCalls: %d\n", Py_MakePendingCalls());
    return 0;
}

static void *add_from_thread(void *arg)
{
    printf("added from a thread: %d\n", Py_AddPendingCall(say, arg));
    PyGILState_STATE gil = PyGILState_Ensure();
    printf("made from a thread (runs none): %d\n", Py_MakePendingCalls());
    PyGILState_Release(gil);
    return NULL;
}

int main(void)
{
    conf_init();
    printf("nothing queued: %d\n", Py_MakePendingCalls());

    Py_AddPendingCall(say, "one");
    Py_AddPendingCall(say, "two");
    Py_AddPendingCall(say, "three");
    show_ll("three queued", Py_MakePendingCalls());
    show_ll("queue empty again", Py_MakePendingCalls());

    Py_AddPendingCall(say, "before the failure");
    Py_AddPendingCall(fail, "pending call failed");
    Py_AddPendingCall(say, "after the failure");
    show_ll("with a failure", Py_MakePendingCalls());
    show_ll("the rest", Py_MakePendingCalls());

    int added = 0;
    while (Py_AddPendingCall(count, NULL) == 0 && added < 100) {
        added++;
    }
    printf("queue holds: %d\n", added);
    printf("add when full: %d\n", Py_AddPendingCall(count, NULL));
    show_ll("made", Py_MakePendingCalls());
    printf("counted: %d\n", counter);

    Py_AddPendingCall(nested, NULL);
    Py_AddPendingCall(say, "after nested");
    show_ll("nested pass", Py_MakePendingCalls());

    pthread_t thread;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&thread, NULL, add_from_thread, "from the thread");
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
    show_ll("main thread makes it", Py_MakePendingCalls());
    return conf_end();
}
