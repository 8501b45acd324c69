/* PyOS_string_to_double (CPython's Python/pystrtod.c semantics and messages). The text is
   checked against Python's float grammar here, without locale, hex floats, spaces or
   underscores (which C's strtod would take); strtod then rounds the checked digits. */
#include "Python.h"
#include <math.h>
#include <strings.h>

/* Length of "inf", "infinity" or "nan" (any case) at s, else 0. */
static size_t special_length(const char *s)
{
    if (strncasecmp(s, "infinity", 8) == 0) {
        return 8;
    }
    if (strncasecmp(s, "inf", 3) == 0 || strncasecmp(s, "nan", 3) == 0) {
        return 3;
    }
    return 0;
}

/* Length of the float literal at s: [sign] (digits [. [digits]] | . digits) [e [sign] digits]
   or [sign] inf/infinity/nan; 0 if there is none. */
static size_t literal_length(const char *s)
{
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    size_t special = special_length(p);
    if (special != 0) {
        return (size_t)(p - s) + special;
    }
    size_t digits = 0;
    while (*p >= '0' && *p <= '9') {
        p++, digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++, digits++;
        }
    }
    if (digits == 0) {
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char *e = p + 1;
        if (*e == '+' || *e == '-') {
            e++;
        }
        if (*e >= '0' && *e <= '9') {
            while (*e >= '0' && *e <= '9') {
                e++;
            }
            p = e;
        }
    }
    return (size_t)(p - s);
}

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    size_t length = literal_length(s);
    if (length == 0 || (endptr == NULL && s[length] != '\0')) {
        if (endptr != NULL) {
            *endptr = (char *)s;
        }
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        return -1.0;
    }
    char *literal = PyMem_Malloc(length + 1);
    if (literal == NULL) {
        PyErr_NoMemory();
        return -1.0;
    }
    memcpy(literal, s, length);
    literal[length] = '\0';
    errno = 0;
    double value = strtod(literal, NULL);
    int overflowed = errno == ERANGE && fabs(value) >= 1.0; /* ERANGE for underflow gives 0 */
    PyMem_Free(literal);
    if (endptr != NULL) {
        *endptr = (char *)s + length;
    }
    if (overflowed && overflow_exception != NULL) {
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
        return -1.0;
    }
    return value;
}
