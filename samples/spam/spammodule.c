/* spam: a small extension module in the style of CPython's "Extending and Embedding"
   tutorial, exercising each calling convention and the error paths. It is plain
   CPython C API code: the same source builds against CPython 3.11 unchanged. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *SpamError;

/* METH_VARARGS: two C longs, overflow-checked. */
static PyObject *spam_add(PyObject *self, PyObject *args) {
    long a, b;
    if (!PyArg_ParseTuple(args, "ll:add", &a, &b)) {
        return NULL;
    }
    if ((b > 0 && a > LONG_MAX - b) || (b < 0 && a < LONG_MIN - b)) {
        PyErr_SetString(PyExc_OverflowError, "add() result does not fit in a C long");
        return NULL;
    }
    return PyLong_FromLong(a + b);
}

/* METH_VARARGS | METH_KEYWORDS: greet(name, greeting="Hello", *, times=1). */
static PyObject *spam_greet(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *keywords[] = {"name", "greeting", "times", NULL};
    const char *name, *greeting = "Hello";
    int times = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s|s$i:greet", keywords, &name, &greeting, &times)) {
        return NULL;
    }
    if (times < 1) {
        return PyErr_Format(SpamError, "times must be positive, not %d", times);
    }
    PyObject *list = PyList_New(0);
    for (int i = 0; list != NULL && i < times; i++) {
        PyObject *s = PyUnicode_FromFormat("%s, %s!", greeting, name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
    }
    return list;
}

/* METH_O: the number of whitespace-separated words in a str. */
static PyObject *spam_count_words(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        return PyErr_Format(PyExc_TypeError, "count_words() argument must be str, not %.100s", Py_TYPE(text)->tp_name);
    }
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(text, &size);
    if (s == NULL) {
        return NULL;
    }
    long words = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        int space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
        words += !space && !in_word;
        in_word = !space;
    }
    return PyLong_FromLong(words);
}

/* METH_NOARGS. */
static PyObject *spam_version(PyObject *self, PyObject *unused) {
    return Py_BuildValue("(iis)", 1, 0, "spam");
}

/* METH_FASTCALL: the sum of any number of ints or floats, as a float. */
static PyObject *spam_total(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    double total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double v = PyFloat_AsDouble(args[i]);
        if (v == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyFloat_FromDouble(total);
}

static PyMethodDef spam_methods[] = {
    {"add", spam_add, METH_VARARGS, "Add two integers."},
    {"greet", (PyCFunction)(void (*)(void))spam_greet, METH_VARARGS | METH_KEYWORDS, "Greet someone."},
    {"count_words", spam_count_words, METH_O, "Count words in a string."},
    {"version", spam_version, METH_NOARGS, "The module's version."},
    {"total", (PyCFunction)(void (*)(void))spam_total, METH_FASTCALL, "Sum numbers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", "A sample extension module.", -1, spam_methods,
};

PyMODINIT_FUNC PyInit_spam(void) {
    PyObject *m = PyModule_Create(&spam_module);
    if (m == NULL) {
        return NULL;
    }
    SpamError = PyErr_NewException("spam.error", NULL, NULL);
    if (PyModule_AddObjectRef(m, "error", SpamError) < 0 || PyModule_AddIntConstant(m, "ANSWER", 42) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
