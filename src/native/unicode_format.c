/* PyUnicode_FromFormat(V) and PyBytes_FromFormat(V), as CPython 3.11 formats them
   (Objects/unicodeobject.c, Objects/bytesobject.c).

   The str result is assembled as UTF-8 and decoded once at the end. Lone surrogates
   (from a %U/%S/%R/%A/%V string, or %c in U+D800..U+DFFF) are carried in their 3-byte
   "surrogatepass" form, and the final decode then uses "surrogatepass"; otherwise the
   buffer is strict UTF-8 and is decoded strictly. */
#include "Python.h"
#include "pycapi_internal.h"

typedef struct {
    _pycapi_buf b;
    int surrogates; /* the buffer holds UTF-8-encoded surrogates */
} fmt_out;

/* Append code point ch (0..0x10FFFF) as UTF-8; surrogates use the 3-byte form. */
static int out_codepoint(fmt_out *o, unsigned int ch)
{
    char tmp[4];
    size_t n;

    if (ch < 0x80) {
        tmp[0] = (char)ch;
        n = 1;
    }
    else if (ch < 0x800) {
        tmp[0] = (char)(0xC0 | (ch >> 6));
        tmp[1] = (char)(0x80 | (ch & 0x3F));
        n = 2;
    }
    else if (ch < 0x10000) {
        if (ch >= 0xD800 && ch <= 0xDFFF) {
            o->surrogates = 1;
        }
        tmp[0] = (char)(0xE0 | (ch >> 12));
        tmp[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (ch & 0x3F));
        n = 3;
    }
    else {
        tmp[0] = (char)(0xF0 | (ch >> 18));
        tmp[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (ch & 0x3F));
        n = 4;
    }
    return _pycapi_buf_append(&o->b, tmp, n);
}

/* Number of code points in n bytes of (surrogatepass-)UTF-8. */
static Py_ssize_t utf8_count(const char *s, Py_ssize_t n)
{
    Py_ssize_t i, count = 0;
    for (i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* Byte offset of code point k in n bytes of (surrogatepass-)UTF-8 (n if k is past the end). */
static Py_ssize_t utf8_offset(const char *s, Py_ssize_t n, Py_ssize_t k)
{
    Py_ssize_t i, seen = 0;
    for (i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == k) {
                return i;
            }
            seen++;
        }
    }
    return n;
}

/* Is s[0:n] UTF-8 that Python's strict decoder accepts (no surrogates, no overlongs)? */
static int utf8_strict_valid(const unsigned char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) {
                return 0;
            }
            i += 2;
        }
        else if (c >= 0xE0 && c <= 0xEF) {
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xE0) {
                lo = 0xA0;
            }
            else if (c == 0xED) {
                hi = 0x9F;
            }
            if (i + 2 >= n || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80) {
                return 0;
            }
            i += 3;
        }
        else if (c >= 0xF0 && c <= 0xF4) {
            unsigned char lo = 0x80, hi = 0xBF;
            if (c == 0xF0) {
                lo = 0x90;
            }
            else if (c == 0xF4) {
                hi = 0x8F;
            }
            if (i + 3 >= n || s[i + 1] < lo || s[i + 1] > hi ||
                (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) {
                return 0;
            }
            i += 4;
        }
        else {
            return 0;
        }
    }
    return 1;
}

/* Append UTF-8 text of `length` code points, right-justified in `width` code points and
   cut to `precision` code points (-1: no limit), the way 3.11 pads %U/%S/%R/%A/%V/%s. */
static int out_text(fmt_out *o, const char *s, Py_ssize_t nbytes,
                    Py_ssize_t width, Py_ssize_t precision)
{
    Py_ssize_t length;

    if (width <= 0 && precision < 0) {
        return _pycapi_buf_append(&o->b, s, (size_t)nbytes);
    }
    length = utf8_count(s, nbytes);
    if (precision >= 0 && precision < length) {
        nbytes = utf8_offset(s, nbytes, precision);
        length = precision;
    }
    if (width > length) {
        if (_pycapi_buf_fill(&o->b, ' ', (size_t)(width - length)) < 0) {
            return -1;
        }
    }
    return _pycapi_buf_append(&o->b, s, (size_t)nbytes);
}

/* Append a str object (new or borrowed reference; not consumed). */
static int out_str(fmt_out *o, PyObject *str, Py_ssize_t width, Py_ssize_t precision)
{
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(str, &n);
    PyObject *bytes;
    int res;

    if (s != NULL) {
        return out_text(o, s, n, width, precision);
    }
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        return -1;
    }
    /* Lone surrogates: carry them through in surrogatepass form. */
    PyErr_Clear();
    bytes = PyUnicode_AsEncodedString(str, "utf-8", "surrogatepass");
    if (bytes == NULL) {
        return -1;
    }
    o->surrogates = 1;
    res = out_text(o, PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes), width, precision);
    Py_DECREF(bytes);
    return res;
}

/* %s and %V's fallback: a C string, precision counting bytes, undecodable bytes replaced
   by U+FFFD; width counts code points. */
static int out_cstr(fmt_out *o, const char *s, Py_ssize_t width, Py_ssize_t precision)
{
    Py_ssize_t length;
    PyObject *str;
    int res;

    if (precision == -1) {
        length = (Py_ssize_t)strlen(s);
    }
    else {
        length = 0;
        while (length < precision && s[length]) {
            length++;
        }
    }
    if (utf8_strict_valid((const unsigned char *)s, length)) {
        return out_text(o, s, length, width, -1);
    }
    str = PyUnicode_DecodeUTF8(s, length, "replace");
    if (str == NULL) {
        return -1;
    }
    res = out_str(o, str, width, -1);
    Py_DECREF(str);
    return res;
}

/* The largest output of %lld, %llu or %p, plus the NUL. */
#define FMT_NUMBER_SIZE 32

/* Format one %-specification starting at f (which points to the '%').
   Returns the position after it, or NULL with an exception set. */
static const char *unicode_format_arg(fmt_out *o, const char *f, va_list *p_va)
{
    const char *p = f;
    Py_ssize_t width = -1, precision = -1;
    int zeropad = 0, longflag = 0, longlongflag = 0, size_tflag = 0;

    f++;
    if (*f == '0') {
        zeropad = 1;
        f++;
    }
    if (_pycapi_isdigit((unsigned char)*f)) {
        width = *f - '0';
        f++;
        while (_pycapi_isdigit((unsigned char)*f)) {
            if (width > (PY_SSIZE_T_MAX - (*f - '0')) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                return NULL;
            }
            width = width * 10 + (*f - '0');
            f++;
        }
    }
    if (*f == '.') {
        f++;
        if (_pycapi_isdigit((unsigned char)*f)) {
            precision = *f - '0';
            f++;
            while (_pycapi_isdigit((unsigned char)*f)) {
                if (precision > (PY_SSIZE_T_MAX - (*f - '0')) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    return NULL;
                }
                precision = precision * 10 + (*f - '0');
                f++;
            }
        }
        if (*f == '%') {
            /* "%.3%s": step back so that '3' is taken as the conversion (verbatim copy) */
            f--;
        }
    }
    if (*f == '\0') {
        /* a truncated specification such as "%.123" or a lone trailing '%' */
        f--;
    }

    if (*f == 'l') {
        if (f[1] == 'd' || f[1] == 'u' || f[1] == 'i') {
            longflag = 1;
            f++;
        }
        else if (f[1] == 'l' && (f[2] == 'd' || f[2] == 'u' || f[2] == 'i')) {
            longlongflag = 1;
            f += 2;
        }
    }
    else if (*f == 'z' && (f[1] == 'd' || f[1] == 'u' || f[1] == 'i')) {
        size_tflag = 1;
        f++;
    }

    switch (*f) {
    case 'c': {
        int ordinal = va_arg(*p_va, int);
        if (ordinal < 0 || ordinal > 0x10FFFF) {
            PyErr_SetString(PyExc_OverflowError, "character argument not in range(0x110000)");
            return NULL;
        }
        if (out_codepoint(o, (unsigned int)ordinal) < 0) {
            return NULL;
        }
        break;
    }

    case 'i':
    case 'd':
    case 'u':
    case 'x': {
        char number[FMT_NUMBER_SIZE];
        Py_ssize_t len;

        if (*f == 'u') {
            if (longflag) {
                len = snprintf(number, sizeof(number), "%lu", va_arg(*p_va, unsigned long));
            }
            else if (longlongflag) {
                len = snprintf(number, sizeof(number), "%llu", va_arg(*p_va, unsigned long long));
            }
            else if (size_tflag) {
                len = snprintf(number, sizeof(number), "%zu", va_arg(*p_va, size_t));
            }
            else {
                len = snprintf(number, sizeof(number), "%u", va_arg(*p_va, unsigned int));
            }
        }
        else if (*f == 'x') {
            len = snprintf(number, sizeof(number), "%x", (unsigned int)va_arg(*p_va, int));
        }
        else {
            if (longflag) {
                len = snprintf(number, sizeof(number), "%li", va_arg(*p_va, long));
            }
            else if (longlongflag) {
                len = snprintf(number, sizeof(number), "%lli", va_arg(*p_va, long long));
            }
            else if (size_tflag) {
                len = snprintf(number, sizeof(number), "%zi", va_arg(*p_va, Py_ssize_t));
            }
            else {
                len = snprintf(number, sizeof(number), "%i", va_arg(*p_va, int));
            }
        }
        /* 3.11 quirk kept: the precision counts the sign ("%.5d" of -42 is "00-42"). */
        if (precision < len) {
            precision = len;
        }
        if (width > precision) {
            if (_pycapi_buf_fill(&o->b, zeropad ? '0' : ' ', (size_t)(width - precision)) < 0) {
                return NULL;
            }
        }
        if (precision > len) {
            if (_pycapi_buf_fill(&o->b, '0', (size_t)(precision - len)) < 0) {
                return NULL;
            }
        }
        if (_pycapi_buf_append(&o->b, number, (size_t)len) < 0) {
            return NULL;
        }
        break;
    }

    case 'p': {
        char number[FMT_NUMBER_SIZE + 2];
        int len = snprintf(number, FMT_NUMBER_SIZE, "%p", va_arg(*p_va, void *));
        /* %p is implementation-defined: make sure of a leading "0x", as CPython does
           (glibc prints NULL as "(nil)", which becomes "0x(nil)"). */
        if (number[1] == 'X') {
            number[1] = 'x';
        }
        else if (number[1] != 'x') {
            memmove(number + 2, number, strlen(number) + 1);
            number[0] = '0';
            number[1] = 'x';
            len += 2;
        }
        if (_pycapi_buf_append(&o->b, number, (size_t)len) < 0) {
            return NULL;
        }
        break;
    }

    case 's': {
        const char *s = va_arg(*p_va, const char *);
        if (s == NULL) {
            /* CPython crashes here; raise instead. */
            PyErr_SetString(PyExc_SystemError, "PyUnicode_FromFormatV(): NULL string for %s");
            return NULL;
        }
        if (out_cstr(o, s, width, precision) < 0) {
            return NULL;
        }
        break;
    }

    case 'U': {
        PyObject *obj = va_arg(*p_va, PyObject *);
        if (obj == NULL) {
            PyErr_SetString(PyExc_SystemError, "PyUnicode_FromFormatV(): NULL object for %U");
            return NULL;
        }
        if (out_str(o, obj, width, precision) < 0) {
            return NULL;
        }
        break;
    }

    case 'V': {
        PyObject *obj = va_arg(*p_va, PyObject *);
        const char *s = va_arg(*p_va, const char *);
        if (obj != NULL) {
            if (out_str(o, obj, width, precision) < 0) {
                return NULL;
            }
        }
        else {
            if (s == NULL) {
                PyErr_SetString(PyExc_SystemError,
                                "PyUnicode_FromFormatV(): NULL object and string for %V");
                return NULL;
            }
            if (out_cstr(o, s, width, precision) < 0) {
                return NULL;
            }
        }
        break;
    }

    case 'S':
    case 'R':
    case 'A': {
        PyObject *obj = va_arg(*p_va, PyObject *);
        PyObject *str;
        int res;
        if (obj == NULL) {
            PyErr_Format(PyExc_SystemError, "PyUnicode_FromFormatV(): NULL object for %%%c", *f);
            return NULL;
        }
        if (*f == 'S') {
            str = PyObject_Str(obj);
        }
        else if (*f == 'R') {
            str = PyObject_Repr(obj);
        }
        else {
            str = PyObject_ASCII(obj);
        }
        if (str == NULL) {
            return NULL;
        }
        res = out_str(o, str, width, precision);
        Py_DECREF(str);
        if (res < 0) {
            return NULL;
        }
        break;
    }

    case '%':
        if (_pycapi_buf_append(&o->b, "%", 1) < 0) {
            return NULL;
        }
        break;

    default: {
        /* Unknown conversion: the arguments can no longer be matched, so the rest of
           the format (from this '%') is copied as it is, byte by byte as Latin-1. */
        const unsigned char *q;
        for (q = (const unsigned char *)p; *q; q++) {
            if (out_codepoint(o, *q) < 0) {
                return NULL;
            }
        }
        return (const char *)q;
    }
    }
    return f + 1;
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    char storage[512];
    fmt_out o;
    va_list va;
    const char *f;
    PyObject *result = NULL;

    _pycapi_buf_init(&o.b, storage, sizeof(storage));
    o.surrogates = 0;
    va_copy(va, vargs);

    for (f = format; *f;) {
        if (*f == '%') {
            f = unicode_format_arg(&o, f, &va);
            if (f == NULL) {
                goto done;
            }
        }
        else {
            const char *q = f;
            do {
                if ((unsigned char)*q > 127) {
                    PyErr_Format(PyExc_ValueError,
                                 "PyUnicode_FromFormatV() expects an ASCII-encoded format "
                                 "string, got a non-ASCII byte: 0x%02x",
                                 (unsigned char)*q);
                    goto done;
                }
                q++;
            } while (*q != '\0' && *q != '%');
            if (_pycapi_buf_append(&o.b, f, (size_t)(q - f)) < 0) {
                goto done;
            }
            f = q;
        }
    }
    result = o.surrogates ? PyUnicode_DecodeUTF8(o.b.data, (Py_ssize_t)o.b.len, "surrogatepass")
                          : PyUnicode_FromStringAndSize(o.b.data, (Py_ssize_t)o.b.len);
done:
    va_end(va);
    _pycapi_buf_free(&o.b);
    return result;
}

PyObject *PyUnicode_FromFormat(const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = PyUnicode_FromFormatV(format, va);
    va_end(va);
    return result;
}

PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
{
    char storage[512];
    char number[FMT_NUMBER_SIZE + 2];
    _pycapi_buf b;
    va_list va;
    const char *f;
    PyObject *result = NULL;

    _pycapi_buf_init(&b, storage, sizeof(storage));
    va_copy(va, vargs);

#define BF_APPEND(s, n)                                  \
    do {                                                 \
        if (_pycapi_buf_append(&b, (s), (n)) < 0)        \
            goto done;                                   \
    } while (0)

    for (f = format; *f; f++) {
        const char *p;
        Py_ssize_t prec;
        int longflag, size_tflag;

        if (*f != '%') {
            BF_APPEND(f, 1);
            continue;
        }
        p = f++;

        /* the width is parsed and ignored */
        while (_pycapi_isdigit((unsigned char)*f)) {
            f++;
        }
        prec = 0;
        if (*f == '.') {
            f++;
            for (; _pycapi_isdigit((unsigned char)*f); f++) {
                prec = prec * 10 + (*f - '0');
            }
        }
        while (*f && *f != '%' && !_pycapi_isalpha((unsigned char)*f)) {
            f++;
        }
        longflag = 0;
        if (*f == 'l' && (f[1] == 'd' || f[1] == 'u')) {
            longflag = 1;
            f++;
        }
        size_tflag = 0;
        if (*f == 'z' && (f[1] == 'd' || f[1] == 'u')) {
            size_tflag = 1;
            f++;
        }

        switch (*f) {
        case 'c': {
            int c = va_arg(va, int);
            char ch;
            if (c < 0 || c > 255) {
                PyErr_SetString(PyExc_OverflowError,
                                "PyBytes_FromFormatV(): %c format expects an integer in range [0; 255]");
                goto done;
            }
            ch = (char)(unsigned char)c;
            BF_APPEND(&ch, 1);
            break;
        }
        case 'd':
            if (longflag) {
                snprintf(number, sizeof(number), "%ld", va_arg(va, long));
            }
            else if (size_tflag) {
                snprintf(number, sizeof(number), "%zd", va_arg(va, Py_ssize_t));
            }
            else {
                snprintf(number, sizeof(number), "%d", va_arg(va, int));
            }
            BF_APPEND(number, strlen(number));
            break;
        case 'u':
            if (longflag) {
                snprintf(number, sizeof(number), "%lu", va_arg(va, unsigned long));
            }
            else if (size_tflag) {
                snprintf(number, sizeof(number), "%zu", va_arg(va, size_t));
            }
            else {
                snprintf(number, sizeof(number), "%u", va_arg(va, unsigned int));
            }
            BF_APPEND(number, strlen(number));
            break;
        case 'i':
            snprintf(number, sizeof(number), "%i", va_arg(va, int));
            BF_APPEND(number, strlen(number));
            break;
        case 'x':
            snprintf(number, sizeof(number), "%x", (unsigned int)va_arg(va, int));
            BF_APPEND(number, strlen(number));
            break;
        case 's': {
            const char *s = va_arg(va, const char *);
            Py_ssize_t i;
            if (prec <= 0) {
                i = (Py_ssize_t)strlen(s);
            }
            else {
                i = 0;
                while (i < prec && s[i]) {
                    i++;
                }
            }
            BF_APPEND(s, (size_t)i);
            break;
        }
        case 'p':
            snprintf(number, FMT_NUMBER_SIZE, "%p", va_arg(va, void *));
            if (number[1] == 'X') {
                number[1] = 'x';
            }
            else if (number[1] != 'x') {
                memmove(number + 2, number, strlen(number) + 1);
                number[0] = '0';
                number[1] = 'x';
            }
            BF_APPEND(number, strlen(number));
            break;
        case '%':
            BF_APPEND("%", 1);
            break;
        default:
            /* invalid conversion: copy the rest of the format unformatted and stop */
            BF_APPEND(p, strlen(p));
            goto finish;
        }
    }
#undef BF_APPEND

finish:
    result = PyBytes_FromStringAndSize(b.data, (Py_ssize_t)b.len);
done:
    va_end(va);
    _pycapi_buf_free(&b);
    return result;
}

PyObject *PyBytes_FromFormat(const char *format, ...)
{
    va_list va;
    PyObject *result;

    va_start(va, format);
    result = PyBytes_FromFormatV(format, va);
    va_end(va);
    return result;
}
