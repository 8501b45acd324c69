/* Operations on str through the C API: Concat, Substring, Join, Split, Replace, Find, Count,
   Contains, Tailmatch, Format, interning, and str methods called with CallMethod. */
#include "conformance.h"

static PyObject *S(const char *text) { return PyUnicode_FromString(text); }

int main(void)
{
    conf_init();
    PyObject *cafe = S("caf\xc3\xa9");
    PyObject *text = S("one two  three two");

    show_new("Concat", PyUnicode_Concat(cafe, S(" \xe2\x98\x95")));
    show_new("Substring(1, 3)", PyUnicode_Substring(cafe, 1, 3));
    show_new("Substring(2, 100)", PyUnicode_Substring(cafe, 2, 100));
    show_new("Join(', ', list)", PyUnicode_Join(S(", "), Py_BuildValue("[sss]", "x", "y", "z")));
    show_new("Join('', tuple)", PyUnicode_Join(S(""), Py_BuildValue("(ss)", "a", "\xc3\xa9")));
    show_new("Join('-', [])", PyUnicode_Join(S("-"), PyList_New(0)));
    show_new("Split(None)", PyUnicode_Split(text, NULL, -1));
    show_new("Split(' ')", PyUnicode_Split(text, S(" "), -1));
    show_new("Split(None, 1)", PyUnicode_Split(text, NULL, 1));
    show_new("Replace('two', '2')", PyUnicode_Replace(text, S("two"), S("2"), -1));
    show_new("Replace('two', '2', 1)", PyUnicode_Replace(text, S("two"), S("2"), 1));
    printf("Find('two') forward: %zd\n", PyUnicode_Find(text, S("two"), 0, PY_SSIZE_T_MAX, 1));
    printf("Find('two') backward: %zd\n", PyUnicode_Find(text, S("two"), 0, PY_SSIZE_T_MAX, -1));
    printf("Find('zzz'): %zd\n", PyUnicode_Find(text, S("zzz"), 0, PY_SSIZE_T_MAX, 1));
    printf("Find('\xc3\xa9') in caf\xc3\xa9: %zd\n", PyUnicode_Find(cafe, S("\xc3\xa9"), 0, 4, 1));
    printf("FindChar('t'): %zd\n", PyUnicode_FindChar(text, 't', 0, PY_SSIZE_T_MAX, 1));
    printf("Count('two'): %zd\n", PyUnicode_Count(text, S("two"), 0, PY_SSIZE_T_MAX));
    printf("Contains('f'): %d, Contains('x'): %d\n", PyUnicode_Contains(cafe, S("f")), PyUnicode_Contains(cafe, S("x")));
    printf("Tailmatch('two', suffix): %zd\n", PyUnicode_Tailmatch(text, S("two"), 0, PY_SSIZE_T_MAX, 1));
    printf("Tailmatch('one', prefix): %zd\n", PyUnicode_Tailmatch(text, S("one"), 0, PY_SSIZE_T_MAX, -1));
    show_new("RichCompare('a' < 'b')", PyUnicode_RichCompare(S("a"), S("b"), Py_LT));
    printf("Compare('a', 'b'): %d, ('b', 'a'): %d\n", PyUnicode_Compare(S("a"), S("b")), PyUnicode_Compare(S("b"), S("a")));
    show_new("Format('%s=%d', ('x', 3))", PyUnicode_Format(S("%s=%d"), Py_BuildValue("(si)", "x", 3)));
    show_new("Format('%r', 'q')", PyUnicode_Format(S("%r"), S("q")));
    show_new("Format('%5.2f|%-4s|%x', ...)", PyUnicode_Format(S("%5.2f|%-4s|%x"), Py_BuildValue("(dsi)", 3.14159, "ab", 255)));

    PyObject *i1 = PyUnicode_InternFromString("conformance_interned");
    PyObject *i2 = PyUnicode_InternFromString("conformance_interned");
    printf("InternFromString twice gives one object: %d\n", i1 == i2);
    PyObject *i3 = S("conformance_interned");
    PyUnicode_InternInPlace(&i3);
    printf("InternInPlace gives the interned object: %d\n", i3 == i1);
    Py_DECREF(i1);
    Py_DECREF(i2);
    Py_DECREF(i3);
    printf("IsIdentifier('abc_1'): %d, ('1abc'): %d\n", PyUnicode_IsIdentifier(S("abc_1")), PyUnicode_IsIdentifier(S("1abc")));

    show_new("upper()", PyObject_CallMethod(cafe, "upper", NULL));
    show_new("title()", PyObject_CallMethod(text, "title", NULL));
    show_new("startswith('one')", PyObject_CallMethod(text, "startswith", "s", "one"));
    show_new("encode('utf-8')", PyObject_CallMethod(cafe, "encode", "s", "utf-8"));
    show_new("center(9, '*')", PyObject_CallMethod(cafe, "center", "is", 9, "*"));
    show_new("format()", PyObject_CallMethod(S("{0}-{0!r}"), "format", "s", "a"));
    show_new("PyObject_Format(3.14159, '.2f')", PyObject_Format(PyFloat_FromDouble(3.14159), S(".2f")));
    show_new("PyObject_Format(255, '#x')", PyObject_Format(PyLong_FromLong(255), S("#x")));

    Py_DECREF(cafe);
    Py_DECREF(text);
    return conf_end();
}
