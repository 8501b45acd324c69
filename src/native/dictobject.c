/* dict: the table lives in the managed object space (DictObject.cs); what C serves alone
   is here. */
#include "pycapi_runtime.h"
#include "slow_paths.g.h"

/* The historical lookup: borrowed, every error hidden, and the caller's pending
   exception kept across it. The error indicator is C's, so no managed call is needed
   to save it. */
PyObject *PyDict_GetItem(PyObject *op, PyObject *key) {
    if (!PyDict_Check(op)) {
        return NULL;
    }
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject *item = PyDict_GetItemWithError(op, key);
    PyErr_Restore(type, value, traceback);
    return item;
}

/* ma_used of an exact dict is kept current by the object space. */
Py_ssize_t PyDict_Size(PyObject *op) {
    return op != NULL && PyDict_CheckExact(op) ? ((PyDictObject *)op)->ma_used : _PyCApi_Slow_PyDict_Size(op);
}
