/* PyIter_Send over an iterator's tp_iternext, an object's send() method and a type's
   am_send; _PyGen_SetStopIterationValue with plain values, tuples and exceptions; the
   generator and coroutine types as the checks see them. */
#include "conformance.h"

/* A type whose send() yields its argument twice, then returns it via StopIteration. */
typedef struct {
    PyObject_HEAD
    int steps;
} Echo;

static PyObject *echo_send(PyObject *self, PyObject *arg)
{
    if (++((Echo *)self)->steps > 2) {
        _PyGen_SetStopIterationValue(arg);
        return NULL;
    }
    return Py_NewRef(arg);
}

static PySendResult echo_am_send(PyObject *self, PyObject *arg, PyObject **result)
{
    if (++((Echo *)self)->steps > 1) {
        *result = PyUnicode_FromString("returned by am_send");
        return PYGEN_RETURN;
    }
    *result = Py_NewRef(arg);
    return PYGEN_NEXT;
}

static PyMethodDef echo_methods[] = { { "send", echo_send, METH_O, NULL }, { NULL } };
static PyAsyncMethods echo_async = { .am_send = echo_am_send };

static PyTypeObject Echo_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gen.Echo",
    .tp_basicsize = sizeof(Echo),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = echo_methods,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject AsyncEcho_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gen.AsyncEcho",
    .tp_basicsize = sizeof(Echo),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_async = &echo_async,
    .tp_new = PyType_GenericNew,
};

static void send(const char *label, PyObject *iter, PyObject *arg)
{
    PyObject *result = NULL;
    PySendResult r = PyIter_Send(iter, arg, &result);
    const char *kind = r == PYGEN_NEXT ? "NEXT" : r == PYGEN_RETURN ? "RETURN" : "ERROR";
    printf("%s: %s, ", label, kind);
    if (r == PYGEN_ERROR) {
        printf("result %s, ", result == NULL ? "NULL" : "set");
        show_exc("error");
    } else {
        show_new("result", result);
    }
}

static void stop_value(const char *label, PyObject *value)
{
    printf("%s: returns %d, ", label, _PyGen_SetStopIterationValue(value));
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);
    PyErr_NormalizeException(&type, &exc, &tb);
    show_type("type", exc);
    show_new("  value", PyObject_GetAttrString(exc, "value"));
    show_new("  args", PyObject_GetAttrString(exc, "args"));
    Py_XDECREF(type);
    Py_XDECREF(exc);
    Py_XDECREF(tb);
}

int main(void)
{
    conf_init();
    PyType_Ready(&Echo_Type);
    PyType_Ready(&AsyncEcho_Type);

    printf("-- PyIter_Send\n");
    PyObject *list = Py_BuildValue("[ii]", 1, 2);
    PyObject *it = PyObject_GetIter(list);
    send("list iterator, None", it, Py_None);
    send("list iterator, None", it, Py_None);
    send("list iterator, exhausted", it, Py_None);
    PyObject *one = PyLong_FromLong(1);
    send("list iterator, a value", it, one);
    Py_DECREF(it);
    PyObject *echo = PyObject_CallNoArgs((PyObject *)&Echo_Type);
    PyObject *word = PyUnicode_FromString("ping");
    send("send() method", echo, word);
    send("send() method", echo, word);
    send("send() method, StopIteration", echo, word);
    send("send() method, None (no tp_iternext)", echo, Py_None);
    PyObject *async_echo = PyObject_CallNoArgs((PyObject *)&AsyncEcho_Type);
    send("am_send", async_echo, word);
    send("am_send, return", async_echo, word);
    send("no send at all", one, one);

    printf("-- _PyGen_SetStopIterationValue\n");
    stop_value("int", one);
    PyObject *pair = Py_BuildValue("(ii)", 1, 2);
    stop_value("tuple", pair);
    PyObject *error = PyObject_CallFunction(PyExc_ValueError, "(s)", "inner");
    stop_value("exception instance", error);
    stop_value("None", Py_None);
    stop_value("exception class", PyExc_KeyError);

    printf("-- types\n");
    show("generator", (PyObject *)&PyGen_Type);
    show("coroutine", (PyObject *)&PyCoro_Type);
    show("async_generator", (PyObject *)&PyAsyncGen_Type);
    printf("PyGen_Check(list) %d, PyGen_CheckExact(list) %d, PyCoro_CheckExact(list) %d, PyAsyncGen_CheckExact(list) %d\n",
           PyGen_Check(list), PyGen_CheckExact(list), PyCoro_CheckExact(list), PyAsyncGen_CheckExact(list));

    Py_DECREF(error);
    Py_DECREF(pair);
    Py_DECREF(async_echo);
    Py_DECREF(word);
    Py_DECREF(echo);
    Py_DECREF(one);
    Py_DECREF(list);
    return conf_end();
}
