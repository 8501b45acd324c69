/* Codecs beyond strict UTF-8: error handlers (strict, replace, ignore, surrogateescape,
   backslashreplace), ASCII and Latin-1, named encodings, and their errors. */
#include "conformance.h"

int main(void)
{
    conf_init();

    show_new("DecodeUTF8 strict", PyUnicode_DecodeUTF8("a\xff", 2, "strict"));
    show_new("DecodeUTF8 NULL errors (strict)", PyUnicode_DecodeUTF8("a\xff", 2, NULL));
    show_new("DecodeUTF8 replace", PyUnicode_DecodeUTF8("a\xffz", 3, "replace"));
    show_new("DecodeUTF8 ignore", PyUnicode_DecodeUTF8("a\xff" "b", 3, "ignore"));
    show_new("DecodeUTF8 surrogateescape", PyUnicode_DecodeUTF8("a\xff", 2, "surrogateescape"));
    show_new("DecodeUTF8 backslashreplace", PyUnicode_DecodeUTF8("a\xff", 2, "backslashreplace"));
    show_new("DecodeUTF8 unknown handler", PyUnicode_DecodeUTF8("a\xff", 2, "no-such-handler"));
    show_new("DecodeUTF8 unknown handler, valid input", PyUnicode_DecodeUTF8("ab", 2, "no-such-handler"));
    show_new("DecodeASCII ok", PyUnicode_DecodeASCII("plain", 5, NULL));
    show_new("DecodeASCII error", PyUnicode_DecodeASCII("a\xe9", 2, NULL));
    show_new("DecodeASCII replace", PyUnicode_DecodeASCII("a\xe9", 2, "replace"));
    show_new("DecodeLatin1", PyUnicode_DecodeLatin1("caf\xe9\xff", 5, NULL));
    show_new("Decode('latin-1')", PyUnicode_Decode("\xe9", 1, "latin-1", NULL));
    show_new("Decode('utf-8')", PyUnicode_Decode("\xc3\xa9", 2, "utf-8", NULL));
    show_new("Decode('UTF8') alias", PyUnicode_Decode("\xc3\xa9", 2, "UTF8", NULL));
    show_new("Decode unknown encoding", PyUnicode_Decode("a", 1, "no-such-codec", NULL));
    show_new("bytes.decode('ascii')", PyObject_CallMethod(PyBytes_FromString("caf\xc3\xa9"), "decode", "s", "ascii"));

    PyObject *cafe = PyUnicode_FromString("caf\xc3\xa9");
    PyObject *euro = PyUnicode_FromString("\xe2\x82\xac");
    PyObject *sur = PyUnicode_DecodeUTF8("a\xff", 2, "surrogateescape");
    show_new("AsASCIIString('caf\\xe9')", PyUnicode_AsASCIIString(cafe));
    show_new("AsASCIIString('abc')", PyUnicode_AsASCIIString(PyUnicode_FromString("abc")));
    show_new("AsLatin1String('caf\\xe9')", PyUnicode_AsLatin1String(cafe));
    show_new("AsLatin1String('\\u20ac')", PyUnicode_AsLatin1String(euro));
    show_new("AsEncodedString(utf-8)", PyUnicode_AsEncodedString(euro, "utf-8", NULL));
    show_new("AsEncodedString(ascii, replace)", PyUnicode_AsEncodedString(cafe, "ascii", "replace"));
    show_new("AsEncodedString(ascii, xmlcharrefreplace)", PyUnicode_AsEncodedString(euro, "ascii", "xmlcharrefreplace"));
    show_new("AsEncodedString(ascii, backslashreplace)", PyUnicode_AsEncodedString(euro, "ascii", "backslashreplace"));
    show_new("AsEncodedString(utf-8, surrogateescape) round trip", PyUnicode_AsEncodedString(sur, "utf-8", "surrogateescape"));
    show_new("AsEncodedString(utf-8) of a surrogate", PyUnicode_AsEncodedString(sur, "utf-8", NULL));
    show_new("AsEncodedString(unknown)", PyUnicode_AsEncodedString(cafe, "no-such-codec", NULL));
    show_new("FromEncodedObject(b'caf\\xc3\\xa9', utf-8)",
             PyUnicode_FromEncodedObject(PyBytes_FromString("caf\xc3\xa9"), "utf-8", NULL));
    show_new("FromEncodedObject(str)", PyUnicode_FromEncodedObject(cafe, "utf-8", NULL));

    Py_DECREF(cafe);
    Py_DECREF(euro);
    Py_DECREF(sur);
    return conf_end();
}
