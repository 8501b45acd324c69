/* bytearray: CPython's exceptions from the C API, the constructor, item access, the
   operators and the methods, and the resizes a buffer export forbids. */
#include "conformance.h"

static PyObject *ba(const char *s) { return PyByteArray_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

#define CALL(label, obj, ...) show_new(label, PyObject_CallMethod((obj), __VA_ARGS__))

int main(void)
{
    conf_init();
    PyObject *type = (PyObject *)&PyByteArray_Type;
    PyObject *a = ba("abc");

    show_new("FromStringAndSize(NULL, -1)", PyByteArray_FromStringAndSize(NULL, -1));
    show_new("Concat(bytearray, int)", PyByteArray_Concat(a, PyLong_FromLong(1)));
    show_new("Concat(str, bytearray)", PyByteArray_Concat(PyUnicode_FromString("x"), a));
    show_new("FromObject(1.5)", PyByteArray_FromObject(PyFloat_FromDouble(1.5)));

    /* The constructor. */
    show_new("bytearray(-1)", PyObject_CallFunction(type, "i", -1));
    show_new("bytearray(1.5)", PyObject_CallFunction(type, "d", 1.5));
    show_new("bytearray([1, 'a'])", PyObject_CallFunction(type, "([is])", 1, "a"));
    show_new("bytearray([300])", PyObject_CallFunction(type, "([i])", 300));
    show_new("bytearray('x')", PyObject_CallFunction(type, "s", "x"));
    show_new("bytearray(b'x', 'ascii')", PyObject_CallFunction(type, "ys", "x", "ascii"));
    show_new("bytearray('x', 5)", PyObject_CallFunction(type, "si", "x", 5));
    show_new("bytearray('\\xe9', 'ascii')", PyObject_CallFunction(type, "ss", "\xc3\xa9", "ascii"));
    show_new("bytearray('x', 'no-such-codec')", PyObject_CallFunction(type, "ss", "x", "no-such-codec"));
    show_new("bytearray(1, 2, 3, 4)", PyObject_CallFunction(type, "iiii", 1, 2, 3, 4));
    PyObject *kwargs = Py_BuildValue("{s:s}", "errors", "strict");
    show_new("bytearray(3, errors='strict')", PyObject_Call(type, Py_BuildValue("(i)", 3), kwargs));
    Py_DECREF(kwargs);

    /* Items. */
    show_new("a[5]", PySequence_GetItem(a, 5));
    show_new("a[-4]", PyObject_GetItem(a, PyLong_FromLong(-4)));
    show_new("a['x']", PyObject_GetItem(a, PyUnicode_FromString("x")));
    printf("a[5] = 1: %d ", PySequence_SetItem(a, 5, PyLong_FromLong(1)));
    show_exc("->");
    printf("a[0] = 300: %d ", PyObject_SetItem(a, PyLong_FromLong(0), PyLong_FromLong(300)));
    show_exc("->");
    printf("a[0] = -1: %d ", PyObject_SetItem(a, PyLong_FromLong(0), PyLong_FromLong(-1)));
    show_exc("->");
    printf("a[0] = 'x': %d ", PyObject_SetItem(a, PyLong_FromLong(0), PyUnicode_FromString("x")));
    show_exc("->");
    printf("a['x'] = 1: %d ", PyObject_SetItem(a, PyUnicode_FromString("x"), PyLong_FromLong(1)));
    show_exc("->");
    printf("del a[7]: %d ", PySequence_DelItem(a, 7));
    show_exc("->");
    /* PySequence_* count a negative index from the end, and bytearray's sq_ass_item once more. */
    show_new("PySequence_GetItem(a, -4)", PySequence_GetItem(a, -4));
    printf("PySequence_SetItem(a, -4, 90): %d\n", PySequence_SetItem(a, -4, PyLong_FromLong(90)));
    show("after it", a);
    printf("PySequence_SetItem(a, -7, 90): %d ", PySequence_SetItem(a, -7, PyLong_FromLong(90)));
    show_exc("->");
    printf("PySequence_SetItem(a, -1, 99): %d\n", PySequence_SetItem(a, -1, PyLong_FromLong(99)));
    show("restored", a);
    printf("a[-4] = 90: %d ", PyObject_SetItem(a, PyLong_FromLong(-4), PyLong_FromLong(90)));
    show_exc("->");
    printf("del a[-4]: %d ", PyObject_DelItem(a, PyLong_FromLong(-4)));
    show_exc("->");
    printf("hash(a): %zd ", (Py_ssize_t)PyObject_Hash(a));
    show_exc("->");
    show("a is unchanged", a);

    /* Operators. */
    show_new("a + 'x'", PyNumber_Add(a, PyUnicode_FromString("x")));
    show_new("a + 1", PyNumber_Add(a, PyLong_FromLong(1)));
    show_new("a * 'x'", PyNumber_Multiply(a, PyUnicode_FromString("x")));
    show_new("a * 2.0", PyNumber_Multiply(a, PyFloat_FromDouble(2.0)));
    printf("'x' in a: %d ", PySequence_Contains(a, PyUnicode_FromString("x")));
    show_exc("->");
    printf("300 in a: %d ", PySequence_Contains(a, PyLong_FromLong(300)));
    show_exc("->");
    show_new("a < 'a'", PyObject_RichCompare(a, PyUnicode_FromString("a"), Py_LT));
    show_new("a < 1", PyObject_RichCompare(a, PyLong_FromLong(1), Py_LT));

    /* Methods. */
    CALL("pop(9)", a, "pop", "i", 9);
    CALL("pop('x')", a, "pop", "s", "x");
    CALL("bytearray().pop()", PyByteArray_FromStringAndSize(NULL, 0), "pop", NULL);
    CALL("pop(1, 2)", a, "pop", "ii", 1, 2);
    CALL("remove(9)", a, "remove", "i", 9);
    CALL("remove(256)", a, "remove", "i", 256);
    CALL("append(256)", a, "append", "i", 256);
    CALL("append('x')", a, "append", "s", "x");
    CALL("append()", a, "append", NULL);
    CALL("extend(1)", a, "extend", "i", 1);
    CALL("extend('ab')", a, "extend", "s", "ab");
    CALL("extend([1, 256])", a, "extend", "([ii])", 1, 256);
    CALL("insert(0, 256)", a, "insert", "ii", 0, 256);
    CALL("insert(0)", a, "insert", "i", 0);
    CALL("insert('x', 1)", a, "insert", "si", "x", 1);
    CALL("copy(1)", a, "copy", "i", 1);
    CALL("clear(1)", a, "clear", "i", 1);
    CALL("index(b'z')", a, "index", "y", "z");
    CALL("find('a')", a, "find", "s", "a");
    CALL("find(256)", a, "find", "i", 256);
    CALL("find()", a, "find", NULL);
    CALL("count(b'a', 'x')", a, "count", "ys", "a", "x");
    CALL("startswith('a')", a, "startswith", "s", "a");
    CALL("join([b'x', 1])", a, "join", "([yi])", "x", 1);
    CALL("join(5)", a, "join", "i", 5);
    CALL("replace('a', 'b')", a, "replace", "ss", "a", "b");
    CALL("replace(b'a')", a, "replace", "y", "a");
    CALL("replace(b'a', b'b', 'x')", a, "replace", "yys", "a", "b", "x");
    CALL("replace(b'a', b'b', 1, 2)", a, "replace", "yyii", "a", "b", 1, 2);
    CALL("split(b'')", a, "split", "y", "");
    CALL("split('x')", a, "split", "s", "x");
    CALL("split(b'x', 'y')", a, "split", "ys", "x", "y");
    CALL("strip('a')", a, "strip", "s", "a");
    CALL("strip(1)", a, "strip", "i", 1);
    CALL("strip(b'a', b'b')", a, "strip", "yy", "a", "b");
    CALL("decode('no-such-codec')", a, "decode", "s", "no-such-codec");
    CALL("bytearray(b'\\xff').decode()", ba("\xff"), "decode", NULL);
    CALL("decode(errors=5)", a, "decode", "si", "utf-8", 5);
    CALL("hex(1, 2, 3)", a, "hex", "iii", 1, 2, 3);
    CALL("hex('::')", a, "hex", "s", "::");
    CALL("hex('\\xe9')", a, "hex", "s", "\xc3\xa9");
    CALL("hex(5)", a, "hex", "i", 5);
    CALL("hex(':', 'x')", a, "hex", "ss", ":", "x");
    CALL("upper(1)", a, "upper", "i", 1);
    show("a is still unchanged", a);

    /* PyArg_ParseTuple's buffer units: a bytearray is a writable bytes-like object, not a read-only one. */
    Py_buffer pb;
    const char *text;
    Py_ssize_t text_len;
    PyObject *args = Py_BuildValue("(O)", a);
    printf("w* on bytearray: %d", PyArg_ParseTuple(args, "w*", &pb));
    printf(", len %zd, readonly %d, exports %zd\n", pb.len, pb.readonly, ((PyByteArrayObject *)a)->ob_exports);
    PyBuffer_Release(&pb);
    printf("y* on bytearray: %d", PyArg_ParseTuple(args, "y*", &pb));
    printf(", len %zd\n", pb.len);
    PyBuffer_Release(&pb);
    printf("s* on bytearray: %d", PyArg_ParseTuple(args, "s*", &pb));
    printf(", len %zd\n", pb.len);
    PyBuffer_Release(&pb);
    printf("y# on bytearray: %d ", PyArg_ParseTuple(args, "y#", &text, &text_len));
    show_exc("->");
    printf("s# on bytearray: %d ", PyArg_ParseTuple(args, "s#", &text, &text_len));
    show_exc("->");
    Py_DECREF(args);
    args = Py_BuildValue("(y)", "ro");
    printf("w* on bytes: %d ", PyArg_ParseTuple(args, "w*", &pb));
    show_exc("->");
    Py_DECREF(args);
    printf("exports after the releases: %zd\n", ((PyByteArrayObject *)a)->ob_exports);

    /* A buffer export pins the size: resizing fails, item assignment does not. */
    Py_buffer view;
    printf("GetBuffer(WRITABLE): %d\n", PyObject_GetBuffer(a, &view, PyBUF_WRITABLE));
    printf("readonly %d, len %zd\n", view.readonly, view.len);
    ((char *)view.buf)[0] = 'A';
    show("written through the buffer", a);
    printf("Resize(5): %d ", PyByteArray_Resize(a, 5));
    show_exc("->");
    printf("Resize(3) (same size): %d\n", PyByteArray_Resize(a, 3));
    CALL("append(1)", a, "append", "i", 1);
    CALL("extend(b'xy')", a, "extend", "y", "xy");
    CALL("pop()", a, "pop", NULL);
    CALL("remove(98)", a, "remove", "i", 98);
    CALL("insert(0, 1)", a, "insert", "ii", 0, 1);
    CALL("clear()", a, "clear", NULL);
    show_new("a += b'x'", PyNumber_InPlaceAdd(a, PyBytes_FromString("x")));
    printf("del a[0]: %d ", PySequence_DelItem(a, 0));
    show_exc("->");
    printf("a[1] = 66: %d\n", PySequence_SetItem(a, 1, PyLong_FromLong(66)));
    show("after the refused resizes", a);
    PyBuffer_Release(&view);
    CALL("append(33) after the release", a, "append", "i", 33);
    show("after the release", a);

    Py_DECREF(a);
    return conf_end();
}
