/* complex objects made and read from C: the native layout is authoritative, the managed
   twin (ComplexObject.cs) is made when managed code first needs it. */
#include "pycapi_runtime.h"
#include "pycapi_internal.h"

PyObject *PyComplex_FromCComplex(Py_complex v) {
    PyComplexObject *op = pycapi_alloc(sizeof(PyComplexObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    Py_SET_TYPE(op, &PyComplex_Type); /* a static type: no reference to take */
    Py_SET_REFCNT(op, 1);
    op->cval = v;
    return (PyObject *)op;
}

PyObject *PyComplex_FromDoubles(double real, double imag) {
    Py_complex v = { real, imag };
    return PyComplex_FromCComplex(v);
}

/* complex.__new__(type, real=0, imag=0): a subclass's instance gets the value. */
static PyObject *copy_complex(PyTypeObject *type, PyObject *value) {
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        ((PyComplexObject *)self)->cval = ((PyComplexObject *)value)->cval;
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyComplex_Type, args, kwds, copy_complex);
}

/* Other objects: their float value (CPython 3.11 does not call __complex__ here). */
double PyComplex_RealAsDouble(PyObject *op) {
    return PyComplex_Check(op) ? ((PyComplexObject *)op)->cval.real : PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject *op) {
    return PyComplex_Check(op) ? ((PyComplexObject *)op)->cval.imag : 0.0;
}

/* op.__complex__(), looked up on the type: a new reference, or NULL with or without an
   exception (without: there is no such method). */
static PyObject *complex_special_method(PyObject *op) {
    PyObject *name = _pycapi_name_from_cstr("__complex__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *meth = _PyType_Lookup(Py_TYPE(op), name);
    Py_DECREF(name);
    if (meth == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(meth, op);
    if (res == NULL) {
        return NULL;
    }
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)", Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    if (!PyComplex_CheckExact(res)
        && PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                            "__complex__ returned non-complex (type %.200s).  The ability to return an instance "
                            "of a strict subclass of complex is deprecated, and may be removed in a future "
                            "version of Python.",
                            Py_TYPE(res)->tp_name)) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* A complex's value; else __complex__'s; else the float value with imaginary part 0.
   -1.0 (and 0.0) with an exception on failure. */
Py_complex PyComplex_AsCComplex(PyObject *op) {
    Py_complex v = { -1.0, 0.0 };
    if (PyComplex_Check(op)) {
        return ((PyComplexObject *)op)->cval;
    }
    PyObject *z = complex_special_method(op);
    if (z != NULL) {
        v = ((PyComplexObject *)z)->cval;
        Py_DECREF(z);
        return v;
    }
    if (!PyErr_Occurred()) {
        v.real = PyFloat_AsDouble(op);
    }
    return v;
}
