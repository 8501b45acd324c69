#include <Python.h>
/* PyInit returns NULL without setting an exception. */
PyMODINIT_FUNC PyInit_init_null(void)
{
    return NULL;
}
