/* METH_FASTCALL module functions called through every C call API. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_fast");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *collect = PyObject_GetAttrString(m, "collect");
    PyObject *sum = PyObject_GetAttrString(m, "sum");
    PyObject *a = PyLong_FromLong(10), *b = PyUnicode_FromString("b"), *c = Py_BuildValue("[i]", 3);
    PyObject *stack[4] = {NULL, a, b, c};

    show_new("collect()", PyObject_CallNoArgs(collect));
    show_new("collect(10)", PyObject_CallOneArg(collect, a));
    show_new("collect(10, 'b', [3]) via Vectorcall", PyObject_Vectorcall(collect, stack + 1, 3, NULL));
    show_new("collect via Vectorcall with ARGUMENTS_OFFSET",
             PyObject_Vectorcall(collect, stack + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    printf("stack[0] untouched after the call: %d\n", stack[0] == NULL);
    PyObject *t = PyTuple_Pack(2, b, c);
    show_new("collect(*('b', [3])) via PyObject_Call", PyObject_Call(collect, t, NULL));
    PyObject *nokw = PyDict_New();
    show_new("collect(*('b', [3]), **{}) via PyObject_Call", PyObject_Call(collect, t, nokw));
    show_new("collect via CallObject", PyObject_CallObject(collect, t));
    show_new("collect via CallFunction(\"iO\")", PyObject_CallFunction(collect, "iO", 5, Py_None));
    show_new("collect via CallMethod(\"()\")", PyObject_CallMethod(m, "collect", "()"));
    show_new("collect via CallFunctionObjArgs", PyObject_CallFunctionObjArgs(collect, c, b, a, NULL));
    show_new("collect via VectorcallDict(NULL)", PyObject_VectorcallDict(collect, stack + 1, 2, NULL));
    vectorcallfunc vf = PyVectorcall_Function(collect);
    printf("PyVectorcall_Function(collect) is set: %d\n", vf != NULL);
    show_new("collect via PyVectorcall_Call", PyVectorcall_Call(collect, t, NULL));

    show_new("sum()", PyObject_CallNoArgs(sum));
    show_new("sum(1, 2, 3, 4)", PyObject_CallFunction(sum, "iiii", 1, 2, 3, 4));
    show_new("sum(10, 'b')", PyObject_Vectorcall(sum, stack + 1, 2, NULL));

    Py_ssize_t before = Py_REFCNT(c);
    PyObject *r = PyObject_Vectorcall(collect, stack + 3, 1, NULL);
    Py_XDECREF(r);
    printf("refcount delta of an argument after the call: %zd\n", Py_REFCNT(c) - before);

    Py_DECREF(nokw);
    Py_DECREF(t);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    Py_DECREF(collect);
    Py_DECREF(sum);
    Py_DECREF(m);
    return conf_end();
}
