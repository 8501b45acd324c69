/* The generator protocol extensions use (CPython's Objects/genobject.c and PyIter_Send
   in Objects/abstract.c): StopIteration as the carrier of a return value. */
#include "pycapi_runtime.h"

int _PyGen_SetStopIterationValue(PyObject *value)
{
    /* A tuple or an exception given to StopIteration directly would be taken for its
       arguments or raised itself: wrap it in a StopIteration instance. */
    if (value == NULL || (!PyTuple_Check(value) && !PyExceptionInstance_Check(value))) {
        PyErr_SetObject(PyExc_StopIteration, value == NULL ? Py_None : value);
        return 0;
    }
    PyObject *stop = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (stop == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_StopIteration, stop);
    Py_DECREF(stop);
    return 0;
}

/* _PyGen_FetchStopIterationValue: a pending StopIteration (or none at all) is a return,
   its value the returned one; any other exception stays. */
static int fetch_stop_iteration_value(PyObject **value)
{
    if (PyErr_Occurred() == NULL) {
        *value = Py_NewRef(Py_None);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
        return -1;
    }
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);
    PyErr_NormalizeException(&type, &exc, &tb);
    *value = exc != NULL ? PyObject_GetAttrString(exc, "value") : Py_NewRef(Py_None);
    Py_XDECREF(type);
    Py_XDECREF(exc);
    Py_XDECREF(tb);
    return *value != NULL ? 0 : -1;
}

PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult)
{
    PyAsyncMethods *async = Py_TYPE(iter)->tp_as_async;
    if (async != NULL && async->am_send != NULL) {
        return async->am_send(iter, arg, presult);
    }
    if (arg == Py_None && PyIter_Check(iter)) {
        *presult = Py_TYPE(iter)->tp_iternext(iter);
    } else {
        *presult = PyObject_CallMethod(iter, "send", "(O)", arg);
    }
    if (*presult != NULL) {
        return PYGEN_NEXT;
    }
    return fetch_stop_iteration_value(presult) == 0 ? PYGEN_RETURN : PYGEN_ERROR;
}
