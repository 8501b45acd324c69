/* Importing a single-phase extension module (PyModule_Create2) found on sys.path. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *m = conf_import("spmod");
    if (m == NULL) {
        return conf_end();
    }
    /* repr(m) names the .so path, which differs between the two builds: not printed. */
    show_type("type(module)", m);
    printf("PyModule_Check: %d\n", PyModule_Check(m));
    show_cstr("PyModule_GetName", PyModule_GetName(m));
    show_new("__name__", PyObject_GetAttrString(m, "__name__"));
    show_new("__doc__", PyObject_GetAttrString(m, "__doc__"));
    show_new("ANSWER", PyObject_GetAttrString(m, "ANSWER"));
    show_new("GREETING", PyObject_GetAttrString(m, "GREETING"));
    show_new("TRIPLE", PyObject_GetAttrString(m, "TRIPLE"));
    show_new("ITEMS", PyObject_GetAttrString(m, "ITEMS"));

    PyObject *file = PyObject_GetAttrString(m, "__file__");
    printf("__file__ is a str: %d\n", file != NULL && PyUnicode_Check(file));
    if (file != NULL) {
        Py_ssize_t n;
        const char *f = PyUnicode_AsUTF8AndSize(file, &n);
        printf("__file__ ends with /spmod.so: %d\n", n >= 9 && strcmp(f + n - 9, "/spmod.so") == 0);
    }
    Py_XDECREF(file);
    check_no_exc("__file__");

    PyObject *hello = PyObject_GetAttrString(m, "hello");
    show("hello", hello);
    show_new("hello.__doc__", PyObject_GetAttrString(hello, "__doc__"));
    show_new("hello.__name__", PyObject_GetAttrString(hello, "__name__"));
    show_new("hello.__qualname__", PyObject_GetAttrString(hello, "__qualname__"));
    show_new("hello.__module__", PyObject_GetAttrString(hello, "__module__"));
    show_new("hello()", PyObject_CallNoArgs(hello));
    Py_XDECREF(hello);

    show_new("self_name()", PyObject_CallMethod(m, "self_name", NULL));
    show_new("get_state()", PyObject_CallMethod(m, "get_state", NULL));
    show_new("get_state()", PyObject_CallMethod(m, "get_state", NULL));
    printf("PyModule_GetDef is set: %d\n", PyModule_GetDef(m) != NULL);
    printf("PyModule_GetState is set: %d\n", PyModule_GetState(m) != NULL);

    PyObject *d = PyModule_GetDict(m); /* borrowed */
    printf("'hello' in module dict: %d\n", PyDict_GetItemString(d, "hello") != NULL);

    PyObject *modules = PyImport_GetModuleDict();
    printf("sys.modules['spmod'] is the module: %d\n", PyDict_GetItemString(modules, "spmod") == m);

    PyObject *m2 = PyImport_ImportModule("spmod");
    printf("second import returns the same module: %d\n", m2 == m);
    Py_XDECREF(m2);
    show_new("init_calls()", PyObject_CallMethod(m, "init_calls", NULL));

    Py_DECREF(m);
    return conf_end();
}
