#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* scale(value: float, factor: int, label: str = "x") */
static PyObject *scale(PyObject *self, PyObject *args)
{
    double value;
    int factor;
    const char *label = "x";
    if (!PyArg_ParseTuple(args, "di|s:scale", &value, &factor, &label)) {
        return NULL;
    }
    return PyUnicode_FromFormat("%s=%d", label, (int)(value * factor));
}

/* connect(host, port=80, *, timeout=1.0, retries: list = None) */
static PyObject *connect(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"host", "port", "timeout", "retries", NULL};
    const char *host;
    int port = 80;
    double timeout = 1.0;
    PyObject *retries = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s|i$dO!:connect", kwlist, &host, &port, &timeout,
                                     &PyList_Type, &retries)) {
        return NULL;
    }
    return PyUnicode_FromFormat("%s:%d", host, port);
}

/* A function that checks its argument's type itself. */
static PyObject *need_list(PyObject *self, PyObject *arg)
{
    if (!PyList_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "need_list() expected list, got %.200s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    return PyLong_FromSsize_t(PyList_GET_SIZE(arg));
}

static PyMethodDef methods[] = {
    {"scale", scale, METH_VARARGS, NULL},
    {"connect", (PyCFunction)(void (*)(void))connect, METH_VARARGS | METH_KEYWORDS, NULL},
    {"need_list", need_list, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_args", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_args(void) { return PyModule_Create(&def); }
