/* Calling a type object (CPython's type_call) for the types whose instances C makes. A type
   defined in C, whose metatype is exactly type and which has its own tp_new, is called
   here: tp_new then tp_init, and the new instance stays C-only (no managed twin). The
   other types (ours, whose constructors are managed; heap types; an inherited, missing
   or disallowed tp_new; type(x)) are called by the object space (PyType.Call in
   TypeObject.cs), which comes back to pycapi_type_new_init for a C tp_new it found. */
#include "pycapi_call.h"

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

/* The type's tp_init, its own or the nearest base's. Our types have none in C (their
   __init__ is managed), nor has object, whose __init__ accepts what tp_new accepted. */
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
