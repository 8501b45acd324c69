/* Classes made from C the way Cython makes them: type(name, bases, dict) with C functions
   in the dict. Checked: type()'s and type.__new__'s argument errors, __module__ /
   __qualname__ / __doc__, __slots__ and the instance __dict__; the dunders drive the
   instances through the abstract API and through the type's C slots called directly
   (slot_* functions), and a dunder set or deleted on the class afterwards updates the
   slot, in the class and in its subclasses; __eq__ without __hash__ makes instances
   unhashable. */
#include "conformance.h"

static PyObject *TYPE(void) { return (PyObject *)&PyType_Type; }

/* A method: a method descriptor (bound to the instance when looked up, passed self when
   a slot calls it), as the dict of a class made by Cython holds them. */
static int add_method(PyObject *dict, PyMethodDef *def)
{
    PyObject *m = PyDescr_NewMethod(&PyBaseObject_Type, def);
    int rc = m == NULL ? -1 : PyDict_SetItemString(dict, def->ml_name, m);
    Py_XDECREF(m);
    return rc;
}

static PyObject *make_class(const char *name, PyObject *bases, PyObject *dict)
{
    return PyObject_CallFunction(TYPE(), "sOO", name, bases, dict);
}

/* -- the dunders of class V, a small vector of one int kept in its __dict__ as 'n' -- */

static long get_n(PyObject *self)
{
    PyObject *n = PyObject_GetAttrString(self, "n");
    long v = n == NULL ? -1 : PyLong_AsLong(n);
    Py_XDECREF(n);
    return v;
}

static PyObject *v_init(PyObject *self, PyObject *args)
{
    long n = 0;
    if (!PyArg_ParseTuple(args, "|l:V", &n)) {
        return NULL;
    }
    PyObject *value = PyLong_FromLong(n);
    int rc = PyObject_SetAttrString(self, "n", value);
    Py_DECREF(value);
    return rc < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *v_repr(PyObject *self, PyObject *unused) { return PyUnicode_FromFormat("V(%ld)", get_n(self)); }
static PyObject *v_str(PyObject *self, PyObject *unused) { return PyUnicode_FromFormat("<%ld>", get_n(self)); }
static PyObject *v_hash(PyObject *self, PyObject *unused) { return PyLong_FromLong(get_n(self) * 3); }
static PyObject *v_len(PyObject *self, PyObject *unused) { return PyLong_FromLong(get_n(self)); }
static PyObject *v_bool(PyObject *self, PyObject *unused) { return PyBool_FromLong(get_n(self) != 7); }
static PyObject *v_index(PyObject *self, PyObject *unused) { return PyLong_FromLong(get_n(self) + 100); }
static PyObject *v_neg(PyObject *self, PyObject *unused) { return PyUnicode_FromString("negated"); }

static PyObject *v_eq(PyObject *self, PyObject *other)
{
    PyObject *n = PyObject_GetAttrString(other, "n");
    if (n == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    long o = PyLong_AsLong(n);
    Py_DECREF(n);
    return PyBool_FromLong(o == get_n(self));
}

static PyObject *v_lt(PyObject *self, PyObject *other)
{
    if (!PyLong_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(get_n(self) < PyLong_AsLong(other));
}

static PyObject *v_getitem(PyObject *self, PyObject *key)
{
    if (PyLong_Check(key) && PyLong_AsLong(key) >= get_n(self)) {
        PyErr_SetString(PyExc_IndexError, "V index out of range");
        return NULL;
    }
    return PyUnicode_FromFormat("item %R", key);
}

static PyObject *v_setitem(PyObject *self, PyObject *args)
{
    PyObject *key, *value;
    if (!PyArg_ParseTuple(args, "OO", &key, &value)) {
        return NULL;
    }
    PyObject *r = PyObject_Repr(key), *s = PyObject_Repr(value);
    printf("  __setitem__(%s, %s)\n", PyUnicode_AsUTF8(r), PyUnicode_AsUTF8(s));
    Py_DECREF(r);
    Py_DECREF(s);
    Py_RETURN_NONE;
}

static PyObject *v_delitem(PyObject *self, PyObject *key)
{
    PyObject *r = PyObject_Repr(key);
    printf("  __delitem__(%s)\n", PyUnicode_AsUTF8(r));
    Py_DECREF(r);
    if (PyLong_Check(key) && PyLong_AsLong(key) < 0) {
        PyErr_SetString(PyExc_KeyError, "negative");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *v_contains(PyObject *self, PyObject *item) { return PyLong_FromLong(PyLong_Check(item) && PyLong_AsLong(item) == get_n(self)); }

static PyObject *v_iter(PyObject *self, PyObject *unused)
{
    PyObject *list = Py_BuildValue("[ll]", get_n(self), get_n(self) * 2);
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *v_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return Py_BuildValue("(sOO)", "called", args, kwargs == NULL ? Py_None : kwargs);
}

static PyObject *v_add(PyObject *self, PyObject *other)
{
    if (!PyLong_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_FromFormat("add %ld+%ld", get_n(self), PyLong_AsLong(other));
}

static PyObject *v_radd(PyObject *self, PyObject *other)
{
    if (!PyLong_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_FromFormat("radd %ld+%ld", PyLong_AsLong(other), get_n(self));
}

static PyObject *v_iadd(PyObject *self, PyObject *other) { return PyUnicode_FromString("iadd"); }

static PyMethodDef v_methods[] = {
    {"__init__", v_init, METH_VARARGS},
    {"__repr__", v_repr, METH_NOARGS},
    {"__str__", v_str, METH_NOARGS},
    {"__hash__", v_hash, METH_NOARGS},
    {"__eq__", v_eq, METH_O},
    {"__lt__", v_lt, METH_O},
    {"__len__", v_len, METH_NOARGS},
    {"__bool__", v_bool, METH_NOARGS},
    {"__index__", v_index, METH_NOARGS},
    {"__neg__", v_neg, METH_NOARGS},
    {"__getitem__", v_getitem, METH_O},
    {"__setitem__", v_setitem, METH_VARARGS},
    {"__delitem__", v_delitem, METH_O},
    {"__contains__", v_contains, METH_O},
    {"__iter__", v_iter, METH_NOARGS},
    {"__call__", (PyCFunction)(void (*)(void))v_call, METH_VARARGS | METH_KEYWORDS},
    {"__add__", v_add, METH_O},
    {"__radd__", v_radd, METH_O},
    {"__iadd__", v_iadd, METH_O},
    {NULL},
};

/* Methods defined after the class: set on it later. */
static PyObject *other_len(PyObject *self, PyObject *unused) { return PyLong_FromLong(42); }
static PyObject *bad_len(PyObject *self, PyObject *unused) { return PyLong_FromLong(-1); }
static PyObject *str_len(PyObject *self, PyObject *unused) { return PyUnicode_FromString("x"); }
static PyObject *other_repr(PyObject *self, PyObject *unused) { return PyUnicode_FromString("other repr"); }
static PyObject *int_repr(PyObject *self, PyObject *unused) { return PyLong_FromLong(1); }
static PyObject *int_bool(PyObject *self, PyObject *unused) { return PyLong_FromLong(1); }
static PyObject *init_returns_int(PyObject *self, PyObject *args) { return PyLong_FromLong(3); }
static PyObject *later_sub(PyObject *self, PyObject *other) { return PyUnicode_FromString("sub"); }

static PyMethodDef later_methods[] = {
    {"__len__", other_len, METH_NOARGS},
    {"__len__", bad_len, METH_NOARGS},
    {"__len__", str_len, METH_NOARGS},
    {"__repr__", other_repr, METH_NOARGS},
    {"__repr__", int_repr, METH_NOARGS},
    {"__bool__", int_bool, METH_NOARGS},
    {"__init__", init_returns_int, METH_VARARGS},
    {"__sub__", later_sub, METH_O},
};

static PyObject *descr(PyMethodDef *def) { return PyDescr_NewMethod(&PyBaseObject_Type, def); }

static void type_call_errors(void)
{
    PyObject *d = PyDict_New();
    show_new("type(1, (), {})", PyObject_CallFunction(TYPE(), "i()O", 1, d));
    show_new("type('C', {}, {})", PyObject_CallFunction(TYPE(), "sOO", "C", d, d));
    show_new("type('C', (), 1)", PyObject_CallFunction(TYPE(), "s()i", "C", 1));
    show_new("type('C', ())", PyObject_CallFunction(TYPE(), "s()", "C"));
    show_new("type(1, 2)", PyObject_CallFunction(TYPE(), "(ii)", 1, 2));
    show_new("type('C', (1,), {})", PyObject_CallFunction(TYPE(), "s(i)O", "C", 1, d));
    show_new("type(None, None, None)", PyObject_CallFunction(TYPE(), "OOO", Py_None, Py_None, Py_None));
    show_new("type(5)", PyObject_CallFunction(TYPE(), "(i)", 5));
    show_new("type.__new__(type, 'D', (), {})", PyObject_CallMethod(TYPE(), "__new__", "Os()O", TYPE(), "D", d));
    show_new("type.__new__('D', (), {})", PyObject_CallMethod(TYPE(), "__new__", "s()O", "D", d));
    show_new("type.__new__(type)", PyObject_CallMethod(TYPE(), "__new__", "O", TYPE()));
    show_new("type.__new__(int, 'D', (), {})", PyObject_CallMethod(TYPE(), "__new__", "Os()O", &PyLong_Type, "D", d));
    PyObject *bad_qualname = Py_BuildValue("{s:i}", "__qualname__", 5);
    show_new("__qualname__=5", make_class("Q", PyTuple_New(0), bad_qualname));
    Py_DECREF(bad_qualname);
    Py_DECREF(d);
}

static void names_and_doc(void)
{
    PyObject *d = Py_BuildValue("{s:s,s:s,s:i}", "__qualname__", "Outer.Inner", "__doc__", "the doc", "x", 1);
    PyObject *c = make_class("Inner", PyTuple_New(0), d);
    show("class", c);
    show_new("__name__", PyObject_GetAttrString(c, "__name__"));
    show_new("__qualname__", PyObject_GetAttrString(c, "__qualname__"));
    show_new("__module__", PyObject_GetAttrString(c, "__module__"));
    show_new("__doc__", PyObject_GetAttrString(c, "__doc__"));
    show_ll("'__qualname__' in __dict__", PySequence_Contains(PyObject_GetAttrString(c, "__dict__"), PyUnicode_FromString("__qualname__")));
    show_cstr("tp_doc", ((PyTypeObject *)c)->tp_doc);
    show_ll("Py_TPFLAGS_HEAPTYPE", (PyType_GetFlags((PyTypeObject *)c) & Py_TPFLAGS_HEAPTYPE) != 0);
    show_ll("Py_TPFLAGS_BASETYPE", (PyType_GetFlags((PyTypeObject *)c) & Py_TPFLAGS_BASETYPE) != 0);
    PyObject *o = PyObject_CallNoArgs(c);
    show_type("type(o)", o);
    show_new("o.x", PyObject_GetAttrString(o, "x"));
    show_new("o.__dict__", PyObject_GetAttrString(o, "__dict__"));
    show_ll("o.y = 2", PyObject_SetAttrString(o, "y", PyLong_FromLong(2)));
    show_new("o.__dict__", PyObject_GetAttrString(o, "__dict__"));
    show_new("o.missing", PyObject_GetAttrString(o, "missing"));
    show_new("o.__weakref__ (none yet)", PyObject_GetAttrString(o, "__weakref__"));
    PyObject *ref = PyWeakref_NewRef(o, NULL);
    PyObject *first = PyObject_GetAttrString(o, "__weakref__");
    show_ll("o.__weakref__ is weakref.ref(o)", ref != NULL && first == ref);
    Py_XDECREF(first);
    Py_XDECREF(ref);
    show_ll("o.__dict__ = 1", PyObject_SetAttrString(o, "__dict__", Py_False));
    PyObject *nd = Py_BuildValue("{s:i}", "z", 9);
    show_ll("o.__dict__ = {'z': 9}", PyObject_SetAttrString(o, "__dict__", nd));
    show_new("o.z", PyObject_GetAttrString(o, "z"));
    show_new("o.y", PyObject_GetAttrString(o, "y"));
    Py_DECREF(nd);
    show_new("C(1)", PyObject_CallFunction(c, "i", 1));
    show_new("C(a=1)", PyObject_Call(c, PyTuple_New(0), Py_BuildValue("{s:i}", "a", 1)));
    Py_DECREF(o);
    PyObject *m = Py_BuildValue("{s:s}", "__module__", "mymod");
    PyObject *c2 = make_class("InMod", PyTuple_New(0), m);
    show("class in module", c2);
    show_new("__module__", PyObject_GetAttrString(c2, "__module__"));
    Py_DECREF(c2);
    Py_DECREF(m);
    Py_DECREF(c);
    Py_DECREF(d);
}

static void slots(void)
{
    PyObject *d = Py_BuildValue("{s:(ss)}", "__slots__", "b", "a");
    PyObject *c = make_class("S", PyTuple_New(0), d);
    show_new("S.__slots__", PyObject_GetAttrString(c, "__slots__"));
    show_new("S.a", PyObject_GetAttrString(c, "a"));
    PyObject *o = PyObject_CallNoArgs(c);
    show_new("o.a (unset)", PyObject_GetAttrString(o, "a"));
    show_ll("o.a = 1", PyObject_SetAttrString(o, "a", PyLong_FromLong(1)));
    show_new("o.a", PyObject_GetAttrString(o, "a"));
    show_ll("del o.a", PyObject_DelAttrString(o, "a"));
    show_ll("del o.a again", PyObject_DelAttrString(o, "a"));
    show_ll("o.c = 1", PyObject_SetAttrString(o, "c", PyLong_FromLong(1)));
    show_new("o.__dict__", PyObject_GetAttrString(o, "__dict__"));
    show_ll("hasattr(S, '__weakref__')", PyObject_HasAttrString(c, "__weakref__"));
    show_new("weakref.ref(S())", PyWeakref_NewRef(o, NULL));
    Py_DECREF(o);
    Py_DECREF(c);
    Py_DECREF(d);

    d = Py_BuildValue("{s:(ss)}", "__slots__", "__dict__", "x");
    c = make_class("SD", PyTuple_New(0), d);
    o = PyObject_CallNoArgs(c);
    show_ll("SD: o.y = 1", PyObject_SetAttrString(o, "y", PyLong_FromLong(1)));
    show_new("SD: o.__dict__", PyObject_GetAttrString(o, "__dict__"));
    Py_DECREF(o);
    Py_DECREF(d);
    d = Py_BuildValue("{s:s}", "__slots__", "__dict__");
    show_new("sub with __dict__ slot again", make_class("SD2", Py_BuildValue("(O)", c), d));
    Py_DECREF(c);
    Py_DECREF(d);

    d = Py_BuildValue("{s:s}", "__slots__", "__x");
    c = make_class("_Priv", PyTuple_New(0), d);
    show_ll("hasattr(_Priv, '_Priv__x')", PyObject_HasAttrString(c, "_Priv__x"));
    Py_DECREF(c);
    Py_DECREF(d);

    d = Py_BuildValue("{s:(i)}", "__slots__", 1);
    show_new("__slots__ = (1,)", make_class("E", PyTuple_New(0), d));
    Py_DECREF(d);
    d = Py_BuildValue("{s:s}", "__slots__", "a b");
    show_new("__slots__ = 'a b'", make_class("E", PyTuple_New(0), d));
    Py_DECREF(d);
    d = Py_BuildValue("{s:s,s:i}", "__slots__", "a", "a", 1);
    show_new("__slots__ conflicts", make_class("E", PyTuple_New(0), d));
    Py_DECREF(d);
    d = Py_BuildValue("{s:(ss)}", "__slots__", "__weakref__", "__weakref__");
    show_new("__weakref__ twice", make_class("E", PyTuple_New(0), d));
    Py_DECREF(d);
    d = Py_BuildValue("{s:(s)}", "__slots__", "x");
    show_new("__slots__ under int", make_class("E", Py_BuildValue("(O)", &PyLong_Type), d));
    Py_DECREF(d);
}

static void dunders(void)
{
    PyObject *d = PyDict_New();
    for (PyMethodDef *def = v_methods; def->ml_name != NULL; def++) {
        add_method(d, def);
    }
    PyObject *V = make_class("V", PyTuple_New(0), d);
    Py_DECREF(d);
    PyTypeObject *t = (PyTypeObject *)V;
    PyObject *v = PyObject_CallFunction(V, "i", 3);
    PyObject *w = PyObject_CallFunction(V, "i", 3);
    PyObject *seven = PyObject_CallFunction(V, "i", 7);
    show_new("V('x')", PyObject_CallFunction(V, "s", "x"));

    printf("-- abstract API --\n");
    show("repr", v);
    show_str("str", v);
    show_ll("hash", PyObject_Hash(v));
    show_ll("v == w", PyObject_RichCompareBool(v, w, Py_EQ));
    show_ll("v != w", PyObject_RichCompareBool(v, w, Py_NE));
    show_new("v == 1", PyObject_RichCompare(v, PyLong_FromLong(1), Py_EQ));
    show_new("v < 5", PyObject_RichCompare(v, PyLong_FromLong(5), Py_LT));
    show_new("5 > v", PyObject_RichCompare(PyLong_FromLong(5), v, Py_GT));
    show_new("v < 'a'", PyObject_RichCompare(v, PyUnicode_FromString("a"), Py_LT));
    show_new("v <= 5", PyObject_RichCompare(v, PyLong_FromLong(5), Py_LE));
    show_ll("len", PyObject_Size(v));
    show_ll("truth", PyObject_IsTrue(v));
    show_ll("truth of V(7)", PyObject_IsTrue(seven));
    show_new("index", PyNumber_Index(v));
    show_new("-v", PyNumber_Negative(v));
    show_new("+v", PyNumber_Positive(v));
    show_new("v[1]", PyObject_GetItem(v, PyLong_FromLong(1)));
    show_new("v['k']", PyObject_GetItem(v, PyUnicode_FromString("k")));
    show_new("v[5]", PyObject_GetItem(v, PyLong_FromLong(5)));
    show_new("PySequence_GetItem(v, -1)", PySequence_GetItem(v, -1));
    show_ll("v['k'] = 1", PyObject_SetItem(v, PyUnicode_FromString("k"), PyLong_FromLong(1)));
    show_ll("del v['k']", PyObject_DelItem(v, PyUnicode_FromString("k")));
    show_ll("del v[-1]", PyObject_DelItem(v, PyLong_FromLong(-1)));
    show_ll("3 in v", PySequence_Contains(v, PyLong_FromLong(3)));
    show_ll("4 in v", PySequence_Contains(v, PyLong_FromLong(4)));
    show_new("list(v)", PySequence_List(v));
    show_new("v(1, k=2)", PyObject_Call(v, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "k", 2)));
    show_ll("callable(v)", PyCallable_Check(v));
    show_new("v + 1", PyNumber_Add(v, PyLong_FromLong(1)));
    show_new("1 + v", PyNumber_Add(PyLong_FromLong(1), v));
    show_new("v + 'a'", PyNumber_Add(v, PyUnicode_FromString("a")));
    show_new("v - 1", PyNumber_Subtract(v, PyLong_FromLong(1)));
    show_new("v += 1", PyNumber_InPlaceAdd(v, PyLong_FromLong(1)));
    show_new("[0, 1, 2, 3, 4][v] (index 103)", PyObject_GetItem(Py_BuildValue("[iiiii]", 0, 1, 2, 3, 4), v));
    show_new("'ab' * v", PyNumber_Multiply(PyUnicode_FromString("ab"), PyLong_FromLong(0)));
    show_new("{v: 1}", Py_BuildValue("{O:i}", v, 1));

    printf("-- C slots called directly --\n");
    show_new("tp_repr", t->tp_repr(v));
    show_new("tp_str", t->tp_str(v));
    show_ll("tp_hash", t->tp_hash(v));
    show_new("tp_richcompare(EQ)", t->tp_richcompare(v, w, Py_EQ));
    show_new("tp_richcompare(GT) (no __gt__)", t->tp_richcompare(v, w, Py_GT));
    show_ll("sq_length", t->tp_as_sequence->sq_length(v));
    show_ll("mp_length", t->tp_as_mapping->mp_length(v));
    show_new("sq_item(1)", t->tp_as_sequence->sq_item(v, 1));
    show_new("sq_item(9)", t->tp_as_sequence->sq_item(v, 9));
    show_new("mp_subscript('k')", t->tp_as_mapping->mp_subscript(v, PyUnicode_FromString("k")));
    show_ll("sq_ass_item(0, 5)", t->tp_as_sequence->sq_ass_item(v, 0, PyLong_FromLong(5)));
    show_ll("sq_ass_item(-2, NULL)", t->tp_as_sequence->sq_ass_item(v, -2, NULL));
    show_ll("mp_ass_subscript('k', NULL)", t->tp_as_mapping->mp_ass_subscript(v, PyUnicode_FromString("k"), NULL));
    show_ll("sq_contains(3)", t->tp_as_sequence->sq_contains(v, PyLong_FromLong(3)));
    show_ll("nb_bool", t->tp_as_number->nb_bool(v));
    show_new("nb_index", t->tp_as_number->nb_index(v));
    show_new("nb_negative", t->tp_as_number->nb_negative(v));
    show_ll("nb_positive is NULL", t->tp_as_number->nb_positive == NULL);
    show_new("nb_add(v, 2)", t->tp_as_number->nb_add(v, PyLong_FromLong(2)));
    show_new("nb_add(2, v)", t->tp_as_number->nb_add(PyLong_FromLong(2), v));
    show_new("nb_add(v, 'a')", t->tp_as_number->nb_add(v, PyUnicode_FromString("a")));
    show_new("nb_inplace_add", t->tp_as_number->nb_inplace_add(v, PyLong_FromLong(2)));
    show_new("tp_call", t->tp_call(v, Py_BuildValue("(i)", 1), NULL));
    PyObject *it = t->tp_iter(v);
    show("tp_iter", it == NULL ? NULL : Py_None);
    show_new("next", it == NULL ? NULL : PyIter_Next(it));
    Py_XDECREF(it);
    show_new("tp_getattro('n')", t->tp_getattro(v, PyUnicode_FromString("n")));
    show_new("tp_getattro('zz')", t->tp_getattro(v, PyUnicode_FromString("zz")));
    show_ll("tp_setattro('zz', 1)", t->tp_setattro(v, PyUnicode_FromString("zz"), PyLong_FromLong(1)));
    show_new("v.zz", PyObject_GetAttrString(v, "zz"));
    show_ll("tp_getattro is generic", t->tp_getattro == PyObject_GenericGetAttr);
    show_ll("tp_init(v, (8,))", t->tp_init(v, Py_BuildValue("(i)", 8), NULL));
    show("v after tp_init", v);
    PyObject *made = t->tp_new(t, PyTuple_New(0), NULL);
    show_type("tp_new", made);
    Py_XDECREF(made);

    printf("-- dunders changed on the class --\n");
    PyObject *f = descr(&later_methods[0]);
    show_ll("V.__len__ = other", PyObject_SetAttrString(V, "__len__", f));
    Py_DECREF(f);
    show_ll("sq_length", t->tp_as_sequence->sq_length(v));
    show_ll("len", PyObject_Size(v));
    f = descr(&later_methods[1]);
    PyObject_SetAttrString(V, "__len__", f);
    Py_DECREF(f);
    show_ll("len (-1)", PyObject_Size(v));
    f = descr(&later_methods[2]);
    PyObject_SetAttrString(V, "__len__", f);
    Py_DECREF(f);
    show_ll("len ('x')", PyObject_Size(v));
    show_ll("del V.__len__", PyObject_DelAttrString(V, "__len__"));
    show_ll("sq_length is NULL", t->tp_as_sequence->sq_length == NULL);
    show_ll("len", PyObject_Size(v));
    f = descr(&later_methods[7]);
    show_ll("V.__sub__ = sub", PyObject_SetAttrString(V, "__sub__", f));
    Py_DECREF(f);
    show_new("v - 1", PyNumber_Subtract(v, PyLong_FromLong(1)));
    show_new("nb_subtract(v, 1)", t->tp_as_number->nb_subtract(v, PyLong_FromLong(1)));
    show_ll("del V.__sub__", PyObject_DelAttrString(V, "__sub__"));
    show_new("v - 1", PyNumber_Subtract(v, PyLong_FromLong(1)));
    show_ll("nb_subtract is NULL", t->tp_as_number->nb_subtract == NULL);
    f = descr(&later_methods[4]);
    PyObject_SetAttrString(V, "__repr__", f);
    Py_DECREF(f);
    show_new("repr (returns int)", PyObject_Repr(v));
    f = descr(&later_methods[5]);
    PyObject_SetAttrString(V, "__bool__", f);
    Py_DECREF(f);
    show_ll("truth (__bool__ returns int)", PyObject_IsTrue(v));
    show_ll("V.__hash__ = None", PyObject_SetAttrString(V, "__hash__", Py_None));
    show_ll("hash", PyObject_Hash(v));
    show_ll("tp_hash is PyObject_HashNotImplemented", t->tp_hash == PyObject_HashNotImplemented);
    show_ll("V.__iter__ = None", PyObject_SetAttrString(V, "__iter__", Py_None));
    show_new("iter", PyObject_GetIter(v));
    f = descr(&later_methods[6]);
    PyObject_SetAttrString(V, "__init__", f);
    Py_DECREF(f);
    show_new("V() (__init__ returns int)", PyObject_CallNoArgs(V));

    printf("-- subclass --\n");
    PyObject *W = make_class("W", Py_BuildValue("(O)", V), PyDict_New());
    PyObject *sub = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    Py_XDECREF(sub);
    PyErr_Clear();
    f = descr(&later_methods[3]);
    PyObject_SetAttrString(V, "__repr__", f);
    Py_DECREF(f);
    PyObject *init = descr(&v_methods[0]);
    PyObject_SetAttrString(V, "__init__", init);
    Py_DECREF(init);
    PyObject *wi = PyObject_CallFunction(W, "i", 4);
    show("W(4)", wi);
    show_new("W(4) + 1", PyNumber_Add(wi, PyLong_FromLong(1)));
    f = descr(&later_methods[0]);
    PyObject_SetAttrString(V, "__len__", f);
    Py_DECREF(f);
    show_ll("len(W(4)) after V.__len__ set", PyObject_Size(wi));
    show_ll("W sq_length", ((PyTypeObject *)W)->tp_as_sequence->sq_length(wi));
    Py_XDECREF(wi);
    Py_DECREF(W);

    Py_DECREF(v);
    Py_DECREF(w);
    Py_DECREF(seven);
    Py_DECREF(V);
}

static void unhashable(void)
{
    static PyMethodDef eq_def = {"__eq__", v_eq, METH_O};
    PyObject *d = PyDict_New();
    add_method(d, &eq_def);
    PyObject *E = make_class("E", PyTuple_New(0), d);
    show_new("E.__hash__", PyObject_GetAttrString(E, "__hash__"));
    PyObject *e = PyObject_CallNoArgs(E);
    show_ll("hash(E())", PyObject_Hash(e));
    show_ll("tp_hash(E())", ((PyTypeObject *)E)->tp_hash(e));
    show_new("{E(): 1}", Py_BuildValue("{O:i}", e, 1));
    Py_DECREF(e);
    Py_DECREF(E);
    Py_DECREF(d);
    d = Py_BuildValue("{s:O}", "__hash__", Py_None);
    PyObject *H = make_class("H", PyTuple_New(0), d);
    PyObject *h = PyObject_CallNoArgs(H);
    show_ll("hash(H()) with __hash__ = None", PyObject_Hash(h));
    Py_DECREF(h);
    Py_DECREF(H);
    Py_DECREF(d);
}

int main(void)
{
    conf_init();
    type_call_errors();
    names_and_doc();
    slots();
    dunders();
    unhashable();
    return conf_end();
}
