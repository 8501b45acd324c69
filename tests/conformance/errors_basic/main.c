/* The error indicator: SetString/SetObject/SetNone/Occurred/Clear/Fetch/Restore/NormalizeException. */
#include "conformance.h"

static void describe_fetched(const char *label, PyObject *type, PyObject *value, PyObject *tb)
{
    printf("%s:\n", label);
    show("  type", type);
    if (value == NULL) {
        printf("  value: NULL\n");
    } else {
        show_type("  type(value)", value);
        show("  value", value);
    }
    printf("  traceback is NULL: %d\n", tb == NULL);
}

int main(void)
{
    conf_init();

    printf("PyErr_Occurred() initially NULL: %d\n", PyErr_Occurred() == NULL);

    PyErr_SetString(PyExc_ValueError, "bad value");
    printf("after SetString, Occurred is ValueError: %d\n", PyErr_Occurred() == PyExc_ValueError);
    PyErr_Clear();
    printf("after Clear, Occurred is NULL: %d\n", PyErr_Occurred() == NULL);

    /* Fetch returns the raw (possibly unnormalized) triple and clears the indicator. */
    PyObject *type, *value, *tb;
    PyErr_SetString(PyExc_KeyError, "k");
    PyErr_Fetch(&type, &value, &tb);
    printf("after Fetch, Occurred is NULL: %d\n", PyErr_Occurred() == NULL);
    printf("fetched type is KeyError: %d\n", type == PyExc_KeyError);
    PyErr_NormalizeException(&type, &value, &tb);
    describe_fetched("SetString(KeyError, 'k') normalized", type, value, tb);
    show_new("  args", PyObject_GetAttrString(value, "args"));

    /* Restore puts the same objects back (steals the references). */
    PyErr_Restore(type, value, tb);
    printf("after Restore, Occurred is KeyError: %d\n", PyErr_Occurred() == PyExc_KeyError);
    PyObject *t2, *v2, *tb2;
    PyErr_Fetch(&t2, &v2, &tb2);
    printf("Fetch after Restore gives the same value object: %d\n", v2 == value);
    Py_XDECREF(t2);
    Py_XDECREF(v2);
    Py_XDECREF(tb2);

    /* SetNone: no value. */
    PyErr_SetNone(PyExc_StopIteration);
    PyErr_Fetch(&type, &value, &tb);
    printf("SetNone: value is NULL or None: %d\n", value == NULL || value == Py_None);
    PyErr_NormalizeException(&type, &value, &tb);
    describe_fetched("SetNone(StopIteration) normalized", type, value, tb);
    show_new("  args", PyObject_GetAttrString(value, "args"));
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);

    /* SetObject with various values. */
    PyObject *vals[] = {
        PyUnicode_FromString("a str"), PyLong_FromLong(5), Py_BuildValue("(si)", "two", 2), Py_None,
        Py_BuildValue("(s)", "one-tuple"), PyTuple_New(0),
    };
    const char *names[] = {"str", "int", "2-tuple", "None", "1-tuple", "empty tuple"};
    for (int i = 0; i < 6; i++) {
        PyErr_SetObject(PyExc_RuntimeError, vals[i]);
        char label[64];
        snprintf(label, sizeof label, "SetObject(RuntimeError, %s)", names[i]);
        printf("%s -> ", label);
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *args = PyObject_GetAttrString(value, "args");
        PyObject *r = PyObject_Repr(value);
        PyObject *ar = PyObject_Repr(args);
        printf("repr %s, args %s\n", PyUnicode_AsUTF8(r), PyUnicode_AsUTF8(ar));
        Py_DECREF(r);
        Py_DECREF(ar);
        Py_DECREF(args);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
    }

    /* SetObject with an exception instance as value. */
    PyObject *inst = PyObject_CallFunction(PyExc_IndexError, "s", "instance");
    PyErr_SetObject(PyExc_IndexError, inst);
    PyErr_Fetch(&type, &value, &tb);
    printf("SetObject(IndexError, instance): value is the instance: %d\n", value == inst);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    /* ... and with an instance of a subclass of the given type. */
    PyObject *kinst = PyObject_CallFunction(PyExc_KeyError, "s", "sub");
    PyErr_SetObject(PyExc_LookupError, kinst);
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    printf("SetObject(LookupError, KeyError instance): type is KeyError: %d, value is the instance: %d\n",
           type == PyExc_KeyError, value == kinst);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    Py_DECREF(inst);
    Py_DECREF(kinst);

    /* Setting a new error replaces the pending one. */
    PyErr_SetString(PyExc_TypeError, "first");
    PyErr_SetString(PyExc_OSError, "second");
    show_exc("two errors set, the pending one");

    /* Functions returning NULL with an error set. */
    PyObject *r = PyErr_Format(PyExc_ZeroDivisionError, "division by %s", "zero");
    printf("PyErr_Format returns NULL: %d\n", r == NULL);
    show_exc("PyErr_Format");
    printf("PyErr_BadArgument returns: %d\n", PyErr_BadArgument());
    show_exc("PyErr_BadArgument");
    printf("PyErr_NoMemory returns NULL: %d\n", PyErr_NoMemory() == NULL);
    show_exc("PyErr_NoMemory");

    /* Exception instance helpers. */
    PyObject *exc = PyObject_CallFunction(PyExc_ValueError, "si", "msg", 3);
    show("ValueError('msg', 3)", exc);
    show_str("str(ValueError('msg', 3))", exc);
    printf("PyExceptionInstance_Check: %d\n", PyExceptionInstance_Check(exc));
    printf("PyExceptionClass_Check(ValueError): %d, (instance): %d\n", PyExceptionClass_Check(PyExc_ValueError),
           PyExceptionClass_Check(exc));
    show_cstr("PyExceptionClass_Name(ValueError)", PyExceptionClass_Name(PyExc_ValueError));
    PyObject *cause = PyObject_CallFunction(PyExc_KeyError, "s", "cause");
    PyException_SetCause(exc, cause); /* steals */
    show_new("PyException_GetCause", PyException_GetCause(exc));
    show_new("__suppress_context__ after SetCause", PyObject_GetAttrString(exc, "__suppress_context__"));
    PyException_SetContext(exc, PyObject_CallFunction(PyExc_OSError, "s", "ctx"));
    show_new("PyException_GetContext", PyException_GetContext(exc));
    show_new("PyException_GetTraceback", PyException_GetTraceback(exc));
    Py_DECREF(exc);

    return conf_end();
}
