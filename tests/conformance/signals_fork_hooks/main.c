/* PyOS_getsig / PyOS_setsig (sigaction with SA_ONSTACK; the previous handler, SIG_ERR for
   a bad signal), the signals Py_Initialize ignores and _Py_RestoreSignals gives back,
   SIGINT (real or simulated by PyErr_SetInterrupt) raising KeyboardInterrupt in
   PyErr_CheckSignals, and the fork hooks around a real fork(): the child can use the API. */
#include "conformance.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t caught;

static void handler(int sig)
{
    caught = sig;
}

static const char *name(PyOS_sighandler_t h)
{
    return h == SIG_DFL ? "SIG_DFL" : h == SIG_IGN ? "SIG_IGN" : h == SIG_ERR ? "SIG_ERR" : h == handler ? "handler" : "other";
}

int main(void)
{
    conf_init();
    printf("SIGPIPE after Py_Initialize: %s\n", name(PyOS_getsig(SIGPIPE)));
    printf("SIGXFSZ after Py_Initialize: %s\n", name(PyOS_getsig(SIGXFSZ)));
    printf("SIGUSR1 at first: %s\n", name(PyOS_getsig(SIGUSR1)));
    printf("setsig SIGUSR1 returns: %s\n", name(PyOS_setsig(SIGUSR1, handler)));
    printf("getsig SIGUSR1: %s\n", name(PyOS_getsig(SIGUSR1)));
    struct sigaction action;
    sigaction(SIGUSR1, NULL, &action);
    printf("SA_ONSTACK set: %d, SA_RESTART set: %d, mask empty: %d\n", (action.sa_flags & SA_ONSTACK) != 0,
           (action.sa_flags & SA_RESTART) != 0, sigismember(&action.sa_mask, SIGUSR2) == 0);
    raise(SIGUSR1);
    printf("handler ran for SIGUSR1: %d\n", caught == SIGUSR1);
    printf("setsig SIGUSR1 to SIG_IGN returns: %s\n", name(PyOS_setsig(SIGUSR1, SIG_IGN)));
    printf("setsig SIGUSR1 to SIG_DFL returns: %s\n", name(PyOS_setsig(SIGUSR1, SIG_DFL)));
    printf("setsig bad signal: %s\n", name(PyOS_setsig(12345, handler)));
    printf("getsig bad signal: %s\n", name(PyOS_getsig(-1)));
    printf("setsig SIGKILL: %s\n", name(PyOS_setsig(SIGKILL, handler)));

    _Py_RestoreSignals();
    printf("SIGPIPE after _Py_RestoreSignals: %s\n", name(PyOS_getsig(SIGPIPE)));
    printf("SIGXFSZ after _Py_RestoreSignals: %s\n", name(PyOS_getsig(SIGXFSZ)));
    PyOS_setsig(SIGPIPE, SIG_IGN);
    PyOS_setsig(SIGXFSZ, SIG_IGN);

    printf("SIGINT after Py_Initialize: %s\n", name(PyOS_getsig(SIGINT)));
    show_ll("PyErr_CheckSignals, nothing arrived", PyErr_CheckSignals());
    PyErr_SetInterrupt();
    show_ll("PyErr_CheckSignals after PyErr_SetInterrupt", PyErr_CheckSignals());
    show_ll("PyErr_CheckSignals again", PyErr_CheckSignals());
    show_ll("PyErr_SetInterruptEx(SIGINT)", PyErr_SetInterruptEx(SIGINT));
    show_ll("Py_MakePendingCalls after it", Py_MakePendingCalls());
    show_ll("PyErr_SetInterruptEx(SIGUSR1), no Python handler", PyErr_SetInterruptEx(SIGUSR1));
    show_ll("PyErr_CheckSignals after it", PyErr_CheckSignals());
    show_ll("PyErr_SetInterruptEx(0)", PyErr_SetInterruptEx(0));
    show_ll("PyErr_SetInterruptEx(1000)", PyErr_SetInterruptEx(1000));
    raise(SIGINT);
    show_ll("PyOS_InterruptOccurred after raise(SIGINT)", PyOS_InterruptOccurred());
    show_ll("PyOS_InterruptOccurred again", PyOS_InterruptOccurred());
    raise(SIGINT);
    show_ll("PyErr_CheckSignals after raise(SIGINT)", PyErr_CheckSignals());

    fflush(stdout);
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        PyThreadState *ts = PyThreadState_Get();
        printf("child: state's thread is this one: %d\n", ts->thread_id == PyThread_get_thread_ident());
        PyObject *t = Py_BuildValue("(is)", 7, "seven");
        show_new("child: built", t);
        printf("child: exception pending: %d\n", PyErr_Occurred() != NULL);
        fflush(stdout);
        _exit(3);
    }
    PyOS_AfterFork_Parent();
    int status = 0;
    waitpid(pid, &status, 0);
    printf("parent: child exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    show_new("parent: still works", PyLong_FromLong(8));
    return conf_end();
}
