/* One recursion limit for the whole call chain: a C function that calls the managed
   built-in min() with itself as the key recurses through C and managed frames alike, and
   the RecursionError comes at the same depth as in CPython, where each level is two
   counted calls (min's and the key's). */
#include "conformance.h"

static PyObject *min_builtin, *rec_function;
static int depth, deepest;

static PyObject *rec(PyObject *self, PyObject *arg)
{
    if (++depth > deepest) {
        deepest = depth;
    }
    PyObject *items = Py_BuildValue("[O]", arg);
    PyObject *args = PyTuple_Pack(1, items);
    PyObject *kwargs = Py_BuildValue("{sO}", "key", rec_function);
    PyObject *result = PyObject_Call(min_builtin, args, kwargs);
    Py_DECREF(items);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    depth--;
    return result;
}

static PyMethodDef rec_def = { "rec", rec, METH_O, NULL };

static void run(int limit)
{
    Py_SetRecursionLimit(limit);
    depth = deepest = 0;
    PyObject *one = PyLong_FromLong(1);
    PyObject *r = PyObject_CallOneArg(rec_function, one);
    printf("limit %d: result %s, deepest level %d\n", Py_GetRecursionLimit(), r == NULL ? "NULL" : "object", deepest);
    show_exc("error");
    Py_XDECREF(r);
    Py_DECREF(one);
}

int main(void)
{
    conf_init();
    PyObject *builtins = PyImport_ImportModule("builtins");
    min_builtin = PyObject_GetAttrString(builtins, "min");
    rec_function = PyCFunction_New(&rec_def, NULL);
    run(1000);
    run(300);
    run(1000);
    Py_DECREF(rec_function);
    Py_DECREF(min_builtin);
    Py_DECREF(builtins);
    return conf_end();
}
