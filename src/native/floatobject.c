/* float constructor from a C double. */
#include "pycapi_runtime.h"
#include <float.h>

/* Dead floats kept for reuse, as CPython keeps up to 100: chained through ob_type,
   which the reuse sets again. */
#define SAVED_FLOATS 100
static PyFloatObject *saved_floats;
static int saved_count;

PyObject *PyFloat_FromDouble(double v) {
    PyFloatObject *op = saved_floats;
    if (op != NULL) {
        saved_floats = (PyFloatObject *)Py_TYPE(op);
        saved_count--;
    } else {
        op = pycapi_alloc(sizeof(PyFloatObject));
        if (op == NULL) {
            return PyErr_NoMemory();
        }
    }
    Py_SET_TYPE(op, &PyFloat_Type); /* a static type: no reference to take */
    Py_SET_REFCNT(op, 1);
    op->ob_fval = v;
    return (PyObject *)op;
}

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

PYCAPI_HIDDEN void pycapi_float_dealloc(PyObject *op) {
    if (Py_IS_TYPE(op, &PyFloat_Type) && saved_count < SAVED_FLOATS) {
        Py_SET_TYPE(op, (PyTypeObject *)saved_floats);
        saved_floats = (PyFloatObject *)op;
        saved_count++;
        return;
    }
    pycapi_object_dealloc(op);
}

/* float.__new__(type, x=0.0): a subclass's instance gets the value. */
static PyObject *copy_float(PyTypeObject *type, PyObject *value) {
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        ((PyFloatObject *)self)->ob_fval = PyFloat_AS_DOUBLE(value);
    }
    return self;
}

PYCAPI_HIDDEN PyObject *pycapi_float_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyFloat_Type, args, kwds, copy_float);
}

double PyFloat_GetMax(void) { return 1.7976931348623157e308; }
double PyFloat_GetMin(void) { return 2.2250738585072014e-308; }

#include "slow_paths.g.h"

/* An exact float is read here; the slow path calls __float__ / __index__. */
double PyFloat_AsDouble(PyObject *op) {
    return op != NULL && Py_TYPE(op) == &PyFloat_Type ? ((PyFloatObject *)op)->ob_fval : _PyCApi_Slow_PyFloat_AsDouble(op);
}

/* A value's bytes in this platform's order (little-endian) copied from or to the order
   asked for. */
static void copy_ordered(unsigned char *dst, const unsigned char *little, int n, int le)
{
    for (int i = 0; i < n; i++) {
        dst[i] = little[le ? i : n - 1 - i];
    }
}

/* binary16 (1 sign, 5 exponent, 10 fraction bits), rounded half to even from the exact
   double; a NaN becomes the quiet NaN of its sign. */
int PyFloat_Pack2(double x, char *p, int le)
{
    unsigned int sign = signbit(x) ? 0x8000 : 0;
    unsigned int magnitude; /* the 15 bits under the sign */
    if (isnan(x)) {
        magnitude = 0x7e00;
    } else if (isinf(x)) {
        magnitude = 0x7c00;
    } else if (x == 0) {
        magnitude = 0;
    } else {
        int exp;
        uint64_t significand = (uint64_t)ldexp(frexp(fabs(x), &exp), 53); /* x = significand * 2**(exp-53) */
        int unbiased = exp - 1;                                             /* x in [2**unbiased, 2**(unbiased+1)) */
        if (unbiased >= 16) {
            goto overflow;
        }
        /* Below 2**-14 the quantum stays 2**-24 (subnormals): more bits are dropped. */
        int scale = unbiased < -14 ? -14 : unbiased;
        int dropped = scale - unbiased + 42;
        uint64_t kept = 0;
        if (dropped <= 54) {
            uint64_t rest = significand & ((UINT64_C(1) << dropped) - 1), half = UINT64_C(1) << (dropped - 1);
            kept = significand >> dropped;
            if (rest > half || (rest == half && (kept & 1))) {
                kept++; /* a carry out of the fraction steps the exponent, as it should */
            }
        }
        magnitude = ((unsigned int)(scale + 14) << 10) + (unsigned int)kept;
        if (magnitude >= 0x7c00) {
            goto overflow;
        }
    }
    unsigned int bits = sign | magnitude;
    unsigned char little[2] = {(unsigned char)bits, (unsigned char)(bits >> 8)};
    copy_ordered((unsigned char *)p, little, 2, le);
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

int PyFloat_Pack4(double x, char *p, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    copy_ordered((unsigned char *)p, (const unsigned char *)&y, 4, le);
    return 0;
}

int PyFloat_Pack8(double x, char *p, int le)
{
    copy_ordered((unsigned char *)p, (const unsigned char *)&x, 8, le);
    return 0;
}

double PyFloat_Unpack2(const char *p, int le)
{
    unsigned char little[2];
    copy_ordered(little, (const unsigned char *)p, 2, le);
    unsigned int bits = little[0] | (unsigned int)little[1] << 8;
    unsigned int exp = (bits >> 10) & 0x1f, fraction = bits & 0x3ff;
    double magnitude;
    if (exp == 0x1f) {
        magnitude = fraction == 0 ? HUGE_VAL : NAN;
    } else if (exp == 0) {
        magnitude = ldexp(fraction, -24);
    } else {
        magnitude = ldexp(fraction + 1024, (int)exp - 25);
    }
    return bits & 0x8000 ? -magnitude : magnitude;
}

double PyFloat_Unpack4(const char *p, int le)
{
    float y;
    copy_ordered((unsigned char *)&y, (const unsigned char *)p, 4, le);
    return y;
}

double PyFloat_Unpack8(const char *p, int le)
{
    double x;
    copy_ordered((unsigned char *)&x, (const unsigned char *)p, 8, le);
    return x;
}

static PyTypeObject FloatInfo_Type;

static PyStructSequence_Field float_info_fields[] = {
    { "max", "DBL_MAX -- maximum representable finite float" },
    { "max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable" },
    { "max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable" },
    { "min", "DBL_MIN -- Minimum positive normalized float" },
    { "min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float" },
    { "min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float" },
    { "dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float" },
    { "mant_dig", "DBL_MANT_DIG -- mantissa digits" },
    { "epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float" },
    { "radix", "FLT_RADIX -- radix of exponent" },
    { "rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations" },
    { NULL, NULL },
};

static PyStructSequence_Desc float_info_desc = {
    "sys.float_info",
    "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\n"
    "information about the precision and internal representation. Please study\n"
    "your system's :file:`float.h` for more information.",
    float_info_fields, 11,
};

PyObject *PyFloat_GetInfo(void)
{
    PyObject *values[] = {
        PyFloat_FromDouble(DBL_MAX), PyLong_FromLong(DBL_MAX_EXP), PyLong_FromLong(DBL_MAX_10_EXP),
        PyFloat_FromDouble(DBL_MIN), PyLong_FromLong(DBL_MIN_EXP), PyLong_FromLong(DBL_MIN_10_EXP),
        PyLong_FromLong(DBL_DIG),    PyLong_FromLong(DBL_MANT_DIG), PyFloat_FromDouble(DBL_EPSILON),
        PyLong_FromLong(FLT_RADIX),  PyLong_FromLong(FLT_ROUNDS),
    };
    return pycapi_structseq_build(&FloatInfo_Type, &float_info_desc, values, 11);
}
