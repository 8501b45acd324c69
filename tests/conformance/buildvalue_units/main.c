/* Py_BuildValue: the common format units, containers, and reference semantics of O and N. */
#include "conformance.h"
#include <limits.h>

int main(void)
{
    conf_init();

    show_new("\"\"", Py_BuildValue(""));
    show_new("\"()\"", Py_BuildValue("()"));
    show_new("\"i\"", Py_BuildValue("i", -42));
    show_new("\"ii\" (implicit tuple)", Py_BuildValue("ii", 1, 2));
    show_new("\"(i)\"", Py_BuildValue("(i)", 1));
    show_new("\"b h l\"", Py_BuildValue("b h l", -1, 300, LONG_MAX));
    show_new("\"B H I k\"", Py_BuildValue("BHIk", 255, 65535, UINT_MAX, ULONG_MAX));
    show_new("\"L K\"", Py_BuildValue("LK", LLONG_MIN, ULLONG_MAX));
    show_new("\"n\"", Py_BuildValue("n", PY_SSIZE_T_MAX));
    show_new("\"d f\"", Py_BuildValue("df", 0.1, (double)1.5f));
    show_new("\"s\"", Py_BuildValue("s", "caf\xc3\xa9"));
    show_new("\"s\" NULL", Py_BuildValue("s", (char *)NULL));
    show_new("\"s#\"", Py_BuildValue("s#", "abcdef", (Py_ssize_t)3));
    show_new("\"s#\" with a NUL", Py_BuildValue("s#", "a\0b", (Py_ssize_t)3));
    show_new("\"s\" empty", Py_BuildValue("s", ""));
    show_new("\"s\" astral", Py_BuildValue("s", "\xf0\x9f\x98\x80"));
    show_new("\"(isd)\"", Py_BuildValue("(isd)", 7, "two", 3.0));
    show_new("\"z z#\"", Py_BuildValue("zz#", (char *)NULL, (char *)NULL, (Py_ssize_t)0));
    show_new("\"U\"", Py_BuildValue("U", "u"));
    show_new("\"y y#\"", Py_BuildValue("yy#", "by", "b\0y", (Py_ssize_t)3));
    show_new("\"c\"", Py_BuildValue("c", 'x'));
    show_new("\"C\"", Py_BuildValue("C", 0x263A));
    show_new("\"[]\"", Py_BuildValue("[]"));
    show_new("\"[i,s,d]\"", Py_BuildValue("[i,s,d]", 1, "two", 3.0));
    show_new("\"{}\"", Py_BuildValue("{}"));
    show_new("\"{s:i,s:[ii]}\"", Py_BuildValue("{s:i,s:[ii]}", "a", 1, "b", 2, 3));
    show_new("\"{i:s}\"", Py_BuildValue("{i:s}", 5, "five"));
    show_new("\"((ii)(s))\"", Py_BuildValue("((ii)(s))", 1, 2, "x"));
    show_new("\"[(is)]\"", Py_BuildValue("[(is)]", 1, "x"));
    show_new("\"i:i,i\" separators ignored", Py_BuildValue("(i:i,i)", 1, 2, 3));
    show_new("\"  i  \" spaces ignored", Py_BuildValue("  i  ", 4));

    /* 'O' takes a new reference, 'N' steals the one it is given. */
    PyObject *obj = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(obj);
    PyObject *r = Py_BuildValue("(O)", obj);
    printf("'(O)' refcount delta: %zd\n", Py_REFCNT(obj) - before);
    Py_DECREF(r);
    printf("after releasing the tuple: %zd\n", Py_REFCNT(obj) - before);
    Py_INCREF(obj);
    r = Py_BuildValue("(N)", obj);
    printf("'(N)' after our INCREF, refcount delta: %zd\n", Py_REFCNT(obj) - before);
    Py_DECREF(r);
    printf("after releasing the tuple: %zd\n", Py_REFCNT(obj) - before);
    r = Py_BuildValue("O", obj);
    printf("bare 'O' returns the object itself: %d, delta %zd\n", r == obj, Py_REFCNT(obj) - before);
    Py_DECREF(r);
    r = Py_BuildValue("S", obj);
    printf("'S' is 'O': %d\n", r == obj);
    Py_DECREF(r);
    Py_DECREF(obj);

    /* Converter: O& */
    show_new("\"O&\" with a converter",
             Py_BuildValue("O&", (PyObject * (*)(void *)) PyUnicode_FromString, (void *)"converted"));

    /* Identity of cached values. */
    PyObject *a = Py_BuildValue("()"), *b = PyTuple_New(0);
    printf("'()' is the empty tuple singleton: %d\n", a == b);
    Py_DECREF(a);
    Py_DECREF(b);

    return conf_end();
}
