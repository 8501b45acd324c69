/* Calls from C to C: every calling convention through every call API entry point, the
   argument-count and keyword errors, callees that break the result rules (NULL without
   an exception, a result with one), and C types called to make instances (tp_new,
   tp_init, their failures, no tp_new). libpycapi serves these calls in C. */
#include "conformance.h"

static PyObject *module;

/* ---- Argument sets: (), (10,), (10, 20), (10,) plus k=30 ---- */

typedef struct {
    const char *label;
    Py_ssize_t nargs;
    int keyword; /* k=30 after the positional arguments */
} ArgSet;

static const ArgSet arg_sets[] = {
    {"()", 0, 0},
    {"(10)", 1, 0},
    {"(10, 20)", 2, 0},
    {"(10, k=30)", 1, 1},
};

static PyObject *ten, *twenty, *thirty, *k_name;

static void fill_stack(const ArgSet *set, PyObject **stack)
{
    PyObject *values[] = {ten, twenty};
    for (Py_ssize_t i = 0; i < set->nargs; i++) {
        stack[i] = values[i];
    }
    if (set->keyword) {
        stack[set->nargs] = thirty;
    }
}

static PyObject *args_tuple(const ArgSet *set)
{
    PyObject *stack[3];
    fill_stack(set, stack);
    PyObject *t = PyTuple_New(set->nargs);
    for (Py_ssize_t i = 0; i < set->nargs; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(stack[i]));
    }
    return t;
}

static PyObject *kwargs_dict(const ArgSet *set)
{
    return set->keyword ? Py_BuildValue("{sO}", "k", thirty) : NULL;
}

static PyObject *kwnames_tuple(const ArgSet *set)
{
    return set->keyword ? PyTuple_Pack(1, k_name) : NULL;
}

/* ---- Entry points: each calls f (module attribute `name`) with an argument set, or
   returns NULL without an exception when it cannot pass that set ---- */

typedef PyObject *(*Entry)(PyObject *f, const char *name, const ArgSet *set);

#define UNSUPPORTED NULL

static PyObject *via_call(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *t = args_tuple(set), *d = kwargs_dict(set);
    PyObject *r = PyObject_Call(f, t, d);
    Py_DECREF(t);
    Py_XDECREF(d);
    return r;
}

static PyObject *via_call_object(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->keyword) {
        return UNSUPPORTED;
    }
    PyObject *t = args_tuple(set);
    PyObject *r = PyObject_CallObject(f, t);
    Py_DECREF(t);
    return r;
}

static PyObject *via_call_object_null(PyObject *f, const char *name, const ArgSet *set)
{
    return set->nargs == 0 && !set->keyword ? PyObject_CallObject(f, NULL) : UNSUPPORTED;
}

static PyObject *via_call_no_args(PyObject *f, const char *name, const ArgSet *set)
{
    return set->nargs == 0 && !set->keyword ? PyObject_CallNoArgs(f) : UNSUPPORTED;
}

static PyObject *via_call_one_arg(PyObject *f, const char *name, const ArgSet *set)
{
    return set->nargs == 1 && !set->keyword ? PyObject_CallOneArg(f, ten) : UNSUPPORTED;
}

static PyObject *via_vectorcall(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *stack[3];
    fill_stack(set, stack);
    PyObject *kwnames = kwnames_tuple(set);
    PyObject *r = PyObject_Vectorcall(f, stack, (size_t)set->nargs, kwnames);
    Py_XDECREF(kwnames);
    return r;
}

static PyObject *via_vectorcall_offset(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *slots[4] = {NULL};
    fill_stack(set, slots + 1);
    PyObject *kwnames = kwnames_tuple(set);
    PyObject *r = PyObject_Vectorcall(f, slots + 1, (size_t)set->nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_XDECREF(kwnames);
    return r;
}

static PyObject *via_vectorcall_dict(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *stack[3];
    fill_stack(set, stack);
    PyObject *d = kwargs_dict(set);
    PyObject *r = PyObject_VectorcallDict(f, stack, (size_t)set->nargs, d);
    Py_XDECREF(d);
    return r;
}

static PyObject *via_pyvectorcall_call(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *t = args_tuple(set), *d = kwargs_dict(set);
    PyObject *r = PyVectorcall_Call(f, t, d);
    Py_DECREF(t);
    Py_XDECREF(d);
    return r;
}

static PyObject *via_cfunction_call(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *t = args_tuple(set), *d = kwargs_dict(set);
/* deprecated since 3.9, still exported and used */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    PyObject *r = PyCFunction_Call(f, t, d);
#pragma GCC diagnostic pop
    Py_DECREF(t);
    Py_XDECREF(d);
    return r;
}

static PyObject *via_call_function(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->keyword) {
        return UNSUPPORTED;
    }
    switch (set->nargs) {
    case 0: return PyObject_CallFunction(f, NULL);
    case 1: return PyObject_CallFunction(f, "i", 10);
    default: return PyObject_CallFunction(f, "ii", 10, 20);
    }
}

static PyObject *via_call_function_obj_args(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->keyword) {
        return UNSUPPORTED;
    }
    switch (set->nargs) {
    case 0: return PyObject_CallFunctionObjArgs(f, NULL);
    case 1: return PyObject_CallFunctionObjArgs(f, ten, NULL);
    default: return PyObject_CallFunctionObjArgs(f, ten, twenty, NULL);
    }
}

static PyObject *via_call_method(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->keyword) {
        return UNSUPPORTED;
    }
    switch (set->nargs) {
    case 0: return PyObject_CallMethod(module, name, NULL);
    case 1: return PyObject_CallMethod(module, name, "O", ten);
    default: return PyObject_CallMethod(module, name, "OO", ten, twenty);
    }
}

static PyObject *via_call_method_obj_args(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->keyword) {
        return UNSUPPORTED;
    }
    PyObject *n = PyUnicode_FromString(name), *r;
    switch (set->nargs) {
    case 0: r = PyObject_CallMethodObjArgs(module, n, NULL); break;
    case 1: r = PyObject_CallMethodObjArgs(module, n, ten, NULL); break;
    default: r = PyObject_CallMethodObjArgs(module, n, ten, twenty, NULL); break;
    }
    Py_DECREF(n);
    return r;
}

static PyObject *via_call_method_no_args(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->nargs != 0 || set->keyword) {
        return UNSUPPORTED;
    }
    PyObject *n = PyUnicode_FromString(name);
    PyObject *r = PyObject_CallMethodNoArgs(module, n);
    Py_DECREF(n);
    return r;
}

static PyObject *via_call_method_one_arg(PyObject *f, const char *name, const ArgSet *set)
{
    if (set->nargs != 1 || set->keyword) {
        return UNSUPPORTED;
    }
    PyObject *n = PyUnicode_FromString(name);
    PyObject *r = PyObject_CallMethodOneArg(module, n, ten);
    Py_DECREF(n);
    return r;
}

static PyObject *via_vectorcall_method(PyObject *f, const char *name, const ArgSet *set)
{
    PyObject *stack[4];
    stack[0] = module;
    fill_stack(set, stack + 1);
    PyObject *n = PyUnicode_FromString(name), *kwnames = kwnames_tuple(set);
    PyObject *r = PyObject_VectorcallMethod(n, stack, (size_t)(set->nargs + 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_XDECREF(kwnames);
    Py_DECREF(n);
    return r;
}

static const struct {
    const char *label;
    Entry call;
} entries[] = {
    {"PyObject_Call", via_call},
    {"PyObject_CallObject", via_call_object},
    {"PyObject_CallObject(NULL)", via_call_object_null},
    {"PyObject_CallNoArgs", via_call_no_args},
    {"PyObject_CallOneArg", via_call_one_arg},
    {"PyObject_Vectorcall", via_vectorcall},
    {"PyObject_Vectorcall+OFFSET", via_vectorcall_offset},
    {"PyObject_VectorcallDict", via_vectorcall_dict},
    {"PyVectorcall_Call", via_pyvectorcall_call},
    {"PyCFunction_Call", via_cfunction_call},
    {"PyObject_CallFunction", via_call_function},
    {"PyObject_CallFunctionObjArgs", via_call_function_obj_args},
    {"PyObject_CallMethod", via_call_method},
    {"PyObject_CallMethodObjArgs", via_call_method_obj_args},
    {"PyObject_CallMethodNoArgs", via_call_method_no_args},
    {"PyObject_CallMethodOneArg", via_call_method_one_arg},
    {"PyObject_VectorcallMethod", via_vectorcall_method},
};

#define ENTRY_COUNT (sizeof entries / sizeof entries[0])
#define SET_COUNT (sizeof arg_sets / sizeof arg_sets[0])

/* Every entry point with every argument set it can pass. */
static void call_everywhere(const char *name)
{
    PyObject *f = PyObject_GetAttrString(module, name);
    for (size_t e = 0; e < ENTRY_COUNT; e++) {
        for (size_t s = 0; s < SET_COUNT; s++) {
            PyObject *r = entries[e].call(f, name, &arg_sets[s]);
            if (r == NULL && !PyErr_Occurred()) {
                continue; /* not expressible through this entry point */
            }
            char label[160];
            snprintf(label, sizeof label, "%s%s via %s", name, arg_sets[s].label, entries[e].label);
            show_new(label, r);
        }
    }
    Py_DECREF(f);
}

/* A result that may break the rules: the value (its repr) or NULL, then the pending
   exception and its __cause__. */
static void show_broken(const char *label, PyObject *r)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    printf("%s: ", label);
    if (r == NULL) {
        printf("NULL");
    } else {
        PyObject *repr = PyObject_Repr(r);
        conf_write_str(repr);
        Py_XDECREF(repr);
        Py_DECREF(r);
    }
    if (type == NULL) {
        printf(", no exception\n");
        return;
    }
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *cause = PyException_GetCause(value);
    PyErr_Restore(type, value, tb);
    printf(", ");
    conf_write_exc();
    if (cause != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(cause), cause);
        printf(", caused by ");
        conf_write_exc();
        Py_DECREF(cause);
    }
    printf("\n");
}

static void broken_results(void)
{
    PyObject *null_onearg = PyObject_GetAttrString(module, "null_onearg");
    PyObject *null_noargs = PyObject_GetAttrString(module, "null_noargs");
    PyObject *null_fastcall = PyObject_GetAttrString(module, "null_fastcall");
    PyObject *null_varargs = PyObject_GetAttrString(module, "null_varargs");
    PyObject *value_with_error = PyObject_GetAttrString(module, "value_with_error");
    const ArgSet *one = &arg_sets[1], *keyword = &arg_sets[3];

    show_broken("null_onearg via PyObject_CallOneArg", PyObject_CallOneArg(null_onearg, ten));
    show_broken("null_onearg via PyObject_Vectorcall", via_vectorcall(null_onearg, "null_onearg", one));
    show_broken("null_onearg via PyObject_VectorcallDict", via_vectorcall_dict(null_onearg, "null_onearg", one));
    show_broken("null_onearg via PyObject_Call", via_call(null_onearg, "null_onearg", one));
    show_broken("null_onearg via PyVectorcall_Call", via_pyvectorcall_call(null_onearg, "null_onearg", one));
    show_broken("null_onearg via PyObject_CallFunction", via_call_function(null_onearg, "null_onearg", one));
    show_broken("null_onearg via PyObject_CallMethodOneArg", via_call_method_one_arg(null_onearg, "null_onearg", one));
    show_broken("null_noargs via PyObject_CallNoArgs", PyObject_CallNoArgs(null_noargs));
    show_broken("null_noargs via PyObject_CallObject(NULL)", PyObject_CallObject(null_noargs, NULL));
    show_broken("null_fastcall via PyObject_Vectorcall", via_vectorcall(null_fastcall, "null_fastcall", one));
    show_broken("null_fastcall via PyObject_Call", via_call(null_fastcall, "null_fastcall", one));
    show_broken("null_varargs via PyObject_Call", via_call(null_varargs, "null_varargs", one));
    show_broken("null_varargs via PyObject_CallOneArg", PyObject_CallOneArg(null_varargs, ten));
    show_broken("null_varargs via PyCFunction_Call", via_cfunction_call(null_varargs, "null_varargs", one));
    show_broken("null_varargs(10, k=30) via PyObject_Vectorcall", via_vectorcall(null_varargs, "null_varargs", keyword));

    show_broken("value_with_error via PyObject_CallOneArg", PyObject_CallOneArg(value_with_error, ten));
    show_broken("value_with_error via PyObject_Vectorcall", via_vectorcall(value_with_error, "value_with_error", one));
    show_broken("value_with_error via PyObject_Call", via_call(value_with_error, "value_with_error", one));
    show_broken("value_with_error via PyObject_CallFunction", via_call_function(value_with_error, "value_with_error", one));

    Py_DECREF(null_onearg);
    Py_DECREF(null_noargs);
    Py_DECREF(null_fastcall);
    Py_DECREF(null_varargs);
    Py_DECREF(value_with_error);
}

static void keyword_shapes(void)
{
    PyObject *varargs_kw = PyObject_GetAttrString(module, "varargs_kw");
    PyObject *fastcall_kw = PyObject_GetAttrString(module, "fastcall_kw");
    PyObject *varargs = PyObject_GetAttrString(module, "varargs");
    PyObject *received = PyObject_GetAttrString(module, "received");
    PyObject *t = PyTuple_Pack(1, ten);
    PyObject *d = Py_BuildValue("{sO}", "k", thirty);
    PyObject *empty = PyDict_New();
    PyObject *int_keys = Py_BuildValue("{iO}", 1, thirty);

    show_new("varargs_kw via PyObject_Call", PyObject_Call(varargs_kw, t, d));
    PyObject *pair[] = {t, d};
    show_new("varargs_kw received the caller's tuple and dict", PyObject_Vectorcall(received, pair, 2, NULL));
    show_new("varargs_kw with an empty dict", PyObject_Call(varargs_kw, t, empty));
    show_new("varargs with an empty dict", PyObject_Call(varargs, t, empty));
    show_new("varargs_kw with int keys", PyObject_Call(varargs_kw, t, int_keys));
    show_new("fastcall_kw with int keys via PyObject_Call", PyObject_Call(fastcall_kw, t, int_keys));
    show_new("fastcall_kw with int keys via VectorcallDict", PyObject_VectorcallDict(fastcall_kw, &ten, 1, int_keys));
    show_new("fastcall_kw with an empty dict", PyObject_VectorcallDict(fastcall_kw, &ten, 1, empty));
    PyObject *empty_names = PyTuple_New(0);
    show_new("fastcall_kw with empty kwnames", PyObject_Vectorcall(fastcall_kw, &ten, 1, empty_names));
    show_new("varargs with empty kwnames", PyObject_Vectorcall(varargs, &ten, 1, empty_names));
    show_new("CallObject with a dict as args", PyObject_CallObject(varargs, int_keys));

    Py_DECREF(empty_names);
    Py_DECREF(int_keys);
    Py_DECREF(empty);
    Py_DECREF(d);
    Py_DECREF(t);
    Py_DECREF(received);
    Py_DECREF(varargs);
    Py_DECREF(fastcall_kw);
    Py_DECREF(varargs_kw);
}

/* ---- Types ---- */

static PyObject *counter_type, *value_of, *deallocs;

static long dealloc_count(void)
{
    PyObject *n = PyObject_CallNoArgs(deallocs);
    long v = PyLong_AsLong(n);
    Py_DECREF(n);
    return v;
}

/* An instance by its type's tp_name, and a Counter's value; or the error. */
static void show_instance(const char *label, PyObject *obj)
{
    if (obj == NULL) {
        show(label, NULL);
        return;
    }
    printf("%s: a %s", label, Py_TYPE(obj)->tp_name);
    if (PyObject_TypeCheck(obj, (PyTypeObject *)counter_type)) {
        PyObject *v = PyObject_CallOneArg(value_of, obj);
        printf(" with value %ld", PyLong_AsLong(v));
        Py_XDECREF(v);
    }
    printf("\n");
    check_no_exc(label);
    Py_DECREF(obj);
}

static void type_calls(void)
{
    PyObject *plain = PyObject_GetAttrString(module, "Plain");
    PyObject *sub = PyObject_GetAttrString(module, "SubCounter");
    PyObject *three[] = {ten, twenty, thirty};
    PyObject *kwnames = PyTuple_Pack(1, k_name);
    PyObject *kwargs = Py_BuildValue("{sO}", "k", thirty);
    PyObject *fail = Py_BuildValue("{sO}", "fail", Py_True);
    PyObject *args1 = PyTuple_Pack(1, ten);

    show_instance("Plain()", PyObject_CallNoArgs(plain));
    show_instance("Plain(10)", PyObject_CallOneArg(plain, ten));
    show_instance("Plain(10, k=30) via PyObject_Call", PyObject_Call(plain, args1, kwargs));
    show_instance("Plain(10, k=30) via PyObject_Vectorcall", PyObject_Vectorcall(plain, three, 1, kwnames));
    show_instance("Plain(10, 20) via PyObject_CallFunction", PyObject_CallFunction(plain, "ii", 10, 20));

    show_instance("Counter()", PyObject_CallNoArgs(counter_type));
    show_instance("Counter(10, 20, 30) via PyObject_Vectorcall", PyObject_Vectorcall(counter_type, three, 3, NULL));
    show_instance("Counter(10, 20) via PyObject_CallFunction", PyObject_CallFunction(counter_type, "ii", 10, 20));
    show_instance("Counter(10) via PyObject_CallObject", PyObject_CallObject(counter_type, args1));
    show_instance("Counter(10, k=30) via PyObject_VectorcallDict", PyObject_VectorcallDict(counter_type, three, 1, kwargs));
    long before = dealloc_count();
    show_instance("Counter(10, fail=True)", PyObject_Call(counter_type, args1, fail));
    printf("instances dropped by the failed __init__: %ld\n", dealloc_count() - before);
    show_instance("SubCounter(10, 20) via PyObject_CallFunction", PyObject_CallFunction(sub, "ii", 10, 20));
    show_instance("SubCounter(10) via PyObject_CallOneArg", PyObject_CallOneArg(sub, ten));
    before = dealloc_count();
    show_instance("SubCounter(10, fail=True)", PyObject_Call(sub, args1, fail));
    printf("instances dropped by the failed inherited __init__: %ld\n", dealloc_count() - before);
    before = dealloc_count();
    for (int i = 0; i < 100; i++) {
        Py_XDECREF(PyObject_CallOneArg(counter_type, ten));
    }
    printf("Counter instances freed at their last Py_DECREF (of 100): %ld\n", dealloc_count() - before);

    const char *names[] = {"NoNew", "Disallowed", "NotInstance", "NullNew"};
    for (int i = 0; i < 4; i++) {
        PyObject *type = PyObject_GetAttrString(module, names[i]);
        char label[64];
        snprintf(label, sizeof label, "%s()", names[i]);
        show_new(label, PyObject_CallNoArgs(type));
        snprintf(label, sizeof label, "%s(10) via PyObject_Call", names[i]);
        show_new(label, PyObject_Call(type, args1, NULL));
        Py_DECREF(type);
    }
    show_new("type(10)", PyObject_CallOneArg((PyObject *)&PyType_Type, ten));

    Py_DECREF(args1);
    Py_DECREF(fail);
    Py_DECREF(kwargs);
    Py_DECREF(kwnames);
    Py_DECREF(sub);
    Py_DECREF(plain);
}

/* Instances called through tp_call, through their own vectorcall, and methods. */
static void instance_calls(void)
{
    PyObject *tp_call_type = PyObject_GetAttrString(module, "TpCall");
    PyObject *vector_type = PyObject_GetAttrString(module, "Vector");
    PyObject *holder_type = PyObject_GetAttrString(module, "Holder");
    PyObject *callable = PyObject_CallNoArgs(tp_call_type);
    PyObject *vector = PyObject_CallNoArgs(vector_type);
    PyObject *holder = PyObject_CallNoArgs(holder_type);
    PyObject *varargs = PyObject_GetAttrString(module, "varargs");
    PyObject *onearg = PyObject_GetAttrString(module, "onearg");

    for (size_t s = 0; s < SET_COUNT; s++) {
        char label[96];
        snprintf(label, sizeof label, "TpCall instance%s via PyObject_Vectorcall", arg_sets[s].label);
        show_new(label, via_vectorcall(callable, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "TpCall instance%s via PyObject_Call", arg_sets[s].label);
        show_new(label, via_call(callable, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "Vector instance%s via PyObject_Vectorcall", arg_sets[s].label);
        show_new(label, via_vectorcall(vector, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "Vector instance%s via PyObject_Call", arg_sets[s].label);
        show_new(label, via_call(vector, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "Vector instance%s via PyObject_VectorcallDict", arg_sets[s].label);
        show_new(label, via_vectorcall_dict(vector, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "Vector instance%s via PyVectorcall_Call", arg_sets[s].label);
        show_new(label, via_pyvectorcall_call(vector, NULL, &arg_sets[s]));
    }
    printf("PyVectorcall_Function: Vector instance %d, TpCall instance %d, METH_O %d, METH_VARARGS %d\n",
           PyVectorcall_Function(vector) != NULL, PyVectorcall_Function(callable) != NULL,
           PyVectorcall_Function(onearg) != NULL, PyVectorcall_Function(varargs) != NULL);
    show_new("PyVectorcall_Call(TpCall instance)", via_pyvectorcall_call(callable, NULL, &arg_sets[1]));

    PyObject *with_class = PyObject_GetAttrString(holder, "with_class");
    for (size_t s = 0; s < SET_COUNT; s++) {
        char label[96];
        snprintf(label, sizeof label, "holder.with_class%s via PyObject_Vectorcall", arg_sets[s].label);
        show_new(label, via_vectorcall(with_class, NULL, &arg_sets[s]));
        snprintf(label, sizeof label, "holder.with_class%s via PyObject_Call", arg_sets[s].label);
        show_new(label, via_call(with_class, NULL, &arg_sets[s]));
    }
    show_new("CallMethod(holder, 'with_class', 'i')", PyObject_CallMethod(holder, "with_class", "i", 10));
    PyObject *name = PyUnicode_FromString("onearg");
    show_new("CallMethodOneArg(holder, 'onearg')", PyObject_CallMethodOneArg(holder, name, ten));
    show_new("CallMethodNoArgs(holder, 'onearg')", PyObject_CallMethodNoArgs(holder, name));
    PyObject *stack[] = {holder, ten, twenty};
    show_new("VectorcallMethod(holder.onearg, 2 args)", PyObject_VectorcallMethod(name, stack, 3, NULL));
    PyObject *descriptor = PyObject_GetAttrString(holder_type, "onearg");
    show_new("Holder.onearg(holder, 10)", PyObject_CallFunction(descriptor, "Oi", holder, 10));
    show_new("Holder.onearg(10, 10)", PyObject_CallFunction(descriptor, "ii", 10, 10));

    Py_DECREF(descriptor);
    Py_DECREF(name);
    Py_DECREF(with_class);
    Py_DECREF(onearg);
    Py_DECREF(varargs);
    Py_DECREF(holder);
    Py_DECREF(vector);
    Py_DECREF(callable);
    Py_DECREF(holder_type);
    Py_DECREF(vector_type);
    Py_DECREF(tp_call_type);
}

/* References: a call from C to C leaves its arguments' counts as they were, and the
   objects it makes stay C objects (no managed twins). */
static void references(void)
{
    const char *functions[] = {"onearg", "fastcall", "fastcall_kw", "varargs", "varargs_kw"};
    PyObject *arg = PyLong_FromLong(1234567);
    Py_ssize_t before = Py_REFCNT(arg);
    Py_ssize_t pairs = conf_live_pairs();
    for (int i = 0; i < 5; i++) {
        PyObject *f = PyObject_GetAttrString(module, functions[i]);
        PyObject *t = PyTuple_Pack(1, arg);
        for (int n = 0; n < 10; n++) {
            Py_XDECREF(PyObject_Call(f, t, NULL));
            Py_XDECREF(PyObject_Vectorcall(f, &arg, 1, NULL));
            Py_XDECREF(PyObject_CallOneArg(f, arg));
        }
        Py_DECREF(t);
        Py_DECREF(f);
    }
    for (int n = 0; n < 100; n++) {
        Py_XDECREF(PyObject_CallOneArg(counter_type, arg));
    }
    check_no_exc("references");
    printf("refcount delta of an argument after 150 calls and 100 instances: %zd\n", Py_REFCNT(arg) - before);
    /* trivially 0 under CPython, which has no managed twins */
    printf("managed twins made by those calls: %zd\n", conf_live_pairs() - pairs);
    Py_DECREF(arg);
}

/* A built-in implemented by the runtime (max) calling C functions as its key. */
static void builtin_calls_c(void)
{
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *max = PyObject_GetAttrString(builtins, "max");
    PyObject *args = PyTuple_Pack(2, ten, twenty);
    const char *keys[] = {"onearg", "varargs", "fastcall_kw", "noargs", "null_onearg", "null_varargs", "value_with_error"};
    for (int i = 0; i < 7; i++) {
        PyObject *key = PyObject_GetAttrString(module, keys[i]);
        PyObject *kwargs = Py_BuildValue("{sO}", "key", key);
        char label[64];
        snprintf(label, sizeof label, "max(10, 20, key=%s)", keys[i]);
        show_broken(label, PyObject_Call(max, args, kwargs));
        Py_DECREF(kwargs);
        Py_DECREF(key);
    }
    Py_DECREF(args);
    Py_DECREF(max);
    Py_DECREF(builtins);
}

static void recursion(void)
{
    PyObject *recurse = PyObject_GetAttrString(module, "recurse");
    PyObject *reached = PyObject_GetAttrString(module, "recursion_reached");
    show_new("recurse(recurse)", PyObject_CallOneArg(recurse, recurse));
    show_new("depth reached", PyObject_CallNoArgs(reached));
    Py_DECREF(reached);
    Py_DECREF(recurse);
}

int main(void)
{
    conf_init();
    module = conf_import("callees");
    if (module == NULL) {
        return conf_end();
    }
    ten = PyLong_FromLong(10);
    twenty = PyLong_FromLong(20);
    thirty = PyLong_FromLong(30);
    k_name = PyUnicode_FromString("k");
    counter_type = PyObject_GetAttrString(module, "Counter");
    value_of = PyObject_GetAttrString(module, "value_of");
    deallocs = PyObject_GetAttrString(module, "deallocs");

    const char *conventions[] = {"noargs", "onearg", "fastcall", "fastcall_kw", "varargs", "varargs_kw"};
    for (int i = 0; i < 6; i++) {
        call_everywhere(conventions[i]);
    }
    broken_results();
    keyword_shapes();
    type_calls();
    instance_calls();
    references();
    builtin_calls_c();
    recursion();

    Py_DECREF(deallocs);
    Py_DECREF(value_of);
    Py_DECREF(counter_type);
    Py_DECREF(k_name);
    Py_DECREF(thirty);
    Py_DECREF(twenty);
    Py_DECREF(ten);
    Py_DECREF(module);
    return conf_end();
}
