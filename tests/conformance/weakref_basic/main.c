/* Weak references: which objects take them, PyWeakref_NewRef / NewProxy / GetObject and the
   GET_OBJECT macro, reuse of the basic reference and proxy, calling a reference, proxies,
   and the death of referents of both kinds (born in C, born in the runtime): references
   cleared, callbacks called newest first with the reference as argument, a failing
   callback reported as unraisable, no callback for a reference that died first, and
   PyObject_ClearWeakRefs as a tp_dealloc calls it.
   CPython frees a referent at its last Py_DECREF; libpycapi frees one that has crossed into
   managed code (a weakly referenced object always has) at the next collection
   (docs/object-model.md, difference 2). So every death here is observed after
   PyGC_Collect(), which is harmless under CPython, and nothing is printed between the
   Py_DECREF and the collection: the callbacks print at one or the other. */
#include "conformance.h"
#include <stddef.h>

/* A C type that supports weak references, counting its deallocations. */
typedef struct {
    PyObject_HEAD
    PyObject *weakreflist;
} Thing;

static long thing_deallocs;

static void thing_dealloc(PyObject *self)
{
    if (((Thing *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    thing_deallocs++;
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Thing_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wrtest.Thing",
    .tp_basicsize = sizeof(Thing),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = thing_dealloc,
    .tp_weaklistoffset = offsetof(Thing, weakreflist),
};

/* A C type without weak reference support. */
static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wrtest.Plain",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject *new_thing(void)
{
    return Thing_Type.tp_alloc(&Thing_Type, 0);
}

/* The callbacks: self is a label; they print it, the type of their argument and whether
   that reference already reads as dead. */
static PyObject *record(PyObject *label, PyObject *weakref)
{
    printf("  callback %s: argument is a %s, its referent is None: %d\n", PyUnicode_AsUTF8(label),
           Py_TYPE(weakref)->tp_name, PyWeakref_GetObject(weakref) == Py_None);
    Py_RETURN_NONE;
}

static PyObject *failing(PyObject *self, PyObject *weakref)
{
    PyErr_SetString(PyExc_ValueError, "callback failed");
    return NULL;
}

static PyObject *twice(PyObject *self, PyObject *arg)
{
    return PyNumber_Add(arg, arg);
}

static PyMethodDef record_def = {"record", record, METH_O, NULL};
static PyMethodDef failing_def = {"failing_cb", failing, METH_O, NULL};
static PyMethodDef twice_def = {"twice", twice, METH_O, NULL};

static PyObject *callback(const char *label)
{
    PyObject *s = PyUnicode_FromString(label);
    PyObject *f = PyCFunction_New(&record_def, s);
    Py_DECREF(s);
    return f;
}

/* NewRef with a labelled callback; the reference keeps the callback alive. */
static PyObject *ref_with_callback(PyObject *ob, const char *label, int proxy)
{
    PyObject *cb = callback(label);
    PyObject *r = proxy ? PyWeakref_NewProxy(ob, cb) : PyWeakref_NewRef(ob, cb);
    Py_DECREF(cb);
    return r;
}

static void flag(const char *label, int value)
{
    printf("%s: %d\n", label, value);
    check_no_exc(label);
}

/* Whether repr(obj) contains a fragment (the rest holds addresses). */
static void repr_contains(const char *label, PyObject *obj, const char *fragment)
{
    PyObject *r = PyObject_Repr(obj);
    printf("%s: repr contains \"%s\": %d\n", label, fragment, r != NULL && strstr(PyUnicode_AsUTF8(r), fragment) != NULL);
    Py_XDECREF(r);
    check_no_exc(label);
}

static void not_referenceable(const char *label, PyObject *ob)
{
    char buf[128];
    snprintf(buf, sizeof buf, "PyWeakref_NewRef(%s)", label);
    show_new(buf, PyWeakref_NewRef(ob, NULL));
    snprintf(buf, sizeof buf, "PyWeakref_NewProxy(%s)", label);
    show_new(buf, PyWeakref_NewProxy(ob, NULL));
    Py_DECREF(ob);
}

/* A referenceable object: a basic reference to it, read back every way. */
static void referenceable(const char *label, PyObject *ob)
{
    PyObject *r = PyWeakref_NewRef(ob, NULL);
    if (r == NULL) {
        show(label, NULL);
        return;
    }
    PyObject *called = PyObject_CallNoArgs(r);
    printf("%s: CheckRefExact %d, GetObject is it %d, GET_OBJECT is it %d, calling gives it %d\n", label,
           PyWeakref_CheckRefExact(r), PyWeakref_GetObject(r) == ob, PyWeakref_GET_OBJECT(r) == ob, called == ob);
    Py_XDECREF(called);
    Py_DECREF(r);
    check_no_exc(label);
}

int main(void)
{
    conf_init();
    if (PyType_Ready(&Thing_Type) < 0 || PyType_Ready(&Plain_Type) < 0) {
        show_exc("PyType_Ready");
        return conf_end();
    }
    PyObject *Error = PyErr_NewException("wrtest.Error", NULL, NULL);

    printf("-- objects that take no weak reference\n");
    not_referenceable("int", PyLong_FromLong(7));
    not_referenceable("str", PyUnicode_FromString("text"));
    not_referenceable("tuple", PyTuple_New(0));
    not_referenceable("None", Py_NewRef(Py_None));
    not_referenceable("list", PyList_New(0));
    not_referenceable("dict", PyDict_New());
    not_referenceable("float", PyFloat_FromDouble(1.5));
    not_referenceable("ValueError instance", PyObject_CallFunction(PyExc_ValueError, "s", "v"));
    not_referenceable("C type without tp_weaklistoffset", PyType_GenericNew(&Plain_Type, NULL, NULL));
    PyObject *t = new_thing();
    not_referenceable("a weak reference", PyWeakref_NewRef(t, NULL));
    Py_DECREF(t);

    printf("-- objects that do\n");
    t = new_thing();
    referenceable("instance of a C type with tp_weaklistoffset", t);
    Py_DECREF(t);
    referenceable("static type int", (PyObject *)&PyLong_Type);
    referenceable("class made by PyErr_NewException", Error);
    PyObject *e = PyObject_CallFunction(Error, "s", "message");
    referenceable("instance of that class", e);
    Py_DECREF(e);
    PyObject *m = PyModule_New("wrmod");
    referenceable("module", m);
    Py_DECREF(m);
    PyObject *f = PyCFunction_New(&twice_def, NULL);
    referenceable("builtin function", f);
    Py_DECREF(f);

    printf("-- types and checks\n");
    t = new_thing();
    f = PyCFunction_New(&twice_def, NULL);
    PyObject *r = PyWeakref_NewRef(t, NULL);
    PyObject *p = PyWeakref_NewProxy(t, NULL);
    PyObject *cp = PyWeakref_NewProxy(f, NULL);
    show_type("type of a reference", r);
    show_type("type of a proxy", p);
    show_type("type of a proxy to a callable", cp);
    show_new("ReferenceType.__module__", PyObject_GetAttrString((PyObject *)Py_TYPE(r), "__module__"));
    printf("reference: Check %d, CheckRef %d, CheckRefExact %d, CheckProxy %d\n", PyWeakref_Check(r),
           PyWeakref_CheckRef(r), PyWeakref_CheckRefExact(r), PyWeakref_CheckProxy(r));
    printf("proxy: Check %d, CheckRef %d, CheckRefExact %d, CheckProxy %d\n", PyWeakref_Check(p),
           PyWeakref_CheckRef(p), PyWeakref_CheckRefExact(p), PyWeakref_CheckProxy(p));
    printf("callable proxy: Check %d, CheckRef %d, CheckProxy %d\n", PyWeakref_Check(cp),
           PyWeakref_CheckRef(cp), PyWeakref_CheckProxy(cp));
    printf("the referent: Check %d\n", PyWeakref_Check(t));
    printf("types are exported as _PyWeakref_*Type: %d %d %d\n", Py_IS_TYPE(r, &_PyWeakref_RefType),
           Py_IS_TYPE(p, &_PyWeakref_ProxyType), Py_IS_TYPE(cp, &_PyWeakref_CallableProxyType));
    printf("callable: reference %d, proxy %d, callable proxy %d\n", PyCallable_Check(r), PyCallable_Check(p),
           PyCallable_Check(cp));
    repr_contains("reference", r, "; to 'wrtest.Thing' at 0x");
    PyObject *rf = PyWeakref_NewRef(f, NULL);
    repr_contains("reference to a function", rf, "; to 'builtin_function_or_method' at 0x");
    repr_contains("reference to a function", rf, " (twice)>");
    Py_DECREF(rf);
    repr_contains("proxy", p, " to wrtest.Thing at 0x");

    printf("-- the basic reference and proxy are reused\n");
    PyObject *r2 = PyWeakref_NewRef(t, NULL);
    PyObject *r3 = PyWeakref_NewRef(t, Py_None);
    PyObject *p2 = PyWeakref_NewProxy(t, Py_None);
    PyObject *c1 = ref_with_callback(t, "c1", 0);
    PyObject *c2 = ref_with_callback(t, "c2", 0);
    flag("NewRef(ob, NULL) twice gives the same reference", r2 == r);
    flag("NewRef(ob, None) gives it too", r3 == r);
    flag("NewProxy(ob, None) gives the same proxy", p2 == p);
    flag("a proxy is not the reference", p != r);
    flag("with a callback, a new reference", c1 != r && c2 != r && c1 != c2);
    flag("type called with the referent gives the basic reference",
         PyObject_CallOneArg((PyObject *)&_PyWeakref_RefType, t) == r);
    Py_DECREF(r); /* the reference the call returned */
    show_new("ReferenceType()", PyObject_CallNoArgs((PyObject *)&_PyWeakref_RefType));
    show_new("ProxyType(ob)", PyObject_CallOneArg((PyObject *)&_PyWeakref_ProxyType, t));
    Py_DECREF(r2);
    Py_DECREF(r3);
    Py_DECREF(p2);

    printf("-- a reference's own behaviour\n");
    show_new("calling with an argument", PyObject_CallOneArg(r, Py_None));
    PyObject *noargs = PyTuple_New(0), *kwargs = Py_BuildValue("{s:i}", "a", 1);
    show_new("calling with a keyword", PyObject_Call(r, noargs, kwargs));
    show_new("__callback__ of the basic reference", PyObject_GetAttrString(r, "__callback__"));
    PyObject *cb = PyObject_GetAttrString(c1, "__callback__");
    flag("__callback__ of c1 is its callback", cb != NULL && PyCFunction_Check(cb));
    Py_XDECREF(cb);
    flag("hash(reference) == hash(referent)", PyObject_Hash(r) == PyObject_Hash(t));
    Py_hash_t c1_hash = PyObject_Hash(c1);
    flag("reference == another reference to the same object", PyObject_RichCompareBool(r, c1, Py_EQ));
    PyObject *other = new_thing(), *r_other = PyWeakref_NewRef(other, NULL);
    flag("reference == a reference to another object", PyObject_RichCompareBool(r, r_other, Py_EQ));
    flag("reference != a reference to another object", PyObject_RichCompareBool(r, r_other, Py_NE));
    Py_DECREF(r_other);
    Py_DECREF(other);
    PyObject *seven = PyLong_FromLong(7);
    printf("PyWeakref_GetObject(int) is NULL: %d\n", PyWeakref_GetObject(seven) == NULL);
    show_bad_internal_call("PyWeakref_GetObject(int)");
    printf("PyWeakref_GetObject(NULL) is NULL: %d\n", PyWeakref_GetObject(NULL) == NULL);
    show_bad_internal_call("PyWeakref_GetObject(NULL)");
    Py_DECREF(seven);

    printf("-- proxies\n");
    m = PyModule_New("wrmod");
    PyObject *mp = PyWeakref_NewProxy(m, NULL);
    show_new("proxy.__name__", PyObject_GetAttrString(mp, "__name__"));
    PyObject *answer = PyLong_FromLong(42);
    show_ll("setattr(proxy, 'answer', 42)", PyObject_SetAttrString(mp, "answer", answer));
    Py_DECREF(answer);
    show_new("module.answer", PyObject_GetAttrString(m, "answer"));
    show_new("str(proxy)", PyObject_Str(mp));
    show_ll("bool(proxy)", PyObject_IsTrue(mp));
    show_ll("hash(proxy)", PyObject_Hash(mp));
    show_ll("proxy == module", PyObject_RichCompareBool(mp, m, Py_EQ));
    show_new("proxy()", PyObject_CallNoArgs(mp));
    PyObject *n21 = PyLong_FromLong(21);
    show_new("callable proxy(21)", PyObject_CallOneArg(cp, n21));
    Py_DECREF(n21);

    printf("-- a C object dies (PyGC_Collect after its last Py_DECREF)\n");
    PyObject *cproxy = ref_with_callback(t, "cproxy", 1);
    PyGC_Collect(); /* the Things dropped above die here in libpycapi, not below */
    long deallocs = thing_deallocs;
    PyObject *dropped = ref_with_callback(t, "dropped", 0);
    Py_DECREF(dropped); /* dies before the referent: its callback is never called */
    Py_DECREF(t);
    PyGC_Collect();
    printf("Thing deallocated: %ld\n", thing_deallocs - deallocs);
    flag("GetObject(reference) is None", PyWeakref_GetObject(r) == Py_None);
    flag("GET_OBJECT(reference) is None", PyWeakref_GET_OBJECT(r) == Py_None);
    flag("GetObject(callback reference) is None", PyWeakref_GetObject(c2) == Py_None);
    flag("GetObject(proxy) is None", PyWeakref_GetObject(p) == Py_None);
    show_new("calling the dead reference", PyObject_CallNoArgs(r));
    show_ll("hash of a dead reference never hashed", PyObject_Hash(c2));
    flag("hash of a dead reference hashed while alive is kept", PyObject_Hash(c1) == c1_hash);
    flag("dead reference == itself", PyObject_RichCompareBool(r, r, Py_EQ));
    flag("dead reference == another dead one to the same object", PyObject_RichCompareBool(r, c1, Py_EQ));
    show_new("__callback__ once dead", PyObject_GetAttrString(c1, "__callback__"));
    show_new("dead proxy's attribute", PyObject_GetAttrString(p, "x"));
    show_new("str(dead proxy)", PyObject_Str(p));
    show_ll("bool(dead proxy)", PyObject_IsTrue(p));
    repr_contains("dead reference", r, "; dead>");
    Py_DECREF(r);
    Py_DECREF(p);
    Py_DECREF(c1);
    Py_DECREF(c2);
    Py_DECREF(cproxy);

    printf("-- objects born in the runtime die\n");
    e = PyObject_CallFunction(Error, "s", "message");
    PyObject *re = ref_with_callback(e, "exception", 0);
    Py_DECREF(e);
    PyGC_Collect();
    flag("exception instance: reference reads None", PyWeakref_GetObject(re) == Py_None);
    Py_DECREF(re);
    PyObject *rm = ref_with_callback(m, "module", 0);
    Py_DECREF(m);
    PyGC_Collect();
    flag("module: reference reads None", PyWeakref_GetObject(rm) == Py_None);
    show_new("module's dead proxy's attribute", PyObject_GetAttrString(mp, "__name__"));
    Py_DECREF(rm);
    Py_DECREF(mp);
    rf = ref_with_callback(f, "function", 0);
    Py_DECREF(f);
    PyGC_Collect();
    flag("function: reference reads None", PyWeakref_GetObject(rf) == Py_None);
    show_new("calling the dead callable proxy", PyObject_CallOneArg(cp, Py_None));
    Py_DECREF(rf);
    Py_DECREF(cp);

    printf("-- failing callbacks are reported as unraisable (stderr)\n");
    t = new_thing();
    PyObject *failing_cb = PyCFunction_New(&failing_def, NULL);
    PyObject *rfail = PyWeakref_NewRef(t, failing_cb);
    PyObject *five = PyLong_FromLong(5);
    PyObject *rfive = PyWeakref_NewRef(t, five);
    PyObject *rafter = ref_with_callback(t, "after the failing ones", 0);
    Py_DECREF(failing_cb);
    Py_DECREF(five);
    Py_DECREF(t);
    PyGC_Collect();
    check_no_exc("after failing callbacks");
    Py_DECREF(rfail);
    Py_DECREF(rfive);
    Py_DECREF(rafter);

    printf("-- PyObject_ClearWeakRefs as a tp_dealloc calls it (refcount 0)\n");
    t = new_thing();
    PyObject *rclear = ref_with_callback(t, "cleared", 0);
    Py_SET_REFCNT(t, 0);
    PyObject_ClearWeakRefs(t);
    Py_SET_REFCNT(t, 1);
    check_no_exc("PyObject_ClearWeakRefs");
    flag("reference reads None after PyObject_ClearWeakRefs", PyWeakref_GetObject(rclear) == Py_None);
    PyObject_ClearWeakRefs(t);
    show_bad_internal_call("PyObject_ClearWeakRefs(refcount 1)");
    PyObject_ClearWeakRefs(NULL);
    show_bad_internal_call("PyObject_ClearWeakRefs(NULL)");
    deallocs = thing_deallocs;
    Py_DECREF(t);
    PyGC_Collect();
    printf("Thing deallocated: %ld\n", thing_deallocs - deallocs);
    Py_DECREF(rclear);

    Py_DECREF(noargs);
    Py_DECREF(kwargs);
    Py_DECREF(Error);
    return conf_end();
}
