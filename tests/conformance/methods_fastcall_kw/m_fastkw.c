#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* METH_FASTCALL|METH_KEYWORDS: positional args, then the keyword values, in one array;
   kwnames is a tuple of the keyword names or NULL. Returns (positional, kwnames or 'NULL', values). */
static PyObject *collect(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *pos = PyTuple_New(nargs);
    PyObject *vals = PyTuple_New(nkw);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(pos, i, Py_NewRef(args[i]));
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyTuple_SET_ITEM(vals, i, Py_NewRef(args[nargs + i]));
    }
    if (kwnames == NULL) {
        return Py_BuildValue("(NsN)", pos, "NULL", vals);
    }
    return Py_BuildValue("(NON)", pos, kwnames, vals);
}

static PyMethodDef methods[] = {
    {"collect", (PyCFunction)(void (*)(void))collect, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_fastkw", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_fastkw(void) { return PyModule_Create(&def); }
