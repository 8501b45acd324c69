/* PyType_Ready on static types: a base filling many slots, subclasses inheriting them (a
   protocol table shared or completed, the hash/richcompare pair, GC support), the slot
   wrappers in the type's dict called by name and unbound, __new__, __doc__/__module__/
   __qualname__/__mro__, and the ways PyType_Ready fails. */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    long v;
} ValObject;

static PyObject *val_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    ValObject *self = (ValObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->v = 0;
    }
    return (PyObject *)self;
}

static int val_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"v", NULL};
    long v = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|l:Val", kwlist, &v)) {
        return -1;
    }
    ((ValObject *)self)->v = v;
    return 0;
}

static long V(PyObject *o) { return ((ValObject *)o)->v; }

static PyObject *val_repr(PyObject *self) { return PyUnicode_FromFormat("Val(%ld)", V(self)); }
static PyObject *val_str(PyObject *self) { return PyUnicode_FromFormat("val %ld", V(self)); }
static Py_hash_t val_hash(PyObject *self) { return V(self) == -1 ? -2 : V(self) * 7; }

static PyObject *val_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(b, Py_TYPE(a)) && !PyObject_TypeCheck(a, Py_TYPE(b))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_RETURN_RICHCOMPARE(V(a), V(b), op);
}

static PyObject *val_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    return Py_BuildValue("(lOO)", V(self), args, kwds ? kwds : Py_None);
}

static PyObject *val_iter(PyObject *self) { return Py_NewRef(self); }

/* Counts down to 0, then ends without an exception. */
static PyObject *val_iternext(PyObject *self)
{
    if (V(self) <= 0) {
        return NULL;
    }
    return PyLong_FromLong(((ValObject *)self)->v--);
}

static PyObject *val_add(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyLong_FromLong(V(a) * 100 + PyLong_AsLong(b));
}

/* Both operand orders reach here; says which one was the Val. */
static PyObject *val_subtract(PyObject *a, PyObject *b)
{
    return PyUnicode_FromFormat("sub(%R, %R)", a, b);
}

static PyObject *val_power(PyObject *a, PyObject *b, PyObject *c)
{
    return PyUnicode_FromFormat("pow(%R, %R, %R)", a, b, c);
}

/* A descriptor's __get__: says what it received. */
static PyObject *val_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    return PyUnicode_FromFormat("get(%s, %s)", obj ? Py_TYPE(obj)->tp_name : "NULL",
                                type ? ((PyTypeObject *)type)->tp_name : "NULL");
}

static PyObject *val_negative(PyObject *self) { return PyLong_FromLong(-V(self)); }
static int val_bool(PyObject *self) { return V(self) != 0; }
static PyObject *val_index(PyObject *self) { return PyLong_FromLong(V(self)); }
static PyObject *val_float(PyObject *self) { return PyFloat_FromDouble(V(self) + 0.5); }

static Py_ssize_t val_length(PyObject *self)
{
    if (V(self) < 0) {
        PyErr_SetString(PyExc_ValueError, "negative length");
        return -1;
    }
    return V(self);
}

static PyObject *val_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= V(self)) {
        PyErr_Format(PyExc_IndexError, "Val index %zd out of range", i);
        return NULL;
    }
    return PyLong_FromSsize_t(i * 10);
}

static int val_contains(PyObject *self, PyObject *x)
{
    long n = PyLong_AsLong(x);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    return n >= 0 && n < V(self) * 10 && n % 10 == 0;
}

static PyObject *val_twice(PyObject *self, PyObject *unused) { return PyLong_FromLong(V(self) * 2); }

static PyNumberMethods val_as_number = {
    .nb_add = val_add,
    .nb_subtract = val_subtract,
    .nb_power = val_power,
    .nb_negative = val_negative,
    .nb_bool = val_bool,
    .nb_index = val_index,
    .nb_float = val_float,
};

static PySequenceMethods val_as_sequence = {
    .sq_length = val_length,
    .sq_item = val_item,
    .sq_contains = val_contains,
};

static PyMethodDef val_methods[] = {
    {"twice", val_twice, METH_NOARGS, "twice the value"},
    {NULL},
};

static PyTypeObject Val_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Val",
    .tp_basicsize = sizeof(ValObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Val(v=0)\n--\n\nA value filling many slots.",
    .tp_new = val_new,
    .tp_init = val_init,
    .tp_repr = val_repr,
    .tp_str = val_str,
    .tp_hash = val_hash,
    .tp_richcompare = val_richcompare,
    .tp_call = val_call,
    .tp_iter = val_iter,
    .tp_iternext = val_iternext,
    .tp_descr_get = val_descr_get,
    .tp_as_number = &val_as_number,
    .tp_as_sequence = &val_as_sequence,
    .tp_methods = val_methods,
};

/* Inherits everything but its repr; no tables of its own (shares the base's). */
static PyObject *sub_repr(PyObject *self) { return PyUnicode_FromFormat("Sub(%ld)", V(self)); }

static PyTypeObject Sub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Sub",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A subclass.",
    .tp_base = &Val_Type,
    .tp_repr = sub_repr,
};

/* Its own number table, with only nb_negative: the rest is filled from the base's. */
static PyObject *neg_negative(PyObject *self) { return PyUnicode_FromString("negated"); }
static PyNumberMethods neg_as_number = {.nb_negative = neg_negative};
static Py_hash_t neg_hash(PyObject *self) { return 5; }

static PyTypeObject Neg_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Neg",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &Val_Type,
    .tp_as_number = &neg_as_number,
    .tp_hash = neg_hash,
};

/* Readied through Leaf: PyType_Ready readies a base first. */
static PyTypeObject Mid_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Mid",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &Neg_Type,
};

static PyTypeObject Leaf_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Leaf",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Mid_Type,
};

/* GC support inherited with the traverse/clear pair. */
static int gc_traverse(PyObject *self, visitproc visit, void *arg) { return 0; }
static int gc_clear(PyObject *self) { return 0; }

static PyTypeObject GcBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.GcBase",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
};

static PyTypeObject GcSub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.GcSub",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &GcBase_Type,
};

/* Directly below object without a tp_new: cannot be instantiated. */
static PyTypeObject NoNew_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.NoNew",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Compares but does not hash: unhashable, __hash__ None. Also a finalizer and an await slot. */
static void cmp_finalize(PyObject *self) {}
static PyObject *cmp_await(PyObject *self) { return PyUnicode_FromString("awaited"); }
static PyAsyncMethods cmp_as_async = {.am_await = cmp_await};

static PyTypeObject Cmp_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.Cmp",
    .tp_basicsize = sizeof(ValObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = val_new,
    .tp_richcompare = val_richcompare,
    .tp_finalize = cmp_finalize,
    .tp_as_async = &cmp_as_async,
};

/* Unhashable by its own tp_hash. */
static PyTypeObject NoHash_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.NoHash",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_hash = PyObject_HashNotImplemented,
};

/* Below a base without Py_TPFLAGS_BASETYPE: only class statements (type_new) check it. */
static PyTypeObject BelowFinal_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.BelowFinal",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Sub_Type,
};

static PyObject *both(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }

static PyMethodDef both_methods[] = {
    {"both", both, METH_NOARGS | METH_CLASS | METH_STATIC, NULL},
    {NULL},
};

static PyTypeObject BadMethod_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.BadMethod",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = both_methods,
};

/* Its base fails to be readied, so it fails too. */
static PyTypeObject BadMethodSub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "readymod.BadMethodSub",
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &BadMethod_Type,
};

static void show_ready(const char *label, PyTypeObject *type)
{
    int r = PyType_Ready(type);
    if (r < 0) {
        printf("%s: %d, ", label, r);
        show_exc("raised");
    } else {
        printf("%s: %d, ready %d\n", label, r, (type->tp_flags & Py_TPFLAGS_READY) != 0);
    }
}

static void show_attr(PyObject *o, const char *name)
{
    char label[80];
    snprintf(label, sizeof label, "%s.%s", Py_TYPE(o) == &PyType_Type ? ((PyTypeObject *)o)->tp_name : "obj", name);
    show_new(label, PyObject_GetAttrString(o, name));
}

static void show_call(const char *label, PyObject *result) { show_new(label, result); }

int main(void)
{
    conf_init();
    printf("-- readying\n");
    show_ready("Val", &Val_Type);
    show_ready("Sub", &Sub_Type);
    show_ready("Neg", &Neg_Type);
    printf("Mid ready before Leaf: %d\n", (Mid_Type.tp_flags & Py_TPFLAGS_READY) != 0);
    show_ready("Leaf", &Leaf_Type);
    printf("Mid ready after Leaf: %d\n", (Mid_Type.tp_flags & Py_TPFLAGS_READY) != 0);
    show_ready("GcBase", &GcBase_Type);
    show_ready("GcSub", &GcSub_Type);
    show_ready("NoNew", &NoNew_Type);
    show_ready("Cmp", &Cmp_Type);
    show_ready("NoHash", &NoHash_Type);
    show_ready("BelowFinal", &BelowFinal_Type);
    /* First, so that readying the base fails for it (CPython then leaves that base with a
       dict, which later readyings of subclasses take for readiness). */
    show_ready("BadMethodSub", &BadMethodSub_Type);
    show_ready("BadMethod", &BadMethod_Type);
    printf("BadMethod ready: %d\n", (BadMethod_Type.tp_flags & Py_TPFLAGS_READY) != 0);

    printf("-- inherited slots\n");
    printf("Sub basicsize: %d\n", Sub_Type.tp_basicsize == sizeof(ValObject));
    printf("Sub shares the number table: %d\n", Sub_Type.tp_as_number == &val_as_number);
    printf("Sub shares the sequence table: %d\n", Sub_Type.tp_as_sequence == &val_as_sequence);
    printf("Sub mapping table: %d\n", Sub_Type.tp_as_mapping == NULL);
    printf("Sub repr/str/hash/richcompare: %d %d %d %d\n", Sub_Type.tp_repr == sub_repr, Sub_Type.tp_str == val_str,
           Sub_Type.tp_hash == val_hash, Sub_Type.tp_richcompare == val_richcompare);
    printf("Sub call/iter/iternext/new/init: %d %d %d %d %d\n", Sub_Type.tp_call == val_call, Sub_Type.tp_iter == val_iter,
           Sub_Type.tp_iternext == val_iternext, Sub_Type.tp_new == val_new, Sub_Type.tp_init == val_init);
    printf("Sub BASETYPE: %d\n", (Sub_Type.tp_flags & Py_TPFLAGS_BASETYPE) != 0);
    printf("Neg keeps its number table: %d\n", Neg_Type.tp_as_number == &neg_as_number);
    printf("Neg nb_negative/nb_add/nb_bool/nb_multiply: %d %d %d %d\n", neg_as_number.nb_negative == neg_negative,
           neg_as_number.nb_add == val_add, neg_as_number.nb_bool == val_bool, neg_as_number.nb_multiply == NULL);
    printf("Neg hash own, richcompare not inherited: %d %d\n", Neg_Type.tp_hash == neg_hash, Neg_Type.tp_richcompare == NULL);
    printf("Leaf hash/richcompare: %d %d\n", Leaf_Type.tp_hash == neg_hash, Leaf_Type.tp_richcompare == NULL);
    printf("Leaf number table: %d\n", Leaf_Type.tp_as_number == &neg_as_number);
    printf("GcSub HAVE_GC/traverse/clear: %d %d %d\n", (GcSub_Type.tp_flags & Py_TPFLAGS_HAVE_GC) != 0,
           GcSub_Type.tp_traverse == gc_traverse, GcSub_Type.tp_clear == gc_clear);

    PyObject *val = PyObject_CallFunction((PyObject *)&Val_Type, "i", 3);
    PyObject *sub = PyObject_CallFunction((PyObject *)&Sub_Type, "i", 4);
    PyObject *neg = PyObject_CallFunction((PyObject *)&Neg_Type, "i", 2);
    PyObject *leaf = PyObject_CallFunction((PyObject *)&Leaf_Type, "i", 5);
    show("val", val);
    show("sub", sub);
    show("neg", neg);
    show("leaf", leaf);
    if (val == NULL || sub == NULL || neg == NULL || leaf == NULL) {
        return conf_end();
    }

    printf("-- through the abstract API on the subclass\n");
    show_str("str(sub)", sub);
    printf("hash(sub): %ld\n", (long)PyObject_Hash(sub));
    show_new("sub == Sub(4)", PyObject_RichCompare(sub, PyObject_CallFunction((PyObject *)&Sub_Type, "i", 4), Py_EQ));
    show_new("sub < val", PyObject_RichCompare(sub, val, Py_LT));
    show_new("sub(1, k=2)", PyObject_Call(sub, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "k", 2)));
    show_new("sub + 7", PyNumber_Add(sub, PyLong_FromLong(7)));
    show_new("-sub", PyNumber_Negative(sub));
    show_new("-leaf", PyNumber_Negative(leaf));
    show_new("leaf + 1", PyNumber_Add(leaf, PyLong_FromLong(1)));
    printf("bool(sub): %d\n", PyObject_IsTrue(sub));
    show_new("index(sub)", PyNumber_Index(sub));
    show_new("float(sub)", PyNumber_Float(sub));
    printf("len(sub): %ld\n", (long)PyObject_Length(sub));
    show_new("sub[2]", PySequence_GetItem(sub, 2));
    printf("20 in sub: %d\n", PySequence_Contains(sub, PyLong_FromLong(20)));
    printf("hash(leaf): %ld\n", (long)PyObject_Hash(leaf));

    printf("-- slot wrappers\n");
    show_new("Val.__add__", PyObject_GetAttrString((PyObject *)&Val_Type, "__add__"));
    show_new("Sub.__add__", PyObject_GetAttrString((PyObject *)&Sub_Type, "__add__"));
    show_new("Sub.__repr__", PyObject_GetAttrString((PyObject *)&Sub_Type, "__repr__"));
    show_new("Val.__len__", PyObject_GetAttrString((PyObject *)&Val_Type, "__len__"));
    show_new("Val.__eq__", PyObject_GetAttrString((PyObject *)&Val_Type, "__eq__"));
    show_new("Val.__init__", PyObject_GetAttrString((PyObject *)&Val_Type, "__init__"));
    show_new("Neg.__neg__", PyObject_GetAttrString((PyObject *)&Neg_Type, "__neg__"));
    show_new("Neg.__add__", PyObject_GetAttrString((PyObject *)&Neg_Type, "__add__"));
    show_new("Neg.__hash__", PyObject_GetAttrString((PyObject *)&Neg_Type, "__hash__"));
    show_new("type(Val.__dict__['__add__'])", PyObject_Type(PyDict_GetItemString(Val_Type.tp_dict, "__add__")));
    printf("'__sub__' in Neg.__dict__: %d\n", PyDict_GetItemString(Neg_Type.tp_dict, "__sub__") != NULL);
    printf("'__neg__' in Neg.__dict__: %d\n", PyDict_GetItemString(Neg_Type.tp_dict, "__neg__") != NULL);
    show_call("sub.__repr__()", PyObject_CallMethod(sub, "__repr__", NULL));
    show_call("sub.__str__()", PyObject_CallMethod(sub, "__str__", NULL));
    show_call("sub.__hash__()", PyObject_CallMethod(sub, "__hash__", NULL));
    show_call("sub.__len__()", PyObject_CallMethod(sub, "__len__", NULL));
    show_call("sub.__getitem__(1)", PyObject_CallMethod(sub, "__getitem__", "i", 1));
    show_call("sub.__getitem__(-1)", PyObject_CallMethod(sub, "__getitem__", "i", -1));
    show_call("sub.__getitem__(9)", PyObject_CallMethod(sub, "__getitem__", "i", 9));
    show_call("sub.__getitem__('x')", PyObject_CallMethod(sub, "__getitem__", "s", "x"));
    show_call("sub.__contains__(30)", PyObject_CallMethod(sub, "__contains__", "i", 30));
    show_call("sub.__add__(5)", PyObject_CallMethod(sub, "__add__", "i", 5));
    show_call("sub.__add__('x')", PyObject_CallMethod(sub, "__add__", "s", "x"));
    show_call("sub.__sub__(1)", PyObject_CallMethod(sub, "__sub__", "i", 1));
    show_call("sub.__rsub__(1)", PyObject_CallMethod(sub, "__rsub__", "i", 1));
    show_call("sub.__eq__(val)", PyObject_CallMethod(sub, "__eq__", "O", val));
    show_call("sub.__gt__(val)", PyObject_CallMethod(sub, "__gt__", "O", val));
    show_call("sub.__eq__(1)", PyObject_CallMethod(sub, "__eq__", "i", 1));
    show_call("sub.__neg__()", PyObject_CallMethod(sub, "__neg__", NULL));
    show_call("neg.__neg__()", PyObject_CallMethod(neg, "__neg__", NULL));
    show_call("sub.__bool__()", PyObject_CallMethod(sub, "__bool__", NULL));
    show_call("sub.__index__()", PyObject_CallMethod(sub, "__index__", NULL));
    show_call("sub.__float__()", PyObject_CallMethod(sub, "__float__", NULL));
    show_call("sub.__call__(1, 2)", PyObject_CallMethod(sub, "__call__", "ii", 1, 2));
    show_call("sub.__init__(9)", PyObject_CallMethod(sub, "__init__", "i", 9));
    show("sub after __init__", sub);
    show_call("sub.__init__('x')", PyObject_CallMethod(sub, "__init__", "s", "x"));
    show_call("sub.__init__(2)", PyObject_CallMethod(sub, "__init__", "i", 2));
    show_call("sub.__iter__() is sub", PyBool_FromLong(PyObject_CallMethod(sub, "__iter__", NULL) == sub));
    Py_DECREF(sub); /* the __iter__ result */
    show_call("sub.__next__()", PyObject_CallMethod(sub, "__next__", NULL));
    show_call("sub.__next__()", PyObject_CallMethod(sub, "__next__", NULL));
    show_call("sub.__next__() at the end", PyObject_CallMethod(sub, "__next__", NULL));
    show_call("sub.__len__(1)", PyObject_CallMethod(sub, "__len__", "i", 1));
    show_call("sub.__add__()", PyObject_CallMethod(sub, "__add__", NULL));
    show_call("sub.twice()", PyObject_CallMethod(sub, "twice", NULL));
    show_call("sub.__pow__(2)", PyObject_CallMethod(sub, "__pow__", "i", 2));
    show_call("sub.__pow__(2, 3)", PyObject_CallMethod(sub, "__pow__", "ii", 2, 3));
    show_call("sub.__rpow__(2, 3)", PyObject_CallMethod(sub, "__rpow__", "ii", 2, 3));
    show_call("sub.__pow__()", PyObject_CallMethod(sub, "__pow__", NULL));
    show_call("sub.__pow__(1, 2, 3)", PyObject_CallMethod(sub, "__pow__", "iii", 1, 2, 3));
    show_call("sub.__get__(1)", PyObject_CallMethod(sub, "__get__", "i", 1));
    show_call("sub.__get__(None, int)", PyObject_CallMethod(sub, "__get__", "OO", Py_None, &PyLong_Type));
    show_call("sub.__get__(None, None)", PyObject_CallMethod(sub, "__get__", "OO", Py_None, Py_None));
    show_call("sub.__get__()", PyObject_CallMethod(sub, "__get__", NULL));
    PyObject *kw = Py_BuildValue("{s:i}", "x", 1);
    PyObject *empty = PyTuple_New(0);
    PyObject *one = Py_BuildValue("(i)", 1);
    PyObject *method = PyObject_GetAttrString(sub, "__add__");
    show_call("sub.__add__(1, x=1)", PyObject_Call(method, one, kw));
    Py_DECREF(method);
    method = PyObject_GetAttrString(sub, "__init__");
    show_call("sub.__init__(v=3)", PyObject_Call(method, empty, Py_BuildValue("{s:i}", "v", 3)));
    show_call("sub.__init__(x=1)", PyObject_Call(method, empty, kw));
    Py_DECREF(method);
    Py_DECREF(kw);
    Py_DECREF(empty);
    Py_DECREF(one);
    show("sub", sub);

    printf("-- unbound slot wrappers\n");
    PyObject *add = PyObject_GetAttrString((PyObject *)&Val_Type, "__add__");
    show_call("Val.__add__(val, 1)", PyObject_CallFunction(add, "Oi", val, 1));
    show_call("Val.__add__(sub, 2)", PyObject_CallFunction(add, "Oi", sub, 2));
    show_call("Val.__add__()", PyObject_CallNoArgs(add));
    show_call("Val.__add__(1, 2)", PyObject_CallFunction(add, "ii", 1, 2));
    Py_DECREF(add);
    PyObject *new = PyObject_GetAttrString((PyObject *)&Val_Type, "__new__");
    show_call("Val.__new__(Sub)", PyObject_CallFunction(new, "O", &Sub_Type));
    show_call("Val.__new__(1)", PyObject_CallFunction(new, "i", 1));
    show_call("Val.__new__(int)", PyObject_CallFunction(new, "O", &PyLong_Type));
    show_call("Val.__new__()", PyObject_CallNoArgs(new));
    Py_DECREF(new);

    printf("-- type attributes\n");
    show_attr((PyObject *)&Val_Type, "__doc__");
    show_attr((PyObject *)&Sub_Type, "__doc__");
    show_attr((PyObject *)&Neg_Type, "__doc__");
    show_attr((PyObject *)&Val_Type, "__module__");
    show_attr((PyObject *)&Val_Type, "__name__");
    show_attr((PyObject *)&Val_Type, "__qualname__");
    show_attr((PyObject *)&Leaf_Type, "__mro__");
    show_attr((PyObject *)&Leaf_Type, "__base__");
    show_attr((PyObject *)&Leaf_Type, "__bases__");
    show_attr((PyObject *)&Sub_Type, "__basicsize__");
    show_attr((PyObject *)&Sub_Type, "__text_signature__");
    show_attr((PyObject *)&Val_Type, "__text_signature__");

    printf("-- hashing\n");
    printf("Cmp hash is HashNotImplemented: %d\n", Cmp_Type.tp_hash == PyObject_HashNotImplemented);
    show_attr((PyObject *)&Cmp_Type, "__hash__");
    show_attr((PyObject *)&NoHash_Type, "__hash__");
    PyObject *cmp = PyObject_CallNoArgs((PyObject *)&Cmp_Type);
    PyObject *nohash = PyObject_CallNoArgs((PyObject *)&NoHash_Type);
    show_ll("hash(Cmp())", PyObject_Hash(cmp));
    show_ll("hash(NoHash())", PyObject_Hash(nohash));
    show_new("Cmp.__del__", PyObject_GetAttrString((PyObject *)&Cmp_Type, "__del__"));
    show_new("Cmp().__del__()", PyObject_CallMethod(cmp, "__del__", NULL));
    show_new("Cmp().__await__()", PyObject_CallMethod(cmp, "__await__", NULL));
    Py_DECREF(cmp);
    Py_DECREF(nohash);

    printf("-- instantiation\n");
    show_new("NoNew()", PyObject_CallNoArgs((PyObject *)&NoNew_Type));
    show_new("GcSub()", PyObject_CallNoArgs((PyObject *)&GcSub_Type));

    Py_DECREF(val);
    Py_DECREF(sub);
    Py_DECREF(neg);
    Py_DECREF(leaf);
    return conf_end();
}
