/* The slots of C types called through the abstract API: truth testing (nb_bool, then
   mp_length, then sq_length), tp_getattro/tp_setattro and the char* tp_getattr/tp_setattr,
   tp_iter/tp_iternext, tp_call, tp_hash, tp_richcompare with NotImplemented and the
   reflected operand, the sequence and mapping slots (negative indexes adjusted by
   sq_length), the number conversions and in-place fallbacks, tp_descr_get/tp_descr_set
   of an object in another type's dict; static types and a heap type from a spec. */
#include "conformance.h"
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    long n;
    PyObject *dict;
} Obj;

static void obj_dealloc(PyObject *self)
{
    Py_XDECREF(((Obj *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static long N(PyObject *o) { return ((Obj *)o)->n; }

/* -- truth testing -- */

static int bool_nb_bool(PyObject *self)
{
    if (N(self) < 0) {
        PyErr_SetString(PyExc_ValueError, "nb_bool failed");
        return -1;
    }
    return N(self) > 0;
}

static Py_ssize_t obj_length(PyObject *self)
{
    if (N(self) < 0) {
        PyErr_Format(PyExc_ValueError, "bad length %ld", N(self));
        return -1;
    }
    return N(self);
}

static Py_ssize_t five(PyObject *self) { return 5; }

static PyNumberMethods bool_as_number = {.nb_bool = bool_nb_bool};
static PyMappingMethods bool_as_mapping = {.mp_length = five};

/* -- sequence -- */

static PyObject *seq_item(PyObject *self, Py_ssize_t i)
{
    printf("  sq_item(%zd)\n", i);
    if (i < 0 || i >= N(self)) {
        PyErr_SetString(PyExc_IndexError, "seq index out of range");
        return NULL;
    }
    return PyLong_FromSsize_t(i * 10);
}

static int seq_ass_item(PyObject *self, Py_ssize_t i, PyObject *v)
{
    printf("  sq_ass_item(%zd, %s)\n", i, v == NULL ? "NULL" : Py_TYPE(v)->tp_name);
    if (i >= N(self)) {
        PyErr_SetString(PyExc_IndexError, "seq assignment index out of range");
        return -1;
    }
    return 0;
}

static int seq_contains(PyObject *self, PyObject *v)
{
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "contains needs an int");
        return -1;
    }
    return PyLong_AsLong(v) < N(self);
}

static PySequenceMethods seq_as_sequence = {
    .sq_length = obj_length,
    .sq_item = seq_item,
    .sq_ass_item = seq_ass_item,
    .sq_contains = seq_contains,
};

/* -- mapping -- */

static PyObject *map_subscript(PyObject *self, PyObject *key)
{
    if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "missing") == 0) {
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_BuildValue("(sO)", "got", key);
}

static int map_ass_subscript(PyObject *self, PyObject *key, PyObject *v)
{
    PyObject *r = PyObject_Repr(key);
    printf("  mp_ass_subscript(%s, %s)\n", r ? PyUnicode_AsUTF8(r) : "?", v == NULL ? "NULL" : Py_TYPE(v)->tp_name);
    Py_XDECREF(r);
    if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, "bad") == 0) {
        PyErr_SetString(PyExc_KeyError, "bad key");
        return -1;
    }
    return 0;
}

static PyMappingMethods map_as_mapping = {
    .mp_length = obj_length,
    .mp_subscript = map_subscript,
    .mp_ass_subscript = map_ass_subscript,
};

/* Both tables: mp_length says 5, sq_length says n. */
static PyMappingMethods both_as_mapping = {.mp_length = five, .mp_subscript = map_subscript};

/* -- attributes -- */

static PyObject *thing_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_CompareWithASCIIString(name, "virtual") == 0) {
        return PyLong_FromLong(42);
    }
    if (PyUnicode_CompareWithASCIIString(name, "boom") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "getattro boom");
        return NULL;
    }
    if (PyUnicode_CompareWithASCIIString(name, "custom_missing") == 0) {
        PyErr_SetString(PyExc_AttributeError, "no such thing");
        return NULL;
    }
    return PyObject_GenericGetAttr(self, name);
}

static int thing_setattro(PyObject *self, PyObject *name, PyObject *v)
{
    if (PyUnicode_CompareWithASCIIString(name, "frozen") == 0) {
        PyErr_SetString(PyExc_AttributeError, "frozen is read-only");
        return -1;
    }
    return PyObject_GenericSetAttr(self, name, v);
}

static PyObject *old_getattr(PyObject *self, char *name)
{
    if (strcmp(name, "boom") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "tp_getattr boom");
        return NULL;
    }
    return PyUnicode_FromFormat("old:%s", name);
}

static int old_setattr(PyObject *self, char *name, PyObject *v)
{
    printf("  tp_setattr(%s, %s)\n", name, v == NULL ? "NULL" : Py_TYPE(v)->tp_name);
    return 0;
}

/* -- iteration, call, hash, comparison -- */

static PyObject *thing_iter(PyObject *self) { return Py_NewRef(self); }

static PyObject *bad_iter(PyObject *self) { return PyLong_FromLong(1); }

/* Counts n down to 1; 0 ends silently, -1 ends with StopIteration set, -2 raises. */
static PyObject *thing_iternext(PyObject *self)
{
    Obj *o = (Obj *)self;
    if (o->n > 0) {
        return PyLong_FromLong(o->n--);
    }
    if (o->n == -1) {
        PyErr_SetString(PyExc_StopIteration, "explicit stop");
    }
    else if (o->n == -2) {
        PyErr_SetString(PyExc_ValueError, "iternext failed");
    }
    return NULL;
}

static PyObject *thing_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 1 && PyUnicode_Check(PyTuple_GET_ITEM(args, 0))) {
        PyErr_SetString(PyExc_TypeError, "call refused");
        return NULL;
    }
    return Py_BuildValue("(sOO)", "called", args, kwargs ? kwargs : Py_None);
}

/* n == -1: -1 without an error; n == -2: an error. */
static Py_hash_t thing_hash(PyObject *self)
{
    if (N(self) == -2) {
        PyErr_SetString(PyExc_ValueError, "hash failed");
        return -1;
    }
    return N(self) == -1 ? -1 : N(self) * 7;
}

/* Compares with ints only (== and <), else NotImplemented. */
static PyObject *thing_richcompare(PyObject *self, PyObject *other, int op)
{
    printf("  tp_richcompare(%s, %s, %d)\n", Py_TYPE(self)->tp_name, Py_TYPE(other)->tp_name, op);
    if (other == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "compare with None refused");
        return NULL;
    }
    if (!PyLong_Check(other) || (op != Py_EQ && op != Py_LT)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    long v = PyLong_AsLong(other);
    return PyBool_FromLong(op == Py_EQ ? N(self) == v : N(self) < v);
}

/* -- numbers -- */

static int operand(PyObject *o, long *v)
{
    if (PyLong_Check(o)) {
        *v = PyLong_AsLong(o);
        return 1;
    }
    if (Py_TYPE(o)->tp_getattro == thing_getattro) {
        *v = N(o);
        return 1;
    }
    return 0;
}

static PyObject *thing_add(PyObject *a, PyObject *b)
{
    long x, y;
    if (!operand(a, &x) || !operand(b, &y)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_FromFormat("add(%ld, %ld)", x, y);
}

static PyObject *thing_isub(PyObject *a, PyObject *b)
{
    long y;
    if (!operand(b, &y)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_FromFormat("isub(%ld, %ld)", N(a), y);
}

/* n == 13: the conversions answer a str, which the API refuses. */
static PyObject *thing_index(PyObject *self)
{
    return N(self) == 13 ? PyUnicode_FromString("x") : PyLong_FromLong(N(self));
}

static PyObject *thing_int(PyObject *self)
{
    return N(self) == 13 ? PyUnicode_FromString("x") : PyLong_FromLong(N(self) * 2);
}

static PyObject *thing_float(PyObject *self)
{
    return N(self) == 13 ? PyUnicode_FromString("x") : PyFloat_FromDouble(N(self) + 0.5);
}

static PyNumberMethods thing_as_number = {
    .nb_add = thing_add,
    .nb_inplace_subtract = thing_isub,
    .nb_index = thing_index,
    .nb_int = thing_int,
    .nb_float = thing_float,
};

/* -- descriptors -- */

static PyObject *descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    return Py_BuildValue("(sss)", "descr_get", obj ? Py_TYPE(obj)->tp_name : "NULL",
                         type ? ((PyTypeObject *)type)->tp_name : "NULL");
}

static int descr_set(PyObject *self, PyObject *obj, PyObject *v)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "descr cannot be deleted");
        return -1;
    }
    printf("  tp_descr_set(%s, %s)\n", Py_TYPE(obj)->tp_name, Py_TYPE(v)->tp_name);
    return 0;
}

#define OBJ_TYPE(var, name, ...)                                                              \
    static PyTypeObject var = {                                                               \
        PyVarObject_HEAD_INIT(NULL, 0)                                                        \
        .tp_name = "slots." name,                                                             \
        .tp_basicsize = sizeof(Obj),                                                          \
        .tp_dealloc = obj_dealloc,                                                            \
        .tp_flags = Py_TPFLAGS_DEFAULT,                                                       \
        __VA_ARGS__                                                                           \
    };

OBJ_TYPE(Plain_Type, "Plain")
OBJ_TYPE(Bool_Type, "Bool", .tp_as_number = &bool_as_number, .tp_as_mapping = &bool_as_mapping)
OBJ_TYPE(Seq_Type, "Seq", .tp_as_sequence = &seq_as_sequence)
OBJ_TYPE(Map_Type, "Map", .tp_as_mapping = &map_as_mapping)
OBJ_TYPE(Thing_Type, "Thing", .tp_getattro = thing_getattro, .tp_setattro = thing_setattro,
         .tp_dictoffset = offsetof(Obj, dict), .tp_iter = thing_iter, .tp_iternext = thing_iternext,
         .tp_call = thing_call, .tp_hash = thing_hash, .tp_richcompare = thing_richcompare,
         .tp_as_number = &thing_as_number)
OBJ_TYPE(Old_Type, "Old", .tp_getattr = old_getattr, .tp_setattr = old_setattr)
OBJ_TYPE(Unhashable_Type, "Unhashable", .tp_hash = PyObject_HashNotImplemented)
OBJ_TYPE(Descr_Type, "Descr", .tp_descr_get = descr_get, .tp_descr_set = descr_set)
OBJ_TYPE(GetOnly_Type, "GetOnly", .tp_descr_get = descr_get)
OBJ_TYPE(BadIter_Type, "BadIter", .tp_iter = bad_iter)
OBJ_TYPE(Both_Type, "Both", .tp_as_sequence = &seq_as_sequence, .tp_as_mapping = &both_as_mapping)

static PyType_Slot heap_slots[] = {
    {Py_tp_dealloc, obj_dealloc},
    {Py_tp_getattro, thing_getattro},
    {Py_tp_iter, thing_iter},
    {Py_tp_iternext, thing_iternext},
    {Py_nb_bool, bool_nb_bool},
    {Py_sq_length, obj_length},
    {Py_sq_item, seq_item},
    {0, NULL},
};

static PyType_Spec heap_spec = {"slots.Heap", sizeof(Obj), 0, Py_TPFLAGS_DEFAULT, heap_slots};

/* A heap subtype of Seq: its slots come from the static base. */
static PyType_Slot subseq_slots[] = {{0, NULL}};
static PyType_Spec subseq_spec = {"slots.SubSeq", sizeof(Obj), 0, Py_TPFLAGS_DEFAULT, subseq_slots};

static PyObject *make(PyTypeObject *type, long n)
{
    Obj *o = PyObject_New(Obj, type);
    o->n = n;
    o->dict = NULL;
    return (PyObject *)o;
}

static void truth(const char *label, PyObject *o)
{
    int t = PyObject_IsTrue(o);
    int f = PyObject_Not(o);
    printf("%s: IsTrue %d, Not %d\n", label, t, f);
    if (PyErr_Occurred()) {
        show_exc("  error");
    }
    Py_DECREF(o);
}

static void getattr(const char *label, PyObject *o, const char *name)
{
    show_new(label, PyObject_GetAttrString(o, name));
}

static void setattr(const char *label, PyObject *o, const char *name, PyObject *v)
{
    if (PyObject_SetAttrString(o, name, v) < 0) {
        show_exc(label);
    }
    else {
        printf("%s: ok\n", label);
    }
}

static void iterate(const char *label, PyObject *o)
{
    PyObject *it = PyObject_GetIter(o);
    if (it == NULL) {
        show_exc(label);
        return;
    }
    printf("%s:", label);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        printf(" %ld", PyLong_AsLong(item));
        Py_DECREF(item);
    }
    printf(" (end, error: %s)\n", PyErr_Occurred() ? "yes" : "no");
    if (PyErr_Occurred()) {
        show_exc("  error");
    }
    Py_DECREF(it);
}

static void compare(const char *label, PyObject *a, PyObject *b, int op)
{
    printf("%s\n", label);
    show_new("  result", PyObject_RichCompare(a, b, op));
}

static void status(const char *label, int r)
{
    printf("%s: %d\n", label, r);
    if (PyErr_Occurred()) {
        show_exc("  error");
    }
}

int main(void)
{
    conf_init();
    PyTypeObject *types[] = {&Plain_Type, &Bool_Type, &Seq_Type, &Map_Type, &Thing_Type,
                             &Old_Type, &Unhashable_Type, &Descr_Type, &GetOnly_Type, &BadIter_Type, &Both_Type};
    Seq_Type.tp_flags |= Py_TPFLAGS_BASETYPE;
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
        if (PyType_Ready(types[k]) < 0) {
            show_exc(types[k]->tp_name);
            return conf_end();
        }
    }
    PyObject *heap = PyType_FromSpec(&heap_spec);
    if (heap == NULL) {
        show_exc("PyType_FromSpec");
        return conf_end();
    }

    printf("-- truth testing\n");
    truth("Plain", make(&Plain_Type, 0));
    truth("Bool(1)", make(&Bool_Type, 1));
    truth("Bool(0), nb_bool before mp_length", make(&Bool_Type, 0));
    truth("Bool(-1)", make(&Bool_Type, -1));
    truth("Map(0)", make(&Map_Type, 0));
    truth("Map(2)", make(&Map_Type, 2));
    truth("Map(-1)", make(&Map_Type, -1));
    truth("Seq(0)", make(&Seq_Type, 0));
    truth("Seq(3)", make(&Seq_Type, 3));
    truth("Seq(-1)", make(&Seq_Type, -1));
    truth("Both(0), mp_length before sq_length", make(&Both_Type, 0));
    truth("Heap(0)", make((PyTypeObject *)heap, 0));
    truth("Heap(1)", make((PyTypeObject *)heap, 1));

    printf("-- tp_getattro / tp_setattro\n");
    PyObject *t = make(&Thing_Type, 4);
    getattr("t.virtual", t, "virtual");
    getattr("t.boom", t, "boom");
    getattr("t.custom_missing", t, "custom_missing");
    getattr("t.missing (generic)", t, "missing");
    setattr("t.x = 1", t, "x", PyLong_FromLong(1));
    getattr("t.x", t, "x");
    setattr("t.frozen = 1", t, "frozen", Py_None);
    setattr("del t.x", t, "x", NULL);
    setattr("del t.x again", t, "x", NULL);
    PyObject *name = PyUnicode_FromString("virtual");
    show_new("PyObject_GenericGetAttr(t, 'virtual')", PyObject_GenericGetAttr(t, name));
    printf("PyObject_HasAttr(t, 'virtual'): %d\n", PyObject_HasAttr(t, name));
    Py_DECREF(name);
    printf("PyObject_HasAttrString(t, 'boom'): %d\n", PyObject_HasAttrString(t, "boom"));
    check_no_exc("HasAttrString");
    PyObject *heapobj = make((PyTypeObject *)heap, 2);
    getattr("heap.virtual", heapobj, "virtual");
    getattr("heap.boom", heapobj, "boom");
    PyObject *old = make(&Old_Type, 0);
    getattr("old.anything", old, "anything");
    getattr("old.boom", old, "boom");
    setattr("old.y = 1", old, "y", Py_None);
    setattr("del old.y", old, "y", NULL);

    printf("-- iteration\n");
    iterate("Thing(3)", make(&Thing_Type, 3));
    ((Obj *)t)->n = -1;
    iterate("Thing(-1), StopIteration set", t);
    ((Obj *)t)->n = -2;
    iterate("Thing(-2), error", t);
    iterate("Heap(2)", heapobj);
    iterate("Plain", make(&Plain_Type, 0));
    iterate("BadIter", make(&BadIter_Type, 0));
    PyObject *plain = make(&Plain_Type, 0);
    printf("PyIter_Check(t): %d, PyIter_Check(Plain): %d\n", PyIter_Check(t), PyIter_Check(plain));

    printf("-- tp_call\n");
    PyObject *args = Py_BuildValue("(i)", 1), *s0 = PyUnicode_FromString("s");
    PyObject *kwargs = Py_BuildValue("{s:i}", "k", 2);
    show_new("t(1)", PyObject_Call(t, args, NULL));
    show_new("t(1, k=2)", PyObject_Call(t, args, kwargs));
    show_new("t()", PyObject_CallNoArgs(t));
    show_new("t('s')", PyObject_CallOneArg(t, s0));
    printf("PyCallable_Check(t): %d, (Plain): %d\n", PyCallable_Check(t), PyCallable_Check(plain));
    show_new("Plain()", PyObject_Call(plain, args, NULL));

    printf("-- tp_hash\n");
    ((Obj *)t)->n = 3;
    show_ll("hash(Thing(3))", PyObject_Hash(t));
    ((Obj *)t)->n = -1;
    show_ll("hash(Thing(-1))", PyObject_Hash(t));
    ((Obj *)t)->n = -2;
    show_ll("hash(Thing(-2))", PyObject_Hash(t));
    PyObject *unhashable = make(&Unhashable_Type, 0);
    show_ll("hash(Unhashable)", PyObject_Hash(unhashable));
    show_ll("PyObject_HashNotImplemented(Plain)", PyObject_HashNotImplemented(plain));

    printf("-- tp_richcompare\n");
    ((Obj *)t)->n = 3;
    PyObject *three = PyLong_FromLong(3), *five_ = PyLong_FromLong(5), *s = PyUnicode_FromString("x");
    compare("t == 3", t, three, Py_EQ);
    compare("t < 5", t, five_, Py_LT);
    compare("t != 3 (NotImplemented, then default)", t, three, Py_NE);
    compare("t == 'x'", t, s, Py_EQ);
    compare("t < 'x'", t, s, Py_LT);
    compare("5 > t (reflected)", five_, t, Py_GT);
    compare("3 == t (reflected)", three, t, Py_EQ);
    compare("t >= 3", t, three, Py_GE);
    compare("t == t", t, t, Py_EQ);
    compare("t == None (error)", t, Py_None, Py_EQ);
    compare("None == t (reflected error)", Py_None, t, Py_EQ);
    printf("RichCompareBool(t, t, EQ): %d\n", PyObject_RichCompareBool(t, t, Py_EQ));
    status("RichCompareBool(t, 3, EQ)", PyObject_RichCompareBool(t, three, Py_EQ));
    status("RichCompareBool(t, 'x', LT)", PyObject_RichCompareBool(t, s, Py_LT));

    printf("-- sequence slots\n");
    PyObject *seq = make(&Seq_Type, 3);
    show_ll("len(seq)", PyObject_Size(seq));
    show_ll("PySequence_Size(seq)", PySequence_Size(seq));
    show_ll("PyMapping_Size(seq)", PyMapping_Size(seq));
    printf("PySequence_Check: %d, PyMapping_Check: %d\n", PySequence_Check(seq), PyMapping_Check(seq));
    show_new("seq[1]", PySequence_GetItem(seq, 1));
    show_new("seq[-1]", PySequence_GetItem(seq, -1));
    show_new("seq[-5]", PySequence_GetItem(seq, -5));
    show_new("seq[3]", PySequence_GetItem(seq, 3));
    PyObject *minus1 = PyLong_FromLong(-1);
    show_new("PyObject_GetItem(seq, -1)", PyObject_GetItem(seq, minus1));
    show_new("PyObject_GetItem(seq, 'x')", PyObject_GetItem(seq, s));
    status("seq[-1] = None", PySequence_SetItem(seq, -1, Py_None));
    status("seq[5] = None", PySequence_SetItem(seq, 5, Py_None));
    status("del seq[-2]", PySequence_DelItem(seq, -2));
    status("PyObject_SetItem(seq, -1, None)", PyObject_SetItem(seq, minus1, Py_None));
    status("PyObject_DelItem(seq, -1)", PyObject_DelItem(seq, minus1));
    status("PyObject_SetItem(seq, 'x', None)", PyObject_SetItem(seq, s, Py_None));
    status("2 in seq", PySequence_Contains(seq, PyLong_FromLong(2)));
    status("5 in seq", PySequence_Contains(seq, five_));
    status("'x' in seq", PySequence_Contains(seq, s));
    PyObject *badseq = make(&Seq_Type, -1);
    show_ll("len(Seq(-1))", PyObject_Size(badseq));
    show_new("Seq(-1)[-1]", PySequence_GetItem(badseq, -1));
    show_new("PySequence_List(seq)", PySequence_List(seq));
    show_new("PySequence_Tuple(seq)", PySequence_Tuple(seq));
    show_new("PySequence_GetItem(heap, -1)", PySequence_GetItem(heapobj, -1));

    PyObject *subseq_type = PyType_FromSpecWithBases(&subseq_spec, (PyObject *)&Seq_Type);
    if (subseq_type == NULL) {
        show_exc("PyType_FromSpecWithBases");
        return conf_end();
    }
    PyObject *subseq = make((PyTypeObject *)subseq_type, 2);
    truth("SubSeq(2)", Py_NewRef(subseq));
    show_ll("len(SubSeq(2))", PyObject_Size(subseq));
    show_new("SubSeq(2)[-1]", PySequence_GetItem(subseq, -1));
    status("1 in SubSeq(2)", PySequence_Contains(subseq, PyLong_FromLong(1)));
    truth("SubSeq(0)", make((PyTypeObject *)subseq_type, 0));

    printf("-- both tables\n");
    PyObject *both = make(&Both_Type, 3);
    show_ll("len(both) (sq_length first)", PyObject_Size(both));
    show_ll("PyMapping_Size(both)", PyMapping_Size(both));
    show_new("PyObject_GetItem(both, -1) (mp_subscript first)", PyObject_GetItem(both, minus1));
    show_new("PySequence_GetItem(both, -1)", PySequence_GetItem(both, -1));
    printf("PySequence_Check: %d, PyMapping_Check: %d\n", PySequence_Check(both), PyMapping_Check(both));

    printf("-- mapping slots\n");
    PyObject *map = make(&Map_Type, 2);
    show_ll("len(map)", PyObject_Size(map));
    show_ll("PySequence_Size(map)", PySequence_Size(map));
    printf("PySequence_Check: %d, PyMapping_Check: %d\n", PySequence_Check(map), PyMapping_Check(map));
    show_new("map['a']", PyObject_GetItem(map, s));
    show_new("map[-1]", PyObject_GetItem(map, minus1));
    show_new("map['missing']", PyMapping_GetItemString(map, "missing"));
    show_new("PySequence_GetItem(map, 0)", PySequence_GetItem(map, 0));
    status("map['x'] = None", PyObject_SetItem(map, s, Py_None));
    status("map['bad'] = None", PyMapping_SetItemString(map, "bad", Py_None));
    status("del map['x']", PyObject_DelItem(map, s));
    status("del map['bad'] (string)", PyMapping_DelItemString(map, "bad"));
    status("PySequence_SetItem(map, 0, None)", PySequence_SetItem(map, 0, Py_None));
    status("'a' in map (no sq_contains: iterates)", PySequence_Contains(map, s));
    ((Obj *)t)->n = 3;
    status("2 in t (no sq_contains: iterates)", PySequence_Contains(t, PyLong_FromLong(2)));
    status("5 in t (iterator exhausted)", PySequence_Contains(t, five_));
    show_new("PyObject_GetItem(Plain, 0)", PyObject_GetItem(plain, minus1));
    status("PyObject_SetItem(Plain, 0, None)", PyObject_SetItem(plain, minus1, Py_None));
    show_ll("len(Plain)", PyObject_Size(plain));

    printf("-- number slots\n");
    show_new("t + 1", PyNumber_Add(t, PyLong_FromLong(1)));
    show_new("1 + t", PyNumber_Add(PyLong_FromLong(1), t));
    show_new("t + 'x'", PyNumber_Add(t, s));
    show_new("t += 2 (nb_add)", PyNumber_InPlaceAdd(t, PyLong_FromLong(2)));
    show_new("t -= 2 (nb_inplace_subtract)", PyNumber_InPlaceSubtract(t, PyLong_FromLong(2)));
    show_new("t - 2", PyNumber_Subtract(t, PyLong_FromLong(2)));
    show_new("t -= 'x'", PyNumber_InPlaceSubtract(t, s));
    show_new("PyNumber_Index(t)", PyNumber_Index(t));
    show_new("PyNumber_Long(t)", PyNumber_Long(t));
    show_new("PyNumber_Float(t)", PyNumber_Float(t));
    show_ll("PyNumber_AsSsize_t(t)", PyNumber_AsSsize_t(t, NULL));
    show_ll("PyLong_AsLong(t)", PyLong_AsLong(t));
    show_double("PyFloat_AsDouble(t)", PyFloat_AsDouble(t));
    printf("PyIndex_Check(t): %d, PyNumber_Check(t): %d\n", PyIndex_Check(t), PyNumber_Check(t));
    ((Obj *)t)->n = 13;
    show_new("PyNumber_Index(Thing(13))", PyNumber_Index(t));
    show_new("PyNumber_Long(Thing(13))", PyNumber_Long(t));
    show_new("PyNumber_Float(Thing(13))", PyNumber_Float(t));
    show_new("PyNumber_Index(Plain)", PyNumber_Index(plain));
    show_new("PyNumber_Long(Plain)", PyNumber_Long(plain));
    show_new("PyNumber_Float(Plain)", PyNumber_Float(plain));
    show_new("seq[t] (index 13)", PyObject_GetItem(seq, t));

    printf("-- descriptors in another type's dict\n");
    PyObject *descr = make(&Descr_Type, 0), *getonly = make(&GetOnly_Type, 0);
    setattr("Holder.d = Descr()", heap, "d", descr);
    setattr("Holder.g = GetOnly()", heap, "g", getonly);
    getattr("Holder.d", heap, "d");
    getattr("h.d", heapobj, "d");
    getattr("h.g", heapobj, "g");
    setattr("h.d = 1", heapobj, "d", PyLong_FromLong(1));
    setattr("del h.d", heapobj, "d", NULL);
    setattr("h.g = 1", heapobj, "g", PyLong_FromLong(1));
    getattr("d.anything (Descr has no getattro)", descr, "anything");

    return conf_end();
}
