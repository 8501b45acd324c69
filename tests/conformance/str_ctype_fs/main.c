/* The smaller str functions extensions use: Py_UNICODE_ISSPACE and the other character
   types, PyUnicode_AsUCS4, _PyUnicode_FastCopyCharacters into a string being built
   (Cython's join), PyUnicode_DecodeUTF8Stateful with cut sequences, and the file system
   encoding functions. */
#include "conformance.h"

static void decode_stateful(const char *label, const char *s, Py_ssize_t size, const char *errors)
{
    Py_ssize_t consumed = -1;
    PyObject *r = PyUnicode_DecodeUTF8Stateful(s, size, errors, &consumed);
    printf("%s: consumed %zd of %zd, ", label, consumed, size);
    show_new("result", r);
}

int main(void)
{
    conf_init();

    printf("-- character types\n");
    Py_UCS4 chars[] = { ' ', '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1f, 0x20, 'a', '0', 0x85, 0xa0, 0x1680, 0x2000,
                        0x2028, 0x2029, 0x202f, 0x3000, 0x180e, 0x200b, 0xfeff, 0xb2, 0x2460, 0x0660, 0xff10,
                        'A', 0xc0, 0x391, 0x10400, 0x130, 0x1e9e, 0xd800, 0x10ffff };
    for (size_t i = 0; i < sizeof chars / sizeof *chars; i++) {
        Py_UCS4 c = chars[i];
        printf("U+%04X: space %d, digit %d, lower U+%04X\n", (unsigned)c, Py_UNICODE_ISSPACE(c) != 0,
               Py_UNICODE_ISDIGIT(c) != 0, (unsigned)Py_UNICODE_TOLOWER(c));
    }

    printf("-- PyUnicode_AsUCS4\n");
    PyObject *s = PyUnicode_FromString("h\xc3\xa9\xf0\x9f\x98\x80!");
    Py_UCS4 buffer[8];
    for (int i = 0; i < 8; i++) {
        buffer[i] = 0xAAAA;
    }
    Py_UCS4 *r = PyUnicode_AsUCS4(s, buffer, 8, 1);
    printf("copy with NUL: %s, %X %X %X %X %X %X\n", r == buffer ? "buffer" : "NULL", (unsigned)buffer[0],
           (unsigned)buffer[1], (unsigned)buffer[2], (unsigned)buffer[3], (unsigned)buffer[4], (unsigned)buffer[5]);
    r = PyUnicode_AsUCS4(s, buffer, 4, 0);
    printf("exact fit without NUL: %s, last %X, after %X\n", r == buffer ? "buffer" : "NULL", (unsigned)buffer[3],
           (unsigned)buffer[4]);
    buffer[0] = 0xAAAA;
    r = PyUnicode_AsUCS4(s, buffer, 4, 1);
    printf("too small with NUL: %s, first %X, ", r == buffer ? "buffer" : "NULL", (unsigned)buffer[0]);
    show_exc("error");
    r = PyUnicode_AsUCS4(s, buffer, 3, 0);
    printf("too small: %s, ", r == buffer ? "buffer" : "NULL");
    show_exc("error");

    printf("-- _PyUnicode_FastCopyCharacters\n");
    PyObject *parts[] = { PyUnicode_FromString("ab"), PyUnicode_FromString("\xc3\xa9"),
                          PyUnicode_FromString("\xe2\x82\xac"), PyUnicode_FromString("\xf0\x9f\x98\x80"),
                          PyUnicode_FromString("") };
    Py_ssize_t total = 0;
    Py_UCS4 maxchar = 0;
    for (int i = 0; i < 5; i++) {
        total += PyUnicode_GET_LENGTH(parts[i]);
        maxchar = PyUnicode_MAX_CHAR_VALUE(parts[i]) > maxchar ? PyUnicode_MAX_CHAR_VALUE(parts[i]) : maxchar;
    }
    Py_UCS4 kinds[] = { 0x7f, 0xff, 0xffff, 0x10ffff };
    for (int k = 0; k < 4; k++) {
        /* Only the parts that fit the kind of the string being built. */
        Py_ssize_t length = 0;
        for (int i = 0; i < 5; i++) {
            if (PyUnicode_MAX_CHAR_VALUE(parts[i]) <= kinds[k]) {
                length += PyUnicode_GET_LENGTH(parts[i]);
            }
        }
        PyObject *joined = PyUnicode_New(length, kinds[k]);
        Py_ssize_t at = 0;
        for (int i = 0; i < 5; i++) {
            if (PyUnicode_MAX_CHAR_VALUE(parts[i]) <= kinds[k]) {
                _PyUnicode_FastCopyCharacters(joined, at, parts[i], 0, PyUnicode_GET_LENGTH(parts[i]));
                at += PyUnicode_GET_LENGTH(parts[i]);
            }
        }
        printf("maxchar %X: kind %d, ", (unsigned)kinds[k], PyUnicode_KIND(joined));
        show_new("joined", joined);
    }
    /* The parts in reverse order, the last one from its second character: a string of
       the widest kind, equal (and hashing equal) to the same text made from UTF-8. */
    PyObject *whole = PyUnicode_New(total - 1, maxchar);
    Py_ssize_t at = 0;
    for (int i = 4; i >= 1; i--) {
        _PyUnicode_FastCopyCharacters(whole, at, parts[i], 0, PyUnicode_GET_LENGTH(parts[i]));
        at += PyUnicode_GET_LENGTH(parts[i]);
    }
    _PyUnicode_FastCopyCharacters(whole, at, parts[0], 1, 1);
    PyObject *again = PyUnicode_FromString("\xf0\x9f\x98\x80\xe2\x82\xac\xc3\xa9" "b");
    printf("equal to a str made again: %d, same hash: %d\n", PyUnicode_Compare(whole, again) == 0,
           PyObject_Hash(whole) == PyObject_Hash(again));
    show("reversed parts", whole);
    Py_DECREF(again);
    Py_DECREF(whole);
    for (int i = 0; i < 5; i++) {
        Py_DECREF(parts[i]);
    }

    printf("-- PyUnicode_DecodeUTF8Stateful\n");
    decode_stateful("whole", "h\xc3\xa9", 3, NULL);
    decode_stateful("cut 2-byte", "h\xc3", 2, NULL);
    decode_stateful("cut 3-byte after 1", "ab\xe2", 3, NULL);
    decode_stateful("cut 3-byte after 2", "ab\xe2\x82", 4, NULL);
    decode_stateful("cut 4-byte after 3", "\xf0\x9f\x98", 3, NULL);
    decode_stateful("bad second byte", "a\xe0\x80", 3, "replace");
    decode_stateful("surrogate lead", "a\xed\xa0", 3, "replace");
    decode_stateful("invalid lead", "a\xff", 2, "replace");
    decode_stateful("lone continuation", "a\x80", 2, "replace");
    decode_stateful("strict invalid", "a\xff", 2, "strict");
    decode_stateful("empty", "", 0, NULL);
    PyObject *plain = PyUnicode_DecodeUTF8Stateful("ab\xc3", 3, "replace", NULL);
    show_new("consumed NULL", plain);

    printf("-- file system encoding\n");
    printf("Py_FileSystemDefaultEncoding: %s, errors %s, default encoding %s\n", Py_FileSystemDefaultEncoding,
           Py_FileSystemDefaultEncodeErrors, PyUnicode_GetDefaultEncoding());
    PyObject *fs = PyUnicode_DecodeFSDefault("caf\xc3\xa9-\xff");
    show("DecodeFSDefault", fs);
    show_new("EncodeFSDefault", PyUnicode_EncodeFSDefault(fs));
    show_new("DecodeFSDefaultAndSize", PyUnicode_DecodeFSDefaultAndSize("abc\xfe", 4));
    show_new("EncodeFSDefault(int)", PyUnicode_EncodeFSDefault(Py_True));
    PyObject *lone = PyUnicode_DecodeUTF8("\xed\xa0\x80", 3, "surrogatepass");
    show_new("EncodeFSDefault(lone surrogate)", PyUnicode_EncodeFSDefault(lone));
    Py_XDECREF(lone);
    Py_DECREF(fs);
    Py_DECREF(s);
    return conf_end();
}
