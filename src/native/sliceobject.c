/* The native half of a slice: it holds a reference to each of start, stop and step. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

PYCAPI_HIDDEN void pycapi_slice_dealloc(PyObject *op) {
    PySliceObject *slice = (PySliceObject *)op;
    Py_CLEAR(slice->start);
    Py_CLEAR(slice->stop);
    Py_CLEAR(slice->step);
    pycapi_object_dealloc(op);
}
