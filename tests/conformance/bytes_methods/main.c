/* bytes methods beyond the common ones, called from C on bytes and on bytearray (which shares
   them): case changes and tests (ASCII only), padding, expandtabs, partition, removeprefix,
   rfind/rindex, rsplit, splitlines, translate, fromhex (a class method), maketrans (a static
   method), __bytes__ and __getnewargs__, with their argument errors; and the kind of each
   entry in bytes.__dict__ and bytearray.__dict__. */
#include "conformance.h"

/* Prints "<repr(self)>.<name><repr(args)> [**<repr(kwargs)>]: <repr(result) or exception>";
   args is stolen (NULL means no arguments), kwargs too. */
static void call(PyObject *self, const char *name, PyObject *args, PyObject *kwargs)
{
    if (args == NULL) {
        args = PyTuple_New(0);
    }
    PyObject *label = kwargs == NULL ? PyUnicode_FromFormat("%R.%s%R", self, name, args)
                                     : PyUnicode_FromFormat("%R.%s%R **%R", self, name, args, kwargs);
    PyObject *method = PyObject_GetAttrString(self, name);
    PyObject *result = method == NULL ? NULL : PyObject_Call(method, args, kwargs);
    show_new(PyUnicode_AsUTF8(label), result);
    Py_XDECREF(method);
    Py_DECREF(label);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

/* A bytes (array == 0) or bytearray holding text. */
static PyObject *B(int array, const char *text)
{
    return array ? PyByteArray_FromStringAndSize(text, (Py_ssize_t)strlen(text))
                 : PyBytes_FromString(text);
}

static void entry_kinds(PyObject *type, const char **names, size_t n)
{
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    for (size_t i = 0; i < n; i++) {
        PyObject *entry = PyMapping_GetItemString(dict, names[i]);
        printf("%s.__dict__['%s']: %s\n", ((PyTypeObject *)type)->tp_name, names[i],
               entry == NULL ? "missing" : Py_TYPE(entry)->tp_name);
        if (entry == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(entry);
    }
    Py_DECREF(dict);
}

static const char *no_arg_methods[] = {"capitalize", "swapcase", "title", "isalnum", "isalpha", "isascii",
                                       "isdigit", "islower", "isspace", "istitle", "isupper"};

static const char *no_arg_inputs[] = {"", "hello wORLD 1a", "Hello World", "HELLO", "hello", "Hello  World!", "1A 2B",
                                      "abc123", "abc", "123", " \t\n\r\x0b\x0c", "\xe9t\xe9", "A\xe9", "\xc9T\xc9",
                                      "\x1c", "tHe_qUiCk", "\x7f"};

static void shared(int array)
{
    PyObject *type = array ? (PyObject *)&PyByteArray_Type : (PyObject *)&PyBytes_Type;
    printf("-- %s: no-argument methods\n", ((PyTypeObject *)type)->tp_name);
    for (size_t m = 0; m < sizeof no_arg_methods / sizeof no_arg_methods[0]; m++) {
        for (size_t i = 0; i < sizeof no_arg_inputs / sizeof no_arg_inputs[0]; i++) {
            PyObject *b = B(array, no_arg_inputs[i]);
            call(b, no_arg_methods[m], NULL, NULL);
            Py_DECREF(b);
        }
    }
    PyObject *ab = B(array, "ab");
    call(ab, "isalpha", Py_BuildValue("(i)", 1), NULL);
    call(ab, "title", Py_BuildValue("(i)", 1), NULL);

    printf("-- padding\n");
    call(ab, "center", Py_BuildValue("(i)", 5), NULL);
    call(ab, "center", Py_BuildValue("(iy)", 6, "*"), NULL);
    call(ab, "center", Py_BuildValue("(iy)", 5, "*"), NULL);
    call(B(array, "abc"), "center", Py_BuildValue("(iy)", 6, "*"), NULL);
    call(ab, "ljust", Py_BuildValue("(iN)", 5, PyByteArray_FromStringAndSize("\xff", 1)), NULL);
    call(ab, "rjust", Py_BuildValue("(iy)", 5, "-"), NULL);
    call(ab, "rjust", Py_BuildValue("(i)", 1), NULL);
    call(ab, "center", NULL, NULL);
    call(ab, "center", Py_BuildValue("(iyi)", 5, "x", 1), NULL);
    call(ab, "center", Py_BuildValue("(iy)", 5, "xy"), NULL);
    call(ab, "ljust", Py_BuildValue("(is)", 5, "x"), NULL);
    call(ab, "rjust", Py_BuildValue("(ii)", 5, 1), NULL);
    call(ab, "center", Py_BuildValue("(s)", "5"), NULL);
    call(ab, "center", Py_BuildValue("(i)", 5), Py_BuildValue("{s:y}", "fillchar", "x"));
    call(B(array, "-12"), "zfill", Py_BuildValue("(i)", 6), NULL);
    call(B(array, "+ab"), "zfill", Py_BuildValue("(i)", 2), NULL);
    call(B(array, ""), "zfill", Py_BuildValue("(i)", 3), NULL);
    call(ab, "zfill", NULL, NULL);
    call(ab, "zfill", Py_BuildValue("(s)", "3"), NULL);

    printf("-- expandtabs\n");
    PyObject *tabs = B(array, "a\tbc\td\n\te\r12345678\tf\xe9\t");
    call(tabs, "expandtabs", NULL, NULL);
    call(tabs, "expandtabs", Py_BuildValue("(i)", 4), NULL);
    call(tabs, "expandtabs", Py_BuildValue("(i)", 0), NULL);
    call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "tabsize", 3));
    call(tabs, "expandtabs", Py_BuildValue("(ii)", 1, 2), NULL);
    call(tabs, "expandtabs", Py_BuildValue("(s)", "4"), NULL);
    call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "size", 3));
    call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i,s:i}", "tabsize", 3, "size", 3));
    Py_DECREF(tabs);

    printf("-- partition, removeprefix, removesuffix\n");
    PyObject *path = B(array, "a/b/c");
    call(path, "partition", Py_BuildValue("(y)", "/"), NULL);
    call(path, "rpartition", Py_BuildValue("(y)", "/"), NULL);
    call(path, "partition", Py_BuildValue("(N)", PyByteArray_FromStringAndSize("b/", 2)), NULL);
    call(path, "partition", Py_BuildValue("(y)", "x"), NULL);
    call(path, "rpartition", Py_BuildValue("(y)", "x"), NULL);
    call(path, "partition", Py_BuildValue("(y)", ""), NULL);
    call(path, "rpartition", Py_BuildValue("(y)", ""), NULL);
    call(path, "partition", Py_BuildValue("(s)", "/"), NULL);
    call(path, "partition", NULL, NULL);
    call(path, "removeprefix", Py_BuildValue("(y)", "a/"), NULL);
    call(path, "removeprefix", Py_BuildValue("(y)", "b"), NULL);
    call(path, "removeprefix", Py_BuildValue("(y)", ""), NULL);
    call(path, "removesuffix", Py_BuildValue("(N)", PyByteArray_FromStringAndSize("/c", 2)), NULL);
    call(path, "removesuffix", Py_BuildValue("(y)", "a/b/c/"), NULL);
    call(path, "removeprefix", Py_BuildValue("(s)", "a"), NULL);
    call(path, "removesuffix", NULL, NULL);
    call(path, "removesuffix", Py_BuildValue("(yy)", "a", "b"), NULL);

    printf("-- rfind, rindex\n");
    PyObject *hay = B(array, "abcabc");
    call(hay, "rfind", Py_BuildValue("(y)", "bc"), NULL);
    call(hay, "rfind", Py_BuildValue("(i)", 'a'), NULL);
    call(hay, "rfind", Py_BuildValue("(yii)", "bc", 0, 4), NULL);
    call(hay, "rfind", Py_BuildValue("(yi)", "", 2), NULL);
    call(hay, "rfind", Py_BuildValue("(yOi)", "a", Py_None, -3), NULL);
    call(hay, "rfind", Py_BuildValue("(y)", "x"), NULL);
    call(hay, "rindex", Py_BuildValue("(y)", "ca"), NULL);
    call(hay, "rindex", Py_BuildValue("(y)", "x"), NULL);
    call(hay, "rfind", NULL, NULL);
    call(hay, "rfind", Py_BuildValue("(s)", "a"), NULL);
    call(hay, "rfind", Py_BuildValue("(i)", 256), NULL);
    call(hay, "rindex", Py_BuildValue("(yiii)", "a", 1, 2, 3), NULL);
    call(hay, "rfind", Py_BuildValue("(y)", "a"), Py_BuildValue("{s:i}", "start", 1));

    printf("-- rsplit, splitlines\n");
    PyObject *words = B(array, "  one two\tthree\x0b" "four\xa0" "five\x1csix  ");
    call(words, "rsplit", NULL, NULL);
    call(words, "rsplit", Py_BuildValue("(Oi)", Py_None, 2), NULL);
    call(hay, "rsplit", Py_BuildValue("(y)", "b"), NULL);
    call(hay, "rsplit", NULL, Py_BuildValue("{s:y,s:i}", "sep", "b", "maxsplit", 1));
    call(hay, "rsplit", Py_BuildValue("(y)", ""), NULL);
    call(hay, "rsplit", Py_BuildValue("(s)", "b"), NULL);
    call(hay, "rsplit", Py_BuildValue("(yii)", "b", 1, 2), NULL);
    PyObject *lines = B(array, "one\ntwo\r\nthree\rfour\x0b\x0c\x1c\x85" "five\n\n");
    call(lines, "splitlines", NULL, NULL);
    call(lines, "splitlines", Py_BuildValue("(O)", Py_True), NULL);
    call(lines, "splitlines", NULL, Py_BuildValue("{s:i}", "keepends", 1));
    call(B(array, ""), "splitlines", NULL, NULL);
    call(lines, "splitlines", Py_BuildValue("(s)", "x"), NULL);
    call(lines, "splitlines", Py_BuildValue("(ii)", 1, 2), NULL);
    Py_DECREF(words);
    Py_DECREF(lines);

    printf("-- translate, maketrans\n");
    PyObject *maketrans = PyObject_GetAttrString(type, "maketrans");
    printf("type(%s.maketrans): %s\n", ((PyTypeObject *)type)->tp_name, Py_TYPE(maketrans)->tp_name);
    PyObject *table = PyObject_CallFunction(maketrans, "yy", "abc", "xyz");
    show("maketrans(b'abc', b'xyz')[95:101]", PySequence_GetSlice(table, 95, 101));
    call(type, "maketrans", Py_BuildValue("(yN)", "", PyByteArray_FromStringAndSize("", 0)), NULL);
    call(type, "maketrans", NULL, NULL);
    call(type, "maketrans", Py_BuildValue("(yy)", "a", "bc"), NULL);
    call(type, "maketrans", Py_BuildValue("(sy)", "a", "b"), NULL);
    call(type, "maketrans", Py_BuildValue("(yi)", "a", 1), NULL);
    call(type, "maketrans", Py_BuildValue("(y)", "a"), Py_BuildValue("{s:y}", "to", "b"));
    call(hay, "translate", Py_BuildValue("(O)", table), NULL);
    call(hay, "translate", Py_BuildValue("(Oy)", table, "b"), NULL);
    call(hay, "translate", Py_BuildValue("(O)", Py_None), NULL);
    call(hay, "translate", Py_BuildValue("(Oy)", Py_None, "ca"), NULL);
    call(hay, "translate", Py_BuildValue("(O)", Py_None), Py_BuildValue("{s:y}", "delete", "a"));
    call(hay, "translate", Py_BuildValue("(N)", PyByteArray_FromObject(table)), NULL);
    call(hay, "translate", NULL, NULL);
    call(hay, "translate", NULL, Py_BuildValue("{s:O}", "table", Py_None));
    call(hay, "translate", Py_BuildValue("(y)", "short"), NULL);
    call(hay, "translate", Py_BuildValue("(s)", "x"), NULL);
    call(hay, "translate", Py_BuildValue("(i)", 1), NULL);
    call(hay, "translate", Py_BuildValue("(Os)", Py_None, "a"), NULL);
    call(hay, "translate", Py_BuildValue("(OyO)", Py_None, "a", Py_None), NULL);
    Py_DECREF(table);
    Py_DECREF(maketrans);

    printf("-- fromhex\n");
    const char *hex[] = {"", "00ff", "de AD  be\tef\n01\r\x0b\x0c", " 0A", "6162 ", "a", "ag", " 0 1", "01 2", "0\xc3\xa9" "1",
                         "gg", "0x10", "\xe2\x80\x83" "01"};
    for (size_t i = 0; i < sizeof hex / sizeof hex[0]; i++) {
        call(type, "fromhex", Py_BuildValue("(s)", hex[i]), NULL);
    }
    call(ab, "fromhex", Py_BuildValue("(s)", "41"), NULL);
    call(type, "fromhex", Py_BuildValue("(y)", "41"), NULL);
    call(type, "fromhex", NULL, NULL);
    call(type, "fromhex", Py_BuildValue("(ss)", "41", "42"), NULL);
    call(type, "fromhex", NULL, Py_BuildValue("{s:s}", "string", "41"));
    Py_DECREF(hay);
    Py_DECREF(path);
    Py_DECREF(ab);
}

int main(void)
{
    conf_init();

    printf("-- kinds of the entries in the types' __dict__\n");
    const char *names[] = {"__bytes__", "__getnewargs__", "capitalize", "center", "expandtabs", "fromhex", "isalnum",
                           "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "ljust",
                           "maketrans", "partition", "removeprefix", "removesuffix", "rfind", "rindex", "rjust",
                           "rpartition", "rsplit", "splitlines", "swapcase", "title", "translate", "zfill"};
    entry_kinds((PyObject *)&PyBytes_Type, names, sizeof names / sizeof names[0]);
    entry_kinds((PyObject *)&PyByteArray_Type, names + 2, sizeof names / sizeof names[0] - 2);

    shared(0);
    shared(1);

    printf("-- bytes only: __bytes__, __getnewargs__\n");
    PyObject *b = PyBytes_FromStringAndSize("a\0\xff", 3);
    call(b, "__bytes__", NULL, NULL);
    PyObject *same = PyObject_CallMethod(b, "__bytes__", NULL);
    printf("__bytes__ of an exact bytes is itself: %d\n", same == b);
    Py_XDECREF(same);
    call(b, "__getnewargs__", NULL, NULL);
    call(b, "__bytes__", Py_BuildValue("(i)", 1), NULL);
    call(b, "__getnewargs__", Py_BuildValue("(i)", 1), NULL);
    Py_DECREF(b);
    return conf_end();
}
