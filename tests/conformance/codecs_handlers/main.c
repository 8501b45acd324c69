/* Codecs beyond str_codecs: UTF-16 and UTF-32 (byte orders, BOMs, the byteorder out
   parameter), every error handler on every built-in codec in both directions, the exact
   UnicodeDecodeError/UnicodeEncodeError messages and attributes, lone surrogates through
   surrogatepass/surrogateescape round trips, unknown encodings and handlers. */
#include "conformance.h"

/* Shows the pending Unicode error's attributes, then the exception itself (cleared). */
static void show_unicode_error(const char *label, PyObject *result)
{
    if (result != NULL) {
        show_new(label, result);
        return;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    printf("%s: NULL\n", label);
    if (value != NULL && PyObject_TypeCheck(value, (PyTypeObject *)PyExc_UnicodeError)) {
        Py_ssize_t start = -1, end = -1;
        int decode = PyObject_TypeCheck(value, (PyTypeObject *)PyExc_UnicodeDecodeError);
        int encode = PyObject_TypeCheck(value, (PyTypeObject *)PyExc_UnicodeEncodeError);
        if (decode) {
            PyUnicodeDecodeError_GetStart(value, &start);
            PyUnicodeDecodeError_GetEnd(value, &end);
            show_new("  encoding", PyUnicodeDecodeError_GetEncoding(value));
            show_new("  object", PyUnicodeDecodeError_GetObject(value));
            show_new("  reason", PyUnicodeDecodeError_GetReason(value));
        } else if (encode) {
            PyUnicodeEncodeError_GetStart(value, &start);
            PyUnicodeEncodeError_GetEnd(value, &end);
            show_new("  encoding", PyUnicodeEncodeError_GetEncoding(value));
            show_new("  object", PyUnicodeEncodeError_GetObject(value));
            show_new("  reason", PyUnicodeEncodeError_GetReason(value));
        }
        printf("  start=%zd end=%zd\n", start, end);
        check_no_exc(label);
    }
    PyErr_Restore(type, value, tb);
    show_exc("  raised");
}

static const char *handlers[] = {"strict", "replace", "ignore", "surrogateescape", "surrogatepass",
                                 "backslashreplace", "xmlcharrefreplace", "namereplace"};
#define NHANDLERS (int)(sizeof(handlers) / sizeof(handlers[0]))

static void decode_all(const char *encoding, const char *data, Py_ssize_t size)
{
    char label[160];
    for (int i = 0; i < NHANDLERS; i++) {
        snprintf(label, sizeof label, "decode %s %s", encoding, handlers[i]);
        show_unicode_error(label, PyUnicode_Decode(data, size, encoding, handlers[i]));
    }
}

/* namereplace is left out for texts with named characters (not implemented: it needs the
   Unicode name database); surrogates have no name, so it is tested on them. */
static void encode_all(const char *encoding, PyObject *text, int with_namereplace)
{
    char label[160];
    for (int i = 0; i < NHANDLERS - !with_namereplace; i++) {
        snprintf(label, sizeof label, "encode %s %s", encoding, handlers[i]);
        show_unicode_error(label, PyUnicode_AsEncodedString(text, encoding, handlers[i]));
    }
}

int main(void)
{
    conf_init();

    /* UTF-8 decoding errors: each reason, at each position. */
    show_unicode_error("utf-8 invalid start byte", PyUnicode_DecodeUTF8("abc\xff", 4, NULL));
    show_unicode_error("utf-8 lone continuation", PyUnicode_DecodeUTF8("\x80z", 2, NULL));
    show_unicode_error("utf-8 unexpected end", PyUnicode_DecodeUTF8("ab\xe2\x82", 4, NULL));
    show_unicode_error("utf-8 invalid continuation", PyUnicode_DecodeUTF8("a\xe2(b", 4, NULL));
    show_unicode_error("utf-8 invalid continuation 2nd", PyUnicode_DecodeUTF8("a\xe2\x82(b", 5, NULL));
    show_unicode_error("utf-8 encoded surrogate", PyUnicode_DecodeUTF8("\xed\xa0\x80", 3, NULL));
    show_unicode_error("utf-8 overlong", PyUnicode_DecodeUTF8("\xc0\xaf", 2, NULL));
    show_unicode_error("utf-8 above U+10FFFF", PyUnicode_DecodeUTF8("\xf4\x90\x80\x80", 4, NULL));
    show_unicode_error("utf-8 f5", PyUnicode_DecodeUTF8("\xf5\x80", 2, NULL));
    show_unicode_error("utf-8 truncated 4-byte", PyUnicode_DecodeUTF8("\xf0\x9f\x98", 3, NULL));
    {
        Py_ssize_t consumed = -1;
        PyObject *r = PyUnicode_DecodeUTF8Stateful("ab\xe2\x82", 4, NULL, &consumed);
        show_new("utf-8 stateful truncated", r);
        printf("  consumed=%zd\n", consumed);
        consumed = -1;
        r = PyUnicode_DecodeUTF8Stateful("ab\xff\xe2", 4, NULL, &consumed);
        show_unicode_error("utf-8 stateful invalid", r);
        consumed = -1;
        r = PyUnicode_DecodeUTF8Stateful("ab\xff\xe2", 4, "replace", &consumed);
        show_new("utf-8 stateful replace", r);
        printf("  consumed=%zd\n", consumed);
    }
    decode_all("utf-8", "a\xff\xed\xa0\x80z\xe2\x82", 8);
    decode_all("ascii", "a\x80\xffz", 4);
    decode_all("latin-1", "a\x80\xffz", 4);

    /* Encoding: a text with non-ASCII, non-Latin-1, astral and a lone surrogate. */
    PyObject *mixed = PyUnicode_DecodeUTF8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z", 11, NULL);
    PyObject *lone = PyUnicode_DecodeUTF8("x\xed\xa0\x80y\xed\xb3\xbf", 8, "surrogatepass");
    PyObject *escaped = PyUnicode_DecodeUTF8("x\x80\xffy", 4, "surrogateescape");
    show("mixed", mixed);
    show("lone", lone);
    show("escaped", escaped);
    encode_all("ascii", mixed, 0);
    encode_all("latin-1", mixed, 0);
    encode_all("utf-8", lone, 1);
    encode_all("ascii", escaped, 1);
    encode_all("latin-1", escaped, 1);
    encode_all("utf-8", escaped, 1);
    encode_all("utf-16", lone, 1);
    encode_all("utf-32-le", lone, 1);

    /* surrogatepass / surrogateescape round trips keep the exact bytes. */
    {
        PyObject *b = PyUnicode_AsEncodedString(lone, "utf-8", "surrogatepass");
        show("lone -> utf-8 surrogatepass", b);
        show_new("and back", b ? PyUnicode_FromEncodedObject(b, "utf-8", "surrogatepass") : NULL);
        Py_XDECREF(b);
        b = PyUnicode_AsEncodedString(escaped, "utf-8", "surrogateescape");
        show("escaped -> utf-8 surrogateescape", b);
        Py_XDECREF(b);
        b = PyUnicode_AsEncodedString(escaped, "latin-1", "surrogateescape");
        show_new("escaped -> latin-1 surrogateescape", b);
        show_new("utf-16-le surrogatepass decode",
                 PyUnicode_Decode("\x00\xd8\x41\x00", 4, "utf-16-le", "surrogatepass"));
        show_new("utf-32-be surrogatepass decode",
                 PyUnicode_Decode("\x00\x00\xd8\x00", 4, "utf-32-be", "surrogatepass"));
    }

    /* UTF-16: explicit byte orders, BOM detection, byteorder out parameter. */
    PyObject *text = PyUnicode_FromString("A\xe2\x82\xac\xf0\x9f\x98\x80");
    show_new("AsUTF16String", PyUnicode_AsUTF16String(text));
    show_new("utf-16-le", PyUnicode_AsEncodedString(text, "utf-16-le", NULL));
    show_new("utf-16-be", PyUnicode_AsEncodedString(text, "utf-16-be", NULL));
    show_new("UTF-16 alias", PyUnicode_AsEncodedString(text, "UTF-16", NULL));
    show_new("utf_16_be alias", PyUnicode_AsEncodedString(text, "utf_16_be", NULL));
    show_new("AsUTF32String", PyUnicode_AsUTF32String(text));
    show_new("utf-32-be", PyUnicode_AsEncodedString(text, "utf-32-be", NULL));
    show_new("utf-32-le", PyUnicode_AsEncodedString(text, "utf-32-le", NULL));
    {
        int bo;
        const char le_bom[] = "\xff\xfe" "A\x00" "\xac\x20";
        const char be_bom[] = "\xfe\xff" "\x00" "A" "\x20\xac";
        const char none[] = "A\x00" "\x3d\xd8\x00\xde";
        bo = 0;
        show_new("DecodeUTF16 LE BOM, bo=0", PyUnicode_DecodeUTF16(le_bom, 6, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 0;
        show_new("DecodeUTF16 BE BOM, bo=0", PyUnicode_DecodeUTF16(be_bom, 6, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 0;
        show_new("DecodeUTF16 no BOM, bo=0", PyUnicode_DecodeUTF16(none, 6, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 1;
        show_new("DecodeUTF16 BE forced on LE bytes", PyUnicode_DecodeUTF16(none, 6, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = -1;
        show_new("DecodeUTF16 LE forced, BOM kept", PyUnicode_DecodeUTF16(le_bom, 6, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        show_new("DecodeUTF16 NULL byteorder", PyUnicode_DecodeUTF16(be_bom, 6, NULL, NULL));
        bo = 0;
        show_unicode_error("DecodeUTF16 odd length", PyUnicode_DecodeUTF16("A\x00" "B", 3, NULL, &bo));
        bo = -1;
        show_unicode_error("DecodeUTF16 lone high surrogate at end", PyUnicode_DecodeUTF16("\x3d\xd8", 2, NULL, &bo));
        bo = -1;
        show_unicode_error("DecodeUTF16 high then non-low", PyUnicode_DecodeUTF16("\x3d\xd8" "A\x00", 4, NULL, &bo));
        bo = -1;
        show_unicode_error("DecodeUTF16 lone low", PyUnicode_DecodeUTF16("\x00\xde" "A\x00", 4, NULL, &bo));
        bo = -1;
        show_new("DecodeUTF16 lone low, replace", PyUnicode_DecodeUTF16("\x00\xde" "A\x00", 4, "replace", &bo));
        bo = -1;
        show_new("DecodeUTF16 odd, ignore", PyUnicode_DecodeUTF16("A\x00" "B", 3, "ignore", &bo));
        Py_ssize_t consumed = -1;
        bo = -1;
        show_new("DecodeUTF16Stateful odd", PyUnicode_DecodeUTF16Stateful("A\x00" "B", 3, NULL, &bo, &consumed));
        printf("  consumed=%zd\n", consumed);
        consumed = -1;
        bo = -1;
        show_new("DecodeUTF16Stateful half pair",
                 PyUnicode_DecodeUTF16Stateful("A\x00\x3d\xd8", 4, NULL, &bo, &consumed));
        printf("  consumed=%zd\n", consumed);

        const char u32le_bom[] = "\xff\xfe\x00\x00" "A\x00\x00\x00" "\x00\xf6\x01\x00";
        bo = 0;
        show_new("DecodeUTF32 LE BOM", PyUnicode_DecodeUTF32(u32le_bom, 12, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 1;
        show_new("DecodeUTF32 BE", PyUnicode_DecodeUTF32("\x00\x00\x00" "A", 4, NULL, &bo));
        bo = 0;
        show_unicode_error("DecodeUTF32 truncated", PyUnicode_DecodeUTF32("A\x00\x00", 3, NULL, &bo));
        bo = -1;
        show_unicode_error("DecodeUTF32 out of range", PyUnicode_DecodeUTF32("\x00\x00\x11\x00", 4, NULL, &bo));
        bo = -1;
        show_unicode_error("DecodeUTF32 surrogate", PyUnicode_DecodeUTF32("\x00\xd8\x00\x00", 4, NULL, &bo));
        bo = -1;
        show_new("DecodeUTF32 out of range, replace", PyUnicode_DecodeUTF32("\x00\x00\x11\x00" "B\x00\x00\x00", 8, "replace", &bo));
        decode_all("utf-16-le", "A\x00\x00\xde" "B", 5);
        decode_all("utf-32-be", "\x00\x00\x00" "A" "\x00\x11\x00\x00" "\x00\x00", 10);
    }

    /* The codec registry: names, aliases, errors. */
    show_new("Decode 'Latin1' alias", PyUnicode_Decode("\xe9", 1, "Latin1", NULL));
    show_new("Decode 'iso-8859-1' alias", PyUnicode_Decode("\xe9", 1, "iso-8859-1", NULL));
    show_new("Decode 'US-ASCII' alias", PyUnicode_Decode("e", 1, "US-ASCII", NULL));
    show_new("Decode 'utf8' alias", PyUnicode_Decode("e", 1, "utf8", NULL));
    show_new("Decode 'U8' alias", PyUnicode_Decode("e", 1, "U8", NULL));
    show_new("Decode unknown 'xyz'", PyUnicode_Decode("a", 1, "xyz", NULL));
    show_new("Encode unknown 'xyz'", PyUnicode_AsEncodedString(text, "xyz", NULL));
    show_new("Decode unknown handler 'xyz'", PyUnicode_Decode("a\xff", 2, "ascii", "xyz"));
    show_new("Encode unknown handler 'xyz'", PyUnicode_AsEncodedString(text, "ascii", "xyz"));
    show_new("Encode unknown handler, encodable", PyUnicode_AsEncodedString(text, "utf-8", "xyz"));
    show_new("utf-16 unknown handler", PyUnicode_Decode("\x00\xde", 2, "utf-16-le", "xyz"));
    show_new("AsUTF8String lone", PyUnicode_AsUTF8String(lone));
    show_cstr("AsUTF8 lone", PyUnicode_AsUTF8(lone));
    show_new("EncodeLocale-free: AsASCIIString escaped", PyUnicode_AsASCIIString(escaped));
    show_new("AsLatin1String lone", PyUnicode_AsLatin1String(lone));
    show_new("DecodeLatin1 NULL errors", PyUnicode_DecodeLatin1("\xff", 1, NULL));
    show_new("DecodeASCII surrogateescape", PyUnicode_DecodeASCII("\x80", 1, "surrogateescape"));

    /* Registry-only aliases rewrap a plain exception; direct names do not. */
    show_new("Decode 'U8' unknown handler", PyUnicode_Decode("a\xff", 2, "U8", "xyz"));
    show_new("Decode 'latin' unknown handler (no error)", PyUnicode_Decode("a\xff", 2, "latin", "xyz"));
    show_new("Encode 'US' unknown handler", PyUnicode_AsEncodedString(text, "US", "xyz"));
    show_new("Encode 'utf_16_be' unknown handler", PyUnicode_AsEncodedString(lone, "utf_16_be", "xyz"));
    show_new("Decode 'u16' BOM", PyUnicode_Decode("\xfe\xff\x00" "A", 4, "u16", NULL));
    show_new("Decode 'utf-32' no BOM", PyUnicode_Decode("A\x00\x00\x00", 4, "utf-32", NULL));

    /* Edges: empty input, a BOM alone, NULL names, other argument types. */
    {
        PyObject *empty = PyUnicode_FromString("");
        show_new("utf-16 of ''", PyUnicode_AsEncodedString(empty, "utf-16", NULL));
        show_new("utf-32 of ''", PyUnicode_AsUTF32String(empty));
        show_new("utf-16-be of ''", PyUnicode_AsEncodedString(empty, "utf-16-be", NULL));
        int bo = 0;
        show_new("DecodeUTF16 BOM only", PyUnicode_DecodeUTF16("\xff\xfe", 2, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 0;
        show_new("DecodeUTF16 empty", PyUnicode_DecodeUTF16("", 0, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        bo = 0;
        show_new("DecodeUTF32 BE BOM only", PyUnicode_DecodeUTF32("\x00\x00\xfe\xff", 4, NULL, &bo));
        printf("  byteorder=%d\n", bo);
        Py_ssize_t consumed = -1;
        bo = 0;
        show_new("DecodeUTF16Stateful one byte", PyUnicode_DecodeUTF16Stateful("\xff", 1, NULL, &bo, &consumed));
        printf("  consumed=%zd byteorder=%d\n", consumed, bo);
        consumed = -1;
        bo = 0;
        show_new("DecodeUTF32Stateful 6 bytes", PyUnicode_DecodeUTF32Stateful("A\x00\x00\x00" "B\x00", 6, NULL, &bo, &consumed));
        printf("  consumed=%zd byteorder=%d\n", consumed, bo);
        show_new("Decode utf-16 BE BOM", PyUnicode_Decode("\xfe\xff\x00" "A", 4, "utf-16", NULL));
        show_new("Decode NULL encoding", PyUnicode_Decode("\xc3\xa9", 2, NULL, NULL));
        show_new("AsEncodedString NULL encoding", PyUnicode_AsEncodedString(text, NULL, NULL));
        show_new("AsEncodedString(bytes)", PyUnicode_AsEncodedString(PyBytes_FromString("x"), "utf-8", NULL));
        show_new("AsUTF16String(bytes)", PyUnicode_AsUTF16String(PyBytes_FromString("x")));
        show_new("FromEncodedObject(bytearray, utf-16-le)",
                 PyUnicode_FromEncodedObject(PyByteArray_FromStringAndSize("A\x00", 2), "utf-16-le", NULL));
        show_new("FromEncodedObject(memoryview, ascii, strict)",
                 PyUnicode_FromEncodedObject(PyMemoryView_FromObject(PyBytes_FromString("a\xff")), "ascii", NULL));
        show_new("FromEncodedObject(int)", PyUnicode_FromEncodedObject(PyLong_FromLong(1), "utf-8", NULL));
        consumed = -1;
        show_new("DecodeUTF8Stateful encoded surrogate prefix, surrogatepass",
                 PyUnicode_DecodeUTF8Stateful("a\xed\xa0", 3, "surrogatepass", &consumed));
        printf("  consumed=%zd\n", consumed);
        Py_DECREF(empty);
    }

    /* Creating a UnicodeDecodeError and moving its fields. */
    {
        PyObject *exc = PyUnicodeDecodeError_Create("utf-8", "ab\xff", 3, 2, 3, "bad byte");
        show("Create", exc);
        show_str("Create str", exc);
        Py_ssize_t v = -7;
        PyUnicodeDecodeError_SetStart(exc, 10);
        PyUnicodeDecodeError_GetStart(exc, &v);
        printf("start set to 10, read: %zd\n", v);
        PyUnicodeDecodeError_SetStart(exc, -4);
        PyUnicodeDecodeError_GetStart(exc, &v);
        printf("start set to -4, read: %zd\n", v);
        PyUnicodeDecodeError_SetEnd(exc, 0);
        PyUnicodeDecodeError_GetEnd(exc, &v);
        printf("end set to 0, read: %zd\n", v);
        PyUnicodeDecodeError_SetEnd(exc, 99);
        PyUnicodeDecodeError_GetEnd(exc, &v);
        printf("end set to 99, read: %zd\n", v);
        PyUnicodeDecodeError_SetReason(exc, "new reason");
        show_new("reason", PyUnicodeDecodeError_GetReason(exc));
        PyObject_SetAttrString(exc, "object", Py_None);
        show_new("object not bytes", PyUnicodeDecodeError_GetObject(exc));
        printf("GetStart with object None: %d\n", PyUnicodeDecodeError_GetStart(exc, &v));
        show_exc("  raised");
        PyObject_SetAttrString(exc, "encoding", Py_None);
        show_new("encoding not str", PyUnicodeDecodeError_GetEncoding(exc));
        Py_DECREF(exc);
        PyObject *empty = PyUnicodeDecodeError_Create("ascii", "", 0, 0, 0, "nothing");
        PyUnicodeDecodeError_GetStart(empty, &v);
        printf("start of an empty object: %zd\n", v);
        PyUnicodeDecodeError_GetEnd(empty, &v);
        printf("end of an empty object: %zd\n", v);
        Py_DECREF(empty);
    }

    Py_DECREF(mixed);
    Py_DECREF(lone);
    Py_DECREF(escaped);
    Py_DECREF(text);
    return conf_end();
}
