/* METH_FASTCALL|METH_KEYWORDS module functions: keyword names as a tuple (kwnames). */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_fastkw");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *f = PyObject_GetAttrString(m, "collect");
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2), *three = PyLong_FromLong(3);
    PyObject *stack[] = {one, two, three};

    show_new("collect()", PyObject_CallNoArgs(f));
    show_new("collect(1)", PyObject_CallOneArg(f, one));
    show_new("collect(1, 2, 3) via Vectorcall", PyObject_Vectorcall(f, stack, 3, NULL));
    PyObject *kwn1 = Py_BuildValue("(s)", "z");
    PyObject *kwn2 = Py_BuildValue("(ss)", "y", "z");
    show_new("collect(1, 2, z=3) via Vectorcall", PyObject_Vectorcall(f, stack, 2, kwn1));
    show_new("collect(1, y=2, z=3) via Vectorcall", PyObject_Vectorcall(f, stack, 1, kwn2));
    show_new("collect(y=1, z=2) via Vectorcall", PyObject_Vectorcall(f, stack, 0, kwn2));

    PyObject *args = Py_BuildValue("(ii)", 1, 2);
    PyObject *kw = Py_BuildValue("{s:s,s:s}", "first", "a", "second", "b");
    PyObject *nokw = PyDict_New();
    show_new("collect(1, 2, first='a', second='b') via PyObject_Call", PyObject_Call(f, args, kw));
    show_new("collect(1, 2, **{}) via PyObject_Call", PyObject_Call(f, args, nokw));
    show_new("collect(1, 2) via PyObject_Call(NULL kwargs)", PyObject_Call(f, args, NULL));
    show_new("collect(1, 2, **kw) via VectorcallDict", PyObject_VectorcallDict(f, stack, 2, kw));
    show_new("collect via CallFunction", PyObject_CallFunction(f, "sO", "x", Py_True));
    show_new("collect via CallMethod", PyObject_CallMethod(m, "collect", "i", 7));

    Py_DECREF(kwn1);
    Py_DECREF(kwn2);
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(nokw);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(three);
    Py_DECREF(f);
    Py_DECREF(m);
    return conf_end();
}
