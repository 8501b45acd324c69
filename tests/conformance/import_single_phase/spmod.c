/* A single-phase extension module: PyInit returns the module made by PyModule_Create2. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int init_count = 0;

static PyObject *hello(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("hello from spmod");
}

static PyObject *self_name(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    /* For a module-level function, self is the module object. */
    return PyObject_GetAttrString(self, "__name__");
}

static PyObject *get_state(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    long *state = (long *)PyModule_GetState(self);
    if (state == NULL) {
        Py_RETURN_NONE;
    }
    *state += 1;
    return PyLong_FromLong(*state);
}

static PyObject *init_calls(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(init_count);
}

static PyMethodDef spmod_methods[] = {
    {"hello", hello, METH_NOARGS, "Say hello."},
    {"self_name", self_name, METH_NOARGS, NULL},
    {"get_state", get_state, METH_NOARGS, NULL},
    {"init_calls", init_calls, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef spmod_def = {
    PyModuleDef_HEAD_INIT,
    "spmod",
    "A single-phase test module.",
    sizeof(long),
    spmod_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_spmod(void)
{
    init_count++;
    PyObject *m = PyModule_Create2(&spmod_def, PYTHON_API_VERSION);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0 ||
        PyModule_AddStringConstant(m, "GREETING", "hi") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *t = Py_BuildValue("(iis)", 1, 2, "three");
    if (PyModule_AddObjectRef(m, "TRIPLE", t) < 0) {
        Py_XDECREF(t);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(t);
    PyObject *lst = PyList_New(0);
    /* PyModule_AddObject steals the reference only on success. */
    if (PyModule_AddObject(m, "ITEMS", lst) < 0) {
        Py_XDECREF(lst);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
