/* str memory: a compact object whose UTF-8 copy and wchar_t copy (the deprecated
   Py_UNICODE API's), when not the data itself, are separate blocks freed with it; an instance of a str subclass (a PyUnicodeObject, as
   CPython lays it out) has its characters in a block of their own too. The semantics
   live in UnicodeObject.cs. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);

void pycapi_unicode_dealloc(PyObject *op) {
    wchar_t *wstr = ((PyASCIIObject *)op)->wstr;
    if (wstr != NULL && (void *)wstr != PyUnicode_DATA(op)) {
        PyObject_Free(wstr);
    }
    if (!PyUnicode_IS_COMPACT_ASCII(op)) {
        PyCompactUnicodeObject *u = (PyCompactUnicodeObject *)op;
        if (u->utf8 != NULL && u->utf8 != (char *)PyUnicode_DATA(op)) {
            PyMem_Free(u->utf8);
        }
    }
    if (!PyUnicode_IS_COMPACT(op)) {
        PyObject_Free(((PyUnicodeObject *)op)->data.any);
    }
    pycapi_object_dealloc(op);
}

/* str.__new__(type, object='', ...): a subclass's instance is CPython's non-compact form
   (unicode_subtype_new): the header in the subclass's layout, the characters copied to a
   block data.any points to (which is also the UTF-8 form of ASCII text). */
static PyObject *copy_unicode(PyTypeObject *type, PyObject *text) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    size_t bytes = (size_t)(length + 1) * (size_t)kind;
    PyUnicodeObject *self = (PyUnicodeObject *)type->tp_alloc(type, 0);
    void *data = self != NULL ? PyObject_Malloc(bytes) : NULL;
    if (data == NULL) {
        Py_XDECREF(self);
        return self != NULL ? PyErr_NoMemory() : NULL;
    }
    memcpy(data, PyUnicode_DATA(text), bytes);
    PyASCIIObject *head = &self->_base._base;
    head->length = length;
    head->hash = -1;
    head->state.kind = (unsigned int)kind;
    head->state.ascii = PyUnicode_IS_ASCII(text);
    head->state.ready = 1;
    self->data.any = data;
    if (head->state.ascii) {
        self->_base.utf8 = data;
        self->_base.utf8_length = length;
    }
    return (PyObject *)self;
}

PYCAPI_HIDDEN PyObject *pycapi_unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    return pycapi_immutable_new(type, &PyUnicode_Type, args, kwds, copy_unicode);
}

/* PyObject_Print: repr() (or str() with Py_PRINT_RAW) written to a C stream as UTF-8,
   lone surrogates backslash-escaped, as CPython writes it. Here because it is C stdio. */
int PyObject_Print(PyObject *op, FILE *fp, int flags) {
    int status = 0;
    clearerr(fp);
    if (op == NULL) {
        fputs("<nil>", fp);
    } else if (Py_REFCNT(op) <= 0) {
        fprintf(fp, "<refcnt %zd at %p>", Py_REFCNT(op), (void *)op);
    } else {
        PyObject *text = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
        PyObject *utf8 = text == NULL ? NULL : PyUnicode_AsEncodedString(text, "utf-8", "backslashreplace");
        if (utf8 == NULL) {
            status = -1;
        } else {
            fwrite(PyBytes_AS_STRING(utf8), 1, (size_t)PyBytes_GET_SIZE(utf8), fp);
        }
        Py_XDECREF(utf8);
        Py_XDECREF(text);
    }
    if (status == 0 && ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        status = -1;
    }
    return status;
}

#include "slow_paths.g.h"

/* A compact str (PEP 393) for `length` code points up to `max_char`, refcount 0, data
   zeroed: what PyUnicode_New and the object space's str objects are made of. NULL when
   the size is impossible or memory is short (the caller raises MemoryError). */
PYCAPI_HIDDEN PyObject *pycapi_unicode_alloc(PyTypeObject *type, Py_ssize_t length, Py_UCS4 max_char) {
    int ascii = max_char < 0x80;
    int kind = max_char < 0x100 ? PyUnicode_1BYTE_KIND : max_char < 0x10000 ? PyUnicode_2BYTE_KIND : PyUnicode_4BYTE_KIND;
    size_t header = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    if (length < 0 || (size_t)length > ((size_t)PY_SSIZE_T_MAX - header) / (size_t)kind - 1) {
        return NULL;
    }
    PyASCIIObject *u = pycapi_alloc(header + (size_t)(length + 1) * (size_t)kind);
    if (u == NULL) {
        return NULL;
    }
    u->ob_base.ob_type = type;
    u->length = length;
    u->hash = -1;
    u->state.kind = (unsigned)kind;
    u->state.compact = 1;
    u->state.ascii = (unsigned)ascii;
    u->state.ready = 1;
    return (PyObject *)u;
}

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar) {
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if (maxchar > 0x10FFFF) {
        PyErr_SetString(PyExc_SystemError, "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    PyObject *op = pycapi_unicode_alloc(&PyUnicode_Type, size, maxchar);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    Py_SET_REFCNT(op, 1);
    return op;
}

/* The code point at *s in strict UTF-8 (no overlong forms, surrogates or values past
   U+10FFFF), advancing *s; -1 for anything else. */
static int32_t utf8_next(const unsigned char **s, const unsigned char *end) {
    const unsigned char *p = *s;
    unsigned c = *p++;
    int more;
    uint32_t cp;
    unsigned low = 0x80, high = 0xBF; /* the range of the first continuation byte */
    if (c < 0x80) {
        *s = p;
        return (int32_t)c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        more = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2, cp = c & 0x0F;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3, cp = c & 0x07;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return -1;
    }
    if (end - p < more || *p < low || *p > high) {
        return -1;
    }
    for (int i = 0; i < more; i++, p++) {
        if ((*p & 0xC0) != 0x80) {
            return -1;
        }
        cp = (cp << 6) | (*p & 0x3F);
    }
    *s = p;
    return (int32_t)cp;
}

/* Whether no byte has its high bit set, a word at a time. */
static int is_ascii(const unsigned char *s, Py_ssize_t size) {
    const uint64_t high_bits = 0x8080808080808080u;
    Py_ssize_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, sizeof word);
        if (word & high_bits) {
            return 0;
        }
    }
    for (; i < size; i++) {
        if (s[i] & 0x80) {
            return 0;
        }
    }
    return 1;
}

/* Valid UTF-8 is decoded here; invalid input goes to the slow path, which raises
   CPython's UnicodeDecodeError. */
static PyObject *decode_utf8(const char *text, Py_ssize_t size, PyObject *(*slow)(const char *, Py_ssize_t)) {
    static PyObject *empty;
    const unsigned char *s = (const unsigned char *)text, *end = s + size;
    if (size == 0) {
        if (empty == NULL && (empty = PyUnicode_New(0, 0)) != NULL) {
            Py_SET_REFCNT(empty, PYCAPI_IMMORTAL_REFCNT);
        }
        return Py_XNewRef(empty);
    }
    if (is_ascii(s, size)) {
        PyObject *op = PyUnicode_New(size, 0x7F);
        if (op != NULL) {
            memcpy(PyUnicode_DATA(op), text, (size_t)size);
        }
        return op;
    }
    Py_UCS4 max_char = 0;
    Py_ssize_t length = 0;
    for (const unsigned char *p = s; p < end; length++) {
        int32_t cp = utf8_next(&p, end);
        if (cp < 0) {
            return slow(text, size);
        }
        max_char |= (Py_UCS4)cp;
    }
    PyObject *op = PyUnicode_New(length, max_char > 0x10FFFF ? 0x10FFFF : max_char);
    if (op == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(op);
    void *data = PyUnicode_DATA(op);
    for (Py_ssize_t i = 0; s < end; i++) {
        PyUnicode_WRITE(kind, data, i, (Py_UCS4)utf8_next(&s, end));
    }
    return op;
}

static PyObject *from_string_slow(const char *text, Py_ssize_t size) {
    (void)size;
    return _PyCApi_Slow_PyUnicode_FromString(text);
}

PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size) {
    if (u == NULL || size < 0) {
        return _PyCApi_Slow_PyUnicode_FromStringAndSize(u, size);
    }
    return decode_utf8(u, size, _PyCApi_Slow_PyUnicode_FromStringAndSize);
}

PyObject *PyUnicode_FromString(const char *u) { return decode_utf8(u, (Py_ssize_t)strlen(u), from_string_slow); }

/* The UTF-8 form where it is already at hand: the data of an ASCII string, or the copy a
   previous call cached. */
const char *PyUnicode_AsUTF8AndSize(PyObject *op, Py_ssize_t *size) {
    if (op != NULL && PyUnicode_Check(op)) {
        PyCompactUnicodeObject *u = (PyCompactUnicodeObject *)op;
        const char *utf8 = u->_base.state.ascii ? (const char *)PyUnicode_DATA(op) : u->utf8;
        if (utf8 != NULL) {
            if (size != NULL) {
                *size = u->_base.state.ascii ? u->_base.length : u->utf8_length;
            }
            return utf8;
        }
    }
    return _PyCApi_Slow_PyUnicode_AsUTF8AndSize(op, size);
}

const char *PyUnicode_AsUTF8(PyObject *op) { return PyUnicode_AsUTF8AndSize(op, NULL); }

/* CPython's whitespace among the ASCII characters: \t \n \v \f \r, the separators
   \x1c-\x1f, and space. */
const unsigned char _Py_ascii_whitespace[128] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1,
};

void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from, Py_ssize_t from_start,
                                   Py_ssize_t how_many)
{
    int to_kind = PyUnicode_KIND(to), from_kind = PyUnicode_KIND(from);
    char *to_data = PyUnicode_DATA(to);
    const char *from_data = PyUnicode_DATA(from);
    if (to_kind == from_kind) {
        memmove(to_data + to_kind * to_start, from_data + from_kind * from_start, (size_t)(how_many * to_kind));
        return;
    }
    for (Py_ssize_t i = 0; i < how_many; i++) {
        PyUnicode_WRITE(to_kind, to_data, to_start + i, PyUnicode_READ(from_kind, from_data, from_start + i));
    }
}

/* Where the bytes end if the last UTF-8 sequence is cut short: a lead byte whose
   continuation bytes so far are valid but too few. Otherwise size (an invalid tail is
   the error handler's, not the next call's). */
static Py_ssize_t complete_utf8_prefix(const unsigned char *s, Py_ssize_t size)
{
    for (Py_ssize_t back = 1; back <= 3 && back <= size; back++) {
        unsigned char lead = s[size - back];
        if ((lead & 0xC0) == 0x80) {
            continue; /* a continuation byte: look further back */
        }
        int needed = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
        if (needed <= back || lead > 0xF4) {
            return size;
        }
        if (back >= 2) {
            /* The second byte's range depends on the lead: no overlong forms, nothing above
               U+10FFFF. A surrogate's ED A0..BF stays for the next call, as in CPython
               (an error handler may take it then). */
            unsigned char second = s[size - back + 1];
            unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) {
                return size;
            }
        }
        return size - back;
    }
    return size;
}

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed)
{
    Py_ssize_t complete = consumed != NULL ? complete_utf8_prefix((const unsigned char *)s, size) : size;
    PyObject *result = PyUnicode_DecodeUTF8(s, complete, errors);
    if (result != NULL && consumed != NULL) {
        *consumed = complete;
    }
    if (result == NULL && complete < size && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        /* The error's object is the whole input, as in CPython, not the prefix decoded. */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *whole = PyBytes_FromStringAndSize(s, size);
        if (whole == NULL || PyObject_SetAttrString(value, "object", whole) < 0) {
            Py_XDECREF(whole);
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            return NULL;
        }
        Py_DECREF(whole);
        PyErr_Restore(type, value, tb);
    }
    return result;
}

const char *Py_FileSystemDefaultEncoding = "utf-8";
const char *Py_FileSystemDefaultEncodeErrors = "surrogateescape";

PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8(s, size, Py_FileSystemDefaultEncodeErrors);
}

PyObject *PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *PyUnicode_EncodeFSDefault(PyObject *unicode)
{
    return PyUnicode_AsEncodedString(unicode, Py_FileSystemDefaultEncoding, Py_FileSystemDefaultEncodeErrors);
}

const char *PyUnicode_GetDefaultEncoding(void) { return "utf-8"; }

/* The identifiers' strs (_Py_IDENTIFIER), by index, in blocks that never move so that
   reading one needs no lock; indexes are handed out once, under the lock. */
#define ID_BLOCK_SIZE 256
#define ID_BLOCKS 1024
static PyObject **identifier_blocks[ID_BLOCKS];
static Py_ssize_t identifier_count;
static pthread_mutex_t identifier_lock = PTHREAD_MUTEX_INITIALIZER;

PyObject *_PyUnicode_FromId(_Py_Identifier *id) {
    Py_ssize_t index = __atomic_load_n(&id->index, __ATOMIC_ACQUIRE);
    if (index >= 0) {
        return identifier_blocks[index / ID_BLOCK_SIZE][index % ID_BLOCK_SIZE];
    }
    PyObject *str = PyUnicode_InternFromString(id->string);
    if (str == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&identifier_lock);
    index = id->index;
    if (index < 0 && identifier_count < ID_BLOCK_SIZE * ID_BLOCKS) {
        PyObject ***block = &identifier_blocks[identifier_count / ID_BLOCK_SIZE];
        if (*block == NULL) {
            *block = PyMem_RawCalloc(ID_BLOCK_SIZE, sizeof(PyObject *));
        }
        if (*block != NULL) {
            index = identifier_count++;
            (*block)[index % ID_BLOCK_SIZE] = str;
            str = NULL; /* the table's reference now */
            __atomic_store_n(&id->index, index, __ATOMIC_RELEASE);
        }
    }
    pthread_mutex_unlock(&identifier_lock);
    if (str != NULL) {
        /* Another thread registered the identifier first, or the table is full or
           out of memory. */
        Py_DECREF(str);
        if (index < 0) {
            return PyErr_NoMemory();
        }
    }
    return identifier_blocks[index / ID_BLOCK_SIZE][index % ID_BLOCK_SIZE];
}

/* The deprecated Py_UNICODE (wchar_t, UCS-4 here) API, as CPython 3.11 still has it: the
   wchar_t form is made on first use and cached in wstr for the str's life; a 4-byte
   string's data is that form already. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

Py_UNICODE *PyUnicode_AsUnicodeAndSize(PyObject *op, Py_ssize_t *size) {
    if (op == NULL || !PyUnicode_Check(op)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyASCIIObject *head = (PyASCIIObject *)op;
    Py_ssize_t *wstr_length = PyUnicode_IS_COMPACT_ASCII(op) ? NULL : &((PyCompactUnicodeObject *)op)->wstr_length;
    if (head->wstr == NULL) {
        Py_ssize_t n = head->length;
        int kind = PyUnicode_KIND(op);
        void *data = PyUnicode_DATA(op);
        wchar_t *w = kind == PyUnicode_4BYTE_KIND ? data : PyObject_Malloc(sizeof(wchar_t) * (size_t)(n + 1));
        if (w == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        for (Py_ssize_t i = 0; w != data && i <= n; i++) {
            w[i] = (wchar_t)(i < n ? PyUnicode_READ(kind, data, i) : 0);
        }
        head->wstr = w;
        if (wstr_length != NULL) {
            *wstr_length = n;
        }
    }
    if (size != NULL) {
        *size = wstr_length != NULL ? *wstr_length : head->length;
    }
    return head->wstr;
}

Py_UNICODE *PyUnicode_AsUnicode(PyObject *op) { return PyUnicode_AsUnicodeAndSize(op, NULL); }

Py_ssize_t PyUnicode_GetSize(PyObject *op) {
    Py_ssize_t size;
    return PyUnicode_AsUnicodeAndSize(op, &size) != NULL ? size : -1;
}

/* CPython's legacy string: not ready, its size+1 wchar_t in wstr for the caller to fill
   (through PyUnicode_AsUnicode) before anything reads it; _PyUnicode_Ready makes it canonical. */
static PyObject *legacy_new(Py_ssize_t size) {
    if (size == 0) {
        return PyUnicode_New(0, 0);
    }
    if (size > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(wchar_t) - 1) {
        return PyErr_NoMemory();
    }
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to _PyUnicode_New");
        return NULL;
    }
    PyUnicodeObject *u = pycapi_alloc(sizeof(PyUnicodeObject));
    wchar_t *w = u != NULL ? PyObject_Calloc((size_t)size + 1, sizeof(wchar_t)) : NULL;
    if (w == NULL) {
        pycapi_free(u);
        return PyErr_NoMemory();
    }
    Py_SET_TYPE(u, &PyUnicode_Type);
    Py_SET_REFCNT(u, 1);
    u->_base._base.hash = -1;
    u->_base._base.wstr = w;
    u->_base.wstr_length = size;
    return (PyObject *)u;
}

PyObject *PyUnicode_FromUnicode(const Py_UNICODE *u, Py_ssize_t size) {
    if (u != NULL) {
        if (size < 0) {
            PyErr_BadInternalCall();
            return NULL;
        }
        return PyUnicode_FromWideChar(u, size);
    }
    if (size > 0 && PyErr_WarnEx(PyExc_DeprecationWarning,
                                 "PyUnicode_FromUnicode(NULL, size) is deprecated; use PyUnicode_New() instead", 1) < 0) {
        return NULL;
    }
    return legacy_new(size);
}

/* A legacy string's characters move from wstr to data.any (the wchar_t block itself when
   it needs 4 bytes a character), with the kind they need. */
int _PyUnicode_Ready(PyObject *op) {
    PyUnicodeObject *u = (PyUnicodeObject *)op;
    PyASCIIObject *head = &u->_base._base;
    if (head->state.ready) {
        return 0;
    }
    Py_ssize_t n = u->_base.wstr_length;
    wchar_t *w = head->wstr;
    Py_UCS4 max = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((Py_UCS4)w[i] > 0x10FFFF) {
            PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)w[i]);
            return -1;
        }
        max = (Py_UCS4)w[i] > max ? (Py_UCS4)w[i] : max;
    }
    int kind = max < 0x100 ? PyUnicode_1BYTE_KIND : max < 0x10000 ? PyUnicode_2BYTE_KIND : PyUnicode_4BYTE_KIND;
    void *data = w;
    if (kind != PyUnicode_4BYTE_KIND) {
        data = PyObject_Malloc((size_t)(n + 1) * (size_t)kind);
        if (data == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i <= n; i++) {
            PyUnicode_WRITE(kind, data, i, i < n ? (Py_UCS4)w[i] : 0);
        }
        PyObject_Free(w);
        head->wstr = NULL;
        u->_base.wstr_length = 0;
    }
    u->data.any = data;
    head->length = n;
    head->state.kind = (unsigned int)kind;
    head->state.ascii = max < 0x80;
    head->state.ready = 1;
    if (max < 0x80) {
        u->_base.utf8 = data;
        u->_base.utf8_length = n;
    }
    return 0;
}
