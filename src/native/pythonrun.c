/* Running Python source: libpycapi has no compiler and no bytecode interpreter, so a
   request to run source fails with a SystemError that says so. */
#include "pycapi_runtime.h"

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals, PyCompilerFlags *flags) {
    (void)str, (void)start, (void)globals, (void)locals, (void)flags;
    PyErr_SetString(PyExc_SystemError, "PyRun_StringFlags: libpycapi cannot run Python source (it has no compiler)");
    return NULL;
}

#undef PyRun_String
PyObject *PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals) {
    return PyRun_StringFlags(str, start, globals, locals, NULL);
}
