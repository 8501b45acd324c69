#include <Python.h>
/* A multi-phase module whose exec slot fails with an exception. */
static int exec_fail(PyObject *m)
{
    PyErr_SetString(PyExc_ValueError, "exec slot failed");
    return -1;
}
static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_fail}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "exec_fails", NULL, 0, NULL, slots};
PyMODINIT_FUNC PyInit_exec_fails(void) { return PyModuleDef_Init(&def); }
