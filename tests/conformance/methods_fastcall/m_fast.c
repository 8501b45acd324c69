#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* METH_FASTCALL: a C array of nargs borrowed references. Returns (nargs, args-as-tuple). */
static PyObject *collect(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = PyTuple_New(nargs);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(args[i]));
    }
    PyObject *r = Py_BuildValue("(nN)", nargs, t);
    return r;
}

static PyObject *sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyMethodDef methods[] = {
    {"collect", (PyCFunction)(void (*)(void))collect, METH_FASTCALL, NULL},
    {"sum", (PyCFunction)(void (*)(void))sum, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_fast", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_fast(void) { return PyModule_Create(&def); }
