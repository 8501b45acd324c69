/* Names given as C strings (attribute names, keyword parameter names): the str object
   for each is made once and kept, so that a lookup by C string costs one managed call and
   no new object. A str made here per call would need a managed twin (a link, a GC handle,
   a finalizer) the moment the lookup takes it into managed code. */
#include "pycapi_internal.h"

/* The names: open addressing over NAME_SLOTS slots, filled to half at most so that every
   probe ends at an empty slot. Names are kept for the life of the process, as CPython
   keeps interned identifiers; past NAME_LIMIT names a new one is simply not cached. Only
   ASCII names up to NAME_MAX_LENGTH bytes are cached: they are the identifiers C code
   uses, and their str data is the C string itself. */
#define NAME_SLOTS 1024
#define NAME_LIMIT (NAME_SLOTS / 2)
#define NAME_MAX_LENGTH 64

typedef struct {
    uint32_t hash;
    uint32_t length;
    PyObject *str; /* NULL: an empty slot */
} name_slot;

static name_slot name_slots[NAME_SLOTS];
static int names_cached;

/* In front of them, by the C string's address: a name is nearly always a string literal,
   passed at the same address each time, so its str is found without hashing the text. The
   text is still compared (the same buffer may hold another name later). Borrowed: the
   names above are never dropped. */
#define RECENT_SLOTS 256

typedef struct {
    const char *address;
    const char *text; /* the str's data, compared without touching the object */
    PyObject *str;
} recent_name;

static recent_name recent_names[RECENT_SLOTS];

static inline recent_name *recent_slot(const char *name)
{
    uintptr_t a = (uintptr_t)name;
    return &recent_names[(a ^ (a >> 8)) & (RECENT_SLOTS - 1)];
}

/* Is the C string equal to an ASCII str's data (which ends with a NUL)? */
static inline int same_text(const char *data, const char *name)
{
    for (;; data++, name++) {
        if (*data != *name) {
            return 0;
        }
        if (*data == '\0') {
            return 1;
        }
    }
}

/* Finds the name's str, caching it if there is room: 1 with *str borrowed, 0 when the
   name is not one that is cached, -1 with an exception set. */
static int cached_name(const char *name, PyObject **str)
{
    /* FNV-1a over the bytes, measuring the length and checking for ASCII on the way */
    uint32_t hash = 2166136261u;
    size_t length = 0;
    unsigned char all_bits = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && length <= NAME_MAX_LENGTH; p++, length++) {
        all_bits |= *p;
        hash = (hash ^ *p) * 16777619u;
    }
    if ((all_bits & 0x80) || length > NAME_MAX_LENGTH) {
        return 0;
    }
    size_t i = hash & (NAME_SLOTS - 1);
    for (; name_slots[i].str != NULL; i = (i + 1) & (NAME_SLOTS - 1)) {
        name_slot *slot = &name_slots[i];
        if (slot->hash == hash && slot->length == length && same_text(PyUnicode_DATA(slot->str), name)) {
            *str = slot->str;
            return 1;
        }
    }
    if (names_cached == NAME_LIMIT) {
        return 0;
    }
    *str = PyUnicode_FromStringAndSize(name, (Py_ssize_t)length);
    if (*str == NULL) {
        return -1;
    }
    name_slots[i].hash = hash;
    name_slots[i].length = (uint32_t)length;
    name_slots[i].str = *str;
    names_cached++;
    return 1;
}

/* Not the recent name at its address: look the text up. Out of line, so that the common
   case in _pycapi_name_from_cstr stays a short leaf function. */
static __attribute__((noinline)) PyObject *name_by_text(const char *name, recent_name *recent)
{
    PyObject *str;
    int found = cached_name(name, &str);
    if (found <= 0) {
        return found < 0 ? NULL : PyUnicode_FromString(name);
    }
    recent->address = name;
    recent->text = PyUnicode_DATA(str);
    recent->str = str;
    return Py_NewRef(str);
}

PyObject *_pycapi_name_from_cstr(const char *name)
{
    recent_name *recent = recent_slot(name);
    if (recent->address == name && same_text(recent->text, name)) {
        return Py_NewRef(recent->str);
    }
    return name_by_text(name, recent);
}

/* As CPython, these are PyObject_GetAttr/SetAttr/HasAttr with the name made a str. */

PyObject *PyObject_GetAttrString(PyObject *v, const char *name)
{
    PyObject *key = _pycapi_name_from_cstr(name);
    if (key == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_GetAttr(v, key);
    Py_DECREF(key);
    return result;
}

int PyObject_SetAttrString(PyObject *v, const char *name, PyObject *value)
{
    PyObject *key = _pycapi_name_from_cstr(name);
    if (key == NULL) {
        return -1;
    }
    int result = PyObject_SetAttr(v, key, value);
    Py_DECREF(key);
    return result;
}

int PyObject_HasAttrString(PyObject *v, const char *name)
{
    PyObject *key = _pycapi_name_from_cstr(name);
    if (key == NULL) {
        PyErr_Clear();
        return 0;
    }
    int result = PyObject_HasAttr(v, key);
    Py_DECREF(key);
    return result;
}
