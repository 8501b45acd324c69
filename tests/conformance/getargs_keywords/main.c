/* PyArg_ParseTupleAndKeywords: keyword arguments found by the names in kwlist. Names that
   are not ASCII, long or not UTF-8; one buffer reused for different names; many distinct
   names; the same call repeated; keys that are not str; and the error for each. */
#include "conformance.h"

/* Parses (args, kwargs) with format "|OO:f" against the kwlist {first, second} and prints
   what each parameter got, or the exception. */
static void parse_two(const char *label, PyObject *args, PyObject *kwargs, char *first, char *second)
{
    char *kwlist[] = {first, second, NULL};
    PyObject *a = NULL, *b = NULL;
    int ok = PyArg_ParseTupleAndKeywords(args, kwargs, "|OO:f", kwlist, &a, &b);
    printf("%s: ok=%d", label, ok);
    if (ok) {
        PyObject *got = Py_BuildValue("(OO)", a != NULL ? a : Py_None, b != NULL ? b : Py_None);
        PyObject *r = got != NULL ? PyObject_Repr(got) : NULL;
        if (r != NULL) {
            printf(", got ");
            conf_write_str(r);
        }
        Py_XDECREF(r);
        Py_XDECREF(got);
    } else {
        printf(", ");
        conf_write_exc();
    }
    printf("\n");
}

/* A dict of one item: name=value. */
static PyObject *kw1(const char *name, long value)
{
    return Py_BuildValue("{s:l}", name, value);
}

int main(void)
{
    conf_init();
    PyObject *none = PyTuple_New(0);
    PyObject *one = Py_BuildValue("(i)", 1);
    PyObject *kw;

    /* The common case, many times: the same kwlist, the same kwargs. */
    kw = Py_BuildValue("{s:i,s:s}", "alpha", 1, "beta", "two");
    int same = 1;
    for (int i = 0; i < 1000; i++) {
        static char *kwlist[] = {"alpha", "beta", NULL};
        int a = 0;
        const char *b = NULL;
        if (!PyArg_ParseTupleAndKeywords(none, kw, "|is", kwlist, &a, &b) || a != 1 || strcmp(b, "two") != 0) {
            same = 0;
            break;
        }
    }
    printf("1000 parses of (alpha=1, beta='two') all alike: %d\n", same);
    parse_two("(alpha=1, beta='two')", none, kw, "alpha", "beta");
    parse_two("(alpha=1, beta='two') with names swapped", none, kw, "beta", "alpha");
    parse_two("(1, alpha=1, beta='two'): too many", one, kw, "alpha", "beta");
    parse_two("(alpha=1, beta='two') against (alpha, gamma)", none, kw, "alpha", "gamma");
    Py_DECREF(kw);

    kw = kw1("alpha", 2);
    parse_two("(1, alpha=2): alpha given twice", one, kw, "alpha", "beta");
    parse_two("(1, alpha=2) against (beta, alpha)", one, kw, "beta", "alpha");
    Py_DECREF(kw);

    /* Names that are not ASCII: UTF-8 in kwlist against a str key. */
    kw = kw1("caf\xc3\xa9", 5);
    parse_two("UTF-8 name given", none, kw, "caf\xc3\xa9", "x");
    parse_two("UTF-8 name not given (ASCII prefix)", none, kw, "caf", "x");
    Py_DECREF(kw);
    kw = kw1("caf", 5);
    parse_two("UTF-8 name against its ASCII prefix", none, kw, "caf\xc3\xa9", "x");
    Py_DECREF(kw);
    kw = kw1("\xe2\x82\xac", 6);
    parse_two("3-byte UTF-8 name", none, kw, "\xe2\x82\xac", "x");
    Py_DECREF(kw);

    /* A name that is not UTF-8 is an error once there are keywords to look up. */
    kw = kw1("x", 1);
    parse_two("name not UTF-8, keywords given", none, kw, "\xff\xfe", "x");
    Py_DECREF(kw);
    parse_two("name not UTF-8, no keywords", none, NULL, "\xff\xfe", "x");

    /* Long names. */
    char long_name[201];
    memset(long_name, 'n', 200);
    long_name[200] = '\0';
    kw = kw1(long_name, 7);
    parse_two("200-character name given", none, kw, long_name, "x");
    Py_DECREF(kw);
    kw = kw1("nnnn", 7);
    parse_two("200-character name, a short key", none, kw, long_name, "x");
    Py_DECREF(kw);
    memset(long_name, 'm', 64);
    long_name[64] = '\0';
    kw = kw1(long_name, 8);
    parse_two("64-character name given", none, kw, long_name, "x");
    long_name[64] = 'm';
    long_name[65] = '\0';
    parse_two("65-character name against a 64-character key", none, kw, long_name, "x");
    Py_DECREF(kw);

    /* One buffer holding different names, one after the other. */
    char buffer[16];
    PyObject *kw_ab = kw1("ab", 1), *kw_abc = kw1("abc", 2), *kw_b = kw1("b", 3);
    strcpy(buffer, "ab");
    parse_two("buffer 'ab', key 'ab'", none, kw_ab, buffer, "x");
    strcpy(buffer, "abc");
    parse_two("buffer now 'abc', key 'ab'", none, kw_ab, buffer, "x");
    parse_two("buffer now 'abc', key 'abc'", none, kw_abc, buffer, "x");
    strcpy(buffer, "a");
    parse_two("buffer now 'a', key 'ab'", none, kw_ab, buffer, "x");
    strcpy(buffer, "b");
    parse_two("buffer now 'b', key 'b'", none, kw_b, buffer, "x");
    strcpy(buffer, "ab");
    parse_two("buffer 'ab' again, key 'ab'", none, kw_ab, buffer, "x");
    Py_DECREF(kw_ab);
    Py_DECREF(kw_abc);
    Py_DECREF(kw_b);

    /* Many distinct names, each found by its own keyword. */
    int found = 0;
    for (int i = 0; i < 2000; i++) {
        char name[32];
        snprintf(name, sizeof name, "name_%d", i);
        char *kwlist[] = {name, NULL};
        long v = -1;
        kw = kw1(name, i);
        if (PyArg_ParseTupleAndKeywords(none, kw, "|l", kwlist, &v) && v == i) {
            found++;
        }
        Py_DECREF(kw);
    }
    printf("2000 distinct names found: %d\n", found);
    check_no_exc("distinct names");
    kw = kw1("name_1999", 9);
    parse_two("name_1999 again", none, kw, "name_1999", "x");
    Py_DECREF(kw);

    /* Keys that are not str. */
    kw = Py_BuildValue("{i:i}", 1, 2);
    parse_two("{1: 2}", none, kw, "a", "b");
    parse_two("{1: 2} with an argument", one, kw, "a", "b");
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i,i:i}", "a", 1, 1, 2);
    parse_two("{'a': 1, 1: 2}", none, kw, "a", "b");
    Py_DECREF(kw);
    kw = Py_BuildValue("{y:i}", "a", 1);
    parse_two("{b'a': 1}", none, kw, "a", "b");
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "", 1);
    parse_two("{'': 1}", none, kw, "a", "b");
    Py_DECREF(kw);

    /* Unknown keywords, with and without a function name, and several of them. */
    kw = Py_BuildValue("{s:i,s:i}", "a", 1, "zz", 2);
    parse_two("(a=1, zz=2)", none, kw, "a", "b");
    {
        static char *kwlist[] = {"a", "b", NULL};
        PyObject *x = NULL, *y = NULL;
        int ok = PyArg_ParseTupleAndKeywords(none, kw, "|OO", kwlist, &x, &y);
        printf("(a=1, zz=2) unnamed: ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
    }
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3);
    parse_two("(a=1, b=2, c=3): too many", none, kw, "a", "b");
    Py_DECREF(kw);

    /* Keyword-only and positional-only parameters looked up by name. */
    {
        static char *kwlist[] = {"", "k", NULL};
        int p = 0, k = 0;
        kw = kw1("k", 4);
        int ok = PyArg_ParseTupleAndKeywords(one, kw, "i|$i:g", kwlist, &p, &k);
        printf("(1, k=4) against ('', $k): ok=%d, p=%d, k=%d\n", ok, p, k);
        Py_DECREF(kw);
        kw = kw1("k", 4);
        ok = PyArg_ParseTupleAndKeywords(none, kw, "i|$i:g", kwlist, &p, &k);
        printf("(k=4) against ('', $k): ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(kw);
    }

    /* A name looked up as a keyword and as an attribute: the same text, both ways. */
    {
        PyObject *mod = PyModule_New("kwmod");
        PyObject_SetAttrString(mod, "alpha", PyLong_FromLong(11));
        kw = kw1("alpha", 12);
        parse_two("alpha= after setattr(mod, 'alpha')", none, kw, "alpha", "beta");
        show_new("mod.alpha", PyObject_GetAttrString(mod, "alpha"));
        Py_DECREF(kw);
        Py_DECREF(mod);
    }

    Py_DECREF(none);
    Py_DECREF(one);
    return conf_end();
}
