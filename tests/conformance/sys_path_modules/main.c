/* sys.path and sys.modules as seen from C: PySys_GetObject, PyImport_GetModuleDict,
   PyImport_GetModule, PyImport_AddModule. */
#include "conformance.h"

int main(void)
{
    conf_begin();
    Py_Initialize();

    PyObject *path = PySys_GetObject("path"); /* borrowed */
    show_type("type(sys.path)", path);
    printf("sys.path is a list: %d\n", path != NULL && PyList_Check(path));
    printf("sys.path is not empty: %d\n", path != NULL && PyList_Size(path) > 0);

    Py_ssize_t n = PyList_Size(path);
    PyObject *marker = PyUnicode_FromString("/nonexistent/conformance/marker");
    printf("PyList_Append(sys.path, marker): %d\n", PyList_Append(path, marker));
    printf("len(sys.path) grew by: %zd\n", PyList_Size(PySys_GetObject("path")) - n);
    printf("marker in sys.path: %d\n", PySequence_Contains(PySys_GetObject("path"), marker));
    PyObject *last = PyList_GetItem(path, PyList_Size(path) - 1);
    show("sys.path[-1]", last);
    printf("sys.path[-1] is the appended object: %d\n", last == marker);
    Py_DECREF(marker);

    printf("conf_add_cwd_to_path: %d\n", conf_add_cwd_to_path());
    PyObject *first = PyList_GetItem(PySys_GetObject("path"), 0);
    printf("sys.path[0] is a str: %d\n", first != NULL && PyUnicode_Check(first));

    PyObject *missing = PySys_GetObject("no_such_sys_attribute");
    printf("PySys_GetObject(missing) is NULL: %d\n", missing == NULL);
    check_no_exc("PySys_GetObject(missing)");

    PyObject *ms = PySys_GetObject("maxsize");
    show("sys.maxsize", ms);

    PyObject *modules = PyImport_GetModuleDict(); /* borrowed */
    show_type("type(sys.modules)", modules);
    printf("sys.modules is sys.modules (PySys_GetObject): %d\n", modules == PySys_GetObject("modules"));
    printf("'sys' in sys.modules: %d\n", PyDict_GetItemString(modules, "sys") != NULL);
    printf("'builtins' in sys.modules: %d\n", PyDict_GetItemString(modules, "builtins") != NULL);
    printf("'conformance_nothing' in sys.modules: %d\n",
           PyDict_GetItemString(modules, "conformance_nothing") != NULL);

    PyObject *sysmod = PyDict_GetItemString(modules, "sys");
    PyObject *imported = PyImport_ImportModule("sys");
    printf("import sys returns sys.modules['sys']: %d\n", imported == sysmod);
    Py_XDECREF(imported);

    PyObject *name = PyUnicode_FromString("sys");
    PyObject *got = PyImport_GetModule(name);
    printf("PyImport_GetModule('sys') is sys.modules['sys']: %d\n", got == sysmod);
    Py_XDECREF(got);
    Py_DECREF(name);
    name = PyUnicode_FromString("conformance_nothing");
    got = PyImport_GetModule(name);
    printf("PyImport_GetModule(absent) is NULL: %d\n", got == NULL);
    check_no_exc("PyImport_GetModule(absent)");
    Py_DECREF(name);

    /* PyImport_AddModule creates an empty module and registers it (borrowed reference). */
    PyObject *added = PyImport_AddModule("conformance_added");
    show("PyImport_AddModule('conformance_added')", added);
    printf("now in sys.modules: %d\n", PyDict_GetItemString(modules, "conformance_added") == added);
    PyObject *again = PyImport_AddModule("conformance_added");
    printf("second PyImport_AddModule returns the same module: %d\n", again == added);
    PyObject *imp = PyImport_ImportModule("conformance_added");
    printf("import finds the added module: %d\n", imp == added);
    Py_XDECREF(imp);

    /* A module placed in sys.modules by hand is what import returns. */
    PyObject *fake = PyModule_New("conformance_fake");
    PyModule_AddIntConstant(fake, "answer", 42);
    PyDict_SetItemString(modules, "conformance_fake", fake);
    PyObject *f = PyImport_ImportModule("conformance_fake");
    printf("import returns the module set in sys.modules: %d\n", f == fake);
    show_new("conformance_fake.answer", PyObject_GetAttrString(f, "answer"));
    Py_XDECREF(f);
    Py_DECREF(fake);

    return conf_end();
}
