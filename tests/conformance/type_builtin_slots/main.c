/* The slots of the built-in types called directly from C, as extensions and Cython's
   code do (PyLong_Type.tp_as_number->nb_add(a, b), PyBaseObject_Type.tp_repr(self)):
   which slots are filled and which CPython leaves NULL, each type's own behaviour
   (NotImplemented for operands it does not handle, CPython's errors), the slots a
   built-in inherits from its base (exception classes included), dict's views, mappingproxy
   and module, and C types whose slots call object's or list's own slots ("super" calls)
   without coming back to themselves. */
#include "conformance.h"
#include <stddef.h>

/* '1' for each filled entry of a slot table, '0' for each NULL one; "-" for no table. */
static void show_table(const char *label, const void *table, size_t size)
{
    printf("%s: ", label);
    if (table == NULL) {
        fputs("-\n", stdout);
        return;
    }
    const void *const *slots = (const void *const *)table;
    for (size_t i = 0; i < size / sizeof(void *); i++) {
        fputc(slots[i] != NULL ? '1' : '0', stdout);
    }
    fputc('\n', stdout);
}

/* repr, str, hash, richcompare, getattro, setattro, iter, iternext, call. */
static void show_type_slots(PyTypeObject *t)
{
    printf("%s slots: %d%d%d%d%d%d%d%d%d\n", t->tp_name, t->tp_repr != NULL, t->tp_str != NULL, t->tp_hash != NULL,
           t->tp_richcompare != NULL, t->tp_getattro != NULL, t->tp_setattro != NULL, t->tp_iter != NULL,
           t->tp_iternext != NULL, t->tp_call != NULL);
    char label[80];
    /* Not compared: the number slots CPython gives type (nb_or, X | Y), bytes (nb_remainder,
       b'%d' % x) and NotImplementedType (nb_bool, which warns). */
    if (t != &PyType_Type && t != &PyBytes_Type && t != &_PyNotImplemented_Type) {
        snprintf(label, sizeof label, "%s number", t->tp_name);
        show_table(label, t->tp_as_number, sizeof(PyNumberMethods));
    }
    snprintf(label, sizeof label, "%s sequence", t->tp_name);
    show_table(label, t->tp_as_sequence, sizeof(PySequenceMethods));
    snprintf(label, sizeof label, "%s mapping", t->tp_name);
    show_table(label, t->tp_as_mapping, sizeof(PyMappingMethods));
}

/* Whether a str begins with a prefix (the rest is an address). */
static int starts_with(PyObject *s, const char *prefix)
{
    const char *u = PyUnicode_AsUTF8(s);
    return u != NULL && strncmp(u, prefix, strlen(prefix)) == 0;
}

/* -- exceptions and modules -- */

static void exception_section(void)
{
    PyTypeObject *base = (PyTypeObject *)PyExc_BaseException, *key_error = (PyTypeObject *)PyExc_KeyError;
    PyTypeObject *lookup_error = (PyTypeObject *)PyExc_LookupError, *os_error = (PyTypeObject *)PyExc_OSError;
    PyObject *ve = PyObject_CallFunction(PyExc_ValueError, "s", "bad");
    PyObject *ke = PyObject_CallFunction(PyExc_KeyError, "s", "k");
    PyObject *oe = PyObject_CallFunction(PyExc_FileNotFoundError, "is", 2, "No such file");
    PyObject *two = PyObject_CallFunction(PyExc_RuntimeError, "ii", 1, 2);
    printf("BaseException slots: %d%d%d%d%d%d\n", base->tp_repr != NULL, base->tp_str != NULL, base->tp_hash != NULL,
           base->tp_richcompare != NULL, base->tp_getattro != NULL, base->tp_setattro != NULL);
    printf("KeyError's tp_str is its own: %d\n", key_error->tp_str != base->tp_str);
    printf("LookupError's tp_str is BaseException's: %d\n", lookup_error->tp_str == base->tp_str);
    printf("FileNotFoundError's tp_str is OSError's: %d\n",
           ((PyTypeObject *)PyExc_FileNotFoundError)->tp_str == os_error->tp_str);
    printf("ValueError's tp_repr is BaseException's: %d\n",
           ((PyTypeObject *)PyExc_ValueError)->tp_repr == base->tp_repr);
    show_new("BaseException tp_repr(ValueError('bad'))", base->tp_repr(ve));
    show_new("BaseException tp_repr(RuntimeError(1, 2))", base->tp_repr(two));
    show_new("BaseException tp_str(RuntimeError(1, 2))", base->tp_str(two));
    show_new("BaseException tp_str(KeyError('k'))", base->tp_str(ke));
    show_new("LookupError tp_str(KeyError('k'))", lookup_error->tp_str(ke));
    show_new("KeyError tp_str(KeyError('k'))", key_error->tp_str(ke));
    show_new("OSError tp_str(FileNotFoundError(2, ...))", os_error->tp_str(oe));
    show_new("BaseException tp_str(FileNotFoundError(2, ...))", base->tp_str(oe));
    show_new("BaseException tp_getattro(ValueError('bad'), 'args')",
             base->tp_getattro(ve, PyUnicode_FromString("args")));
    show_new("OSError tp_getattro(..., 'errno')", os_error->tp_getattro(oe, PyUnicode_FromString("errno")));
    show_new("BaseException tp_getattro(ValueError('bad'), 'nope')",
             base->tp_getattro(ve, PyUnicode_FromString("nope")));
    show_ll("BaseException tp_setattro(ValueError('bad'), 'args', 5)",
            base->tp_setattro(ve, PyUnicode_FromString("args"), PyLong_FromLong(5)));
    show_ll("BaseException tp_setattro(ValueError('bad'), 'args', (1,))",
            base->tp_setattro(ve, PyUnicode_FromString("args"), Py_BuildValue("(i)", 1)));
    show_new("ValueError after", Py_TYPE(ve)->tp_repr(ve));
    printf("ValueError tp_hash is the identity hash: %d\n", Py_TYPE(ve)->tp_hash(ve) == PyObject_Hash(ve));
    show_new("ValueError tp_richcompare(ve, ve, ==)", Py_TYPE(ve)->tp_richcompare(ve, ve, Py_EQ));
    show_new("ValueError tp_richcompare(ve, ke, ==)", Py_TYPE(ve)->tp_richcompare(ve, ke, Py_EQ));
    Py_DECREF(ve);
    Py_DECREF(ke);
    Py_DECREF(oe);
    Py_DECREF(two);

    PyObject *m = PyModule_New("slotmod_m");
    show_new("module tp_repr", PyModule_Type.tp_repr(m));
    show_new("module tp_getattro(m, '__name__')", PyModule_Type.tp_getattro(m, PyUnicode_FromString("__name__")));
    show_new("module tp_getattro(m, 'nope')", PyModule_Type.tp_getattro(m, PyUnicode_FromString("nope")));
    show_ll("module tp_setattro(m, 'x', 5)",
            PyModule_Type.tp_setattro(m, PyUnicode_FromString("x"), PyLong_FromLong(5)));
    show_new("module tp_getattro(m, 'x')", PyModule_Type.tp_getattro(m, PyUnicode_FromString("x")));
    show_ll("module tp_setattro(m, 'x', NULL)", PyModule_Type.tp_setattro(m, PyUnicode_FromString("x"), NULL));
    show_ll("module tp_setattro(m, 'x', NULL) again", PyModule_Type.tp_setattro(m, PyUnicode_FromString("x"), NULL));
    show_new("module tp_str", PyModule_Type.tp_str(m));
    Py_DECREF(m);
}

/* -- a C type whose slots call object's own ones -- */

typedef struct {
    PyObject_HEAD
    long n;
    PyObject *dict;
} Thing;

static int thing_calls;

static PyObject *thing_repr(PyObject *self)
{
    thing_calls++;
    PyObject *base = PyBaseObject_Type.tp_repr(self);
    if (base == NULL) {
        return NULL;
    }
    int starts = starts_with(base, "<slotmod.Thing object at 0x");
    Py_DECREF(base);
    return PyUnicode_FromFormat("Thing(%ld, object's repr %s)", ((Thing *)self)->n,
                                starts ? "as expected" : "unexpected");
}

static Py_hash_t thing_hash(PyObject *self)
{
    thing_calls++;
    Py_hash_t h = PyBaseObject_Type.tp_hash(self);
    return h == -1 ? -1 : 1000 + ((Thing *)self)->n;
}

static PyObject *thing_richcompare(PyObject *self, PyObject *other, int op)
{
    thing_calls++;
    if (op == Py_LT) {
        return PyBool_FromLong(((Thing *)self)->n < 0);
    }
    return PyBaseObject_Type.tp_richcompare(self, other, op);
}

static PyObject *thing_getattro(PyObject *self, PyObject *name)
{
    thing_calls++;
    if (PyUnicode_CompareWithASCIIString(name, "magic") == 0) {
        return PyLong_FromLong(42);
    }
    return PyBaseObject_Type.tp_getattro(self, name);
}

static int thing_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    thing_calls++;
    if (PyUnicode_CompareWithASCIIString(name, "magic") == 0) {
        PyErr_SetString(PyExc_AttributeError, "magic is read-only");
        return -1;
    }
    return PyBaseObject_Type.tp_setattro(self, name, value);
}

static void thing_dealloc(PyObject *self)
{
    Py_XDECREF(((Thing *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Thing_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slotmod.Thing",
    .tp_basicsize = sizeof(Thing),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = thing_dealloc,
    .tp_repr = thing_repr,
    .tp_hash = thing_hash,
    .tp_richcompare = thing_richcompare,
    .tp_getattro = thing_getattro,
    .tp_setattro = thing_setattro,
    .tp_dictoffset = offsetof(Thing, dict),
};

static void thing_section(void)
{
    if (PyType_Ready(&Thing_Type) < 0) {
        show_exc("PyType_Ready(Thing)");
        return;
    }
    Thing *t = PyObject_New(Thing, &Thing_Type);
    Thing *u = PyObject_New(Thing, &Thing_Type);
    t->n = 7;
    t->dict = NULL;
    u->n = -1;
    u->dict = NULL;
    PyObject *a = (PyObject *)t, *b = (PyObject *)u;
    show_new("repr(thing)", PyObject_Repr(a));
    show_ll("hash(thing)", (long long)PyObject_Hash(a));
    show_new("thing == thing", PyObject_RichCompare(a, a, Py_EQ));
    show_new("thing == other", PyObject_RichCompare(a, b, Py_EQ));
    show_new("thing != other", PyObject_RichCompare(a, b, Py_NE));
    show_new("thing != thing", PyObject_RichCompare(a, a, Py_NE));
    show_new("other < thing", PyObject_RichCompare(b, a, Py_LT));
    show_new("thing <= other", PyObject_RichCompare(a, b, Py_LE));
    show_new("thing.magic", PyObject_GetAttrString(a, "magic"));
    show_ll("thing.x = 5", PyObject_SetAttrString(a, "x", PyLong_FromLong(5)));
    show_new("thing.x", PyObject_GetAttrString(a, "x"));
    show_new("thing.y", PyObject_GetAttrString(a, "y"));
    show_ll("thing.magic = 1", PyObject_SetAttrString(a, "magic", Py_True));
    show_ll("del thing.y", PyObject_DelAttrString(a, "y"));
    show_new("object's str(thing) (the type's repr)", PyBaseObject_Type.tp_str(a));
    show_new("object's richcompare(thing, thing, <)", PyBaseObject_Type.tp_richcompare(a, a, Py_LT));
    printf("slot calls: %d\n", thing_calls);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* -- a C subclass of list whose slots call list's -- */

static int mylist_calls;

static Py_ssize_t mylist_length(PyObject *self)
{
    mylist_calls++;
    return PyList_Type.tp_as_sequence->sq_length(self);
}

static PyObject *mylist_item(PyObject *self, Py_ssize_t i)
{
    mylist_calls++;
    return PyList_Type.tp_as_sequence->sq_item(self, i < 0 ? i + Py_SIZE(self) : i);
}

static PyObject *mylist_repr(PyObject *self)
{
    mylist_calls++;
    PyObject *base = PyList_Type.tp_repr(self);
    PyObject *r = base == NULL ? NULL : PyUnicode_FromFormat("MyList(%U)", base);
    Py_XDECREF(base);
    return r;
}

static PySequenceMethods mylist_as_sequence = { .sq_length = mylist_length, .sq_item = mylist_item };

static PyTypeObject MyList_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slotmod.MyList",
    .tp_basicsize = sizeof(PyListObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &PyList_Type,
    .tp_repr = mylist_repr,
    .tp_as_sequence = &mylist_as_sequence,
};

/* The slots are called through the type, as PySequence_ITEM does. */
static void mylist_section(void)
{
    if (PyType_Ready(&MyList_Type) < 0) {
        show_exc("PyType_Ready(MyList)");
        return;
    }
    PyObject *o = MyList_Type.tp_alloc(&MyList_Type, 0);
    for (long k = 1; o != NULL && k <= 3; k++) {
        PyObject *item = PyLong_FromLong(k * 10);
        PyList_Append(o, item);
        Py_DECREF(item);
    }
    if (o == NULL) {
        show_exc("MyList tp_alloc");
        return;
    }
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    show_ll("MyList sq_length", sq->sq_length(o));
    show_new("MyList sq_item(o, 1)", sq->sq_item(o, 1));
    show_new("MyList sq_item(o, -1)", sq->sq_item(o, -1));
    show_new("MyList sq_item(o, 3)", sq->sq_item(o, 3));
    show_new("PySequence_ITEM(o, 0)", PySequence_ITEM(o, 0));
    show_new("MyList tp_repr", Py_TYPE(o)->tp_repr(o));
    printf("MyList slot calls: %d\n", mylist_calls);
    Py_DECREF(o);
}

/* -- calls of the built-ins' own slots -- */

static PyNumberMethods *nb(PyTypeObject *t) { return t->tp_as_number; }

static void number_section(void)
{
    PyObject *i3 = PyLong_FromLong(3), *i4 = PyLong_FromLong(4), *m7 = PyLong_FromLong(-7), *i0 = PyLong_FromLong(0);
    PyObject *f15 = PyFloat_FromDouble(1.5), *f0 = PyFloat_FromDouble(0.0), *s = PyUnicode_FromString("x");
    PyNumberMethods *ni = nb(&PyLong_Type), *nf = nb(&PyFloat_Type), *nbool = nb(&PyBool_Type);

    show_new("int nb_add(3, 4)", ni->nb_add(i3, i4));
    show_new("int nb_add(3, 1.5)", ni->nb_add(i3, f15));
    show_new("int nb_add(1.5, 3)", ni->nb_add(f15, i3));
    show_new("int nb_add(3, 'x')", ni->nb_add(i3, s));
    show_new("int nb_add(True, True)", ni->nb_add(Py_True, Py_True));
    show_new("int nb_subtract(3, 4)", ni->nb_subtract(i3, i4));
    show_new("int nb_multiply(3, 4)", ni->nb_multiply(i3, i4));
    show_new("int nb_multiply(3, 'x')", ni->nb_multiply(i3, s));
    show_new("int nb_remainder(-7, 3)", ni->nb_remainder(m7, i3));
    show_new("int nb_remainder(3, 0)", ni->nb_remainder(i3, i0));
    show_new("int nb_divmod(-7, 3)", ni->nb_divmod(m7, i3));
    show_new("int nb_divmod(3, 0)", ni->nb_divmod(i3, i0));
    show_new("int nb_floor_divide(-7, 3)", ni->nb_floor_divide(m7, i3));
    show_new("int nb_floor_divide(3, 0)", ni->nb_floor_divide(i3, i0));
    show_new("int nb_true_divide(3, 4)", ni->nb_true_divide(i3, i4));
    show_new("int nb_true_divide(3, 0)", ni->nb_true_divide(i3, i0));
    show_new("int nb_true_divide(3, 1.5)", ni->nb_true_divide(i3, f15));
    show_new("int nb_power(3, 4, None)", ni->nb_power(i3, i4, Py_None));
    show_new("int nb_power(4, -7, None)", ni->nb_power(i4, m7, Py_None));
    show_new("int nb_power(3, 4, -7)", ni->nb_power(i3, i4, m7));
    show_new("int nb_power(3, 1.5, None)", ni->nb_power(i3, f15, Py_None));
    show_new("int nb_lshift(3, 4)", ni->nb_lshift(i3, i4));
    show_new("int nb_lshift(3, -7)", ni->nb_lshift(i3, m7));
    show_new("int nb_rshift(-7, 1)", ni->nb_rshift(m7, Py_True));
    show_new("int nb_and(-7, 3)", ni->nb_and(m7, i3));
    show_new("int nb_or(-7, 4)", ni->nb_or(m7, i4));
    show_new("int nb_xor(3, 4)", ni->nb_xor(i3, i4));
    show_new("int nb_and(True, False)", ni->nb_and(Py_True, Py_False));
    show_new("int nb_negative(-7)", ni->nb_negative(m7));
    show_new("int nb_positive(True)", ni->nb_positive(Py_True));
    show_new("int nb_absolute(-7)", ni->nb_absolute(m7));
    show_new("int nb_invert(3)", ni->nb_invert(i3));
    show_new("int nb_int(True)", ni->nb_int(Py_True));
    show_new("int nb_float(3)", ni->nb_float(i3));
    show_new("int nb_index(True)", ni->nb_index(Py_True));
    show_ll("int nb_bool(0)", ni->nb_bool(i0));
    show_ll("int nb_bool(-7)", ni->nb_bool(m7));

    show_new("float nb_add(1.5, 3)", nf->nb_add(f15, i3));
    show_new("float nb_add(3, 1.5)", nf->nb_add(i3, f15));
    show_new("float nb_add(1.5, 'x')", nf->nb_add(f15, s));
    show_new("float nb_subtract(1.5, 4)", nf->nb_subtract(f15, i4));
    show_new("float nb_multiply(1.5, 4)", nf->nb_multiply(f15, i4));
    show_new("float nb_true_divide(3, 1.5)", nf->nb_true_divide(i3, f15));
    show_new("float nb_true_divide(1.5, 0)", nf->nb_true_divide(f15, i0));
    show_new("float nb_true_divide(1.5, 0.0)", nf->nb_true_divide(f15, f0));
    show_new("float nb_floor_divide(-7, 1.5)", nf->nb_floor_divide(m7, f15));
    show_new("float nb_floor_divide(1.5, 0.0)", nf->nb_floor_divide(f15, f0));
    show_new("float nb_remainder(-7, 1.5)", nf->nb_remainder(m7, f15));
    show_new("float nb_remainder(1.5, 0.0)", nf->nb_remainder(f15, f0));
    show_new("float nb_divmod(-7, 1.5)", nf->nb_divmod(m7, f15));
    show_new("float nb_divmod(1.5, 0.0)", nf->nb_divmod(f15, f0));
    show_new("float nb_power(1.5, 4, None)", nf->nb_power(f15, i4, Py_None));
    show_new("float nb_power(0.0, -7, None)", nf->nb_power(f0, m7, Py_None));
    show_new("float nb_negative(1.5)", nf->nb_negative(f15));
    show_new("float nb_positive(1.5)", nf->nb_positive(f15));
    show_new("float nb_absolute(1.5)", nf->nb_absolute(f15));
    show_new("float nb_int(1.5)", nf->nb_int(f15));
    show_new("float nb_float(1.5)", nf->nb_float(f15));
    show_ll("float nb_bool(0.0)", nf->nb_bool(f0));
    show_ll("float nb_bool(1.5)", nf->nb_bool(f15));

    show_new("bool nb_and(True, False)", nbool->nb_and(Py_True, Py_False));
    show_new("bool nb_or(False, True)", nbool->nb_or(Py_False, Py_True));
    show_new("bool nb_xor(True, True)", nbool->nb_xor(Py_True, Py_True));
    show_new("bool nb_and(True, 3)", nbool->nb_and(Py_True, i3));
    show_new("bool nb_or(4, True)", nbool->nb_or(i4, Py_True));
    show_new("bool nb_and(True, 1.5)", nbool->nb_and(Py_True, f15));
    show_new("bool nb_add(True, True)", nbool->nb_add(Py_True, Py_True));
    printf("bool's nb_add is int's: %d\n", nbool->nb_add == ni->nb_add);
    printf("bool's nb_and is int's: %d\n", nbool->nb_and == ni->nb_and);
    show_ll("bool nb_bool(False)", nbool->nb_bool(Py_False));

    show_ll("None nb_bool(None)", nb(&_PyNone_Type)->nb_bool(Py_None));

    PyObject *fmt = PyUnicode_FromString("%d-%s"), *args = Py_BuildValue("(is)", 5, "a");
    show_new("str nb_remainder('%d-%s', (5, 'a'))", nb(&PyUnicode_Type)->nb_remainder(fmt, args));
    show_new("str nb_remainder('%d-%s', 5)", nb(&PyUnicode_Type)->nb_remainder(fmt, i3));
    show_new("str nb_remainder(3, 'x')", nb(&PyUnicode_Type)->nb_remainder(i3, s));
    Py_DECREF(fmt);
    Py_DECREF(args);

    Py_DECREF(i3);
    Py_DECREF(i4);
    Py_DECREF(m7);
    Py_DECREF(i0);
    Py_DECREF(f15);
    Py_DECREF(f0);
    Py_DECREF(s);
}

static void sequence_section(void)
{
    PyObject *s = PyUnicode_FromString("abc"), *b = PyBytes_FromString("ab"), *t = Py_BuildValue("(iis)", 1, 2, "z");
    PyObject *l = Py_BuildValue("[iii]", 1, 2, 3), *i1 = PyLong_FromLong(1), *m1 = PyLong_FromLong(-1);
    PySequenceMethods *ss = PyUnicode_Type.tp_as_sequence, *bs = PyBytes_Type.tp_as_sequence;
    PySequenceMethods *ts = PyTuple_Type.tp_as_sequence, *ls = PyList_Type.tp_as_sequence;

    show_ll("str sq_length", ss->sq_length(s));
    show_new("str sq_concat('abc', 'abc')", ss->sq_concat(s, s));
    show_new("str sq_concat('abc', 1)", ss->sq_concat(s, i1));
    show_new("str sq_repeat('abc', 2)", ss->sq_repeat(s, 2));
    show_new("str sq_repeat('abc', -1)", ss->sq_repeat(s, -1));
    show_new("str sq_item('abc', 1)", ss->sq_item(s, 1));
    show_new("str sq_item('abc', 3)", ss->sq_item(s, 3));
    show_new("str sq_item('abc', -1)", ss->sq_item(s, -1));
    show_ll("str sq_contains('abc', 'bc')", ss->sq_contains(s, PyUnicode_FromString("bc")));
    show_ll("str sq_contains('abc', 1)", ss->sq_contains(s, i1));
    show_new("str mp_subscript('abc', -1)", PyUnicode_Type.tp_as_mapping->mp_subscript(s, m1));
    show_new("str mp_subscript('abc', 'x')", PyUnicode_Type.tp_as_mapping->mp_subscript(s, s));
    show_ll("str mp_length", PyUnicode_Type.tp_as_mapping->mp_length(s));

    show_ll("bytes sq_length", bs->sq_length(b));
    show_new("bytes sq_concat(b'ab', b'ab')", bs->sq_concat(b, b));
    show_new("bytes sq_concat(b'ab', 'abc')", bs->sq_concat(b, s));
    show_new("bytes sq_repeat(b'ab', 3)", bs->sq_repeat(b, 3));
    show_new("bytes sq_item(b'ab', 0)", bs->sq_item(b, 0));
    show_new("bytes sq_item(b'ab', 2)", bs->sq_item(b, 2));
    show_ll("bytes sq_contains(b'ab', 98)", bs->sq_contains(b, PyLong_FromLong(98)));
    show_new("bytes mp_subscript(b'ab', -1)", PyBytes_Type.tp_as_mapping->mp_subscript(b, m1));

    show_ll("tuple sq_length", ts->sq_length(t));
    show_new("tuple sq_concat(t, t)", ts->sq_concat(t, t));
    show_new("tuple sq_concat(t, l)", ts->sq_concat(t, l));
    show_new("tuple sq_repeat(t, 2)", ts->sq_repeat(t, 2));
    show_new("tuple sq_item(t, 2)", ts->sq_item(t, 2));
    show_new("tuple sq_item(t, 3)", ts->sq_item(t, 3));
    show_new("tuple sq_item(t, -1)", ts->sq_item(t, -1));
    show_ll("tuple sq_contains(t, 'z')", ts->sq_contains(t, PyUnicode_FromString("z")));
    show_ll("tuple sq_contains(t, 5)", ts->sq_contains(t, PyLong_FromLong(5)));
    show_new("tuple mp_subscript(t, -1)", PyTuple_Type.tp_as_mapping->mp_subscript(t, m1));
    show_new("tuple mp_subscript(t, 'abc')", PyTuple_Type.tp_as_mapping->mp_subscript(t, s));
    show_ll("tuple mp_length", PyTuple_Type.tp_as_mapping->mp_length(t));

    show_ll("list sq_length", ls->sq_length(l));
    show_new("list sq_concat(l, l)", ls->sq_concat(l, l));
    show_new("list sq_concat(l, t)", ls->sq_concat(l, t));
    show_new("list sq_repeat(l, 2)", ls->sq_repeat(l, 2));
    show_new("list sq_item(l, 0)", ls->sq_item(l, 0));
    show_new("list sq_item(l, 3)", ls->sq_item(l, 3));
    show_new("list sq_item(l, -1)", ls->sq_item(l, -1));
    show_ll("list sq_ass_item(l, 0, 'z')", ls->sq_ass_item(l, 0, PyUnicode_FromString("z")));
    show_ll("list sq_ass_item(l, 3, 'z')", ls->sq_ass_item(l, 3, s));
    show_ll("list sq_ass_item(l, -1, 'z')", ls->sq_ass_item(l, -1, s));
    show_ll("list sq_ass_item(l, 1, NULL)", ls->sq_ass_item(l, 1, NULL));
    show("list after", l);
    show_ll("list sq_contains(l, 3)", ls->sq_contains(l, PyLong_FromLong(3)));
    show_ll("list sq_contains(l, 2)", ls->sq_contains(l, PyLong_FromLong(2)));
    PyObject *r = ls->sq_inplace_concat(l, t);
    printf("list sq_inplace_concat returns the list: %d\n", r == l);
    Py_XDECREF(r);
    show("list after +=", l);
    r = ls->sq_inplace_repeat(l, 2);
    printf("list sq_inplace_repeat returns the list: %d\n", r == l);
    Py_XDECREF(r);
    show("list after *=", l);
    r = ls->sq_inplace_repeat(l, 0);
    Py_XDECREF(r);
    show("list after *= 0", l);
    PyMappingMethods *lm = PyList_Type.tp_as_mapping;
    show_ll("list mp_ass_subscript(l, 0, 1)", lm->mp_ass_subscript(l, PyLong_FromLong(0), i1));
    show_ll("list mp_ass_subscript(l, 'abc', 1)", lm->mp_ass_subscript(l, s, i1));
    show_ll("list mp_ass_subscript(l, 5, NULL)", lm->mp_ass_subscript(l, PyLong_FromLong(5), NULL));
    show_new("list mp_subscript(l, -1)", lm->mp_subscript(l, m1));
    show_new("list mp_subscript(l, -1) after", lm->mp_subscript(l, PyLong_FromLong(0)));
    show_ll("list mp_length", lm->mp_length(l));

    Py_DECREF(s);
    Py_DECREF(b);
    Py_DECREF(t);
    Py_DECREF(l);
    Py_DECREF(i1);
    Py_DECREF(m1);
}

static void dict_section(void)
{
    PyObject *d = Py_BuildValue("{sisi}", "a", 1, "b", 2), *a = PyUnicode_FromString("a");
    PyObject *missing = PyUnicode_FromString("missing"), *key = Py_BuildValue("(i)", 1), *unhashable = PyList_New(0);
    PyMappingMethods *dm = PyDict_Type.tp_as_mapping;
    show_ll("dict mp_length", dm->mp_length(d));
    show_new("dict mp_subscript(d, 'a')", dm->mp_subscript(d, a));
    show_new("dict mp_subscript(d, 'missing')", dm->mp_subscript(d, missing));
    show_new("dict mp_subscript(d, (1,))", dm->mp_subscript(d, key));
    show_new("dict mp_subscript(d, [])", dm->mp_subscript(d, unhashable));
    show_ll("dict mp_ass_subscript(d, (1,), 'a')", dm->mp_ass_subscript(d, key, a));
    show_ll("dict mp_ass_subscript(d, [], 'a')", dm->mp_ass_subscript(d, unhashable, a));
    show_ll("dict mp_ass_subscript(d, 'a', NULL)", dm->mp_ass_subscript(d, a, NULL));
    show_ll("dict mp_ass_subscript(d, 'missing', NULL)", dm->mp_ass_subscript(d, missing, NULL));
    show("dict after", d);
    PyObject *keys = PyObject_CallMethod(d, "keys", NULL), *values = PyObject_CallMethod(d, "values", NULL);
    PyObject *proxy = PyDictProxy_New(d);
    show_new("dict_keys tp_repr", keys == NULL ? NULL : Py_TYPE(keys)->tp_repr(keys));
    show_ll("dict_keys tp_hash", keys == NULL ? -1 : Py_TYPE(keys)->tp_hash(keys));
    show_new("dict_values tp_str", values == NULL ? NULL : Py_TYPE(values)->tp_str(values));
    printf("dict_values tp_hash is the identity hash: %d\n",
           values != NULL && Py_TYPE(values)->tp_hash(values) == PyObject_Hash(values));
    show_new("mappingproxy tp_repr", PyDictProxy_Type.tp_repr(proxy));
    show_new("mappingproxy tp_str", PyDictProxy_Type.tp_str(proxy));
    show_ll("mappingproxy tp_hash", PyDictProxy_Type.tp_hash(proxy));
    show_new("mappingproxy tp_richcompare(proxy, d, ==)", PyDictProxy_Type.tp_richcompare(proxy, d, Py_EQ));
    show_ll("mappingproxy sq_contains(proxy, 'b')",
            PyDictProxy_Type.tp_as_sequence->sq_contains(proxy, PyUnicode_FromString("b")));
    show_new("mappingproxy mp_subscript(proxy, 'x')", PyDictProxy_Type.tp_as_mapping->mp_subscript(proxy, missing));
    Py_XDECREF(keys);
    Py_XDECREF(values);
    Py_XDECREF(proxy);
    PyObject *other = Py_BuildValue("{sisi}", "b", 20, "c", 30), *pairs = Py_BuildValue("[(si)]", "z", 0);
    show_new("dict nb_or(d, other)", PyDict_Type.tp_as_number->nb_or(d, other));
    show_new("dict nb_or(d, pairs)", PyDict_Type.tp_as_number->nb_or(d, pairs));
    show_new("dict nb_or(pairs, d)", PyDict_Type.tp_as_number->nb_or(pairs, d));
    PyObject *r = PyDict_Type.tp_as_number->nb_inplace_or(d, pairs);
    printf("dict nb_inplace_or(d, pairs) returns d: %d\n", r == d);
    Py_XDECREF(r);
    show_new("dict nb_inplace_or(d, 5)", PyDict_Type.tp_as_number->nb_inplace_or(d, PyLong_FromLong(5)));
    show("dict after |=", d);
    show_new("PyNumber_Or(d, other)", PyNumber_Or(d, other));
    show_new("PyNumber_InPlaceOr(d, other)", PyNumber_InPlaceOr(d, other));
    show_new("PyNumber_Or(d, pairs)", PyNumber_Or(d, pairs));
    Py_DECREF(other);
    Py_DECREF(pairs);
    show_ll("dict sq_contains(d, 'b')", PyDict_Type.tp_as_sequence->sq_contains(d, PyUnicode_FromString("b")));
    show_ll("dict sq_contains(d, 'a')", PyDict_Type.tp_as_sequence->sq_contains(d, a));
    show_ll("dict sq_contains(d, [])", PyDict_Type.tp_as_sequence->sq_contains(d, unhashable));
    Py_DECREF(d);
    Py_DECREF(a);
    Py_DECREF(missing);
    Py_DECREF(key);
    Py_DECREF(unhashable);
}

static void object_slots_section(void)
{
    PyObject *i5 = PyLong_FromLong(5), *m1 = PyLong_FromLong(-1), *f = PyFloat_FromDouble(2.5);
    PyObject *s = PyUnicode_FromString("a\n"), *b = PyBytes_FromString("a'"), *l = Py_BuildValue("[is]", 1, "x");
    PyObject *t = Py_BuildValue("(ii)", 1, 2), *d = Py_BuildValue("{si}", "k", 1), *name = PyUnicode_FromString("real");

    show_new("int tp_repr(5)", PyLong_Type.tp_repr(i5));
    show_new("int tp_repr(True)", PyLong_Type.tp_repr(Py_True));
    show_new("bool tp_repr(True)", PyBool_Type.tp_repr(Py_True));
    show_new("int tp_str(True)", PyLong_Type.tp_str(Py_True));
    show_new("float tp_repr(2.5)", PyFloat_Type.tp_repr(f));
    show_new("str tp_repr('a\\n')", PyUnicode_Type.tp_repr(s));
    PyObject *same = PyUnicode_Type.tp_str(s);
    printf("str tp_str returns the str itself: %d\n", same == s);
    Py_XDECREF(same);
    show_new("bytes tp_repr", PyBytes_Type.tp_repr(b));
    show_new("bytes tp_str", PyBytes_Type.tp_str(b));
    show_new("list tp_repr", PyList_Type.tp_repr(l));
    show_new("list tp_str", PyList_Type.tp_str(l));
    show_new("tuple tp_repr", PyTuple_Type.tp_repr(t));
    show_new("dict tp_repr", PyDict_Type.tp_repr(d));
    show_new("NoneType tp_repr", _PyNone_Type.tp_repr(Py_None));
    show_new("NotImplementedType tp_repr", _PyNotImplemented_Type.tp_repr(Py_NotImplemented));
    show_new("ellipsis tp_repr", PyEllipsis_Type.tp_repr(Py_Ellipsis));
    show_new("type tp_repr(int)", PyType_Type.tp_repr((PyObject *)&PyLong_Type));
    show_new("object tp_str(5)", PyBaseObject_Type.tp_str(i5));
    PyObject *r = PyBaseObject_Type.tp_repr(i5);
    printf("object tp_repr(5) is object's: %d\n",
           r != NULL && starts_with(r, "<int object at 0x"));
    Py_XDECREF(r);

    show_ll("int tp_hash(5)", PyLong_Type.tp_hash(i5));
    show_ll("int tp_hash(-1)", PyLong_Type.tp_hash(m1));
    show_ll("float tp_hash(2.5)", PyFloat_Type.tp_hash(f));
    show_ll("tuple tp_hash((1, 2))", PyTuple_Type.tp_hash(t));
    show_ll("list tp_hash", PyList_Type.tp_hash(l));
    show_ll("dict tp_hash", PyDict_Type.tp_hash(d));
    PyObject *tl = Py_BuildValue("(O)", l);
    show_ll("tuple tp_hash(([1, 'x'],))", PyTuple_Type.tp_hash(tl));
    Py_DECREF(tl);
    printf("object tp_hash(5) is the identity hash: %d\n",
           PyBaseObject_Type.tp_hash(i5) == PyBaseObject_Type.tp_hash(i5) &&
           PyBaseObject_Type.tp_hash(i5) != 5);
    printf("list tp_hash is PyObject_HashNotImplemented: %d\n", PyList_Type.tp_hash == PyObject_HashNotImplemented);

    show_new("int tp_richcompare(5, 'a\\n', ==)", PyLong_Type.tp_richcompare(i5, s, Py_EQ));
    show_new("int tp_richcompare(5, 2.5, >)", PyLong_Type.tp_richcompare(i5, f, Py_GT));
    show_new("int tp_richcompare(5, -1, >)", PyLong_Type.tp_richcompare(i5, m1, Py_GT));
    show_new("int tp_richcompare(5, True, <=)", PyLong_Type.tp_richcompare(i5, Py_True, Py_LE));
    show_new("float tp_richcompare(2.5, 5, <)", PyFloat_Type.tp_richcompare(f, i5, Py_LT));
    show_new("float tp_richcompare(2.5, 'a\\n', <)", PyFloat_Type.tp_richcompare(f, s, Py_LT));
    show_new("str tp_richcompare('a\\n', 'b', <)", PyUnicode_Type.tp_richcompare(s, PyUnicode_FromString("b"), Py_LT));
    show_new("str tp_richcompare('a\\n', 5, <)", PyUnicode_Type.tp_richcompare(s, i5, Py_LT));
    show_new("list tp_richcompare(l, l, ==)", PyList_Type.tp_richcompare(l, l, Py_EQ));
    show_new("list tp_richcompare(l, t, ==)", PyList_Type.tp_richcompare(l, t, Py_EQ));
    show_new("tuple tp_richcompare(t, (1, 3), <)", PyTuple_Type.tp_richcompare(t, Py_BuildValue("(ii)", 1, 3), Py_LT));
    show_new("dict tp_richcompare(d, d, !=)", PyDict_Type.tp_richcompare(d, d, Py_NE));
    show_new("dict tp_richcompare(d, d, <)", PyDict_Type.tp_richcompare(d, d, Py_LT));
    show_new("object tp_richcompare(5, 5, ==)", PyBaseObject_Type.tp_richcompare(i5, i5, Py_EQ));
    show_new("object tp_richcompare(5, -1, ==)", PyBaseObject_Type.tp_richcompare(i5, m1, Py_EQ));
    show_new("object tp_richcompare(5, -1, !=)", PyBaseObject_Type.tp_richcompare(i5, m1, Py_NE));
    show_new("object tp_richcompare(5, 2.5, !=)", PyBaseObject_Type.tp_richcompare(i5, f, Py_NE));
    show_new("object tp_richcompare(5, 5, <)", PyBaseObject_Type.tp_richcompare(i5, i5, Py_LT));

    show_new("object tp_getattro(5, 'real')", PyBaseObject_Type.tp_getattro(i5, name));
    show_new("int tp_getattro(5, 'nope')", PyLong_Type.tp_getattro(i5, PyUnicode_FromString("nope")));
    printf("int tp_getattro is PyObject_GenericGetAttr: %d\n", PyLong_Type.tp_getattro == PyObject_GenericGetAttr);
    printf("list tp_setattro is PyObject_GenericSetAttr: %d\n", PyList_Type.tp_setattro == PyObject_GenericSetAttr);
    show_new("object tp_getattro(5, 5)", PyBaseObject_Type.tp_getattro(i5, i5));
    show_ll("object tp_setattro(5, 5, 5)", PyBaseObject_Type.tp_setattro(i5, i5, i5));
    show_ll("object tp_setattro(5, 'real', 1)", PyBaseObject_Type.tp_setattro(i5, name, i5));
    show_ll("object tp_setattro(5, 'x', 1)", PyBaseObject_Type.tp_setattro(i5, PyUnicode_FromString("x"), i5));
    PyObject *int_type = (PyObject *)&PyLong_Type;
    show_new("type tp_getattro(int, '__name__')", PyType_Type.tp_getattro(int_type, PyUnicode_FromString("__name__")));
    show_new("type tp_getattro(int, 'nope')", PyType_Type.tp_getattro(int_type, PyUnicode_FromString("nope")));
    show_new("type tp_getattro(int, 5)", PyType_Type.tp_getattro(int_type, i5));
    show_ll("type tp_setattro(int, 'x', 5)", PyType_Type.tp_setattro(int_type, PyUnicode_FromString("x"), i5));

    PyObject *args = Py_BuildValue("(s)", "12");
    show_new("type tp_call(int, ('12',))", PyType_Type.tp_call(int_type, args, NULL));
    Py_DECREF(args);
    args = Py_BuildValue("(O)", f);
    show_new("type tp_call(type, (2.5,))", PyType_Type.tp_call((PyObject *)&PyType_Type, args, NULL));
    Py_DECREF(args);
    args = Py_BuildValue("(s)", "z");
    show_new("type tp_call(int, ('z',))", PyType_Type.tp_call(int_type, args, NULL));
    Py_DECREF(args);

    PyObject *it = PyList_Type.tp_iter(l);
    show_type("list tp_iter", it);
    if (it != NULL) {
        iternextfunc next = Py_TYPE(it)->tp_iternext;
        show_new("list_iterator tp_iternext", next(it));
        show_new("list_iterator tp_iternext", next(it));
        PyObject *end = next(it);
        printf("list_iterator tp_iternext at the end: %s\n",
               end == NULL && !PyErr_Occurred() ? "NULL, no exception" : "other");
        Py_XDECREF(end);
        PyObject *self = Py_TYPE(it)->tp_iter(it);
        printf("list_iterator tp_iter returns itself: %d\n", self == it);
        Py_XDECREF(self);
        Py_DECREF(it);
    }
    it = PyDict_Type.tp_iter(d);
    show_type("dict tp_iter", it);
    show_new("dict_keyiterator tp_iternext", it == NULL ? NULL : Py_TYPE(it)->tp_iternext(it));
    Py_XDECREF(it);
    /* (CPython 3.11 iterates an ASCII str with a str_ascii_iterator.) */
    it = PyUnicode_Type.tp_iter(s);
    show_new("str_iterator tp_iternext", it == NULL ? NULL : Py_TYPE(it)->tp_iternext(it));
    Py_XDECREF(it);
    it = PyTuple_Type.tp_iter(t);
    show_type("tuple tp_iter", it);
    Py_XDECREF(it);
    it = PyBytes_Type.tp_iter(b);
    show_type("bytes tp_iter", it);
    show_new("bytes_iterator tp_iternext", it == NULL ? NULL : Py_TYPE(it)->tp_iternext(it));
    Py_XDECREF(it);

    Py_DECREF(i5);
    Py_DECREF(m1);
    Py_DECREF(f);
    Py_DECREF(s);
    Py_DECREF(b);
    Py_DECREF(l);
    Py_DECREF(t);
    Py_DECREF(d);
    Py_DECREF(name);
}

int main(void)
{
    conf_init();
    PyTypeObject *types[] = {
        &PyBaseObject_Type, &PyType_Type, &PyLong_Type, &PyBool_Type, &PyFloat_Type, &PyUnicode_Type, &PyBytes_Type,
        &PyTuple_Type, &PyList_Type, &_PyNone_Type, &_PyNotImplemented_Type, &PyEllipsis_Type, &PyTupleIter_Type,
        &PyListIter_Type, &PyUnicodeIter_Type, &PyDictIterKey_Type,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        show_type_slots(types[i]);
    }
    printf("dict slots: %d%d%d%d%d%d%d%d%d\n", PyDict_Type.tp_repr != NULL, PyDict_Type.tp_str != NULL,
           PyDict_Type.tp_hash != NULL, PyDict_Type.tp_richcompare != NULL, PyDict_Type.tp_getattro != NULL,
           PyDict_Type.tp_setattro != NULL, PyDict_Type.tp_iter != NULL, PyDict_Type.tp_iternext != NULL,
           PyDict_Type.tp_call != NULL);
    show_table("dict number", PyDict_Type.tp_as_number, sizeof(PyNumberMethods));
    /* Not compared: the views' tp_richcompare and number slots (set operations). */
    PyTypeObject *views[] = { &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type, &PyDictProxy_Type };
    for (size_t i = 0; i < 4; i++) {
        PyTypeObject *t = views[i];
        printf("%s slots: %d%d%d%d%d%d\n", t->tp_name, t->tp_repr != NULL, t->tp_str != NULL, t->tp_hash != NULL,
               t->tp_getattro != NULL, t->tp_setattro != NULL, t->tp_iter != NULL);
    }
    printf("dict_values tp_richcompare is object's: %d\n",
           PyDictValues_Type.tp_richcompare == PyBaseObject_Type.tp_richcompare);
    printf("mappingproxy tp_richcompare: %d\n", PyDictProxy_Type.tp_richcompare != NULL);
    show_table("dict sequence", PyDict_Type.tp_as_sequence, sizeof(PySequenceMethods));
    show_table("dict mapping", PyDict_Type.tp_as_mapping, sizeof(PyMappingMethods));

    number_section();
    sequence_section();
    dict_section();
    object_slots_section();
    exception_section();
    thing_section();
    mylist_section();
    return conf_end();
}
