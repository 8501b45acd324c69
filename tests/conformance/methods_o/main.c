/* METH_O module functions: the single argument is passed as a borrowed reference. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_o");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *identity = PyObject_GetAttrString(m, "identity");
    PyObject *describe = PyObject_GetAttrString(m, "describe");
    PyObject *twice = PyObject_GetAttrString(m, "twice");

    PyObject *obj = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(obj);
    PyObject *r = PyObject_CallOneArg(identity, obj);
    printf("identity(x) is x: %d\n", r == obj);
    printf("refcount delta while result held: %zd\n", Py_REFCNT(obj) - before);
    Py_XDECREF(r);
    printf("refcount delta after result released: %zd\n", Py_REFCNT(obj) - before);

    PyObject *one = PyLong_FromLong(1);
    PyObject *s = PyUnicode_FromString("ab");
    show_new("describe(1)", PyObject_CallOneArg(describe, one));
    show_new("describe('ab')", PyObject_CallOneArg(describe, s));
    show_new("describe(None)", PyObject_CallOneArg(describe, Py_None));
    show_new("describe([])", PyObject_CallOneArg(describe, obj));
    show_new("twice(1)", PyObject_CallOneArg(twice, one));
    show_new("twice('ab')", PyObject_CallOneArg(twice, s));
    show_new("twice via CallFunction(\"i\", 21)", PyObject_CallFunction(twice, "i", 21));
    show_new("twice via CallFunction(\"(i)\", 4)", PyObject_CallFunction(twice, "(i)", 4));
    show_new("twice via CallMethod(\"s\")", PyObject_CallMethod(m, "twice", "s", "xy"));
    PyObject *args = PyTuple_Pack(1, s);
    show_new("twice via PyObject_Call", PyObject_Call(twice, args, NULL));
    show_new("twice via PyObject_CallObject", PyObject_CallObject(twice, args));
    Py_DECREF(args);
    PyObject *vargs[2] = {NULL, one};
    show_new("twice via Vectorcall with ARGUMENTS_OFFSET",
             PyObject_Vectorcall(twice, vargs + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    show_new("twice via CallFunctionObjArgs", PyObject_CallFunctionObjArgs(twice, s, NULL));
    show_new("twice(None)", PyObject_CallOneArg(twice, Py_None));
    show_new("twice.__doc__", PyObject_GetAttrString(twice, "__doc__"));

    Py_DECREF(one);
    Py_DECREF(s);
    Py_DECREF(obj);
    Py_DECREF(identity);
    Py_DECREF(describe);
    Py_DECREF(twice);
    Py_DECREF(m);
    return conf_end();
}
