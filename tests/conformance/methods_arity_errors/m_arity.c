#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *noargs(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }
static PyObject *onearg(PyObject *self, PyObject *arg) { return Py_NewRef(arg); }
static PyObject *varargs(PyObject *self, PyObject *args) { return Py_NewRef(args); }
static PyObject *fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return PyLong_FromSsize_t(nargs); }
static PyObject *varkw(PyObject *self, PyObject *args, PyObject *kw) { Py_RETURN_NONE; }

static PyMethodDef methods[] = {
    {"noargs", noargs, METH_NOARGS, NULL},
    {"onearg", onearg, METH_O, NULL},
    {"varargs", varargs, METH_VARARGS, NULL},
    {"fast", (PyCFunction)(void (*)(void))fast, METH_FASTCALL, NULL},
    {"varkw", (PyCFunction)(void (*)(void))varkw, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_arity", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_arity(void) { return PyModule_Create(&def); }
