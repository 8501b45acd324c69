/* PyObject_AsFileDescriptor, PyFile_WriteObject / WriteString into an object with
   write(), the interpreter-state functions, and PyTraceMalloc_Track when not tracing. */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    PyObject *written;
    long fileno;
} Sink;

static PyObject *sink_write(PyObject *self, PyObject *text)
{
    if (PyList_Append(((Sink *)self)->written, text) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyUnicode_GetLength(text));
}
static PyObject *sink_fileno(PyObject *self, PyObject *unused)
{
    long n = ((Sink *)self)->fileno;
    return n == -100 ? PyUnicode_FromString("not an int") : PyLong_FromLong(n);
}
static void sink_dealloc(PyObject *self)
{
    Py_XDECREF(((Sink *)self)->written);
    Py_TYPE(self)->tp_free(self);
}
static PyMethodDef sink_methods[] = {
    { "write", sink_write, METH_O, NULL }, { "fileno", sink_fileno, METH_NOARGS, NULL }, { NULL },
};
static PyTypeObject Sink_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fim.Sink",
    .tp_basicsize = sizeof(Sink),
    .tp_dealloc = sink_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = sink_methods,
};

static Sink *make_sink(long fileno)
{
    Sink *s = PyObject_New(Sink, &Sink_Type);
    s->written = PyList_New(0);
    s->fileno = fileno;
    return s;
}

static void fd(const char *label, PyObject *o)
{
    int r = PyObject_AsFileDescriptor(o);
    printf("%s: %d", label, r);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

int main(void)
{
    conf_init();
    PyType_Ready(&Sink_Type);

    printf("-- PyObject_AsFileDescriptor\n");
    PyObject *seven = PyLong_FromLong(7), *minus = PyLong_FromLong(-3), *big = PyLong_FromString("99999999999", NULL, 10);
    fd("int 7", seven);
    fd("int -3", minus);
    fd("huge int", big);
    fd("True", Py_True);
    Sink *with_fileno = make_sink(5), *negative = make_sink(-1), *bad = make_sink(-100);
    fd("fileno() 5", (PyObject *)with_fileno);
    fd("fileno() -1", (PyObject *)negative);
    fd("fileno() returns a str", (PyObject *)bad);
    fd("None", Py_None);

    printf("-- PyFile_WriteObject / WriteString\n");
    PyObject *value = PyUnicode_FromString("text");
    printf("raw: %d\n", PyFile_WriteObject(value, (PyObject *)with_fileno, Py_PRINT_RAW));
    printf("repr: %d\n", PyFile_WriteObject(value, (PyObject *)with_fileno, 0));
    printf("string: %d\n", PyFile_WriteString("plain\n", (PyObject *)with_fileno));
    show("written", with_fileno->written);
    int r = PyFile_WriteObject(value, Py_None, 0);
    printf("to None: %d, ", r);
    show_exc("error");
    r = PyFile_WriteObject(value, NULL, 0);
    printf("to NULL: %d, ", r);
    show_exc("error");

    printf("-- interpreter state\n");
    PyInterpreterState *interp = PyInterpreterState_Get();
    printf("Main is Get: %d, Head is Main: %d, Next is NULL: %d\n", PyInterpreterState_Main() == interp,
           PyInterpreterState_Head() == interp, PyInterpreterState_Next(interp) == NULL);
    PyObject *d = PyInterpreterState_GetDict(interp);
    printf("dict: %d, same again: %d, not the thread's: %d\n", d != NULL && PyDict_Check(d),
           d == PyInterpreterState_GetDict(interp), d != PyThreadState_GetDict());
    printf("ID: %lld\n", (long long)PyInterpreterState_GetID(interp));

    printf("-- tracemalloc\n");
    printf("Track: %d, Untrack: %d\n", PyTraceMalloc_Track(0, (uintptr_t)&r, 4), PyTraceMalloc_Untrack(0, (uintptr_t)&r));

    Py_DECREF(value);
    Py_DECREF(with_fileno);
    Py_DECREF(negative);
    Py_DECREF(bad);
    Py_DECREF(seven);
    Py_DECREF(minus);
    Py_DECREF(big);
    return conf_end();
}
