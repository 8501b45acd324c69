/* The variadic call helpers: PyObject_CallFunction, PyObject_CallMethod (and their
   _SizeT forms), PyObject_CallFunctionObjArgs, PyObject_CallMethodObjArgs.
   Behaviour follows CPython 3.11 (Objects/call.c). */
#include "Python.h"
#include "pycapi_internal.h"

static PyObject *call_null_error(void)
{
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
    }
    return NULL;
}

/* callable(*args) where args is built from a Py_BuildValue format. */
static PyObject *call_format(PyObject *callable, const char *format, va_list *p_va, int size_t_flag)
{
    PyObject *args, *result;

    if (callable == NULL) {
        return call_null_error();
    }
    if (format == NULL || *format == '\0') {
        return PyObject_CallNoArgs(callable);
    }
    args = _pycapi_VaBuildArgs(format, p_va, size_t_flag);
    if (args == NULL) {
        return NULL;
    }
    result = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return result;
}

static PyObject *call_method_format(PyObject *obj, const char *name, const char *format,
                                    va_list *p_va, int size_t_flag)
{
    PyObject *callable, *result;

    if (obj == NULL || name == NULL) {
        return call_null_error();
    }
    callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        Py_DECREF(callable);
        return NULL;
    }
    result = call_format(callable, format, p_va, size_t_flag);
    Py_DECREF(callable);
    return result;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_format(callable, format, &va, 0);
    va_end(va);
    return result;
}

PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_format(callable, format, &va, 1);
    va_end(va);
    return result;
}

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_method_format(obj, name, format, &va, 0);
    va_end(va);
    return result;
}

PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_method_format(obj, name, format, &va, 1);
    va_end(va);
    return result;
}

/* callable(*objs) where objs is a NULL-terminated list of PyObject* arguments. */
static PyObject *call_objargs(PyObject *callable, va_list va)
{
    va_list count_va;
    Py_ssize_t n = 0, i;
    PyObject *args, *result;

    va_copy(count_va, va);
    while (va_arg(count_va, PyObject *) != NULL) {
        n++;
    }
    va_end(count_va);

    if (n == 0) {
        return PyObject_CallNoArgs(callable);
    }
    args = PyTuple_New(n);
    if (args == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        PyTuple_SET_ITEM(args, i, Py_NewRef(o));
    }
    result = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return result;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list va;
    PyObject *result;

    if (callable == NULL) {
        return call_null_error();
    }
    va_start(va, callable);
    result = call_objargs(callable, va);
    va_end(va);
    return result;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    va_list va;
    PyObject *callable, *result;

    if (obj == NULL || name == NULL) {
        return call_null_error();
    }
    callable = PyObject_GetAttr(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    va_start(va, name);
    result = call_objargs(callable, va);
    va_end(va);
    Py_DECREF(callable);
    return result;
}
