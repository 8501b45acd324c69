/* Python's attribute semantics on classes made from C by type(): data and non-data
   descriptors (classes with __get__/__set__/__delete__) against the instance dict,
   __getattr__ after a failed lookup, __getattribute__, __setattr__/__delattr__,
   __set_name__, __init_subclass__ with the keywords given to type(), __class_getitem__,
   __instancecheck__/__subclasscheck__ on a metaclass and the __bases__ protocol, the
   MRO and its errors, super(); the Generic* attribute and dict functions, _PyType_Lookup
   and _PyObject_LookupAttr; classmethod, staticmethod, property, instancemethod and bound
   methods from C, the descriptor types' tp_descr_get / tp_descr_set called from C, and
   a METH_STATIC method of a C type. Each with its errors. */
#include "conformance.h"

static PyObject *TYPE(void) { return (PyObject *)&PyType_Type; }

static PyObject *method(PyMethodDef *def) { return PyDescr_NewMethod(&PyBaseObject_Type, def); }

static PyObject *make_class(const char *name, PyObject *bases, PyObject *dict)
{
    return PyObject_CallFunction(TYPE(), "sOO", name, bases, dict);
}

/* A class from a NULL-terminated method table and extra (name, value) pairs. */
static PyObject *class_with(const char *name, PyObject *bases, PyMethodDef *defs, PyObject *extra)
{
    PyObject *d = extra == NULL ? PyDict_New() : PyDict_Copy(extra);
    for (PyMethodDef *def = defs; def != NULL && def->ml_name != NULL; def++) {
        PyObject *m = method(def);
        PyDict_SetItemString(d, def->ml_name, m);
        Py_DECREF(m);
    }
    PyObject *c = make_class(name, bases == NULL ? PyTuple_New(0) : bases, d);
    Py_DECREF(d);
    return c;
}

static const char *repr_of(PyObject *o)
{
    static char buffers[4][200];
    static int next;
    char *b = buffers[next++ % 4];
    PyObject *r = o == NULL ? NULL : PyObject_Repr(o);
    snprintf(b, 200, "%s", r == NULL ? "NULL" : PyUnicode_AsUTF8(r));
    Py_XDECREF(r);
    return b;
}

/* -- descriptors -- */

static PyObject *d_get(PyObject *self, PyObject *args)
{
    PyObject *obj, *type;
    if (!PyArg_ParseTuple(args, "OO", &obj, &type)) {
        return NULL;
    }
    return Py_BuildValue("(sss)", "get", Py_TYPE(obj)->tp_name, type == Py_None ? "None" : ((PyTypeObject *)type)->tp_name);
}

static PyObject *d_set(PyObject *self, PyObject *args)
{
    PyObject *obj, *value;
    if (!PyArg_ParseTuple(args, "OO", &obj, &value)) {
        return NULL;
    }
    printf("  __set__(%s, %s)\n", Py_TYPE(obj)->tp_name, repr_of(value));
    Py_RETURN_NONE;
}

static PyObject *d_delete(PyObject *self, PyObject *obj)
{
    printf("  __delete__(%s)\n", Py_TYPE(obj)->tp_name);
    Py_RETURN_NONE;
}

static PyObject *d_set_name(PyObject *self, PyObject *args)
{
    PyObject *owner, *name;
    if (!PyArg_ParseTuple(args, "OU", &owner, &name)) {
        return NULL;
    }
    printf("  __set_name__(%s, %s)\n", ((PyTypeObject *)owner)->tp_name, repr_of(name));
    if (PyUnicode_CompareWithASCIIString(name, "bad") == 0) {
        PyErr_SetString(PyExc_ValueError, "set_name refused");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef data_descr_methods[] = {
    {"__get__", d_get, METH_VARARGS},
    {"__set__", d_set, METH_VARARGS},
    {"__delete__", d_delete, METH_O},
    {"__set_name__", d_set_name, METH_VARARGS},
    {NULL},
};

static PyMethodDef nondata_descr_methods[] = {
    {"__get__", d_get, METH_VARARGS},
    {NULL},
};

static void descriptors(void)
{
    PyObject *DataD = class_with("DataD", NULL, data_descr_methods, NULL);
    PyObject *NonDataD = class_with("NonDataD", NULL, nondata_descr_methods, NULL);
    PyObject *dd = PyObject_CallNoArgs(DataD), *nd = PyObject_CallNoArgs(NonDataD);
    printf("-- class creation calls __set_name__ --\n");
    PyObject *extra = Py_BuildValue("{sOsOsi}", "d", dd, "n", nd, "plain", 1);
    PyObject *Owner = class_with("Owner", NULL, NULL, extra);
    Py_DECREF(extra);
    PyObject *o = PyObject_CallNoArgs(Owner);
    PyObject *odict = PyObject_GetAttrString(o, "__dict__");
    PyDict_SetItemString(odict, "d", PyUnicode_FromString("instance d"));
    PyDict_SetItemString(odict, "n", PyUnicode_FromString("instance n"));
    PyDict_SetItemString(odict, "plain", PyUnicode_FromString("instance plain"));
    printf("-- precedence --\n");
    show_new("o.d (data descriptor wins)", PyObject_GetAttrString(o, "d"));
    show_new("o.n (instance dict wins)", PyObject_GetAttrString(o, "n"));
    show_new("o.plain", PyObject_GetAttrString(o, "plain"));
    show_new("Owner.d", PyObject_GetAttrString(Owner, "d"));
    show_new("Owner.n", PyObject_GetAttrString(Owner, "n"));
    show_ll("o.d = 5", PyObject_SetAttrString(o, "d", PyLong_FromLong(5)));
    show_ll("del o.d", PyObject_DelAttrString(o, "d"));
    show_ll("o.n = 5", PyObject_SetAttrString(o, "n", PyLong_FromLong(5)));
    show_new("o.__dict__['n']", Py_XNewRef(PyDict_GetItemString(odict, "n")));
    PyDict_DelItemString(odict, "n");
    show_new("o.n (no instance value)", PyObject_GetAttrString(o, "n"));
    show_new("PyObject_GenericGetAttr(o, 'd')", PyObject_GenericGetAttr(o, PyUnicode_FromString("d")));
    printf("-- descriptor slots from C --\n");
    show_new("tp_descr_get(dd, o, Owner)", Py_TYPE(dd)->tp_descr_get(dd, o, Owner));
    show_new("tp_descr_get(dd, NULL, Owner)", Py_TYPE(dd)->tp_descr_get(dd, NULL, Owner));
    show_ll("tp_descr_set(dd, o, 1)", Py_TYPE(dd)->tp_descr_set(dd, o, PyLong_FromLong(1)));
    show_ll("tp_descr_set(dd, o, NULL)", Py_TYPE(dd)->tp_descr_set(dd, o, NULL));
    show_ll("NonDataD tp_descr_set is NULL", Py_TYPE(nd)->tp_descr_set == NULL);
    printf("-- __set_name__ failing --\n");
    extra = Py_BuildValue("{sO}", "bad", dd);
    show_new("class with bad", class_with("Bad", NULL, NULL, extra));
    Py_DECREF(extra);
    Py_DECREF(odict);
    Py_DECREF(o);
    Py_DECREF(Owner);
    Py_DECREF(dd);
    Py_DECREF(nd);
    Py_DECREF(DataD);
    Py_DECREF(NonDataD);
}

/* -- __getattr__, __getattribute__, __setattr__, __delattr__ -- */

static PyObject *ga_getattr(PyObject *self, PyObject *name)
{
    if (PyUnicode_CompareWithASCIIString(name, "nope") == 0) {
        PyErr_SetString(PyExc_AttributeError, "nope from __getattr__");
        return NULL;
    }
    if (PyUnicode_CompareWithASCIIString(name, "boom") == 0) {
        PyErr_SetString(PyExc_KeyError, "boom");
        return NULL;
    }
    return PyUnicode_FromFormat("getattr:%U", name);
}

static PyObject *gab_getattribute(PyObject *self, PyObject *name)
{
    if (PyUnicode_CompareWithASCIIString(name, "real") == 0) {
        return PyObject_GenericGetAttr(self, name);
    }
    if (PyUnicode_CompareWithASCIIString(name, "x") == 0 || PyUnicode_CompareWithASCIIString(name, "nope") == 0) {
        PyErr_SetString(PyExc_AttributeError, "x from __getattribute__");
        return NULL;
    }
    return PyUnicode_FromFormat("getattribute:%U", name);
}

static PyObject *sa_setattr(PyObject *self, PyObject *args)
{
    PyObject *name, *value;
    if (!PyArg_ParseTuple(args, "UO", &name, &value)) {
        return NULL;
    }
    printf("  __setattr__(%s, %s)\n", repr_of(name), repr_of(value));
    if (PyUnicode_CompareWithASCIIString(name, "ro") == 0) {
        PyErr_SetString(PyExc_AttributeError, "ro is read-only");
        return NULL;
    }
    return PyObject_GenericSetAttr(self, name, value) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *sa_delattr(PyObject *self, PyObject *name)
{
    printf("  __delattr__(%s)\n", repr_of(name));
    return PyObject_GenericSetAttr(self, name, NULL) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyMethodDef ga_methods[] = {{"__getattr__", ga_getattr, METH_O}, {NULL}};
static PyMethodDef gab_methods[] = {{"__getattribute__", gab_getattribute, METH_O}, {"__getattr__", ga_getattr, METH_O}, {NULL}};
static PyMethodDef sa_methods[] = {{"__setattr__", sa_setattr, METH_VARARGS}, {"__delattr__", sa_delattr, METH_O}, {NULL}};

static void attribute_hooks(void)
{
    PyObject *extra = Py_BuildValue("{si}", "existing", 1);
    PyObject *GA = class_with("GA", NULL, ga_methods, extra);
    PyObject *o = PyObject_CallNoArgs(GA);
    show_new("GA: o.existing", PyObject_GetAttrString(o, "existing"));
    show_new("GA: o.missing", PyObject_GetAttrString(o, "missing"));
    show_new("GA: o.nope", PyObject_GetAttrString(o, "nope"));
    show_new("GA: o.boom", PyObject_GetAttrString(o, "boom"));
    show_ll("GA: hasattr(o, 'nope')", PyObject_HasAttrString(o, "nope"));
    PyObject *result = NULL;
    show_ll("GA: _PyObject_LookupAttr(o, 'nope')", _PyObject_LookupAttr(o, PyUnicode_FromString("nope"), &result));
    show_ll("GA: _PyObject_LookupAttr(o, 'boom')", _PyObject_LookupAttr(o, PyUnicode_FromString("boom"), &result));
    show_ll("GA: _PyObject_LookupAttr(o, 'any')", _PyObject_LookupAttr(o, PyUnicode_FromString("any"), &result));
    show_new("  result", result);
    show_new("GA: tp_getattro(o, 'missing')", Py_TYPE(o)->tp_getattro(o, PyUnicode_FromString("missing")));
    show_new("GA: PyObject_GenericGetAttr(o, 'missing')", PyObject_GenericGetAttr(o, PyUnicode_FromString("missing")));
    Py_DECREF(o);
    Py_DECREF(GA);

    PyObject *GAB = class_with("GAB", NULL, gab_methods, extra);
    o = PyObject_CallNoArgs(GAB);
    show_new("GAB: o.existing", PyObject_GetAttrString(o, "existing"));
    show_new("GAB: o.x", PyObject_GetAttrString(o, "x"));
    show_new("GAB: o.nope", PyObject_GetAttrString(o, "nope"));
    show_new("GAB: o.real", PyObject_GetAttrString(o, "real"));
    show_new("GAB: tp_getattro(o, 'y')", Py_TYPE(o)->tp_getattro(o, PyUnicode_FromString("y")));
    Py_DECREF(o);
    Py_DECREF(GAB);
    Py_DECREF(extra);

    PyObject *SA = class_with("SA", NULL, sa_methods, NULL);
    o = PyObject_CallNoArgs(SA);
    show_ll("SA: o.a = 1", PyObject_SetAttrString(o, "a", PyLong_FromLong(1)));
    show_new("SA: o.a", PyObject_GetAttrString(o, "a"));
    show_ll("SA: o.ro = 1", PyObject_SetAttrString(o, "ro", PyLong_FromLong(1)));
    show_ll("SA: tp_setattro(o, 'b', 2)", Py_TYPE(o)->tp_setattro(o, PyUnicode_FromString("b"), PyLong_FromLong(2)));
    show_ll("SA: del o.a", PyObject_DelAttrString(o, "a"));
    show_ll("SA: del o.a again", PyObject_DelAttrString(o, "a"));
    show_ll("SA: tp_setattro(o, 'b', NULL)", Py_TYPE(o)->tp_setattro(o, PyUnicode_FromString("b"), NULL));
    show_new("SA: o.__dict__", PyObject_GetAttrString(o, "__dict__"));
    Py_DECREF(o);
    Py_DECREF(SA);
}

/* -- class creation hooks: __init_subclass__, __class_getitem__ -- */

static PyObject *init_subclass(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *cls = PyTuple_GET_ITEM(args, 0);
    printf("  __init_subclass__(%s, %s)\n", ((PyTypeObject *)cls)->tp_name, kwargs == NULL ? "NULL" : repr_of(kwargs));
    if (kwargs != NULL && PyDict_GetItemString(kwargs, "fail") != NULL) {
        PyErr_SetString(PyExc_ValueError, "subclass refused");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *class_getitem(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(sOO)", "class_getitem", PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1));
}

static PyMethodDef init_subclass_def = {"__init_subclass__", (PyCFunction)(void (*)(void))init_subclass, METH_VARARGS | METH_KEYWORDS};
static PyMethodDef class_getitem_def = {"__class_getitem__", class_getitem, METH_VARARGS};

static void class_hooks(void)
{
    PyObject *f = PyCFunction_New(&init_subclass_def, NULL);
    PyObject *cm = PyClassMethod_New(f);
    PyObject *g = PyCFunction_New(&class_getitem_def, NULL);
    PyObject *gm = PyClassMethod_New(g);
    PyObject *extra = Py_BuildValue("{sOsO}", "__init_subclass__", cm, "__class_getitem__", gm);
    printf("-- Base is made: its own __init_subclass__ is not called --\n");
    PyObject *Base = class_with("Base", NULL, NULL, extra);
    PyObject *bases = Py_BuildValue("(O)", Base);
    PyObject *args = Py_BuildValue("(sOO)", "Sub", bases, PyDict_New());
    PyObject *kwargs = Py_BuildValue("{si}", "flag", 1);
    show_new("type('Sub', (Base,), {}, flag=1)", PyObject_Call(TYPE(), args, kwargs));
    show_new("type('Sub', (Base,), {})", PyObject_Call(TYPE(), args, NULL));
    PyObject *failing = Py_BuildValue("{si}", "fail", 1);
    show_new("type('Sub', (Base,), {}, fail=1)", PyObject_Call(TYPE(), args, failing));
    PyObject *plain_args = Py_BuildValue("(s()O)", "Plain", PyDict_New());
    show_new("type('Plain', (), {}, flag=1)", PyObject_Call(TYPE(), plain_args, kwargs));
    show_new("Base[int]", PyObject_GetItem(Base, (PyObject *)&PyLong_Type));
    PyObject *Sub = PyObject_Call(TYPE(), args, NULL);
    show_new("Sub[5]", PyObject_GetItem(Sub, PyLong_FromLong(5)));
    PyObject *Plain = PyObject_Call(TYPE(), plain_args, NULL);
    show_new("Plain[5]", PyObject_GetItem(Plain, PyLong_FromLong(5)));
    show_new("int[5]", PyObject_GetItem((PyObject *)&PyLong_Type, PyLong_FromLong(5)));
    Py_XDECREF(Plain);
    Py_XDECREF(Sub);
    Py_DECREF(plain_args);
    Py_DECREF(failing);
    Py_DECREF(kwargs);
    Py_DECREF(args);
    Py_DECREF(bases);
    Py_DECREF(Base);
    Py_DECREF(extra);
    Py_DECREF(gm);
    Py_DECREF(g);
    Py_DECREF(cm);
    Py_DECREF(f);
}

/* -- isinstance / issubclass -- */

static PyObject *instancecheck(PyObject *cls, PyObject *obj)
{
    printf("  __instancecheck__(%s, %s)\n", ((PyTypeObject *)cls)->tp_name, repr_of(obj));
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "no strings");
        return NULL;
    }
    return PyLong_FromLong(PyLong_Check(obj) ? 2 : 0);
}

static PyObject *subclasscheck(PyObject *cls, PyObject *sub)
{
    printf("  __subclasscheck__(%s, %s)\n", ((PyTypeObject *)cls)->tp_name, repr_of(sub));
    return PyBool_FromLong(sub == (PyObject *)&PyFloat_Type);
}

static PyObject *meta_init(PyObject *cls, PyObject *args)
{
    printf("  Meta.__init__(%s, %s)\n", ((PyTypeObject *)cls)->tp_name, repr_of(PyTuple_GET_ITEM(args, 0)));
    Py_RETURN_NONE;
}

static PyObject *meta_call(PyObject *cls, PyObject *args, PyObject *kwargs)
{
    printf("  Meta.__call__(%s, %s)\n", ((PyTypeObject *)cls)->tp_name, repr_of(args));
    if (PyTuple_GET_SIZE(args) == 1) {
        return Py_NewRef(PyTuple_GET_ITEM(args, 0));
    }
    PyObject *call = PyObject_GetAttrString((PyObject *)&PyType_Type, "__call__");
    PyObject *full = PyTuple_Pack(1, cls);
    PyObject *r = call == NULL || full == NULL ? NULL : PyObject_Call(call, full, NULL);
    Py_XDECREF(call);
    Py_XDECREF(full);
    return r;
}

static PyObject *meta_repr(PyObject *cls, PyObject *unused)
{
    return PyUnicode_FromFormat("<Meta class %s>", ((PyTypeObject *)cls)->tp_name);
}

static PyObject *meta_getitem(PyObject *cls, PyObject *key) { return Py_BuildValue("(sO)", "Meta.__getitem__", key); }

static PyMethodDef meta_methods[] = {
    {"__init__", meta_init, METH_VARARGS},
    {"__call__", (PyCFunction)(void (*)(void))meta_call, METH_VARARGS | METH_KEYWORDS},
    {"__repr__", meta_repr, METH_NOARGS},
    {"__getitem__", meta_getitem, METH_O},
    {"__instancecheck__", instancecheck, METH_O},
    {"__subclasscheck__", subclasscheck, METH_O},
    {NULL},
};

static void instance_checks(void)
{
    PyObject *type_bases = Py_BuildValue("(O)", TYPE());
    PyObject *Meta = class_with("Meta", type_bases, meta_methods, NULL);
    show("Meta", Meta);
    show_type("type(Meta)", Meta);
    PyObject *C = PyObject_CallFunction(Meta, "s()N", "C", PyDict_New());
    show("Meta('C', (), {})", C);
    show_type("type(C)", C);
    PyObject *c = PyObject_CallNoArgs(C);
    show_type("C() (Meta.__call__ calls type.__call__)", c);
    show_new("C(5) (Meta.__call__)", PyObject_CallFunction(C, "i", 5));
    show_new("C[1]", PyObject_GetItem(C, PyLong_FromLong(1)));
    show_ll("isinstance(c, C) (exact type: no call)", PyObject_IsInstance(c, C));
    show_ll("isinstance(5, C)", PyObject_IsInstance(PyLong_FromLong(5), C));
    show_ll("isinstance(1.5, C)", PyObject_IsInstance(PyFloat_FromDouble(1.5), C));
    show_ll("isinstance('s', C)", PyObject_IsInstance(PyUnicode_FromString("s"), C));
    show_ll("isinstance(5, (str, C))", PyObject_IsInstance(PyLong_FromLong(5), Py_BuildValue("(OO)", &PyUnicode_Type, C)));
    show_ll("issubclass(float, C)", PyObject_IsSubclass((PyObject *)&PyFloat_Type, C));
    show_ll("issubclass(C, C)", PyObject_IsSubclass(C, C));
    show_ll("issubclass(5, C)", PyObject_IsSubclass(PyLong_FromLong(5), C));
    printf("-- classinfo that is not a type --\n");
    show_ll("isinstance(5, 5)", PyObject_IsInstance(PyLong_FromLong(5), PyLong_FromLong(5)));
    show_ll("issubclass(int, 5)", PyObject_IsSubclass((PyObject *)&PyLong_Type, PyLong_FromLong(5)));
    show_ll("issubclass(5, int)", PyObject_IsSubclass(PyLong_FromLong(5), (PyObject *)&PyLong_Type));
    PyObject *Holder = make_class("Holder", PyTuple_New(0), PyDict_New());
    PyObject *fake_a = PyObject_CallNoArgs(Holder), *fake_b = PyObject_CallNoArgs(Holder);
    PyObject_SetAttrString(fake_a, "__bases__", PyTuple_New(0));
    PyObject_SetAttrString(fake_b, "__bases__", Py_BuildValue("(O)", fake_a));
    show_ll("issubclass(fake_b, fake_a)", PyObject_IsSubclass(fake_b, fake_a));
    show_ll("issubclass(fake_a, fake_b)", PyObject_IsSubclass(fake_a, fake_b));
    show_ll("issubclass(int, fake_a)", PyObject_IsSubclass((PyObject *)&PyLong_Type, fake_a));
    show_ll("isinstance(5, fake_a)", PyObject_IsInstance(PyLong_FromLong(5), fake_a));
    Py_DECREF(fake_a);
    Py_DECREF(fake_b);
    Py_DECREF(Holder);
    Py_DECREF(c);
    Py_DECREF(C);
    Py_DECREF(Meta);
    Py_DECREF(type_bases);
}

/* -- MRO and super -- */

static PyObject *who(PyObject *self, PyObject *unused) { return PyUnicode_FromString("A.who"); }
static PyObject *who_b(PyObject *self, PyObject *unused) { return PyUnicode_FromString("B.who"); }
static PyMethodDef a_methods[] = {{"who", who, METH_NOARGS}, {NULL}};
static PyMethodDef b_methods[] = {{"who", who_b, METH_NOARGS}, {NULL}};

static void mro_and_super(void)
{
    PyObject *A = class_with("A", NULL, a_methods, NULL);
    PyObject *B = class_with("B", Py_BuildValue("(O)", A), b_methods, NULL);
    PyObject *C = make_class("C", Py_BuildValue("(O)", A), PyDict_New());
    PyObject *D = make_class("D", Py_BuildValue("(OO)", B, C), PyDict_New());
    show_new("D.__mro__", PyObject_GetAttrString(D, "__mro__"));
    show_new("D.__bases__", PyObject_GetAttrString(D, "__bases__"));
    show_new("D.__base__", PyObject_GetAttrString(D, "__base__"));
    show_new("type('X', (A, B), {})", make_class("X", Py_BuildValue("(OO)", A, B), PyDict_New()));
    show_new("type('X', (A, A), {})", make_class("X", Py_BuildValue("(OO)", A, A), PyDict_New()));
    show_new("type('X', (bool,), {})", make_class("X", Py_BuildValue("(O)", &PyBool_Type), PyDict_New()));
    PyObject *d = PyObject_CallNoArgs(D);
    PyObject *who_d = PyObject_CallMethod(d, "who", NULL);
    show_new("d.who()", who_d);
    PyObject *s = PyObject_CallFunction((PyObject *)&PySuper_Type, "OO", B, d);
    show_type("type(super(B, d))", s);
    show_new("super(B, d).who()", PyObject_CallMethod(s, "who", NULL));
    show_new("super(B, d).missing", PyObject_GetAttrString(s, "missing"));
    show_new("super(B, d).__thisclass__", PyObject_GetAttrString(s, "__thisclass__"));
    Py_XDECREF(s);
    s = PyObject_CallFunction((PyObject *)&PySuper_Type, "OO", D, d);
    show_new("super(D, d).who()", PyObject_CallMethod(s, "who", NULL));
    Py_XDECREF(s);
    show_new("super(B, 5)", PyObject_CallFunction((PyObject *)&PySuper_Type, "Oi", B, 5));
    show_new("super(5, d)", PyObject_CallFunction((PyObject *)&PySuper_Type, "iO", 5, d));
    Py_DECREF(d);
    Py_DECREF(D);
    Py_DECREF(C);
    Py_DECREF(B);
    Py_DECREF(A);
}

/* -- generic attribute functions -- */

static void generic_functions(void)
{
    PyObject *extra = Py_BuildValue("{si}", "k", 1);
    PyObject *C = class_with("G", NULL, NULL, extra);
    PyObject *slots = Py_BuildValue("{s()si}", "__slots__", "k", 1);
    PyObject *S = make_class("NoDict", PyTuple_New(0), slots);
    PyObject *o = PyObject_CallNoArgs(C), *s = PyObject_CallNoArgs(S);
    PyObject *plain = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    show_ll("GenericSetAttr(o, 'a', 1)", PyObject_GenericSetAttr(o, PyUnicode_FromString("a"), PyLong_FromLong(1)));
    show_new("GenericGetAttr(o, 'a')", PyObject_GenericGetAttr(o, PyUnicode_FromString("a")));
    show_new("GenericGetAttr(o, 'k')", PyObject_GenericGetAttr(o, PyUnicode_FromString("k")));
    show_new("GenericGetAttr(o, 'zz')", PyObject_GenericGetAttr(o, PyUnicode_FromString("zz")));
    show_ll("GenericSetAttr(o, 'zz', NULL)", PyObject_GenericSetAttr(o, PyUnicode_FromString("zz"), NULL));
    show_ll("GenericSetAttr(s, 'k', 2) (class attribute, no dict)", PyObject_GenericSetAttr(s, PyUnicode_FromString("k"), PyLong_FromLong(2)));
    show_ll("GenericSetAttr(s, 'q', 2)", PyObject_GenericSetAttr(s, PyUnicode_FromString("q"), PyLong_FromLong(2)));
    show_ll("object().y = 1", PyObject_SetAttrString(plain, "y", PyLong_FromLong(1)));
    show_ll("int.x = 1", PyObject_SetAttrString((PyObject *)&PyLong_Type, "x", PyLong_FromLong(1)));
    show_ll("G.x = 1", PyObject_SetAttrString(C, "x", PyLong_FromLong(1)));
    show_new("o.x", PyObject_GetAttrString(o, "x"));
    show_ll("del G.x", PyObject_DelAttrString(C, "x"));
    show_ll("del G.x again", PyObject_DelAttrString(C, "x"));
    printf("-- dicts --\n");
    show_new("GenericGetDict(o)", PyObject_GenericGetDict(o, NULL));
    show_new("GenericGetDict(s)", PyObject_GenericGetDict(s, NULL));
    show_ll("GenericSetDict(o, NULL)", PyObject_GenericSetDict(o, NULL, NULL));
    show_ll("GenericSetDict(o, 1)", PyObject_GenericSetDict(o, PyLong_FromLong(1), NULL));
    PyObject *nd = Py_BuildValue("{si}", "b", 2);
    show_ll("GenericSetDict(o, {'b': 2})", PyObject_GenericSetDict(o, nd, NULL));
    show_new("o.b", PyObject_GetAttrString(o, "b"));
    show_ll("GenericSetDict(s, {})", PyObject_GenericSetDict(s, nd, NULL));
    PyObject **dictptr = _PyObject_GetDictPtr(o);
    show_ll("_PyObject_GetDictPtr(o) != NULL", dictptr != NULL);
    show_ll("*dictptr is the dict set", dictptr != NULL && *dictptr == nd);
    show_ll("_PyObject_GetDictPtr(s) == NULL", _PyObject_GetDictPtr(s) == NULL);
    show_ll("_PyObject_GetDictPtr(5) == NULL", _PyObject_GetDictPtr(PyLong_FromLong(5)) == NULL);
    check_no_exc("_PyObject_GetDictPtr");
    Py_DECREF(nd);
    printf("-- _PyType_Lookup --\n");
    PyObject *k = _PyType_Lookup((PyTypeObject *)C, PyUnicode_FromString("k"));
    show("_PyType_Lookup(G, 'k')", k);
    PyObject *sub = make_class("GSub", Py_BuildValue("(O)", C), PyDict_New());
    show("_PyType_Lookup(GSub, 'k')", _PyType_Lookup((PyTypeObject *)sub, PyUnicode_FromString("k")));
    show_ll("_PyType_Lookup(GSub, 'nothing') is NULL", _PyType_Lookup((PyTypeObject *)sub, PyUnicode_FromString("nothing")) == NULL);
    check_no_exc("_PyType_Lookup");
    PyType_Modified((PyTypeObject *)sub);
    check_no_exc("PyType_Modified");
    Py_DECREF(sub);
    Py_DECREF(plain);
    Py_DECREF(o);
    Py_DECREF(s);
    Py_DECREF(C);
    Py_DECREF(S);
    Py_DECREF(slots);
    Py_DECREF(extra);
}

/* -- classmethod, staticmethod, property, instancemethod, method -- */

static PyObject *echo(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(sO)", self == NULL ? "self=NULL" : "self set", args);
}

static PyObject *prop_get(PyObject *self, PyObject *obj) { return Py_BuildValue("(ss)", "fget", Py_TYPE(obj)->tp_name); }

static PyObject *prop_set(PyObject *self, PyObject *args)
{
    printf("  fset%s\n", repr_of(args));
    Py_RETURN_NONE;
}

static PyObject *w_repr(PyObject *self, PyObject *unused) { return PyUnicode_FromString("W()"); }
static PyMethodDef w_methods[] = {{"__repr__", w_repr, METH_NOARGS}, {NULL}};

static PyMethodDef echo_def = {"echo", echo, METH_VARARGS, "echo doc"};
static PyMethodDef getter_def = {"prop_get", prop_get, METH_O, "prop_get doc"};
static PyMethodDef setter_def = {"prop_set", prop_set, METH_VARARGS};

static void function_wrappers(void)
{
    PyObject *f = PyCFunction_New(&echo_def, NULL);
    PyObject *cm = PyClassMethod_New(f), *sm = PyStaticMethod_New(f), *im = PyInstanceMethod_New(f);
    PyObject *fget = PyCFunction_New(&getter_def, NULL), *fset = PyCFunction_New(&setter_def, NULL);
    PyObject *prop = PyObject_CallFunction((PyObject *)&PyProperty_Type, "OOOs", fget, fset, Py_None, "prop doc");
    PyObject *ro = PyObject_CallFunction((PyObject *)&PyProperty_Type, "O", fget);
    show_type("type(classmethod)", cm);
    show_type("type(staticmethod)", sm);
    show_type("type(instancemethod)", im);
    show_type("type(property)", prop);
    show("classmethod repr", cm);
    show("staticmethod repr", sm);
    show_new("classmethod.__func__", PyObject_GetAttrString(cm, "__func__"));
    show_new("staticmethod.__func__", PyObject_GetAttrString(sm, "__func__"));
    show_new("PyInstanceMethod_Function", Py_XNewRef(PyInstanceMethod_Function(im)));
    show_new("prop.__doc__", PyObject_GetAttrString(prop, "__doc__"));
    show_new("ro.__doc__ (from fget)", PyObject_GetAttrString(ro, "__doc__"));
    show_new("prop.fget", PyObject_GetAttrString(prop, "fget"));
    show_new("prop.fdel", PyObject_GetAttrString(prop, "fdel"));
    PyObject *extra = Py_BuildValue("{sOsOsOsOsO}", "cm", cm, "sm", sm, "im", im, "prop", prop, "ro", ro);
    PyObject *W = class_with("W", NULL, w_methods, extra);
    PyObject *w = PyObject_CallNoArgs(W);
    show_new("w.cm(1)", PyObject_CallMethod(w, "cm", "i", 1));
    show_new("W.cm(1)", PyObject_CallMethod(W, "cm", "i", 1));
    show_new("w.sm(1)", PyObject_CallMethod(w, "sm", "i", 1));
    show_new("W.sm(1)", PyObject_CallMethod(W, "sm", "i", 1));
    show_new("w.im(1)", PyObject_CallMethod(w, "im", "i", 1));
    show_new("W.im(1)", PyObject_CallMethod(W, "im", "i", 1));
    show_new("w.prop", PyObject_GetAttrString(w, "prop"));
    show_ll("w.prop = 3", PyObject_SetAttrString(w, "prop", PyLong_FromLong(3)));
    show_ll("del w.prop", PyObject_DelAttrString(w, "prop"));
    show_ll("w.ro = 3", PyObject_SetAttrString(w, "ro", PyLong_FromLong(3)));
    show_ll("del w.ro", PyObject_DelAttrString(w, "ro"));
    show_type("W.prop", PyObject_GetAttrString(W, "prop"));
    PyObject *bound = PyObject_GetAttrString(w, "im");
    show_type("type(w.im)", bound);
    show_ll("PyMethod_Check(w.im)", PyMethod_Check(bound));
    show_ll("PyMethod_GET_SELF(w.im) is w", PyMethod_GET_SELF(bound) == w);
    show_ll("PyMethod_GET_FUNCTION(w.im) is echo", PyMethod_GET_FUNCTION(bound) == f);
    show_new("w.im.__name__", PyObject_GetAttrString(bound, "__name__"));
    show_new("w.im.__doc__", PyObject_GetAttrString(bound, "__doc__"));
    show_ll("w.im.__self__ is w", PyObject_GetAttrString(bound, "__self__") == w);
    Py_XDECREF(bound);
    printf("-- PyMethod_New --\n");
    PyObject *m = PyMethod_New(f, PyLong_FromLong(5));
    show("PyMethod_New(echo, 5)", m);
    show_new("call", PyObject_CallFunction(m, "i", 1));
    show_new("PyMethod_Function", Py_XNewRef(PyMethod_Function(m)));
    show_new("PyMethod_Self", Py_XNewRef(PyMethod_Self(m)));
    show_ll("m == PyMethod_New(echo, 5)", PyObject_RichCompareBool(m, PyMethod_New(f, PyLong_FromLong(5)), Py_EQ));
    show_new("method(echo)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "O", f));
    show_new("method(None, 1)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "Oi", Py_None, 1));
    show_new("method(echo, None)", PyObject_CallFunction((PyObject *)&PyMethod_Type, "OO", f, Py_None));
    Py_DECREF(m);
    printf("-- constructors' errors --\n");
    show_new("classmethod()", PyObject_CallNoArgs((PyObject *)&PyClassMethod_Type));
    show_new("staticmethod(1, 2)", PyObject_CallFunction((PyObject *)&PyStaticMethod_Type, "ii", 1, 2));
    show_new("instancemethod(1)", PyObject_CallFunction((PyObject *)&PyInstanceMethod_Type, "i", 1));
    show_new("property(1, 2, 3, 4, 5)", PyObject_CallFunction((PyObject *)&PyProperty_Type, "iiiii", 1, 2, 3, 4, 5));
    show_new("property(x=1)", PyObject_Call((PyObject *)&PyProperty_Type, PyTuple_New(0), Py_BuildValue("{si}", "x", 1)));
    show_new("property(fget=getter).fget", PyObject_GetAttrString(
        PyObject_Call((PyObject *)&PyProperty_Type, PyTuple_New(0), Py_BuildValue("{sO}", "fget", fget)), "fget"));
    PyObject *unreadable = PyObject_CallNoArgs((PyObject *)&PyProperty_Type);
    PyObject *extra2 = Py_BuildValue("{sO}", "u", unreadable);
    PyObject *U = class_with("U", NULL, NULL, extra2);
    PyObject *u = PyObject_CallNoArgs(U);
    show_new("u.u (property without getter)", PyObject_GetAttrString(u, "u"));
    show_new("tp_descr_get(property(), u, U) (no name)", Py_TYPE(unreadable)->tp_descr_get(unreadable, u, U));
    Py_DECREF(u);
    Py_DECREF(U);
    Py_DECREF(extra2);
    Py_DECREF(unreadable);
    printf("-- the descriptor types' slots from C --\n");
    show_new("classmethod tp_descr_get(cm, w, W)", Py_TYPE(cm)->tp_descr_get(cm, w, W));
    show_new("classmethod tp_descr_get(cm, None, NULL)", Py_TYPE(cm)->tp_descr_get(cm, Py_None, NULL));
    show_new("staticmethod tp_descr_get(sm, w, W)", Py_TYPE(sm)->tp_descr_get(sm, w, W));
    show_new("instancemethod tp_descr_get(im, NULL, W)", Py_TYPE(im)->tp_descr_get(im, NULL, W));
    PyObject *b2 = Py_TYPE(im)->tp_descr_get(im, w, W);
    show_type("instancemethod tp_descr_get(im, w, W)", b2);
    Py_XDECREF(b2);
    show_new("property tp_descr_get(prop, w, W)", Py_TYPE(prop)->tp_descr_get(prop, w, W));
    show_type("property tp_descr_get(prop, NULL, W)", Py_TYPE(prop)->tp_descr_get(prop, NULL, W));
    show_ll("property tp_descr_set(prop, w, 1)", Py_TYPE(prop)->tp_descr_set(prop, w, PyLong_FromLong(1)));
    show_ll("property tp_descr_set(ro, w, 1)", Py_TYPE(ro)->tp_descr_set(ro, w, PyLong_FromLong(1)));
    PyObject *md = PyDescr_NewMethod(&PyBaseObject_Type, &echo_def);
    PyObject *bm = Py_TYPE(md)->tp_descr_get(md, w, W);
    show_type("method_descriptor tp_descr_get(md, w, W)", bm);
    show_new("  called", bm == NULL ? NULL : PyObject_CallFunction(bm, "i", 1));
    Py_XDECREF(bm);
    show_new("method_descriptor tp_descr_get(md, NULL, W)", Py_TYPE(md)->tp_descr_get(md, NULL, W));
    PyObject *cmd = PyDescr_NewClassMethod(&PyBaseObject_Type, &echo_def);
    show_new("classmethod_descriptor tp_descr_get(cmd, w, W)(1)",
             PyObject_CallFunction(Py_TYPE(cmd)->tp_descr_get(cmd, w, W), "i", 1));
    PyObject *S = make_class("Slotted", PyTuple_New(0), Py_BuildValue("{s(s)}", "__slots__", "x"));
    PyObject *so = PyObject_CallNoArgs(S);
    PyObject *member = PyObject_GetAttrString(S, "x");
    show_type("type(Slotted.x)", member);
    show_ll("member_descriptor tp_descr_set(x, so, 7)", Py_TYPE(member)->tp_descr_set(member, so, PyLong_FromLong(7)));
    show_new("member_descriptor tp_descr_get(x, so, S)", Py_TYPE(member)->tp_descr_get(member, so, S));
    show_ll("member_descriptor tp_descr_set(x, w, 7)", Py_TYPE(member)->tp_descr_set(member, w, PyLong_FromLong(7)));
    PyObject *dgs = _PyType_Lookup((PyTypeObject *)W, PyUnicode_FromString("__dict__"));
    show_type("type(W.__dict__['__dict__'])", dgs);
    show_new("getset_descriptor tp_descr_get(__dict__, w, W)", Py_TYPE(dgs)->tp_descr_get(dgs, w, W));
    show_ll("getset_descriptor tp_descr_set(__dict__, w, 1)", Py_TYPE(dgs)->tp_descr_set(dgs, w, PyLong_FromLong(1)));
    Py_DECREF(member);
    Py_DECREF(so);
    Py_DECREF(S);
    Py_DECREF(cmd);
    Py_DECREF(md);
    Py_DECREF(w);
    Py_DECREF(W);
    Py_DECREF(extra);
    Py_DECREF(prop);
    Py_DECREF(ro);
    Py_DECREF(fget);
    Py_DECREF(fset);
    Py_DECREF(cm);
    Py_DECREF(sm);
    Py_DECREF(im);
    Py_DECREF(f);
}

/* -- METH_STATIC in a C type's tp_methods -- */

static PyObject *static_fn(PyObject *self, PyObject *args) { return Py_BuildValue("(sO)", self == NULL ? "self=NULL" : "self set", args); }

static PyMethodDef ctype_methods[] = {{"st", static_fn, METH_VARARGS | METH_STATIC}, {NULL}};

static PyTypeObject CType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attr.CType",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ctype_methods,
    .tp_new = PyType_GenericNew,
};

static void static_method_of_c_type(void)
{
    if (PyType_Ready(&CType) < 0) {
        show_exc("PyType_Ready");
        return;
    }
    PyObject *st = PyDict_GetItemString(CType.tp_dict, "st");
    show_type("type(CType.__dict__['st'])", st);
    show_new("CType.st(1)", PyObject_CallMethod((PyObject *)&CType, "st", "i", 1));
    PyObject *o = PyObject_CallNoArgs((PyObject *)&CType);
    show_new("CType().st(1)", PyObject_CallMethod(o, "st", "i", 1));
    show_type("type(CType.st)", PyObject_GetAttrString((PyObject *)&CType, "st"));
    Py_XDECREF(o);
}

int main(void)
{
    conf_init();
    descriptors();
    attribute_hooks();
    class_hooks();
    instance_checks();
    mro_and_super();
    generic_functions();
    function_wrappers();
    static_method_of_c_type();
    return conf_end();
}
