/* PyThreadState_New / Swap / Clear / Delete / DeleteCurrent, for threads C creates: each
   state has its own error indicator, and which state is current follows Swap and
   PyEval_RestoreThread. Also PyThreadState_EnterTracing / LeaveTracing. Threads run one
   at a time (the main thread waits in pthread_join with the GIL released). */
#include "conformance.h"
#include <pthread.h>

static PyInterpreterState *interp;
static PyThreadState *made;
static int on_delete_calls;

static void on_delete(void *data)
{
    on_delete_calls += *(int *)data;
}

/* Swaps the state made by the main thread in, raises in it, swaps it out. */
static void *swap_thread(void *unused)
{
    (void)unused;
    PyThreadState *before = PyThreadState_Swap(made);
    printf("thread: state before swap is NULL: %d\n", before == NULL);
    printf("thread: current is the new state: %d\n", PyThreadState_Get() == made);
    printf("thread: no exception at first: %d\n", PyErr_Occurred() == NULL);
    PyErr_SetString(PyExc_ValueError, "raised in the thread");
    PyObject *dict = PyThreadState_GetDict();
    printf("thread: state dict is the state's: %d\n", dict != NULL && dict == made->dict);
    PyThreadState *out = PyThreadState_Swap(NULL);
    printf("thread: swap out returns the new state: %d\n", out == made);
    return NULL;
}

static char result[64];

/* The classic pattern for a thread C creates: a new state, taken with the GIL, cleared
   and deleted as the current one. */
static void *own_state_thread(void *unused)
{
    (void)unused;
    PyThreadState *ts = PyThreadState_New(interp);
    PyEval_RestoreThread(ts);
    PyObject *n = PyLong_FromLong(6 * 7);
    PyObject *r = PyObject_Repr(n);
    snprintf(result, sizeof result, "%s, current=%d", PyUnicode_AsUTF8(r), PyThreadState_Get() == ts);
    Py_DECREF(r);
    Py_DECREF(n);
    PyErr_SetString(PyExc_KeyError, "left behind");
    PyThreadState_Clear(ts);
    PyThreadState_DeleteCurrent();
    return NULL;
}

static void run_thread(void *(*body)(void *))
{
    pthread_t thread;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&thread, NULL, body, NULL);
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
}

static int profile(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    (void)obj, (void)frame, (void)what, (void)arg;
    return 0;
}

static void tracing(void)
{
    PyThreadState *ts = PyThreadState_Get();
    printf("tracing at first: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    PyThreadState_EnterTracing(ts);
    printf("after enter: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    PyThreadState_EnterTracing(ts);
    printf("after enter twice: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    PyThreadState_LeaveTracing(ts);
    printf("after leave: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    PyThreadState_LeaveTracing(ts);
    printf("after leave twice: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);

    /* With a profile function set, leaving turns tracing on (restored by hand after). */
    ts->c_profilefunc = profile;
    PyThreadState_EnterTracing(ts);
    printf("profiling, after enter: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    PyThreadState_LeaveTracing(ts);
    printf("profiling, after leave: %d, use_tracing %d\n", ts->tracing, ts->cframe->use_tracing);
    ts->c_profilefunc = NULL;
    ts->cframe->use_tracing = 0;
}

int main(void)
{
    conf_init();
    PyThreadState *main_state = PyThreadState_Get();
    interp = main_state->interp;
    printf("main state's interpreter is the current one: %d\n", interp == PyInterpreterState_Get());

    made = PyThreadState_New(interp);
    printf("new state: made %d, distinct %d, same interpreter %d\n", made != NULL, made != main_state,
           made->interp == interp);
    printf("new state is not current: %d\n", PyThreadState_Get() == main_state);
    printf("new state belongs to this thread: %d\n", made->thread_id == PyThread_get_thread_ident());
    printf("new state: no exception %d, no dict %d, exc_info is its own %d\n", made->curexc_type == NULL,
           made->dict == NULL, made->exc_info == &made->exc_state);

    run_thread(swap_thread);
    printf("main: no exception here: %d\n", PyErr_Occurred() == NULL);
    printf("main: the thread's exception stays in its state: %d\n",
           made->curexc_type == PyExc_ValueError);

    static int one = 1;
    made->on_delete = on_delete;
    made->on_delete_data = &one;
    PyThreadState_Clear(made);
    printf("after clear: exception %d, dict %d, on_delete calls %d\n", made->curexc_type != NULL,
           made->dict != NULL, on_delete_calls);
    made->on_delete = NULL;
    PyThreadState_Delete(made);
    printf("main: still current: %d\n", PyThreadState_Get() == main_state);

    run_thread(own_state_thread);
    printf("own state thread: %s\n", result);
    printf("main: current again: %d\n", PyThreadState_Get() == main_state);

    /* Swapping the main state out and in again. */
    PyThreadState *out = PyThreadState_Swap(NULL);
    printf("swap out main: %d\n", out == main_state);
    PyThreadState *none = PyThreadState_Swap(main_state);
    printf("swap main back in: previous NULL %d, current %d\n", none == NULL, PyThreadState_Get() == main_state);

    tracing();
    return conf_end();
}
