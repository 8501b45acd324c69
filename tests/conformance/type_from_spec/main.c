/* Heap types made from PyType_Specs (specmod.c): their attributes, instances used through
   the abstract API (which calls the spec's slots), inherited slots, PyType_GetSlot,
   PyType_GetModule / GetModuleState / GetModuleByDef and a METH_METHOD method. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *m = conf_import("specmod");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *vec = PyObject_GetAttrString(m, "Vec");
    PyObject *sub = PyObject_GetAttrString(m, "SubVec");
    PyObject *plain = PyObject_GetAttrString(m, "Plain");
    if (vec == NULL || sub == NULL || plain == NULL) {
        show_exc("types");
        return conf_end();
    }

    show("Vec", vec);
    show_new("Vec.__name__", PyObject_GetAttrString(vec, "__name__"));
    show_new("Vec.__qualname__", PyObject_GetAttrString(vec, "__qualname__"));
    show_new("Vec.__module__", PyObject_GetAttrString(vec, "__module__"));
    show_new("Vec.__doc__", PyObject_GetAttrString(vec, "__doc__"));
    show_new("Vec.__base__", PyObject_GetAttrString(vec, "__base__"));
    show_new("SubVec.__mro__", PyObject_GetAttrString(sub, "__mro__"));
    show_new("SubVec.__doc__", PyObject_GetAttrString(sub, "__doc__"));
    show_new("Plain.__module__", PyObject_GetAttrString(plain, "__module__"));
    show_new("Plain.__doc__", PyObject_GetAttrString(plain, "__doc__"));
    printf("SubVec tp_doc: %s\n", ((PyTypeObject *)sub)->tp_doc);
    PyTypeObject *vt = (PyTypeObject *)vec;
    printf("Vec tp_name: %s\n", vt->tp_name);
    printf("Vec heap type: %d\n", (vt->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0);
    printf("Vec base type: %d\n", (vt->tp_flags & Py_TPFLAGS_BASETYPE) != 0);
    printf("SubVec base type: %d\n", (((PyTypeObject *)sub)->tp_flags & Py_TPFLAGS_BASETYPE) != 0);
    printf("Vec tp_basicsize > object's: %d\n", vt->tp_basicsize > PyBaseObject_Type.tp_basicsize);
    printf("SubVec inherits tp_basicsize: %d\n", ((PyTypeObject *)sub)->tp_basicsize == vt->tp_basicsize);
    printf("Vec tp_doc: %s\n", vt->tp_doc);
    printf("PyType_IsSubtype(SubVec, Vec): %d\n", PyType_IsSubtype((PyTypeObject *)sub, vt));

    PyObject *a = PyObject_CallFunction(vec, "ll", 1L, 2L);
    PyObject *b = PyObject_CallFunction(vec, "ll", 10L, 20L);
    PyObject *s = PyObject_CallFunction(sub, "ll", 3L, 4L);
    PyObject *zero = PyObject_CallNoArgs(vec);
    if (a == NULL || b == NULL || s == NULL || zero == NULL) {
        show_exc("instances");
        return conf_end();
    }
    show("a", a);
    show("s", s);
    show_type("type(s)", s);
    show_new("str(a)", PyObject_Str(a));
    show_ll("hash(a)", PyObject_Hash(a));
    show_ll("hash(s)", PyObject_Hash(s));
    PyObject *copy = PyObject_CallFunction(vec, "ll", 1L, 2L);
    show_ll("a == a copy", PyObject_RichCompareBool(a, copy, Py_EQ));
    Py_XDECREF(copy);
    show_ll("a == b", PyObject_RichCompareBool(a, b, Py_EQ));
    show_new("a != b", PyObject_RichCompare(a, b, Py_NE));
    show_new("a < b", PyObject_RichCompare(a, b, Py_LT));
    show_new("a + b", PyNumber_Add(a, b));
    show_new("s + a", PyNumber_Add(s, a));
    show_new("a + 1", PyNumber_Add(a, PyLong_FromLong(1)));
    show_new("-a", PyNumber_Negative(a));
    show_new("-s", PyNumber_Negative(s));
    show_ll("bool(a)", PyObject_IsTrue(a));
    show_ll("len(a)", PyObject_Length(a));
    show_ll("len(s)", PyObject_Length(s));
    show_new("a[1]", PySequence_GetItem(a, 1));
    show_new("s[0]", PySequence_GetItem(s, 0));
    show_new("a[5]", PySequence_GetItem(a, 5));
    show_new("b.norm1()", PyObject_CallMethod(b, "norm1", NULL));
    PyObject *no_args = PyTuple_New(0), *kwargs = Py_BuildValue("{s:i}", "x", 7);
    PyObject *x7 = PyObject_Call(vec, no_args, kwargs);
    show_new("Vec(x=7).norm1()", x7 == NULL ? NULL : PyObject_CallMethod(x7, "norm1", NULL));
    Py_XDECREF(x7);
    Py_DECREF(no_args);
    Py_DECREF(kwargs);
    show_new("Vec(1, 2, 3)", PyObject_CallFunction(vec, "lll", 1L, 2L, 3L));

    /* METH_METHOD: the defining class is Vec, also when called on a SubVec. */
    show_new("a.bump()", PyObject_CallMethod(a, "bump", NULL));
    show_new("s.bump()", PyObject_CallMethod(s, "bump", NULL));
    show_new("a.bump(1)", PyObject_CallMethod(a, "bump", "i", 1));

    /* Module lookups. */
    printf("PyType_GetModule(Vec) is specmod: %d\n", PyType_GetModule(vt) == m);
    printf("PyType_GetModule(SubVec) is specmod: %d\n", PyType_GetModule((PyTypeObject *)sub) == m);
    printf("PyType_GetModuleState(Vec) is the module state: %d\n",
           PyType_GetModuleState(vt) == PyModule_GetState(m));
    show_new("def_is(Vec)", PyObject_CallMethod(m, "def_is", "O", vec));
    show_new("def_is(SubVec)", PyObject_CallMethod(m, "def_is", "O", sub));
    show_new("def_is(Plain)", PyObject_CallMethod(m, "def_is", "O", plain));

    /* PyType_GetSlot: own slots, inherited ones, and a missing one. */
    show_new("GetSlot(Vec, Py_nb_add)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_nb_add, "vec_add"));
    show_new("GetSlot(Vec, Py_tp_repr)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_tp_repr, "vec_repr"));
    show_new("GetSlot(Vec, Py_sq_item)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_sq_item, "vec_item"));
    show_new("GetSlot(Vec, Py_tp_hash)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_tp_hash, "vec_hash"));
    show_new("GetSlot(Vec, Py_mp_subscript)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_mp_subscript, ""));
    show_new("GetSlot(Vec, Py_nb_multiply)", PyObject_CallMethod(m, "slot_is", "Ois", vec, Py_nb_multiply, ""));
    show_new("GetSlot(SubVec, Py_tp_repr)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_tp_repr, "subvec_repr"));
    show_new("GetSlot(SubVec, Py_nb_add)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_nb_add, "vec_add"));
    show_new("GetSlot(SubVec, Py_sq_item)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_sq_item, "vec_item"));
    show_new("GetSlot(SubVec, Py_tp_new)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_tp_new, "vec_new"));
    show_new("GetSlot(SubVec, Py_tp_dealloc)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_tp_dealloc, "vec_dealloc"));
    show_new("GetSlot(SubVec, Py_tp_hash)", PyObject_CallMethod(m, "slot_is", "Ois", sub, Py_tp_hash, "vec_hash"));
    show_new("GetSlot(Plain, Py_tp_new)", PyObject_CallMethod(m, "slot_is", "Ois", plain, Py_tp_new, "PyType_GenericNew"));
    show_new("GetSlot(Plain, Py_nb_add)", PyObject_CallMethod(m, "slot_is", "Ois", plain, Py_nb_add, ""));

    /* An instance holds a reference to its heap type; its tp_dealloc gives it back. */
    Py_ssize_t before = Py_REFCNT(plain);
    PyObject *p = PyType_GenericNew((PyTypeObject *)plain, NULL, NULL);
    printf("type refcount delta with an instance: %zd\n", Py_REFCNT(plain) - before);
    Py_DECREF(p);
    before = Py_REFCNT(vec);
    PyObject *v = vt->tp_alloc(vt, 0);
    printf("Vec refcount delta with an instance: %zd\n", Py_REFCNT(vec) - before);
    Py_DECREF(v);
    printf("Vec refcount delta after its dealloc: %zd\n", Py_REFCNT(vec) - before);
    before = Py_REFCNT(plain);
    p = PyType_GenericNew((PyTypeObject *)plain, NULL, NULL);
    Py_DECREF(p);
    printf("Plain refcount delta after its (inherited) dealloc: %zd\n", Py_REFCNT(plain) - before);
    PyObject *pi = PyObject_CallNoArgs(plain);
    show_type("type(Plain())", pi);
    Py_XDECREF(pi);

    before = Py_REFCNT(sub);
    p = ((PyTypeObject *)sub)->tp_alloc((PyTypeObject *)sub, 0);
    Py_DECREF(p);
    printf("SubVec refcount delta after its (inherited) dealloc: %zd\n", Py_REFCNT(sub) - before);

    /* A heap type on a static C base. */
    PyObject *fs = PyObject_GetAttrString(m, "FromStatic");
    show_new("FromStatic.__base__", PyObject_GetAttrString(fs, "__base__"));
    PyObject *f = PyObject_CallFunction(fs, "ll", 5L, 6L);
    show("FromStatic(5, 6)", f);
    show_new("-FromStatic(5, 6)", PyNumber_Negative(f));
    Py_XDECREF(f);
    show_new("GetSlot(FromStatic, Py_tp_repr)", PyObject_CallMethod(m, "slot_is", "Ois", fs, Py_tp_repr, "static_repr"));
    show_new("GetSlot(FromStatic, Py_tp_dealloc)", PyObject_CallMethod(m, "slot_is", "Ois", fs, Py_tp_dealloc, "static_dealloc"));
    show_new("GetSlot(FromStatic, Py_nb_add)", PyObject_CallMethod(m, "slot_is", "Ois", fs, Py_nb_add, ""));
    printf("PyType_GetModule(FromStatic) is specmod: %d\n", PyType_GetModule((PyTypeObject *)fs) == m);
    before = Py_REFCNT(fs);
    p = ((PyTypeObject *)fs)->tp_alloc((PyTypeObject *)fs, 0);
    printf("FromStatic refcount delta with an instance: %zd\n", Py_REFCNT(fs) - before);
    Py_DECREF(p);
    printf("FromStatic refcount delta after its dealloc: %zd\n", Py_REFCNT(fs) - before);
    Py_DECREF(fs);

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(s);
    Py_DECREF(zero);
    Py_DECREF(vec);
    Py_DECREF(sub);
    Py_DECREF(plain);
    Py_DECREF(m);
    return conf_end();
}
