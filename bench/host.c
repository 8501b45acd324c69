/* The benchmark host: embeds the runtime, imports pycapibench from MODULE_DIR and prints
   its memory() and run(scale) lines under "[memory]" and "[time]". Built once against
   CPython 3.11 and once against libpycapi; bench/run_pypy.py does the same for PyPy.
   Usage: host MODULE_DIR [SCALE] */
#include <Python.h>
#include <stdio.h>
#include <stdlib.h>

/* Calls module.name(*args); prints the error and returns -1 if it fails. */
static int call(PyObject *module, const char *name, PyObject *args) {
    PyObject *function = PyObject_GetAttrString(module, name);
    PyObject *result = function != NULL && args != NULL ? PyObject_Call(function, args, NULL) : NULL;
    Py_XDECREF(function);
    Py_XDECREF(args);
    if (result == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s MODULE_DIR [SCALE]\n", argv[0]);
        return 2;
    }
    double scale = argc > 2 ? atof(argv[2]) : 1.0;
    Py_Initialize();
    PyObject *module_dir = PyUnicode_FromString(argv[1]);
    if (module_dir == NULL || PyList_Insert(PySys_GetObject("path"), 0, module_dir) < 0) {
        PyErr_Print();
        return 1;
    }
    Py_DECREF(module_dir);
    PyObject *bench = PyImport_ImportModule("pycapibench");
    if (bench == NULL) {
        PyErr_Print();
        return 1;
    }
    /* memory first, in a heap that the timed rows have not yet fragmented */
    printf("[memory]\n");
    fflush(stdout);
    int failed = call(bench, "memory", PyTuple_New(0)) < 0;
    printf("[time]\n");
    fflush(stdout);
    failed |= call(bench, "run", Py_BuildValue("(d)", scale)) < 0;
    Py_DECREF(bench);
    if (Py_FinalizeEx() < 0) {
        return 120;
    }
    return failed;
}
