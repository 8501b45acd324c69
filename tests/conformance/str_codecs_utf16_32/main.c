/* The utf-16 and utf-32 codecs through the C API: byte order marks, the -le/-be forms,
   astral characters, and the errors of truncated or ill-formed data and lone surrogates
   (with surrogatepass, surrogateescape and replace). */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *text = PyUnicode_FromString("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    show_new("AsEncodedString(utf-16)", PyUnicode_AsEncodedString(text, "utf-16", NULL));
    show_new("AsEncodedString(UTF-16LE)", PyUnicode_AsEncodedString(text, "UTF-16LE", NULL));
    show_new("AsEncodedString(utf_16_be)", PyUnicode_AsEncodedString(text, "utf_16_be", NULL));
    show_new("AsEncodedString(utf-32)", PyUnicode_AsEncodedString(text, "utf-32", NULL));
    show_new("AsEncodedString(utf-32-be)", PyUnicode_AsEncodedString(text, "utf-32-be", NULL));
    show_new("AsEncodedString(u16) of ''", PyUnicode_AsEncodedString(PyUnicode_FromString(""), "u16", NULL));

    PyObject *sur = PyUnicode_DecodeUTF8("x\xff", 2, "surrogateescape");
    show_new("AsEncodedString(utf-16) of a surrogate", PyUnicode_AsEncodedString(sur, "utf-16", NULL));
    show_new("AsEncodedString(utf-16-le, surrogatepass)", PyUnicode_AsEncodedString(sur, "utf-16-le", "surrogatepass"));
    show_new("AsEncodedString(utf-32-be, surrogatepass)", PyUnicode_AsEncodedString(sur, "utf-32-be", "surrogatepass"));
    show_new("AsEncodedString(utf-16-le, surrogateescape)", PyUnicode_AsEncodedString(sur, "utf-16-le", "surrogateescape"));
    show_new("AsEncodedString(utf-32-le, replace)", PyUnicode_AsEncodedString(sur, "utf-32-le", "replace"));
    show_new("AsEncodedString(utf-16-be, backslashreplace)", PyUnicode_AsEncodedString(sur, "utf-16-be", "backslashreplace"));

    show_new("Decode(utf-16) with LE mark", PyUnicode_Decode("\xff\xfe" "a\0", 4, "utf-16", NULL));
    show_new("Decode(utf-16) with BE mark", PyUnicode_Decode("\xfe\xff\0a", 4, "utf-16", NULL));
    show_new("Decode(utf-16-le) keeps the mark", PyUnicode_Decode("\xff\xfe" "a\0", 4, "utf-16-le", NULL));
    show_new("Decode(utf-16) pair", PyUnicode_Decode("=\xd8\0\xde", 4, "utf-16", NULL));
    show_new("Decode(utf-16) odd length", PyUnicode_Decode("a\0b", 3, "utf-16", NULL));
    show_new("Decode(utf-16-le) lone low surrogate", PyUnicode_Decode("\0\xdc", 2, "utf-16-le", NULL));
    show_new("Decode(utf-16-le) high then not low", PyUnicode_Decode("\0\xd8" "a\0", 4, "utf-16-le", NULL));
    show_new("Decode(utf-16-le) high at the end", PyUnicode_Decode("a\0\0\xd8", 4, "utf-16-le", NULL));
    show_new("Decode(utf-16-be) bad with BOM", PyUnicode_Decode("\xfe\xff\xdc\0", 4, "utf-16", NULL));
    show_new("Decode(utf-16-le, surrogatepass)", PyUnicode_Decode("\0\xdc" "a\0", 4, "utf-16-le", "surrogatepass"));
    show_new("Decode(utf-16-le, surrogateescape)", PyUnicode_Decode("\0\xdc" "a\0", 4, "utf-16-le", "surrogateescape"));
    show_new("Decode(utf-16-le, replace)", PyUnicode_Decode("\0\xd8" "a\0b", 5, "utf-16-le", "replace"));
    show_new("Decode(utf-32) with BE mark", PyUnicode_Decode("\0\0\xfe\xff\0\x01\xf6\0", 8, "utf-32", NULL));
    show_new("Decode(utf-32-le) past U+10FFFF", PyUnicode_Decode("\0\0\x11\0", 4, "utf-32-le", NULL));
    show_new("Decode(utf-32-le) surrogate", PyUnicode_Decode("\0\xd8\0\0", 4, "utf-32-le", NULL));
    show_new("Decode(utf-32-le) truncated", PyUnicode_Decode("a\0\0\0b", 5, "utf-32-le", NULL));
    show_new("Decode(utf-32-le, surrogatepass)", PyUnicode_Decode("\0\xd8\0\0", 4, "utf-32-le", "surrogatepass"));
    show_new("Decode(utf-32-be, backslashreplace)", PyUnicode_Decode("\0\x11\0\0", 4, "utf-32-be", "backslashreplace"));

    Py_DECREF(text);
    Py_DECREF(sur);
    return conf_end();
}
