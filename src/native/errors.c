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

static __attribute__((noinline)) PyThreadState *initialize_current(void) {
    PyThreadState *ts = &thread_state;
    ts->_initialized = 1;
    ts->interp = &main_interpreter;
    ts->recursion_limit = 1000;
    ts->recursion_remaining = 1000;
    ts->exc_info = &ts->exc_state;
    ts->cframe = &ts->root_cframe;
    ts->gilstate_counter = 1;
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
PyThreadState *PyThreadState_Swap(PyThreadState *ts) { (void)ts; return current(); }
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
   the GIL calls keep CPython's protocol without a lock behind them. */
PyGILState_STATE PyGILState_Ensure(void) { return PyGILState_LOCKED; }
void PyGILState_Release(PyGILState_STATE state) { (void)state; }
PyThreadState *PyGILState_GetThisThreadState(void) { return current(); }
int PyGILState_Check(void) { return 1; }
PyThreadState *PyEval_SaveThread(void) { return current(); }
void PyEval_RestoreThread(PyThreadState *ts) { (void)ts; }
void PyEval_AcquireThread(PyThreadState *ts) { (void)ts; }
void PyEval_ReleaseThread(PyThreadState *ts) { (void)ts; }
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

int PyErr_CheckSignals(void) { return 0; }
void PyErr_SetInterrupt(void) {}
