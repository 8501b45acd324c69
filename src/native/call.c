/* The call API (CPython 3.11's Objects/call.c). Calls whose callee C can reach run here:
   objects with a vectorcall (built-in functions defined in C, instances of C types that
   have one), a C type's tp_call, METH_VARARGS C functions (methodobject.c) and C types
   called to make an instance (typeobject.c). Every other callable lives in the object
   space, and its calls go to the managed slow paths (Call.cs).
   Then the variadic helpers: PyObject_CallFunction, PyObject_CallMethod, _PyObject_CallMethodId
   (and their _SizeT forms), PyObject_CallFunctionObjArgs, PyObject_CallMethodObjArgs. */
#include "pycapi_call.h"
#include "pycapi_internal.h"
#include "slow_paths.g.h"

static PyObject *call_null_error(void)
{
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
    }
    return NULL;
}

static PyObject *bad_internal_call(void)
{
    (PyErr_BadInternalCall)();
    return NULL;
}

/* ---- Results and argument shapes ---- */

/* _PyErr_FormatFromCause: the pending exception becomes the new one's __cause__ and
   __context__. */
static void set_system_error_from_cause(const char *format, PyObject *callable)
{
    PyObject *type, *cause, *tb;
    PyErr_Fetch(&type, &cause, &tb);
    PyErr_NormalizeException(&type, &cause, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(cause, tb);
        Py_DECREF(tb);
    }
    Py_DECREF(type);
    PyErr_Format(PyExc_SystemError, format, callable);
    PyObject *error_type, *error, *error_tb;
    PyErr_Fetch(&error_type, &error, &error_tb);
    PyErr_NormalizeException(&error_type, &error, &error_tb);
    PyException_SetCause(error, Py_NewRef(cause));
    PyException_SetContext(error, cause);
    PyErr_Restore(error_type, error, error_tb);
}

PyObject *pycapi_bad_result(PyObject *callable, PyObject *result)
{
    if (result == NULL) {
        PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception", callable);
        return NULL;
    }
    Py_DECREF(result);
    set_system_error_from_cause("%R returned a result with an exception set", callable);
    return NULL;
}

static void stack_free(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t n = nargs + PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(stack[i]);
    }
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}

/* _PyStack_UnpackDict: positional arguments then the dict's values on one new stack (with
   a free slot before it, for PY_VECTORCALL_ARGUMENTS_OFFSET), the keys as *p_kwnames.
   Released by stack_free. NULL with an exception on failure. */
static PyObject *const *stack_unpack_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                                         PyObject **p_kwnames)
{
    Py_ssize_t nkwargs = PyDict_Size(kwargs);
    PyObject *kwnames = PyTuple_New(nkwargs);
    if (kwnames == NULL) {
        return NULL;
    }
    PyObject **stack = PyMem_Malloc((size_t)(1 + nargs + nkwargs) * sizeof(PyObject *));
    if (stack == NULL) {
        Py_DECREF(kwnames);
        PyErr_NoMemory();
        return NULL;
    }
    stack++; /* the free slot PY_VECTORCALL_ARGUMENTS_OFFSET allows the callee to use */
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = Py_NewRef(args[i]);
    }
    PyObject **kwstack = stack + nargs;
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    int keys_are_strings = 1;
    while (i < nkwargs && PyDict_Next(kwargs, &pos, &key, &value)) {
        keys_are_strings &= PyUnicode_Check(key);
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        kwstack[i] = Py_NewRef(value);
        i++;
    }
    if (!keys_are_strings) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        stack_free(stack, nargs, kwnames);
        return NULL;
    }
    *p_kwnames = kwnames;
    return stack;
}

/* _PyStack_AsDict: the keyword values that follow the positional ones, by name. */
static PyObject *stack_as_dict(PyObject *const *values, PyObject *kwnames)
{
    PyObject *kwdict = PyDict_New();
    if (kwdict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

static PyObject *tuple_from_stack(PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    return tuple;
}

PyObject *pycapi_function_str(PyObject *func)
{
    PyObject *qualname = PyObject_GetAttrString(func, "__qualname__");
    if (qualname == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return NULL;
        }
        PyErr_Clear();
        return PyObject_Str(func);
    }
    PyObject *result = NULL;
    PyObject *module = PyObject_GetAttrString(func, "__module__");
    if (module == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
            goto done;
        }
        PyErr_Clear();
    } else if (module != Py_None &&
               !(PyUnicode_Check(module) && PyUnicode_CompareWithASCIIString(module, "builtins") == 0)) {
        result = PyUnicode_FromFormat("%S.%S()", module, qualname);
        goto done;
    }
    result = PyUnicode_FromFormat("%S()", qualname);
done:
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return result;
}

/* ---- Calls ---- */

static PyObject *tp_call_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);

/* The vectorcall stored in the callable (_PyVectorcall_Function). Our types that set
   Py_TPFLAGS_HAVE_VECTORCALL without an offset (method_descriptor) have none. */
static inline vectorcallfunc stored_vectorcall(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (!(tp->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) || tp->tp_vectorcall_offset <= 0) {
        return NULL;
    }
    vectorcallfunc func;
    memcpy(&func, (char *)callable + tp->tp_vectorcall_offset, sizeof func);
    return func;
}

/* The vectorcall the call paths use: not tp_call_vectorcall, which would only turn the
   call back into the tp_call path. */
static inline vectorcallfunc vectorcall_of(PyObject *callable)
{
    vectorcallfunc func = stored_vectorcall(callable);
    return func == tp_call_vectorcall ? NULL : func;
}

/* Managed built-in functions (len) share PyCFunction_Type but have no PyMethodDef and no
   vectorcall stored: their calls go to the object space. */
static inline int is_managed_builtin(PyObject *callable)
{
    return (Py_IS_TYPE(callable, &PyCFunction_Type) || Py_IS_TYPE(callable, &PyCMethod_Type))
        && ((PyCFunctionObject *)callable)->m_ml == NULL;
}

/* func(callable, ...), func being the callable's vectorcall. A C function's is run with
   the caller's thread state, which saves the callee looking it up again. */
static inline PyObject *call_vectorcall(PyThreadState *ts, vectorcallfunc func, PyObject *callable,
                                        PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if ((Py_IS_TYPE(callable, &PyCFunction_Type) || Py_IS_TYPE(callable, &PyCMethod_Type)) && func != tp_call_vectorcall) {
        return pycapi_cfunction_vectorcall_ts(ts, callable, args, nargsf, kwnames);
    }
    return func(callable, args, nargsf, kwnames);
}

/* How a callable without vectorcall is called (the tp_call path). */
typedef enum {
    CALL_MANAGED, /* a managed callable: the object space's slow path */
    CALL_C_TYPE,  /* a C type making an instance: type_call's C case (typeobject.c) */
    CALL_SLOT,    /* a C type's own tp_call, or a METH_VARARGS C function */
} call_route;

static call_route route_of(PyObject *callable, ternaryfunc *slot)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (tp == &PyType_Type) {
        return pycapi_type_call_in_c((PyTypeObject *)callable) ? CALL_C_TYPE : CALL_MANAGED;
    }
    if (tp->tp_call != NULL) {
        *slot = tp->tp_call;
        return CALL_SLOT;
    }
    /* A METH_VARARGS function defined in C (it has no vectorcall); the managed built-ins
       share its type but have no PyMethodDef. */
    if ((tp == &PyCFunction_Type || tp == &PyCMethod_Type) && ((PyCFunctionObject *)callable)->m_ml != NULL) {
        *slot = pycapi_cfunction_call;
        return CALL_SLOT;
    }
    return CALL_MANAGED;
}

/* A call C serves through the tp_call path: one recursion level, the result checked. */
static PyObject *call_in_c(PyThreadState *ts, call_route route, ternaryfunc slot, PyObject *callable, PyObject *args,
                           PyObject *kwargs)
{
    if (pycapi_enter_call(ts) < 0) {
        return NULL;
    }
    PyObject *result = route == CALL_C_TYPE
        ? pycapi_type_new_init(ts, (PyTypeObject *)callable, ((PyTypeObject *)callable)->tp_new, args, kwargs)
        : slot(callable, args, kwargs);
    pycapi_leave_call(ts);
    return pycapi_check_result(ts, callable, result);
}

PyObject *_PyObject_MakeTpCall(PyThreadState *ts, PyObject *callable, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *keywords)
{
    ternaryfunc slot = NULL;
    call_route route = route_of(callable, &slot);
    PyObject *argstuple = tuple_from_stack(args, nargs);
    if (argstuple == NULL) {
        return NULL;
    }
    PyObject *kwdict = NULL;
    if (keywords != NULL && PyDict_Check(keywords)) {
        kwdict = Py_NewRef(keywords);
    } else if (keywords != NULL && PyTuple_GET_SIZE(keywords) != 0) {
        kwdict = stack_as_dict(args + nargs, keywords);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    PyObject *result = route == CALL_MANAGED
        ? pycapi_check_result(ts, callable, _PyCApi_Slow_PyObject_Call(callable, argstuple, kwdict))
        : call_in_c(ts, route, slot, callable, argstuple, kwdict);
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return result;
}

/* The vectorcall that PyVectorcall_Function and PyVectorcall_Call give for the callables
   CPython has a vectorcall for but whose calls go to the object space here: the managed
   built-in functions and the built-in types with a tp_vectorcall in CPython. */
static PyObject *tp_call_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    return _PyObject_MakeTpCall(_PyThreadState_UncheckedGet(), callable, args, PyVectorcall_NARGS(nargsf), kwnames);
}

/* type's instances keep their vectorcall in tp_vectorcall, as in CPython; these built-in
   types have one there (the others, and types defined in C without one, do not). */
__attribute__((constructor)) static void set_type_vectorcalls(void)
{
    PyType_Type.tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall);
    PyTypeObject *with_vectorcall[] = {&PyType_Type, &PyBool_Type, &PyDict_Type, &PyFloat_Type, &PyList_Type,
                                       &PySuper_Type, &PyTuple_Type};
    for (size_t i = 0; i < sizeof with_vectorcall / sizeof with_vectorcall[0]; i++) {
        with_vectorcall[i]->tp_vectorcall = tp_call_vectorcall;
    }
}

/* _PyObject_VectorcallTstate */
static inline PyObject *vectorcall(PyThreadState *ts, PyObject *callable, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames)
{
    vectorcallfunc func = vectorcall_of(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(ts, callable, args, PyVectorcall_NARGS(nargsf), kwnames);
    }
    return pycapi_check_result(ts, callable, call_vectorcall(ts, func, callable, args, nargsf, kwnames));
}

vectorcallfunc PyVectorcall_Function(PyObject *callable)
{
    if (callable == NULL) {
        bad_internal_call();
        return NULL;
    }
    vectorcallfunc func = stored_vectorcall(callable);
    return func == NULL && is_managed_builtin(callable) ? tp_call_vectorcall : func;
}

PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (callable == NULL) {
        return bad_internal_call();
    }
    return vectorcall(_PyThreadState_UncheckedGet(), callable, args, nargsf, kwnames);
}

PyObject *PyObject_CallNoArgs(PyObject *callable)
{
    if (callable == NULL) {
        return bad_internal_call();
    }
    return vectorcall(_PyThreadState_UncheckedGet(), callable, NULL, 0, NULL);
}

PyObject *PyObject_CallOneArg(PyObject *callable, PyObject *arg)
{
    if (callable == NULL || arg == NULL) {
        return bad_internal_call();
    }
    PyObject *stack[2] = {NULL, arg}; /* stack[0]: the callee may use it */
    return vectorcall(_PyThreadState_UncheckedGet(), callable, stack + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* _PyObject_FastCallDictTstate */
PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwargs)
{
    if (callable == NULL) {
        return bad_internal_call();
    }
    PyThreadState *ts = _PyThreadState_UncheckedGet();
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = vectorcall_of(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(ts, callable, args, nargs, kwargs);
    }
    PyObject *result;
    if (kwargs == NULL || PyDict_Size(kwargs) == 0) {
        result = call_vectorcall(ts, func, callable, args, nargsf, NULL);
    } else {
        PyObject *kwnames;
        PyObject *const *stack = stack_unpack_dict(args, nargs, kwargs, &kwnames);
        if (stack == NULL) {
            return NULL;
        }
        result = call_vectorcall(ts, func, callable, stack, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                 kwnames);
        stack_free(stack, nargs, kwnames);
    }
    return pycapi_check_result(ts, callable, result);
}

/* _PyVectorcall_Call: a tuple and a dict through a vectorcall. Without keywords the result
   goes back unchecked, as in CPython. */
static PyObject *vectorcall_with_tuple(PyThreadState *ts, vectorcallfunc func, PyObject *callable, PyObject *tuple,
                                       PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    if (kwargs == NULL || PyDict_Size(kwargs) == 0) {
        return call_vectorcall(ts, func, callable, &PyTuple_GET_ITEM(tuple, 0), (size_t)nargs, NULL);
    }
    PyObject *kwnames;
    PyObject *const *stack = stack_unpack_dict(&PyTuple_GET_ITEM(tuple, 0), nargs, kwargs, &kwnames);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *result = call_vectorcall(ts, func, callable, stack, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                       kwnames);
    stack_free(stack, nargs, kwnames);
    return pycapi_check_result(ts, callable, result);
}

PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    if (callable == NULL) {
        return bad_internal_call();
    }
    /* The offset, without the Py_TPFLAGS_HAVE_VECTORCALL check. */
    Py_ssize_t offset = Py_TYPE(callable)->tp_vectorcall_offset;
    vectorcallfunc func = NULL;
    if (offset > 0) {
        memcpy(&func, (char *)callable + offset, sizeof func);
    }
    if (func == NULL && is_managed_builtin(callable)) {
        func = tp_call_vectorcall;
    }
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall", Py_TYPE(callable)->tp_name);
        return NULL;
    }
    return vectorcall_with_tuple(_PyThreadState_UncheckedGet(), func, callable, tuple, kwargs);
}

PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (callable == NULL) {
        return bad_internal_call();
    }
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    PyThreadState *ts = _PyThreadState_UncheckedGet();
    vectorcallfunc func = vectorcall_of(callable);
    if (func != NULL) {
        return vectorcall_with_tuple(ts, func, callable, args, kwargs);
    }
    ternaryfunc slot = NULL;
    call_route route = route_of(callable, &slot);
    if (route == CALL_MANAGED) {
        /* CPython checks a tp_call's result, but a vectorcall's only when given keywords. */
        PyObject *result = _PyCApi_Slow_PyObject_Call(callable, args, kwargs);
        int vectorcall_in_cpython = is_managed_builtin(callable) || stored_vectorcall(callable) == tp_call_vectorcall;
        return vectorcall_in_cpython && (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0)
            ? result : pycapi_check_result(ts, callable, result);
    }
    return call_in_c(ts, route, slot, callable, args, kwargs);
}

PyObject *PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL) {
        return PyObject_CallNoArgs(callable);
    }
    return PyObject_Call(callable, args, NULL);
}

/* ---- Method calls: args[0] is self, the method is looked up on it by name ---- */

PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (name == NULL || args == NULL || args[0] == NULL) {
        return bad_internal_call();
    }
    /* A built-in type's instance: its attributes and methods are the object space's, so
       both steps are taken there, in one crossing. */
    if (kwnames == NULL && PyUnicode_CheckExact(name) && (Py_TYPE(args[0])->tp_flags & PYCAPI_TPFLAGS_MANAGED_CALL)) {
        return _PyCApi_Slow_PyObject_VectorcallMethod(name, args, nargsf, kwnames);
    }
    PyObject *callable = PyObject_GetAttr(args[0], name);
    if (callable == NULL) {
        return NULL;
    }
    /* The bound method is called without self; args[0] becomes the free slot, so
       PY_VECTORCALL_ARGUMENTS_OFFSET stays. */
    PyObject *result = vectorcall(_PyThreadState_UncheckedGet(), callable, args + 1, nargsf - 1, kwnames);
    Py_DECREF(callable);
    return result;
}

PyObject *PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    return PyObject_VectorcallMethod(name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    if (arg == NULL) {
        return bad_internal_call();
    }
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* ---- The variadic helpers ---- */

/* callable(*args) where args is built from a Py_BuildValue format, through vectorcall
   (so the result is checked, as in CPython). */
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
    result = vectorcall(_PyThreadState_UncheckedGet(), callable, &PyTuple_GET_ITEM(args, 0),
                        (size_t)PyTuple_GET_SIZE(args), NULL);
    Py_DECREF(args);
    return result;
}

/* callable(*args built from format), for an attribute just looked up (a new reference,
   released here; NULL passes the lookup's error on). */
static PyObject *call_attribute_format(PyObject *callable, const char *format, va_list *p_va, int size_t_flag)
{
    PyObject *result;

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

static PyObject *call_method_format(PyObject *obj, const char *name, const char *format,
                                    va_list *p_va, int size_t_flag)
{
    if (obj == NULL || name == NULL) {
        return call_null_error();
    }
    return call_attribute_format(PyObject_GetAttrString(obj, name), format, p_va, size_t_flag);
}

static PyObject *call_method_id_format(PyObject *obj, _Py_Identifier *name, const char *format,
                                       va_list *p_va, int size_t_flag)
{
    if (obj == NULL || name == NULL) {
        return call_null_error();
    }
    PyObject *name_str = _PyUnicode_FromId(name); /* borrowed */
    if (name_str == NULL) {
        return NULL;
    }
    return call_attribute_format(PyObject_GetAttr(obj, name_str), format, p_va, size_t_flag);
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

PyObject *_PyObject_CallMethodId(PyObject *obj, _Py_Identifier *name, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_method_id_format(obj, name, format, &va, 0);
    va_end(va);
    return result;
}

PyObject *_PyObject_CallMethodId_SizeT(PyObject *obj, _Py_Identifier *name, const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = call_method_id_format(obj, name, format, &va, 1);
    va_end(va);
    return result;
}

/* callable(*objs) where objs is a NULL-terminated list of PyObject* arguments, passed
   on a stack through vectorcall. */
static PyObject *call_objargs(PyObject *callable, va_list va)
{
    PyObject *small_stack[8];
    va_list count_va;
    Py_ssize_t n = 0;

    va_copy(count_va, va);
    while (va_arg(count_va, PyObject *) != NULL) {
        n++;
    }
    va_end(count_va);

    PyObject **stack = small_stack;
    if (n > (Py_ssize_t)(sizeof small_stack / sizeof small_stack[0])) {
        stack = PyMem_Malloc((size_t)n * sizeof(PyObject *));
        if (stack == NULL) {
            return PyErr_NoMemory();
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        stack[i] = va_arg(va, PyObject *);
    }
    PyObject *result = vectorcall(_PyThreadState_UncheckedGet(), callable, stack, (size_t)n, NULL);
    if (stack != small_stack) {
        PyMem_Free(stack);
    }
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
