/* A list is one object in both worlds: what Python-level methods do (append, extend,
   insert, pop, sort, reverse, slice assignment, +=, *=, clear) is seen through the macros
   (PyList_GET_SIZE, PyList_GET_ITEM, ob_item), and what the macros write is seen by the
   methods. Likewise a dict changed by its methods is walked by PyDict_Next. */
#include "conformance.h"

/* The list as C sees it: size, then every item through PyList_GET_ITEM. */
static void dump(const char *label, PyObject *l)
{
    printf("%s: size %zd [", label, PyList_GET_SIZE(l));
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(l); i++) {
        PyObject *r = PyObject_Repr(PyList_GET_ITEM(l, i));
        printf("%s%s", i ? ", " : "", PyUnicode_AsUTF8(r));
        Py_DECREF(r);
    }
    printf("] allocated>=size %d\n", ((PyListObject *)l)->allocated >= PyList_GET_SIZE(l));
}

static void call(PyObject *l, const char *method, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *args = Py_VaBuildValue(format, va);
    va_end(va);
    PyObject *m = PyObject_GetAttrString(l, method);
    PyObject *r = PyObject_Call(m, args, NULL);
    if (r == NULL) {
        printf("%s raised ", method);
        conf_write_exc();
        printf("\n");
    } else if (r != Py_None) {
        show(method, r);
    }
    Py_XDECREF(r);
    Py_DECREF(m);
    Py_DECREF(args);
}

int main(void)
{
    conf_init();
    PyObject *l = PyList_New(0);
    for (int i = 0; i < 20; i++) {
        call(l, "append", "(i)", i * 7 % 11);
    }
    dump("after 20 appends", l);
    call(l, "sort", "()");
    dump("sorted", l);
    call(l, "reverse", "()");
    call(l, "insert", "(is)", 3, "three");
    call(l, "insert", "(is)", -100, "first");
    call(l, "pop", "()");
    call(l, "pop", "(i)", 0);
    call(l, "remove", "(s)", "three");
    call(l, "extend", "(O)", PyUnicode_FromString("ab"));
    dump("after insert/pop/remove/extend", l);

    /* Slice assignment through the abstract API, growing and shrinking. */
    PyObject *slice = PySlice_New(PyLong_FromLong(2), PyLong_FromLong(5), NULL);
    PyObject_SetItem(l, slice, Py_BuildValue("[sssss]", "v", "w", "x", "y", "z"));
    dump("l[2:5] = 5 items", l);
    PyObject_DelItem(l, PySlice_New(NULL, NULL, PyLong_FromLong(3)));
    dump("del l[::3]", l);

    /* The macros write; the methods and the protocol read. */
    PyObject *old = PyList_GET_ITEM(l, 0);
    PyList_SET_ITEM(l, 0, PyUnicode_FromString("set-by-C"));
    Py_DECREF(old);
    call(l, "index", "(s)", "set-by-C");
    call(l, "count", "(s)", "set-by-C");
    show_new("repr", PyObject_Repr(l));
    show_new("sorted(l[1:6])", PySequence_List(PySequence_GetSlice(l, 1, 6)));
    printf("PySequence_Contains(set-by-C): %d\n", PySequence_Contains(l, PyUnicode_FromString("set-by-C")));

    /* In-place operators and clear. */
    PyObject *grown = PyNumber_InPlaceAdd(l, Py_BuildValue("(ii)", 100, 101));
    printf("+= returns the same list: %d\n", grown == l);
    Py_DECREF(grown);
    PyObject *m = PyList_GetSlice(l, 0, 2);
    PyObject *m3 = PyNumber_InPlaceMultiply(m, PyLong_FromLong(3));
    dump("l[0:2] *= 3", m3);
    Py_DECREF(m3);
    Py_DECREF(m);
    dump("after +=", l);
    call(l, "clear", "()");
    dump("cleared", l);
    PyList_Append(l, PyLong_FromLong(1));
    call(l, "__setitem__", "(ii)", 0, 2);
    dump("append then __setitem__", l);

    /* Sorting items C stored, and a key function's error leaves the list whole. */
    PyObject *k = PyList_New(4);
    PyList_SET_ITEM(k, 0, PyUnicode_FromString("pear"));
    PyList_SET_ITEM(k, 1, PyUnicode_FromString("fig"));
    PyList_SET_ITEM(k, 2, PyUnicode_FromString("apple"));
    PyList_SET_ITEM(k, 3, PyLong_FromLong(3));
    printf("PyList_Sort(mixed): %d\n", PyList_Sort(k));
    show_exc("  ");
    dump("after failed sort", k);
    PyObject *len = PyDict_GetItemString(PyEval_GetBuiltins(), "len");
    PyObject *kw = Py_BuildValue("{sO}", "key", len);
    PyObject_Call(PyObject_GetAttrString(k, "sort"), PyTuple_New(0), kw);
    show_exc("sort(key=len)");
    dump("after sort(key=len)", k);

    /* A dict changed by its methods, then walked from C. */
    PyObject *d = PyDict_New();
    for (int i = 0; i < 10; i++) {
        PyDict_SetItem(d, PyLong_FromLong(i), PyLong_FromLong(i * i));
    }
    PyObject_CallMethod(d, "pop", "(i)", 3);
    PyObject_CallMethod(d, "update", "({sisi})", "x", 1, "y", 2);
    PyObject_CallMethod(d, "popitem", NULL);
    PyObject_CallMethod(d, "setdefault", "(si)", "z", 26);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    printf("PyDict_Next:");
    while (PyDict_Next(d, &pos, &key, &value)) {
        PyObject *kr = PyObject_Repr(key), *vr = PyObject_Repr(value);
        printf(" %s=%s", PyUnicode_AsUTF8(kr), PyUnicode_AsUTF8(vr));
        Py_DECREF(kr);
        Py_DECREF(vr);
    }
    printf("\nPyDict_Size: %zd\n", PyDict_Size(d));
    conf_end();
    return 0;
}
