#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* METH_VARARGS|METH_KEYWORDS: returns (args, kwargs or the string 'NULL'). */
static PyObject *collect(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (kwargs == NULL) {
        return Py_BuildValue("(Os)", args, "NULL");
    }
    return Py_BuildValue("(OO)", args, kwargs);
}

/* A typical keyword signature: point(x, y, z=0, *, label="p") */
static PyObject *point(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"x", "y", "z", "label", NULL};
    int x, y, z = 0;
    const char *label = "p";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii|i$s:point", kwlist, &x, &y, &z, &label)) {
        return NULL;
    }
    return PyUnicode_FromFormat("%s(%d, %d, %d)", label, x, y, z);
}

static PyMethodDef methods[] = {
    {"collect", (PyCFunction)(void (*)(void))collect, METH_VARARGS | METH_KEYWORDS, NULL},
    {"point", (PyCFunction)(void (*)(void))point, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m_kw", NULL, -1, methods};

PyMODINIT_FUNC PyInit_m_kw(void) { return PyModule_Create(&def); }
