/* Basic types and export macros shared by every header. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_hash_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_LONG 8
#define SIZEOF_INT 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_DOUBLE 8
#define SIZEOF_PY_HASH_T 8
#define SIZEOF_WCHAR_T 4
#define HAVE_LONG_LONG 1
#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define PY_FORMAT_SIZE_T "z"

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define Py_DEPRECATED(VERSION) __attribute__((__deprecated__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define Py_ALIGNED(x) __attribute__((aligned(x)))
#define Py_UNUSED(name) _unused_ ## name __attribute__((unused))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)

#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#define _Py_CAST(type, expr) ((type)(expr))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))

#define PyAPI_FUNC(RTYPE) __attribute__((visibility("default"))) RTYPE
#define PyAPI_DATA(RTYPE) extern __attribute__((visibility("default"))) RTYPE
#define Py_FORMAT_PARSETUPLE(func, p1, p2)
#define PyMODINIT_FUNC __attribute__((visibility("default"))) PyObject *

#ifdef __cplusplus
#  define PyMODINIT_FUNC_EXTERN extern "C"
#endif

#endif
