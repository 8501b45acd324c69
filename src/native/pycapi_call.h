/* The call machinery that call.c, methodobject.c and typeobject.c share (CPython's
   call.c helpers), and the C entry points the object space calls directly. */
#ifndef PYCAPI_CALL_H
#define PYCAPI_CALL_H
#include "pycapi_runtime.h"

/* Py_EnterRecursiveCall(" while calling a Python object") on a thread state already at
   hand: every call from C to a C function counts one level, as in CPython. */
static inline int pycapi_enter_call(PyThreadState *ts) {
    if (--ts->recursion_remaining < 0) {
        ts->recursion_remaining++;
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return -1;
    }
    return 0;
}

static inline void pycapi_leave_call(PyThreadState *ts) { ts->recursion_remaining++; }

/* _Py_CheckFunctionResult's two errors: NULL without an exception, or a result with one. */
PYCAPI_HIDDEN PyObject *pycapi_bad_result(PyObject *callable, PyObject *result);

/* _Py_CheckFunctionResult: a result goes with no exception, NULL with one. */
static inline PyObject *pycapi_check_result(PyThreadState *ts, PyObject *callable, PyObject *result) {
    if ((result == NULL) == (ts->curexc_type == NULL)) {
        return pycapi_bad_result(callable, result);
    }
    return result;
}

/* _PyObject_FunctionStr: "module.qualname()", or "qualname()" for builtins. New reference. */
PYCAPI_HIDDEN PyObject *pycapi_function_str(PyObject *func);

/* methodobject.c: the vectorcall of a PyMethodDef convention (NULL for METH_VARARGS, which
   is called through tp_call). */
PYCAPI_HIDDEN vectorcallfunc pycapi_cfunction_vectorcall(int flags);
/* A C function's vectorcall (it has one) with the thread state at hand: what the stored
   vectorcall does, without its own thread-state lookup. */
PYCAPI_HIDDEN PyObject *pycapi_cfunction_vectorcall_ts(PyThreadState *ts, PyObject *func, PyObject *const *args,
                                                       size_t nargsf, PyObject *kwnames);
/* cfunction_call: the tp_call of a METH_VARARGS C function; its caller checks the result. */
PYCAPI_HIDDEN PyObject *pycapi_cfunction_call(PyObject *func, PyObject *args, PyObject *kwargs);

/* Whether type_call can run in C for this type object, whose metatype is exactly type:
   a readied type with a tp_new (its own or inherited), unless it is one of our built-in
   types (their constructors are managed). The others go to the object space. */
static inline int pycapi_type_call_in_c(PyTypeObject *type) {
    return type->tp_new != NULL &&
           (type->tp_flags & (Py_TPFLAGS_READY | Py_TPFLAGS_DISALLOW_INSTANTIATION | PYCAPI_TPFLAGS_MANAGED_CALL)) ==
               Py_TPFLAGS_READY;
}

/* typeobject.c: type_call once the type's tp_new is known: tp_new, then tp_init. */
PYCAPI_HIDDEN PyObject *pycapi_type_new_init(PyThreadState *ts, PyTypeObject *type, newfunc tp_new, PyObject *args,
                                             PyObject *kwargs);

#endif
