#include <Python.h>
/* A multi-phase module whose exec slot returns -1 without an exception. */
static int exec_silent_fail(PyObject *m) { return -1; }
static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_silent_fail}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "exec_silent", NULL, 0, NULL, slots};
PyMODINIT_FUNC PyInit_exec_silent(void) { return PyModuleDef_Init(&def); }
