/* str errors: invalid UTF-8 input (UnicodeDecodeError and its attributes), lone surrogates on
   output (UnicodeEncodeError), wrong argument types, out-of-range code points and indices.
   (Other codecs and error handlers are in str_codecs.) */
#include "conformance.h"

static void decode(const char *label, const char *bytes, Py_ssize_t n)
{
    PyObject *s = n < 0 ? PyUnicode_FromString(bytes) : PyUnicode_FromStringAndSize(bytes, n);
    if (s != NULL) {
        show_new(label, s);
        return;
    }
    printf("%s: NULL, matches UnicodeError: %d, ValueError: %d\n", label,
           PyErr_ExceptionMatches(PyExc_UnicodeError), PyErr_ExceptionMatches(PyExc_ValueError));
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    show_type("  type", v);
    show_str("  str", v);
    show_new("  encoding", PyObject_GetAttrString(v, "encoding"));
    show_new("  object", PyObject_GetAttrString(v, "object"));
    show_new("  start", PyObject_GetAttrString(v, "start"));
    show_new("  end", PyObject_GetAttrString(v, "end"));
    show_new("  reason", PyObject_GetAttrString(v, "reason"));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

int main(void)
{
    conf_init();

    decode("FromString(b'\\xff')", "\xff", -1);
    decode("FromString(b'ab\\x80cd')", "ab\x80" "cd", -1);
    decode("FromString(truncated 3-byte sequence)", "x\xe6\x97", -1);
    decode("FromString(b'\\xc3\\x28')", "\xc3\x28", -1);
    decode("FromString(overlong b'\\xc0\\xaf')", "\xc0\xaf", -1);
    decode("FromString(encoded surrogate)", "\xed\xa0\x80", -1);
    decode("FromString(above U+10FFFF)", "\xf4\x90\x80\x80", -1);
    decode("FromStringAndSize(cut inside a character)", "\xe2\x82\xac", 2);
    decode("FromStringAndSize(valid)", "\xe2\x82\xac", 3);
    /* Lone surrogates cannot be encoded to UTF-8. */
    PyObject *sur = PyUnicode_FromOrdinal(0xD800);
    show("FromOrdinal(0xD800)", sur);
    Py_ssize_t n = 0;
    const char *u = PyUnicode_AsUTF8AndSize(sur, &n);
    printf("AsUTF8AndSize(lone surrogate) is NULL: %d, ", u == NULL);
    conf_write_exc();
    printf("\n");
    show_cstr("AsUTF8(lone surrogate)", PyUnicode_AsUTF8(sur));
    show_new("AsUTF8String(lone surrogate)", PyUnicode_AsUTF8String(sur));
    Py_DECREF(sur);

    /* Wrong types. */
    PyObject *num = PyLong_FromLong(5);
    show_cstr("AsUTF8AndSize(5)", PyUnicode_AsUTF8AndSize(num, &n));
    show_cstr("AsUTF8(5)", PyUnicode_AsUTF8(num));
    show_ll("GetLength(5)", PyUnicode_GetLength(num));
    show_new("Concat('a', 5)", PyUnicode_Concat(PyUnicode_FromString("a"), num));
    show_new("Join(',', [1, 2])", PyUnicode_Join(PyUnicode_FromString(","), Py_BuildValue("[ii]", 1, 2)));
    show_new("'a' + 5 via PyNumber_Add", PyNumber_Add(PyUnicode_FromString("a"), num));
    show_new("FromObject(5)", PyUnicode_FromObject(num));
    show_ll("Contains('abc', 5)", PyUnicode_Contains(PyUnicode_FromString("abc"), num));

    /* Ranges. */
    show_new("FromOrdinal(0x110000)", PyUnicode_FromOrdinal(0x110000));
    show_new("FromOrdinal(-1)", PyUnicode_FromOrdinal(-1));
    PyObject *abc = PyUnicode_FromString("abc");
    show_ull("ReadChar('abc', 3)", PyUnicode_ReadChar(abc, 3));
    show_new("Substring('abc', -1, 2)", PyUnicode_Substring(abc, -1, 2));
    show_new("'abc'[5] via PySequence_GetItem", PySequence_GetItem(abc, 5));
    show_new("'abc'['x'] via PyObject_GetItem", PyObject_GetItem(abc, PyUnicode_FromString("x")));
    show_ll("PySequence_SetItem('abc', 0, 'z')", PySequence_SetItem(abc, 0, PyUnicode_FromString("z")));
    show_new("'abc'.index('z')", PyObject_CallMethod(abc, "index", "s", "z"));
    show_new("'%d' % 'x'", PyUnicode_Format(PyUnicode_FromString("%d"), PyUnicode_FromString("x")));
    show_new("'%s %s' % ('x',)", PyUnicode_Format(PyUnicode_FromString("%s %s"), Py_BuildValue("(s)", "x")));
    Py_DECREF(abc);
    Py_DECREF(num);

    return conf_end();
}
