/* Argument parsing: PyArg_Parse, PyArg_ParseTuple, PyArg_ParseTupleAndKeywords, their
   va_list and _SizeT forms, _PyArg_UnpackKeywords (Argument Clinic's), PyArg_UnpackTuple,
   PyArg_ValidateKeywordArguments and the small _PyArg_* checks. Behaviour and messages
   follow CPython 3.11 (Python/getargs.c); the converters call only public API functions. */
#include "Python.h"
#include "pycapi_internal.h"

#include <float.h>

#define FLAG_COMPAT 1 /* PyArg_Parse: the object itself is the single argument */
#define FLAG_SIZE_T 2 /* '#' lengths are Py_ssize_t (PY_SSIZE_T_CLEAN) */

#ifndef Py_CLEANUP_SUPPORTED
#define Py_CLEANUP_SUPPORTED 0x20000
#endif

/* The deepest tuple nesting a format may use (CPython's limit). */
#define GA_MAX_LEVELS 30

/* ---- things to undo when parsing fails ------------------------------------------- */

typedef int (*ga_destructor)(PyObject *, void *);

typedef struct {
    void *item;
    ga_destructor destructor;
} ga_cleanup;

#define GA_STATIC_CLEANUPS 8

typedef struct {
    ga_cleanup *entries;
    int used;
    int cap;
    ga_cleanup static_entries[GA_STATIC_CLEANUPS];
} ga_freelist;

static void ga_freelist_init(ga_freelist *fl)
{
    fl->entries = fl->static_entries;
    fl->used = 0;
    fl->cap = GA_STATIC_CLEANUPS;
}

static int ga_addcleanup(void *item, ga_freelist *fl, ga_destructor destructor)
{
    if (fl->used == fl->cap) {
        int ncap = fl->cap * 2;
        ga_cleanup *n;
        if (fl->entries == fl->static_entries) {
            n = PyMem_New(ga_cleanup, ncap);
            if (n != NULL) {
                memcpy(n, fl->entries, sizeof(ga_cleanup) * (size_t)fl->used);
            }
        }
        else {
            n = fl->entries;
            PyMem_Resize(n, ga_cleanup, ncap);
        }
        if (n == NULL) {
            /* undo this one now, the caller reports the failure */
            destructor(NULL, item);
            PyErr_NoMemory();
            return -1;
        }
        fl->entries = n;
        fl->cap = ncap;
    }
    fl->entries[fl->used].item = item;
    fl->entries[fl->used].destructor = destructor;
    fl->used++;
    return 0;
}

static int ga_cleanreturn(int retval, ga_freelist *fl)
{
    int i;

    if (retval == 0) {
        for (i = 0; i < fl->used; i++) {
            fl->entries[i].destructor(NULL, fl->entries[i].item);
        }
    }
    if (fl->entries != fl->static_entries) {
        PyMem_Free(fl->entries);
    }
    fl->entries = fl->static_entries;
    fl->used = 0;
    return retval;
}

static int ga_cleanup_ptr(PyObject *self, void *ptr)
{
    void **pptr = (void **)ptr;
    (void)self;
    PyMem_Free(*pptr);
    *pptr = NULL;
    return 0;
}

static int ga_cleanup_buffer(PyObject *self, void *ptr)
{
    (void)self;
    if (ptr != NULL) {
        PyBuffer_Release((Py_buffer *)ptr);
    }
    return 0;
}

/* ---- types without a header in include/ ------------------------------------------ */

#ifndef PyByteArray_Check
/* builtins.<name> as a type, cached for the life of the process (NULL if missing). */
static PyTypeObject *ga_builtin_type(const char *name, PyTypeObject **cache)
{
    PyObject *type, *value, *tb, *mod, *t;

    if (*cache != NULL) {
        return *cache;
    }
    PyErr_Fetch(&type, &value, &tb);
    mod = PyImport_ImportModule("builtins");
    if (mod != NULL) {
        t = PyObject_GetAttrString(mod, name);
        Py_DECREF(mod);
        if (t != NULL && PyType_Check(t)) {
            *cache = (PyTypeObject *)t; /* the reference is kept */
        }
        else {
            Py_XDECREF(t);
        }
    }
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
    return *cache;
}

#endif

#ifndef PyByteArray_Check
static PyTypeObject *ga_bytearray_cache;
#endif

static int ga_is_bytearray(PyObject *arg)
{
#ifdef PyByteArray_Check
    return PyByteArray_Check(arg);
#else
    PyTypeObject *t;
    if (PyBytes_Check(arg) || PyUnicode_Check(arg) || PyLong_Check(arg) || PyTuple_Check(arg)) {
        return 0;
    }
    t = ga_builtin_type("bytearray", &ga_bytearray_cache);
    return t != NULL && PyObject_TypeCheck(arg, t);
#endif
}

/* ---- messages ----------------------------------------------------------------------- */

static const char *converterr(const char *expected, PyObject *arg, char *msgbuf, size_t bufsize)
{
    if (expected[0] == '(') {
        snprintf(msgbuf, bufsize, "%.100s", expected);
    }
    else {
        snprintf(msgbuf, bufsize, "must be %.50s, not %.50s", expected,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
    }
    return msgbuf;
}

#define CONV_UNICODE "(unicode conversion error)"

static void seterror(Py_ssize_t iarg, const char *msg, int *levels, const char *fname,
                     const char *message)
{
    char buf[512];
    char *p = buf;
    int i;

    if (PyErr_Occurred()) {
        return;
    }
    if (message == NULL) {
        if (fname != NULL) {
            snprintf(p, sizeof(buf), "%.200s() ", fname);
            p += strlen(p);
        }
        if (iarg != 0) {
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument %zd", iarg);
            p += strlen(p);
            i = 0;
            while (i < 32 && levels[i] > 0 && (int)(p - buf) < 220) {
                snprintf(p, sizeof(buf) - (size_t)(p - buf), ", item %d", levels[i] - 1);
                p += strlen(p);
                i++;
            }
        }
        else {
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument");
            p += strlen(p);
        }
        snprintf(p, sizeof(buf) - (size_t)(p - buf), " %.256s", msg);
        message = buf;
    }
    if (msg[0] == '(') {
        PyErr_SetString(PyExc_SystemError, message);
    }
    else {
        PyErr_SetString(PyExc_TypeError, message);
    }
}

/* ---- buffers ------------------------------------------------------------------------ */

static int getbuffer(PyObject *arg, Py_buffer *view, const char **errmsg)
{
    if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0) {
        *errmsg = "bytes-like object";
        return -1;
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        *errmsg = "contiguous buffer";
        return -1;
    }
    return 0;
}

/* A read-only buffer whose memory stays valid without a Py_buffer being held: refused
   for types with bf_releasebuffer (bytearray, memoryview, ...). */
static Py_ssize_t convertbuffer(PyObject *arg, const void **p, const char **errmsg)
{
    PyBufferProcs *pb = Py_TYPE(arg)->tp_as_buffer;
    Py_buffer view;
    Py_ssize_t count;

    *errmsg = NULL;
    *p = NULL;
    if (pb != NULL && pb->bf_releasebuffer != NULL) {
        *errmsg = "read-only bytes-like object";
        return -1;
    }
    if (getbuffer(arg, &view, errmsg) < 0) {
        return -1;
    }
    count = view.len;
    *p = view.buf;
    PyBuffer_Release(&view);
    return count;
}

/* ---- converting one argument -------------------------------------------------------- */

static const char *convertitem(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                               int *levels, int depth, char *msgbuf, size_t bufsize,
                               ga_freelist *freelist);

/* Return NULL when the conversion went well, else a message ("must be <expected>, not
   <type>", or "(...)" for a misuse of the API); an exception may have been set. */
static const char *convertsimple(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                                 char *msgbuf, size_t bufsize, ga_freelist *freelist)
{
#define RETURN_ERR_OCCURRED return msgbuf
#define REQUIRE_PY_SSIZE_T_CLEAN                                                           \
    if (!(flags & FLAG_SIZE_T)) {                                                          \
        PyErr_SetString(PyExc_SystemError,                                                 \
                        "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");         \
        RETURN_ERR_OCCURRED;                                                               \
    }

    const char *format = *p_format;
    char c = *format++;

    switch (c) {

    case 'b': { /* unsigned char, range-checked */
        char *p = va_arg(*p_va, char *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        if (ival < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        if (ival > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        *p = (char)(unsigned char)ival;
        break;
    }

    case 'B': { /* unsigned char, no range check */
        char *p = va_arg(*p_va, char *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = (char)(unsigned char)ival;
        break;
    }

    case 'h': { /* short, range-checked */
        short *p = va_arg(*p_va, short *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        if (ival < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        if (ival > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        *p = (short)ival;
        break;
    }

    case 'H': { /* unsigned short, no range check */
        unsigned short *p = va_arg(*p_va, unsigned short *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = (unsigned short)ival;
        break;
    }

    case 'i': { /* int, range-checked */
        int *p = va_arg(*p_va, int *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        if (ival > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        if (ival < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        *p = (int)ival;
        break;
    }

    case 'I': { /* unsigned int, no range check */
        unsigned int *p = va_arg(*p_va, unsigned int *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = (unsigned int)ival;
        break;
    }

    case 'n': { /* Py_ssize_t, via __index__ */
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        Py_ssize_t ival = -1;
        PyObject *iobj = PyNumber_Index(arg);
        if (iobj != NULL) {
            ival = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }
        if (ival == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = ival;
        break;
    }

    case 'l': { /* long */
        long *p = va_arg(*p_va, long *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = ival;
        break;
    }

    case 'k': { /* unsigned long, no range check, int only */
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!PyLong_Check(arg)) {
            return converterr("int", arg, msgbuf, bufsize);
        }
        *p = PyLong_AsUnsignedLongMask(arg);
        break;
    }

    case 'L': { /* long long */
        long long *p = va_arg(*p_va, long long *);
        long long ival = PyLong_AsLongLong(arg);
        if (ival == (long long)-1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = ival;
        break;
    }

    case 'K': { /* unsigned long long, no range check, int only */
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!PyLong_Check(arg)) {
            return converterr("int", arg, msgbuf, bufsize);
        }
        *p = PyLong_AsUnsignedLongLongMask(arg);
        break;
    }

    case 'f': { /* float */
        float *p = va_arg(*p_va, float *);
        double dval = PyFloat_AsDouble(arg);
        if (dval == -1.0 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = (float)dval;
        break;
    }

    case 'd': { /* double */
        double *p = va_arg(*p_va, double *);
        double dval = PyFloat_AsDouble(arg);
        if (dval == -1.0 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = dval;
        break;
    }

    case 'D': { /* Py_complex */
        Py_complex *p = va_arg(*p_va, Py_complex *);
        Py_complex cval = PyComplex_AsCComplex(arg);
        if (PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = cval;
        break;
    }

    case 'c': { /* bytes or bytearray of length 1 -> char */
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
            *p = PyBytes_AS_STRING(arg)[0];
        }
        else if (ga_is_bytearray(arg)) {
            Py_buffer view;
            int ok = 0;
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) == 0) {
                if (view.len == 1) {
                    *p = ((const char *)view.buf)[0];
                    ok = 1;
                }
                PyBuffer_Release(&view);
            }
            else {
                PyErr_Clear();
            }
            if (!ok) {
                return converterr("a byte string of length 1", arg, msgbuf, bufsize);
            }
        }
        else {
            return converterr("a byte string of length 1", arg, msgbuf, bufsize);
        }
        break;
    }

    case 'C': { /* str of length 1 -> int */
        int *p = va_arg(*p_va, int *);
        Py_ssize_t len;
        Py_UCS4 ch;
        if (!PyUnicode_Check(arg)) {
            return converterr("a unicode character", arg, msgbuf, bufsize);
        }
        len = PyUnicode_GetLength(arg);
        if (len == -1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        if (len != 1) {
            return converterr("a unicode character", arg, msgbuf, bufsize);
        }
        ch = PyUnicode_ReadChar(arg, 0);
        if (ch == (Py_UCS4)-1 && PyErr_Occurred()) {
            RETURN_ERR_OCCURRED;
        }
        *p = (int)ch;
        break;
    }

    case 'p': { /* truth value -> int */
        int *p = va_arg(*p_va, int *);
        int val = PyObject_IsTrue(arg);
        if (val < 0) {
            RETURN_ERR_OCCURRED;
        }
        *p = val > 0;
        break;
    }

    case 'y': { /* bytes-like object */
        void **p = (void **)va_arg(*p_va, char **);
        const char *buf;
        Py_ssize_t count;
        if (*format == '*') {
            if (getbuffer(arg, (Py_buffer *)p, &buf) < 0) {
                return converterr(buf, arg, msgbuf, bufsize);
            }
            format++;
            if (ga_addcleanup(p, freelist, ga_cleanup_buffer)) {
                return converterr("(cleanup problem)", arg, msgbuf, bufsize);
            }
            break;
        }
        count = convertbuffer(arg, (const void **)p, &buf);
        if (count < 0) {
            return converterr(buf, arg, msgbuf, bufsize);
        }
        if (*format == '#') {
            Py_ssize_t *psize;
            REQUIRE_PY_SSIZE_T_CLEAN;
            psize = va_arg(*p_va, Py_ssize_t *);
            *psize = count;
            format++;
        }
        else if (strlen((const char *)*p) != (size_t)count) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            RETURN_ERR_OCCURRED;
        }
        break;
    }

    case 's': /* str (UTF-8) or bytes-like object */
    case 'z': /* the same, or None */
        if (*format == '*') {
            Py_buffer *p = va_arg(*p_va, Py_buffer *);
            if (c == 'z' && arg == Py_None) {
                PyBuffer_FillInfo(p, NULL, NULL, 0, 1, 0);
            }
            else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                }
                PyBuffer_FillInfo(p, arg, (void *)sarg, len, 1, 0);
            }
            else {
                const char *buf;
                if (getbuffer(arg, p, &buf) < 0) {
                    return converterr(buf, arg, msgbuf, bufsize);
                }
            }
            if (ga_addcleanup(p, freelist, ga_cleanup_buffer)) {
                return converterr("(cleanup problem)", arg, msgbuf, bufsize);
            }
            format++;
        }
        else if (*format == '#') {
            const void **p = (const void **)va_arg(*p_va, const char **);
            Py_ssize_t *psize;
            REQUIRE_PY_SSIZE_T_CLEAN;
            psize = va_arg(*p_va, Py_ssize_t *);
            if (c == 'z' && arg == Py_None) {
                *p = NULL;
                *psize = 0;
            }
            else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                }
                *p = sarg;
                *psize = len;
            }
            else {
                const char *buf;
                Py_ssize_t count = convertbuffer(arg, p, &buf);
                if (count < 0) {
                    return converterr(buf, arg, msgbuf, bufsize);
                }
                *psize = count;
            }
            format++;
        }
        else {
            const char **p = va_arg(*p_va, const char **);
            if (c == 'z' && arg == Py_None) {
                *p = NULL;
            }
            else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                }
                if (strlen(sarg) != (size_t)len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null character");
                    RETURN_ERR_OCCURRED;
                }
                *p = sarg;
            }
            else {
                return converterr(c == 'z' ? "str or None" : "str", arg, msgbuf, bufsize);
            }
        }
        break;

    case 'u': /* Py_UNICODE * (wchar_t *): deprecated, removed in 3.12 */
    case 'Z': { /* the same, or None */
        wchar_t **p;
        Py_ssize_t *psize = NULL;
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "getargs: The '%c' format is deprecated. Use 'U' instead.", c)) {
            RETURN_ERR_OCCURRED;
        }
        p = va_arg(*p_va, wchar_t **);
        if (*format == '#') {
            REQUIRE_PY_SSIZE_T_CLEAN;
            psize = va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        if (c == 'Z' && arg == Py_None) {
            *p = NULL;
            if (psize != NULL) {
                *psize = 0;
            }
        }
        else if (PyUnicode_Check(arg)) {
            /* A Py_UNICODE buffer must live as long as the str object (CPython caches it
               in the object); libpycapi has no such cache. */
            PyErr_Format(PyExc_SystemError,
                         "libpycapi does not support the deprecated '%c' format unit for str "
                         "arguments (use 'U')", c);
            RETURN_ERR_OCCURRED;
        }
        else {
            return converterr(c == 'Z' ? "str or None" : "str", arg, msgbuf, bufsize);
        }
        break;
    }

    case 'e': { /* encoded string: es, et, es#, et# */
        char **buffer;
        const char *encoding;
        PyObject *s = NULL;
        Py_buffer view;
        int have_view = 0;
        int recode_strings;
        Py_ssize_t size;
        const char *ptr;

        encoding = va_arg(*p_va, const char *);
        if (encoding == NULL) {
            encoding = "utf-8";
        }
        if (*format == 's') {
            recode_strings = 1;
        }
        else if (*format == 't') {
            recode_strings = 0;
        }
        else {
            return converterr("(unknown parser marker combination)", arg, msgbuf, bufsize);
        }
        buffer = va_arg(*p_va, char **);
        format++;
        if (buffer == NULL) {
            return converterr("(buffer is NULL)", arg, msgbuf, bufsize);
        }

        if (!recode_strings && PyBytes_Check(arg)) {
            s = Py_NewRef(arg);
            size = PyBytes_GET_SIZE(s);
            ptr = PyBytes_AS_STRING(s);
        }
        else if (!recode_strings && ga_is_bytearray(arg)) {
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
                RETURN_ERR_OCCURRED;
            }
            have_view = 1;
            size = view.len;
            ptr = view.buf != NULL ? (const char *)view.buf : "";
        }
        else if (PyUnicode_Check(arg)) {
            s = PyUnicode_AsEncodedString(arg, encoding, NULL);
            if (s == NULL) {
                return converterr("(encoding failed)", arg, msgbuf, bufsize);
            }
            if (!PyBytes_Check(s)) {
                Py_DECREF(s);
                PyErr_Format(PyExc_TypeError, "'%.200s' encoder returned '%.200s' instead of 'bytes'",
                             encoding, Py_TYPE(s)->tp_name);
                RETURN_ERR_OCCURRED;
            }
            size = PyBytes_GET_SIZE(s);
            ptr = PyBytes_AS_STRING(s);
        }
        else {
            return converterr(recode_strings ? "str" : "str, bytes or bytearray",
                              arg, msgbuf, bufsize);
        }

#define E_RELEASE()                          \
    do {                                     \
        Py_XDECREF(s);                       \
        if (have_view)                       \
            PyBuffer_Release(&view);         \
    } while (0)

        if (*format == '#') {
            /* *buffer NULL: a new PyMem buffer is made (the caller frees it);
               otherwise the data (and a NUL) must fit in *psize bytes.
               *psize is set to the length without the NUL. */
            Py_ssize_t *psize;
            if (!(flags & FLAG_SIZE_T)) {
                E_RELEASE();
                PyErr_SetString(PyExc_SystemError,
                                "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
                RETURN_ERR_OCCURRED;
            }
            psize = va_arg(*p_va, Py_ssize_t *);
            format++;
            if (psize == NULL) {
                E_RELEASE();
                return converterr("(buffer_len is NULL)", arg, msgbuf, bufsize);
            }
            if (*buffer == NULL) {
                *buffer = PyMem_New(char, size + 1);
                if (*buffer == NULL) {
                    E_RELEASE();
                    PyErr_NoMemory();
                    RETURN_ERR_OCCURRED;
                }
                if (ga_addcleanup(buffer, freelist, ga_cleanup_ptr)) {
                    E_RELEASE();
                    return converterr("(cleanup problem)", arg, msgbuf, bufsize);
                }
            }
            else if (size + 1 > *psize) {
                E_RELEASE();
                PyErr_Format(PyExc_ValueError,
                             "encoded string too long (%zd, maximum length %zd)",
                             size, (Py_ssize_t)(*psize - 1));
                RETURN_ERR_OCCURRED;
            }
            memcpy(*buffer, ptr, (size_t)size);
            (*buffer)[size] = '\0';
            *psize = size;
        }
        else {
            /* a new NUL-terminated PyMem buffer; embedded NULs are refused */
            if (memchr(ptr, '\0', (size_t)size) != NULL) {
                E_RELEASE();
                return converterr("encoded string without null bytes", arg, msgbuf, bufsize);
            }
            *buffer = PyMem_New(char, size + 1);
            if (*buffer == NULL) {
                E_RELEASE();
                PyErr_NoMemory();
                RETURN_ERR_OCCURRED;
            }
            if (ga_addcleanup(buffer, freelist, ga_cleanup_ptr)) {
                E_RELEASE();
                return converterr("(cleanup problem)", arg, msgbuf, bufsize);
            }
            memcpy(*buffer, ptr, (size_t)size);
            (*buffer)[size] = '\0';
        }
        E_RELEASE();
#undef E_RELEASE
        break;
    }

    case 'S': { /* bytes object */
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg)) {
            return converterr("bytes", arg, msgbuf, bufsize);
        }
        *p = arg;
        break;
    }

    case 'Y': { /* bytearray object */
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!ga_is_bytearray(arg)) {
            return converterr("bytearray", arg, msgbuf, bufsize);
        }
        *p = arg;
        break;
    }

    case 'U': { /* str object */
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg)) {
            return converterr("str", arg, msgbuf, bufsize);
        }
        *p = arg;
        break;
    }

    case 'O': /* object: O, O!, O& */
        if (*format == '!') {
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            format++;
            if (!PyType_IsSubtype(Py_TYPE(arg), type)) {
                return converterr(type->tp_name, arg, msgbuf, bufsize);
            }
            *p = arg;
        }
        else if (*format == '&') {
            typedef int (*ga_converter)(PyObject *, void *);
            ga_converter convert = va_arg(*p_va, ga_converter);
            void *addr = va_arg(*p_va, void *);
            int res;
            format++;
            res = convert(arg, addr);
            if (!res) {
                return converterr("(unspecified)", arg, msgbuf, bufsize);
            }
            if (res == Py_CLEANUP_SUPPORTED && ga_addcleanup(addr, freelist, convert) == -1) {
                return converterr("(cleanup problem)", arg, msgbuf, bufsize);
            }
        }
        else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;

    case 'w': { /* w*: writable contiguous buffer */
        Py_buffer *p = va_arg(*p_va, Py_buffer *);
        if (*format != '*') {
            return converterr("(invalid use of 'w' format character)", arg, msgbuf, bufsize);
        }
        format++;
        if (PyObject_GetBuffer(arg, p, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            return converterr("read-write bytes-like object", arg, msgbuf, bufsize);
        }
        if (!PyBuffer_IsContiguous(p, 'C')) {
            PyBuffer_Release(p);
            return converterr("contiguous buffer", arg, msgbuf, bufsize);
        }
        if (ga_addcleanup(p, freelist, ga_cleanup_buffer)) {
            return converterr("(cleanup problem)", arg, msgbuf, bufsize);
        }
        break;
    }

    default:
        return converterr("(impossible<bad format char>)", arg, msgbuf, bufsize);
    }

    *p_format = format;
    return NULL;

#undef REQUIRE_PY_SSIZE_T_CLEAN
#undef RETURN_ERR_OCCURRED
}

/* A nested "(...)" unit. *p_format points after the '('; on success it is left on the
   matching ')'. On failure levels[] holds the 1-based item path, 0-terminated. */
static const char *converttuple(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                                int *levels, int depth, char *msgbuf, size_t bufsize,
                                ga_freelist *freelist)
{
    const char *format = *p_format;
    int level = 0, n = 0, i;
    Py_ssize_t len;

    for (;;) {
        int c = *format++;
        if (c == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (c == ')') {
            if (level == 0) {
                break;
            }
            level--;
        }
        else if (c == ':' || c == ';' || c == '\0') {
            break;
        }
        else if (level == 0 && _pycapi_isalpha(c)) {
            n++;
        }
    }

    if (!PySequence_Check(arg) || PyBytes_Check(arg)) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be %d-item sequence, not %.50s", n,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        return msgbuf;
    }
    len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be sequence of length %d, not %zd", n, len);
        return msgbuf;
    }

    format = *p_format;
    for (i = 0; i < n; i++) {
        const char *msg;
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            snprintf(msgbuf, bufsize, "is not retrievable");
            return msgbuf;
        }
        msg = convertitem(item, &format, p_va, flags, levels + 1, depth + 1, msgbuf, bufsize,
                          freelist);
        Py_DECREF(item);
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

static const char *convertitem(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                               int *levels, int depth, char *msgbuf, size_t bufsize,
                               ga_freelist *freelist)
{
    const char *msg;
    const char *format = *p_format;

    if (*format == '(') {
        if (depth >= GA_MAX_LEVELS) {
            levels[0] = 0;
            snprintf(msgbuf, bufsize, "(too many tuple nesting levels in argument format string)");
            return msgbuf;
        }
        format++;
        msg = converttuple(arg, &format, p_va, flags, levels, depth, msgbuf, bufsize, freelist);
        if (msg == NULL) {
            format++;
        }
    }
    else {
        msg = convertsimple(arg, &format, p_va, flags, msgbuf, bufsize, freelist);
        if (msg != NULL) {
            levels[0] = 0;
        }
    }
    if (msg == NULL) {
        *p_format = format;
    }
    return msg;
}

/* ---- PyArg_Parse and PyArg_ParseTuple ------------------------------------------------- */

static int vgetargs1(PyObject *args, const char *format, va_list *p_va, int flags)
{
    char msgbuf[256];
    int levels[32];
    const char *fname = NULL;
    const char *message = NULL;
    int min = -1, max = 0, level = 0, endfmt = 0;
    const char *formatsave = format;
    Py_ssize_t i, nargs = 0;
    const char *msg;
    int compat = flags & FLAG_COMPAT;
    ga_freelist freelist;

    ga_freelist_init(&freelist);
    flags &= ~FLAG_COMPAT;

    if (!compat) {
        if (args == NULL || !PyTuple_Check(args)) {
            PyErr_SetString(PyExc_SystemError,
                            "new style getargs format but argument is not a tuple");
            return 0;
        }
        nargs = PyTuple_GET_SIZE(args);
    }

    while (endfmt == 0) {
        int c = *format++;
        switch (c) {
        case '(':
            if (level == 0) {
                max++;
            }
            level++;
            if (level >= GA_MAX_LEVELS) {
                Py_FatalError("too many tuple nesting levels in argument format string");
            }
            break;
        case ')':
            if (level == 0) {
                Py_FatalError("excess ')' in getargs format");
            }
            level--;
            break;
        case '\0':
            endfmt = 1;
            break;
        case ':':
            fname = format;
            endfmt = 1;
            break;
        case ';':
            message = format;
            endfmt = 1;
            break;
        case '|':
            if (level == 0) {
                min = max;
            }
            break;
        default:
            if (level == 0 && _pycapi_isalpha(c) && c != 'e') {
                max++;
            }
            break;
        }
    }
    if (level != 0) {
        Py_FatalError("missing ')' in getargs format");
    }
    if (min < 0) {
        min = max;
    }
    format = formatsave;

    if (compat) {
        if (max == 0) {
            if (args == NULL) {
                return 1;
            }
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
            return ga_cleanreturn(0, &freelist);
        }
        if (min == 1 && max == 1) {
            if (args == NULL) {
                PyErr_Format(PyExc_TypeError, "%.200s%s takes at least one argument",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                return ga_cleanreturn(0, &freelist);
            }
            msg = convertitem(args, &format, p_va, flags, levels, 0, msgbuf, sizeof(msgbuf),
                              &freelist);
            if (msg == NULL) {
                return ga_cleanreturn(1, &freelist);
            }
            seterror(levels[0], msg, levels + 1, fname, message);
            return ga_cleanreturn(0, &freelist);
        }
        PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
        return ga_cleanreturn(0, &freelist);
    }

    if (nargs < min || max < nargs) {
        if (message == NULL) {
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         fname == NULL ? "function" : fname,
                         fname == NULL ? "" : "()",
                         min == max ? "exactly" : nargs < min ? "at least" : "at most",
                         nargs < min ? min : max,
                         (nargs < min ? min : max) == 1 ? "" : "s",
                         nargs);
        }
        else {
            PyErr_SetString(PyExc_TypeError, message);
        }
        return ga_cleanreturn(0, &freelist);
    }

    for (i = 0; i < nargs; i++) {
        if (*format == '|') {
            format++;
        }
        msg = convertitem(PyTuple_GET_ITEM(args, i), &format, p_va, flags, levels, 0,
                          msgbuf, sizeof(msgbuf), &freelist);
        if (msg) {
            seterror(i + 1, msg, levels, fname, message);
            return ga_cleanreturn(0, &freelist);
        }
    }

    if (*format != '\0' && !_pycapi_isalpha((unsigned char)*format) && *format != '(' &&
        *format != '|' && *format != ':' && *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", formatsave);
        return ga_cleanreturn(0, &freelist);
    }
    return ga_cleanreturn(1, &freelist);
}

int PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;

    va_start(va, format);
    r = vgetargs1(args, format, &va, FLAG_COMPAT);
    va_end(va);
    return r;
}

int _PyArg_Parse_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;

    va_start(va, format);
    r = vgetargs1(args, format, &va, FLAG_COMPAT | FLAG_SIZE_T);
    va_end(va);
    return r;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;

    va_start(va, format);
    r = vgetargs1(args, format, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;

    va_start(va, format);
    r = vgetargs1(args, format, &va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    va_list lva;
    int r;

    va_copy(lva, va);
    r = vgetargs1(args, format, &lva, 0);
    va_end(lva);
    return r;
}

int _PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va)
{
    va_list lva;
    int r;

    va_copy(lva, va);
    r = vgetargs1(args, format, &lva, FLAG_SIZE_T);
    va_end(lva);
    return r;
}

/* ---- PyArg_ParseTupleAndKeywords ------------------------------------------------------ */

#define IS_END_OF_FORMAT(c) ((c) == '\0' || (c) == ';' || (c) == ':')

/* Step over one format unit (and its va_list arguments when p_va is not NULL).
   NULL on success, else a message for SystemError. */
static const char *skipitem(const char **p_format, va_list *p_va, int flags)
{
    const char *format = *p_format;
    char c = *format++;

    switch (c) {
    /* a single pointer */
    case 'b':
    case 'B':
    case 'h':
    case 'H':
    case 'i':
    case 'I':
    case 'l':
    case 'k':
    case 'L':
    case 'K':
    case 'n':
    case 'f':
    case 'd':
    case 'D':
    case 'c':
    case 'C':
    case 'p':
    case 'S':
    case 'Y':
    case 'U':
        if (p_va != NULL) {
            (void)va_arg(*p_va, void *);
        }
        break;

    case 'e':
        if (p_va != NULL) {
            (void)va_arg(*p_va, const char *);
        }
        if (!(*format == 's' || *format == 't')) {
            return "impossible<bad format char>";
        }
        format++;
        /* fall through */
    case 's':
    case 'z':
    case 'y':
    case 'u':
    case 'Z':
    case 'w':
        if (p_va != NULL) {
            (void)va_arg(*p_va, char **);
        }
        if (*format == '#') {
            if (p_va != NULL) {
                if (!(flags & FLAG_SIZE_T)) {
                    return "PY_SSIZE_T_CLEAN macro must be defined for '#' formats";
                }
                (void)va_arg(*p_va, Py_ssize_t *);
            }
            format++;
        }
        else if ((c == 's' || c == 'z' || c == 'y' || c == 'w') && *format == '*') {
            format++;
        }
        break;

    case 'O':
        if (*format == '!') {
            format++;
            if (p_va != NULL) {
                (void)va_arg(*p_va, PyTypeObject *);
                (void)va_arg(*p_va, PyObject **);
            }
        }
        else if (*format == '&') {
            if (p_va != NULL) {
                typedef int (*ga_converter)(PyObject *, void *);
                (void)va_arg(*p_va, ga_converter);
                (void)va_arg(*p_va, void *);
            }
            format++;
        }
        else if (p_va != NULL) {
            (void)va_arg(*p_va, PyObject **);
        }
        break;

    case '(':
        for (;;) {
            const char *msg;
            if (*format == ')') {
                break;
            }
            if (IS_END_OF_FORMAT(*format)) {
                return "Unmatched left paren in format string";
            }
            msg = skipitem(&format, p_va, flags);
            if (msg) {
                return msg;
            }
        }
        format++;
        break;

    case ')':
        return "Unmatched right paren in format string";

    default:
        return "impossible<bad format char>";
    }

    *p_format = format;
    return NULL;
}

/* kwargs[key] for a C string key: borrowed, NULL if absent (check PyErr_Occurred). */
static PyObject *ga_dict_get_cstr(PyObject *kwargs, const char *key)
{
    PyObject *k = _pycapi_name_from_cstr(key);
    PyObject *v;

    if (k == NULL) {
        return NULL;
    }
    v = PyDict_GetItemWithError(kwargs, k);
    Py_DECREF(k);
    return v;
}

/* Does str key equal the ASCII name? (A non-ASCII name or key never matches, as in
   CPython's _PyUnicode_EqualToASCIIString.) */
static int ga_key_is(const char *key_utf8, Py_ssize_t key_len, const char *name)
{
    Py_ssize_t i;

    for (i = 0; i < key_len; i++) {
        if ((unsigned char)key_utf8[i] >= 0x80 || key_utf8[i] != name[i]) {
            return 0;
        }
    }
    return name[key_len] == '\0';
}

/* The number of positional-only parameters (the leading empty names); *len gets the
   number of names. -1 with SystemError for an empty name after a non-empty one. */
static int ga_scan_keywords(const char *const *keywords, int *len)
{
    int pos, i;

    for (pos = 0; keywords[pos] && !*keywords[pos]; pos++) {
    }
    for (i = pos; keywords[i]; i++) {
        if (!*keywords[i]) {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return -1;
        }
    }
    *len = i;
    return pos;
}

static void ga_invalid_keyword(PyObject *key, const char *fname)
{
    PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %.200s%s",
                 key,
                 fname == NULL ? "this function" : fname,
                 fname == NULL ? "" : "()");
}

static int vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format,
                            char **kwlist, va_list *p_va, int flags)
{
    char msgbuf[512];
    int levels[32];
    const char *fname, *msg, *custom_msg;
    int min = INT_MAX, max = INT_MAX;
    int i, pos, len;
    int skip = 0;
    Py_ssize_t nargs, nkwargs;
    PyObject *current_arg;
    ga_freelist freelist;

    ga_freelist_init(&freelist);

    /* the function name or the custom message (mutually exclusive) */
    fname = strchr(format, ':');
    if (fname) {
        fname++;
        custom_msg = NULL;
    }
    else {
        custom_msg = strchr(format, ';');
        if (custom_msg) {
            custom_msg++;
        }
    }

    /* positional-only parameters have empty names and come first */
    pos = ga_scan_keywords((const char *const *)kwlist, &len);
    if (pos < 0) {
        return ga_cleanreturn(0, &freelist);
    }

    nargs = PyTuple_GET_SIZE(args);
    nkwargs = 0;
    if (kwargs != NULL) {
        nkwargs = PyDict_Size(kwargs);
        if (nkwargs < 0) {
            return ga_cleanreturn(0, &freelist);
        }
    }
    if (nargs + nkwargs > len) {
        /* "keyword" when no positional argument was given (bpo-31229) */
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname,
                     fname == NULL ? "" : "()",
                     len,
                     nargs == 0 ? "keyword " : "",
                     len == 1 ? "" : "s",
                     nargs + nkwargs);
        return ga_cleanreturn(0, &freelist);
    }

    /* positional and keyword arguments in one pass, driven by kwlist */
    for (i = 0; i < len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                return ga_cleanreturn(0, &freelist);
            }
            min = i;
            format++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                return ga_cleanreturn(0, &freelist);
            }
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                return ga_cleanreturn(0, &freelist);
            }
            max = i;
            format++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return ga_cleanreturn(0, &freelist);
            }
            if (skip) {
                /* min and max are now known: report the missing positional argument */
                break;
            }
            if (max < nargs) {
                if (max == 0) {
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()");
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s (%zd given)",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()",
                                 min != INT_MAX ? "at most" : "exactly",
                                 max,
                                 max == 1 ? "" : "s",
                                 nargs);
                }
                return ga_cleanreturn(0, &freelist);
            }
        }
        if (IS_END_OF_FORMAT(*format)) {
            PyErr_Format(PyExc_SystemError,
                         "More keyword list entries (%d) than format specifiers (%d)", len, i);
            return ga_cleanreturn(0, &freelist);
        }
        if (!skip) {
            if (i < nargs) {
                current_arg = PyTuple_GET_ITEM(args, i);
            }
            else if (nkwargs && i >= pos) {
                current_arg = ga_dict_get_cstr(kwargs, kwlist[i]);
                if (current_arg) {
                    --nkwargs;
                }
                else if (PyErr_Occurred()) {
                    return ga_cleanreturn(0, &freelist);
                }
            }
            else {
                current_arg = NULL;
            }

            if (current_arg) {
                msg = convertitem(current_arg, &format, p_va, flags, levels, 0, msgbuf,
                                  sizeof(msgbuf), &freelist);
                if (msg) {
                    seterror(i + 1, msg, levels, fname, custom_msg);
                    return ga_cleanreturn(0, &freelist);
                }
                continue;
            }

            if (i < min) {
                if (i < pos) {
                    /* a positional-only argument is missing: the message needs min
                       and max, known at '|', '$' or the end of the format */
                    skip = 1;
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument '%s' (pos %d)",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()",
                                 kwlist[i], i + 1);
                    return ga_cleanreturn(0, &freelist);
                }
            }
            /* every required argument is there and no keyword is left: done (the rest
               of the format is not checked, as in CPython) */
            if (!nkwargs && !skip) {
                return ga_cleanreturn(1, &freelist);
            }
        }

        /* an optional argument not given: step over its format unit */
        msg = skipitem(&format, p_va, flags);
        if (msg) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            return ga_cleanreturn(0, &freelist);
        }
    }

    if (skip) {
        int m = pos < min ? pos : min;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname,
                     fname == NULL ? "" : "()",
                     m < i ? "at least" : "exactly",
                     m,
                     m == 1 ? "" : "s",
                     nargs);
        return ga_cleanreturn(0, &freelist);
    }

    if (!IS_END_OF_FORMAT(*format) && *format != '|' && *format != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries (remaining format:'%s')",
                     format);
        return ga_cleanreturn(0, &freelist);
    }

    if (nkwargs > 0) {
        PyObject *key;
        Py_ssize_t j;

        /* an argument given both by position and by name */
        for (i = pos; i < nargs; i++) {
            current_arg = ga_dict_get_cstr(kwargs, kwlist[i]);
            if (current_arg) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname == NULL ? "function" : fname,
                             fname == NULL ? "" : "()",
                             kwlist[i], i + 1);
                return ga_cleanreturn(0, &freelist);
            }
            else if (PyErr_Occurred()) {
                return ga_cleanreturn(0, &freelist);
            }
        }
        /* a keyword that names no parameter */
        j = 0;
        while (PyDict_Next(kwargs, &j, &key, NULL)) {
            int match = 0;
            const char *key_utf8;
            Py_ssize_t key_len;
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return ga_cleanreturn(0, &freelist);
            }
            key_utf8 = PyUnicode_AsUTF8AndSize(key, &key_len);
            if (key_utf8 == NULL) {
                PyErr_Clear(); /* not encodable: certainly not an ASCII name */
            }
            else {
                for (i = pos; i < len; i++) {
                    if (ga_key_is(key_utf8, key_len, kwlist[i])) {
                        match = 1;
                        break;
                    }
                }
            }
            if (!match) {
                ga_invalid_keyword(key, fname);
                return ga_cleanreturn(0, &freelist);
            }
        }
    }

    return ga_cleanreturn(1, &freelist);
}

static int ga_keywords_ok(PyObject *args, PyObject *kwargs, const char *format, char **kwlist)
{
    if (args == NULL || !PyTuple_Check(args) || (kwargs != NULL && !PyDict_Check(kwargs)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                                char **kwlist, ...)
{
    va_list va;
    int r;

    if (!ga_keywords_ok(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_start(va, kwlist);
    r = vgetargskeywords(args, kwargs, format, kwlist, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                       char **kwlist, ...)
{
    va_list va;
    int r;

    if (!ga_keywords_ok(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_start(va, kwlist);
    r = vgetargskeywords(args, kwargs, format, kwlist, &va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                                  char **kwlist, va_list va)
{
    va_list lva;
    int r;

    if (!ga_keywords_ok(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_copy(lva, va);
    r = vgetargskeywords(args, kwargs, format, kwlist, &lva, 0);
    va_end(lva);
    return r;
}

int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                         char **kwlist, va_list va)
{
    va_list lva;
    int r;

    if (!ga_keywords_ok(args, kwargs, format, kwlist)) {
        return 0;
    }
    va_copy(lva, va);
    r = vgetargskeywords(args, kwargs, format, kwlist, &lva, FLAG_SIZE_T);
    va_end(lva);
    return r;
}

int PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    PyObject *key;
    Py_ssize_t pos = 0;

    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    while (PyDict_Next(kwargs, &pos, &key, NULL)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

/* ---- _PyArg_UnpackKeywords (Argument Clinic's parser) ---------------------------- */

/* Fills in what the parser's keyword list implies, once: the positional-only count and
   the tuple of the other names (kept for the process's life, as CPython's static
   parsers' are until finalization). The name comes from the format if there is one. */
static int ga_parser_init(struct _PyArg_Parser *parser)
{
    int len, pos;
    PyObject *kwtuple, *expected = NULL;

    if (__atomic_load_n(&parser->kwtuple, __ATOMIC_ACQUIRE) != NULL) {
        return 1;
    }
    pos = ga_scan_keywords(parser->keywords, &len);
    if (pos < 0) {
        return 0;
    }
    kwtuple = PyTuple_New(len - pos);
    if (kwtuple == NULL) {
        return 0;
    }
    for (int i = pos; i < len; i++) {
        PyObject *name = PyUnicode_InternFromString(parser->keywords[i]);
        if (name == NULL) {
            Py_DECREF(kwtuple);
            return 0;
        }
        PyTuple_SET_ITEM(kwtuple, i - pos, name);
    }
    if (parser->format != NULL && parser->fname == NULL) {
        const char *colon = strchr(parser->format, ':');
        const char *semicolon = strchr(parser->format, ';');
        parser->fname = colon != NULL ? colon + 1 : NULL;
        parser->custom_msg = colon == NULL && semicolon != NULL ? semicolon + 1 : NULL;
    }
    parser->pos = pos;
    /* Another thread may have got there first: its tuple is as good. */
    if (!__atomic_compare_exchange_n(&parser->kwtuple, &expected, kwtuple, 0, __ATOMIC_RELEASE,
                                     __ATOMIC_ACQUIRE)) {
        Py_DECREF(kwtuple);
    }
    return 1;
}

/* The value passed for keyword in a vectorcall's kwnames (borrowed), or NULL. */
static PyObject *ga_find_kwname(PyObject *kwnames, PyObject *const *kwstack, PyObject *keyword)
{
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames);

    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyTuple_GET_ITEM(kwnames, i) == keyword) {
            return kwstack[i];
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_Check(name) && PyUnicode_Compare(name, keyword) == 0) {
            return kwstack[i];
        }
    }
    return NULL;
}

/* The argument named keyword (borrowed); NULL if absent, or on an error (checked). */
static PyObject *ga_keyword_arg(PyObject *kwargs, PyObject *kwnames, PyObject *const *kwstack, PyObject *keyword)
{
    return kwargs != NULL ? PyDict_GetItemWithError(kwargs, keyword) : ga_find_kwname(kwnames, kwstack, keyword);
}

/* Names the first keyword argument that matches no parameter. */
static void ga_unexpected_keyword(PyObject *kwargs, PyObject *kwnames, PyObject *kwtuple, const char *fname)
{
    Py_ssize_t j = 0;
    PyObject *key;

    for (;;) {
        if (kwargs != NULL) {
            if (!PyDict_Next(kwargs, &j, &key, NULL)) {
                break;
            }
        }
        else {
            if (j >= PyTuple_GET_SIZE(kwnames)) {
                break;
            }
            key = PyTuple_GET_ITEM(kwnames, j++);
        }
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return;
        }
        int match = PySequence_Contains(kwtuple, key);
        if (match <= 0) {
            if (match == 0) {
                ga_invalid_keyword(key, fname);
            }
            return;
        }
    }
    PyErr_Format(PyExc_TypeError, "invalid keyword argument for %.200s%s",
                 fname == NULL ? "this function" : fname,
                 fname == NULL ? "" : "()");
}

#undef _PyArg_UnpackKeywords
/* The arguments of a call (args[0:nargs], then kwargs or the values kwnames names after
   them) laid out by position in buf: positional ones first, then each keyword parameter's
   value or NULL. Returns args itself when there is nothing to move, NULL with TypeError
   for a call that does not fit (too many or too few, a name given twice or unknown). */
PyObject *const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                                       PyObject *kwnames, struct _PyArg_Parser *parser, int minpos,
                                       int maxpos, int minkw, PyObject **buf)
{
    /* the parameters that must be given: the first minpos, or the keyword-only ones */
    int reqlimit = minkw ? maxpos + minkw : minpos;
    PyObject *const *kwstack = NULL;
    Py_ssize_t nkwargs = 0;

    if (parser == NULL || (kwnames != NULL && !PyTuple_Check(kwnames))) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (args == NULL && nargs == 0) {
        args = buf;
    }
    if (!ga_parser_init(parser)) {
        return NULL;
    }
    const char *fname = parser->fname == NULL ? "function" : parser->fname;
    const char *parens = parser->fname == NULL ? "" : "()";
    PyObject *kwtuple = parser->kwtuple;
    int posonly = parser->pos;
    int minposonly = posonly < minpos ? posonly : minpos;
    int maxargs = posonly + (int)PyTuple_GET_SIZE(kwtuple);

    if (kwargs != NULL) {
        nkwargs = PyDict_GET_SIZE(kwargs);
    }
    else if (kwnames != NULL) {
        nkwargs = PyTuple_GET_SIZE(kwnames);
        kwstack = args + nargs;
    }
    if (nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos) {
        return args;
    }
    if (nargs + nkwargs > maxargs) {
        /* "keyword" when no positional argument was given (bpo-31229) */
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname, parens, maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                     nargs + nkwargs);
        return NULL;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fname, parens);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                         fname, parens, minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        }
        return NULL;
    }
    if (nargs < minposonly) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname, parens, minposonly < maxpos ? "at least" : "exactly", minposonly,
                     minposonly == 1 ? "" : "s", nargs);
        return NULL;
    }

    for (Py_ssize_t i = 0; i < nargs; i++) {
        buf[i] = args[i];
    }
    for (int i = nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        PyObject *arg = NULL;
        if (nkwargs) {
            arg = ga_keyword_arg(kwargs, kwnames, kwstack, PyTuple_GET_ITEM(kwtuple, i - posonly));
            if (arg == NULL && PyErr_Occurred()) {
                return NULL;
            }
        }
        else if (i >= reqlimit) {
            break;
        }
        buf[i] = arg;
        if (arg != NULL) {
            nkwargs--;
        }
        else if (i < minpos || (maxpos <= i && i < reqlimit)) {
            PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%U' (pos %d)",
                         fname, parens, PyTuple_GET_ITEM(kwtuple, i - posonly), i + 1);
            return NULL;
        }
    }

    if (nkwargs > 0) {
        /* an argument given both by position and by name */
        for (int i = posonly; i < nargs; i++) {
            PyObject *keyword = PyTuple_GET_ITEM(kwtuple, i - posonly);
            PyObject *arg = ga_keyword_arg(kwargs, kwnames, kwstack, keyword);
            if (arg != NULL) {
                PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%U') and position (%d)",
                             fname, parens, keyword, i + 1);
                return NULL;
            }
            if (PyErr_Occurred()) {
                return NULL;
            }
        }
        ga_unexpected_keyword(kwargs, kwnames, kwtuple, parser->fname);
        return NULL;
    }
    return buf;
}

/* ---- small checks ------------------------------------------------------------------- */

int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (nargs == 0) {
        return 1;
    }
    if (nargs > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    return 1;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    va_list va;
    Py_ssize_t i, nargs;

    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    nargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional(name, nargs, min, max)) {
        return 0;
    }
    va_start(va, max);
    for (i = 0; i < nargs; i++) {
        PyObject **o = va_arg(va, PyObject **);
        *o = PyTuple_GET_ITEM(args, i);
    }
    va_end(va);
    return 1;
}

int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    Py_ssize_t n;

    if (kwargs == NULL) {
        return 1;
    }
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    n = PyDict_Size(kwargs);
    if (n == 0) {
        return 1;
    }
    if (n < 0) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL) {
        return 1;
    }
    if (!PyTuple_CheckExact(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}
