#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int calls = 0;

static PyObject *count(PyObject *self, PyObject *arg)
{
    /* METH_NOARGS: the second parameter is always NULL. */
    calls++;
    return Py_BuildValue("(iiO)", calls, arg == NULL, PyModule_Check(self) ? Py_True : Py_False);
}

static PyObject *give_none(PyObject *self, PyObject *arg) { Py_RETURN_NONE; }
static PyObject *give_true(PyObject *self, PyObject *arg) { Py_RETURN_TRUE; }
static PyObject *give_false(PyObject *self, PyObject *arg) { Py_RETURN_FALSE; }

static PyObject *raise_it(PyObject *self, PyObject *arg)
{
    PyErr_SetString(PyExc_ValueError, "raised by raise_it");
    return NULL;
}

static PyMethodDef methods[] = {
    {"count", count, METH_NOARGS, NULL},
    {"give_none", give_none, METH_NOARGS, NULL},
    {"give_true", give_true, METH_NOARGS, NULL},
    {"give_false", give_false, METH_NOARGS, NULL},
    {"raise_it", raise_it, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_noargs", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_noargs(void) { return PyModule_Create(&def); }
