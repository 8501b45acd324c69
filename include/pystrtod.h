/* Conversions between doubles and their decimal text, as Python's float() and repr() do
   them (locale-independent). */
#ifndef Py_STRTOD_H
#define Py_STRTOD_H
#ifdef __cplusplus
extern "C" {
#endif

/* The longest prefix of s that is a float literal (or "inf"/"nan"); *endptr is set past
   it. With endptr NULL the whole string must be a float. Overflow raises
   overflow_exception, or gives +-HUGE_VAL when it is NULL. */
PyAPI_FUNC(double) PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception);

/* format_code 'e', 'E', 'f', 'F', 'g', 'G' (with precision) or 'r' (repr, precision 0).
   Returns a PyMem_Malloc'ed string; *type (may be NULL) says finite, infinite or nan. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type);

#define Py_DTSF_SIGN 0x01      /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02 /* "1" becomes "1.0" */
#define Py_DTSF_ALT 0x04       /* the '#' alternate form */
#define Py_DTSF_NO_NEG_0 0x08  /* -0.0 prints as 0.0 */

#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

#ifdef __cplusplus
}
#endif
#endif
