/* Importing modules that do not exist: ModuleNotFoundError, its attributes, and
   the hierarchy it belongs to. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *m = PyImport_ImportModule("no_such_module_xyz");
    printf("result is NULL: %d\n", m == NULL);
    printf("matches ModuleNotFoundError: %d\n", PyErr_ExceptionMatches(PyExc_ModuleNotFoundError));
    printf("matches ImportError: %d\n", PyErr_ExceptionMatches(PyExc_ImportError));
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    show("type", t);
    show_str("str(exc)", v);
    show_new("exc.name", PyObject_GetAttrString(v, "name"));
    show_new("exc.path", PyObject_GetAttrString(v, "path"));
    show_new("exc.msg", PyObject_GetAttrString(v, "msg"));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);

    show_new("import no_such_pkg.sub", PyImport_ImportModule("no_such_pkg.sub"));
    show_new("import sys.no_such_sub (sys is not a package)", PyImport_ImportModule("sys.no_such_sub"));
    PyObject *name = PyUnicode_FromString("also_missing");
    show_new("PyImport_Import('also_missing')", PyImport_Import(name));
    Py_DECREF(name);
    show_new("PyImport_ImportModuleLevel('missing_lvl')",
             PyImport_ImportModuleLevel("missing_lvl", NULL, NULL, NULL, 0));
    show_new("import ''", PyImport_ImportModule(""));

    /* A None entry in sys.modules blocks the import. */
    PyDict_SetItemString(PyImport_GetModuleDict(), "blocked_mod", Py_None);
    show_new("import blocked_mod (None in sys.modules)", PyImport_ImportModule("blocked_mod"));

    /* A failed import leaves nothing behind in sys.modules. */
    printf("'no_such_module_xyz' in sys.modules: %d\n",
           PyDict_GetItemString(PyImport_GetModuleDict(), "no_such_module_xyz") != NULL);

    /* A module that exists still imports afterwards. */
    PyObject *sys = PyImport_ImportModule("sys");
    printf("import sys still works: %d\n", sys != NULL);
    Py_XDECREF(sys);
    return conf_end();
}
