/* The built-in types' slots and object's own methods called as methods from C: slot
   wrappers (list.__setitem__, dict.__delitem__, int.__add__ and its reflected form, the
   comparisons, __hash__, __len__, __init__) with their reprs and argument errors; object's
   __reduce_ex__ / __reduce__ / __getstate__ (instance dict and __slots__), __sizeof__,
   __format__, __dir__, __init_subclass__ and __subclasshook__; the same descriptor on
   every lookup, as Cython's __Pyx_setup_reduce compares them. */
#include "conformance.h"

static PyObject *builtin(const char *name) { return PyDict_GetItemString(PyEval_GetBuiltins(), name); }

/* getattr(type, name)(*args) shown as label. */
static void call(const char *label, const char *type, const char *name, PyObject *args)
{
    PyObject *f = PyObject_GetAttrString(builtin(type), name);
    show_new(label, f == NULL ? NULL : PyObject_Call(f, args, NULL));
    Py_XDECREF(f);
    Py_DECREF(args);
}

static PyObject *make_class(const char *name, const char *slots)
{
    PyObject *dict = PyDict_New();
    if (slots != NULL) {
        PyObject *s = Py_BuildValue("(s)", slots);
        PyDict_SetItemString(dict, "__slots__", s);
        Py_DECREF(s);
    }
    PyObject *c = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", name, dict);
    Py_DECREF(dict);
    return c;
}

static void wrappers(void)
{
    PyObject *list = Py_BuildValue("[iii]", 1, 2, 3);
    call("list.__setitem__(l, 1, 'x')", "list", "__setitem__", Py_BuildValue("(OiS)", list, 1, PyUnicode_FromString("x")));
    call("list.__setitem__(l, -1, 9)", "list", "__setitem__", Py_BuildValue("(Oii)", list, -1, 9));
    show("l", list);
    call("list.__delitem__(l, 0)", "list", "__delitem__", Py_BuildValue("(Oi)", list, 0));
    show("l", list);
    call("list.__setitem__(l, 5, 0)", "list", "__setitem__", Py_BuildValue("(Oii)", list, 5, 0));
    call("list.__setitem__(l)", "list", "__setitem__", Py_BuildValue("(O)", list));
    call("list.__len__(l)", "list", "__len__", Py_BuildValue("(O)", list));
    call("list.__contains__(l, 9)", "list", "__contains__", Py_BuildValue("(Oi)", list, 9));
    call("list.__iadd__(l, [4])", "list", "__iadd__", Py_BuildValue("(O[i])", list, 4));
    call("list.__mul__(l, 2)", "list", "__mul__", Py_BuildValue("(Oi)", list, 2));
    call("list.__rmul__(l, 2)", "list", "__rmul__", Py_BuildValue("(Oi)", list, 2));
    call("list.__eq__(l, l)", "list", "__eq__", Py_BuildValue("(OO)", list, list));
    call("list.__lt__(l, 1)", "list", "__lt__", Py_BuildValue("(Oi)", list, 1));
    call("list.__repr__(l)", "list", "__repr__", Py_BuildValue("(O)", list));
    call("list.__init__(l, 'ab')", "list", "__init__", Py_BuildValue("(Os)", list, "ab"));
    show("l", list);
    call("list.__setitem__((), 0, 0)", "list", "__setitem__", Py_BuildValue("(()ii)", 0, 0));
    call("list.__setitem__()", "list", "__setitem__", PyTuple_New(0));
    Py_DECREF(list);

    PyObject *dict = Py_BuildValue("{sisi}", "a", 1, "b", 2);
    call("dict.__delitem__(d, 'a')", "dict", "__delitem__", Py_BuildValue("(Os)", dict, "a"));
    call("dict.__delitem__(d, 'zz')", "dict", "__delitem__", Py_BuildValue("(Os)", dict, "zz"));
    call("dict.__setitem__(d, 'c', 3)", "dict", "__setitem__", Py_BuildValue("(Osi)", dict, "c", 3));
    call("dict.__len__(d)", "dict", "__len__", Py_BuildValue("(O)", dict));
    call("dict.__or__(d, {})", "dict", "__or__", Py_BuildValue("(O{})", dict));
    call("dict.__ror__(d, 1)", "dict", "__ror__", Py_BuildValue("(Oi)", dict, 1));
    show("d", dict);
    call("dict.__hash__", "dict", "__hash__", PyTuple_New(0));
    Py_DECREF(dict);

    call("int.__add__(2, 3)", "int", "__add__", Py_BuildValue("(ii)", 2, 3));
    call("int.__radd__(2, 3)", "int", "__radd__", Py_BuildValue("(ii)", 2, 3));
    call("int.__rsub__(2, 10)", "int", "__rsub__", Py_BuildValue("(ii)", 2, 10));
    call("int.__sub__(2, 1.5)", "int", "__sub__", Py_BuildValue("(id)", 2, 1.5));
    call("int.__pow__(2, 10)", "int", "__pow__", Py_BuildValue("(ii)", 2, 10));
    call("int.__pow__(2, 10, 7)", "int", "__pow__", Py_BuildValue("(iii)", 2, 10, 7));
    call("int.__rpow__(2, 10)", "int", "__rpow__", Py_BuildValue("(ii)", 2, 10));
    call("int.__pow__(2)", "int", "__pow__", Py_BuildValue("(i)", 2));
    call("int.__add__(2)", "int", "__add__", Py_BuildValue("(i)", 2));
    call("int.__add__(2, 3, 4)", "int", "__add__", Py_BuildValue("(iii)", 2, 3, 4));
    call("int.__add__('a', 3)", "int", "__add__", Py_BuildValue("(si)", "a", 3));
    call("int.__neg__(True)", "int", "__neg__", Py_BuildValue("(O)", Py_True));
    call("int.__repr__(True)", "int", "__repr__", Py_BuildValue("(O)", Py_True));
    call("int.__hash__(-1)", "int", "__hash__", Py_BuildValue("(i)", -1));
    call("int.__eq__(1, 1.0)", "int", "__eq__", Py_BuildValue("(id)", 1, 1.0));
    call("int.__bool__(0)", "int", "__bool__", Py_BuildValue("(i)", 0));
    call("int.__getattribute__(5, 'real')", "int", "__getattribute__", Py_BuildValue("(is)", 5, "real"));
    call("bool.__and__(True, False)", "bool", "__and__", Py_BuildValue("(OO)", Py_True, Py_False));
    call("bool.__add__(True, True)", "bool", "__add__", Py_BuildValue("(OO)", Py_True, Py_True));
    call("bool.__rxor__(True, 1)", "bool", "__rxor__", Py_BuildValue("(Oi)", Py_True, 1));
    call("float.__rtruediv__(2.0, 1)", "float", "__rtruediv__", Py_BuildValue("(di)", 2.0, 1));
    call("float.__int__(2.5)", "float", "__int__", Py_BuildValue("(d)", 2.5));
    call("complex.__abs__(3+4j)", "complex", "__abs__", Py_BuildValue("(D)", &(Py_complex){3.0, 4.0}));
    call("str.__mod__('%s!', 1)", "str", "__mod__", Py_BuildValue("(si)", "%s!", 1));
    call("str.__rmod__('%s!', 1)", "str", "__rmod__", Py_BuildValue("(si)", "%s!", 1));
    call("str.__add__('a', 'b')", "str", "__add__", Py_BuildValue("(ss)", "a", "b"));
    call("str.__getitem__('abc', -1)", "str", "__getitem__", Py_BuildValue("(si)", "abc", -1));
    call("tuple.__getitem__((1, 2), 1)", "tuple", "__getitem__", Py_BuildValue("((ii)i)", 1, 2, 1));
    call("set.__ior__(set(), {1})", "set", "__ior__", Py_BuildValue("(NN)", PySet_New(NULL), PyFrozenSet_New(NULL)));
    call("frozenset.__or__(fs, fs)", "frozenset", "__or__", Py_BuildValue("(NN)", PyFrozenSet_New(NULL), PyFrozenSet_New(NULL)));
    call("object.__eq__(1, 1)", "object", "__eq__", Py_BuildValue("(ii)", 1, 1));
    call("object.__ne__(1, 2)", "object", "__ne__", Py_BuildValue("(ii)", 1, 2));
    call("object.__lt__(1, 2)", "object", "__lt__", Py_BuildValue("(ii)", 1, 2));
    call("object.__init__(1)", "object", "__init__", Py_BuildValue("(i)", 1));
    call("object.__init__(1, 2)", "object", "__init__", Py_BuildValue("(ii)", 1, 2));
    call("object.__str__(5)", "object", "__str__", Py_BuildValue("(i)", 5));
    call("object.__new__(object)", "object", "__class__", PyTuple_New(0));
    call("int.__new__(int, '12')", "int", "__new__", Py_BuildValue("(Os)", builtin("int"), "12"));
    call("int.__new__(float)", "int", "__new__", Py_BuildValue("(O)", builtin("float")));
    call("type.__call__(int, '7')", "type", "__call__", Py_BuildValue("(Os)", builtin("int"), "7"));
    call("type.__repr__(int)", "type", "__repr__", Py_BuildValue("(O)", builtin("int")));

    const char *reprs[][2] = { { "int", "__add__" }, { "list", "__setitem__" }, { "object", "__init__" },
                               { "type", "__call__" }, { "dict", "__delitem__" }, { "bool", "__or__" },
                               { "BaseException", "__str__" }, { "KeyError", "__str__" } };
    for (size_t i = 0; i < sizeof reprs / sizeof *reprs; i++) {
        PyObject *f = PyObject_GetAttrString(builtin(reprs[i][0]), reprs[i][1]);
        show(reprs[i][1], f);
        Py_XDECREF(f);
    }
    const char *absent[][2] = { { "bool", "__add__" }, { "int", "__iadd__" }, { "str", "__radd__" },
                                { "tuple", "__init__" }, { "int", "__init__" }, { "bool", "__getattribute__" },
                                { "KeyError", "__new__" }, { "ValueError", "__new__" } };
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
        PyObject *d = PyObject_GetAttrString(builtin(absent[i][0]), "__dict__");
        printf("'%s' in %s.__dict__: %d\n", absent[i][1], absent[i][0], PySequence_Contains(d, PyUnicode_FromString(absent[i][1])));
        Py_DECREF(d);
    }
}

/* A tuple's items one per line, the callables by name (their reprs hold addresses). */
static void show_reduced(const char *label, PyObject *r)
{
    if (r == NULL || !PyTuple_Check(r)) {
        show_new(label, r);
        return;
    }
    printf("%s: tuple of %zd\n", label, PyTuple_GET_SIZE(r));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(r); i++) {
        PyObject *item = PyTuple_GET_ITEM(r, i);
        PyObject *name = PyCallable_Check(item) && !PyType_Check(item) ? PyObject_GetAttrString(item, "__name__") : NULL;
        char line[64];
        snprintf(line, sizeof line, "  [%zd]", i);
        if (name != NULL) {
            show(line, name);
            Py_DECREF(name);
        } else if (PyIter_Check(item)) {
            show_new(line, PySequence_List(item));
        } else {
            show(line, item);
        }
    }
    Py_DECREF(r);
}

static void reduce(void)
{
    PyObject *object = builtin("object");
    PyObject *ex1 = PyObject_GetAttrString(object, "__reduce_ex__");
    PyObject *ex2 = PyObject_GetAttrString(object, "__reduce_ex__");
    PyObject *r = PyObject_GetAttrString(object, "__reduce__");
    PyObject *gs = PyObject_GetAttrString(object, "__getstate__");
    printf("same __reduce_ex__: %d\n", ex1 == ex2);
    show("object.__reduce_ex__", ex1);
    show("object.__reduce__", r);
    show("object.__getstate__", gs);
    PyObject *plain = make_class("Plain", NULL);
    PyObject *from_class = PyObject_GetAttrString(plain, "__reduce_ex__");
    printf("Plain.__reduce_ex__ is object's: %d\n", from_class == ex1);
    Py_DECREF(from_class);

    PyObject *p = PyObject_CallNoArgs(plain);
    show_reduced("reduce_ex(2) of an empty instance", PyObject_CallMethod(p, "__reduce_ex__", "i", 2));
    show("getstate of an empty instance", PyObject_CallMethod(p, "__getstate__", NULL));
    PyObject_SetAttrString(p, "x", PyLong_FromLong(1));
    show_reduced("reduce_ex(2) with x", PyObject_CallMethod(p, "__reduce_ex__", "i", 2));
    show_reduced("reduce_ex(4) with x", PyObject_CallFunction(ex1, "Oi", p, 4));
    show("getstate with x", PyObject_CallMethod(p, "__getstate__", NULL));
    show_reduced("reduce_ex()", PyObject_CallMethod(p, "__reduce_ex__", NULL));
    show_reduced("reduce_ex('2')", PyObject_CallMethod(p, "__reduce_ex__", "s", "2"));
    PyObject *reduced = PyObject_CallMethod(p, "__reduce_ex__", "i", 2);
    if (reduced != NULL) {
        PyObject *made = PyObject_Call(PyTuple_GET_ITEM(reduced, 0), PyTuple_GET_ITEM(reduced, 1), NULL);
        show_type("__newobj__(*args)", made);
        Py_XDECREF(made);
        Py_DECREF(reduced);
    }
    Py_DECREF(p);

    PyObject *slotted = make_class("Slotted", "a");
    PyObject *s = PyObject_CallNoArgs(slotted);
    show("getstate with an unset slot", PyObject_CallMethod(s, "__getstate__", NULL));
    PyObject_SetAttrString(s, "a", PyLong_FromLong(5));
    show("getstate with a set slot", PyObject_CallMethod(s, "__getstate__", NULL));
    show_reduced("reduce_ex(2) with a slot", PyObject_CallMethod(s, "__reduce_ex__", "i", 2));
    PyObject *names = PyObject_GetAttrString(slotted, "__slotnames__");
    show_new("Slotted.__slotnames__", names);
    Py_DECREF(s);

    PyObject *l = Py_BuildValue("[ii]", 1, 2);
    show_reduced("reduce_ex(2) of a list", PyObject_CallFunction(ex1, "Oi", l, 2));
    Py_DECREF(l);
    PyObject *d = Py_BuildValue("{si}", "k", 1);
    show_reduced("reduce_ex(2) of a dict", PyObject_CallFunction(ex1, "Oi", d, 2));
    Py_DECREF(d);
    show_reduced("reduce_ex(2) of 5", PyObject_CallFunction(ex1, "Oi", PyLong_FromLong(5), 2));
    show_reduced("reduce_ex(2) of True", PyObject_CallFunction(ex1, "Oi", Py_True, 2));
    show_reduced("reduce_ex(2) of 1.5", PyObject_CallFunction(ex1, "di", 1.5, 2));
    show_reduced("reduce_ex(2) of 1+2j", PyObject_CallFunction(ex1, "Di", &(Py_complex){1.0, 2.0}, 2));
    show_reduced("reduce_ex(2) of 'ab'", PyObject_CallFunction(ex1, "si", "ab", 2));
    show_reduced("reduce_ex(2) of b'ab'", PyObject_CallFunction(ex1, "yi", "ab", 2));
    show_reduced("reduce_ex(3) of (1, 'a')", PyObject_CallFunction(ex1, "(is)i", 1, "a", 3));
    show("(5).__getnewargs__(1)", PyObject_CallMethod(PyLong_FromLong(5), "__getnewargs__", "i", 1));
    show("getstate of 1.5", PyObject_CallFunction(gs, "d", 1.5));
    Py_DECREF(ex1);
    Py_DECREF(ex2);
    Py_DECREF(r);
    Py_DECREF(gs);
    Py_DECREF(plain);
    Py_DECREF(slotted);
}

/* int's and float's rounding methods and int's __sizeof__. */
static void rounding(void)
{
    const long ints[] = { 25, 35, -25, 15, 7, 0 };
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        PyObject *n = PyLong_FromLong(ints[i]);
        char label[64];
        snprintf(label, sizeof label, "(%ld).__round__(-1)", ints[i]);
        show(label, PyObject_CallMethod(n, "__round__", "i", -1));
        Py_DECREF(n);
    }
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    show("big.__round__(-5)", PyObject_CallMethod(big, "__round__", "i", -5));
    show("big.__round__(-40)", PyObject_CallMethod(big, "__round__", "i", -40));
    show("big.__round__(3)", PyObject_CallMethod(big, "__round__", "i", 3));
    show("big.__sizeof__()", PyObject_CallMethod(big, "__sizeof__", NULL));
    Py_DECREF(big);
    show("(7).__round__()", PyObject_CallMethod(PyLong_FromLong(7), "__round__", NULL));
    show("(7).__round__(None)", PyObject_CallMethod(PyLong_FromLong(7), "__round__", "O", Py_None));
    show("(7).__round__(1.5)", PyObject_CallMethod(PyLong_FromLong(7), "__round__", "d", 1.5));
    show("(7).__round__(1, 2)", PyObject_CallMethod(PyLong_FromLong(7), "__round__", "ii", 1, 2));
    show("True.__trunc__()", PyObject_CallMethod(Py_True, "__trunc__", NULL));
    show("(5).__floor__()", PyObject_CallMethod(PyLong_FromLong(5), "__floor__", NULL));
    show("(5).__ceil__(1)", PyObject_CallMethod(PyLong_FromLong(5), "__ceil__", "i", 1));
    show("(0).__sizeof__()", PyObject_CallMethod(PyLong_FromLong(0), "__sizeof__", NULL));
    show("(1 << 30).__sizeof__()", PyObject_CallMethod(PyLong_FromLong(1L << 30), "__sizeof__", NULL));
    const double floats[] = { 2.7, -2.5, 1e20, -0.5 };
    for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
        PyObject *x = PyFloat_FromDouble(floats[i]);
        const char *names[] = { "__trunc__", "__floor__", "__ceil__" };
        for (size_t j = 0; j < 3; j++) {
            char label[64];
            snprintf(label, sizeof label, "(%g).%s()", floats[i], names[j]);
            show(label, PyObject_CallMethod(x, names[j], NULL));
        }
        Py_DECREF(x);
    }
    show("nan.__floor__()", PyObject_CallMethod(PyFloat_FromDouble(Py_NAN), "__floor__", NULL));
    show("inf.__ceil__()", PyObject_CallMethod(PyFloat_FromDouble(Py_HUGE_VAL), "__ceil__", NULL));
    show("(-inf).__trunc__()", PyObject_CallMethod(PyFloat_FromDouble(-Py_HUGE_VAL), "__trunc__", NULL));
    show("(1.5).__trunc__(1)", PyObject_CallMethod(PyFloat_FromDouble(1.5), "__trunc__", "i", 1));
    const double to_round[] = { 2.675, 0.125, 0.375, -2.5, 1.5, 1234.5678, 5e-324, 1.7976931348623157e308, -0.0004, 1e22 };
    const int places[] = { 2, 2, 2, 0, 0, -2, 323, -308, 3, -22 };
    for (size_t i = 0; i < sizeof to_round / sizeof *to_round; i++) {
        PyObject *x = PyFloat_FromDouble(to_round[i]);
        char label[80];
        snprintf(label, sizeof label, "(%.17g).__round__(%d)", to_round[i], places[i]);
        show(label, PyObject_CallMethod(x, "__round__", "i", places[i]));
        snprintf(label, sizeof label, "(%.17g).__round__()", to_round[i]);
        show(label, PyObject_CallMethod(x, "__round__", NULL));
        Py_DECREF(x);
    }
    show("(2.5).__round__(None)", PyObject_CallMethod(PyFloat_FromDouble(2.5), "__round__", "O", Py_None));
    show("(2.5).__round__(400)", PyObject_CallMethod(PyFloat_FromDouble(2.5), "__round__", "i", 400));
    show("(-2.5).__round__(-400)", PyObject_CallMethod(PyFloat_FromDouble(-2.5), "__round__", "i", -400));
    show("(2.5).__round__(1.0)", PyObject_CallMethod(PyFloat_FromDouble(2.5), "__round__", "d", 1.0));
    show("nan.__round__()", PyObject_CallMethod(PyFloat_FromDouble(Py_NAN), "__round__", NULL));
    show("inf.__round__(2)", PyObject_CallMethod(PyFloat_FromDouble(Py_HUGE_VAL), "__round__", "i", 2));
}

static void misc(void)
{
    PyObject *object = builtin("object");
    PyObject *sizeof_ = PyObject_GetAttrString(object, "__sizeof__");
    show("object.__sizeof__(())", PyObject_CallFunction(sizeof_, "(())"));
    show("object.__sizeof__((1, 2, 3))", PyObject_CallFunction(sizeof_, "((iii))", 1, 2, 3));
    show("object.__sizeof__(1.5)", PyObject_CallFunction(sizeof_, "d", 1.5));
    show("object.__sizeof__(b'abcd')", PyObject_CallFunction(sizeof_, "y", "abcd"));
    show("object.__sizeof__(None)", PyObject_CallFunction(sizeof_, "O", Py_None));
    PyObject *plain = make_class("Plain", NULL);
    PyObject *p = PyObject_CallNoArgs(plain);
    show("Plain().__sizeof__()", PyObject_CallMethod(p, "__sizeof__", NULL));
    show("(1, 2).__sizeof__()", PyObject_CallMethod(Py_BuildValue("(ii)", 1, 2), "__sizeof__", NULL));
    PyObject *formatted = PyObject_CallMethod(p, "__format__", "s", "");
    PyObject *str = PyObject_Str(p);
    printf("Plain().__format__('') == str(p): %d\n", PyObject_RichCompareBool(formatted, str, Py_EQ));
    Py_DECREF(formatted);
    Py_DECREF(str);
    show("format(Plain(), 'x')", PyObject_Format(p, PyUnicode_FromString("x")));
    show("Plain().__format__(1)", PyObject_CallMethod(p, "__format__", "i", 1));
    show("object.__format__(5, '')", PyObject_CallMethod(object, "__format__", "is", 5, ""));
    show("(5).__format__('>4')", PyObject_CallMethod(PyLong_FromLong(5), "__format__", "s", ">4"));
    show("True.__format__('')", PyObject_CallMethod(Py_True, "__format__", "s", ""));
    show("True.__format__('d')", PyObject_CallMethod(Py_True, "__format__", "s", "d"));
    show("(2.5).__format__('.3f')", PyObject_CallMethod(PyFloat_FromDouble(2.5), "__format__", "s", ".3f"));
    show("(1+2j).__format__('')", PyObject_CallMethod(PyComplex_FromDoubles(1, 2), "__format__", "s", ""));
    show("(5).__format__()", PyObject_CallMethod(PyLong_FromLong(5), "__format__", NULL));
    show("(2.5).__format__(1)", PyObject_CallMethod(PyFloat_FromDouble(2.5), "__format__", "i", 1));
    PyObject_SetAttrString(p, "zz", Py_None);
    PyObject *dir = PyObject_CallMethod(p, "__dir__", NULL);
    if (dir != NULL && PyList_Sort(dir) == 0) {
        show("sorted(Plain().__dir__())", dir);
    }
    Py_XDECREF(dir);
    show("Plain.__subclasshook__()", PyObject_CallMethod(plain, "__subclasshook__", NULL));
    show("object.__subclasshook__(1, 2)", PyObject_CallMethod(object, "__subclasshook__", "ii", 1, 2));
    show("Plain.__init_subclass__()", PyObject_CallMethod(plain, "__init_subclass__", NULL));
    show("Plain.__init_subclass__(1)", PyObject_CallMethod(plain, "__init_subclass__", "i", 1));
    PyObject *bases = PyTuple_Pack(1, plain);
    PyObject *kw = Py_BuildValue("{si}", "flag", 1);
    PyObject *args = Py_BuildValue("sO{}", "Sub", bases);
    show_new("type('Sub', (Plain,), {}, flag=1)", PyObject_Call((PyObject *)&PyType_Type, args, kw));
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(bases);
    Py_DECREF(p);
    Py_DECREF(plain);
    Py_DECREF(sizeof_);
}

/* What Cython's __Pyx_setup_reduce does at module init for a cdef class: compare the
   type's __reduce_ex__ / __reduce__ / __getstate__ with object's by identity, then move
   __reduce_cython__ / __setstate_cython__ to __reduce__ / __setstate__ in tp_dict. */
static PyObject *reduce_cython(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_BuildValue("(O(s))", (PyObject *)Py_TYPE(self), "reduced by Cython");
}

static PyObject *setstate_cython(PyObject *self, PyObject *state)
{
    (void)self;
    (void)state;
    Py_RETURN_NONE;
}

static PyMethodDef cdef_methods[] = {
    { "__reduce_cython__", reduce_cython, METH_NOARGS, NULL },
    { "__setstate_cython__", setstate_cython, METH_O, NULL },
    { NULL, NULL, 0, NULL },
};

static PyTypeObject CdefType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cymod.Cdef",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
    .tp_methods = cdef_methods,
};

static int same_attr(PyObject *type, const char *name)
{
    PyObject *mine = PyObject_GetAttrString(type, name);
    PyObject *objects = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, name);
    int same = mine != NULL && mine == objects;
    Py_XDECREF(mine);
    Py_XDECREF(objects);
    return same;
}

static void cython_setup_reduce(void)
{
    if (PyType_Ready(&CdefType) < 0) {
        show_exc("PyType_Ready");
        return;
    }
    PyObject *type = (PyObject *)&CdefType;
    printf("__reduce_ex__ is object's: %d\n", same_attr(type, "__reduce_ex__"));
    printf("__reduce__ is object's: %d\n", same_attr(type, "__reduce__"));
    printf("__getstate__ is object's: %d\n", same_attr(type, "__getstate__"));
    PyObject *reduce = PyObject_GetAttrString(type, "__reduce_cython__");
    PyObject *setstate = PyObject_GetAttrString(type, "__setstate_cython__");
    PyObject *dict = CdefType.tp_dict;
    if (PyDict_SetItemString(dict, "__reduce__", reduce) < 0 || PyDict_DelItemString(dict, "__reduce_cython__") < 0
        || PyDict_SetItemString(dict, "__setstate__", setstate) < 0 || PyDict_DelItemString(dict, "__setstate_cython__") < 0) {
        show_exc("moving the methods");
    }
    PyType_Modified(&CdefType);
    Py_DECREF(reduce);
    Py_DECREF(setstate);
    printf("__reduce__ is object's now: %d\n", same_attr(type, "__reduce__"));
    printf("hasattr __reduce_cython__: %d\n", PyObject_HasAttrString(type, "__reduce_cython__"));
    PyObject *obj = PyObject_CallNoArgs(type);
    show("obj.__reduce_ex__(2)", PyObject_CallMethod(obj, "__reduce_ex__", "i", 2));
    show("obj.__reduce__()", PyObject_CallMethod(obj, "__reduce__", NULL));
    show("obj.__setstate__(None)", PyObject_CallMethod(obj, "__setstate__", "O", Py_None));
    Py_XDECREF(obj);
}

/* type's own methods on classes made by type(). */
static void types(void)
{
    PyObject *type = (PyObject *)&PyType_Type;
    PyObject *base = make_class("Base", NULL);
    PyObject *bases = PyTuple_Pack(1, base);
    PyObject *sub1 = PyObject_CallFunction(type, "sO{}", "Sub1", bases);
    PyObject *sub2 = PyObject_CallFunction(type, "sO{}", "Sub2", bases);
    show("Base.__subclasses__()", PyObject_CallMethod(base, "__subclasses__", NULL));
    show("Sub1.__subclasses__()", PyObject_CallMethod(sub1, "__subclasses__", NULL));
    show("Sub1.mro()", PyObject_CallMethod(sub1, "mro", NULL));
    show("type.mro(bool)", PyObject_CallMethod(type, "mro", "O", &PyBool_Type));
    show("Base.__instancecheck__(Sub1())", PyObject_CallMethod(base, "__instancecheck__", "N", PyObject_CallNoArgs(sub1)));
    show("Sub1.__instancecheck__(Base())", PyObject_CallMethod(sub1, "__instancecheck__", "N", PyObject_CallNoArgs(base)));
    show("Base.__subclasscheck__(Sub2)", PyObject_CallMethod(base, "__subclasscheck__", "O", sub2));
    show("Sub2.__subclasscheck__(Base)", PyObject_CallMethod(sub2, "__subclasscheck__", "O", base));
    show("Base.__subclasscheck__(1)", PyObject_CallMethod(base, "__subclasscheck__", "i", 1));
    show("int.__sizeof__()", PyObject_CallMethod(type, "__sizeof__", "O", &PyLong_Type));
    show("type.__prepare__('X', ())", PyObject_CallMethod(type, "__prepare__", "s()", "X"));
    PyObject *dir = PyObject_CallMethod(type, "__dir__", "O", sub1);
    if (dir != NULL && PyList_Sort(dir) == 0) {
        show("sorted(type.__dir__(Sub1))", dir);
    }
    Py_XDECREF(dir);
    show("Sub1.__base__", PyObject_GetAttrString(sub1, "__base__"));
    show("Sub1.__basicsize__ == Base.__basicsize__",
         PyObject_RichCompare(PyObject_GetAttrString(sub1, "__basicsize__"), PyObject_GetAttrString(base, "__basicsize__"), Py_EQ));
    PyObject *type_dict = PyObject_GetAttrString(type, "__dict__");
    PyObject *mro = PyMapping_GetItemString(type_dict, "__mro__");
    show("type.__dict__['__mro__'].__get__(Sub1, type)", PyObject_CallMethod(mro, "__get__", "OO", sub1, type));
    Py_DECREF(mro);
    Py_DECREF(type_dict);
    show("type.__abstractmethods__", PyObject_GetAttrString(type, "__abstractmethods__"));
    show("Sub1.__abstractmethods__", PyObject_GetAttrString(sub1, "__abstractmethods__"));
    show("int.__annotations__", PyObject_GetAttrString((PyObject *)&PyLong_Type, "__annotations__"));
    PyObject *annotations = PyObject_GetAttrString(sub1, "__annotations__");
    show("Sub1.__annotations__", annotations);
    PyObject *again = PyObject_GetAttrString(sub1, "__annotations__");
    printf("the same dict again: %d\n", again == annotations);
    Py_XDECREF(again);
    Py_XDECREF(annotations);
    Py_DECREF(sub1);
    Py_DECREF(sub2);
    Py_DECREF(bases);
    Py_DECREF(base);
}

int main(void)
{
    conf_init();
    wrappers();
    reduce();
    misc();
    rounding();
    types();
    cython_setup_reduce();
    return conf_end();
}
