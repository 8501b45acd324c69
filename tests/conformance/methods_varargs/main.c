/* METH_VARARGS module functions: positional arguments arrive as a tuple. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_varargs");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *collect = PyObject_GetAttrString(m, "collect");
    PyObject *add = PyObject_GetAttrString(m, "add");

    show_new("collect()", PyObject_CallNoArgs(collect));
    show_new("collect(None)", PyObject_CallOneArg(collect, Py_None));
    show_new("collect(1, 'two', 3.0) via CallFunction", PyObject_CallFunction(collect, "isd", 1, "two", 3.0));
    show_new("collect via CallFunction(\"(ii)\")", PyObject_CallFunction(collect, "(ii)", 5, 6));
    show_new("collect via CallFunction(\"((ii))\")", PyObject_CallFunction(collect, "((ii))", 5, 6));
    show_new("collect via CallMethod", PyObject_CallMethod(m, "collect", "ss", "a", "b"));

    PyObject *t = Py_BuildValue("(iii)", 7, 8, 9);
    Py_ssize_t before = Py_REFCNT(t);
    PyObject *r = PyObject_Call(collect, t, NULL);
    show("collect(*(7, 8, 9)) via PyObject_Call", r);
    if (r != NULL) {
        /* CPython hands the caller's tuple through unchanged. */
        printf("the args tuple is the caller's tuple: %d\n", PyTuple_GET_ITEM(r, 1) == t);
    }
    Py_XDECREF(r);
    /* r has crossed into the object space (show() took its repr) and holds t: libpycapi
       frees it at the next collection rather than at once (docs/object-model.md). */
    PyGC_Collect();
    printf("refcount delta of args tuple after call: %zd\n", Py_REFCNT(t) - before);

    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2), *three = PyLong_FromLong(3);
    PyObject *vargs[] = {one, two, three};
    show_new("collect via Vectorcall(3)", PyObject_Vectorcall(collect, vargs, 3, NULL));
    show_new("collect via CallFunctionObjArgs", PyObject_CallFunctionObjArgs(collect, one, two, NULL));

    show_new("add(1, 2)", PyObject_CallFunction(add, "ii", 1, 2));
    show_new("add(1, 2, 3)", PyObject_CallFunction(add, "iii", 1, 2, 3));
    show_new("add(-5, 5)", PyObject_CallFunctionObjArgs(add, PyLong_FromLong(-5), PyLong_FromLong(5), NULL));
    check_no_exc("after add");

    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(three);
    Py_DECREF(t);
    Py_DECREF(collect);
    Py_DECREF(add);
    Py_DECREF(m);
    return conf_end();
}
