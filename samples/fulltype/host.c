/* A host for the fulltype sample: embeds the runtime, imports fulltype from its own folder
   and uses a Vec from C, through the abstract API, the way an embedding program would. The
   same source builds against CPython 3.11 and prints the same. */
#include <Python.h>

/* Prints repr(result), or the exception as "Type: message", and releases the result. */
static void show(const char *what, PyObject *result)
{
    printf("%-28s -> ", what);
    if (result == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *message = PyObject_Str(value);
        printf("%s: %s\n", ((PyTypeObject *)type)->tp_name, PyUnicode_AsUTF8(message));
        Py_XDECREF(message);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return;
    }
    PyObject *repr = PyObject_Repr(result);
    printf("%s\n", PyUnicode_AsUTF8(repr));
    Py_DECREF(repr);
    Py_DECREF(result);
}

int main(void)
{
    Py_Initialize();
    PyObject *path = PySys_GetObject("path");
    PyObject *here = PyUnicode_FromString(".");
    PyList_Insert(path, 0, here);
    Py_DECREF(here);

    PyObject *fulltype = PyImport_ImportModule("fulltype");
    if (fulltype == NULL) {
        PyErr_Print();
        return 1;
    }
    PyObject *a = PyObject_CallMethod(fulltype, "Vec", "ddd", 1.0, 2.0, 3.0);
    PyObject *b = PyObject_CallMethod(fulltype, "HeapVec", "ddd", 4.0, 5.0, 6.0);
    PyObject *two = PyLong_FromLong(2);
    show("a", Py_NewRef(a));
    show("str(b)", PyObject_Str(b));
    show("a + b", PyNumber_Add(a, b));
    show("2 * a", PyNumber_Multiply(two, a));
    show("a @ b", PyNumber_MatrixMultiply(a, b));
    show("abs(a)", PyNumber_Absolute(a));
    show("a[-1]", PySequence_GetItem(a, -1));
    show("list(a)", PySequence_List(a));
    show("a(2) (1 + 2x + 3x^2)", PyObject_CallFunction(a, "d", 2.0));
    show("a.y", PyObject_GetAttrString(a, "y"));
    PyObject *x = PyUnicode_FromString("x");
    show("a - 'x'", PyNumber_Subtract(a, x));
    Py_DECREF(x);
    Py_buffer view;
    if (PyObject_GetBuffer(a, &view, PyBUF_FULL_RO) == 0) {
        printf("%-28s -> %zd doubles, format '%s'\n", "buffer of a", view.shape[0], view.format);
        PyBuffer_Release(&view);
    }
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(two);
    PyGC_Collect();
    PyObject *counts = PyObject_CallMethod(fulltype, "counts", NULL);
    show("counts()['deallocs']", Py_XNewRef(PyDict_GetItemString(counts, "deallocs")));
    Py_DECREF(counts);
    Py_DECREF(fulltype);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
