/* Helpers for the programs that call a built-in type's methods from C and look at its
   __dict__ (int_methods, float_complex_methods). Include after conformance.h. */
#ifndef METHOD_CALLS_H
#define METHOD_CALLS_H

#define ARGS(...) Py_BuildValue(__VA_ARGS__)
#define KW(...) Py_BuildValue(__VA_ARGS__)

/* obj.name(*args, **kwargs) (a new reference, or NULL with the exception); args and kwargs are stolen. */
CONF_API PyObject *call_method(PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *method = PyObject_GetAttrString(obj, name);
    PyObject *result = method == NULL ? NULL : PyObject_Call(method, args, kwargs);
    Py_XDECREF(method);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return result;
}

/* "<label>: repr(obj.name(*args, **kwargs))"; args and kwargs are stolen. */
CONF_API void call(const char *label, PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    show_new(label, call_method(obj, name, args, kwargs));
}

/* "<label> type: <type of the value>", then "<label>: repr(value)"; the value is stolen. */
CONF_API void show_typed(const char *label, PyObject *value)
{
    char line[200];
    snprintf(line, sizeof line, "%s type", label);
    show_type(line, value);
    show_new(label, value);
}

/* As call(), with the type of the result. */
CONF_API void call_typed(const char *label, PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    show_typed(label, call_method(obj, name, args, kwargs));
}

/* Each attribute of one value, typed: a method is called without arguments. */
CONF_API void show_members(const char *label, PyObject *value, const char *const *names)
{
    for (const char *const *n = names; *n != NULL; n++) {
        char line[160];
        PyObject *attr = PyObject_GetAttrString(value, *n);
        if (attr != NULL && PyCallable_Check(attr)) {
            snprintf(line, sizeof line, "(%s).%s()", label, *n);
            show_typed(line, PyObject_CallNoArgs(attr));
            Py_DECREF(attr);
        } else {
            snprintf(line, sizeof line, "(%s).%s", label, *n);
            show_typed(line, attr);
        }
    }
}

/* How a name appears in a type's own __dict__: the descriptor's type and repr. */
CONF_API void show_kind(PyObject *type, const char *name)
{
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    PyObject *key = PyUnicode_FromString(name);
    PyObject *descr = dict == NULL ? NULL : PyObject_GetItem(dict, key);
    char label[120];
    snprintf(label, sizeof label, "%s.__dict__['%s']", ((PyTypeObject *)type)->tp_name, name);
    if (descr == NULL) {
        show(label, NULL);
    } else {
        printf("%s: %s, ", label, Py_TYPE(descr)->tp_name);
        show_new("repr", descr);
    }
    Py_XDECREF(key);
    Py_XDECREF(dict);
}

#endif
