/* enumerate, reversed, zip, map and filter called as the builtins module has them, and
   PySeqIter_New / PyCallIter_New: their items, their errors, and the types of what they
   make. */
#include "conformance.h"

static PyObject *builtins;

/* list(builtin(*args, **kwargs)), or the error of the call or of the iteration. */
static void run(const char *label, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *f = PyObject_GetAttrString(builtins, name);
    PyObject *it = f ? PyObject_Call(f, args, kwargs) : NULL;
    if (it == NULL) {
        show(label, NULL);
    } else {
        show_new(label, PySequence_List(it));
    }
    Py_XDECREF(it);
    Py_XDECREF(f);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

static PyObject *double_it(PyObject *self, PyObject *x) { return PyNumber_Multiply(x, PyLong_FromLong(2)); }
static PyObject *is_odd(PyObject *self, PyObject *x) { return PyNumber_And(x, PyLong_FromLong(1)); }
static PyObject *fail(PyObject *self, PyObject *x)
{
    PyErr_SetString(PyExc_ValueError, "from the function");
    return NULL;
}
static PyObject *add(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    return PyArg_ParseTuple(args, "OO", &a, &b) ? PyNumber_Add(a, b) : NULL;
}

static int counter;
static PyObject *count_up(PyObject *self, PyObject *unused) { return PyLong_FromLong(counter++); }

static PyMethodDef defs[] = {
    { "double_it", double_it, METH_O, NULL },
    { "is_odd", is_odd, METH_O, NULL },
    { "fail", fail, METH_O, NULL },
    { "add", add, METH_VARARGS, NULL },
    { "count_up", count_up, METH_NOARGS, NULL },
};

int main(void)
{
    conf_init();
    builtins = PyImport_ImportModule("builtins");
    PyObject *double_f = PyCFunction_New(&defs[0], NULL), *odd_f = PyCFunction_New(&defs[1], NULL);
    PyObject *fail_f = PyCFunction_New(&defs[2], NULL), *add_f = PyCFunction_New(&defs[3], NULL);
    PyObject *count_f = PyCFunction_New(&defs[4], NULL);

    printf("-- enumerate\n");
    run("enumerate(str)", "enumerate", Py_BuildValue("(s)", "abc"), NULL);
    run("enumerate(start=10)", "enumerate", Py_BuildValue("([ii]i)", 5, 6, 10), NULL);
    run("enumerate(start huge)", "enumerate", Py_BuildValue("(sN)", "ab", PyLong_FromString("100000000000000000000", NULL, 10)), NULL);
    run("enumerate(keywords)", "enumerate", PyTuple_New(0), Py_BuildValue("{s(ii)si}", "iterable", 1, 2, "start", -1));
    run("enumerate()", "enumerate", PyTuple_New(0), NULL);
    run("enumerate(1)", "enumerate", Py_BuildValue("(i)", 1), NULL);
    run("enumerate(start str)", "enumerate", Py_BuildValue("([i]s)", 1, "a"), NULL);
    run("enumerate(3 args)", "enumerate", Py_BuildValue("([]ii)", 1, 2), NULL);
    run("enumerate(extra keyword)", "enumerate", Py_BuildValue("([i])", 1), Py_BuildValue("{sisi}", "start", 1, "x", 2));

    printf("-- reversed\n");
    run("reversed(list)", "reversed", Py_BuildValue("([iii])", 1, 2, 3), NULL);
    run("reversed(tuple)", "reversed", Py_BuildValue("((ii))", 1, 2), NULL);
    run("reversed(str)", "reversed", Py_BuildValue("(s)", "abc"), NULL);
    run("reversed(empty)", "reversed", Py_BuildValue("([])"), NULL);
    run("reversed()", "reversed", PyTuple_New(0), NULL);
    run("reversed(1)", "reversed", Py_BuildValue("(i)", 1), NULL);
    run("reversed(2 args)", "reversed", Py_BuildValue("([][])"), NULL);
    run("reversed(keyword)", "reversed", PyTuple_New(0), Py_BuildValue("{si}", "x", 1));

    printf("-- zip\n");
    run("zip()", "zip", PyTuple_New(0), NULL);
    run("zip(one)", "zip", Py_BuildValue("(s)", "ab"), NULL);
    run("zip(shortest)", "zip", Py_BuildValue("([iii]s(ii))", 1, 2, 3, "ab", 7, 8), NULL);
    run("zip(strict, equal)", "zip", Py_BuildValue("([ii]s)", 1, 2, "ab"), Py_BuildValue("{sO}", "strict", Py_True));
    run("zip(strict, 2 shorter)", "zip", Py_BuildValue("([ii]s)", 1, 2, "a"), Py_BuildValue("{sO}", "strict", Py_True));
    run("zip(strict, 2 longer)", "zip", Py_BuildValue("([i]s)", 1, "ab"), Py_BuildValue("{sO}", "strict", Py_True));
    run("zip(strict, 3 shorter)", "zip", Py_BuildValue("([ii]ss)", 1, 2, "ab", "a"), Py_BuildValue("{sO}", "strict", Py_True));
    run("zip(strict, 3 longer)", "zip", Py_BuildValue("([i]ss)", 1, "a", "ab"), Py_BuildValue("{sO}", "strict", Py_True));
    run("zip(strict=False)", "zip", Py_BuildValue("([i]s)", 1, "ab"), Py_BuildValue("{sO}", "strict", Py_False));
    run("zip(not iterable)", "zip", Py_BuildValue("([i]i)", 1, 5), NULL);
    run("zip(bad keyword)", "zip", Py_BuildValue("([i])", 1), Py_BuildValue("{si}", "x", 1));

    printf("-- map\n");
    run("map(f, list)", "map", Py_BuildValue("(O[iii])", double_f, 1, 2, 3), NULL);
    run("map(f, a, b)", "map", Py_BuildValue("(O[ii](iii))", add_f, 1, 2, 10, 20, 30), NULL);
    run("map(str, ints)", "map", Py_BuildValue("(O[ii])", (PyObject *)&PyUnicode_Type, 1, 2), NULL);
    run("map(failing f)", "map", Py_BuildValue("(O[i])", fail_f, 1), NULL);
    run("map()", "map", PyTuple_New(0), NULL);
    run("map(f)", "map", Py_BuildValue("(O)", double_f), NULL);
    run("map(f, 1)", "map", Py_BuildValue("(Oi)", double_f, 1), NULL);
    run("map(keyword)", "map", Py_BuildValue("(O[])", double_f), Py_BuildValue("{si}", "x", 1));
    run("map(not callable)", "map", Py_BuildValue("(i[i])", 1, 1), NULL);

    printf("-- filter\n");
    run("filter(None)", "filter", Py_BuildValue("(O[isiO])", Py_None, 0, "", 2, Py_True), NULL);
    run("filter(f)", "filter", Py_BuildValue("(O[iiii])", odd_f, 1, 2, 3, 4), NULL);
    run("filter(bool)", "filter", Py_BuildValue("(O[ii])", (PyObject *)&PyBool_Type, 0, 3), NULL);
    run("filter(failing f)", "filter", Py_BuildValue("(O[i])", fail_f, 1), NULL);
    run("filter()", "filter", PyTuple_New(0), NULL);
    run("filter(None) alone", "filter", Py_BuildValue("(O)", Py_None), NULL);
    run("filter(None, 1)", "filter", Py_BuildValue("(Oi)", Py_None, 1), NULL);
    run("filter(keyword)", "filter", Py_BuildValue("(O[])", Py_None), Py_BuildValue("{si}", "x", 1));

    printf("-- types\n");
    /* reversed over a tuple: a list's reversed() is list_reverseiterator in CPython. */
    struct { const char *name, *format; PyObject *function; } calls[] = {
        { "enumerate", "([i])", NULL }, { "reversed", "((i))", NULL }, { "zip", "([i])", NULL },
        { "map", "(O[i])", double_f }, { "filter", "(O[i])", Py_None },
    };
    for (int i = 0; i < 5; i++) {
        PyObject *t = PyObject_GetAttrString(builtins, calls[i].name);
        show(calls[i].name, t);
        PyObject *it = calls[i].function ? PyObject_CallFunction(t, calls[i].format, calls[i].function, 1)
                                         : PyObject_CallFunction(t, calls[i].format, 1);
        PyObject *again = PyObject_GetIter(it);
        printf("  is a type: %d, iter is self: %d, iterator: %d\n", PyType_Check(t), again == it, PyIter_Check(it));
        show_type("  type", it);
        Py_XDECREF(again);
        Py_XDECREF(it);
        Py_DECREF(t);
    }
    PyObject *enumerate = PyObject_GetAttrString(builtins, "enumerate");
    printf("enumerate is PyEnum_Type: %d\n", enumerate == (PyObject *)&PyEnum_Type);
    Py_DECREF(enumerate);

    printf("-- PySeqIter_New and PyCallIter_New\n");
    PyObject *seq = Py_BuildValue("[ii]", 1, 2);
    PyObject *it = PySeqIter_New(seq);
    show_type("seq iter type", it);
    printf("PySeqIter_Check: %d\n", PySeqIter_Check(it));
    show_new("items", PySequence_List(it));
    show_new("after exhaustion", PyIter_Next(it));
    Py_DECREF(it);
    it = PySeqIter_New(PyUnicode_FromString("xy"));
    show_new("over str", PySequence_List(it));
    Py_DECREF(it);
    PyObject *three = PyLong_FromLong(3);
    it = PyCallIter_New(count_f, three);
    show_type("call iter type", it);
    printf("PyCallIter_Check: %d\n", PyCallIter_Check(it));
    show_new("until sentinel 3", PySequence_List(it));
    Py_DECREF(it);
    it = PyCallIter_New(fail_f, three);
    show_new("failing callable", PySequence_List(it));
    Py_DECREF(it);
    Py_DECREF(three);
    Py_DECREF(seq);

    Py_DECREF(double_f);
    Py_DECREF(odd_f);
    Py_DECREF(fail_f);
    Py_DECREF(add_f);
    Py_DECREF(count_f);
    Py_DECREF(builtins);
    return conf_end();
}
