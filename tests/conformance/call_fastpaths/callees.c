/* The callees of call_fastpaths: one module function per calling convention, functions
   that break the result rules, and C types called to make instances. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

/* ---- One function per convention: each returns what it received ---- */

static PyObject *noargs(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString(unused == NULL ? "noargs: arg NULL" : "noargs: arg not NULL");
}

static PyObject *onearg(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(sO)", "onearg", arg);
}

static PyObject *stack_tuple(PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = PyTuple_New(nargs);
    for (Py_ssize_t i = 0; t != NULL && i < nargs; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(args[i]));
    }
    return t;
}

static PyObject *fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = stack_tuple(args, nargs);
    return t == NULL ? NULL : Py_BuildValue("(sN)", "fastcall", t);
}

/* (positional, kwnames or None, keyword values) */
static PyObject *fastcall_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *pos = stack_tuple(args, nargs);
    PyObject *values = stack_tuple(args + nargs, nkw);
    if (pos == NULL || values == NULL) {
        Py_XDECREF(pos);
        Py_XDECREF(values);
        return NULL;
    }
    return Py_BuildValue("(sNON)", "fastcall_kw", pos, kwnames == NULL ? Py_None : kwnames, values);
}

static PyObject *varargs(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(sO)", "varargs", args);
}

static PyObject *last_args, *last_kwargs; /* borrowed: what varargs_kw last received */

static PyObject *varargs_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    last_args = args;
    last_kwargs = kwargs;
    return Py_BuildValue("(sOO)", "varargs_kw", args, kwargs == NULL ? Py_None : kwargs);
}

/* ---- Breaking the result rules ---- */

static PyObject *null_onearg(PyObject *self, PyObject *arg) { return NULL; }
static PyObject *null_noargs(PyObject *self, PyObject *unused) { return NULL; }
static PyObject *null_fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return NULL; }
static PyObject *null_varargs(PyObject *self, PyObject *args) { return NULL; }

static PyObject *value_with_error(PyObject *self, PyObject *arg)
{
    PyErr_SetString(PyExc_ValueError, "set by value_with_error");
    return Py_NewRef(arg);
}

/* Calls itself through PyObject_CallOneArg until the call fails; returns the depth it
   reached (an int), with the error left set. */
static long recursion_depth;

static PyObject *recurse(PyObject *self, PyObject *func)
{
    recursion_depth++;
    return PyObject_CallOneArg(func, func);
}

static PyObject *recursion_reached(PyObject *self, PyObject *unused)
{
    long depth = recursion_depth;
    recursion_depth = 0;
    return PyLong_FromLong(depth);
}

/* ---- Types ---- */

static long deallocs; /* tp_dealloc calls of Counter and its subtype */

typedef struct {
    PyObject_HEAD
    long value;
} Counter;

static void counter_dealloc(PyObject *self)
{
    deallocs++;
    Py_TYPE(self)->tp_free(self);
}

/* value = sum of the positional ints; a keyword 'fail' makes it raise. */
static int counter_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GetItemString(kwargs, "fail") != NULL) {
        PyErr_SetString(PyExc_ValueError, "Counter.__init__ failed");
        return -1;
    }
    long sum = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        sum += PyLong_AsLong(PyTuple_GET_ITEM(args, i));
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    ((Counter *)self)->value = sum;
    return 0;
}

static PyTypeObject Counter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.Counter",
    .tp_basicsize = sizeof(Counter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_dealloc = counter_dealloc,
    .tp_init = counter_init,
    .tp_new = PyType_GenericNew,
};

/* No tp_new, no tp_init: both inherited from Counter. */
static PyTypeObject SubCounter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.SubCounter",
    .tp_basicsize = sizeof(Counter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Counter_Type,
};

/* tp_new without tp_init: object's __init__ ignores the arguments. */
static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.Plain",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject NoNew_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.NoNew",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyTypeObject Disallowed_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.Disallowed",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_new = PyType_GenericNew,
};

/* tp_new returns an int: tp_init (which would fail) is not called. */
static PyObject *not_instance_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    return PyLong_FromLong(7);
}

static int failing_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyErr_SetString(PyExc_RuntimeError, "tp_init must not run");
    return -1;
}

static PyTypeObject NotInstance_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.NotInstance",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_init = failing_init,
    .tp_new = not_instance_new,
};

static PyObject *null_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) { return NULL; }

static PyTypeObject NullNew_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.NullNew",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = null_new,
};

/* Instances callable through tp_call: return (args, kwargs or None). */
static PyObject *tuple_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return Py_BuildValue("(sOO)", "tp_call", args, kwargs == NULL ? Py_None : kwargs);
}

static PyTypeObject TpCall_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.TpCall",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_call = tuple_call,
    .tp_new = PyType_GenericNew,
};

/* Instances with their own vectorcall (and tp_call through it, as CPython requires). */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
} Vector;

static PyObject *vector_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *pos = stack_tuple(args, nargs);
    PyObject *values = stack_tuple(args + nargs, nkw);
    if (pos == NULL || values == NULL) {
        Py_XDECREF(pos);
        Py_XDECREF(values);
        return NULL;
    }
    return Py_BuildValue("(sNON)", "vectorcall", pos, kwnames == NULL ? Py_None : kwnames, values);
}

static PyObject *vector_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    Vector *self = (Vector *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->vectorcall = vector_vectorcall;
    }
    return (PyObject *)self;
}

static PyTypeObject Vector_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.Vector",
    .tp_basicsize = sizeof(Vector),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_vectorcall_offset = offsetof(Vector, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_new = vector_new,
};

/* A method with the defining class (METH_METHOD): returns (class name, args, kwnames). */
static PyObject *with_class(PyObject *self, PyTypeObject *cls, PyObject *const *args, size_t nargs, PyObject *kwnames)
{
    PyObject *pos = stack_tuple(args, (Py_ssize_t)nargs + (kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames)));
    return pos == NULL ? NULL : Py_BuildValue("(ssNO)", "with_class", cls->tp_name, pos, kwnames == NULL ? Py_None : kwnames);
}

static PyObject *bound_onearg(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(ssO)", "bound_onearg", Py_TYPE(self)->tp_name, arg);
}

static PyMethodDef holder_methods[] = {
    {"with_class", (PyCFunction)(void (*)(void))with_class, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"onearg", bound_onearg, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Holder_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "callees.Holder",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = holder_methods,
    .tp_new = PyType_GenericNew,
};

/* ---- Module ---- */

static PyObject *value_of(PyObject *self, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, &Counter_Type)) {
        PyErr_SetString(PyExc_TypeError, "not a Counter");
        return NULL;
    }
    return PyLong_FromLong(((Counter *)obj)->value);
}

static PyObject *get_deallocs(PyObject *self, PyObject *unused) { return PyLong_FromLong(deallocs); }

/* 1 if varargs_kw last received exactly these objects as its tuple and dict. */
static PyObject *received(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return PyBool_FromLong(nargs == 2 && last_args == args[0] && last_kwargs == args[1]);
}

static PyMethodDef methods[] = {
    {"noargs", noargs, METH_NOARGS, NULL},
    {"onearg", onearg, METH_O, NULL},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL, NULL},
    {"fastcall_kw", (PyCFunction)(void (*)(void))fastcall_kw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"varargs", varargs, METH_VARARGS, NULL},
    {"varargs_kw", (PyCFunction)(void (*)(void))varargs_kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"null_onearg", null_onearg, METH_O, NULL},
    {"null_noargs", null_noargs, METH_NOARGS, NULL},
    {"null_fastcall", (PyCFunction)(void (*)(void))null_fastcall, METH_FASTCALL, NULL},
    {"null_varargs", null_varargs, METH_VARARGS, NULL},
    {"value_with_error", value_with_error, METH_O, NULL},
    {"recurse", recurse, METH_O, NULL},
    {"recursion_reached", recursion_reached, METH_NOARGS, NULL},
    {"value_of", value_of, METH_O, NULL},
    {"deallocs", get_deallocs, METH_NOARGS, NULL},
    {"received", (PyCFunction)(void (*)(void))received, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "callees", NULL, -1, methods};

static int add_type(PyObject *m, const char *name, PyTypeObject *type)
{
    return PyType_Ready(type) < 0 || PyModule_AddObjectRef(m, name, (PyObject *)type) < 0 ? -1 : 0;
}

PyMODINIT_FUNC PyInit_callees(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) {
        return NULL;
    }
    if (add_type(m, "Counter", &Counter_Type) < 0 || add_type(m, "SubCounter", &SubCounter_Type) < 0 ||
        add_type(m, "Plain", &Plain_Type) < 0 || add_type(m, "NoNew", &NoNew_Type) < 0 ||
        add_type(m, "Disallowed", &Disallowed_Type) < 0 || add_type(m, "NotInstance", &NotInstance_Type) < 0 ||
        add_type(m, "NullNew", &NullNew_Type) < 0 || add_type(m, "TpCall", &TpCall_Type) < 0 ||
        add_type(m, "Vector", &Vector_Type) < 0 || add_type(m, "Holder", &Holder_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
