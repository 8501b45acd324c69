/* BaseException's tp_new, tp_init and tp_dealloc, for the instances C makes: an extension's
   exception class whose struct starts with PyBaseExceptionObject. The native layout holds
   the references (args above all); the managed twin (Exceptions.cs) reads them. Calling a
   built-in exception class itself stays with the object space. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

PYCAPI_HIDDEN PyObject *pycapi_exception_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)kwds; /* BaseException_init checks them */
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->args = args != NULL ? Py_NewRef(args) : PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

PYCAPI_HIDDEN int pycapi_exception_init(PyObject *self, PyObject *args, PyObject *kwds) {
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", Py_TYPE(self)->tp_name);
        return -1;
    }
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, Py_NewRef(args));
    return 0;
}

PYCAPI_HIDDEN void pycapi_exception_dealloc(PyObject *op) {
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)op;
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    pycapi_object_dealloc(op);
}
