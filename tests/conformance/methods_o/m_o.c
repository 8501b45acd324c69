#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *identity(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyObject *describe(PyObject *self, PyObject *arg)
{
    PyObject *t = PyObject_Type(arg);
    PyObject *r = Py_BuildValue("(OO)", t, arg);
    Py_DECREF(t);
    return r;
}

static PyObject *twice(PyObject *self, PyObject *arg)
{
    return PyNumber_Add(arg, arg);
}

static PyMethodDef methods[] = {
    {"identity", identity, METH_O, NULL},
    {"describe", describe, METH_O, NULL},
    {"twice", twice, METH_O, "Return arg + arg."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_o", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_o(void) { return PyModule_Create(&def); }
