/* Where the slots of a PyType_Spec live in a type object (CPython 3.11's typeslots.h
   numbering): PyType_GetSlot, and the writing and inheriting of slots for heap types made
   by PyType_FromModuleAndSpec (src/Core/Objects/TypeSpec.cs). */
#include "pycapi_runtime.h"
#include <stddef.h>

/* A slot is a field of the type object or, for the protocol tables, a field of the table
   the type object points to (table_field -1 for none). */
typedef struct {
    short type_field;
    short table_field;
} slot_place;

#define TP(f) {offsetof(PyTypeObject, f), -1}
#define IN(table, type, f) {offsetof(PyTypeObject, table), offsetof(type, f)}
#define NB(f) IN(tp_as_number, PyNumberMethods, f)
#define SQ(f) IN(tp_as_sequence, PySequenceMethods, f)
#define MP(f) IN(tp_as_mapping, PyMappingMethods, f)
#define AM(f) IN(tp_as_async, PyAsyncMethods, f)
#define BF(f) IN(tp_as_buffer, PyBufferProcs, f)

static const slot_place slot_places[] = {
    [Py_bf_getbuffer] = BF(bf_getbuffer),
    [Py_bf_releasebuffer] = BF(bf_releasebuffer),
    [Py_mp_ass_subscript] = MP(mp_ass_subscript),
    [Py_mp_length] = MP(mp_length),
    [Py_mp_subscript] = MP(mp_subscript),
    [Py_nb_absolute] = NB(nb_absolute),
    [Py_nb_add] = NB(nb_add),
    [Py_nb_and] = NB(nb_and),
    [Py_nb_bool] = NB(nb_bool),
    [Py_nb_divmod] = NB(nb_divmod),
    [Py_nb_float] = NB(nb_float),
    [Py_nb_floor_divide] = NB(nb_floor_divide),
    [Py_nb_index] = NB(nb_index),
    [Py_nb_inplace_add] = NB(nb_inplace_add),
    [Py_nb_inplace_and] = NB(nb_inplace_and),
    [Py_nb_inplace_floor_divide] = NB(nb_inplace_floor_divide),
    [Py_nb_inplace_lshift] = NB(nb_inplace_lshift),
    [Py_nb_inplace_multiply] = NB(nb_inplace_multiply),
    [Py_nb_inplace_or] = NB(nb_inplace_or),
    [Py_nb_inplace_power] = NB(nb_inplace_power),
    [Py_nb_inplace_remainder] = NB(nb_inplace_remainder),
    [Py_nb_inplace_rshift] = NB(nb_inplace_rshift),
    [Py_nb_inplace_subtract] = NB(nb_inplace_subtract),
    [Py_nb_inplace_true_divide] = NB(nb_inplace_true_divide),
    [Py_nb_inplace_xor] = NB(nb_inplace_xor),
    [Py_nb_int] = NB(nb_int),
    [Py_nb_invert] = NB(nb_invert),
    [Py_nb_lshift] = NB(nb_lshift),
    [Py_nb_multiply] = NB(nb_multiply),
    [Py_nb_negative] = NB(nb_negative),
    [Py_nb_or] = NB(nb_or),
    [Py_nb_positive] = NB(nb_positive),
    [Py_nb_power] = NB(nb_power),
    [Py_nb_remainder] = NB(nb_remainder),
    [Py_nb_rshift] = NB(nb_rshift),
    [Py_nb_subtract] = NB(nb_subtract),
    [Py_nb_true_divide] = NB(nb_true_divide),
    [Py_nb_xor] = NB(nb_xor),
    [Py_sq_ass_item] = SQ(sq_ass_item),
    [Py_sq_concat] = SQ(sq_concat),
    [Py_sq_contains] = SQ(sq_contains),
    [Py_sq_inplace_concat] = SQ(sq_inplace_concat),
    [Py_sq_inplace_repeat] = SQ(sq_inplace_repeat),
    [Py_sq_item] = SQ(sq_item),
    [Py_sq_length] = SQ(sq_length),
    [Py_sq_repeat] = SQ(sq_repeat),
    [Py_tp_alloc] = TP(tp_alloc),
    [Py_tp_base] = TP(tp_base),
    [Py_tp_bases] = TP(tp_bases),
    [Py_tp_call] = TP(tp_call),
    [Py_tp_clear] = TP(tp_clear),
    [Py_tp_dealloc] = TP(tp_dealloc),
    [Py_tp_del] = TP(tp_del),
    [Py_tp_descr_get] = TP(tp_descr_get),
    [Py_tp_descr_set] = TP(tp_descr_set),
    [Py_tp_doc] = TP(tp_doc),
    [Py_tp_getattr] = TP(tp_getattr),
    [Py_tp_getattro] = TP(tp_getattro),
    [Py_tp_hash] = TP(tp_hash),
    [Py_tp_init] = TP(tp_init),
    [Py_tp_is_gc] = TP(tp_is_gc),
    [Py_tp_iter] = TP(tp_iter),
    [Py_tp_iternext] = TP(tp_iternext),
    [Py_tp_methods] = TP(tp_methods),
    [Py_tp_new] = TP(tp_new),
    [Py_tp_repr] = TP(tp_repr),
    [Py_tp_richcompare] = TP(tp_richcompare),
    [Py_tp_setattr] = TP(tp_setattr),
    [Py_tp_setattro] = TP(tp_setattro),
    [Py_tp_str] = TP(tp_str),
    [Py_tp_traverse] = TP(tp_traverse),
    [Py_tp_members] = TP(tp_members),
    [Py_tp_getset] = TP(tp_getset),
    [Py_tp_free] = TP(tp_free),
    [Py_nb_matrix_multiply] = NB(nb_matrix_multiply),
    [Py_nb_inplace_matrix_multiply] = NB(nb_inplace_matrix_multiply),
    [Py_am_await] = AM(am_await),
    [Py_am_aiter] = AM(am_aiter),
    [Py_am_anext] = AM(am_anext),
    [Py_tp_finalize] = TP(tp_finalize),
    [Py_am_send] = AM(am_send),
};

#define SLOT_COUNT ((int)(sizeof(slot_places) / sizeof(slot_places[0])))

/* The address of a slot in a type, NULL when it is in a table the type does not have. */
static void **slot_address(PyTypeObject *type, int slot) {
    slot_place place = slot_places[slot];
    void **field = (void **)((char *)type + place.type_field);
    if (place.table_field < 0) {
        return field;
    }
    return *field == NULL ? NULL : (void **)((char *)*field + place.table_field);
}

void *PyType_GetSlot(PyTypeObject *type, int slot) {
    if (slot <= 0 || slot >= SLOT_COUNT) {
        PyErr_BadInternalCall();
        return NULL;
    }
    void **address = slot_address(type, slot);
    return address == NULL ? NULL : *address;
}

/* Writes one slot (an id FromSpec checked) of a heap type whose table pointers lead to
   its own tables. */
PYCAPI_HIDDEN void pycapi_type_set_slot(PyTypeObject *type, int slot, void *value) { *slot_address(type, slot) = value; }

/* What inherit_slots copies from a C base into a heap type's unset slots. Not inherited:
   the bases, the doc, the method/member/getset tables and the GC traversal pair. tp_hash
   and tp_richcompare only go together, when the type defines neither. */
PYCAPI_HIDDEN void pycapi_type_inherit_slots(PyTypeObject *type, PyTypeObject *base) {
    int hash_pair_unset = type->tp_hash == NULL && type->tp_richcompare == NULL;
    for (int slot = 1; slot < SLOT_COUNT; slot++) {
        switch (slot) {
        case Py_tp_base:
        case Py_tp_bases:
        case Py_tp_doc:
        case Py_tp_methods:
        case Py_tp_members:
        case Py_tp_getset:
        case Py_tp_traverse:
        case Py_tp_clear:
            continue;
        case Py_tp_hash:
        case Py_tp_richcompare:
            if (!hash_pair_unset) {
                continue;
            }
            break;
        default:
            break;
        }
        void **own = slot_address(type, slot);
        void **inherited = slot_address(base, slot);
        if (own != NULL && *own == NULL && inherited != NULL) {
            *own = *inherited;
        }
    }
    /* inherit_special: where the instance dict and weak references are. */
    if (type->tp_dictoffset == 0) {
        type->tp_dictoffset = base->tp_dictoffset;
    }
    if (type->tp_weaklistoffset == 0) {
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    }
}

/* subtype_dealloc: the tp_dealloc of a heap type whose spec gives none. The nearest base
   with a dealloc of its own frees the instance; the reference the instance held to its heap
   type is released here unless that dealloc, being a heap type's, released it already. */
static void subtype_dealloc(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_dealloc == subtype_dealloc) {
        base = base->tp_base;
    }
    int releases_type = !(base->tp_flags & Py_TPFLAGS_HEAPTYPE);
    base->tp_dealloc(self);
    if (releases_type) {
        Py_DECREF(type);
    }
}

PYCAPI_HIDDEN void pycapi_type_use_subtype_dealloc(PyTypeObject *type) { type->tp_dealloc = subtype_dealloc; }

/* inherit_special and inherit_slots for a static type (PyType_Ready): a protocol table the
   type lacks is the base's table itself, one it has gets the base's entries where its own
   are NULL; GC support comes with the traverse/clear pair when the type defines neither (the
   one thing inherited from a built-in base too, with how instances are made: their memory
   has the built-in's GC head);
   Py_TPFLAGS_BASETYPE is not inherited. */
PYCAPI_HIDDEN void pycapi_type_inherit_gc(PyTypeObject *type, PyTypeObject *base) {
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_traverse == NULL &&
        type->tp_clear == NULL) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
}

PYCAPI_HIDDEN void pycapi_type_inherit_static(PyTypeObject *type, PyTypeObject *base) {
    pycapi_type_inherit_gc(type, base);
    if (type->tp_as_async == NULL) {
        type->tp_as_async = base->tp_as_async;
    }
    if (type->tp_as_number == NULL) {
        type->tp_as_number = base->tp_as_number;
    }
    if (type->tp_as_sequence == NULL) {
        type->tp_as_sequence = base->tp_as_sequence;
    }
    if (type->tp_as_mapping == NULL) {
        type->tp_as_mapping = base->tp_as_mapping;
    }
    if (type->tp_as_buffer == NULL) {
        type->tp_as_buffer = base->tp_as_buffer;
    }
    /* The vectorcall protocol comes with an inherited tp_call. */
    int inherits_call = type->tp_call == NULL;
    pycapi_type_inherit_slots(type, base);
    if (inherits_call && (base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL)) {
        type->tp_vectorcall_offset = base->tp_vectorcall_offset;
        type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    }
}

/* The tp_hash that makes a type unhashable (its __hash__ is None). */
PYCAPI_HIDDEN void *pycapi_hash_not_implemented(void) { return (void *)PyObject_HashNotImplemented; }
