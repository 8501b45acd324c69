/* Signals, fork hooks and pending calls: the process-level services CPython's signal
   module and eval loop give extensions. */
#include "pycapi_runtime.h"
#include <pthread.h>
#include <signal.h>

/* The thread that initialized the runtime (after a fork, the child's only thread):
   pending calls run only there, as in CPython. */
static unsigned long main_thread;

PyOS_sighandler_t PyOS_getsig(int sig) {
    struct sigaction action;
    if (sigaction(sig, NULL, &action) == -1) {
        return SIG_ERR;
    }
    return action.sa_handler;
}

/* SA_ONSTACK as in CPython: a handler may then run on a thread's alternate stack. */
PyOS_sighandler_t PyOS_setsig(int sig, PyOS_sighandler_t handler) {
    struct sigaction action, old;
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &action, &old) == -1) {
        return SIG_ERR;
    }
    return old.sa_handler;
}

/* SIGINT is the one signal with a Python-level handler (the signal module's
   default_int_handler, raising KeyboardInterrupt): its C handler only records that it
   arrived, for the next PyErr_CheckSignals on the main thread. */
static volatile sig_atomic_t sigint_tripped;

static void sigint_handler(int sig) {
    (void)sig;
    sigint_tripped = 1;
}

/* Py_InitializeEx(1) ignores the signals whose default action would kill the process on
   an error a write reports anyway (EPIPE, EFBIG), and catches SIGINT. */
PYCAPI_HIDDEN void pycapi_init_signals(int install) {
    main_thread = PyThread_get_thread_ident();
    if (install) {
        PyOS_setsig(SIGPIPE, SIG_IGN);
        PyOS_setsig(SIGXFSZ, SIG_IGN);
        PyOS_setsig(SIGINT, sigint_handler);
    }
}

/* As if the signal arrived: only SIGINT has a handler to trip (a signal left to SIG_DFL
   or SIG_IGN at the Python level is not simulated, as in CPython). */
int PyErr_SetInterruptEx(int signum) {
    if (signum < 1 || signum >= NSIG) {
        return -1;
    }
    if (signum == SIGINT) {
        sigint_tripped = 1;
    }
    return 0;
}

void PyErr_SetInterrupt(void) { PyErr_SetInterruptEx(SIGINT); }

int PyOS_InterruptOccurred(void) {
    if (PyThread_get_thread_ident() != main_thread || !sigint_tripped) {
        return 0;
    }
    sigint_tripped = 0;
    return 1;
}

/* What a child about to exec should start with. */
void _Py_RestoreSignals(void) {
    PyOS_setsig(SIGPIPE, SIG_DFL);
    PyOS_setsig(SIGXFSZ, SIG_DFL);
}

/* Pending calls: CPython's queue of 32 slots, one always free. There is no eval loop to
   run them between bytecodes, so they run when the main thread calls Py_MakePendingCalls
   or PyErr_CheckSignals (which C code calls in long loops for the same purpose), after
   the signal handlers, as in CPython's Py_MakePendingCalls. */
#define PENDING_SLOTS 32
static struct {
    int (*func)(void *);
    void *arg;
} pending[PENDING_SLOTS];
static int pending_first, pending_last;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

/* Any thread, with or without the GIL. -1 when the queue is full. */
int Py_AddPendingCall(int (*func)(void *), void *arg) {
    pthread_mutex_lock(&pending_lock);
    int next = (pending_last + 1) % PENDING_SLOTS;
    int full = next == pending_first;
    if (!full) {
        pending[pending_last].func = func;
        pending[pending_last].arg = arg;
        pending_last = next;
    }
    pthread_mutex_unlock(&pending_lock);
    return full ? -1 : 0;
}

/* In order, one pass over at most the queue's size (a call may add more); the first call
   that fails stops the pass and its result (-1 with an exception) is returned. Not
   reentrant: a pending call that makes pending calls runs none. */
int Py_MakePendingCalls(void) {
    static int busy;
    if (PyThread_get_thread_ident() != main_thread) {
        return 0;
    }
    if (sigint_tripped) {
        sigint_tripped = 0;
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return -1;
    }
    if (busy) {
        return 0;
    }
    busy = 1;
    int result = 0;
    for (int i = 0; i < PENDING_SLOTS && result == 0; i++) {
        pthread_mutex_lock(&pending_lock);
        int (*func)(void *) = NULL;
        void *arg = NULL;
        if (pending_first != pending_last) {
            func = pending[pending_first].func;
            arg = pending[pending_first].arg;
            pending_first = (pending_first + 1) % PENDING_SLOTS;
        }
        pthread_mutex_unlock(&pending_lock);
        if (func == NULL) {
            break;
        }
        result = func(arg);
    }
    busy = 0;
    return result;
}

/* The signal handlers, then the pending calls (see above). */
int PyErr_CheckSignals(void) { return Py_MakePendingCalls(); }

/* Around fork(): the pending-call lock is held across it so that the child does not
   inherit it locked by a thread that no longer exists, and the child's only thread
   becomes the main thread, with no signal pending. There is no os.register_at_fork to run callbacks for. */
void PyOS_BeforeFork(void) { pthread_mutex_lock(&pending_lock); }

void PyOS_AfterFork_Parent(void) { pthread_mutex_unlock(&pending_lock); }

void PyOS_AfterFork_Child(void) {
    sigint_tripped = 0; /* the parent's to handle */
    pthread_mutex_init(&pending_lock, NULL);
    main_thread = PyThread_get_thread_ident();
    PyThreadState *ts = PyThreadState_Get();
    ts->thread_id = main_thread;
    ts->native_thread_id = PyThread_get_thread_native_id();
}

void PyOS_AfterFork(void) { PyOS_AfterFork_Child(); }
