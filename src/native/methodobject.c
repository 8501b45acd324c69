/* Calls of built-in functions defined in C (PyCFunction objects). The object space makes
   the objects (MethodObject.cs) and stores in each the vectorcall of its convention, one
   of the functions here; a call from C then reaches the C function without a managed
   step. Checks and messages are CPython 3.11's (Objects/methodobject.c). */
#include "pycapi_call.h"

/* "f() takes no keyword arguments" when kwnames names any. */
static int reject_keywords(PyObject *func, PyObject *kwnames) {
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        return 0;
    }
    PyObject *funcstr = pycapi_function_str(func);
    if (funcstr != NULL) {
        PyErr_Format(PyExc_TypeError, "%U takes no keyword arguments", funcstr);
        Py_DECREF(funcstr);
    }
    return -1;
}

/* The error of a wrong argument count; message has one %U (the function) and one %zd. */
static PyObject *wrong_count(PyObject *func, const char *message, Py_ssize_t nargs) {
    PyObject *funcstr = pycapi_function_str(func);
    if (funcstr != NULL) {
        PyErr_Format(PyExc_TypeError, message, funcstr, nargs);
        Py_DECREF(funcstr);
    }
    return NULL;
}

#define CONVENTION_BITS (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD)

/* What every convention's vectorcall does (cfunction_vectorcall_*): its checks, one
   recursion level, the C function. The result is the caller's to check. */
static inline PyObject *call_convention(PyThreadState *ts, int convention, PyObject *func, PyObject *const *args,
                                        size_t nargsf, PyObject *kwnames) {
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!(convention & METH_KEYWORDS) && reject_keywords(func, kwnames) < 0) {
        return NULL;
    }
    if (convention == METH_NOARGS && nargs != 0) {
        return wrong_count(func, "%U takes no arguments (%zd given)", nargs);
    }
    if (convention == METH_O && nargs != 1) {
        return wrong_count(func, "%U takes exactly one argument (%zd given)", nargs);
    }
    if (pycapi_enter_call(ts) < 0) {
        return NULL;
    }
    PyCFunction meth = PyCFunction_GET_FUNCTION(func);
    PyObject *self = PyCFunction_GET_SELF(func);
    PyObject *result;
    switch (convention) {
    case METH_NOARGS:
        result = meth(self, NULL);
        break;
    case METH_O:
        result = meth(self, args[0]);
        break;
    case METH_FASTCALL:
        result = ((_PyCFunctionFast)(void (*)(void))meth)(self, args, nargs);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        result = ((_PyCFunctionFastWithKeywords)(void (*)(void))meth)(self, args, nargs, kwnames);
        break;
    default: /* METH_METHOD | METH_FASTCALL | METH_KEYWORDS: the defining class comes second */
        result = ((PyCMethod)(void (*)(void))meth)(self, ((PyCMethodObject *)func)->mm_class, args, (size_t)nargs,
                                                   kwnames);
        break;
    }
    pycapi_leave_call(ts);
    return result;
}

#define CONVENTION_VECTORCALL(name, convention)                                                            \
    static PyObject *name(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames) {     \
        return call_convention(_PyThreadState_UncheckedGet(), (convention), func, args, nargsf, kwnames); \
    }
CONVENTION_VECTORCALL(vectorcall_noargs, METH_NOARGS)
CONVENTION_VECTORCALL(vectorcall_o, METH_O)
CONVENTION_VECTORCALL(vectorcall_fastcall, METH_FASTCALL)
CONVENTION_VECTORCALL(vectorcall_fastcall_keywords, METH_FASTCALL | METH_KEYWORDS)
CONVENTION_VECTORCALL(vectorcall_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS)

PyObject *pycapi_cfunction_vectorcall_ts(PyThreadState *ts, PyObject *func, PyObject *const *args, size_t nargsf,
                                         PyObject *kwnames) {
    return call_convention(ts, PyCFunction_GET_FLAGS(func) & CONVENTION_BITS, func, args, nargsf, kwnames);
}

vectorcallfunc pycapi_cfunction_vectorcall(int flags) {
    switch (flags & CONVENTION_BITS) {
    case METH_NOARGS:
        return vectorcall_noargs;
    case METH_O:
        return vectorcall_o;
    case METH_FASTCALL:
        return vectorcall_fastcall;
    case METH_FASTCALL | METH_KEYWORDS:
        return vectorcall_fastcall_keywords;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        return vectorcall_method;
    default:
        return NULL; /* METH_VARARGS: tp_call takes the tuple as it is */
    }
}

/* cfunction_call for a METH_VARARGS function (the others have a vectorcall): it gets the
   caller's tuple and dict as they are. The caller checks the result. */
PyObject *pycapi_cfunction_call(PyObject *func, PyObject *args, PyObject *kwargs) {
    PyCFunction meth = PyCFunction_GET_FUNCTION(func);
    if (PyCFunction_GET_FLAGS(func) & METH_KEYWORDS) {
        return ((PyCFunctionWithKeywords)(void (*)(void))meth)(PyCFunction_GET_SELF(func), args, kwargs);
    }
    if (kwargs != NULL && PyDict_Size(kwargs) != 0) {
        PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                     ((PyCFunctionObject *)func)->m_ml->ml_name);
        return NULL;
    }
    return meth(PyCFunction_GET_SELF(func), args);
}

PyObject *PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs) {
    return PyObject_Call(callable, args, kwargs);
}
