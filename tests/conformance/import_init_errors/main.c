/* Extension modules whose initialization fails in the ways CPython reports. */
#include "conformance.h"

static void try_import(const char *name)
{
    PyObject *m = PyImport_ImportModule(name);
    printf("import %s: ", name);
    if (m == NULL) {
        printf("NULL, ");
        conf_write_exc();
        printf("\n");
    } else {
        printf("a module");
        if (PyErr_Occurred()) {
            printf(", and pending ");
            conf_write_exc();
        }
        printf("\n");
        Py_DECREF(m);
    }
    printf("  in sys.modules afterwards: %d\n", PyDict_GetItemString(PyImport_GetModuleDict(), name) != NULL);
}

int main(void)
{
    conf_init();
    try_import("init_raises");
    try_import("init_raises"); /* a failed import is retried, and fails again */
    try_import("init_null");
    try_import("exec_fails");
    try_import("exec_silent");
    try_import("wrong_name");
    try_import("init_leaves_error");
    return conf_end();
}
