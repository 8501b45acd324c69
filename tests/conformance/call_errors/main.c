/* Calls that fail: non-callables, wrong arity and keywords for built-ins, exceptions raised
   by the callee, and missing methods for CallMethod. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *len = PyObject_GetAttrString(builtins, "len");
    PyObject *num = PyLong_FromLong(3);
    PyObject *empty = PyTuple_New(0);
    PyObject *kw = Py_BuildValue("{s:i}", "bogus", 1);

    show_new("3()", PyObject_CallNoArgs(num));
    show_new("None(1)", PyObject_CallOneArg(Py_None, num));
    show_new("'str'() via PyObject_Call", PyObject_Call(PyUnicode_FromString("s"), empty, NULL));
    show_new("3() via Vectorcall", PyObject_Vectorcall(num, NULL, 0, NULL));
    show_new("3() via CallFunction", PyObject_CallFunction(num, NULL));
    show_new("len()", PyObject_CallNoArgs(len));
    show_new("len(1, 2)", PyObject_CallFunction(len, "ii", 1, 2));
    show_new("len(3)", PyObject_CallOneArg(len, num));
    show_new("len(bogus=1)", PyObject_Call(len, empty, kw));
    show_new("int('x')", PyObject_CallFunction((PyObject *)&PyLong_Type, "s", "x"));
    show_new("int(bogus=1)", PyObject_Call((PyObject *)&PyLong_Type, empty, kw));
    show_new("int('1', 2, 3)", PyObject_CallFunction((PyObject *)&PyLong_Type, "sii", "1", 2, 3));
    show_new("list(3)", PyObject_CallOneArg((PyObject *)&PyList_Type, num));
    show_new("NoneType()", PyObject_CallOneArg((PyObject *)Py_TYPE(Py_None), num));
    show_new("sorted([1], bogus=1)", PyObject_Call(PyObject_GetAttrString(builtins, "sorted"),
                                                   Py_BuildValue("([i])", 1), kw));
    show_new("max()", PyObject_CallNoArgs(PyObject_GetAttrString(builtins, "max")));
    show_new("getattr(3, 'nope')", PyObject_CallFunction(PyObject_GetAttrString(builtins, "getattr"), "Os", num, "nope"));
    show_new("divmod(1, 0)", PyObject_CallFunction(PyObject_GetAttrString(builtins, "divmod"), "ii", 1, 0));
    show_new("chr(-1)", PyObject_CallFunction(PyObject_GetAttrString(builtins, "chr"), "i", -1));
    show_new("ValueError(bogus=1)", PyObject_Call(PyExc_ValueError, empty, kw));

    show_new("CallMethod(3, 'nope')", PyObject_CallMethod(num, "nope", NULL));
    show_new("CallMethod([], 'append') without args", PyObject_CallMethod(PyList_New(0), "append", NULL));
    show_new("CallMethod([], 'append', 'ii')", PyObject_CallMethod(PyList_New(0), "append", "ii", 1, 2));
    PyObject *name = PyUnicode_FromString("nope");
    show_new("CallMethodNoArgs(3, 'nope')", PyObject_CallMethodNoArgs(num, name));
    show_new("CallMethodObjArgs(3, 'nope')", PyObject_CallMethodObjArgs(num, name, NULL));
    PyObject *stack[] = {num};
    show_new("VectorcallMethod(3.nope)", PyObject_VectorcallMethod(name, stack, 1, NULL));
    Py_DECREF(name);
    show_new("'x'.join(3)", PyObject_CallMethod(PyUnicode_FromString("x"), "join", "O", num));
    show_new("str.join(3, [])", PyObject_CallMethod((PyObject *)&PyUnicode_Type, "join", "O[]", num));
    show_new("list.append() unbound without self", PyObject_CallNoArgs(PyObject_GetAttrString((PyObject *)&PyList_Type, "append")));

    /* The callee's own exception propagates unchanged. */
    PyObject *int_from = PyObject_GetAttrString((PyObject *)&PyLong_Type, "from_bytes");
    show_new("int.from_bytes(b'', 'middle')", PyObject_CallFunction(int_from, "ys", "", "middle"));
    Py_DECREF(int_from);

    Py_DECREF(kw);
    Py_DECREF(empty);
    Py_DECREF(num);
    Py_DECREF(len);
    Py_DECREF(builtins);
    return conf_end();
}
