/* str: UTF-8 in and out, lengths in code points, non-ASCII text, repr escapes, the PEP 393
   kinds seen through the layout macros. (Operations on str are in str_methods.) */
#include "conformance.h"

static void show_utf8(const char *label, PyObject *s)
{
    Py_ssize_t n = -7;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    printf("%s: ", label);
    if (u == NULL) {
        conf_write_exc();
        fputc('\n', stdout);
        return;
    }
    printf("%zd bytes:", n);
    for (Py_ssize_t i = 0; i < n; i++) {
        printf(" %02x", (unsigned char)u[i]);
    }
    printf(" | NUL-terminated: %d\n", u[n] == '\0');
}

int main(void)
{
    conf_init();

    const char *texts[] = {
        "", "hello", "h\xc3\xa9llo", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xf0\x9f\x98\x80 smile",
        "tab\there", "new\nline", "quote's", "both '\"", "back\\slash", "\x7f\x01", "\xc2\xa0nbsp",
        "\xe2\x80\xa8sep", "\xef\xbb\xbf" "bom",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        PyObject *s = PyUnicode_FromString(texts[i]);
        char label[32];
        snprintf(label, sizeof label, "text %zu", i);
        show(label, s);
        printf("  GetLength=%zd GET_LENGTH=%zd\n", PyUnicode_GetLength(s), PyUnicode_GET_LENGTH(s));
        show_utf8("  utf8", s);
        Py_DECREF(s);
    }

    /* FromStringAndSize takes an explicit length: embedded NULs and prefixes. */
    PyObject *s = PyUnicode_FromStringAndSize("ab\0cd", 5);
    show("FromStringAndSize('ab\\0cd', 5)", s);
    printf("  length: %zd\n", PyUnicode_GetLength(s));
    show_utf8("  utf8", s);
    Py_DECREF(s);
    show_new("FromStringAndSize('abcdef', 3)", PyUnicode_FromStringAndSize("abcdef", 3));
    show_new("FromStringAndSize(NULL, 0)", PyUnicode_FromStringAndSize(NULL, 0));

    /* The same text built two ways compares and hashes equal. */
    PyObject *a = PyUnicode_FromString("caf\xc3\xa9");
    PyObject *b = PyUnicode_FromStringAndSize("caf\xc3\xa9!", 5);
    printf("equal: %d\n", PyObject_RichCompareBool(a, b, Py_EQ));
    printf("hashes equal: %d\n", PyObject_Hash(a) == PyObject_Hash(b));
    printf("PyUnicode_Compare: %d\n", PyUnicode_Compare(a, b));
    printf("CompareWithASCIIString('caf'): %d\n", PyUnicode_CompareWithASCIIString(a, "caf") > 0);
    show_cstr("PyUnicode_AsUTF8", PyUnicode_AsUTF8(a));
    printf("AsUTF8 returns the same buffer twice: %d\n", PyUnicode_AsUTF8(a) == PyUnicode_AsUTF8(a));
    printf("ReadChar(3): U+%04X\n", (unsigned)PyUnicode_ReadChar(a, 3));
    printf("READ_CHAR(3): U+%04X\n", (unsigned)PyUnicode_READ_CHAR(a, 3));
    printf("KIND: %d, IS_ASCII: %d\n", (int)PyUnicode_KIND(a), (int)PyUnicode_IS_ASCII(a));
    Py_DECREF(b);

    show_new("FromOrdinal(0x1F600)", PyUnicode_FromOrdinal(0x1F600));
    show_new("AsUTF8String", PyUnicode_AsUTF8String(a));
    Py_DECREF(a);

    /* Kinds follow the widest character. */
    const char *kinds[] = {"abc", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
    for (int i = 0; i < 4; i++) {
        PyObject *k = PyUnicode_FromString(kinds[i]);
        printf("kind of %s: %d, max char: 0x%X\n", kinds[i], (int)PyUnicode_KIND(k),
               (unsigned)PyUnicode_MAX_CHAR_VALUE(k));
        Py_DECREF(k);
    }

    return conf_end();
}
