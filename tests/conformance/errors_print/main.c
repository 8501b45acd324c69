/* PyErr_Print / PyErr_PrintEx / PyErr_Display / PyErr_WriteUnraisable: what reaches stderr.
   The exceptions are raised from C, so there is no traceback, only the final lines. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyErr_SetString(PyExc_TypeError, "plain message");
    PyErr_Print();
    printf("after PyErr_Print, Occurred is NULL: %d\n", PyErr_Occurred() == NULL);

    PyObject *last = PySys_GetObject("last_value");
    show("sys.last_value", last);
    show("sys.last_type", PySys_GetObject("last_type"));
    show("sys.last_traceback", PySys_GetObject("last_traceback"));

    PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString("the key"));
    PyErr_Print();

    PyErr_SetNone(PyExc_ValueError);
    PyErr_Print();

    PyErr_SetString(PyExc_ValueError, "");
    PyErr_Print();

    PyErr_SetObject(PyExc_RuntimeError, Py_BuildValue("(si)", "two", 2));
    PyErr_Print();

    PyErr_SetString(PyExc_UnicodeError, "non-ASCII: caf\xc3\xa9 \xe2\x98\x95");
    PyErr_Print();

    PyObject *custom = PyErr_NewException("confmod.CustomError", NULL, NULL);
    PyErr_SetString(custom, "from a custom class");
    last = PySys_GetObject("last_value");
    PyErr_PrintEx(0);
    printf("after PyErr_PrintEx(0), Occurred is NULL: %d\n", PyErr_Occurred() == NULL);
    show("sys.last_value unchanged by PyErr_PrintEx(0)", PySys_GetObject("last_value") == last ? Py_True : Py_False);

    /* A multi-line message. */
    PyErr_SetString(PyExc_AssertionError, "line one\nline two");
    PyErr_Print();

    /* Chained exceptions: __cause__ and __context__ are printed first. */
    PyObject *cause = PyObject_CallFunction(PyExc_OSError, "s", "the cause");
    PyObject *exc = PyObject_CallFunction(PyExc_RuntimeError, "s", "with a cause");
    PyException_SetCause(exc, cause);
    PyErr_SetObject(PyExc_RuntimeError, exc);
    PyErr_Print();
    Py_DECREF(exc);

    PyObject *ctx = PyObject_CallFunction(PyExc_KeyError, "s", "context");
    exc = PyObject_CallFunction(PyExc_ValueError, "s", "with a context");
    PyException_SetContext(exc, ctx);
    PyErr_SetObject(PyExc_ValueError, exc);
    PyErr_Print();
    Py_DECREF(exc);

    /* PyErr_Display takes the exception without touching the indicator. */
    exc = PyObject_CallFunction(PyExc_LookupError, "s", "displayed");
    PyErr_Display(NULL, exc, NULL);
    Py_DECREF(exc);
    printf("after PyErr_Display, Occurred is NULL: %d\n", PyErr_Occurred() == NULL);

    /* PyErr_WriteUnraisable reports and clears the pending error. */
    PyObject *where = PyUnicode_FromString("unraisable context");
    PyErr_SetString(PyExc_ZeroDivisionError, "ignored");
    PyErr_WriteUnraisable(where);
    printf("after PyErr_WriteUnraisable, Occurred is NULL: %d\n", PyErr_Occurred() == NULL);
    Py_DECREF(where);

    /* PySys_WriteStderr goes to sys.stderr as well. */
    PySys_WriteStderr("PySys_WriteStderr: %d %s\n", 42, "done");
    PySys_FormatStderr("PySys_FormatStderr: %R\n", Py_None);

    Py_DECREF(custom);
    return conf_end();
}
