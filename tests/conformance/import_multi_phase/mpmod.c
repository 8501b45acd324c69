/* A multi-phase extension module (PEP 489): PyInit returns PyModuleDef_Init(&def) and the
   module is filled by its Py_mod_exec slots, which run in order. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long counter;
    int exec_runs;
} mpmod_state;

static PyObject *bump(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    mpmod_state *st = (mpmod_state *)PyModule_GetState(self);
    st->counter += 10;
    return PyLong_FromLong(st->counter);
}

static PyObject *exec_runs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    mpmod_state *st = (mpmod_state *)PyModule_GetState(self);
    return PyLong_FromLong(st->exec_runs);
}

static PyMethodDef mpmod_methods[] = {
    {"bump", bump, METH_NOARGS, NULL},
    {"exec_runs", exec_runs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int exec_first(PyObject *m)
{
    mpmod_state *st = (mpmod_state *)PyModule_GetState(m);
    /* The state is zero-filled before the first exec slot runs. */
    if (st->counter != 0 || st->exec_runs != 0) {
        PyErr_SetString(PyExc_RuntimeError, "module state was not zeroed");
        return -1;
    }
    st->exec_runs++;
    PyObject *order = PyList_New(0);
    if (order == NULL) {
        return -1;
    }
    PyObject *tag = PyUnicode_FromString("first");
    PyList_Append(order, tag);
    Py_DECREF(tag);
    int rc = PyModule_AddObjectRef(m, "ORDER", order);
    Py_DECREF(order);
    return rc;
}

static int exec_second(PyObject *m)
{
    mpmod_state *st = (mpmod_state *)PyModule_GetState(m);
    st->exec_runs++;
    PyObject *order = PyObject_GetAttrString(m, "ORDER");
    if (order == NULL) {
        return -1;
    }
    PyObject *tag = PyUnicode_FromString("second");
    PyList_Append(order, tag);
    Py_DECREF(tag);
    Py_DECREF(order);
    /* The module's __name__ is already set when exec slots run. */
    PyObject *name = PyObject_GetAttrString(m, "__name__");
    if (name == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(m, "NAME_AT_EXEC", name);
    Py_DECREF(name);
    if (rc < 0) {
        return -1;
    }
    return PyModule_AddIntConstant(m, "VERSION", 3);
}

static PyModuleDef_Slot mpmod_slots[] = {
    {Py_mod_exec, exec_first},
    {Py_mod_exec, exec_second},
    {0, NULL},
};

static struct PyModuleDef mpmod_def = {
    PyModuleDef_HEAD_INIT,
    "mpmod",
    "A multi-phase test module.",
    sizeof(mpmod_state),
    mpmod_methods,
    mpmod_slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_mpmod(void)
{
    return PyModuleDef_Init(&mpmod_def);
}
