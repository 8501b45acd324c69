#include <Python.h>
/* PyInit sets an exception and returns NULL. */
PyMODINIT_FUNC PyInit_init_raises(void)
{
    PyErr_SetString(PyExc_RuntimeError, "init_raises refuses to load");
    return NULL;
}
