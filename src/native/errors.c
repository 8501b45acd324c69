/* The thread state and the error indicator. The indicator lives in PyThreadState's
   curexc_* fields, CPython 3.11's layout, because compiled extensions read it there. */
#include "pycapi_runtime.h"

/* The interpreter state is opaque to extensions (CPython's is internal). */
struct _is {
    int64_t id;
    PyObject *dict; /* PyInterpreterState_GetDict */
};
static struct _is main_interpreter = { 0 };

static __thread PyThreadState thread_state;
/* The thread's state once initialized: every call that raises or checks an error reads
   it, and one TLS read of a pointer is the cheapest (a shared library's TLS costs a call). */
static __thread PyThreadState *initialized_state;

/* The fields CPython's new_threadstate sets; the state belongs to the calling thread. */
static void init_thread_state(PyThreadState *ts, PyInterpreterState *interp, int recursion_limit) {
    ts->_initialized = 1;
    ts->interp = interp;
    ts->recursion_limit = recursion_limit;
    ts->recursion_remaining = recursion_limit;
    ts->exc_info = &ts->exc_state;
    ts->cframe = &ts->root_cframe;
    ts->gilstate_counter = 1;
    ts->thread_id = PyThread_get_thread_ident();
    ts->native_thread_id = PyThread_get_thread_native_id();
    ts->context_ver = 1;
}

/* A thread calling the API without a current state (every thread at first: there is no
   GIL to take) gets its own static one; a state it swapped out stays as it was. */
static __attribute__((noinline)) PyThreadState *initialize_current(void) {
    PyThreadState *ts = &thread_state;
    if (!ts->_initialized) {
        init_thread_state(ts, &main_interpreter, 1000);
        ts->_static = 1;
    }
    initialized_state = ts;
    return ts;
}

static inline PyThreadState *current(void) {
    PyThreadState *ts = initialized_state;
    return ts != NULL ? ts : initialize_current();
}

PyThreadState *_PyThreadState_UncheckedGet(void) { return current(); }
PyThreadState *PyThreadState_Get(void) { return current(); }

/* A dict per thread for extensions' own state, made on first use (borrowed). NULL, without
   an exception, only when it cannot be made. */
PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *ts = current();
    if (ts->dict == NULL) {
        ts->dict = PyDict_New();
        if (ts->dict == NULL) {
            PyErr_Clear();
        }
    }
    return ts->dict;
}
/* The previous state, NULL when the thread had none (it never called the API or swapped
   its state out). */
PyThreadState *PyThreadState_Swap(PyThreadState *ts) {
    PyThreadState *old = initialized_state;
    initialized_state = ts;
    return old;
}

/* A state made for a thread C created. The recursion limit is the caller's (CPython's is
   interpreter-wide, one value in every thread). */
PyThreadState *PyThreadState_New(PyInterpreterState *interp) {
    PyThreadState *ts = PyMem_RawCalloc(1, sizeof(PyThreadState));
    if (ts != NULL) {
        init_thread_state(ts, interp, current()->recursion_limit);
    }
    return ts;
}

void PyThreadState_Clear(PyThreadState *ts) {
    Py_CLEAR(ts->dict);
    Py_CLEAR(ts->async_exc);
    Py_CLEAR(ts->curexc_type);
    Py_CLEAR(ts->curexc_value);
    Py_CLEAR(ts->curexc_traceback);
    Py_CLEAR(ts->exc_state.exc_value);
    ts->c_profilefunc = NULL;
    ts->c_tracefunc = NULL;
    Py_CLEAR(ts->c_profileobj);
    Py_CLEAR(ts->c_traceobj);
    Py_CLEAR(ts->async_gen_firstiter);
    Py_CLEAR(ts->async_gen_finalizer);
    Py_CLEAR(ts->context);
    if (ts->on_delete != NULL) {
        ts->on_delete(ts->on_delete_data);
    }
}

/* A thread's static state is not freed: it is made again, fresh, on the thread's next call. */
static void delete_thread_state(PyThreadState *ts) {
    if (ts->_static) {
        memset(ts, 0, sizeof(*ts));
    } else {
        PyMem_RawFree(ts);
    }
}

void PyThreadState_Delete(PyThreadState *ts) {
    if (ts == initialized_state) {
        Py_FatalError("tstate is still current");
    }
    delete_thread_state(ts);
}

void PyThreadState_DeleteCurrent(void) {
    PyThreadState *ts = initialized_state;
    if (ts == NULL) {
        Py_FatalError("the function must be called with the GIL held, but the GIL is released "
                      "(the current Python thread state is NULL)");
    }
    initialized_state = NULL;
    delete_thread_state(ts);
}

/* Tracing is suspended while the counter is positive; use_tracing is what an eval loop
   would test (255 when a trace or profile function is set). */
void PyThreadState_EnterTracing(PyThreadState *ts) {
    ts->tracing++;
    ts->cframe->use_tracing = 0;
}

void PyThreadState_LeaveTracing(PyThreadState *ts) {
    ts->tracing--;
    int tracing = ts->tracing == 0 && (ts->c_tracefunc != NULL || ts->c_profilefunc != NULL);
    ts->cframe->use_tracing = tracing ? 255 : 0;
}
PyInterpreterState *PyInterpreterState_Get(void) { return &main_interpreter; }
PyInterpreterState *PyInterpreterState_Main(void) { return &main_interpreter; }
PyInterpreterState *PyInterpreterState_Head(void) { return &main_interpreter; }
PyInterpreterState *PyInterpreterState_Next(PyInterpreterState *interp) { (void)interp; return NULL; }

/* A dict per interpreter for extensions' own state, made on first use (borrowed). */
PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)
{
    if (interp->dict == NULL) {
        interp->dict = PyDict_New();
        if (interp->dict == NULL) {
            PyErr_Clear();
        }
    }
    return interp->dict;
}
int64_t PyInterpreterState_GetID(PyInterpreterState *interp) { return interp->id; }

/* One interpreter, and (for now) no second thread runs Python code concurrently:
   the GIL calls keep CPython's protocol without a lock behind them. Taking the GIL
   with a state makes it current, as in CPython; releasing it around blocking code
   (PyEval_SaveThread) keeps it current, since no other thread waits for it. */
PyGILState_STATE PyGILState_Ensure(void) { return PyGILState_LOCKED; }
void PyGILState_Release(PyGILState_STATE state) { (void)state; }
PyThreadState *PyGILState_GetThisThreadState(void) { return current(); }
int PyGILState_Check(void) { return 1; }
PyThreadState *PyEval_SaveThread(void) { return current(); }
void PyEval_RestoreThread(PyThreadState *ts) { initialized_state = ts; }
void PyEval_AcquireThread(PyThreadState *ts) { initialized_state = ts; }
void PyEval_ReleaseThread(PyThreadState *ts) { (void)ts; initialized_state = NULL; }
void PyEval_InitThreads(void) {}

PyObject *PyErr_Occurred(void) { return current()->curexc_type; }

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback) {
    PyThreadState *ts = current();
    PyObject *old_type = ts->curexc_type, *old_value = ts->curexc_value, *old_tb = ts->curexc_traceback;
    ts->curexc_type = type;
    ts->curexc_value = value;
    ts->curexc_traceback = traceback;
    Py_XDECREF(old_type);
    Py_XDECREF(old_value);
    Py_XDECREF(old_tb);
}

void PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback) {
    PyThreadState *ts = current();
    *ptype = ts->curexc_type;
    *pvalue = ts->curexc_value;
    *ptraceback = ts->curexc_traceback;
    ts->curexc_type = ts->curexc_value = ts->curexc_traceback = NULL;
}

void PyErr_Clear(void) { PyErr_Restore(NULL, NULL, NULL); }

void PyErr_SetObject(PyObject *type, PyObject *value) {
    if (type != NULL && !PyExceptionClass_Check(type)) {
        PyErr_Format(PyExc_SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass", type);
        return;
    }
    /* An exception instance keeps the traceback it carries, as in CPython. */
    PyObject *traceback = value != NULL && PyExceptionInstance_Check(value) ? PyException_GetTraceback(value) : NULL;
    Py_XINCREF(type);
    Py_XINCREF(value);
    PyErr_Restore(type, value, traceback);
}

void PyErr_SetNone(PyObject *type) { PyErr_SetObject(type, NULL); }

void PyErr_SetString(PyObject *type, const char *message) {
    PyObject *value = PyUnicode_FromString(message);
    if (value != NULL) {
        PyErr_SetObject(type, value);
        Py_DECREF(value);
    }
}

int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc) {
    if (given == NULL || exc == NULL) {
        return 0;
    }
    if (PyTuple_Check(exc)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(exc); i++) {
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(exc, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (PyExceptionInstance_Check(given)) {
        given = PyExceptionInstance_Class(given);
    }
    if (PyExceptionClass_Check(given) && PyExceptionClass_Check(exc)) {
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)exc);
    }
    return given == exc;
}

int PyErr_ExceptionMatches(PyObject *exc) { return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc); }

PyObject *PyErr_NoMemory(void) {
    PyErr_SetNone(PyExc_MemoryError);
    return NULL;
}

int PyErr_BadArgument(void) {
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void _PyErr_BadInternalCall(const char *filename, int lineno) {
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function", filename, lineno);
}

/* The function form, for binaries that call it rather than the macro. */
#undef PyErr_BadInternalCall
void PyErr_BadInternalCall(void) {
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

PyObject *PyErr_GetHandledException(void) {
    PyObject *exc = current()->exc_info->exc_value;
    if (exc == NULL || exc == Py_None) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(exc);
}

void PyErr_SetHandledException(PyObject *exc) {
    PyThreadState *ts = current();
    PyObject *old = ts->exc_info->exc_value;
    ts->exc_info->exc_value = (exc == NULL || exc == Py_None) ? NULL : Py_NewRef(exc);
    Py_XDECREF(old);
}

void PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback) {
    PyObject *exc = current()->exc_info->exc_value;
    if (exc == NULL || exc == Py_None) {
        *ptype = *pvalue = *ptraceback = NULL;
        return;
    }
    *ptype = Py_NewRef((PyObject *)Py_TYPE(exc));
    *pvalue = Py_NewRef(exc);
    *ptraceback = PyException_GetTraceback(exc);
}

void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *traceback) {
    PyErr_SetHandledException(value);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
}
