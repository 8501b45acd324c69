#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* METH_VARARGS: args is always a tuple (never NULL). Returns (len(args), args). */
static PyObject *collect(PyObject *self, PyObject *args)
{
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_AssertionError, "args is not a tuple");
        return NULL;
    }
    return Py_BuildValue("(nO)", PyTuple_GET_SIZE(args), args);
}

/* Sums its int arguments with PyArg_ParseTuple "ii|i". */
static PyObject *add(PyObject *self, PyObject *args)
{
    int a, b, c = 0;
    if (!PyArg_ParseTuple(args, "ii|i:add", &a, &b, &c)) {
        return NULL;
    }
    return PyLong_FromLong((long)a + b + c);
}

static PyMethodDef methods[] = {
    {"collect", collect, METH_VARARGS, NULL},
    {"add", add, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_varargs", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_varargs(void) { return PyModule_Create(&def); }
