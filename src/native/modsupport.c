/* Py_BuildValue and its va_list and _SizeT forms: the variadic value builder of the C API.
   Behaviour follows CPython 3.11 (Python/modsupport.c); the code
   only calls non-variadic public API functions. */
#include "Python.h"
#include "pycapi_internal.h"

#define BV_SIZE_T 1 /* '#' lengths are Py_ssize_t (PY_SSIZE_T_CLEAN) */

static PyObject *bv_value(const char **p_format, va_list *p_va, int flags);

/* Number of values a format produces up to endchar at nesting level 0, or -1 with
   SystemError when the format ends first. */
static Py_ssize_t bv_count(const char *format, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;

    while (level > 0 || *format != endchar) {
        switch (*format) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(':
        case '[':
        case '{':
            if (level == 0) {
                count++;
            }
            level++;
            break;
        case ')':
        case ']':
        case '}':
            level--;
            break;
        case '#':
        case '&':
        case ',':
        case ':':
        case ' ':
        case '\t':
            break;
        default:
            if (level == 0) {
                count++;
            }
            break;
        }
        format++;
    }
    return count;
}

/* After an error: consume the remaining n values up to endchar so that the references
   passed with 'N' are still released, then keep the original exception. */
static void bv_skip(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n, int flags)
{
    Py_ssize_t i;

    for (i = 0; i < n; i++) {
        PyObject *type, *value, *tb, *w;
        PyErr_Fetch(&type, &value, &tb);
        w = bv_value(p_format, p_va, flags);
        PyErr_Restore(type, value, tb);
        Py_XDECREF(w);
    }
    if (**p_format != endchar) {
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return;
    }
    if (endchar) {
        ++*p_format;
    }
}

static PyObject *bv_tuple(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n, int flags)
{
    PyObject *v;
    Py_ssize_t i;

    if (n < 0) {
        return NULL;
    }
    v = PyTuple_New(n);
    if (v == NULL) {
        bv_skip(p_format, p_va, endchar, n, flags);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *w = bv_value(p_format, p_va, flags);
        if (w == NULL) {
            bv_skip(p_format, p_va, endchar, n - i - 1, flags);
            Py_DECREF(v);
            return NULL;
        }
        PyTuple_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar) {
        ++*p_format;
    }
    return v;
}

static PyObject *bv_list(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n, int flags)
{
    PyObject *v;
    Py_ssize_t i;

    if (n < 0) {
        return NULL;
    }
    v = PyList_New(n);
    if (v == NULL) {
        bv_skip(p_format, p_va, endchar, n, flags);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *w = bv_value(p_format, p_va, flags);
        if (w == NULL) {
            bv_skip(p_format, p_va, endchar, n - i - 1, flags);
            Py_DECREF(v);
            return NULL;
        }
        PyList_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar) {
        ++*p_format;
    }
    return v;
}

static PyObject *bv_dict(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n, int flags)
{
    PyObject *d;
    Py_ssize_t i;

    if (n < 0) {
        return NULL;
    }
    if (n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        bv_skip(p_format, p_va, endchar, n, flags);
        return NULL;
    }
    d = PyDict_New();
    if (d == NULL) {
        bv_skip(p_format, p_va, endchar, n, flags);
        return NULL;
    }
    for (i = 0; i < n; i += 2) {
        PyObject *k, *v;
        k = bv_value(p_format, p_va, flags);
        if (k == NULL) {
            bv_skip(p_format, p_va, endchar, n - i - 1, flags);
            Py_DECREF(d);
            return NULL;
        }
        v = bv_value(p_format, p_va, flags);
        if (v == NULL || PyDict_SetItem(d, k, v) < 0) {
            bv_skip(p_format, p_va, endchar, n - i - 2, flags);
            Py_DECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    if (**p_format != endchar) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar) {
        ++*p_format;
    }
    return d;
}

/* The length that follows a pointer when the unit is followed by '#'; -1 when there is
   no '#'. Returns 0, or -1 with SystemError (no PY_SSIZE_T_CLEAN; the length argument is
   then left unread, as in CPython). */
static int bv_length(const char **p_format, va_list *p_va, int flags, Py_ssize_t *n)
{
    *n = -1;
    if (**p_format == '#') {
        ++*p_format;
        if (!(flags & BV_SIZE_T)) {
            PyErr_SetString(PyExc_SystemError,
                            "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
            return -1;
        }
        *n = va_arg(*p_va, Py_ssize_t);
    }
    return 0;
}

static PyObject *bv_value(const char **p_format, va_list *p_va, int flags)
{
    for (;;) {
        char c = *(*p_format)++;
        switch (c) {
        case '(':
            return bv_tuple(p_format, p_va, ')', bv_count(*p_format, ')'), flags);
        case '[':
            return bv_list(p_format, p_va, ']', bv_count(*p_format, ']'), flags);
        case '{':
            return bv_dict(p_format, p_va, '}', bv_count(*p_format, '}'), flags);

        case 'b':
        case 'B':
        case 'h':
        case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)va_arg(*p_va, unsigned int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));

        case 'f':
        case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'D':
            return PyComplex_FromCComplex(*va_arg(*p_va, Py_complex *));

        case 'c': {
            char ch = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(&ch, 1);
        }
        case 'C':
            return PyUnicode_FromOrdinal(va_arg(*p_va, int));

        case 'u': {
            wchar_t *w = va_arg(*p_va, wchar_t *);
            Py_ssize_t n;
            if (bv_length(p_format, p_va, flags, &n) < 0) {
                return NULL;
            }
            if (w == NULL) {
                return Py_NewRef(Py_None);
            }
            if (n < 0) {
                n = (Py_ssize_t)wcslen(w);
            }
            return PyUnicode_FromWideChar(w, n);
        }

        case 's':
        case 'z':
        case 'U':
        case 'y': {
            const char *str = va_arg(*p_va, const char *);
            Py_ssize_t n;
            if (bv_length(p_format, p_va, flags, &n) < 0) {
                return NULL;
            }
            if (str == NULL) {
                return Py_NewRef(Py_None);
            }
            if (n < 0) {
                size_t m = strlen(str);
                if (m > (size_t)PY_SSIZE_T_MAX) {
                    PyErr_SetString(PyExc_OverflowError,
                                    c == 'y' ? "string too long for Python bytes"
                                             : "string too long for Python string");
                    return NULL;
                }
                n = (Py_ssize_t)m;
            }
            if (c == 'y') {
                return PyBytes_FromStringAndSize(str, n);
            }
            return PyUnicode_FromStringAndSize(str, n);
        }

        case 'N':
        case 'S':
        case 'O':
            if (**p_format == '&') {
                typedef PyObject *(*bv_converter)(void *);
                bv_converter func = va_arg(*p_va, bv_converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return func(arg);
            }
            else {
                PyObject *v = va_arg(*p_va, PyObject *);
                if (v != NULL) {
                    if (c != 'N') {
                        Py_INCREF(v);
                    }
                }
                else if (!PyErr_Occurred()) {
                    /* A NULL that comes with an exception is the failure of the call
                       that should have made the value: pass it on. */
                    PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                }
                return v;
            }

        case ':':
        case ',':
        case ' ':
        case '\t':
            break;

        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

static PyObject *bv_build(const char *format, va_list va, int flags)
{
    const char *f = format;
    Py_ssize_t n = bv_count(f, '\0');
    va_list lva;
    PyObject *result;

    if (n < 0) {
        return NULL;
    }
    if (n == 0) {
        return Py_NewRef(Py_None);
    }
    va_copy(lva, va);
    if (n == 1) {
        result = bv_value(&f, &lva, flags);
    }
    else {
        result = bv_tuple(&f, &lva, '\0', n, flags);
    }
    va_end(lva);
    return result;
}

PyObject *Py_BuildValue(const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = bv_build(format, va, 0);
    va_end(va);
    return result;
}

PyObject *_Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = bv_build(format, va, BV_SIZE_T);
    va_end(va);
    return result;
}

PyObject *Py_VaBuildValue(const char *format, va_list va)
{
    return bv_build(format, va, 0);
}

PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va)
{
    return bv_build(format, va, BV_SIZE_T);
}

PyObject *_pycapi_VaBuildArgs(const char *format, va_list *p_va, int size_t_flag)
{
    const char *f = format;
    Py_ssize_t n;
    int flags = size_t_flag ? BV_SIZE_T : 0;
    PyObject *args;

    if (format == NULL || *format == '\0') {
        return PyTuple_New(0);
    }
    n = bv_count(f, '\0');
    if (n < 0) {
        return NULL;
    }
    if (n == 0) {
        return PyTuple_New(0);
    }
    /* Like CPython's argument stack, even a single value must end the format
       (a trailing separator is "Unmatched paren in format"). */
    args = bv_tuple(&f, p_va, '\0', n, flags);
    if (args != NULL && n == 1 && PyTuple_Check(PyTuple_GET_ITEM(args, 0))) {
        /* PyObject_CallFunction(f, "O", tuple) and (f, "(ii)", ...) call f(*tuple). */
        PyObject *inner = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        Py_DECREF(args);
        return inner;
    }
    return args;
}
