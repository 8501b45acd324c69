/* The operator slots of our built-in types, as CPython fills them (longobject.c,
   floatobject.c, unicodeobject.c, listobject.c, ...), for C that calls them directly:
   PyLong_Type.tp_as_number->nb_add(a, b), PySequence_ITEM(list, i), or a C subclass's slot
   calling its base's (PyList_Type.tp_as_sequence->sq_item(self, i)).
   Each slot runs that type's own behaviour, which lives in the object space
   (BuiltinSlots.cs): never the abstract API, which would dispatch on Py_TYPE(o) again and
   so come back to the subclass's slot. Slots CPython leaves NULL (int's nb_inplace_add,
   float's nb_index) stay NULL here; those a built-in inherits from its base in CPython's
   PyType_Ready are copied from the base the same way. The tables are filled once at
   start-up, when the object space hands over its entry points. */
#include "pycapi_runtime.h"
#include "slow_paths.g.h"
#include <string.h>

/* Not in the headers (CPython's iterobject.h). */
extern PyTypeObject PySeqIter_Type, PyCallIter_Type;
/* statics.c: bytearray's and range's sequence tables are here, range's is shared with statics.c. */
PYCAPI_HIDDEN extern PySequenceMethods pycapi_range_as_sequence;
PYCAPI_HIDDEN extern PyTypeObject pycapi_memory_iter_type;

/* Whose slot C called: int's nb_add and float's answer differently for the same operands.
   BuiltinSlots.Kind has the same order. */
enum { KIND_INT, KIND_BOOL, KIND_FLOAT, KIND_STR, KIND_BYTES, KIND_TUPLE, KIND_LIST, KIND_DICT, KIND_TYPE, KIND_COMPLEX,
       KIND_SET, KIND_FROZENSET, KIND_BYTEARRAY, KIND_DICT_KEYS, KIND_DICT_ITEMS };

/* Binary operations: NumberOp's order (Number.cs), then sq_concat and sq_inplace_concat;
   OP_INPLACE + a NumberOp is its in-place form. */
enum { OP_ADD, OP_SUBTRACT, OP_MULTIPLY, OP_REMAINDER, OP_DIVMOD, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_XOR, OP_OR,
       OP_FLOOR_DIVIDE, OP_TRUE_DIVIDE, OP_MATRIX_MULTIPLY, OP_CONCAT, OP_INPLACE_CONCAT, OP_INPLACE };
/* Unary operations: UnaryOp's order. */
enum { OP_NEGATIVE, OP_POSITIVE, OP_ABSOLUTE, OP_INVERT, OP_INT, OP_FLOAT, OP_INDEX };

/* The object space's entry points (BuiltinSlots.Install hands them over; BuiltinSlots.Hooks
   has the same fields). */
typedef struct {
    /* The number slots and sq_concat / sq_repeat, of the type `kind` names. */
    PyObject *(*binary)(int kind, int op, PyObject *v, PyObject *w);
    PyObject *(*power)(int kind, PyObject *v, PyObject *w, PyObject *z);
    PyObject *(*unary)(int kind, int op, PyObject *o);
    PyObject *(*repeat)(int kind, int inplace, PyObject *o, Py_ssize_t n);
    /* object's own slots (object_repr, object_str, _Py_HashPointer). */
    reprfunc object_repr, object_str;
    hashfunc object_hash;
    /* int's tp_repr, which shows a bool as a number, and tp_richcompare, which leaves
       other numbers to their own slots. */
    reprfunc int_repr;
    richcmpfunc int_richcompare;
    /* BaseException's tp_str (BaseException_str), which other exception classes inherit. */
    reprfunc exception_str;
    /* type's own slots (type_getattro, type_setattro, type_call). */
    getattrofunc type_getattro;
    setattrofunc type_setattro;
    ternaryfunc type_call;
    /* The slots whose behaviour follows from the object's own kind (a list's item is
       list's), never from Py_TYPE(o)'s slots, which a subclass may have replaced. */
    reprfunc repr, str;
    getattrofunc getattro;
    setattrofunc setattro;
    hashfunc hash;
    richcmpfunc richcompare;
    inquiry truth;
    getiterfunc iter;
    lenfunc length;
    ssizeargfunc item;
    ssizeobjargproc ass_item;
    objobjproc contains;
    binaryfunc subscript;
    objobjargproc ass_subscript;
    /* add_operators: the type's dict gets a wrapper for each slot it fills itself. */
    void (*add_operators)(PyTypeObject *type);
} pycapi_builtin_hooks;

static pycapi_builtin_hooks builtin;

/* The slots that depend on whose slot was called pass it on. */
#define BINARY(name, kind, op) \
    static PyObject *name(PyObject *v, PyObject *w) { return builtin.binary(kind, op, v, w); }
#define UNARY(name, kind, op) \
    static PyObject *name(PyObject *o) { return builtin.unary(kind, op, o); }
#define POWER(name, kind) \
    static PyObject *name(PyObject *v, PyObject *w, PyObject *z) { return builtin.power(kind, v, w, z); }
#define REPEAT(name, kind, inplace) \
    static PyObject *name(PyObject *o, Py_ssize_t n) { return builtin.repeat(kind, inplace, o, n); }

BINARY(int_add, KIND_INT, OP_ADD)
BINARY(int_sub, KIND_INT, OP_SUBTRACT)
BINARY(int_mul, KIND_INT, OP_MULTIPLY)
BINARY(int_rem, KIND_INT, OP_REMAINDER)
BINARY(int_divmod, KIND_INT, OP_DIVMOD)
BINARY(int_lshift, KIND_INT, OP_LSHIFT)
BINARY(int_rshift, KIND_INT, OP_RSHIFT)
BINARY(int_and, KIND_INT, OP_AND)
BINARY(int_xor, KIND_INT, OP_XOR)
BINARY(int_or, KIND_INT, OP_OR)
BINARY(int_floor_div, KIND_INT, OP_FLOOR_DIVIDE)
BINARY(int_true_div, KIND_INT, OP_TRUE_DIVIDE)
POWER(int_pow, KIND_INT)
UNARY(int_neg, KIND_INT, OP_NEGATIVE)
UNARY(int_pos, KIND_INT, OP_POSITIVE)
UNARY(int_abs, KIND_INT, OP_ABSOLUTE)
UNARY(int_invert, KIND_INT, OP_INVERT)
UNARY(int_int, KIND_INT, OP_INT)
UNARY(int_float, KIND_INT, OP_FLOAT)
UNARY(int_index, KIND_INT, OP_INDEX)

/* long_as_number: no in-place slots, no nb_matrix_multiply. */
static PyNumberMethods int_as_number = {
    .nb_add = int_add, .nb_subtract = int_sub, .nb_multiply = int_mul, .nb_remainder = int_rem,
    .nb_divmod = int_divmod, .nb_power = int_pow, .nb_negative = int_neg, .nb_positive = int_pos,
    .nb_absolute = int_abs, .nb_invert = int_invert, .nb_lshift = int_lshift, .nb_rshift = int_rshift,
    .nb_and = int_and, .nb_xor = int_xor, .nb_or = int_or, .nb_int = int_int, .nb_float = int_float,
    .nb_floor_divide = int_floor_div, .nb_true_divide = int_true_div, .nb_index = int_index,
};

/* bool_as_number: &, ^ and | of its own, the rest inherited from int (inherit). */
BINARY(bool_and, KIND_BOOL, OP_AND)
BINARY(bool_xor, KIND_BOOL, OP_XOR)
BINARY(bool_or, KIND_BOOL, OP_OR)
static PyNumberMethods bool_as_number = { .nb_and = bool_and, .nb_xor = bool_xor, .nb_or = bool_or };

BINARY(float_add, KIND_FLOAT, OP_ADD)
BINARY(float_sub, KIND_FLOAT, OP_SUBTRACT)
BINARY(float_mul, KIND_FLOAT, OP_MULTIPLY)
BINARY(float_rem, KIND_FLOAT, OP_REMAINDER)
BINARY(float_divmod, KIND_FLOAT, OP_DIVMOD)
BINARY(float_floor_div, KIND_FLOAT, OP_FLOOR_DIVIDE)
BINARY(float_true_div, KIND_FLOAT, OP_TRUE_DIVIDE)
POWER(float_pow, KIND_FLOAT)
UNARY(float_neg, KIND_FLOAT, OP_NEGATIVE)
UNARY(float_pos, KIND_FLOAT, OP_POSITIVE)
UNARY(float_abs, KIND_FLOAT, OP_ABSOLUTE)
UNARY(float_int, KIND_FLOAT, OP_INT)
UNARY(float_float, KIND_FLOAT, OP_FLOAT)

/* float_as_number: no bitwise slots, no nb_index. */
static PyNumberMethods float_as_number = {
    .nb_add = float_add, .nb_subtract = float_sub, .nb_multiply = float_mul, .nb_remainder = float_rem,
    .nb_divmod = float_divmod, .nb_power = float_pow, .nb_negative = float_neg, .nb_positive = float_pos,
    .nb_absolute = float_abs, .nb_int = float_int, .nb_float = float_float,
    .nb_floor_divide = float_floor_div, .nb_true_divide = float_true_div,
};

BINARY(complex_add, KIND_COMPLEX, OP_ADD)
BINARY(complex_sub, KIND_COMPLEX, OP_SUBTRACT)
BINARY(complex_mul, KIND_COMPLEX, OP_MULTIPLY)
BINARY(complex_true_div, KIND_COMPLEX, OP_TRUE_DIVIDE)
POWER(complex_pow, KIND_COMPLEX)
UNARY(complex_neg, KIND_COMPLEX, OP_NEGATIVE)
UNARY(complex_pos, KIND_COMPLEX, OP_POSITIVE)
UNARY(complex_abs, KIND_COMPLEX, OP_ABSOLUTE)

/* complex_as_number: no //, %, divmod, bitwise or conversions. */
static PyNumberMethods complex_as_number = {
    .nb_add = complex_add, .nb_subtract = complex_sub, .nb_multiply = complex_mul, .nb_power = complex_pow,
    .nb_negative = complex_neg, .nb_positive = complex_pos, .nb_absolute = complex_abs,
    .nb_true_divide = complex_true_div,
};

/* set_as_number and frozenset_as_number: -, &, ^, | (in place for set only). */
#define SET_OPERATORS(prefix, kind)             \
    BINARY(prefix##_sub, kind, OP_SUBTRACT)     \
    BINARY(prefix##_and, kind, OP_AND)          \
    BINARY(prefix##_xor, kind, OP_XOR)          \
    BINARY(prefix##_or, kind, OP_OR)
SET_OPERATORS(set, KIND_SET)
SET_OPERATORS(frozenset, KIND_FROZENSET)
BINARY(set_isub, KIND_SET, OP_INPLACE + OP_SUBTRACT)
BINARY(set_iand, KIND_SET, OP_INPLACE + OP_AND)
BINARY(set_ixor, KIND_SET, OP_INPLACE + OP_XOR)
BINARY(set_ior, KIND_SET, OP_INPLACE + OP_OR)
static PyNumberMethods set_as_number = {
    .nb_subtract = set_sub, .nb_and = set_and, .nb_xor = set_xor, .nb_or = set_or,
    .nb_inplace_subtract = set_isub, .nb_inplace_and = set_iand, .nb_inplace_xor = set_ixor, .nb_inplace_or = set_ior,
};
static PyNumberMethods frozenset_as_number = {
    .nb_subtract = frozenset_sub, .nb_and = frozenset_and, .nb_xor = frozenset_xor, .nb_or = frozenset_or,
};

/* dict_keys and dict_items: the set operators, either operand a view. */
SET_OPERATORS(dictkeys, KIND_DICT_KEYS)
SET_OPERATORS(dictitems, KIND_DICT_ITEMS)
static PyNumberMethods dictkeys_as_number = {
    .nb_subtract = dictkeys_sub, .nb_and = dictkeys_and, .nb_xor = dictkeys_xor, .nb_or = dictkeys_or,
};
static PyNumberMethods dictitems_as_number = {
    .nb_subtract = dictitems_sub, .nb_and = dictitems_and, .nb_xor = dictitems_xor, .nb_or = dictitems_or,
};

/* str % args, bytes % args. */
BINARY(str_format, KIND_STR, OP_REMAINDER)
static PyNumberMethods str_as_number = { .nb_remainder = str_format };
BINARY(bytes_format, KIND_BYTES, OP_REMAINDER)
static PyNumberMethods bytes_as_number = { .nb_remainder = bytes_format };

/* bytearray % args (PEP 461). */
BINARY(bytearray_format, KIND_BYTEARRAY, OP_REMAINDER)
static PyNumberMethods bytearray_as_number = { .nb_remainder = bytearray_format };

/* range is false when empty (range_as_number). */
static PyNumberMethods range_as_number;

/* dict | dict and |= (PEP 584). */
BINARY(dict_or, KIND_DICT, OP_OR)
BINARY(dict_inplace_or, KIND_DICT, OP_INPLACE + OP_OR)
static PyNumberMethods dict_as_number = { .nb_or = dict_or, .nb_inplace_or = dict_inplace_or };

/* None is false (none_as_number). */
static PyNumberMethods none_as_number;

BINARY(str_concat, KIND_STR, OP_CONCAT)
REPEAT(str_repeat, KIND_STR, 0)
BINARY(bytes_concat, KIND_BYTES, OP_CONCAT)
REPEAT(bytes_repeat, KIND_BYTES, 0)
BINARY(bytearray_concat, KIND_BYTEARRAY, OP_CONCAT)
REPEAT(bytearray_repeat, KIND_BYTEARRAY, 0)
BINARY(bytearray_inplace_concat, KIND_BYTEARRAY, OP_INPLACE_CONCAT)
REPEAT(bytearray_inplace_repeat, KIND_BYTEARRAY, 1)
BINARY(tuple_concat, KIND_TUPLE, OP_CONCAT)
REPEAT(tuple_repeat, KIND_TUPLE, 0)
BINARY(list_concat, KIND_LIST, OP_CONCAT)
REPEAT(list_repeat, KIND_LIST, 0)
BINARY(list_inplace_concat, KIND_LIST, OP_INPLACE_CONCAT)
REPEAT(list_inplace_repeat, KIND_LIST, 1)

/* A tuple's and a list's length and items are read on the layout, which their subclasses
   share; the index is used as given (a negative one is out of range). */
static Py_ssize_t sized_length(PyObject *o) { return Py_SIZE(o); }

static PyObject *item_at(PyObject *const *items, Py_ssize_t size, Py_ssize_t i, const char *out_of_range) {
    if ((size_t)i >= (size_t)size) {
        PyErr_SetString(PyExc_IndexError, out_of_range);
        return NULL;
    }
    return Py_NewRef(items[i]);
}

static PyObject *tuple_item(PyObject *o, Py_ssize_t i) {
    return item_at(((PyTupleObject *)o)->ob_item, Py_SIZE(o), i, "tuple index out of range");
}

static PyObject *list_item(PyObject *o, Py_ssize_t i) {
    return item_at(((PyListObject *)o)->ob_item, Py_SIZE(o), i, "list index out of range");
}

/* The sequence and mapping tables; their other entries are the hooks (fill_containers).
   statics.c points the containers, dict's views and mappingproxy at these. */
static PySequenceMethods str_as_sequence = { .sq_concat = str_concat, .sq_repeat = str_repeat };
static PySequenceMethods bytes_as_sequence = { .sq_concat = bytes_concat, .sq_repeat = bytes_repeat };
PYCAPI_HIDDEN PySequenceMethods pycapi_tuple_as_sequence = {
    .sq_length = sized_length, .sq_concat = tuple_concat, .sq_repeat = tuple_repeat, .sq_item = tuple_item,
};
PYCAPI_HIDDEN PySequenceMethods pycapi_list_as_sequence = {
    .sq_length = sized_length, .sq_concat = list_concat, .sq_repeat = list_repeat, .sq_item = list_item,
    .sq_inplace_concat = list_inplace_concat, .sq_inplace_repeat = list_inplace_repeat,
};
PYCAPI_HIDDEN PySequenceMethods pycapi_dict_as_sequence, pycapi_view_as_sequence;
static PySequenceMethods bytearray_as_sequence = {
    .sq_concat = bytearray_concat, .sq_repeat = bytearray_repeat,
    .sq_inplace_concat = bytearray_inplace_concat, .sq_inplace_repeat = bytearray_inplace_repeat,
};
/* memory_as_sequence: length and item only (membership iterates). */
static PySequenceMethods memory_as_sequence;
/* range's sq_item counts a negative index from the end, as PySequence_GetItem does; range
   cannot be subclassed, so the abstract API never comes back to this slot. */
PYCAPI_HIDDEN PySequenceMethods pycapi_range_as_sequence = { .sq_item = PySequence_GetItem };
static PyMappingMethods str_as_mapping, bytes_as_mapping;
PYCAPI_HIDDEN PyMappingMethods pycapi_readonly_as_mapping, pycapi_mutable_as_mapping;

static void fill_containers(const pycapi_builtin_hooks *h) {
    PySequenceMethods *strings[] = { &str_as_sequence, &bytes_as_sequence, &bytearray_as_sequence, &memory_as_sequence };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
        strings[i]->sq_length = h->length;
        strings[i]->sq_item = h->item;
    }
    bytearray_as_sequence.sq_ass_item = h->ass_item;
    PySequenceMethods *sequences[] = { &str_as_sequence, &bytes_as_sequence, &bytearray_as_sequence,
                                       &pycapi_tuple_as_sequence, &pycapi_list_as_sequence };
    for (size_t i = 0; i < sizeof sequences / sizeof *sequences; i++) {
        sequences[i]->sq_contains = h->contains;
    }
    pycapi_list_as_sequence.sq_ass_item = h->ass_item;
    /* dict has sq_contains only; its views, length and membership. */
    pycapi_dict_as_sequence.sq_contains = h->contains;
    pycapi_view_as_sequence.sq_length = h->length;
    pycapi_view_as_sequence.sq_contains = h->contains;
    pycapi_range_as_sequence.sq_length = h->length;
    pycapi_range_as_sequence.sq_contains = h->contains;
    PyMappingMethods *mappings[] = { &str_as_mapping, &bytes_as_mapping, &pycapi_readonly_as_mapping,
                                     &pycapi_mutable_as_mapping };
    for (size_t i = 0; i < sizeof mappings / sizeof *mappings; i++) {
        mappings[i]->mp_length = h->length;
        mappings[i]->mp_subscript = h->subscript;
    }
    pycapi_mutable_as_mapping.mp_ass_subscript = h->ass_subscript;
}

static PyMappingMethods generic_alias_as_mapping;

/* object_richcompare: == by identity; != as the negation of the type's own ==, which a C
   type without a tp_richcompare has from object. */
static PyObject *object_richcompare(PyObject *self, PyObject *other, int op) {
    if (op == Py_EQ) {
        return Py_NewRef(self == other ? Py_True : Py_NotImplemented);
    }
    if (op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    richcmpfunc eq = Py_TYPE(self)->tp_richcompare;
    PyObject *equal = eq != NULL ? eq(self, other, Py_EQ) : object_richcompare(self, other, Py_EQ);
    if (equal == NULL || equal == Py_NotImplemented) {
        return equal;
    }
    int truth = PyObject_IsTrue(equal);
    Py_DECREF(equal);
    return truth < 0 ? NULL : PyBool_FromLong(!truth);
}

/* What PyType_Ready's inherit_slots gives a built-in from its base: tp_hash and
   tp_richcompare only as a pair, when the type defines neither; each number slot the
   type's table leaves empty (bool's). */
static void inherit(PyTypeObject *type) {
    PyTypeObject *base = type->tp_base;
#define INHERIT(slot)                 \
    if (type->slot == NULL) {         \
        type->slot = base->slot;      \
    }
    INHERIT(tp_repr)
    INHERIT(tp_str)
    INHERIT(tp_getattro)
    INHERIT(tp_setattro)
    INHERIT(tp_init)
#undef INHERIT
    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        /* PyNumberMethods is a row of function pointers. */
        void **own = (void **)type->tp_as_number, **inherited = (void **)base->tp_as_number;
        for (size_t i = 0; i < sizeof(PyNumberMethods) / sizeof(void *); i++) {
            if (own[i] == NULL) {
                own[i] = inherited[i];
            }
        }
    }
    if (type->tp_hash == NULL && type->tp_richcompare == NULL) {
        type->tp_hash = base->tp_hash;
        type->tp_richcompare = base->tp_richcompare;
    }
}

static int is_one_of(const char *name, const char *const *names, size_t count) {
    for (size_t i = 0; i < count; i++) {
        if (strcmp(name, names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The exception classes with a tp_str of their own (KeyError_str, OSError_str, ...); the
   others inherit BaseException's. */
static const char *const own_str[] = { "KeyError", "OSError", "ImportError", "AttributeError", "NameError",
                                       "SyntaxError", "UnicodeEncodeError", "UnicodeDecodeError",
                                       "UnicodeTranslateError" };

/* The exception classes CPython declares without a tp_new (ComplexExtendsException and
   MiddlingExtendsException with none): they inherit their base's, so have no __new__ of
   their own. */
static const char *const inherited_new[] = {
    "AttributeError", "BlockingIOError", "BrokenPipeError", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "ImportError", "IndentationError", "InterruptedError", "IsADirectoryError", "KeyError", "ModuleNotFoundError",
    "NameError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "StopIteration", "SyntaxError",
    "SystemExit", "TabError", "TimeoutError", "UnboundLocalError",
};

/* The exception classes come in statics.c's order, bases first. Their attributes are
   descriptors in the object space (ExceptionAttributes.cs), so BaseException declares the
   generic getattro / setattro, as CPython's does. */
static void fill_exceptions(const pycapi_builtin_hooks *h) {
    for (const pycapi_static_entry *e = pycapi_static_table(); e->key != NULL; e++) {
        PyTypeObject *type = (PyTypeObject *)e->object;
        if (Py_TYPE(e->object) != &PyType_Type || !(type->tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS)) {
            continue;
        }
        if (type == (PyTypeObject *)PyExc_BaseException) {
            type->tp_repr = h->repr;
            type->tp_str = h->exception_str;
            type->tp_getattro = PyObject_GenericGetAttr;
            type->tp_setattro = PyObject_GenericSetAttr;
        } else if (is_one_of(e->key, own_str, sizeof own_str / sizeof *own_str)) {
            type->tp_str = h->str;
        }
        if (is_one_of(e->key, inherited_new, sizeof inherited_new / sizeof *inherited_new)) {
            type->tp_new = NULL;
        }
        h->add_operators(type);
        inherit(type);
        if (type->tp_new == NULL) {
            type->tp_new = type->tp_base->tp_new;
        }
    }
}

/* add_operators for every built-in but the exception classes (fill_exceptions), on the
   slots it fills itself. Nearly every built-in declares PyObject_GenericGetAttr itself,
   so has a __getattribute__ of its own; these few inherit it, as in CPython. */
static void add_own_operators(const pycapi_builtin_hooks *h) {
    PyTypeObject *const inherit_getattr[] = { &PyBool_Type, &PyClassMethod_Type, &PyStaticMethod_Type, &_PyNone_Type,
                                             &_PyNotImplemented_Type, &PyFunction_Type };
    for (const pycapi_static_entry *e = pycapi_static_table(); e->key != NULL; e++) {
        PyTypeObject *type = (PyTypeObject *)e->object;
        if (Py_TYPE(e->object) != &PyType_Type || (type->tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS)) {
            continue;
        }
        int declares_getattr = 1;
        for (size_t i = 0; i < sizeof inherit_getattr / sizeof *inherit_getattr; i++) {
            declares_getattr &= type != inherit_getattr[i];
        }
        if (type->tp_getattro == NULL && declares_getattr) {
            type->tp_getattro = PyObject_GenericGetAttr;
        }
        h->add_operators(type);
    }
}

/* Called once by the object space (BuiltinSlots.Install), with its entry points. */
PYCAPI_HIDDEN void pycapi_fill_builtin_slots(const pycapi_builtin_hooks *h) {
    builtin = *h;
    fill_containers(h);

    PyBaseObject_Type.tp_repr = h->object_repr;
    PyBaseObject_Type.tp_str = h->object_str;
    PyBaseObject_Type.tp_hash = h->object_hash;
    PyBaseObject_Type.tp_richcompare = object_richcompare;
    PyBaseObject_Type.tp_getattro = PyObject_GenericGetAttr;
    PyBaseObject_Type.tp_setattro = PyObject_GenericSetAttr;

    PyModule_Type.tp_repr = h->repr;
    PyModule_Type.tp_getattro = h->getattro;
    PyModule_Type.tp_setattro = h->setattro;

    PyType_Type.tp_repr = h->repr;
    PyType_Type.tp_getattro = h->type_getattro;
    PyType_Type.tp_setattro = h->type_setattro;
    PyType_Type.tp_call = h->type_call;

    int_as_number.nb_bool = h->truth;
    PyLong_Type.tp_as_number = &int_as_number;
    PyLong_Type.tp_repr = h->int_repr;
    PyLong_Type.tp_hash = h->hash;
    PyLong_Type.tp_richcompare = h->int_richcompare;

    PyBool_Type.tp_as_number = &bool_as_number;
    PyBool_Type.tp_repr = h->repr;

    float_as_number.nb_bool = h->truth;
    PyFloat_Type.tp_as_number = &float_as_number;
    PyFloat_Type.tp_repr = h->repr;
    PyFloat_Type.tp_hash = h->hash;
    PyFloat_Type.tp_richcompare = h->richcompare;

    PyTypeObject *strings[] = { &PyUnicode_Type, &PyBytes_Type };
    for (size_t i = 0; i < 2; i++) {
        strings[i]->tp_repr = h->repr;
        strings[i]->tp_str = h->str;
        strings[i]->tp_hash = h->hash;
        strings[i]->tp_richcompare = h->richcompare;
    }
    PyUnicode_Type.tp_as_number = &str_as_number;
    PyUnicode_Type.tp_as_sequence = &str_as_sequence;
    PyUnicode_Type.tp_as_mapping = &str_as_mapping;
    PyBytes_Type.tp_as_number = &bytes_as_number;
    PyBytes_Type.tp_as_sequence = &bytes_as_sequence;
    PyBytes_Type.tp_as_mapping = &bytes_as_mapping;

    /* Lists and dicts compare but are unhashable. */
    PyTypeObject *containers[] = { &PyTuple_Type, &PyList_Type, &PyDict_Type };
    for (size_t i = 0; i < 3; i++) {
        containers[i]->tp_repr = h->repr;
        containers[i]->tp_richcompare = h->richcompare;
        containers[i]->tp_hash = containers[i] == &PyTuple_Type ? h->hash : PyObject_HashNotImplemented;
    }
    PyDict_Type.tp_as_number = &dict_as_number;
    PyTypeObject *iterables[] = { &PyUnicode_Type, &PyBytes_Type, &PyTuple_Type, &PyList_Type, &PyDict_Type };
    for (size_t i = 0; i < 5; i++) {
        iterables[i]->tp_iter = h->iter;
    }

    complex_as_number.nb_bool = h->truth;
    PyComplex_Type.tp_as_number = &complex_as_number;
    PyComplex_Type.tp_repr = h->repr;
    PyComplex_Type.tp_hash = h->hash;
    PyComplex_Type.tp_richcompare = h->richcompare;

    /* A set is unhashable; a frozenset hashes. */
    PySet_Type.tp_as_number = &set_as_number;
    PyFrozenSet_Type.tp_as_number = &frozenset_as_number;
    PyTypeObject *sets[] = { &PySet_Type, &PyFrozenSet_Type };
    for (size_t i = 0; i < 2; i++) {
        sets[i]->tp_repr = h->repr;
        sets[i]->tp_richcompare = h->richcompare;
    }
    PySet_Type.tp_hash = PyObject_HashNotImplemented;
    PyFrozenSet_Type.tp_hash = h->hash;

    none_as_number.nb_bool = h->truth;
    _PyNone_Type.tp_as_number = &none_as_number;
    /* bytearray and memoryview (their buffer procs are statics.c's); both are unhashable
       but a read-only memoryview of bytes. */
    PyByteArray_Type.tp_as_number = &bytearray_as_number;
    PyByteArray_Type.tp_as_sequence = &bytearray_as_sequence;
    PyByteArray_Type.tp_as_mapping = &pycapi_mutable_as_mapping;
    PyByteArray_Type.tp_str = h->str;
    PyByteArray_Type.tp_hash = PyObject_HashNotImplemented;
    PyMemoryView_Type.tp_as_sequence = &memory_as_sequence;
    PyMemoryView_Type.tp_as_mapping = &pycapi_mutable_as_mapping;
    PyMemoryView_Type.tp_hash = h->hash;
    /* range's sequence and mapping tables are statics.c's; slice compares but is unhashable. */
    range_as_number.nb_bool = h->truth;
    PyRange_Type.tp_as_number = &range_as_number;
    PyRange_Type.tp_hash = h->hash;
    PySlice_Type.tp_hash = PyObject_HashNotImplemented;
    PyTypeObject *sequences[] = { &PyByteArray_Type, &PyMemoryView_Type, &PyRange_Type, &PySlice_Type };
    for (size_t i = 0; i < sizeof sequences / sizeof *sequences; i++) {
        sequences[i]->tp_repr = h->repr;
        sequences[i]->tp_richcompare = h->richcompare;
        if (sequences[i] != &PySlice_Type) {
            sequences[i]->tp_iter = h->iter;
        }
    }

    PyClassMethod_Type.tp_repr = PyStaticMethod_Type.tp_repr = PySuper_Type.tp_repr = h->repr;
    /* sm_call: the object space calls the callable. */
    PyStaticMethod_Type.tp_call = _PyCApi_Slow_PyObject_Call;

    PyTypeObject *singletons[] = { &_PyNone_Type, &_PyNotImplemented_Type, &PyEllipsis_Type };
    for (size_t i = 0; i < 3; i++) {
        singletons[i]->tp_repr = h->repr;
    }

    /* dict's views and mappingproxy: keys and items views are set-like (operators, set
       comparisons) and unhashable; a values view has neither. */
    PyTypeObject *views[] = { &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type, &PyDictProxy_Type };
    for (size_t i = 0; i < 4; i++) {
        views[i]->tp_repr = h->repr;
    }
    PyDictKeys_Type.tp_as_number = &dictkeys_as_number;
    PyDictItems_Type.tp_as_number = &dictitems_as_number;
    PyDictKeys_Type.tp_hash = PyDictItems_Type.tp_hash = PyDictProxy_Type.tp_hash = PyObject_HashNotImplemented;
    PyDictKeys_Type.tp_richcompare = PyDictItems_Type.tp_richcompare = h->richcompare;
    PyDictProxy_Type.tp_str = h->str;
    PyDictProxy_Type.tp_richcompare = h->richcompare;

    /* types.GenericAlias and method-wrapper, for C code that calls their slots directly. */
    PyTypeObject *aliases[] = { &Py_GenericAliasType, &_PyMethodWrapper_Type };
    for (size_t i = 0; i < 2; i++) {
        aliases[i]->tp_repr = h->repr;
        aliases[i]->tp_hash = h->hash;
        aliases[i]->tp_richcompare = h->richcompare;
        aliases[i]->tp_getattro = h->getattro;
    }
    generic_alias_as_mapping.mp_subscript = h->subscript;
    Py_GenericAliasType.tp_as_mapping = &generic_alias_as_mapping;
    Py_GenericAliasType.tp_iter = h->iter;
    add_own_operators(h);

    /* Bases before subtypes. The iterators keep their own tp_iter / tp_iternext (statics.c);
       from object they get repr, str, hash, compare and attributes. */
    PyTypeObject *inheriting[] = {
        &PyType_Type, &PyModule_Type, &PyLong_Type, &PyBool_Type, &PyFloat_Type, &PyUnicode_Type, &PyBytes_Type,
        &PyTuple_Type, &PyList_Type, &PyDict_Type, &PyComplex_Type, &PySet_Type, &PyFrozenSet_Type,
        &_PyNone_Type, &_PyNotImplemented_Type, &PyEllipsis_Type,
        &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type, &PyDictProxy_Type,
        &PyByteArray_Type, &PyMemoryView_Type, &PyRange_Type, &PySlice_Type, &PyRangeIter_Type, &PyLongRangeIter_Type,
        &PyByteArrayIter_Type, &pycapi_memory_iter_type, &PyTupleIter_Type, &PyListIter_Type, &PyListRevIter_Type, &PyUnicodeIter_Type, &PyBytesIter_Type,
        &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type, &PyDictRevIterKey_Type,
        &PyDictRevIterValue_Type, &PyDictRevIterItem_Type, &PySeqIter_Type, &PyCallIter_Type,
        &Py_GenericAliasType, &_PyMethodWrapper_Type,
    };
    for (size_t i = 0; i < sizeof inheriting / sizeof *inheriting; i++) {
        inherit(inheriting[i]);
    }
    fill_exceptions(h);
}
