/* Methods of built-in objects called by name from C (PyObject_CallMethodNoArgs/OneArg,
   PyObject_VectorcallMethod), which libpycapi serves in one crossing for a built-in type's
   instance: results, mutations seen afterwards, keywords, subclasses, and the errors. */
#include "conformance.h"

static PyObject *vcall(PyObject *self, const char *name, PyObject *a, PyObject *b, PyObject *kwnames)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *stack[] = {NULL, self, a, b};
    size_t nargs = 1 + (a != NULL) + (b != NULL) - (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *r = PyObject_VectorcallMethod(n, stack + 1, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_DECREF(n);
    return r;
}

int main(void)
{
    conf_init();
    PyObject *s = PyUnicode_FromString("Hello World");
    PyObject *upper = PyUnicode_InternFromString("upper");
    PyObject *find = PyUnicode_InternFromString("find");
    show_new("str.upper()", PyObject_CallMethodNoArgs(s, upper));
    show_new("str.find(' ')", PyObject_CallMethodOneArg(s, find, PyUnicode_FromString(" ")));
    show_new("str.replace('l', 'L')", vcall(s, "replace", PyUnicode_FromString("l"), PyUnicode_FromString("L"), NULL));
    show_new("str.split(sep=' ') (keywords)", vcall(s, "split", PyUnicode_FromString(" "), NULL, Py_BuildValue("(s)", "sep")));

    PyObject *l = PyList_New(0);
    PyObject *append = PyUnicode_InternFromString("append");
    show_new("list.append(1)", PyObject_CallMethodOneArg(l, append, PyLong_FromLong(1)));
    show_new("list.append(s)", PyObject_CallMethodOneArg(l, append, s));
    printf("PyList_GET_SIZE: %zd, item 1 is s: %d\n", PyList_GET_SIZE(l), PyList_GET_ITEM(l, 1) == s);
    show_new("list.pop()", PyObject_CallMethodNoArgs(l, PyUnicode_FromString("pop")));
    PyObject *d = Py_BuildValue("{s:i}", "a", 1);
    show_new("dict.get('a')", PyObject_CallMethodOneArg(d, PyUnicode_FromString("get"), PyUnicode_FromString("a")));
    show_new("dict.setdefault('b', [])", vcall(d, "setdefault", PyUnicode_FromString("b"), PyList_New(0), NULL));
    show("d", d);
    show_new("(5).bit_length()", PyObject_CallMethodNoArgs(PyLong_FromLong(5), PyUnicode_FromString("bit_length")));

    /* A heap subclass's own method, and one inherited from the built-in. */
    PyObject *ns = PyDict_New();
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", "S", &PyUnicode_Type, ns);
    PyObject *inst = PyObject_CallFunction(cls, "s", "sub");
    show_new("S('sub').upper()", PyObject_CallMethodNoArgs(inst, upper));

    /* Errors. */
    show_new("str.nosuch()", PyObject_CallMethodNoArgs(s, PyUnicode_FromString("nosuch")));
    show_new("str.upper(1)", PyObject_CallMethodOneArg(s, upper, PyLong_FromLong(1)));
    show_new("str.find()", PyObject_CallMethodNoArgs(s, find));
    show_new("list.append()", PyObject_CallMethodNoArgs(l, append));
    show_new("name 5", PyObject_CallMethodNoArgs(s, PyLong_FromLong(5)));
    show_new("str.__len__()", vcall(s, "__len__", NULL, NULL, NULL));
    show_new("int.real() (not callable)", PyObject_CallMethodNoArgs(PyLong_FromLong(3), PyUnicode_FromString("real")));
    return conf_end();
}
