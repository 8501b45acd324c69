#include <Python.h>
/* PyInit returns a module but leaves an exception set. */
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "init_leaves_error", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_init_leaves_error(void)
{
    PyObject *m = PyModule_Create(&def);
    PyErr_SetString(PyExc_KeyError, "left behind");
    return m;
}
