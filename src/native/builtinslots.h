/* The own behaviour of our built-in types' slots lives in the object space
   (src/Core/Objects/BuiltinSlots.cs), which hands these entry points to the C part at
   start-up (pycapi_fill_builtin_slots). */
#ifndef PYCAPI_BUILTINSLOTS_H
#define PYCAPI_BUILTINSLOTS_H
#include "pycapi_runtime.h"

/* Whose slot C called: int's nb_add and float's answer differently for the same operands.
   BuiltinSlots.Kind has the same order. */
enum { KIND_OBJECT, KIND_TYPE, KIND_INT, KIND_BOOL, KIND_FLOAT, KIND_STR, KIND_BYTES, KIND_TUPLE, KIND_LIST, KIND_DICT };

/* Binary operations: NumberOp's order (Number.cs), then sq_concat and sq_inplace_concat;
   OP_INPLACE + a NumberOp is its in-place form. */
enum { OP_ADD, OP_SUBTRACT, OP_MULTIPLY, OP_REMAINDER, OP_DIVMOD, OP_LSHIFT, OP_RSHIFT, OP_AND, OP_XOR, OP_OR,
       OP_FLOOR_DIVIDE, OP_TRUE_DIVIDE, OP_MATRIX_MULTIPLY, OP_CONCAT, OP_INPLACE_CONCAT, OP_INPLACE };
/* Unary operations: UnaryOp's order. */
enum { OP_NEGATIVE, OP_POSITIVE, OP_ABSOLUTE, OP_INVERT, OP_INT, OP_FLOAT, OP_INDEX };

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
} pycapi_builtin_hooks;

PYCAPI_HIDDEN extern pycapi_builtin_hooks pycapi_builtin;

#endif
