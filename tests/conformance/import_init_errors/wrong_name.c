#include <Python.h>
/* The file is wrong_name.so but it defines no PyInit_wrong_name. */
PyMODINIT_FUNC PyInit_something_else(void) { return NULL; }
