/* Calling built-in callables (functions, types, methods) through every C call API. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *len = PyObject_GetAttrString(builtins, "len");
    PyObject *sorted = PyObject_GetAttrString(builtins, "sorted");
    PyObject *max = PyObject_GetAttrString(builtins, "max");
    PyObject *lst = Py_BuildValue("[iii]", 3, 1, 2);

    show_new("len([3, 1, 2]) CallOneArg", PyObject_CallOneArg(len, lst));
    PyObject *args = PyTuple_Pack(1, lst);
    show_new("len via PyObject_Call", PyObject_Call(len, args, NULL));
    show_new("len via CallObject", PyObject_CallObject(len, args));
    show_new("len via CallFunction(\"O\")", PyObject_CallFunction(len, "O", lst));
    show_new("len via CallFunction(\"s\")", PyObject_CallFunction(len, "s", "four"));
    show_new("len via CallFunctionObjArgs", PyObject_CallFunctionObjArgs(len, lst, NULL));
    show_new("len via Vectorcall", PyObject_Vectorcall(len, &lst, 1, NULL));

    PyObject *kw = Py_BuildValue("{s:O}", "reverse", Py_True);
    show_new("sorted(l, reverse=True) via PyObject_Call", PyObject_Call(sorted, args, kw));
    PyObject *kwnames = Py_BuildValue("(s)", "reverse");
    PyObject *stack[] = {lst, Py_True};
    show_new("sorted(l, reverse=True) via Vectorcall", PyObject_Vectorcall(sorted, stack, 1, kwnames));
    show_new("sorted(l, reverse=True) via VectorcallDict", PyObject_VectorcallDict(sorted, stack, 1, kw));
    show("list unchanged", lst);
    show_new("max(4, 9, 2) via CallFunction", PyObject_CallFunction(max, "iii", 4, 9, 2));
    PyObject *negkw = Py_BuildValue("{s:O}", "key", PyObject_GetAttrString(builtins, "abs"));
    PyObject *margs = Py_BuildValue("(iii)", -7, 3, 5);
    show_new("max(-7, 3, 5, key=abs)", PyObject_Call(max, margs, negkw));

    /* Types are callable. */
    show_new("int('42')", PyObject_CallFunction((PyObject *)&PyLong_Type, "s", "42"));
    PyObject *ikw = Py_BuildValue("{s:i}", "base", 16);
    PyObject *iargs = Py_BuildValue("(s)", "ff");
    show_new("int('ff', base=16)", PyObject_Call((PyObject *)&PyLong_Type, iargs, ikw));
    show_new("str(3.5)", PyObject_CallOneArg((PyObject *)&PyUnicode_Type, PyFloat_FromDouble(3.5)));
    show_new("list()", PyObject_CallNoArgs((PyObject *)&PyList_Type));
    show_new("tuple('ab')", PyObject_CallFunction((PyObject *)&PyTuple_Type, "s", "ab"));
    show_new("dict(a=1)", PyObject_Call((PyObject *)&PyDict_Type, PyTuple_New(0), Py_BuildValue("{s:i}", "a", 1)));
    show_new("ValueError('v', 1)", PyObject_CallFunction(PyExc_ValueError, "si", "v", 1));
    show_new("bool([])", PyObject_CallOneArg((PyObject *)&PyBool_Type, PyList_New(0)));
    show_new("float('1e3')", PyObject_CallFunction((PyObject *)&PyFloat_Type, "s", "1e3"));

    /* Methods. */
    show_new("CallMethod(l, 'index', 'i', 2)", PyObject_CallMethod(lst, "index", "i", 2));
    show_new("CallMethod('a-b', 'split', 's', '-')",
             PyObject_CallMethod(PyUnicode_FromString("a-b"), "split", "s", "-"));
    show_new("CallMethod(' x ', 'strip', NULL)", PyObject_CallMethod(PyUnicode_FromString(" x "), "strip", NULL));
    PyObject *append = PyUnicode_FromString("append");
    show_new("CallMethodOneArg(l, 'append', 4)", PyObject_CallMethodOneArg(lst, append, PyLong_FromLong(4)));
    show_new("CallMethodObjArgs(l, 'append', 5)", PyObject_CallMethodObjArgs(lst, append, PyLong_FromLong(5), NULL));
    show("list after appends", lst);
    PyObject *sortname = PyUnicode_FromString("sort");
    PyObject *mstack[] = {lst};
    show_new("VectorcallMethod(l.sort)", PyObject_VectorcallMethod(sortname, mstack, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    show("list after sort", lst);
    PyObject *joinargs[] = {PyUnicode_FromString("+"), Py_BuildValue("[ss]", "p", "q")};
    PyObject *join = PyUnicode_FromString("join");
    show_new("VectorcallMethod('+'.join)", PyObject_VectorcallMethod(join, joinargs, 2, NULL));
    PyObject *bound = PyObject_GetAttrString(PyUnicode_FromString("%s!"), "__mod__");
    show_new("bound method call", PyObject_CallOneArg(bound, PyUnicode_FromString("hi")));
    Py_DECREF(bound);

    /* Callable checks. */
    printf("PyCallable_Check(len): %d, (int type): %d, (3): %d, (None): %d\n", PyCallable_Check(len),
           PyCallable_Check((PyObject *)&PyLong_Type), PyCallable_Check(PyLong_FromLong(3)), PyCallable_Check(Py_None));

    Py_DECREF(join);
    Py_DECREF(sortname);
    Py_DECREF(append);
    Py_DECREF(iargs);
    Py_DECREF(ikw);
    Py_DECREF(margs);
    Py_DECREF(negkw);
    Py_DECREF(kwnames);
    Py_DECREF(kw);
    Py_DECREF(args);
    Py_DECREF(lst);
    Py_DECREF(len);
    Py_DECREF(sorted);
    Py_DECREF(max);
    Py_DECREF(builtins);
    return conf_end();
}
