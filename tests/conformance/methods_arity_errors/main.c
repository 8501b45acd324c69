/* Calling module functions with the wrong number of arguments or with keywords their
   calling convention does not accept: the TypeError messages CPython produces. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_arity");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *noargs = PyObject_GetAttrString(m, "noargs");
    PyObject *onearg = PyObject_GetAttrString(m, "onearg");
    PyObject *varargs = PyObject_GetAttrString(m, "varargs");
    PyObject *fast = PyObject_GetAttrString(m, "fast");
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *stack[] = {one, two};
    PyObject *kw = Py_BuildValue("{s:i}", "x", 1);
    PyObject *empty = PyTuple_New(0);
    PyObject *args1 = PyTuple_Pack(1, one);
    PyObject *args2 = PyTuple_Pack(2, one, two);
    PyObject *kwnames = Py_BuildValue("(s)", "x");

    show_new("noargs(1)", PyObject_CallOneArg(noargs, one));
    show_new("noargs(1, 2)", PyObject_Vectorcall(noargs, stack, 2, NULL));
    show_new("noargs(1) via PyObject_Call", PyObject_Call(noargs, args1, NULL));
    show_new("noargs(x=1)", PyObject_Call(noargs, empty, kw));
    show_new("noargs(x=1) via Vectorcall", PyObject_Vectorcall(noargs, stack, 0, kwnames));
    show_new("noargs(1) via CallFunction", PyObject_CallFunction(noargs, "i", 1));

    show_new("onearg()", PyObject_CallNoArgs(onearg));
    show_new("onearg(1, 2)", PyObject_Vectorcall(onearg, stack, 2, NULL));
    show_new("onearg(1, 2) via PyObject_Call", PyObject_Call(onearg, args2, NULL));
    show_new("onearg(1, x=1)", PyObject_Call(onearg, args1, kw));
    show_new("onearg(x=1) via Vectorcall", PyObject_Vectorcall(onearg, stack, 0, kwnames));
    show_new("onearg via CallMethod with 3 args", PyObject_CallMethod(m, "onearg", "iii", 1, 2, 3));

    show_new("varargs(1, x=1)", PyObject_Call(varargs, args1, kw));
    show_new("varargs(1, x=1) via Vectorcall", PyObject_Vectorcall(varargs, stack, 1, kwnames));
    show_new("fast(1, x=1)", PyObject_Call(fast, args1, kw));
    show_new("fast(2, x=1) via Vectorcall", PyObject_Vectorcall(fast, stack, 1, kwnames));

    /* Correct calls still work after the failures. */
    show_new("noargs()", PyObject_CallNoArgs(noargs));
    show_new("onearg(2)", PyObject_CallOneArg(onearg, two));
    show_new("fast(1, 2)", PyObject_Vectorcall(fast, stack, 2, NULL));

    /* The name in the message follows __qualname__ / module of the function. */
    show_new("noargs.__qualname__", PyObject_GetAttrString(noargs, "__qualname__"));
    show_new("noargs.__text_signature__", PyObject_GetAttrString(noargs, "__text_signature__"));

    Py_DECREF(kwnames);
    Py_DECREF(args1);
    Py_DECREF(args2);
    Py_DECREF(empty);
    Py_DECREF(kw);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(noargs);
    Py_DECREF(onearg);
    Py_DECREF(varargs);
    Py_DECREF(fast);
    Py_DECREF(m);
    return conf_end();
}
