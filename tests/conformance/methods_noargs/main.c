/* METH_NOARGS module functions called through every C call API. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_noargs");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *f = PyObject_GetAttrString(m, "count");
    show("count", f);
    printf("PyCFunction_Check: %d\n", PyCFunction_Check(f));
    printf("PyCallable_Check: %d\n", PyCallable_Check(f));
    show_new("PyObject_CallNoArgs", PyObject_CallNoArgs(f));
    PyObject *empty = PyTuple_New(0);
    show_new("PyObject_Call((), NULL)", PyObject_Call(f, empty, NULL));
    PyObject *emptykw = PyDict_New();
    show_new("PyObject_Call((), {})", PyObject_Call(f, empty, emptykw));
    show_new("PyObject_CallObject(NULL)", PyObject_CallObject(f, NULL));
    show_new("PyObject_CallObject(())", PyObject_CallObject(f, empty));
    show_new("PyObject_CallFunction(NULL)", PyObject_CallFunction(f, NULL));
    show_new("PyObject_CallFunction(\"\")", PyObject_CallFunction(f, ""));
    show_new("PyObject_CallMethod", PyObject_CallMethod(m, "count", NULL));
    show_new("PyObject_Vectorcall(0 args)", PyObject_Vectorcall(f, NULL, 0, NULL));
    show_new("PyObject_CallFunctionObjArgs()", PyObject_CallFunctionObjArgs(f, NULL));
    PyObject *name = PyUnicode_FromString("count");
    show_new("PyObject_CallMethodNoArgs", PyObject_CallMethodNoArgs(m, name));
    Py_DECREF(name);

    const char *names[] = {"give_none", "give_true", "give_false", "raise_it"};
    for (int i = 0; i < 4; i++) {
        PyObject *g = PyObject_GetAttrString(m, names[i]);
        PyObject *r = PyObject_CallNoArgs(g);
        show(names[i], r);
        if (r != NULL) {
            printf("%s result is the singleton: %d\n", names[i],
                   r == Py_None || r == Py_True || r == Py_False);
        }
        Py_XDECREF(r);
        Py_XDECREF(g);
    }

    Py_DECREF(emptykw);
    Py_DECREF(empty);
    Py_DECREF(f);
    Py_DECREF(m);
    return conf_end();
}
