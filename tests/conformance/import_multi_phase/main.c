/* Importing a multi-phase extension module (PyModuleDef_Init + Py_mod_exec slots). */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *m = conf_import("mpmod");
    if (m == NULL) {
        return conf_end();
    }
    show_type("type(module)", m);
    printf("PyModule_Check: %d\n", PyModule_Check(m));
    show_cstr("PyModule_GetName", PyModule_GetName(m));
    show_new("__doc__", PyObject_GetAttrString(m, "__doc__"));
    show_new("ORDER", PyObject_GetAttrString(m, "ORDER"));
    show_new("NAME_AT_EXEC", PyObject_GetAttrString(m, "NAME_AT_EXEC"));
    show_new("VERSION", PyObject_GetAttrString(m, "VERSION"));
    show_new("exec_runs()", PyObject_CallMethod(m, "exec_runs", NULL));
    show_new("bump()", PyObject_CallMethod(m, "bump", NULL));
    show_new("bump()", PyObject_CallMethod(m, "bump", NULL));

    PyObject *spec = PyObject_GetAttrString(m, "__spec__");
    if (spec != NULL) {
        show_new("__spec__.name", PyObject_GetAttrString(spec, "name"));
        Py_DECREF(spec);
    } else {
        show_exc("__spec__");
    }

    printf("PyModule_GetDef is set: %d\n", PyModule_GetDef(m) != NULL);
    printf("PyModule_GetState is set: %d\n", PyModule_GetState(m) != NULL);
    printf("sys.modules['mpmod'] is the module: %d\n",
           PyDict_GetItemString(PyImport_GetModuleDict(), "mpmod") == m);

    PyObject *m2 = PyImport_ImportModule("mpmod");
    printf("second import returns the same module: %d\n", m2 == m);
    Py_XDECREF(m2);
    show_new("exec_runs() after second import", PyObject_CallMethod(m, "exec_runs", NULL));

    PyObject *bump = PyObject_GetAttrString(m, "bump");
    show("bump", bump);
    show_new("bump.__module__", PyObject_GetAttrString(bump, "__module__"));
    PyObject *bself = PyObject_GetAttrString(bump, "__self__");
    printf("bump.__self__ is the module: %d\n", bself == m);
    Py_XDECREF(bself);
    Py_XDECREF(bump);

    Py_DECREF(m);
    return conf_end();
}
