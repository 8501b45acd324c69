/* The deprecated Py_UNICODE (wchar_t) API CPython 3.11 still exports:
   PyUnicode_AsUnicode/AsUnicodeAndSize/GetSize (the wchar_t form cached in the str),
   PyUnicode_FromUnicode (with a buffer, and the legacy NULL form filled before
   PyUnicode_READY), the PyUnicode_AS_UNICODE / GET_SIZE / WSTR_LENGTH inline functions. */
#include "conformance.h"
#include <wchar.h>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static void print_wide(const wchar_t *w, Py_ssize_t n)
{
    printf("[");
    for (Py_ssize_t i = 0; i <= n; i++) {
        printf(i ? " %x" : "%x", (unsigned)w[i]); /* the terminating NUL included */
    }
    printf("]");
}

static void wide_forms(const char *label, PyObject *s)
{
    Py_ssize_t size = -7;
    wchar_t *w = PyUnicode_AsUnicodeAndSize(s, &size);
    printf("%s: AsUnicodeAndSize size=%zd ", label, size);
    if (w == NULL) {
        show_exc("error");
        return;
    }
    print_wide(w, size);
    printf(" cached=%d AS_UNICODE=%d AsUnicode=%d GET_SIZE=%zd WSTR_LENGTH=%zd GetSize=%zd\n",
           PyUnicode_AsUnicodeAndSize(s, NULL) == w, PyUnicode_AS_UNICODE(s) == w, PyUnicode_AsUnicode(s) == w,
           PyUnicode_GET_SIZE(s), PyUnicode_WSTR_LENGTH(s), PyUnicode_GetSize(s));
    check_no_exc(label);
}

int main(void)
{
    conf_init();
    const char *texts[] = { "", "abc", "h\xc3\xa9llo", "\xe2\x82\xac" "uro", "a\xf0\x9f\x98\x80" "b" };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        PyObject *s = PyUnicode_FromString(texts[i]);
        show("str", s);
        wide_forms("  wide", s);
        show("  still", s);
        Py_DECREF(s);
    }
    PyObject *nul = PyUnicode_FromStringAndSize("a\0b", 3);
    wide_forms("'a\\x00b'", nul);
    Py_DECREF(nul);
    /* the wide form of a str that C got from the object space (an attribute name) */
    PyObject *name = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__name__");
    wide_forms("int.__name__", name);
    Py_DECREF(name);

    PyObject *b = PyBytes_FromString("x");
    show_ll("AsUnicode(b'x') is NULL", PyUnicode_AsUnicode(b) == NULL);
    show_ll("AsUnicodeAndSize(b'x') is NULL", PyUnicode_AsUnicodeAndSize(b, NULL) == NULL);
    show_ll("GetSize(b'x')", PyUnicode_GetSize(b));
    Py_DECREF(b);
    show_ll("GetSize(5)", PyUnicode_GetSize(PyLong_FromLong(5)));

    printf("-- PyUnicode_FromUnicode\n");
    wchar_t text[] = { L'h', L'i', 0, 0xe9, 0x20ac, 0x1f600, 0 };
    show_new("FromUnicode(text, 6)", PyUnicode_FromUnicode(text, 6));
    show_new("FromUnicode(text, 2)", PyUnicode_FromUnicode(text, 2));
    show_new("FromUnicode(text, 0)", PyUnicode_FromUnicode(text, 0));
    PyObject *r = PyUnicode_FromUnicode(text, -1);
    printf("FromUnicode(text, -1) is NULL: %d\n", r == NULL);
    show_bad_internal_call("  error");
    wchar_t bad[] = { L'a', 0x110000 };
    show_new("FromUnicode([a, 0x110000], 2)", PyUnicode_FromUnicode(bad, 2));
    show_new("FromUnicode(NULL, 0)", PyUnicode_FromUnicode(NULL, 0));
    show_new("FromUnicode(NULL, -1)", PyUnicode_FromUnicode(NULL, -1));

    printf("-- legacy strings: FromUnicode(NULL, size), filled, then ready\n");
    wchar_t fills[][4] = { { L'a', L'b', L'c', 0 }, { L'x', 0xe9, L'y', 0 }, { 0x3b1, L'-', 0x3b2, 0 },
                           { L'o', 0x1f600, L'k', 0 }, { L'a', 0, L'b', 0 } };
    for (size_t i = 0; i < sizeof fills / sizeof fills[0]; i++) {
        PyObject *s = PyUnicode_FromUnicode(NULL, 3);
        if (s == NULL) {
            show_exc("FromUnicode(NULL, 3)");
            continue;
        }
        wchar_t *w = PyUnicode_AS_UNICODE(s);
        /* CPython sets only the first and the terminating wchar_t */
        printf("ready before: %u, GET_SIZE %zd, buffer starts %x ends %x, AsUnicode is it: %d\n", PyUnicode_IS_READY(s),
               PyUnicode_GET_SIZE(s), (unsigned)w[0], (unsigned)w[3], PyUnicode_AsUnicode(s) == w);
        memcpy(w, fills[i], 3 * sizeof(wchar_t));
        if (i % 2 == 0) {
            int rc = PyUnicode_READY(s);
            printf("  READY: %d, ready %u, kind %u, length %zd\n", rc, PyUnicode_IS_READY(s), PyUnicode_KIND(s),
                   PyUnicode_GET_LENGTH(s));
        }
        show("  str", s); /* an odd one is made ready by the call that reads it */
        printf("  ready %u, kind %u, GetLength %zd\n", PyUnicode_IS_READY(s), PyUnicode_KIND(s), PyUnicode_GetLength(s));
        show_new("  + '!'", PyUnicode_Concat(s, PyUnicode_FromString("!")));
        show_cstr("  UTF-8", PyUnicode_AsUTF8(s));
        wide_forms("  wide", s);
        Py_DECREF(s);
    }
    PyObject *s = PyUnicode_FromUnicode(NULL, 2);
    wchar_t *w = PyUnicode_AS_UNICODE(s);
    w[0] = L'a';
    w[1] = 0x110000;
    show_ll("READY of [a, 0x110000]", PyUnicode_READY(s));
    Py_DECREF(s);
    return conf_end();
}
