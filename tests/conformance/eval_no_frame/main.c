/* PyEval_GetGlobals / PyEval_GetLocals / PyEval_GetBuiltins called with no Python frame
   executing (from a host program, and from a C function called through the API). */
#include "conformance.h"

static PyObject *probe(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *globals = PyEval_GetGlobals();
    printf("  in a C function: globals is NULL: %d, ", globals == NULL);
    show_exc("exception");
    PyObject *locals = PyEval_GetLocals();
    printf("  in a C function: locals is NULL: %d, ", locals == NULL);
    show_exc("exception");
    Py_RETURN_NONE;
}

static PyMethodDef probe_def = { "probe", probe, METH_NOARGS, NULL };

int main(void)
{
    conf_init();
    PyObject *globals = PyEval_GetGlobals();
    printf("PyEval_GetGlobals() is NULL: %d, ", globals == NULL);
    show_exc("exception");
    PyObject *locals = PyEval_GetLocals();
    printf("PyEval_GetLocals() is NULL: %d, ", locals == NULL);
    show_exc("exception");
    PyObject *builtins = PyEval_GetBuiltins();
    printf("PyEval_GetBuiltins() is a dict: %d, has len: %d\n", builtins != NULL && PyDict_Check(builtins),
           builtins != NULL && PyDict_GetItemString(builtins, "len") != NULL);

    PyObject *f = PyCFunction_New(&probe_def, NULL);
    PyObject *r = PyObject_CallNoArgs(f);
    show_new("probe()", r);
    Py_DECREF(f);
    return conf_end();
}
