/* bytearray: the native layout shared by C and Python code, the C API, and the type's
   sequence behaviour and methods seen through the abstract API. */
#include "conformance.h"

static PyObject *ba(const char *s) { return PyByteArray_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

static void show_bytes(const char *label, PyObject *a)
{
    printf("%s: size %zd,", label, PyByteArray_GET_SIZE(a));
    for (Py_ssize_t i = 0; i <= PyByteArray_GET_SIZE(a); i++) {
        printf(" %02x", (unsigned char)PyByteArray_AS_STRING(a)[i]);
    }
    printf("\n");
}

#define CALL(label, obj, ...) show_new(label, PyObject_CallMethod((obj), __VA_ARGS__))

int main(void)
{
    conf_init();

    /* The layout: C reads and writes the bytes in place. */
    PyObject *a = PyByteArray_FromStringAndSize("ab\0c", 4);
    show("FromStringAndSize with NUL", a);
    show_bytes("AS_STRING with trailing NUL", a);
    printf("Size %zd, AsString is AS_STRING: %d, ob_start == ob_bytes: %d\n", PyByteArray_Size(a),
           PyByteArray_AsString(a) == PyByteArray_AS_STRING(a),
           ((PyByteArrayObject *)a)->ob_start == ((PyByteArrayObject *)a)->ob_bytes);
    printf("Check %d, CheckExact %d, on bytes %d\n", PyByteArray_Check(a), PyByteArray_CheckExact(a),
           PyByteArray_Check(Py_None));
    /* NULL leaves the contents for the caller to write (CPython does not clear them). */
    PyObject *unfilled = PyByteArray_FromStringAndSize(NULL, 3);
    memcpy(PyByteArray_AS_STRING(unfilled), "xyz", 3);
    show_bytes("FromStringAndSize(NULL, 3), then written", unfilled);
    Py_DECREF(unfilled);
    PyObject *empty = PyByteArray_FromStringAndSize(NULL, 0);
    show("empty", empty);
    printf("empty: AS_STRING is _PyByteArray_empty_string: %d, first byte %d\n",
           PyByteArray_AS_STRING(empty) == _PyByteArray_empty_string, PyByteArray_AS_STRING(empty)[0]);

    PyByteArray_AS_STRING(a)[2] = 'Z';
    show("written by C, seen by repr", a);
    CALL("written by C, seen by upper()", a, "upper", NULL);
    CALL("append(0x21) by a method", a, "append", "i", 0x21);
    show_bytes("the append seen by C", a);
    CALL("extend(b'xyz')", a, "extend", "y", "xyz");
    show_bytes("the extend seen by C", a);

    /* Resize: the contents survive, a NUL follows them. */
    printf("Resize(2): %d\n", PyByteArray_Resize(a, 2));
    show_bytes("after Resize(2)", a);
    printf("Resize(20): %d\n", PyByteArray_Resize(a, 20));
    printf("size %zd, the allocation holds it: %d\n", PyByteArray_GET_SIZE(a), ((PyByteArrayObject *)a)->ob_alloc > 20);
    memcpy(PyByteArray_AS_STRING(a) + 2, "cdefghijklmnopqrst", 18);
    show("filled after Resize(20)", a);
    printf("Resize(0): %d\n", PyByteArray_Resize(a, 0));
    show("after Resize(0)", a);
    Py_DECREF(a);

    /* Concat and FromObject. */
    PyObject *x = ba("xy"), *bytes = PyBytes_FromString("!?");
    show_new("Concat(bytearray, bytes)", PyByteArray_Concat(x, bytes));
    show_new("Concat(bytes, bytearray)", PyByteArray_Concat(bytes, x));
    show_new("FromObject(bytes)", PyByteArray_FromObject(bytes));
    show_new("FromObject(list)", PyByteArray_FromObject(Py_BuildValue("[iii]", 1, 2, 255)));
    show_new("FromObject(3)", PyByteArray_FromObject(PyLong_FromLong(3)));
    show_new("FromObject(bytearray) is a copy", PyByteArray_FromObject(x));
    show_new("PyObject_Bytes(bytearray)", PyObject_Bytes(x));
    show_new("bytes(bytearray)", PyObject_CallOneArg((PyObject *)&PyBytes_Type, x));

    /* The builtins module names both types. */
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *named = PyObject_GetAttrString(builtins, "bytearray");
    printf("builtins.bytearray is PyByteArray_Type: %d\n", named == (PyObject *)&PyByteArray_Type);
    Py_XDECREF(named);
    named = PyObject_GetAttrString(builtins, "memoryview");
    printf("builtins.memoryview is PyMemoryView_Type: %d\n", named == (PyObject *)&PyMemoryView_Type);
    Py_XDECREF(named);
    Py_DECREF(builtins);

    /* The constructor. */
    PyObject *type = (PyObject *)&PyByteArray_Type;
    show_new("bytearray()", PyObject_CallNoArgs(type));
    show_new("bytearray(4)", PyObject_CallFunction(type, "i", 4));
    show_new("bytearray(range-like list)", PyObject_CallFunction(type, "((iii))", 104, 105, 33));
    show_new("bytearray('h\\xe9', 'latin-1')", PyObject_CallFunction(type, "ss", "h\xc3\xa9", "latin-1"));
    show_new("bytearray('h\\xe9', 'ascii', 'replace')", PyObject_CallFunction(type, "sss", "h\xc3\xa9", "ascii", "replace"));
    show_new("bytearray(iter(b'!?'))", PyObject_CallOneArg(type, PyObject_GetIter(bytes)));

    /* Other types' constructors and conversions take a bytearray as they take bytes. */
    PyObject *digits = ba("-12");
    show_new("str(bytearray, 'ascii')", PyObject_CallFunction((PyObject *)&PyUnicode_Type, "Os", digits, "ascii"));
    show_new("PyUnicode_FromEncodedObject(bytearray)", PyUnicode_FromEncodedObject(digits, "utf-8", NULL));
    show_new("int(bytearray)", PyNumber_Long(digits));
    show_new("float(bytearray)", PyNumber_Float(digits));
    show_new("int.from_bytes(bytearray, 'big')", PyObject_CallMethod((PyObject *)&PyLong_Type, "from_bytes", "Os", digits, "big"));
    PyObject *list = PyList_New(0);
    show_new("list += bytearray", PyNumber_InPlaceAdd(list, digits));
    Py_DECREF(list);
    Py_DECREF(digits);

    /* Sequence behaviour through the abstract API. */
    PyObject *s = ba("hello");
    printf("len: %zd, PySequence_Size: %zd, truth: %d, empty truth: %d\n", PyObject_Size(s), PySequence_Size(s),
           PyObject_IsTrue(s), PyObject_IsTrue(empty));
    show_new("s[1]", PySequence_GetItem(s, 1));
    show_new("s[-1]", PyObject_GetItem(s, PyLong_FromLong(-1)));
    printf("s[0] = 74: %d\n", PyObject_SetItem(s, PyLong_FromLong(0), PyLong_FromLong(74)));
    printf("PySequence_SetItem(s, -1, 33): %d\n", PySequence_SetItem(s, -1, PyLong_FromLong(33)));
    show("after item assignment", s);
    printf("del s[1]: %d\n", PySequence_DelItem(s, 1));
    show("after del", s);
    show_new("s[1:3]", PySequence_GetSlice(s, 1, 3));
    printf("108 in s: %d, b'll' in s: %d, bytearray(b'x') in s: %d, 0 in s: %d\n",
           PySequence_Contains(s, PyLong_FromLong(108)), PySequence_Contains(s, PyBytes_FromString("ll")),
           PySequence_Contains(s, ba("x")), PySequence_Contains(s, PyLong_FromLong(0)));
    show_new("s + b'!'", PyNumber_Add(s, bytes));
    show_new("b'!' + s", PyNumber_Add(bytes, s));
    show_new("s + memoryview(b'mv')", PyNumber_Add(s, PyMemoryView_FromObject(PyBytes_FromString("mv"))));
    show_new("s * 2", PyNumber_Multiply(s, PyLong_FromLong(2)));
    show_new("PySequence_Repeat(s, 0)", PySequence_Repeat(s, 0));
    show_new("list(s)", PySequence_List(s));
    PyObject *it = PyObject_GetIter(s);
    show_type("iter(s)", it);
    Py_XDECREF(it);
    PyObject *t = ba("ab");
    show_new("t += b'cd'", PyNumber_InPlaceAdd(t, PyBytes_FromString("cd")));
    show_new("t *= 2", PyNumber_InPlaceMultiply(t, PyLong_FromLong(2)));
    show("t after the in-place operations", t);
    printf("s == b'Jll!': %d, b'Jll!' == s: %d, s != b'Jll': %d, s == 'Jll!': %d, s < b'K': %d, s >= bytearray(b'Jllo'): %d\n",
           PyObject_RichCompareBool(s, PyBytes_FromString("Jll!"), Py_EQ),
           PyObject_RichCompareBool(PyBytes_FromString("Jll!"), s, Py_EQ),
           PyObject_RichCompareBool(s, PyBytes_FromString("Jll"), Py_NE),
           PyObject_RichCompareBool(s, PyUnicode_FromString("Jll!"), Py_EQ),
           PyObject_RichCompareBool(s, PyBytes_FromString("K"), Py_LT),
           PyObject_RichCompareBool(s, ba("Jllo"), Py_GE));
    PyObject *quoted = ba("it's");
    show("repr with '", quoted);
    Py_DECREF(quoted);
    quoted = ba("'\"\n\x80");
    show("repr with ' and \"", quoted);
    Py_DECREF(quoted);
    show_new("str()", PyObject_Str(ba("q")));

    /* Methods. */
    PyObject *m = ba("Hello World");
    CALL("find(b'o')", m, "find", "y", "o");
    CALL("find(111, 5)", m, "find", "ii", 111, 5);
    CALL("count(b'l')", m, "count", "y", "l");
    CALL("index(b'W')", m, "index", "y", "W");
    CALL("startswith(b'Hell')", m, "startswith", "y", "Hell");
    CALL("endswith((b'x', bytearray(b'ld')))", m, "endswith", "((yO))", "x", ba("ld"));
    CALL("upper()", m, "upper", NULL);
    CALL("lower()", m, "lower", NULL);
    CALL("hex()", m, "hex", NULL);
    CALL("hex(':')", m, "hex", "s", ":");
    CALL("hex(b'-', 3)", m, "hex", "yi", "-", 3);
    CALL("hex(':', -4)", m, "hex", "si", ":", -4);
    CALL("hex(':', 0)", m, "hex", "si", ":", 0);
    CALL("decode()", m, "decode", NULL);
    CALL("join", ba(", "), "join", "((yOy))", "a", ba("b"), "c");
    CALL("replace(b'l', b'L')", m, "replace", "yy", "l", "L");
    CALL("replace(b'l', bytearray(b'__'), 2)", m, "replace", "yOi", "l", ba("__"), 2);
    CALL("replace(b'', b'.')", ba("ab"), "replace", "yy", "", ".");
    CALL("split()", ba(" a\tb\x1c c\xa0" "d  "), "split", NULL);
    CALL("split(None, 1)", ba(" a b  c "), "split", "Oi", Py_None, 1);
    CALL("split(b',')", ba("a,b,,c"), "split", "y", ",");
    PyObject *kw = Py_BuildValue("{s:i}", "maxsplit", 1);
    show_new("split(b',', maxsplit=1)", PyObject_Call(PyObject_GetAttrString(ba("a,b,,c"), "split"), Py_BuildValue("(y)", ","), kw));
    Py_DECREF(kw);
    CALL("bytes split(b'-')", PyBytes_FromString("x-y"), "split", "y", "-");
    CALL("strip()", ba(" \t ab \xa0\n"), "strip", NULL);
    CALL("strip(b'xy')", ba("xxabyx"), "strip", "y", "xy");
    CALL("lstrip()", ba("  ab  "), "lstrip", NULL);
    CALL("rstrip(b'b ')", ba("  ab  "), "rstrip", "y", "b ");
    CALL("bytes strip()", PyBytes_FromString(" q "), "strip", NULL);
    CALL("bytes replace(b'q', b'r')", PyBytes_FromString("qq"), "replace", "yy", "q", "r");
    CALL("insert(0, 62)", m, "insert", "ii", 0, 62);
    CALL("insert(-1, 63)", m, "insert", "ii", -1, 63);
    CALL("insert(99, 60)", m, "insert", "ii", 99, 60);
    show("after the inserts", m);
    CALL("pop()", m, "pop", NULL);
    CALL("pop(0)", m, "pop", "i", 0);
    CALL("pop(-2)", m, "pop", "i", -2);
    CALL("remove(108)", m, "remove", "i", 108);
    show("after pop and remove", m);
    CALL("reverse()", m, "reverse", NULL);
    show("after reverse", m);
    PyObject *c = PyObject_CallMethod(m, "copy", NULL);
    show("copy()", c);
    printf("the copy is another object: %d\n", c != m);
    CALL("clear()", m, "clear", NULL);
    show("after clear", m);
    show("the copy after clear", c);
    Py_XDECREF(c);
    printf("PyObject_Hash raises: %zd ", (Py_ssize_t)PyObject_Hash(m));
    show_exc("->");

    Py_DECREF(m);
    Py_DECREF(s);
    Py_DECREF(t);
    Py_DECREF(x);
    Py_DECREF(bytes);
    Py_DECREF(empty);
    return conf_end();
}
