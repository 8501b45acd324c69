/* The methods bytes and bytearray share whose character classes are ASCII's: the is*
   tests, case changes, padding, zfill, removeprefix / removesuffix, partition /
   rpartition, rfind / rindex, rsplit, splitlines, expandtabs, maketrans / translate and
   fromhex, on both types, with CPython's errors. */
#include "conformance.h"

static PyObject *kinds[2];

/* obj.method(*args) for a bytes and a bytearray made of text. */
static void both(const char *text, Py_ssize_t size, const char *method, const char *format, ...)
{
    for (int k = 0; k < 2; k++) {
        PyObject *o = k == 0 ? PyBytes_FromStringAndSize(text, size) : PyByteArray_FromStringAndSize(text, size);
        PyObject *f = PyObject_GetAttrString(o, method);
        PyObject *args;
        va_list va;
        va_start(va, format);
        args = format == NULL ? PyTuple_New(0) : Py_VaBuildValue(format, va);
        va_end(va);
        if (args != NULL && !PyTuple_Check(args)) {
            PyObject *one = PyTuple_Pack(1, args);
            Py_DECREF(args);
            args = one;
        }
        PyObject *r = f == NULL || args == NULL ? NULL : PyObject_Call(f, args, NULL);
        PyObject *label_obj = PyObject_Repr(o);
        char label[200];
        snprintf(label, sizeof label, "%s.%s%s", PyUnicode_AsUTF8(label_obj), method, format == NULL ? "()" : "(...)");
        show_new(label, r);
        Py_XDECREF(label_obj);
        Py_XDECREF(args);
        Py_XDECREF(f);
        Py_DECREF(o);
    }
}

#define BOTH(text, ...) both(text, (Py_ssize_t)(sizeof(text) - 1), __VA_ARGS__)

int main(void)
{
    conf_init();
    kinds[0] = (PyObject *)&PyBytes_Type;
    kinds[1] = (PyObject *)&PyByteArray_Type;

    const char *tests[] = { "isascii", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle" };
    for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
        BOTH("", tests[i], NULL);
        BOTH("abc", tests[i], NULL);
        BOTH("ABC1", tests[i], NULL);
        BOTH("Title Case", tests[i], NULL);
        BOTH("123", tests[i], NULL);
        BOTH(" \t\n\x0b\x0c\r", tests[i], NULL);
        BOTH("caf\xc3\xa9", tests[i], NULL);
        BOTH("\xe9", tests[i], NULL);
    }
    BOTH("Title Case Not", "istitle", NULL);
    BOTH("TItle", "istitle", NULL);
    BOTH("1A 2b", "istitle", NULL);
    BOTH("hello wORLD 3x \xe9t\xe9", "capitalize", NULL);
    BOTH("hello wORLD 3x \xe9t\xe9", "swapcase", NULL);
    BOTH("hello wORLD 3x \xe9t\xe9 o'neil", "title", NULL);
    BOTH("", "capitalize", NULL);

    BOTH("abc", "center", "i", 8);
    BOTH("abc", "center", "i", 7);
    BOTH("abcd", "center", "i", 7);
    BOTH("abcd", "center", "i", 8);
    BOTH("abc", "center", "iy", 9, "*");
    BOTH("abc", "ljust", "iy", 6, "-");
    PyObject *hash_fill = PyByteArray_FromStringAndSize("#", 1);
    BOTH("abc", "rjust", "iO", 6, hash_fill);
    BOTH("abc", "rjust", "i", 2);
    BOTH("abc", "rjust", "i", -1);
    BOTH("abc", "center", "iy", 6, "ab");
    BOTH("abc", "center", "is", 6, "a");
    BOTH("abc", "center", "iO", 6, Py_None);
    BOTH("abc", "center", "s", "6");
    BOTH("abc", "center", NULL);
    BOTH("abc", "center", "(iyi)", 1, "a", 2);
    BOTH("42", "zfill", "i", 5);
    BOTH("-42", "zfill", "i", 5);
    BOTH("+", "zfill", "i", 3);
    BOTH("", "zfill", "i", 3);
    BOTH("abc", "zfill", "i", 2);

    BOTH("prefix-body", "removeprefix", "y", "prefix-");
    BOTH("prefix-body", "removeprefix", "y", "body");
    BOTH("prefix-body", "removesuffix", "y", "-body");
    PyObject *body = PyByteArray_FromStringAndSize("body", 4);
    BOTH("prefix-body", "removesuffix", "O", body);
    BOTH("prefix-body", "removesuffix", "s", "body");
    BOTH("a,b,c", "partition", "y", ",");
    BOTH("a,b,c", "rpartition", "y", ",");
    BOTH("a,b,c", "partition", "y", ";");
    BOTH("a,b,c", "rpartition", "y", ";");
    BOTH("a,b,c", "partition", "y", "");
    BOTH("a,b,c", "partition", "i", 44);

    BOTH("abcabc", "rfind", "y", "bc");
    BOTH("abcabc", "rfind", "i", 99);
    BOTH("abcabc", "rfind", "(yi)", "bc", 2);
    BOTH("abcabc", "rfind", "(yii)", "bc", 0, 4);
    BOTH("abcabc", "rfind", "y", "");
    BOTH("abcabc", "rfind", "y", "zz");
    BOTH("abcabc", "rindex", "y", "ab");
    BOTH("abcabc", "rindex", "y", "zz");
    BOTH("abcabc", "rfind", "i", 300);
    BOTH("abcabc", "rfind", "s", "a");

    BOTH("  a b\tc  ", "rsplit", NULL);
    BOTH("  a b\tc  ", "rsplit", "(Oi)", Py_None, 1);
    BOTH("  a b\tc  ", "rsplit", "(Oi)", Py_None, 0);
    BOTH("a,b,,c", "rsplit", "y", ",");
    BOTH("a,b,,c", "rsplit", "(yi)", ",", 2);
    BOTH("a::b::c", "rsplit", "(yi)", "::", 1);
    BOTH("a,b", "rsplit", "y", "");
    BOTH("a,b", "rsplit", "s", ",");
    BOTH("", "rsplit", NULL);
    BOTH("\xa0" "a\x85" "b", "rsplit", NULL);
    BOTH("one\ntwo\r\nthree\rfour\n\nend", "splitlines", NULL);
    BOTH("one\ntwo\r\nthree\rfour\n\n", "splitlines", "i", 1);
    BOTH("", "splitlines", NULL);
    BOTH("a\x0b" "b\x0c" "c", "splitlines", NULL);
    BOTH("a\tbc\td\n\tx", "expandtabs", NULL);
    BOTH("a\tbc\td\r\tx", "expandtabs", "i", 4);
    BOTH("a\tb", "expandtabs", "i", 0);
    BOTH("a\tb", "expandtabs", "i", -1);
    BOTH("a\tb", "expandtabs", "s", "4");
    PyObject *table = PyObject_CallMethod((PyObject *)&PyBytes_Type, "maketrans", "yy", "abc", "xyz");
    show_new("maketrans(b'abc', b'xyz')[97:100]", PySequence_GetSlice(table, 97, 100));
    show_new("bytearray.maketrans(b'ab', b'x')", PyObject_CallMethod((PyObject *)&PyByteArray_Type, "maketrans", "yy", "ab", "x"));
    show_new("maketrans('a', 'b')", PyObject_CallMethod((PyObject *)&PyBytes_Type, "maketrans", "ss", "a", "b"));
    BOTH("abcabc", "translate", "O", table);
    BOTH("abcabc", "translate", "(Oy)", table, "b");
    BOTH("abcabc", "translate", "(Oy)", Py_None, "ac");
    BOTH("abcabc", "translate", "y", "short");
    BOTH("abcabc", "translate", "s", "text");
    Py_DECREF(table);

    for (int k = 0; k < 2; k++) {
        show_new("fromhex('0a ff 10')", PyObject_CallMethod(kinds[k], "fromhex", "s", "0a ff 10"));
        show_new("fromhex(' 0A\\tFf ')", PyObject_CallMethod(kinds[k], "fromhex", "s", " 0A\tFf "));
        show_new("fromhex('')", PyObject_CallMethod(kinds[k], "fromhex", "s", ""));
        show_new("fromhex('0g')", PyObject_CallMethod(kinds[k], "fromhex", "s", "0g"));
        show_new("fromhex('abc')", PyObject_CallMethod(kinds[k], "fromhex", "s", "abc"));
        show_new("fromhex('a b')", PyObject_CallMethod(kinds[k], "fromhex", "s", "a b"));
        show_new("fromhex('zz')", PyObject_CallMethod(kinds[k], "fromhex", "s", "zz"));
        show_new("fromhex(b'00')", PyObject_CallMethod(kinds[k], "fromhex", "y", "00"));
        show_new("fromhex()", PyObject_CallMethod(kinds[k], "fromhex", NULL));
    }
    Py_DECREF(hash_fill);
    Py_DECREF(body);
    return conf_end();
}
