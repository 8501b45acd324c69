/* bytearray: slice assignment and deletion (PyObject_SetItem / PyObject_DelItem with an
   index or a slice key), with CPython's errors, and bytearray % args (PEP 461). */
#include "conformance.h"

#define CALL(label, obj, ...) show_new(label, PyObject_CallMethod((obj), __VA_ARGS__))

static PyObject *ba(const char *s) { return PyByteArray_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

static PyObject *slice(long start, long stop, long step)
{
    PyObject *a = PyLong_FromLong(start), *b = PyLong_FromLong(stop), *c = PyLong_FromLong(step);
    PyObject *s = PySlice_New(a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return s;
}

/* a = bytearray(init); a[start:stop:step] = value; shows the result or the error. */
static void assign(const char *label, const char *init, PyObject *key, PyObject *value)
{
    PyObject *a = ba(init);
    printf("%s: ", label);
    if (PyObject_SetItem(a, key, value) < 0) {
        conf_write_exc();
        printf(" (left %s)\n", PyByteArray_AS_STRING(a));
    } else {
        show("", a);
    }
    Py_DECREF(a);
    Py_DECREF(key);
    Py_XDECREF(value);
}

static void delete(const char *label, const char *init, PyObject *key)
{
    PyObject *a = ba(init);
    printf("%s: ", label);
    if (PyObject_DelItem(a, key) < 0) {
        conf_write_exc();
        printf(" (left %s)\n", PyByteArray_AS_STRING(a));
    } else {
        show("", a);
    }
    Py_DECREF(a);
    Py_DECREF(key);
}

int main(void)
{
    conf_init();

    /* Linear slices: any size. */
    assign("a[1:3] = b'XYZ'", "abcdef", slice(1, 3, 1), PyBytes_FromString("XYZ"));
    assign("a[1:5] = b'X'", "abcdef", slice(1, 5, 1), PyBytes_FromString("X"));
    assign("a[2:2] = b'--'", "abcdef", slice(2, 2, 1), PyBytes_FromString("--"));
    assign("a[5:2] = b'--' inserts at 5", "abcdef", slice(5, 2, 1), PyBytes_FromString("--"));
    assign("a[-2:100] = b''", "abcdef", slice(-2, 100, 1), PyBytes_FromString(""));
    assign("a[0:6] = bytearray(b'q')", "abcdef", slice(0, 6, 1), ba("q"));
    assign("a[1:2] = memoryview(b'mv')", "abcdef", slice(1, 2, 1), PyMemoryView_FromObject(PyBytes_FromString("mv")));
    assign("a[1:2] = [65, 66, 67]", "abcdef", slice(1, 2, 1), Py_BuildValue("[iii]", 65, 66, 67));
    assign("a[1:2] = (x for range)", "abcdef", slice(1, 2, 1), PyObject_GetIter(Py_BuildValue("(ii)", 48, 49)));
    assign("a[1:2] = [256]", "abcdef", slice(1, 2, 1), Py_BuildValue("[i]", 256));
    assign("a[1:2] = [-1]", "abcdef", slice(1, 2, 1), Py_BuildValue("[i]", -1));
    assign("a[1:2] = ['x']", "abcdef", slice(1, 2, 1), Py_BuildValue("[s]", "x"));
    assign("a[1:2] = 5", "abcdef", slice(1, 2, 1), PyLong_FromLong(5));
    assign("a[1:2] = 1.5", "abcdef", slice(1, 2, 1), PyFloat_FromDouble(1.5));
    assign("a[1:2] = 'str'", "abcdef", slice(1, 2, 1), PyUnicode_FromString("str"));
    assign("a[1:2] = None", "abcdef", slice(1, 2, 1), Py_NewRef(Py_None));

    /* Assigning the array to a slice of itself. */
    PyObject *self = ba("abc");
    PyObject *key = slice(1, 2, 1);
    printf("a[1:2] = a: %d\n", PyObject_SetItem(self, key, self));
    show("a", self);
    Py_DECREF(key);
    PyObject *minus_one = PyLong_FromLong(-1);
    key = PySlice_New(NULL, NULL, minus_one);
    Py_DECREF(minus_one);
    printf("a[::-1] = a: %d\n", PyObject_SetItem(self, key, self));
    show("a", self);
    Py_DECREF(key);
    Py_DECREF(self);

    /* Extended slices: the sizes must match, except that an empty value deletes. */
    assign("a[::2] = b'XYZ'", "abcdef", slice(0, 6, 2), PyBytes_FromString("XYZ"));
    assign("a[::-2] = b'XYZ'", "abcdef", slice(5, -100, -2), PyBytes_FromString("XYZ"));
    assign("a[::2] = b'XYZW'", "abcdef", slice(0, 6, 2), PyBytes_FromString("XYZW"));
    assign("a[1::3] = b'XYZ'", "abcdef", slice(1, 6, 3), PyBytes_FromString("XYZ"));
    assign("a[::2] = b''", "abcdef", slice(0, 6, 2), PyBytes_FromString(""));
    assign("a[::2] = [1, 2, 300]", "abcdef", slice(0, 6, 2), Py_BuildValue("[iii]", 1, 2, 300));
    assign("a[4:1:2] = b''", "abcdef", slice(4, 1, 2), PyBytes_FromString(""));

    /* Index keys. */
    assign("a[0] = 65", "abcdef", PyLong_FromLong(0), PyLong_FromLong(65));
    assign("a[-1] = 66", "abcdef", PyLong_FromLong(-1), PyLong_FromLong(66));
    assign("a[6] = 65", "abcdef", PyLong_FromLong(6), PyLong_FromLong(65));
    assign("a[-7] = 65", "abcdef", PyLong_FromLong(-7), PyLong_FromLong(65));
    assign("a[0] = 256", "abcdef", PyLong_FromLong(0), PyLong_FromLong(256));
    assign("a[6] = 256 (the value is checked first)", "abcdef", PyLong_FromLong(6), PyLong_FromLong(256));
    assign("a[0] = b'x'", "abcdef", PyLong_FromLong(0), PyBytes_FromString("x"));
    assign("a[0] = 1.0", "abcdef", PyLong_FromLong(0), PyFloat_FromDouble(1.0));
    assign("a['x'] = 1", "abcdef", PyUnicode_FromString("x"), PyLong_FromLong(1));
    assign("a[2**70] = 1", "abcdef", PyLong_FromString("1000000000000000000000000", NULL, 10), PyLong_FromLong(1));

    /* Deletion. */
    delete("del a[1:3]", "abcdef", slice(1, 3, 1));
    delete("del a[::2]", "abcdef", slice(0, 6, 2));
    delete("del a[::-2]", "abcdef", slice(5, -100, -2));
    delete("del a[1::3]", "abcdef", slice(1, 6, 3));
    delete("del a[4:1:2]", "abcdef", slice(4, 1, 2));
    delete("del a[0]", "abcdef", PyLong_FromLong(0));
    delete("del a[-1]", "abcdef", PyLong_FromLong(-1));
    delete("del a[6]", "abcdef", PyLong_FromLong(6));
    delete("del a[None]", "abcdef", Py_NewRef(Py_None));
    PyObject *t = ba("abcdef");
    printf("SetSlice(a, 1, 3, b'Q'): %d\n", PySequence_SetSlice(t, 1, 3, PyBytes_FromString("Q")));
    show("a", t);
    printf("DelSlice(a, 0, 2): %d\n", PySequence_DelSlice(t, 0, 2));
    show("a", t);
    Py_DECREF(t);

    /* An exported array keeps its size: same-size assignments still work. */
    PyObject *held = ba("abcdef");
    PyObject *view = PyMemoryView_FromObject(held);
    key = slice(0, 2, 1);
    PyObject *two = PyBytes_FromString("XY"), *three = PyBytes_FromString("XYZ");
    printf("exported: a[0:2] = b'XY': %d\n", PyObject_SetItem(held, key, two));
    printf("exported: a[0:2] = b'XYZ': %d, ", PyObject_SetItem(held, key, three));
    show_exc("error");
    printf("exported: del a[0:2]: %d, ", PyObject_DelItem(held, key));
    show_exc("error");
    Py_DECREF(key);
    key = slice(0, 6, 2);
    printf("exported: a[::2] = b'XYZ': %d\n", PyObject_SetItem(held, key, three));
    printf("exported: del a[::2]: %d, ", PyObject_DelItem(held, key));
    show_exc("error");
    Py_DECREF(key);
    key = slice(4, 1, 2);
    printf("exported: del a[4:1:2] (nothing): %d, ", PyObject_DelItem(held, key));
    show_exc("error");
    Py_DECREF(key);
    key = PyLong_FromLong(0);
    printf("exported: del a[0]: %d, ", PyObject_DelItem(held, key));
    show_exc("error");
    Py_DECREF(key);
    show("exported array", held);
    show_new("release", PyObject_CallMethod(view, "release", NULL));
    key = slice(0, 2, 1);
    printf("released: del a[0:2]: %d\n", PyObject_DelItem(held, key));
    show("a", held);
    Py_DECREF(key);
    Py_DECREF(view);
    Py_DECREF(held);
    Py_DECREF(two);
    Py_DECREF(three);

    /* bytearray % args: a new bytearray, formatted as bytes are. */
    PyObject *fmt = ba("%d-%s-%r-%x-%c|%5.2f");
    PyObject *args = Py_BuildValue("(iyiiid)", 42, "by", 7, 255, 65, 3.14159);
    show_new("bytearray % tuple", PyNumber_Remainder(fmt, args));
    Py_DECREF(args);
    Py_DECREF(fmt);
    fmt = ba("%(a)s and %(b)d");
    args = Py_BuildValue("{y:y,y:i}", "a", "A", "b", 2);
    show_new("bytearray % dict", PyNumber_Remainder(fmt, args));
    Py_DECREF(args);
    Py_DECREF(fmt);
    fmt = ba("%s");
    PyObject *arg = ba("inner");
    show_new("bytearray % bytearray", PyNumber_Remainder(fmt, arg));
    Py_DECREF(arg);
    arg = PyUnicode_FromString("text");
    show_new("bytearray % str", PyNumber_Remainder(fmt, arg));
    Py_DECREF(arg);
    arg = Py_BuildValue("(ii)", 1, 2);
    show_new("bytearray(b'%s') % (1, 2)", PyNumber_Remainder(fmt, arg));
    Py_DECREF(arg);
    Py_DECREF(fmt);
    fmt = ba("%d %d");
    arg = PyLong_FromLong(1);
    show_new("bytearray % too few", PyNumber_Remainder(fmt, arg));
    Py_DECREF(arg);
    Py_DECREF(fmt);
    fmt = ba("no format");
    arg = PyLong_FromLong(1);
    show_new("bytearray % unused", PyNumber_Remainder(fmt, arg));
    Py_DECREF(arg);
    Py_DECREF(fmt);

    /* The methods behind the slots. */
    PyObject *w = ba("hello");
    CALL("__setitem__(slice(0, 1), b'J')", w, "__setitem__", "Ny", PySlice_New(NULL, PyLong_FromLong(1), NULL), "J");
    CALL("__setitem__(0)", w, "__setitem__", "i", 0);
    CALL("__delitem__(-1)", w, "__delitem__", "i", -1);
    CALL("__delitem__(slice(None, None, 2))", w, "__delitem__", "N", PySlice_New(NULL, NULL, PyLong_FromLong(2)));
    show("now", w);
    CALL("__iadd__(b'xyz')", w, "__iadd__", "y", "xyz");
    CALL("__imul__(2)", w, "__imul__", "i", 2);
    CALL("__add__(b'!')", w, "__add__", "y", "!");
    CALL("__add__(1)", w, "__add__", "i", 1);
    CALL("__mul__(2)", w, "__mul__", "i", 2);
    CALL("__rmul__(2)", w, "__rmul__", "i", 2);
    PyObject *pct = ba("<%s>");
    CALL("__mod__(b'x')", pct, "__mod__", "y", "x");
    CALL("__rmod__(b'x') (NotImplemented)", pct, "__rmod__", "y", "x");
    Py_DECREF(pct);
    CALL("__radd__(b'x') (no such method)", w, "__radd__", "y", "x");
    show("now", w);
    Py_DECREF(w);

    return conf_end();
}
