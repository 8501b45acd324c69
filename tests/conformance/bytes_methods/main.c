/* bytes methods beyond the common ones, called from C on bytes and on bytearray (which shares
   them): case changes and tests (ASCII only), padding, expandtabs, partition, removeprefix,
   rfind/rindex, rsplit, splitlines, translate, fromhex (a class method), maketrans (a static
   method), __bytes__ and __getnewargs__, with their argument errors; and the kind of each
   entry in bytes.__dict__ and bytearray.__dict__. */
#include "conformance.h"

#define A(...) Py_BuildValue(__VA_ARGS__)
#define KW(...) Py_BuildValue(__VA_ARGS__)

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
            show_method_call(b, no_arg_methods[m], NULL, NULL);
            Py_DECREF(b);
        }
    }
    PyObject *ab = B(array, "ab");
    show_method_call(ab, "isalpha", Py_BuildValue("(i)", 1), NULL);
    show_method_call(ab, "title", Py_BuildValue("(i)", 1), NULL);

    printf("-- padding\n");
    show_method_call(ab, "center", Py_BuildValue("(i)", 5), NULL);
    show_method_call(ab, "center", Py_BuildValue("(iy)", 6, "*"), NULL);
    show_method_call(ab, "center", Py_BuildValue("(iy)", 5, "*"), NULL);
    show_method_call(B(array, "abc"), "center", Py_BuildValue("(iy)", 6, "*"), NULL);
    show_method_call(ab, "ljust", Py_BuildValue("(iN)", 5, PyByteArray_FromStringAndSize("\xff", 1)), NULL);
    show_method_call(ab, "rjust", Py_BuildValue("(iy)", 5, "-"), NULL);
    show_method_call(ab, "rjust", Py_BuildValue("(i)", 1), NULL);
    show_method_call(ab, "center", NULL, NULL);
    show_method_call(ab, "center", Py_BuildValue("(iyi)", 5, "x", 1), NULL);
    show_method_call(ab, "center", Py_BuildValue("(iy)", 5, "xy"), NULL);
    show_method_call(ab, "ljust", Py_BuildValue("(is)", 5, "x"), NULL);
    show_method_call(ab, "rjust", Py_BuildValue("(ii)", 5, 1), NULL);
    show_method_call(ab, "center", Py_BuildValue("(s)", "5"), NULL);
    show_method_call(ab, "center", Py_BuildValue("(i)", 5), Py_BuildValue("{s:y}", "fillchar", "x"));
    show_method_call(B(array, "-12"), "zfill", Py_BuildValue("(i)", 6), NULL);
    show_method_call(B(array, "+ab"), "zfill", Py_BuildValue("(i)", 2), NULL);
    show_method_call(B(array, ""), "zfill", Py_BuildValue("(i)", 3), NULL);
    show_method_call(ab, "zfill", NULL, NULL);
    show_method_call(ab, "zfill", Py_BuildValue("(s)", "3"), NULL);

    printf("-- expandtabs\n");
    PyObject *tabs = B(array, "a\tbc\td\n\te\r12345678\tf\xe9\t");
    show_method_call(tabs, "expandtabs", NULL, NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 4), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 0), NULL);
    show_method_call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "tabsize", 3));
    show_method_call(tabs, "expandtabs", Py_BuildValue("(ii)", 1, 2), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(L)", (long long)INT_MAX + 1), NULL);
    show_method_call(tabs, "center", Py_BuildValue("(L)", (long long)1 << 62), NULL);
    show_method_call(tabs, "zfill", Py_BuildValue("(L)", (long long)1 << 62), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(s)", "4"), NULL);
    show_method_call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "size", 3));
    show_method_call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i,s:i}", "tabsize", 3, "size", 3));
    Py_DECREF(tabs);

    printf("-- partition, removeprefix, removesuffix\n");
    PyObject *path = B(array, "a/b/c");
    show_method_call(path, "partition", Py_BuildValue("(y)", "/"), NULL);
    show_method_call(path, "rpartition", Py_BuildValue("(y)", "/"), NULL);
    show_method_call(path, "partition", Py_BuildValue("(N)", PyByteArray_FromStringAndSize("b/", 2)), NULL);
    show_method_call(path, "partition", Py_BuildValue("(y)", "x"), NULL);
    show_method_call(path, "rpartition", Py_BuildValue("(y)", "x"), NULL);
    show_method_call(path, "partition", Py_BuildValue("(y)", ""), NULL);
    show_method_call(path, "rpartition", Py_BuildValue("(y)", ""), NULL);
    show_method_call(path, "partition", Py_BuildValue("(s)", "/"), NULL);
    show_method_call(path, "partition", NULL, NULL);
    show_method_call(path, "removeprefix", Py_BuildValue("(y)", "a/"), NULL);
    show_method_call(path, "removeprefix", Py_BuildValue("(y)", "b"), NULL);
    show_method_call(path, "removeprefix", Py_BuildValue("(y)", ""), NULL);
    show_method_call(path, "removesuffix", Py_BuildValue("(N)", PyByteArray_FromStringAndSize("/c", 2)), NULL);
    show_method_call(path, "removesuffix", Py_BuildValue("(y)", "a/b/c/"), NULL);
    show_method_call(path, "removeprefix", Py_BuildValue("(s)", "a"), NULL);
    show_method_call(path, "removesuffix", NULL, NULL);
    show_method_call(path, "removesuffix", Py_BuildValue("(yy)", "a", "b"), NULL);

    printf("-- rfind, rindex\n");
    PyObject *hay = B(array, "abcabc");
    show_method_call(hay, "rfind", Py_BuildValue("(y)", "bc"), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(i)", 'a'), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(yii)", "bc", 0, 4), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(yi)", "", 2), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(yOi)", "a", Py_None, -3), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(y)", "x"), NULL);
    show_method_call(hay, "rindex", Py_BuildValue("(y)", "ca"), NULL);
    show_method_call(hay, "rindex", Py_BuildValue("(y)", "x"), NULL);
    show_method_call(hay, "rfind", NULL, NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(s)", "a"), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(i)", 256), NULL);
    show_method_call(hay, "rindex", Py_BuildValue("(yiii)", "a", 1, 2, 3), NULL);
    show_method_call(hay, "rfind", Py_BuildValue("(y)", "a"), Py_BuildValue("{s:i}", "start", 1));

    printf("-- rsplit, splitlines\n");
    PyObject *words = B(array, "  one two\tthree\x0b" "four\xa0" "five\x1csix  ");
    show_method_call(words, "rsplit", NULL, NULL);
    show_method_call(words, "rsplit", Py_BuildValue("(Oi)", Py_None, 2), NULL);
    show_method_call(hay, "rsplit", Py_BuildValue("(y)", "b"), NULL);
    show_method_call(hay, "rsplit", NULL, Py_BuildValue("{s:y,s:i}", "sep", "b", "maxsplit", 1));
    show_method_call(hay, "rsplit", Py_BuildValue("(y)", ""), NULL);
    show_method_call(hay, "rsplit", Py_BuildValue("(s)", "b"), NULL);
    show_method_call(hay, "rsplit", Py_BuildValue("(yii)", "b", 1, 2), NULL);
    PyObject *lines = B(array, "one\ntwo\r\nthree\rfour\x0b\x0c\x1c\x85" "five\n\n");
    show_method_call(lines, "splitlines", NULL, NULL);
    show_method_call(lines, "splitlines", Py_BuildValue("(O)", Py_True), NULL);
    show_method_call(lines, "splitlines", NULL, Py_BuildValue("{s:i}", "keepends", 1));
    show_method_call(B(array, ""), "splitlines", NULL, NULL);
    show_method_call(lines, "splitlines", Py_BuildValue("(s)", "x"), NULL);
    show_method_call(lines, "splitlines", Py_BuildValue("(ii)", 1, 2), NULL);
    Py_DECREF(words);
    Py_DECREF(lines);

    printf("-- translate, maketrans\n");
    PyObject *maketrans = PyObject_GetAttrString(type, "maketrans");
    printf("type(%s.maketrans): %s\n", ((PyTypeObject *)type)->tp_name, Py_TYPE(maketrans)->tp_name);
    PyObject *table = PyObject_CallFunction(maketrans, "yy", "abc", "xyz");
    show("maketrans(b'abc', b'xyz')[95:101]", PySequence_GetSlice(table, 95, 101));
    show_method_call(type, "maketrans", Py_BuildValue("(yN)", "", PyByteArray_FromStringAndSize("", 0)), NULL);
    show_method_call(type, "maketrans", NULL, NULL);
    show_method_call(type, "maketrans", Py_BuildValue("(yy)", "a", "bc"), NULL);
    show_method_call(type, "maketrans", Py_BuildValue("(sy)", "a", "b"), NULL);
    show_method_call(type, "maketrans", Py_BuildValue("(yi)", "a", 1), NULL);
    show_method_call(type, "maketrans", Py_BuildValue("(y)", "a"), Py_BuildValue("{s:y}", "to", "b"));
    show_method_call(hay, "translate", Py_BuildValue("(O)", table), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(Oy)", table, "b"), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(O)", Py_None), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(Oy)", Py_None, "ca"), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(O)", Py_None), Py_BuildValue("{s:y}", "delete", "a"));
    show_method_call(hay, "translate", Py_BuildValue("(N)", PyByteArray_FromObject(table)), NULL);
    show_method_call(hay, "translate", NULL, NULL);
    show_method_call(hay, "translate", NULL, Py_BuildValue("{s:O}", "table", Py_None));
    show_method_call(hay, "translate", Py_BuildValue("(y)", "short"), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(s)", "x"), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(i)", 1), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(Os)", Py_None, "a"), NULL);
    show_method_call(hay, "translate", Py_BuildValue("(OyO)", Py_None, "a", Py_None), NULL);
    Py_DECREF(table);
    Py_DECREF(maketrans);

    printf("-- fromhex\n");
    const char *hex[] = {"", "00ff", "de AD  be\tef\n01\r\x0b\x0c", " 0A", "6162 ", "a", "ag", " 0 1", "01 2", "0\xc3\xa9" "1",
                         "gg", "0x10", "\xe2\x80\x83" "01"};
    for (size_t i = 0; i < sizeof hex / sizeof hex[0]; i++) {
        show_method_call(type, "fromhex", Py_BuildValue("(s)", hex[i]), NULL);
    }
    show_method_call(ab, "fromhex", Py_BuildValue("(s)", "41"), NULL);
    show_method_call(type, "fromhex", Py_BuildValue("(y)", "41"), NULL);
    show_method_call(type, "fromhex", NULL, NULL);
    show_method_call(type, "fromhex", Py_BuildValue("(ss)", "41", "42"), NULL);
    show_method_call(type, "fromhex", NULL, Py_BuildValue("{s:s}", "string", "41"));

    printf("-- the older methods' arguments\n");
    show_method_call(path, "split", A("(y)", "/"), NULL);
    show_method_call(path, "split", NULL, KW("{s:y,s:i}", "sep", "/", "maxsplit", 1));
    show_method_call(path, "split", A("(s)", "/"), NULL);
    show_method_call(path, "split", A("(y)", ""), NULL);
    show_method_call(path, "split", A("(yii)", "/", 1, 2), NULL);
    show_method_call(path, "split", NULL, KW("{s:i}", "x", 1));
    show_method_call(path, "split", A("(ys)", "/", "1"), NULL);
    show_method_call(path, "strip", A("(y)", "ac"), NULL);
    show_method_call(path, "lstrip", A("(s)", "a"), NULL);
    show_method_call(path, "rstrip", A("(i)", 1), NULL);
    show_method_call(path, "strip", A("(yy)", "a", "c"), NULL);
    show_method_call(path, "strip", NULL, KW("{s:y}", "bytes", "a"));
    show_method_call(path, "replace", A("(yyi)", "/", "::", 1), NULL);
    show_method_call(path, "replace", A("(sy)", "/", "-"), NULL);
    show_method_call(path, "replace", A("(yy)", "/", "-"), KW("{s:i}", "count", 1));
    show_method_call(path, "replace", A("(y)", "/"), NULL);
    show_method_call(path, "replace", A("(yys)", "/", "-", "1"), NULL);
    show_method_call(path, "count", A("(y)", "/"), NULL);
    show_method_call(path, "count", A("(i)", '/'), NULL);
    show_method_call(path, "count", A("(s)", "/"), NULL);
    show_method_call(path, "count", NULL, NULL);
    show_method_call(path, "index", A("(y)", "z"), NULL);
    show_method_call(path, "find", A("(yi)", "/", 2), NULL);
    show_method_call(path, "find", A("(ys)", "/", "2"), NULL);
    show_method_call(path, "startswith", A("((yy))", "x", "a/"), NULL);
    show_method_call(path, "startswith", A("(s)", "a"), NULL);
    show_method_call(path, "endswith", A("((ys))", "x", "c"), NULL);
    show_method_call(path, "endswith", NULL, NULL);
    show_method_call(path, "join", A("([yy])", "x", "y"), NULL);
    show_method_call(path, "join", A("([ys])", "x", "y"), NULL);
    show_method_call(path, "join", A("(i)", 1), NULL);
    show_method_call(path, "hex", A("(si)", ":", 2), NULL);
    show_method_call(path, "hex", A("(s)", "::"), NULL);
    show_method_call(path, "decode", A("(ss)", "ascii", "strict"), NULL);
    show_method_call(path, "decode", A("(i)", 1), NULL);
    show_method_call(path, "decode", NULL, KW("{s:s}", "x", "ascii"));
    show_method_call(path, "upper", A("(i)", 1), NULL);
    show_method_call(path, "lower", NULL, KW("{s:i}", "x", 1));

    Py_DECREF(hay);
    Py_DECREF(path);
    Py_DECREF(ab);
}

static PyTypeObject SubBytes_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bm.SubBytes",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

/* "<label>: <type name> <repr>" of a new reference. */
static void show_typed(const char *label, PyObject *obj)
{
    printf("%s: %s ", label, obj == NULL ? "NULL" : Py_TYPE(obj)->tp_name);
    show_new("", obj);
}

/* A subclass of bytes: fromhex builds one through the class, the other methods give bytes. */
static void subclass(void)
{
    printf("-- a subclass of bytes\n");
    SubBytes_Type.tp_base = &PyBytes_Type;
    if (PyType_Ready(&SubBytes_Type) < 0) {
        show_exc("PyType_Ready");
        return;
    }
    PyObject *sub = (PyObject *)&SubBytes_Type;
    show_typed("SubBytes.fromhex('6162')", PyObject_CallMethod(sub, "fromhex", "s", "6162"));
    PyObject *b = PyObject_CallFunction(sub, "y", "ab");
    show_typed("SubBytes(b'ab').__bytes__()", PyObject_CallMethod(b, "__bytes__", NULL));
    PyObject *args = PyObject_CallMethod(b, "__getnewargs__", NULL);
    show_typed("SubBytes(b'ab').__getnewargs__()[0]", args == NULL ? NULL : PySequence_GetItem(args, 0));
    Py_XDECREF(args);
    show_typed("SubBytes(b'ab').capitalize()", PyObject_CallMethod(b, "capitalize", NULL));
    show_typed("SubBytes(b'ab').removeprefix(b'')", PyObject_CallMethod(b, "removeprefix", "y", ""));
    show_typed("SubBytes(b'ab').zfill(1)", PyObject_CallMethod(b, "zfill", "i", 1));
    show_typed("SubBytes(b'ab').translate(None)", PyObject_CallMethod(b, "translate", "O", Py_None));
    show_typed("SubBytes.maketrans(b'a', b'b')", PyObject_CallMethod(sub, "maketrans", "yy", "a", "b"));
    Py_XDECREF(b);
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
    show_method_call(b, "__bytes__", NULL, NULL);
    PyObject *same = PyObject_CallMethod(b, "__bytes__", NULL);
    printf("__bytes__ of an exact bytes is itself: %d\n", same == b);
    Py_XDECREF(same);
    show_method_call(b, "__getnewargs__", NULL, NULL);
    show_method_call(b, "__bytes__", Py_BuildValue("(i)", 1), NULL);
    show_method_call(b, "__getnewargs__", Py_BuildValue("(i)", 1), NULL);
    Py_DECREF(b);
    subclass();
    return conf_end();
}
