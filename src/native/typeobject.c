/* Calling a type object (CPython's type_call) for the types whose instances C makes. A type
   whose metatype is exactly type and which has a tp_new (its own or inherited: a C type,
   also one subclassing a built-in, or a heap type on a C base) is called here: tp_new then
   tp_init. The other types (our built-in types themselves, whose constructors are managed;
   a missing or disallowed tp_new; type(x); C metatypes' classes) are called by the object
   space (PyType.Call in TypeObject.cs), which comes back to pycapi_type_new_init for a C
   tp_new it found. The built-in types' own tp_new/tp_init live with each type. */
#include "pycapi_call.h"

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

PyObject *pycapi_immutable_new(PyTypeObject *type, PyTypeObject *builtin, PyObject *args, PyObject *kwds,
                               pycapi_subtype_copy copy) {
    PyObject *value = PyObject_Call((PyObject *)builtin, args, kwds);
    if (value == NULL || type == builtin) {
        return value;
    }
    PyObject *self = copy(type, value);
    Py_DECREF(value);
    return self;
}

/* type.__init__: the arguments were type.__new__'s to check; only their number is checked here. */
PYCAPI_HIDDEN int pycapi_type_init(PyObject *self, PyObject *args, PyObject *kwds) {
    (void)self;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* The type's tp_init, its own or the nearest base's. */
static initproc find_init(PyTypeObject *type) {
    for (; type != NULL; type = type->tp_base) {
        if (type->tp_init != NULL) {
            return type->tp_init;
        }
    }
    return NULL;
}

/* tp_new, then tp_init if the result is an instance of the type; an instance whose
   tp_init fails is dropped. */
PyObject *pycapi_type_new_init(PyThreadState *ts, PyTypeObject *type, newfunc tp_new, PyObject *args,
                               PyObject *kwargs) {
    PyObject *obj = pycapi_check_result(ts, (PyObject *)type, tp_new(type, args, kwargs));
    if (obj == NULL || !PyObject_TypeCheck(obj, type)) {
        return obj;
    }
    initproc init = find_init(Py_TYPE(obj));
    if (init != NULL && init(obj, args, kwargs) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}
