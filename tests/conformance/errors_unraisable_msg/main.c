/* _PyErr_WriteUnraisableMsg: "Exception ignored <msg>: <repr(obj)>", or "...<msg>:" when
   there is no object (NULL or None), the plain "Exception ignored in:" form without a
   message, and a repr that fails. The report goes to stderr; the indicator is cleared. */
#include "conformance.h"

static PyObject *bad_repr(PyObject *self)
{
    (void)self;
    PyErr_SetString(PyExc_RuntimeError, "no repr");
    return NULL;
}

static PyTypeObject BadRepr_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "unraisable.BadRepr",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_repr = bad_repr,
    .tp_new = PyType_GenericNew,
};

int main(void)
{
    conf_init();
    PyObject *obj = Py_BuildValue("[is]", 1, "two");

    PyErr_SetString(PyExc_ValueError, "boom");
    _PyErr_WriteUnraisableMsg("while testing", obj);
    printf("cleared after a report: %d\n", PyErr_Occurred() == NULL);

    PyErr_SetString(PyExc_KeyError, "key");
    _PyErr_WriteUnraisableMsg("in a callback without object", NULL);

    PyErr_SetNone(PyExc_StopIteration);
    _PyErr_WriteUnraisableMsg("with None", Py_None);

    PyErr_SetString(PyExc_TypeError, "no message");
    _PyErr_WriteUnraisableMsg(NULL, obj);

    PyObject *err = PyErr_NewException("unraisable.Error", NULL, NULL);
    PyErr_SetString(err, "custom class");
    _PyErr_WriteUnraisableMsg("with a module-qualified class", obj);
    Py_DECREF(err);

    /* An exception with a context: the report shows the exception alone. */
    PyObject *type, *context, *tb, *value;
    PyErr_SetString(PyExc_KeyError, "first");
    PyErr_Fetch(&type, &context, &tb);
    PyErr_NormalizeException(&type, &context, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    PyErr_SetString(PyExc_ValueError, "second");
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyException_SetContext(value, context);
    PyErr_Restore(type, value, tb);
    _PyErr_WriteUnraisableMsg("with a context", obj);

    PyType_Ready(&BadRepr_Type);
    PyObject *bad = PyObject_CallNoArgs((PyObject *)&BadRepr_Type);
    PyErr_SetString(PyExc_OSError, "repr fails");
    _PyErr_WriteUnraisableMsg("while reporting", bad);
    printf("cleared after a failed repr: %d\n", PyErr_Occurred() == NULL);
    Py_DECREF(bad);

    Py_DECREF(obj);
    return conf_end();
}
