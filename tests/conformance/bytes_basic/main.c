/* bytes: construction, the ob_sval layout macros, repr, concatenation. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *b = PyBytes_FromStringAndSize("a\0b\xff\n'\"", 7);
    show("FromStringAndSize with NUL and 0xff", b);
    printf("PyBytes_Size: %zd, GET_SIZE: %zd\n", PyBytes_Size(b), PyBytes_GET_SIZE(b));
    const char *s = PyBytes_AS_STRING(b);
    printf("AS_STRING bytes:");
    for (Py_ssize_t i = 0; i <= PyBytes_GET_SIZE(b); i++) {
        printf(" %02x", (unsigned char)s[i]);
    }
    printf("\n");
    printf("AsString == AS_STRING: %d\n", PyBytes_AsString(b) == PyBytes_AS_STRING(b));
    char *buf = NULL;
    Py_ssize_t len = -1;
    int rc = PyBytes_AsStringAndSize(b, &buf, &len);
    printf("AsStringAndSize: %d, len=%zd, buffer is AS_STRING: %d\n", rc, len, buf == PyBytes_AS_STRING(b));
    printf("PyBytes_Check: %d, CheckExact: %d\n", PyBytes_Check(b), PyBytes_CheckExact(b));
    Py_DECREF(b);

    show_new("FromString", PyBytes_FromString("hello"));
    show_new("FromString('')", PyBytes_FromString(""));
    show_new("FromStringAndSize(NULL, 0)", PyBytes_FromStringAndSize(NULL, 0));
    show_new("repr quotes with only '", PyBytes_FromString("it's"));
    show_new("repr of \\t\\r\\\\", PyBytes_FromString("\t\r\\"));
    show_new("FromFormat", PyBytes_FromFormat("%s=%d (%zd) %c %x%%", "n", -3, (Py_ssize_t)9, 'z', 255));
    show_new("FromObject(list of ints)", PyBytes_FromObject(Py_BuildValue("[iii]", 65, 66, 67)));
    show_new("PyObject_Bytes(bytes)", PyObject_Bytes(PyBytes_FromString("same")));

    /* Writing into a fresh bytes object through the layout is allowed until it is shared. */
    PyObject *w = PyBytes_FromStringAndSize(NULL, 4);
    memcpy(PyBytes_AS_STRING(w), "wxyz", 4);
    show("filled through AS_STRING", w);
    printf("terminating NUL present: %d\n", PyBytes_AS_STRING(w)[4] == '\0');

    PyObject *acc = PyBytes_FromString("ab");
    PyBytes_Concat(&acc, w);
    show("Concat", acc);
    PyBytes_ConcatAndDel(&acc, PyBytes_FromString("!"));
    show("ConcatAndDel", acc);
    printf("b'wxyz' == b'wxyz': %d\n", PyObject_RichCompareBool(w, PyBytes_FromString("wxyz"), Py_EQ));
    printf("b'ab' < b'b': %d\n", PyObject_RichCompareBool(PyBytes_FromString("ab"), PyBytes_FromString("b"), Py_LT));
    show_new("decode via CallMethod", PyObject_CallMethod(PyBytes_FromString("caf\xc3\xa9"), "decode", "s", "utf-8"));
    show_new("hex via CallMethod", PyObject_CallMethod(acc, "hex", NULL));
    Py_DECREF(acc);
    Py_DECREF(w);

    return conf_end();
}
