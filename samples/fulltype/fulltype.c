/* fulltype: a C type that fills every slot of PyTypeObject, as a model to copy.

   fulltype.Vec is a small vector of up to 8 doubles. It is plain CPython 3.11 C API code
   (the same source builds against CPython unchanged) and shows, slot by slot:

     tp_new / tp_init / tp_alloc / tp_free / tp_dealloc / tp_finalize   creation and death
     tp_traverse / tp_clear                                              cycles (gc.collect)
     tp_dictoffset / tp_weaklistoffset                                   __dict__, weakrefs
     tp_vectorcall_offset + Py_TPFLAGS_HAVE_VECTORCALL, tp_call          calls
     tp_vectorcall                                                       Vec(...) without a tuple
     tp_repr / tp_str / tp_hash / tp_richcompare                         the basics
     tp_iter (and the iterator type's tp_iternext)                       iteration
     tp_getattro / tp_setattro                                           v.x, v.y, v.z, v.w
     tp_descr_get / tp_descr_set                                         a Vec as a class attribute
     tp_as_number (every slot, in-place forms too), tp_as_sequence,
     tp_as_mapping, tp_as_buffer, tp_as_async

   The module also makes fulltype.HeapVec, the same type built with PyType_FromSpec (where
   __dictoffset__, __weaklistoffset__ and __vectorcalloffset__ are given as Py_tp_members;
   a spec has no way to give tp_vectorcall in 3.11).

   Counters of the lifecycle and call slots are readable with fulltype.counts(); a finalizer
   can be told to resurrect its object with fulltype.set_resurrect(True) (the resurrected
   object is then returned, once, by fulltype.take_resurrected()). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>

#define VEC_MAX 8

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;               /* components in use */
    double v[VEC_MAX];
    PyObject *dict;             /* tp_dictoffset: the instance __dict__, made on first use */
    PyObject *weakreflist;      /* tp_weaklistoffset: weak references to this object */
    vectorcallfunc vectorcall;  /* tp_vectorcall_offset: set by tp_new */
    PyObject *link;             /* any object (the "link" member): lets cycles through Vecs be built */
    Py_ssize_t exports;         /* live buffer exports: a Vec cannot change length while > 0 */
    Py_ssize_t itemsize;        /* sizeof(double), pointed to by the buffer's strides */
} VecObject;

typedef struct {
    PyObject_HEAD
    VecObject *vec;
    Py_ssize_t index;
} VecIterObject;

static PyTypeObject VecType;
static PyTypeObject VecIterType;
static PyObject *HeapVecType;   /* fulltype.HeapVec, made by the module's init */

/* What the lifecycle and call slots did, for fulltype.counts(). */
static struct {
    long long allocs, inits, finalizes, deallocs, clears, tp_calls, vectorcalls, type_vectorcalls, descr_gets, descr_sets;
} counts;
static int resurrect;           /* set_resurrect(): the next finalizer keeps its object */
static PyObject *resurrected;   /* ... here */

static int Vec_Check(PyObject *o)
{
    return PyObject_TypeCheck(o, &VecType) || (HeapVecType != NULL && PyObject_TypeCheck(o, (PyTypeObject *)HeapVecType));
}

#define VEC(o) ((VecObject *)(o))

/* A number operand of the arithmetic slots: an int or a float. */
static int is_number(PyObject *o)
{
    return PyFloat_Check(o) || PyLong_Check(o);
}

static PyObject *vec_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);

/* A new Vec of n zero components, through the type's tp_alloc (so a subclass gets its own
   layout). Every instance carries its vectorcall, at tp_vectorcall_offset. */
static VecObject *vec_alloc(PyTypeObject *type, Py_ssize_t n)
{
    if (n > VEC_MAX) {
        PyErr_Format(PyExc_ValueError, "a Vec holds at most %d components", VEC_MAX);
        return NULL;
    }
    VecObject *self = (VecObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    /* tp_alloc zeroed the memory: dict, weakreflist, link are NULL. */
    self->n = n;
    self->vectorcall = vec_vectorcall;
    self->itemsize = sizeof(double);
    counts.allocs++;
    return self;
}

/* ---- creation: tp_new, tp_init, vectorcall -------------------------------------------- */

/* tp_new: an empty vector; tp_init fills it. */
static PyObject *vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)vec_alloc(type, 0);
}

/* Stores the numbers of a sequence as the components. */
static int vec_assign(VecObject *self, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "Vec components must be a sequence of numbers");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    double v[VEC_MAX];
    if (n > VEC_MAX) {
        PyErr_Format(PyExc_ValueError, "a Vec holds at most %d components", VEC_MAX);
        Py_DECREF(fast);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        v[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast, i));
        if (v[i] == -1.0 && PyErr_Occurred()) {
            Py_DECREF(fast);
            return -1;
        }
    }
    Py_DECREF(fast);
    if (n != self->n && self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    self->n = n;
    memcpy(self->v, v, (size_t)n * sizeof(double));
    return 0;
}

/* tp_init: Vec(*components), no keywords. Calling __init__ again re-fills the vector. */
static int vec_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Vec() takes no keyword arguments");
        return -1;
    }
    counts.inits++;
    return vec_assign(VEC(self), args);
}

/* The type's own vectorcall (tp_vectorcall, not inherited): Vec(*components) without the
   argument tuple, as CPython's built-in types construct. */
static PyObject *vec_type_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    counts.type_vectorcalls++;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "Vec() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyVectorcall_NARGS(nargsf);
    if (n > VEC_MAX) {
        return PyErr_Format(PyExc_ValueError, "a Vec holds at most %d components", VEC_MAX);
    }
    VecObject *self = vec_alloc((PyTypeObject *)type, n);
    for (Py_ssize_t i = 0; self != NULL && i < n; i++) {
        self->v[i] = PyFloat_AsDouble(args[i]);
        if (self->v[i] == -1.0 && PyErr_Occurred()) {
            Py_CLEAR(self);
        }
    }
    return (PyObject *)self;
}

/* ---- death: tp_finalize, tp_dealloc, tp_traverse, tp_clear ------------------------------ */

/* tp_finalize runs once per object (PEP 442), before tp_clear or tp_dealloc. It may
   resurrect the object by storing a new reference to it. */
static void vec_finalize(PyObject *self)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);   /* a finalizer must keep the pending exception */
    counts.finalizes++;
    if (resurrect) {
        resurrect = 0;
        Py_XSETREF(resurrected, Py_NewRef(self));
    }
    PyErr_Restore(type, value, tb);
}

static int vec_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(VEC(self)->dict);
    Py_VISIT(VEC(self)->link);
    Py_VISIT(Py_TYPE(self));    /* instances of a heap type own a reference to it */
    return 0;
}

static int vec_clear(PyObject *self)
{
    counts.clears++;
    Py_CLEAR(VEC(self)->dict);
    Py_CLEAR(VEC(self)->link);
    return 0;
}

static void vec_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    /* Runs tp_finalize unless it already ran; a resurrected object stays. */
    if (PyObject_CallFinalizerFromDealloc(self) < 0) {
        return;
    }
    counts.deallocs++;
    if (VEC(self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);   /* calls the weakrefs' callbacks */
    }
    vec_clear(self);
    counts.clears--;                    /* a dealloc is not counted as a tp_clear */
    type->tp_free(self);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(type);
    }
}

/* ---- tp_repr, tp_str, tp_hash, tp_richcompare ------------------------------------------ */

/* tolist(): the components as a list of floats. */
static PyObject *vec_tolist(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(VEC(self)->n);
    for (Py_ssize_t i = 0; list != NULL && i < VEC(self)->n; i++) {
        PyObject *f = PyFloat_FromDouble(VEC(self)->v[i]);
        if (f == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, f);
    }
    return list;
}

/* "Vec(1.0, 2.5)": the type's name and the tuple's repr without its parentheses. */
static PyObject *vec_repr(PyObject *self)
{
    PyObject *name = PyType_GetQualName(Py_TYPE(self));
    PyObject *list = vec_tolist(self, NULL);
    PyObject *r = list == NULL ? NULL : PyObject_Repr(list);
    PyObject *inner = r == NULL ? NULL : PyUnicode_Substring(r, 1, PyUnicode_GET_LENGTH(r) - 1);
    PyObject *result = name == NULL || inner == NULL ? NULL : PyUnicode_FromFormat("%U(%U)", name, inner);
    Py_XDECREF(name);
    Py_XDECREF(list);
    Py_XDECREF(r);
    Py_XDECREF(inner);
    return result;
}

/* "<1 2.5>": the components with %g. */
static PyObject *vec_str(PyObject *self)
{
    char buf[VEC_MAX * 32 + 3];
    size_t used = 0;
    buf[used++] = '<';
    for (Py_ssize_t i = 0; i < VEC(self)->n; i++) {
        used += (size_t)snprintf(buf + used, sizeof buf - used, i == 0 ? "%g" : " %g", VEC(self)->v[i]);
    }
    buf[used++] = '>';
    buf[used] = '\0';
    return PyUnicode_FromString(buf);
}

/* The hash of the tuple of components, so equal vectors hash alike. Hashing a vector
   that has buffer exports is refused: C may change it through the buffer. */
static Py_hash_t vec_hash(PyObject *self)
{
    if (VEC(self)->exports > 0) {
        PyErr_SetString(PyExc_ValueError, "cannot hash a Vec with buffer exports");
        return -1;
    }
    PyObject *list = vec_tolist(self, NULL);
    PyObject *t = list == NULL ? NULL : PyList_AsTuple(list);
    Py_hash_t h = t == NULL ? -1 : PyObject_Hash(t);   /* never -1 but for an error */
    Py_XDECREF(list);
    Py_XDECREF(t);
    return h;
}

/* Lexicographic comparison of two vectors; anything else is NotImplemented, so that
   the other operand's slot is tried and == falls back to identity. */
static PyObject *vec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Vec_Check(a) || !Vec_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t i = 0, na = VEC(a)->n, nb = VEC(b)->n;
    while (i < na && i < nb && VEC(a)->v[i] == VEC(b)->v[i]) {
        i++;
    }
    int c;
    if (i < na && i < nb) {
        c = VEC(a)->v[i] < VEC(b)->v[i] ? -1 : 1;
    } else {
        c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- tp_call and the vectorcall ------------------------------------------------------- */

/* v(x, scale=1.0): the polynomial with coefficients v evaluated at x, times scale. */
static PyObject *vec_evaluate(PyObject *self, PyObject *x, PyObject *scale)
{
    double xv = PyFloat_AsDouble(x);
    double s = scale == NULL ? 1.0 : PyFloat_AsDouble(scale);
    if (PyErr_Occurred()) {
        return NULL;
    }
    double sum = 0.0;
    for (Py_ssize_t i = VEC(self)->n - 1; i >= 0; i--) {
        sum = sum * xv + VEC(self)->v[i];
    }
    return PyFloat_FromDouble(sum * s);
}

static PyObject *vec_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"x", "scale", NULL};
    PyObject *x, *scale = NULL;
    counts.tp_calls++;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:Vec.__call__", keywords, &x, &scale)) {
        return NULL;
    }
    return vec_evaluate(self, x, scale);
}

/* The same call with the arguments on a C stack: keyword names in kwnames, their values
   after the positional ones. */
static PyObject *vec_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *x = nargs > 0 ? args[0] : NULL, *scale = nargs > 1 ? args[1] : NULL;
    counts.vectorcalls++;
    if (nargs > 2) {
        return PyErr_Format(PyExc_TypeError, "Vec.__call__() takes at most 2 arguments (%zd given)", nargs + nkw);
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        PyObject **target = PyUnicode_CompareWithASCIIString(name, "x") == 0 ? &x
                          : PyUnicode_CompareWithASCIIString(name, "scale") == 0 ? &scale : NULL;
        if (target == NULL) {
            return PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for Vec.__call__()", name);
        }
        if (*target != NULL) {
            return PyErr_Format(PyExc_TypeError, "argument for Vec.__call__() given by name ('%U') and position", name);
        }
        *target = args[nargs + i];
    }
    if (x == NULL) {
        return PyErr_Format(PyExc_TypeError, "Vec.__call__() missing required argument 'x' (pos 1)");
    }
    return vec_evaluate(callable, x, scale);
}

/* ---- tp_getattro, tp_setattro: the components as v.x, v.y, v.z, v.w ------------------- */

static Py_ssize_t component_of(PyObject *name)
{
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (s == NULL || s[0] == '\0' || s[1] != '\0') {
        PyErr_Clear();
        return -1;
    }
    const char *p = strchr("xyzw", s[0]);
    return p == NULL ? -1 : p - "xyzw";
}

/* v.x ... v.w while the vector has that component; other names as object does it
   (methods, members, the instance __dict__). */
static PyObject *vec_getattro(PyObject *self, PyObject *name)
{
    Py_ssize_t i = component_of(name);
    if (i >= 0 && i < VEC(self)->n) {
        return PyFloat_FromDouble(VEC(self)->v[i]);
    }
    return PyObject_GenericGetAttr(self, name);
}

/* Stores a number as component i (in range). */
static int store_component(PyObject *self, Py_ssize_t i, PyObject *value)
{
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    VEC(self)->v[i] = d;
    return 0;
}

static int vec_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    Py_ssize_t i = component_of(name);
    if (i >= 0 && i < VEC(self)->n) {
        if (value == NULL) {
            PyErr_Format(PyExc_TypeError, "cannot delete Vec component '%U'", name);
            return -1;
        }
        return store_component(self, i, value);
    }
    return PyObject_GenericSetAttr(self, name, value);
}

/* ---- tp_descr_get, tp_descr_set: a Vec stored in a class ------------------------------ */

/* Read through an instance, a class attribute that is a Vec gives a copy (so instances
   cannot change the shared one by accident); read through the class, the Vec itself. */
static PyObject *vec_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    counts.descr_gets++;
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    VecObject *copy = vec_alloc(Py_TYPE(self), VEC(self)->n);
    if (copy != NULL) {
        memcpy(copy->v, VEC(self)->v, sizeof copy->v);
    }
    return (PyObject *)copy;
}

/* Written through an instance, it takes the new components in place; it cannot be
   deleted that way. Having tp_descr_set makes it a data descriptor. */
static int vec_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    counts.descr_sets++;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "a Vec class attribute cannot be deleted through an instance");
        return -1;
    }
    return vec_assign(VEC(self), value);
}

/* ---- tp_iter and the iterator type ---------------------------------------------------- */

static PyObject *vec_iter(PyObject *self)
{
    VecIterObject *it = PyObject_New(VecIterObject, &VecIterType);
    if (it != NULL) {
        it->vec = (VecObject *)Py_NewRef(self);
        it->index = 0;
    }
    return (PyObject *)it;
}

/* tp_iternext: NULL without an exception set means "exhausted" (StopIteration). */
static PyObject *veciter_next(PyObject *self)
{
    VecIterObject *it = (VecIterObject *)self;
    if (it->vec == NULL || it->index >= it->vec->n) {
        Py_CLEAR(it->vec);
        return NULL;
    }
    return PyFloat_FromDouble(it->vec->v[it->index++]);
}

static void veciter_dealloc(PyObject *self)
{
    Py_XDECREF(((VecIterObject *)self)->vec);
    PyObject_Free(self);
}

/* An iterator is also an awaitable here: awaiting it runs through the components. */
static PyAsyncMethods veciter_as_async = {.am_await = PyObject_SelfIter};

static PyTypeObject VecIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fulltype.VecIterator",
    .tp_basicsize = sizeof(VecIterObject),
    .tp_dealloc = veciter_dealloc,
    .tp_as_async = &veciter_as_async,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Iterator over the components of a Vec.",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = veciter_next,
};

/* ---- tp_as_number ---------------------------------------------------------------------- */

enum vec_op { OP_ADD, OP_SUB, OP_MUL, OP_REM, OP_FLOORDIV, OP_TRUEDIV, OP_POW, OP_AND, OP_OR, OP_XOR };

static int apply(enum vec_op op, double x, double y, double *out)
{
    switch (op) {
    case OP_ADD: *out = x + y; return 0;
    case OP_SUB: *out = x - y; return 0;
    case OP_MUL: *out = x * y; return 0;
    case OP_POW: *out = pow(x, y); return 0;
    case OP_AND: *out = (double)((long long)x & (long long)y); return 0;
    case OP_OR: *out = (double)((long long)x | (long long)y); return 0;
    case OP_XOR: *out = (double)((long long)x ^ (long long)y); return 0;
    default:
        break;
    }
    if (y == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "Vec division by zero");
        return -1;
    }
    if (op == OP_TRUEDIV) {
        *out = x / y;
    } else {
        /* Python's floor division and modulo: the remainder has the divisor's sign. */
        double m = fmod(x, y);
        if (m != 0.0 && ((y < 0) != (m < 0))) {
            m += y;
        }
        *out = op == OP_REM ? m : (x - m) / y;
    }
    return 0;
}

/* a op b where a and/or b is a Vec: component by component with another Vec of the same
   length, or with a number on either side. Any other operand: NotImplemented, so that
   Python tries the other operand and then raises "unsupported operand type(s)". A binary
   slot is called for the reflected form too, with the Vec as b. */
static PyObject *elementwise(PyObject *a, PyObject *b, enum vec_op op)
{
    PyObject *vec = Vec_Check(a) ? a : b;
    int a_vec = Vec_Check(a), b_vec = Vec_Check(b);
    if ((!a_vec && !is_number(a)) || (!b_vec && !is_number(b))) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (a_vec && b_vec && VEC(a)->n != VEC(b)->n) {
        return PyErr_Format(PyExc_ValueError, "Vec lengths differ: %zd and %zd", VEC(a)->n, VEC(b)->n);
    }
    double x = a_vec ? 0.0 : PyFloat_AsDouble(a), y = b_vec ? 0.0 : PyFloat_AsDouble(b);
    if (PyErr_Occurred()) {
        return NULL;
    }
    VecObject *r = vec_alloc(Py_TYPE(vec), VEC(vec)->n);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < r->n; i++) {
        if (apply(op, a_vec ? VEC(a)->v[i] : x, b_vec ? VEC(b)->v[i] : y, &r->v[i]) < 0) {
            Py_DECREF(r);
            return NULL;
        }
    }
    return (PyObject *)r;
}

/* The in-place form: the result's components replace self's, and self is the result.
   Only the left operand's in-place slot is ever called, so self is a Vec. */
static PyObject *in_place(PyObject *self, PyObject *result)
{
    if (result == NULL || !Vec_Check(result)) {
        return result;   /* an error, or NotImplemented: Python then tries the binary slots */
    }
    memcpy(VEC(self)->v, VEC(result)->v, sizeof VEC(self)->v);
    Py_DECREF(result);
    return Py_NewRef(self);
}

#define BINARY(name, op)                                                                        \
    static PyObject *vec_##name(PyObject *a, PyObject *b) { return elementwise(a, b, op); }     \
    static PyObject *vec_inplace_##name(PyObject *a, PyObject *b) { return in_place(a, elementwise(a, b, op)); }
BINARY(add, OP_ADD)
BINARY(subtract, OP_SUB)
BINARY(multiply, OP_MUL)
BINARY(remainder, OP_REM)
BINARY(floor_divide, OP_FLOORDIV)
BINARY(true_divide, OP_TRUEDIV)
BINARY(and, OP_AND)
BINARY(or, OP_OR)
BINARY(xor, OP_XOR)

/* divmod(a, b): the tuple (a // b, a % b). */
static PyObject *vec_divmod(PyObject *a, PyObject *b)
{
    PyObject *q = elementwise(a, b, OP_FLOORDIV);
    if (q == NULL || q == Py_NotImplemented) {
        return q;
    }
    PyObject *r = elementwise(a, b, OP_REM);
    if (r == NULL) {
        Py_DECREF(q);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, q, r);
    Py_DECREF(q);
    Py_DECREF(r);
    return result;
}

/* pow(a, b[, mod]): a ternary slot. mod is Py_None for a ** b; with a modulus the
   components are reduced as by %. A Vec modulus is not supported. */
static PyObject *vec_power(PyObject *a, PyObject *b, PyObject *mod)
{
    if (mod != Py_None && !is_number(mod)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *p = elementwise(a, b, OP_POW);
    if (p == NULL || p == Py_NotImplemented || mod == Py_None) {
        return p;
    }
    PyObject *r = elementwise(p, mod, OP_REM);
    Py_DECREF(p);
    return r;
}

static PyObject *vec_inplace_power(PyObject *a, PyObject *b, PyObject *mod)
{
    return in_place(a, vec_power(a, b, mod));
}

/* a @ b: the dot product, a float. The in-place form can only rebind to it. */
static PyObject *vec_matrix_multiply(PyObject *a, PyObject *b)
{
    if (!Vec_Check(a) || !Vec_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (VEC(a)->n != VEC(b)->n) {
        return PyErr_Format(PyExc_ValueError, "Vec lengths differ: %zd and %zd", VEC(a)->n, VEC(b)->n);
    }
    double sum = 0.0;
    for (Py_ssize_t i = 0; i < VEC(a)->n; i++) {
        sum += VEC(a)->v[i] * VEC(b)->v[i];
    }
    return PyFloat_FromDouble(sum);
}

/* v << k, v >> k: the components rotated by k places. */
static PyObject *vec_rotate(PyObject *a, PyObject *b, int left)
{
    if (!Vec_Check(a) || !PyLong_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    long k = PyLong_AsLong(b);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return NULL;
    }
    Py_ssize_t n = VEC(a)->n;
    VecObject *r = vec_alloc(Py_TYPE(a), n);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t from = left ? (i + k) % n : ((i - k) % n + n) % n;
        r->v[i] = VEC(a)->v[from];
    }
    return (PyObject *)r;
}

static PyObject *vec_lshift(PyObject *a, PyObject *b) { return vec_rotate(a, b, 1); }
static PyObject *vec_rshift(PyObject *a, PyObject *b) { return vec_rotate(a, b, 0); }
static PyObject *vec_inplace_lshift(PyObject *a, PyObject *b) { return in_place(a, vec_rotate(a, b, 1)); }
static PyObject *vec_inplace_rshift(PyObject *a, PyObject *b) { return in_place(a, vec_rotate(a, b, 0)); }
static PyObject *vec_inplace_matrix_multiply(PyObject *a, PyObject *b) { return vec_matrix_multiply(a, b); }

/* -v, +v (a copy), ~v (the components in reverse order). */
static PyObject *vec_unary(PyObject *self, int kind)
{
    Py_ssize_t n = VEC(self)->n;
    VecObject *r = vec_alloc(Py_TYPE(self), n);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        r->v[i] = kind == '-' ? -VEC(self)->v[i] : kind == '~' ? VEC(self)->v[n - 1 - i] : VEC(self)->v[i];
    }
    return (PyObject *)r;
}

static PyObject *vec_negative(PyObject *self) { return vec_unary(self, '-'); }
static PyObject *vec_positive(PyObject *self) { return vec_unary(self, '+'); }
static PyObject *vec_invert(PyObject *self) { return vec_unary(self, '~'); }

/* abs(v): the Euclidean norm. */
static PyObject *vec_absolute(PyObject *self)
{
    double sum = 0.0;
    for (Py_ssize_t i = 0; i < VEC(self)->n; i++) {
        sum += VEC(self)->v[i] * VEC(self)->v[i];
    }
    return PyFloat_FromDouble(sqrt(sum));
}

/* bool(v): some component is not zero. */
static int vec_bool(PyObject *self)
{
    for (Py_ssize_t i = 0; i < VEC(self)->n; i++) {
        if (VEC(self)->v[i] != 0.0) {
            return 1;
        }
    }
    return 0;
}

/* int(), float() and operator.index() of a one-component vector; index() also wants the
   component to be integral. */
static int single_component(PyObject *self, const char *what, double *out)
{
    if (VEC(self)->n != 1) {
        PyErr_Format(PyExc_TypeError, "only a Vec of one component can be %s, not of %zd", what, VEC(self)->n);
        return -1;
    }
    *out = VEC(self)->v[0];
    return 0;
}

static PyObject *vec_int(PyObject *self)
{
    double d;
    return single_component(self, "converted to int", &d) < 0 ? NULL : PyLong_FromDouble(d);
}

static PyObject *vec_float(PyObject *self)
{
    double d;
    return single_component(self, "converted to float", &d) < 0 ? NULL : PyFloat_FromDouble(d);
}

static PyObject *vec_index(PyObject *self)
{
    double d;
    if (single_component(self, "used as an index", &d) < 0) {
        return NULL;
    }
    if (d != floor(d)) {
        PyErr_SetString(PyExc_TypeError, "only a Vec of an integral component can be used as an index");
        return NULL;
    }
    return PyLong_FromDouble(d);
}

static PyNumberMethods vec_as_number = {
    .nb_add = vec_add,
    .nb_subtract = vec_subtract,
    .nb_multiply = vec_multiply,
    .nb_remainder = vec_remainder,
    .nb_divmod = vec_divmod,
    .nb_power = vec_power,
    .nb_negative = vec_negative,
    .nb_positive = vec_positive,
    .nb_absolute = vec_absolute,
    .nb_bool = vec_bool,
    .nb_invert = vec_invert,
    .nb_lshift = vec_lshift,
    .nb_rshift = vec_rshift,
    .nb_and = vec_and,
    .nb_xor = vec_xor,
    .nb_or = vec_or,
    .nb_int = vec_int,
    .nb_float = vec_float,
    .nb_inplace_add = vec_inplace_add,
    .nb_inplace_subtract = vec_inplace_subtract,
    .nb_inplace_multiply = vec_inplace_multiply,
    .nb_inplace_remainder = vec_inplace_remainder,
    .nb_inplace_power = vec_inplace_power,
    .nb_inplace_lshift = vec_inplace_lshift,
    .nb_inplace_rshift = vec_inplace_rshift,
    .nb_inplace_and = vec_inplace_and,
    .nb_inplace_xor = vec_inplace_xor,
    .nb_inplace_or = vec_inplace_or,
    .nb_floor_divide = vec_floor_divide,
    .nb_true_divide = vec_true_divide,
    .nb_inplace_floor_divide = vec_inplace_floor_divide,
    .nb_inplace_true_divide = vec_inplace_true_divide,
    .nb_index = vec_index,
    .nb_matrix_multiply = vec_matrix_multiply,
    .nb_inplace_matrix_multiply = vec_inplace_matrix_multiply,
};

/* ---- tp_as_sequence -------------------------------------------------------------------- */

static Py_ssize_t vec_length(PyObject *self)
{
    return VEC(self)->n;
}

/* PySequence_Concat(a, b): the components of both (nb_add, tried first by +, adds them). */
static PyObject *vec_concat(PyObject *a, PyObject *b)
{
    if (!Vec_Check(b)) {
        return PyErr_Format(PyExc_TypeError, "can only concatenate Vec (not \"%s\") to Vec", Py_TYPE(b)->tp_name);
    }
    VecObject *r = vec_alloc(Py_TYPE(a), VEC(a)->n + VEC(b)->n);
    if (r == NULL) {
        return NULL;
    }
    memcpy(r->v, VEC(a)->v, (size_t)VEC(a)->n * sizeof(double));
    memcpy(r->v + VEC(a)->n, VEC(b)->v, (size_t)VEC(b)->n * sizeof(double));
    return (PyObject *)r;
}

/* PySequence_Repeat(v, count): the components count times (count < 0 acts as 0). */
static PyObject *vec_repeat(PyObject *self, Py_ssize_t count)
{
    Py_ssize_t n = VEC(self)->n, times = count < 0 ? 0 : count;
    if (n != 0 && times > VEC_MAX / n) {
        return PyErr_Format(PyExc_ValueError, "a Vec holds at most %d components", VEC_MAX);
    }
    VecObject *r = vec_alloc(Py_TYPE(self), n * times);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n * times; i++) {
        r->v[i] = VEC(self)->v[i % n];
    }
    return (PyObject *)r;
}

/* In place, the length changes: refused while a buffer is exported. */
static PyObject *resize_in_place(PyObject *self, PyObject *result)
{
    if (result == NULL) {
        return NULL;
    }
    if (VEC(self)->exports > 0) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return NULL;
    }
    VEC(self)->n = VEC(result)->n;
    memcpy(VEC(self)->v, VEC(result)->v, sizeof VEC(self)->v);
    Py_DECREF(result);
    return Py_NewRef(self);
}

static PyObject *vec_inplace_concat(PyObject *self, PyObject *other)
{
    return resize_in_place(self, vec_concat(self, other));
}

static PyObject *vec_inplace_repeat(PyObject *self, Py_ssize_t count)
{
    return resize_in_place(self, vec_repeat(self, count));
}

/* sq_item gets an index already adjusted by sq_length when it was negative. */
static PyObject *vec_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= VEC(self)->n) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return NULL;
    }
    return PyFloat_FromDouble(VEC(self)->v[i]);
}

/* v[i] = x; del v[i] (value NULL) is refused: the length only changes as a whole. */
static int vec_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Vec components cannot be deleted");
        return -1;
    }
    if (i < 0 || i >= VEC(self)->n) {
        PyErr_SetString(PyExc_IndexError, "Vec assignment index out of range");
        return -1;
    }
    return store_component(self, i, value);
}

/* x in v: compared as Python compares (1 in Vec(1.0) is true). */
static int vec_contains(PyObject *self, PyObject *value)
{
    for (Py_ssize_t i = 0; i < VEC(self)->n; i++) {
        PyObject *f = PyFloat_FromDouble(VEC(self)->v[i]);
        int eq = f == NULL ? -1 : PyObject_RichCompareBool(f, value, Py_EQ);
        Py_XDECREF(f);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

static PySequenceMethods vec_as_sequence = {
    .sq_length = vec_length,
    .sq_concat = vec_concat,
    .sq_repeat = vec_repeat,
    .sq_item = vec_item,
    .sq_ass_item = vec_ass_item,
    .sq_contains = vec_contains,
    .sq_inplace_concat = vec_inplace_concat,
    .sq_inplace_repeat = vec_inplace_repeat,
};

/* ---- tp_as_mapping: v[i] with any index (negative too), v[i, j, ...] picks components -- */

/* The component an index names (negative counts from the end), or -1 with IndexError. */
static Py_ssize_t component_at(PyObject *self, PyObject *key)
{
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    i = i < 0 ? i + VEC(self)->n : i;
    if (i < 0 || i >= VEC(self)->n) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return -1;
    }
    return i;
}

static PyObject *bad_key(PyObject *key)
{
    return PyErr_Format(PyExc_TypeError, "Vec indices must be integers or tuples of integers, not %.200s",
                        Py_TYPE(key)->tp_name);
}

/* v[i] is a float; v[i, j, ...] a new Vec of those components (a "swizzle"). */
static PyObject *vec_subscript(PyObject *self, PyObject *key)
{
    if (PyIndex_Check(key)) {
        Py_ssize_t i = component_at(self, key);
        return i < 0 ? NULL : PyFloat_FromDouble(VEC(self)->v[i]);
    }
    if (!PyTuple_Check(key)) {
        return bad_key(key);
    }
    VecObject *r = vec_alloc(Py_TYPE(self), PyTuple_GET_SIZE(key));
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < r->n; k++) {
        Py_ssize_t i = component_at(self, PyTuple_GET_ITEM(key, k));
        if (i < 0) {
            Py_DECREF(r);
            return NULL;
        }
        r->v[k] = VEC(self)->v[i];
    }
    return (PyObject *)r;
}

/* v[i] = x, v[i, j] = (x, y); deleting (value NULL) is refused. */
static int vec_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Vec components cannot be deleted");
        return -1;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t i = component_at(self, key);
        return i < 0 ? -1 : vec_ass_item(self, i, value);
    }
    if (!PyTuple_Check(key)) {
        bad_key(key);
        return -1;
    }
    PyObject *fast = PySequence_Fast(value, "can only assign a sequence to several Vec components");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(key);
    int rc = 0;
    if (PySequence_Fast_GET_SIZE(fast) != count) {
        PyErr_Format(PyExc_ValueError, "cannot assign %zd values to %zd Vec components", PySequence_Fast_GET_SIZE(fast), count);
        rc = -1;
    }
    for (Py_ssize_t k = 0; rc == 0 && k < count; k++) {
        Py_ssize_t i = component_at(self, PyTuple_GET_ITEM(key, k));
        rc = i < 0 ? -1 : vec_ass_item(self, i, PySequence_Fast_GET_ITEM(fast, k));
    }
    Py_DECREF(fast);
    return rc;
}

static PyMappingMethods vec_as_mapping = {
    .mp_length = vec_length,
    .mp_subscript = vec_subscript,
    .mp_ass_subscript = vec_ass_subscript,
};

/* ---- tp_as_buffer: the components as a writable array of C doubles ('d') ------------- */

static int vec_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    VecObject *vec = VEC(self);
    view->obj = Py_NewRef(self);
    view->buf = vec->v;
    view->len = vec->n * (Py_ssize_t)sizeof(double);
    view->readonly = 0;
    view->itemsize = sizeof(double);
    view->format = (flags & PyBUF_FORMAT) ? "d" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &vec->n : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &vec->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    vec->exports++;
    return 0;
}

static void vec_releasebuffer(PyObject *self, Py_buffer *view)
{
    VEC(self)->exports--;
}

static PyBufferProcs vec_as_buffer = {
    .bf_getbuffer = vec_getbuffer,
    .bf_releasebuffer = vec_releasebuffer,
};

/* ---- tp_as_async ----------------------------------------------------------------------- */

/* await v: an iterator over the components (what the awaiting coroutine sees yielded). */
static PyObject *vec_await(PyObject *self)
{
    return vec_iter(self);
}

/* async for x in v: v is its own asynchronous iterator; __anext__ gives an awaitable (an
   iterator over the components: a simple example, not a full asynchronous protocol). */
static PyObject *vec_aiter(PyObject *self)
{
    return Py_NewRef(self);
}

static PyObject *vec_anext(PyObject *self)
{
    return vec_iter(self);
}

static PyAsyncMethods vec_as_async = {
    .am_await = vec_await,
    .am_aiter = vec_aiter,
    .am_anext = vec_anext,
};

/* ---- methods, members, getsets --------------------------------------------------------- */

static PyMethodDef vec_methods[] = {
    {"tolist", vec_tolist, METH_NOARGS, "tolist()\n--\n\nThe components as a list of floats."},
    {NULL},
};

static PyMemberDef vec_members[] = {
    {"link", T_OBJECT, offsetof(VecObject, link), 0, "Any object (None when unset)."},
    {"exports", T_PYSSIZET, offsetof(VecObject, exports), READONLY, "Live buffer exports."},
    {NULL},
};

/* __dict__ as an attribute, with the generic getset over tp_dictoffset (a spec gives
   that offset as the __dictoffset__ member, below; in 3.11 it still needs this getset). */
static PyGetSetDef vec_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL},
};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fulltype.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_dealloc = vec_dealloc,
    .tp_vectorcall_offset = offsetof(VecObject, vectorcall),
    .tp_repr = vec_repr,
    .tp_as_number = &vec_as_number,
    .tp_as_sequence = &vec_as_sequence,
    .tp_as_mapping = &vec_as_mapping,
    .tp_hash = vec_hash,
    .tp_call = vec_call,   /* PyVectorcall_Call is another choice: a tp_call is needed with vectorcall */
    .tp_str = vec_str,
    .tp_getattro = vec_getattro,
    .tp_setattro = vec_setattro,
    .tp_as_buffer = &vec_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Vec(*components)\n--\n\nA vector of up to 8 floats that fills every type slot.",
    .tp_traverse = vec_traverse,
    .tp_clear = vec_clear,
    .tp_richcompare = vec_richcompare,
    .tp_weaklistoffset = offsetof(VecObject, weakreflist),
    .tp_iter = vec_iter,
    .tp_methods = vec_methods,
    .tp_members = vec_members,
    .tp_getset = vec_getset,
    .tp_descr_get = vec_descr_get,
    .tp_descr_set = vec_descr_set,
    .tp_dictoffset = offsetof(VecObject, dict),
    .tp_init = vec_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = vec_new,
    .tp_free = PyObject_GC_Del,
    .tp_as_async = &vec_as_async,
    .tp_finalize = vec_finalize,
    .tp_vectorcall = vec_type_vectorcall,
};

/* ---- the same type from a spec --------------------------------------------------------- */

/* In a spec, the offsets of __dict__, of the weakref list and of the vectorcall are given
   as members with these special names (Py_tp_dictoffset and friends do not exist). */
static PyMemberDef heapvec_members[] = {
    {"link", T_OBJECT, offsetof(VecObject, link), 0, "Any object (None when unset)."},
    {"exports", T_PYSSIZET, offsetof(VecObject, exports), READONLY, "Live buffer exports."},
    {"__dictoffset__", T_PYSSIZET, offsetof(VecObject, dict), READONLY},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(VecObject, weakreflist), READONLY},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(VecObject, vectorcall), READONLY},
    {NULL},
};

static PyType_Slot heapvec_slots[] = {
    {Py_tp_dealloc, vec_dealloc}, {Py_tp_repr, vec_repr}, {Py_tp_str, vec_str}, {Py_tp_hash, vec_hash},
    {Py_tp_call, vec_call}, {Py_tp_getattro, vec_getattro}, {Py_tp_setattro, vec_setattro},
    {Py_tp_doc, "HeapVec(*components)\n--\n\nVec, made from a spec."},
    {Py_tp_traverse, vec_traverse}, {Py_tp_clear, vec_clear}, {Py_tp_richcompare, vec_richcompare},
    {Py_tp_iter, vec_iter}, {Py_tp_methods, vec_methods}, {Py_tp_members, heapvec_members}, {Py_tp_getset, vec_getset},
    {Py_tp_descr_get, vec_descr_get}, {Py_tp_descr_set, vec_descr_set}, {Py_tp_init, vec_init},
    {Py_tp_alloc, PyType_GenericAlloc}, {Py_tp_new, vec_new}, {Py_tp_free, PyObject_GC_Del},
    {Py_tp_finalize, vec_finalize},
    {Py_nb_add, vec_add}, {Py_nb_subtract, vec_subtract}, {Py_nb_multiply, vec_multiply},
    {Py_nb_remainder, vec_remainder}, {Py_nb_divmod, vec_divmod}, {Py_nb_power, vec_power},
    {Py_nb_negative, vec_negative}, {Py_nb_positive, vec_positive}, {Py_nb_absolute, vec_absolute},
    {Py_nb_bool, vec_bool}, {Py_nb_invert, vec_invert}, {Py_nb_lshift, vec_lshift}, {Py_nb_rshift, vec_rshift},
    {Py_nb_and, vec_and}, {Py_nb_xor, vec_xor}, {Py_nb_or, vec_or}, {Py_nb_int, vec_int}, {Py_nb_float, vec_float},
    {Py_nb_inplace_add, vec_inplace_add}, {Py_nb_inplace_subtract, vec_inplace_subtract},
    {Py_nb_inplace_multiply, vec_inplace_multiply}, {Py_nb_inplace_remainder, vec_inplace_remainder},
    {Py_nb_inplace_power, vec_inplace_power}, {Py_nb_inplace_lshift, vec_inplace_lshift},
    {Py_nb_inplace_rshift, vec_inplace_rshift}, {Py_nb_inplace_and, vec_inplace_and},
    {Py_nb_inplace_xor, vec_inplace_xor}, {Py_nb_inplace_or, vec_inplace_or},
    {Py_nb_floor_divide, vec_floor_divide}, {Py_nb_true_divide, vec_true_divide},
    {Py_nb_inplace_floor_divide, vec_inplace_floor_divide}, {Py_nb_inplace_true_divide, vec_inplace_true_divide},
    {Py_nb_index, vec_index}, {Py_nb_matrix_multiply, vec_matrix_multiply},
    {Py_nb_inplace_matrix_multiply, vec_inplace_matrix_multiply},
    {Py_sq_length, vec_length}, {Py_sq_concat, vec_concat}, {Py_sq_repeat, vec_repeat}, {Py_sq_item, vec_item},
    {Py_sq_ass_item, vec_ass_item}, {Py_sq_contains, vec_contains}, {Py_sq_inplace_concat, vec_inplace_concat},
    {Py_sq_inplace_repeat, vec_inplace_repeat},
    {Py_mp_length, vec_length}, {Py_mp_subscript, vec_subscript}, {Py_mp_ass_subscript, vec_ass_subscript},
    {Py_bf_getbuffer, vec_getbuffer}, {Py_bf_releasebuffer, vec_releasebuffer},
    {Py_am_await, vec_await}, {Py_am_aiter, vec_aiter}, {Py_am_anext, vec_anext},
    {0, NULL},
};

static PyType_Spec heapvec_spec = {
    .name = "fulltype.HeapVec",
    .basicsize = sizeof(VecObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .slots = heapvec_slots,
};

/* ---- the module ------------------------------------------------------------------------ */

static PyObject *module_counts(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("{sLsLsLsLsLsLsLsLsLsL}", "allocs", counts.allocs, "inits", counts.inits,
                         "finalizes", counts.finalizes, "deallocs", counts.deallocs, "clears", counts.clears,
                         "tp_calls", counts.tp_calls, "vectorcalls", counts.vectorcalls,
                         "type_vectorcalls", counts.type_vectorcalls,
                         "descr_gets", counts.descr_gets, "descr_sets", counts.descr_sets);
}

static PyObject *module_set_resurrect(PyObject *module, PyObject *flag)
{
    int on = PyObject_IsTrue(flag);
    if (on < 0) {
        return NULL;
    }
    resurrect = on;
    Py_RETURN_NONE;
}

static PyObject *module_take_resurrected(PyObject *module, PyObject *unused)
{
    PyObject *o = resurrected;
    resurrected = NULL;
    return o != NULL ? o : Py_NewRef(Py_None);
}

static PyMethodDef module_methods[] = {
    {"counts", module_counts, METH_NOARGS, "The lifecycle and call counters, as a dict."},
    {"set_resurrect", module_set_resurrect, METH_O, "Makes the next finalizer resurrect its object."},
    {"take_resurrected", module_take_resurrected, METH_NOARGS, "The resurrected object (once), or None."},
    {NULL},
};

static struct PyModuleDef fulltype_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "fulltype",
    .m_doc = "A C type with every slot.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit_fulltype(void)
{
    if (PyType_Ready(&VecType) < 0 || PyType_Ready(&VecIterType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&fulltype_module);
    if (m == NULL) {
        return NULL;
    }
    if (HeapVecType == NULL) {
        HeapVecType = PyType_FromSpec(&heapvec_spec);
    }
    if (HeapVecType == NULL
        || PyModule_AddObjectRef(m, "Vec", (PyObject *)&VecType) < 0
        || PyModule_AddObjectRef(m, "VecIterator", (PyObject *)&VecIterType) < 0
        || PyModule_AddObjectRef(m, "HeapVec", HeapVecType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
