/* A host program that embeds the runtime, imports the sample extension "spam" from
   its own folder and calls it with good and bad arguments. The same source builds
   against CPython 3.11 (-I/usr/include/python3.11 -lpython3.11) and prints the same. */
#include <Python.h>

/* Prints repr(result), or the exception as "Type: message", and releases it. */
static void show(const char *what, PyObject *result) {
    printf("%-34s -> ", what);
    if (result == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *name = PyObject_GetAttrString(type, "__name__");
        PyObject *message = PyObject_Str(value);
        printf("%s: %s\n", PyUnicode_AsUTF8(name), PyUnicode_AsUTF8(message));
        Py_XDECREF(name);
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

static PyObject *call(PyObject *module, const char *name, PyObject *args, PyObject *kwargs) {
    PyObject *f = PyObject_GetAttrString(module, name);
    if (f == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(f, args, kwargs);
    Py_DECREF(f);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return result;
}

int main(void) {
    Py_Initialize();
    PyObject *path = PySys_GetObject("path");
    PyObject *here = PyUnicode_FromString(".");
    PyList_Insert(path, 0, here);
    Py_DECREF(here);

    PyObject *spam = PyImport_ImportModule("spam");
    if (spam == NULL) {
        PyErr_Print();
        return 1;
    }
    show("spam.add(2, 40)", call(spam, "add", Py_BuildValue("(ii)", 2, 40), NULL));
    show("spam.add(2**62, 2**62)", call(spam, "add", Py_BuildValue("(LL)", 1LL << 62, 1LL << 62), NULL));
    show("spam.add('2', 40)", call(spam, "add", Py_BuildValue("(si)", "2", 40), NULL));
    show("spam.add(1)", call(spam, "add", Py_BuildValue("(i)", 1), NULL));
    show("spam.greet('World')", call(spam, "greet", Py_BuildValue("(s)", "World"), NULL));
    show("spam.greet('Ada', 'Hi', times=2)", call(spam, "greet", Py_BuildValue("(ss)", "Ada", "Hi"), Py_BuildValue("{s:i}", "times", 2)));
    show("spam.greet('Ada', times=0)", call(spam, "greet", Py_BuildValue("(s)", "Ada"), Py_BuildValue("{s:i}", "times", 0)));
    show("spam.greet('Ada', colour='red')", call(spam, "greet", Py_BuildValue("(s)", "Ada"), Py_BuildValue("{s:s}", "colour", "red")));
    show("spam.count_words('a bc  déf')", call(spam, "count_words", Py_BuildValue("(s)", "a bc  d\xc3\xa9" "f"), NULL));
    show("spam.count_words(7)", call(spam, "count_words", Py_BuildValue("(i)", 7), NULL));
    show("spam.count_words()", call(spam, "count_words", PyTuple_New(0), NULL));
    show("spam.version()", call(spam, "version", PyTuple_New(0), NULL));
    show("spam.version(1)", call(spam, "version", Py_BuildValue("(i)", 1), NULL));
    show("spam.total(1, 2.5, 3)", call(spam, "total", Py_BuildValue("(idi)", 1, 2.5, 3), NULL));
    show("spam.total('x')", call(spam, "total", Py_BuildValue("(s)", "x"), NULL));
    show("spam.ANSWER", PyObject_GetAttrString(spam, "ANSWER"));
    show("spam.error", PyObject_GetAttrString(spam, "error"));
    show("spam.missing", PyObject_GetAttrString(spam, "missing"));
    show("import nosuchmodule", PyImport_ImportModule("nosuchmodule"));
    Py_DECREF(spam);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
