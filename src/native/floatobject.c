/* float constructor from a C double. */
#include "pycapi_runtime.h"

/* Dead floats kept for reuse, as CPython keeps up to 100: chained through ob_type,
   which the reuse sets again. */
#define SAVED_FLOATS 100
static PyFloatObject *saved_floats;
static int saved_count;

PyObject *PyFloat_FromDouble(double v) {
    PyFloatObject *op = saved_floats;
    if (op != NULL) {
        saved_floats = (PyFloatObject *)Py_TYPE(op);
        saved_count--;
    } else {
        op = pycapi_alloc(sizeof(PyFloatObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
    }
    Py_SET_TYPE(op, &PyFloat_Type); /* a static type: no reference to take */
    Py_SET_REFCNT(op, 1);
    op->ob_fval = v;
    return (PyObject *)op;
}

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

PYCAPI_HIDDEN void pycapi_float_dealloc(PyObject *op) {
    if (Py_IS_TYPE(op, &PyFloat_Type) && saved_count < SAVED_FLOATS) {
        Py_SET_TYPE(op, (PyTypeObject *)saved_floats);
        saved_floats = (PyFloatObject *)op;
        saved_count++;
        return;
    }
    pycapi_object_dealloc(op);
}

/* float.__new__(type, x=0.0): a subclass's instance gets the value. */
static PyObject *copy_float(PyTypeObject *type, PyObject *value) {
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        ((PyFloatObject *)self)->ob_fval = PyFloat_AS_DOUBLE(value);
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_float_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyFloat_Type, args, kwds, copy_float);
}

double PyFloat_GetMax(void) { return 1.7976931348623157e308; }
double PyFloat_GetMin(void) { return 2.2250738585072014e-308; }

#include "slow_paths.g.h"

/* An exact float is read here; the slow path calls __float__ / __index__. */
double PyFloat_AsDouble(PyObject *op) {
    return op != NULL && Py_TYPE(op) == &PyFloat_Type ? ((PyFloatObject *)op)->ob_fval : _PyCApi_Slow_PyFloat_AsDouble(op);
}
