/* C types subclassing C types: a static base with fields, a static derived type adding
   fields (its tp_init and tp_dealloc calling the base's through tp_base), a heap type from
   a spec on the static base; Py_TPFLAGS_BASETYPE enforced and instance lay-out conflicts
   (PyType_FromSpecWithBases and type(name, bases, dict)); managed subclasses of a C type
   made by calling type from C: C layout plus an instance __dict__. */
#include "conformance.h"
#include "structmember.h"

static int base_deallocs, derived_deallocs;

typedef struct {
    PyObject_HEAD
    long a;
} BaseObject;

typedef struct {
    BaseObject base;
    long b;
} DerivedObject;

static PyObject *base_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    BaseObject *self = (BaseObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->a = -1;
    }
    return (PyObject *)self;
}

static int base_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    long a = 0;
    if (!PyArg_ParseTuple(args, "|l:Base", &a)) {
        return -1;
    }
    ((BaseObject *)self)->a = a;
    return 0;
}

static void base_dealloc(PyObject *self)
{
    base_deallocs++;
    Py_TYPE(self)->tp_free(self);
}

static PyObject *base_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<%s a=%ld>", Py_TYPE(self)->tp_name, ((BaseObject *)self)->a);
}

static PyObject *base_get_a(PyObject *self, PyObject *unused) { return PyLong_FromLong(((BaseObject *)self)->a * 10); }

static PyMethodDef base_methods[] = {
    {"get_a", base_get_a, METH_NOARGS, NULL},
    {NULL},
};

static PyMemberDef base_members[] = {
    {"a", T_LONG, offsetof(BaseObject, a), 0, NULL},
    {NULL},
};

static PyTypeObject Base_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subc.Base",
    .tp_basicsize = sizeof(BaseObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = base_new,
    .tp_init = base_init,
    .tp_dealloc = base_dealloc,
    .tp_repr = base_repr,
    .tp_methods = base_methods,
    .tp_members = base_members,
};

/* Derived(a, b): the base's tp_init with (a,), then its own field. */
static int derived_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    long a = 0, b = 0;
    if (!PyArg_ParseTuple(args, "ll:Derived", &a, &b)) {
        return -1;
    }
    PyObject *base_args = Py_BuildValue("(l)", a);
    if (base_args == NULL) {
        return -1;
    }
    int status = Base_Type.tp_init(self, base_args, NULL); /* the base's __init__ */
    Py_DECREF(base_args);
    if (status < 0) {
        return -1;
    }
    ((DerivedObject *)self)->b = b;
    return 0;
}

static void derived_dealloc(PyObject *self)
{
    derived_deallocs++;
    Base_Type.tp_dealloc(self);
}

static PyObject *derived_sum(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((BaseObject *)self)->a + ((DerivedObject *)self)->b);
}

static PyMethodDef derived_methods[] = {
    {"sum", derived_sum, METH_NOARGS, NULL},
    {NULL},
};

static PyMemberDef derived_members[] = {
    {"b", T_LONG, offsetof(DerivedObject, b), 0, NULL},
    {NULL},
};

static PyTypeObject Derived_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subc.Derived",
    .tp_basicsize = sizeof(DerivedObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &Base_Type,
    .tp_init = derived_init,
    .tp_dealloc = derived_dealloc,
    .tp_methods = derived_methods,
    .tp_members = derived_members,
};

/* Another direct subclass of Base adding a field: it conflicts with Derived. */
static PyTypeObject Other_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subc.Other",
    .tp_basicsize = sizeof(DerivedObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &Base_Type,
};

/* Not a base type. */
static PyTypeObject Final_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subc.Final",
    .tp_basicsize = sizeof(BaseObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = base_new,
};

/* A heap type from a spec on Base, with a field of its own. */
static PyObject *heap_b(PyObject *self, PyObject *unused) { return PyLong_FromLong(((DerivedObject *)self)->b); }

static PyMethodDef heap_methods[] = {
    {"get_b", heap_b, METH_NOARGS, NULL},
    {NULL},
};

static PyType_Slot heap_slots[] = {
    {Py_tp_methods, heap_methods},
    {0, NULL},
};

static PyType_Spec heap_spec = {"subc.Heap", sizeof(DerivedObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, heap_slots};

static PyType_Slot plain_slots[] = {{0, NULL}};
static PyType_Spec bad_spec = {"subc.Bad", 0, 0, Py_TPFLAGS_DEFAULT, plain_slots};

static void show_attr(const char *label, PyObject *o, const char *name)
{
    show_new(label, PyObject_GetAttrString(o, name));
}

static void show_call_method(const char *label, PyObject *o, const char *name)
{
    show_new(label, PyObject_CallMethod(o, name, NULL));
}

/* type(name, bases, {}) called from C. */
static PyObject *make_class(const char *name, PyObject *bases)
{
    return PyObject_CallFunction((PyObject *)&PyType_Type, "sO{}", name, bases);
}

static void c_from_c(void)
{
    printf("-- C from C\n");
    show_ll("ready Base", PyType_Ready(&Base_Type));
    show_ll("ready Derived", PyType_Ready(&Derived_Type));
    show_ll("ready Other", PyType_Ready(&Other_Type));
    show_ll("ready Final", PyType_Ready(&Final_Type));
    show_ll("tp_base", Derived_Type.tp_base == &Base_Type);
    show_ll("inherited tp_new", Derived_Type.tp_new == base_new);
    show_ll("inherited tp_repr", Derived_Type.tp_repr == base_repr);
    show_ll("own tp_init", Derived_Type.tp_init == derived_init);
    show_attr("Derived.__mro__", (PyObject *)&Derived_Type, "__mro__");
    show_attr("Derived.__base__", (PyObject *)&Derived_Type, "__base__");

    PyObject *d = PyObject_CallFunction((PyObject *)&Derived_Type, "ll", 3L, 4L);
    show("Derived(3, 4)", d);
    if (d != NULL) {
        show_ll("fields", ((BaseObject *)d)->a * 100 + ((DerivedObject *)d)->b);
        show_call_method("get_a", d, "get_a");
        show_call_method("sum", d, "sum");
        show_attr("d.a", d, "a");
        show_attr("d.b", d, "b");
        show_ll("isinstance Base", PyObject_IsInstance(d, (PyObject *)&Base_Type));
        show_ll("TypeCheck Base", PyObject_TypeCheck(d, &Base_Type));
        show_ll("set d.a", PyObject_SetAttrString(d, "a", PyLong_FromLong(9)));
        show_ll("field a", ((BaseObject *)d)->a);
        show_ll("set d.c", PyObject_SetAttrString(d, "c", Py_None));
        int before_base = base_deallocs, before_derived = derived_deallocs;
        Py_DECREF(d);
        PyGC_Collect();
        show_ll("deallocs (derived, base)", (derived_deallocs - before_derived) * 10 + base_deallocs - before_base);
    }
    show_new("Derived(1)", PyObject_CallFunction((PyObject *)&Derived_Type, "l", 1L));
    show_new("Base.get_a(Derived)", PyObject_CallMethod((PyObject *)&Base_Type, "get_a", "O", Py_None));

    PyObject *heap = PyType_FromSpecWithBases(&heap_spec, (PyObject *)&Base_Type);
    show("Heap", heap);
    if (heap != NULL) {
        show_ll("Heap tp_base", ((PyTypeObject *)heap)->tp_base == &Base_Type);
        show_ll("Heap basicsize", ((PyTypeObject *)heap)->tp_basicsize == sizeof(DerivedObject));
        PyObject *h = PyObject_CallFunction(heap, "l", 6L);
        show("Heap(6)", h);
        if (h != NULL) {
            ((DerivedObject *)h)->b = 8;
            show_call_method("h.get_a", h, "get_a");
            show_call_method("h.get_b", h, "get_b");
            show_attr("h.a", h, "a");
            int before = base_deallocs;
            Py_DECREF(h);
            PyGC_Collect();
            show_ll("Heap instance dealloc through Base", base_deallocs - before);
        }
        Py_DECREF(heap);
    }
}

static void base_checks(void)
{
    printf("-- base checks\n");
    show_new("spec on bool", PyType_FromSpecWithBases(&heap_spec, (PyObject *)&PyBool_Type));
    show_new("spec on Final", PyType_FromSpecWithBases(&heap_spec, (PyObject *)&Final_Type));
    PyObject *bad = PyType_FromSpec(&bad_spec);
    show_new("spec on non-BASETYPE heap type", PyType_FromSpecWithBases(&heap_spec, bad));
    PyObject *t;
    t = PyTuple_Pack(1, bad);
    show_new("type() on non-BASETYPE heap type", make_class("X", t));
    Py_DECREF(t);
    Py_XDECREF(bad);
    t = PyTuple_Pack(1, (PyObject *)&PyBool_Type);
    show_new("type() on bool", make_class("X", t));
    Py_DECREF(t);
    t = PyTuple_Pack(1, (PyObject *)&Final_Type);
    show_new("type() on Final", make_class("X", t));
    Py_DECREF(t);
    t = PyTuple_Pack(2, (PyObject *)&Derived_Type, (PyObject *)&Other_Type);
    show_new("spec on (Derived, Other)", PyType_FromSpecWithBases(&heap_spec, t));
    show_new("type() on (Derived, Other)", make_class("X", t));
    Py_DECREF(t);
    t = PyTuple_Pack(2, (PyObject *)&Base_Type, (PyObject *)&PyList_Type);
    show_new("type() on (Base, list)", make_class("X", t));
    Py_DECREF(t);
    t = PyTuple_Pack(2, (PyObject *)&Base_Type, (PyObject *)&PyLong_Type);
    show_new("type() on (Base, int)", make_class("X", t));
    Py_DECREF(t);
    /* Base's layout is extended by Derived: no conflict, Derived is the best base. */
    t = PyTuple_Pack(2, (PyObject *)&Base_Type, (PyObject *)&Derived_Type);
    PyObject *ok = make_class("BD", t);
    show("type() on (Base, Derived)", ok);
    if (ok != NULL) {
        show_ll("BD tp_base is Derived", ((PyTypeObject *)ok)->tp_base == &Derived_Type);
        Py_DECREF(ok);
    }
    Py_DECREF(t);
    show_new("type() with a non-type base", PyObject_CallFunction((PyObject *)&PyType_Type, "s(i){}", "X", 1));
    show_new("type() with 2 arguments", PyObject_CallFunction((PyObject *)&PyType_Type, "s()", "X"));
    show_new("type() with a non-str name", PyObject_CallFunction((PyObject *)&PyType_Type, "i(){}", 1));
    show_new("type() with a non-tuple bases", PyObject_CallFunction((PyObject *)&PyType_Type, "sO{}", "X", Py_None));
    show_new("type() with a non-dict dict", PyObject_CallFunction((PyObject *)&PyType_Type, "s()i", "X", 1));
}

static void managed_subclass(void)
{
    printf("-- managed subclass of a C type\n");
    PyObject *bases = PyTuple_Pack(1, (PyObject *)&Derived_Type);
    PyObject *sub = make_class("Sub", bases);
    Py_DECREF(bases);
    show("Sub", sub);
    if (sub == NULL) {
        return;
    }
    show_attr("Sub.__module__", sub, "__module__");
    show_attr("Sub.__name__", sub, "__name__");
    show_attr("Sub.__mro__", sub, "__mro__");
    show_ll("Sub heap type", (PyType_GetFlags((PyTypeObject *)sub) & Py_TPFLAGS_HEAPTYPE) != 0);
    show_ll("Sub basicsize - Derived's",
            ((PyTypeObject *)sub)->tp_basicsize - (Py_ssize_t)sizeof(DerivedObject));
    show_ll("Sub dictoffset set", ((PyTypeObject *)sub)->tp_dictoffset >= (Py_ssize_t)sizeof(DerivedObject));
    show_ll("Sub tp_base", ((PyTypeObject *)sub)->tp_base == &Derived_Type);
    show_ll("issubclass(Sub, Base)", PyObject_IsSubclass(sub, (PyObject *)&Base_Type));
    show_ll("issubclass(Base, Sub)", PyObject_IsSubclass((PyObject *)&Base_Type, sub));

    PyObject *s = PyObject_CallFunction(sub, "ll", 5L, 7L);
    show("Sub(5, 7)", s);
    if (s != NULL) {
        show_type("type(s)", s);
        show_ll("C fields", ((BaseObject *)s)->a * 100 + ((DerivedObject *)s)->b);
        show_call_method("s.get_a", s, "get_a");
        show_call_method("s.sum", s, "sum");
        show_attr("s.b", s, "b");
        show_ll("isinstance(s, Base)", PyObject_IsInstance(s, (PyObject *)&Base_Type));
        show_ll("isinstance(s, Sub)", PyObject_IsInstance(s, sub));
        show_ll("TypeCheck(s, Derived)", PyObject_TypeCheck(s, &Derived_Type));
        show_ll("set s.extra", PyObject_SetAttrString(s, "extra", PyUnicode_FromString("x")));
        show_attr("s.extra", s, "extra");
        show_attr("s.__dict__", s, "__dict__");
        show_ll("set s.a", PyObject_SetAttrString(s, "a", PyLong_FromLong(11)));
        show_ll("field a", ((BaseObject *)s)->a);
        show_attr("s.missing", s, "missing");
        PyObject *ref = PyWeakref_NewRef(s, NULL);
        show_ll("weakref to s", ref != NULL && PyWeakref_GetObject(ref) == s);
        Py_XDECREF(ref);
        PyGC_Collect();
        int before = derived_deallocs;
        Py_DECREF(s);
        PyGC_Collect();
        show_ll("Sub instance dealloc through Derived", derived_deallocs - before);
    }
    show_new("Sub(1)", PyObject_CallFunction(sub, "l", 1L));
    /* A Python-side subclass of the managed subclass. */
    bases = PyTuple_Pack(1, sub);
    PyObject *sub2 = make_class("Sub2", bases);
    Py_DECREF(bases);
    show("Sub2", sub2);
    if (sub2 != NULL) {
        show_ll("Sub2 basicsize same as Sub", ((PyTypeObject *)sub2)->tp_basicsize == ((PyTypeObject *)sub)->tp_basicsize);
        PyObject *s2 = PyObject_CallFunction(sub2, "ll", 1L, 2L);
        show("Sub2(1, 2)", s2);
        if (s2 != NULL) {
            show_ll("set s2.y", PyObject_SetAttrString(s2, "y", Py_True));
            show_attr("s2.__dict__", s2, "__dict__");
            show_call_method("s2.sum", s2, "sum");
            Py_DECREF(s2);
        }
        Py_DECREF(sub2);
    }
    Py_DECREF(sub);
}

int main(void)
{
    conf_begin();
    conf_init();
    c_from_c();
    base_checks();
    managed_subclass();
    return conf_end();
}
