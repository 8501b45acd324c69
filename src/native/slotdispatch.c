/* The C slots of classes made by type(name, bases, dict) (CPython's slot_* functions and
   update_slot): each slot a dunder of the class fills is a function here that looks the
   dunder up on the instance's type and calls it, so that C calling
   Py_TYPE(o)->tp_as_sequence->sq_length(o) and the abstract API (which reads the same
   slots, src/Core/Objects/Sequence.cs and friends) both reach the dunder. The managed side
   (src/Core/Objects/TypeNew.cs) asks for the slots to be filled when a class is
   made and refilled when one of its dunders is set or deleted. Also here: what the
   instances of such classes need (object.__new__/__init__'s argument checks, dealloc,
   traverse and clear of their dict and __slots__). */
#include "pycapi_runtime.h"
#include "structmember.h"
#include <stddef.h>

/* -- looking up and calling a dunder -- */

#define DUNDERS(X)                                                                                       \
    X(repr) X(str) X(hash) X(call) X(getattribute) X(getattr) X(setattr) X(delattr) X(lt) X(le) X(eq) X(ne) \
    X(gt) X(ge) X(iter) X(next) X(get) X(set) X(delete) X(init) X(new) X(add) X(radd) X(sub) X(rsub) X(mul) \
    X(rmul) X(mod) X(rmod) X(divmod) X(rdivmod) X(pow) X(rpow) X(neg) X(pos) X(abs) X(bool) X(invert)      \
    X(lshift) X(rlshift) X(rshift) X(rrshift) X(and) X(rand) X(xor) X(rxor) X(or) X(ror) X(int) X(float)   \
    X(iadd) X(isub) X(imul) X(imod) X(ipow) X(ilshift) X(irshift) X(iand) X(ixor) X(ior) X(floordiv)       \
    X(rfloordiv) X(truediv) X(rtruediv) X(ifloordiv) X(itruediv) X(index) X(matmul) X(rmatmul) X(imatmul) \
    X(len) X(getitem) X(setitem) X(delitem) X(contains)

/* The dunder's name as an interned str, made once. */
#define DUNDER_ID(id) D_##id,
#define DUNDER_TEXT(id) "__" #id "__",
typedef enum { DUNDERS(DUNDER_ID) DUNDER_COUNT } dunder;
static const char *const dunder_texts[] = { DUNDERS(DUNDER_TEXT) };

static PyObject *dunder_names[DUNDER_COUNT];

static PyObject *name_of(dunder d) {
    if (dunder_names[d] == NULL) {
        dunder_names[d] = PyUnicode_InternFromString(dunder_texts[d]);
    }
    return dunder_names[d];
}

/* lookup_maybe_method: the dunder on the type (NULL without an error when it has none),
   with *unbound set when the caller must pass self first (a method descriptor), else
   bound by the dunder's __get__. New reference. */
static PyObject *lookup_method(PyObject *self, dunder d, int *unbound) {
    PyObject *name = name_of(d);
    if (name == NULL) {
        return NULL;
    }
    PyObject *f = _PyType_Lookup(Py_TYPE(self), name);
    if (f == NULL) {
        return NULL;
    }
    if (Py_TYPE(f)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
        *unbound = 1;
        return Py_NewRef(f);
    }
    *unbound = 0;
    descrgetfunc get = Py_TYPE(f)->tp_descr_get;
    return get == NULL ? Py_NewRef(f) : get(f, self, (PyObject *)Py_TYPE(self));
}

/* Calls the dunder with self and nargs further arguments; *found is 0 (and NULL is
   returned without an error) when the type has no such dunder. */
static PyObject *call_maybe(PyObject *self, dunder d, PyObject *const *args, Py_ssize_t nargs, int *found) {
    int unbound = 0;
    PyObject *f = lookup_method(self, d, &unbound);
    *found = f != NULL;
    if (f == NULL) {
        return NULL;
    }
    PyObject *stack[4];
    stack[0] = self;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i + 1] = args[i];
    }
    PyObject *result = unbound ? PyObject_Vectorcall(f, stack, (size_t)nargs + 1, NULL)
                               : PyObject_Vectorcall(f, stack + 1, (size_t)nargs, NULL);
    Py_DECREF(f);
    return result;
}

/* vectorcall_method: as call_maybe, a missing dunder being an AttributeError. */
static PyObject *call_method(PyObject *self, dunder d, PyObject *const *args, Py_ssize_t nargs) {
    int found;
    PyObject *result = call_maybe(self, d, args, nargs, &found);
    if (!found && !PyErr_Occurred()) {
        PyErr_SetObject(PyExc_AttributeError, name_of(d));
    }
    return result;
}

/* f(first, *args, **kwargs). */
static PyObject *call_with_first(PyObject *f, PyObject *first, PyObject *args, PyObject *kwargs) {
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *full = PyTuple_New(n + 1);
    if (full == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(full, 0, Py_NewRef(first));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(full, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    PyObject *result = PyObject_Call(f, full, kwargs);
    Py_DECREF(full);
    return result;
}

static PyObject *call0(PyObject *self, dunder d) { return call_method(self, d, NULL, 0); }
static PyObject *call1(PyObject *self, dunder d, PyObject *a) { return call_method(self, d, &a, 1); }

static PyObject *call2(PyObject *self, dunder d, PyObject *a, PyObject *b) {
    PyObject *args[2] = { a, b };
    return call_method(self, d, args, 2);
}

/* The dunder's result, dropped, as a slot's status. */
static int status_of(PyObject *result) {
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* -- the object slots -- */

static PyObject *slot_tp_repr(PyObject *self) { return call0(self, D_repr); }
static PyObject *slot_tp_str(PyObject *self) { return call0(self, D_str); }

static Py_hash_t slot_tp_hash(PyObject *self) {
    PyObject *result = call0(self, D_hash);
    if (result == NULL) {
        return -1;
    }
    if (!PyLong_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A big int is reduced as int's own hash reduces it. */
    Py_hash_t h = PyLong_AsSsize_t(result);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyObject_Hash(result);
    }
    Py_DECREF(result);
    return h == -1 && !PyErr_Occurred() ? -2 : h;
}

static PyObject *slot_tp_call(PyObject *self, PyObject *args, PyObject *kwargs) {
    int unbound = 0;
    PyObject *f = lookup_method(self, D_call, &unbound);
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_AttributeError, name_of(D_call));
        }
        return NULL;
    }
    PyObject *result = unbound ? call_with_first(f, self, args, kwargs) : PyObject_Call(f, args, kwargs);
    Py_DECREF(f);
    return result;
}

/* A __getattribute__ of the class's own (not object's, which is the generic lookup). */
static int has_own_dunder(PyTypeObject *type, dunder d) {
    PyObject *name = name_of(d);
    PyObject *f = _PyType_Lookup(type, name);
    return f != NULL && f != _PyType_Lookup(&PyBaseObject_Type, name);
}

/* slot_tp_getattr_hook: __getattribute__, and __getattr__ when that fails with an
   AttributeError. */
static PyObject *slot_tp_getattro(PyObject *self, PyObject *name) {
    PyObject *result = has_own_dunder(Py_TYPE(self), D_getattribute) ? call1(self, D_getattribute, name)
                                                                      : PyObject_GenericGetAttr(self, name);
    if (result != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError) || !has_own_dunder(Py_TYPE(self), D_getattr)) {
        return result;
    }
    PyErr_Clear();
    return call1(self, D_getattr, name);
}

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value) {
    return status_of(value == NULL ? call1(self, D_delattr, name) : call2(self, D_setattr, name, value));
}

static const dunder compare_dunders[] = { D_lt, D_le, D_eq, D_ne, D_gt, D_ge };

static PyObject *slot_tp_richcompare(PyObject *self, PyObject *other, int op) {
    int found;
    PyObject *result = call_maybe(self, compare_dunders[op], &other, 1, &found);
    if (found || PyErr_Occurred()) {
        return result;
    }
    if (op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    /* object.__ne__: the inverse of __eq__, unless that is NotImplemented. */
    PyObject *eq = slot_tp_richcompare(self, other, Py_EQ);
    if (eq == NULL || eq == Py_NotImplemented) {
        return eq;
    }
    int truth = PyObject_IsTrue(eq);
    Py_DECREF(eq);
    return truth < 0 ? NULL : PyBool_FromLong(!truth);
}

static PyObject *slot_tp_iter(PyObject *self) {
    PyObject *f = _PyType_Lookup(Py_TYPE(self), name_of(D_iter));
    if (f == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    return call0(self, D_iter);
}

static PyObject *slot_tp_iternext(PyObject *self) { return call0(self, D_next); }

static PyObject *slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type) {
    return call2(self, D_get, obj == NULL ? Py_None : obj, type == NULL ? Py_None : type);
}

static int slot_tp_descr_set(PyObject *self, PyObject *obj, PyObject *value) {
    return status_of(value == NULL ? call1(self, D_delete, obj) : call2(self, D_set, obj, value));
}

static int slot_tp_init(PyObject *self, PyObject *args, PyObject *kwargs) {
    PyObject *init = PyObject_GetAttr((PyObject *)Py_TYPE(self), name_of(D_init));
    if (init == NULL) {
        return -1;
    }
    PyObject *result = call_with_first(init, self, args, kwargs);
    Py_DECREF(init);
    if (result == NULL) {
        return -1;
    }
    if (result != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'", Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* slot_tp_new: type.__new__ (a staticmethod, so a plain function once looked up) called
   with the type first. */
static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    PyObject *f = PyObject_GetAttr((PyObject *)type, name_of(D_new));
    if (f == NULL) {
        return NULL;
    }
    PyObject *result = call_with_first(f, (PyObject *)type, args, kwargs);
    Py_DECREF(f);
    return result;
}

/* -- the number slots -- */

static PyObject *unary(PyObject *self, dunder d) { return call0(self, d); }
static PyObject *slot_nb_negative(PyObject *self) { return unary(self, D_neg); }
static PyObject *slot_nb_positive(PyObject *self) { return unary(self, D_pos); }
static PyObject *slot_nb_absolute(PyObject *self) { return unary(self, D_abs); }
static PyObject *slot_nb_invert(PyObject *self) { return unary(self, D_invert); }
static PyObject *slot_nb_int(PyObject *self) { return unary(self, D_int); }
static PyObject *slot_nb_float(PyObject *self) { return unary(self, D_float); }
static PyObject *slot_nb_index(PyObject *self) { return unary(self, D_index); }

static int slot_nb_bool(PyObject *self) {
    int found;
    PyObject *result = call_maybe(self, D_bool, NULL, 0, &found);
    if (!found) {
        if (PyErr_Occurred()) {
            return -1;
        }
        /* __bool__ deleted since: __len__, else true. */
        result = call_maybe(self, D_len, NULL, 0, &found);
        if (!found) {
            return PyErr_Occurred() ? -1 : 1;
        }
        if (result == NULL) {
            return -1;
        }
        int truth = PyObject_IsTrue(result);
        Py_DECREF(result);
        return truth;
    }
    if (result == NULL) {
        return -1;
    }
    if (!PyBool_Check(result)) {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %.200s", Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    int truth = result == Py_True;
    Py_DECREF(result);
    return truth;
}

/* The binary slots (SLOT1BINFULL): self may be either operand. The left operand's
   dunder first, unless the right one's type is a proper subclass overriding the
   reflected dunder; then the right operand's reflected dunder. */
static int overrides(PyObject *other, PyObject *self, dunder d) {
    PyObject *name = name_of(d);
    return _PyType_Lookup(Py_TYPE(other), name) != _PyType_Lookup(Py_TYPE(self), name);
}

static PyObject *binary(PyObject *self, PyObject *other, dunder d, dunder rd, size_t slot_offset, void *slot) {
    PyNumberMethods *sn = Py_TYPE(self)->tp_as_number, *on = Py_TYPE(other)->tp_as_number;
    int self_has = sn != NULL && *(void **)((char *)sn + slot_offset) == slot;
    int do_other = !Py_IS_TYPE(self, Py_TYPE(other)) && on != NULL && *(void **)((char *)on + slot_offset) == slot;
    int found;
    if (self_has) {
        if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self)) && overrides(other, self, rd)) {
            PyObject *r = call_maybe(other, rd, &self, 1, &found);
            if (r != Py_NotImplemented && (found || PyErr_Occurred())) {
                return r;
            }
            Py_XDECREF(r);
            do_other = 0;
        }
        PyObject *r = call_maybe(self, d, &other, 1, &found);
        if (found || PyErr_Occurred()) {
            if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self))) {
                return r;
            }
            Py_DECREF(r);
        }
    }
    if (do_other) {
        PyObject *r = call_maybe(other, rd, &self, 1, &found);
        if (found || PyErr_Occurred()) {
            return r;
        }
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define BINARY_SLOT(field, name, rname)                                                   \
    static PyObject *slot_##field(PyObject *self, PyObject *other) {                      \
        return binary(self, other, D_##name, D_##rname, offsetof(PyNumberMethods, field), \
                      (void *)slot_##field);                                              \
    }
BINARY_SLOT(nb_add, add, radd)
BINARY_SLOT(nb_subtract, sub, rsub)
BINARY_SLOT(nb_multiply, mul, rmul)
BINARY_SLOT(nb_remainder, mod, rmod)
BINARY_SLOT(nb_divmod, divmod, rdivmod)
BINARY_SLOT(nb_lshift, lshift, rlshift)
BINARY_SLOT(nb_rshift, rshift, rrshift)
BINARY_SLOT(nb_and, and, rand)
BINARY_SLOT(nb_xor, xor, rxor)
BINARY_SLOT(nb_or, or, ror)
BINARY_SLOT(nb_floor_divide, floordiv, rfloordiv)
BINARY_SLOT(nb_true_divide, truediv, rtruediv)
BINARY_SLOT(nb_matrix_multiply, matmul, rmatmul)

/* pow with a modulus goes to __pow__ alone, as in CPython. */
static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus) {
    if (modulus == Py_None) {
        return binary(self, other, D_pow, D_rpow, offsetof(PyNumberMethods, nb_power), (void *)slot_nb_power);
    }
    PyNumberMethods *sn = Py_TYPE(self)->tp_as_number;
    if (sn != NULL && sn->nb_power == slot_nb_power) {
        PyObject *args[2] = { other, modulus };
        int found;
        PyObject *r = call_maybe(self, D_pow, args, 2, &found);
        if (found || PyErr_Occurred()) {
            return r;
        }
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define INPLACE_SLOT(field, name) \
    static PyObject *slot_##field(PyObject *self, PyObject *other) { return call1(self, D_##name, other); }
INPLACE_SLOT(nb_inplace_add, iadd)
INPLACE_SLOT(nb_inplace_subtract, isub)
INPLACE_SLOT(nb_inplace_multiply, imul)
INPLACE_SLOT(nb_inplace_remainder, imod)
INPLACE_SLOT(nb_inplace_lshift, ilshift)
INPLACE_SLOT(nb_inplace_rshift, irshift)
INPLACE_SLOT(nb_inplace_and, iand)
INPLACE_SLOT(nb_inplace_xor, ixor)
INPLACE_SLOT(nb_inplace_or, ior)
INPLACE_SLOT(nb_inplace_floor_divide, ifloordiv)
INPLACE_SLOT(nb_inplace_true_divide, itruediv)
INPLACE_SLOT(nb_inplace_matrix_multiply, imatmul)

static PyObject *slot_nb_inplace_power(PyObject *self, PyObject *other, PyObject *modulus) {
    (void)modulus;
    return call1(self, D_ipow, other);
}

/* -- the sequence and mapping slots -- */

static Py_ssize_t slot_sq_length(PyObject *self) {
    PyObject *result = call0(self, D_len);
    if (result == NULL) {
        return -1;
    }
    PyObject *n = PyNumber_Index(result);
    Py_DECREF(result);
    if (n == NULL) {
        return -1;
    }
    if (Py_SIZE(n) < 0) {
        Py_DECREF(n);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(n, PyExc_OverflowError);
    Py_DECREF(n);
    return len;
}

static PyObject *slot_sq_item(PyObject *self, Py_ssize_t i) {
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return NULL;
    }
    PyObject *result = call1(self, D_getitem, index);
    Py_DECREF(index);
    return result;
}

static int slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value) {
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return -1;
    }
    int status = status_of(value == NULL ? call1(self, D_delitem, index) : call2(self, D_setitem, index, value));
    Py_DECREF(index);
    return status;
}

static int slot_sq_contains(PyObject *self, PyObject *value) {
    PyObject *f = _PyType_Lookup(Py_TYPE(self), name_of(D_contains));
    if (f == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container", Py_TYPE(self)->tp_name);
        return -1;
    }
    PyObject *result = call1(self, D_contains, value);
    if (result == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(result);
    Py_DECREF(result);
    return truth;
}

static PyObject *slot_mp_subscript(PyObject *self, PyObject *key) { return call1(self, D_getitem, key); }

static int slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
    return status_of(value == NULL ? call1(self, D_delitem, key) : call2(self, D_setitem, key, value));
}

/* -- which dunder fills which slot (slotdefs) -- */

typedef struct {
    dunder name;
    short table;     /* offset of the table pointer in the type object, -1 for a field of the type */
    short field;     /* offset in the table, or in the type object */
    void *function;
    void *fallback; /* what object gives a class whose bases have nothing in the slot */
} slot_def;

/* object.__new__ / object.__init__ (object.c): where a class has no __new__ / __init__. */
PYCAPI_HIDDEN PyObject *pycapi_object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_object_init(PyObject *self, PyObject *args, PyObject *kwds);

#define TP(n, f, fn) { D_##n, -1, offsetof(PyTypeObject, f), (void *)(fn), NULL }
#define TP_OR(n, f, fn, fb) { D_##n, -1, offsetof(PyTypeObject, f), (void *)(fn), (void *)(fb) }
#define NB(n, f, fn) { D_##n, offsetof(PyTypeObject, tp_as_number), offsetof(PyNumberMethods, f), (void *)(fn), NULL }
#define SQ(n, f, fn) { D_##n, offsetof(PyTypeObject, tp_as_sequence), offsetof(PySequenceMethods, f), (void *)(fn), NULL }
#define MP(n, f, fn) { D_##n, offsetof(PyTypeObject, tp_as_mapping), offsetof(PyMappingMethods, f), (void *)(fn), NULL }
#define NB_BIN(n, rn, f) NB(n, f, slot_##f), NB(rn, f, slot_##f)

static const slot_def slot_defs[] = {
    TP(repr, tp_repr, slot_tp_repr),
    TP(str, tp_str, slot_tp_str),
    TP(hash, tp_hash, slot_tp_hash),
    TP(call, tp_call, slot_tp_call),
    TP_OR(getattribute, tp_getattro, slot_tp_getattro, PyObject_GenericGetAttr),
    TP_OR(getattr, tp_getattro, slot_tp_getattro, PyObject_GenericGetAttr),
    TP_OR(setattr, tp_setattro, slot_tp_setattro, PyObject_GenericSetAttr),
    TP_OR(delattr, tp_setattro, slot_tp_setattro, PyObject_GenericSetAttr),
    TP(lt, tp_richcompare, slot_tp_richcompare),
    TP(le, tp_richcompare, slot_tp_richcompare),
    TP(eq, tp_richcompare, slot_tp_richcompare),
    TP(ne, tp_richcompare, slot_tp_richcompare),
    TP(gt, tp_richcompare, slot_tp_richcompare),
    TP(ge, tp_richcompare, slot_tp_richcompare),
    TP(iter, tp_iter, slot_tp_iter),
    TP(next, tp_iternext, slot_tp_iternext),
    TP(get, tp_descr_get, slot_tp_descr_get),
    TP(set, tp_descr_set, slot_tp_descr_set),
    TP(delete, tp_descr_set, slot_tp_descr_set),
    TP_OR(init, tp_init, slot_tp_init, pycapi_object_init),
    TP_OR(new, tp_new, slot_tp_new, pycapi_object_new),
    NB_BIN(add, radd, nb_add),
    NB_BIN(sub, rsub, nb_subtract),
    NB_BIN(mul, rmul, nb_multiply),
    NB_BIN(mod, rmod, nb_remainder),
    NB_BIN(divmod, rdivmod, nb_divmod),
    NB_BIN(pow, rpow, nb_power),
    NB(neg, nb_negative, slot_nb_negative),
    NB(pos, nb_positive, slot_nb_positive),
    NB(abs, nb_absolute, slot_nb_absolute),
    NB(bool, nb_bool, slot_nb_bool),
    NB(invert, nb_invert, slot_nb_invert),
    NB_BIN(lshift, rlshift, nb_lshift),
    NB_BIN(rshift, rrshift, nb_rshift),
    NB_BIN(and, rand, nb_and),
    NB_BIN(xor, rxor, nb_xor),
    NB_BIN(or, ror, nb_or),
    NB(int, nb_int, slot_nb_int),
    NB(float, nb_float, slot_nb_float),
    NB(iadd, nb_inplace_add, slot_nb_inplace_add),
    NB(isub, nb_inplace_subtract, slot_nb_inplace_subtract),
    NB(imul, nb_inplace_multiply, slot_nb_inplace_multiply),
    NB(imod, nb_inplace_remainder, slot_nb_inplace_remainder),
    NB(ipow, nb_inplace_power, slot_nb_inplace_power),
    NB(ilshift, nb_inplace_lshift, slot_nb_inplace_lshift),
    NB(irshift, nb_inplace_rshift, slot_nb_inplace_rshift),
    NB(iand, nb_inplace_and, slot_nb_inplace_and),
    NB(ixor, nb_inplace_xor, slot_nb_inplace_xor),
    NB(ior, nb_inplace_or, slot_nb_inplace_or),
    NB_BIN(floordiv, rfloordiv, nb_floor_divide),
    NB_BIN(truediv, rtruediv, nb_true_divide),
    NB(ifloordiv, nb_inplace_floor_divide, slot_nb_inplace_floor_divide),
    NB(itruediv, nb_inplace_true_divide, slot_nb_inplace_true_divide),
    NB(index, nb_index, slot_nb_index),
    NB_BIN(matmul, rmatmul, nb_matrix_multiply),
    NB(imatmul, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply),
    MP(len, mp_length, slot_sq_length),
    MP(getitem, mp_subscript, slot_mp_subscript),
    MP(setitem, mp_ass_subscript, slot_mp_ass_subscript),
    MP(delitem, mp_ass_subscript, slot_mp_ass_subscript),
    SQ(len, sq_length, slot_sq_length),
    SQ(getitem, sq_item, slot_sq_item),
    SQ(setitem, sq_ass_item, slot_sq_ass_item),
    SQ(delitem, sq_ass_item, slot_sq_ass_item),
    SQ(contains, sq_contains, slot_sq_contains),
};

#define SLOT_DEF_COUNT ((int)(sizeof(slot_defs) / sizeof(slot_defs[0])))

static void **slot_address(PyTypeObject *type, const slot_def *def) {
    if (def->table < 0) {
        return (void **)((char *)type + def->field);
    }
    char *table = *(char **)((char *)type + def->table);
    return table == NULL ? NULL : (void **)(table + def->field);
}

/* A static base's __new__ (the tp_new wrapper PyType_Ready or the built-ins' start-up
   adds), found from a class whose nearest static base has it: that base's C tp_new. */
static int is_static_base_new(PyTypeObject *type, const slot_def *def, PyObject *name, PyObject *f) {
    if (def->function != (void *)slot_tp_new || !PyCFunction_Check(f)) {
        return 0;
    }
    PyTypeObject *base = type->tp_base;
    while (base != NULL && (base->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        base = base->tp_base;
    }
    return base != NULL && _PyType_Lookup(base, name) == f;
}

/* update_one_slot: the slot is this module's function when a dunder naming it is found
   on the type (None for __hash__ makes the type unhashable), else what the base has. A
   dunder that is a base's wrapper of the same slot (a slot wrapper, one of object's or a
   static base's __new__) keeps the base's C function. The dunders sharing a slot are
   neighbours in slot_defs. */
static int update_slot(PyTypeObject *type, int first) {
    const slot_def *def = &slot_defs[first];
    int last = first;
    while (last + 1 < SLOT_DEF_COUNT && slot_defs[last + 1].table == def->table && slot_defs[last + 1].field == def->field) {
        last++;
    }
    void **address = slot_address(type, def);
    if (address == NULL) {
        return last;
    }
    void *value = NULL;
    for (int i = first; i <= last; i++) {
        PyObject *name = name_of(slot_defs[i].name);
        PyObject *f = name == NULL ? NULL : _PyType_Lookup(type, name);
        /* object's own dunders stand for object's slots, which the base chain gives. */
        if (f == NULL || f == _PyType_Lookup(&PyBaseObject_Type, name)) {
            continue;
        }
        if (f == Py_None && def->function == (void *)slot_tp_hash) {
            value = (void *)PyObject_HashNotImplemented;
            break;
        }
        if (!Py_IS_TYPE(f, &PyWrapperDescr_Type) && !is_static_base_new(type, def, name, f)) {
            value = def->function;
            break;
        }
    }
    if (value == NULL && type->tp_base != NULL) {
        void **inherited = slot_address(type->tp_base, def);
        value = inherited == NULL ? NULL : *inherited;
    }
    *address = value != NULL ? value : def->fallback;
    return last;
}

/* fixup_slot_dispatchers, or update_slot for one dunder (name given). */
PYCAPI_HIDDEN void pycapi_heaptype_update_slots(PyTypeObject *type, PyObject *name) {
    for (int i = 0; i < SLOT_DEF_COUNT; i++) {
        if (name != NULL) {
            int j = i, matches = 0;
            for (; j < SLOT_DEF_COUNT && slot_defs[j].table == slot_defs[i].table && slot_defs[j].field == slot_defs[i].field; j++) {
                PyObject *n = name_of(slot_defs[j].name);
                matches |= n != NULL && PyUnicode_Compare(n, name) == 0;
            }
            if (!matches) {
                i = j - 1;
                continue;
            }
        }
        i = update_slot(type, i);
    }
    PyErr_Clear();
}

/* Is the dunder one that fills a slot? */
PYCAPI_HIDDEN int pycapi_is_slot_dunder(PyObject *name) {
    for (int i = 0; i < SLOT_DEF_COUNT; i++) {
        PyObject *n = name_of(slot_defs[i].name);
        if (n != NULL && PyUnicode_Compare(n, name) == 0) {
            return 1;
        }
    }
    PyErr_Clear();
    return 0;
}

/* -- the instances -- */

static void heap_instance_dealloc(PyObject *self);
static void heap_instance_dealloc_releasing(PyObject *self);

/* The deallocs of this module: a class made by type() has one or the other. */
static int is_heap_instance_dealloc(destructor d) { return d == heap_instance_dealloc || d == heap_instance_dealloc_releasing; }

/* The object references an instance holds itself: its __slots__ (members of the classes
   along its type's bases that this module laid out) and its dict. */
static int visit_own_references(PyObject *self, visitproc visit, void *arg) {
    for (PyTypeObject *t = Py_TYPE(self); t != NULL && is_heap_instance_dealloc(t->tp_dealloc); t = t->tp_base) {
        for (PyMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++) {
            PyObject *v = *(PyObject **)((char *)self + m->offset);
            if (m->type == T_OBJECT_EX && v != NULL) {
                int status = visit(v, arg);
                if (status != 0) {
                    return status;
                }
            }
        }
    }
    PyObject **dict = pycapi_instance_dict_slot(self);
    return dict != NULL && *dict != NULL ? visit(*dict, arg) : 0;
}

static int heap_instance_traverse(PyObject *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    return visit_own_references(self, visit, arg);
}

/* Clears every reference visit_own_references reports. */
static int heap_instance_clear(PyObject *self) {
    for (PyTypeObject *t = Py_TYPE(self); t != NULL && is_heap_instance_dealloc(t->tp_dealloc); t = t->tp_base) {
        for (PyMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++) {
            if (m->type == T_OBJECT_EX) {
                Py_CLEAR(*(PyObject **)((char *)self + m->offset));
            }
        }
    }
    PyObject **dict = pycapi_instance_dict_slot(self);
    if (dict != NULL) {
        Py_CLEAR(*dict);
    }
    return 0;
}

/* subtype_dealloc: weak references, slots and dict go, then the nearest base with a
   dealloc of its own frees the memory (and, being one of our built-in types' or a heap
   type's, releases the class). */
static void heap_instance_dealloc(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    if (type->tp_weaklistoffset > 0) {
        PyObject_ClearWeakRefs(self);
    }
    heap_instance_clear(self);
    PyTypeObject *base = type;
    while (is_heap_instance_dealloc(base->tp_dealloc)) {
        base = base->tp_base;
    }
    base->tp_dealloc(self);
}

/* The same above a static type defined in C, whose dealloc knows nothing of the class. */
static void heap_instance_dealloc_releasing(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    heap_instance_dealloc(self);
    Py_DECREF(type);
}

/* A class made by type(): its protocol tables are its own, its instances' references
   are traversed and cleared here, and its slots follow its dunders. base_keeps_type: the
   nearest base that is not such a class is a static C type of an extension. */
PYCAPI_HIDDEN void pycapi_heaptype_init(PyTypeObject *type, int base_keeps_type) {
    PyHeapTypeObject *heap = (PyHeapTypeObject *)type;
    type->tp_as_async = &heap->as_async;
    type->tp_as_number = &heap->as_number;
    type->tp_as_sequence = &heap->as_sequence;
    type->tp_as_mapping = &heap->as_mapping;
    type->tp_as_buffer = &heap->as_buffer;
    type->tp_dealloc = base_keeps_type ? heap_instance_dealloc_releasing : heap_instance_dealloc;
    type->tp_traverse = heap_instance_traverse;
    type->tp_clear = heap_instance_clear;
    /* Only PyType_GenericAlloc leaves room for a managed dict: a base with an allocator
       of its own gives its subclasses' instances none. */
    if (type->tp_alloc != PyType_GenericAlloc) {
        type->tp_flags &= ~Py_TPFLAGS_MANAGED_DICT;
    }
    pycapi_heaptype_update_slots(type, NULL);
}
