/* int constructors from C values: the native layout (30-bit digits) is written here
   and the managed twin, if ever needed, is read from it. */
#include "pycapi_runtime.h"

#define SMALL_MIN (-5)
#define SMALL_MAX 256
static PyLongObject *small_ints[SMALL_MAX - SMALL_MIN + 1];

static PyLongObject *long_alloc(Py_ssize_t ndigits) {
    size_t size = offsetof(PyLongObject, ob_digit) + (size_t)(ndigits > 0 ? ndigits : 1) * sizeof(digit);
    PyVarObject *op = pycapi_alloc(size);
    if (op == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return (PyLongObject *)PyObject_InitVar(op, &PyLong_Type, ndigits);
}

static PyObject *from_magnitude(unsigned long long magnitude, int negative) {
    Py_ssize_t ndigits = 0;
    for (unsigned long long t = magnitude; t != 0; t >>= PyLong_SHIFT) {
        ndigits++;
    }
    PyLongObject *v = long_alloc(ndigits);
    if (v == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        v->ob_digit[i] = (digit)(magnitude & PyLong_MASK);
        magnitude >>= PyLong_SHIFT;
    }
    Py_SET_SIZE(v, negative ? -ndigits : ndigits);
    return (PyObject *)v;
}

/* Small ints are shared and never die, as in CPython. */
static PyObject *small_int(long v) {
    PyLongObject **slot = &small_ints[v - SMALL_MIN];
    if (*slot == NULL) {
        *slot = (PyLongObject *)from_magnitude(v < 0 ? (unsigned long long)-v : (unsigned long long)v, v < 0);
        if (*slot == NULL) {
            return NULL;
        }
        Py_SET_REFCNT(*slot, PYCAPI_IMMORTAL_REFCNT);
    }
    return Py_NewRef((PyObject *)*slot);
}

PyObject *PyLong_FromLongLong(long long v) {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
        return small_int((long)v);
    }
    unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    return from_magnitude(magnitude, v < 0);
}

PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) {
    if (v <= SMALL_MAX) {
        return small_int((long)v);
    }
    return from_magnitude(v, 0);
}

PyObject *PyLong_FromLong(long v) { return PyLong_FromLongLong(v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return PyLong_FromLongLong(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return PyLong_FromUnsignedLongLong(v); }
PyObject *PyLong_FromSize_t(size_t v) { return PyLong_FromUnsignedLongLong(v); }
PyObject *PyLong_FromVoidPtr(void *p) { return PyLong_FromUnsignedLongLong((uintptr_t)p); }

PyObject *PyBool_FromLong(long ok) { return Py_NewRef(ok ? Py_True : Py_False); }

/* Conversions to C values. An exact int of at most two digits (60 bits) is read here;
   everything else (other types through __index__, big values, overflow errors) takes the
   managed slow path, which holds the semantics and the messages. */
static int read_small_exact(PyObject *op, long long *value) {
    if (op == NULL || (Py_TYPE(op) != &PyLong_Type && Py_TYPE(op) != &PyBool_Type)) {
        return 0;
    }
    const PyLongObject *v = (const PyLongObject *)op;
    Py_ssize_t size = Py_SIZE(op);
    switch (size) {
    case 0: *value = 0; return 1;
    case 1: *value = v->ob_digit[0]; return 1;
    case -1: *value = -(long long)v->ob_digit[0]; return 1;
    case 2:
    case -2: {
        long long magnitude = (long long)v->ob_digit[0] | ((long long)v->ob_digit[1] << PyLong_SHIFT);
        *value = size < 0 ? -magnitude : magnitude;
        return 1;
    }
    default:
        return 0;
    }
}

#include "slow_paths.g.h"

#define SIGNED_FAST_PATH(name, ctype)                                   \
    ctype name(PyObject *op) {                                          \
        long long v;                                                    \
        return read_small_exact(op, &v) ? (ctype)v : _PyCApi_Slow_##name(op); \
    }
SIGNED_FAST_PATH(PyLong_AsLong, long)
SIGNED_FAST_PATH(PyLong_AsLongLong, long long)
SIGNED_FAST_PATH(PyLong_AsSsize_t, Py_ssize_t)

#define UNSIGNED_FAST_PATH(name, ctype)                                 \
    ctype name(PyObject *op) {                                          \
        long long v;                                                    \
        return read_small_exact(op, &v) && v >= 0 ? (ctype)v : _PyCApi_Slow_##name(op); \
    }
UNSIGNED_FAST_PATH(PyLong_AsUnsignedLong, unsigned long)
UNSIGNED_FAST_PATH(PyLong_AsUnsignedLongLong, unsigned long long)
UNSIGNED_FAST_PATH(PyLong_AsSize_t, size_t)

long PyLong_AsLongAndOverflow(PyObject *op, int *overflow) {
    long long v;
    if (read_small_exact(op, &v)) {
        *overflow = 0;
        return (long)v;
    }
    return _PyCApi_Slow_PyLong_AsLongAndOverflow(op, overflow);
}

double PyLong_AsDouble(PyObject *op) {
    long long v;
    return read_small_exact(op, &v) ? (double)v : _PyCApi_Slow_PyLong_AsDouble(op);
}

/* int.__new__(type, x=0, base=10): a subclass's instance gets the digits. */
static PyObject *copy_long(PyTypeObject *type, PyObject *value) {
    Py_ssize_t size = Py_SIZE(value);
    Py_ssize_t ndigits = size < 0 ? -size : size;
    PyObject *self = type->tp_alloc(type, ndigits);
    if (self != NULL) {
        memcpy(((PyLongObject *)self)->ob_digit, ((PyLongObject *)value)->ob_digit, (size_t)ndigits * sizeof(digit));
        Py_SET_SIZE(self, size);
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_long_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyLong_Type, args, kwds, copy_long);
}

/* bool cannot be subclassed: bool.__new__(bool, x) is bool(x). */
PYCAPI_HIDDEN PyObject *pycapi_bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    (void)type;
    return PyObject_Call((PyObject *)&PyBool_Type, args, kwds);
}

/* int(src) is src itself for an exact int, an exact copy for a subclass's instance. */
PyObject *_PyLong_Copy(PyLongObject *src) { return PyNumber_Long((PyObject *)src); }

static PyTypeObject IntInfo_Type;

static PyStructSequence_Field int_info_fields[] = {
    { "bits_per_digit", "size of a digit in bits" },
    { "sizeof_digit", "size in bytes of the C type used to represent a digit" },
    { "default_max_str_digits", "maximum string conversion digits limitation" },
    { "str_digits_check_threshold", "minimum positive value for int_max_str_digits" },
    { NULL, NULL },
};

static PyStructSequence_Desc int_info_desc = {
    "sys.int_info",
    "sys.int_info\n\nA named tuple that holds information about Python's\n"
    "internal representation of integers.  The attributes are read only.",
    int_info_fields, 4,
};

/* The limits are the defaults, not the interpreter's current int_max_str_digits: CPython's. */
PyObject *PyLong_GetInfo(void)
{
    PyObject *values[] = {
        PyLong_FromLong(PyLong_SHIFT), PyLong_FromLong(sizeof(digit)), PyLong_FromLong(4300), PyLong_FromLong(640),
    };
    return pycapi_structseq_build(&IntInfo_Type, &int_info_desc, values, 4);
}
