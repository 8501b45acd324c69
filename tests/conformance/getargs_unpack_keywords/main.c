/* _PyArg_UnpackKeywords, Argument Clinic's helper, with the arguments of a vectorcall
   (kwnames) and of a tp_call (a kwargs dict): the arguments laid out by parameter, and
   CPython's errors for missing, surplus, duplicate and unknown arguments. */
#include "conformance.h"

/* f(a, /, b, c=None, *, d, e=None) */
static const char *const f_keywords[] = { "", "b", "c", "d", "e", NULL };
static _PyArg_Parser f_parser = { .keywords = f_keywords, .fname = "f" };
/* h(x, y=None) */
static const char *const h_keywords[] = { "x", "y", NULL };
static _PyArg_Parser h_parser = { .keywords = h_keywords, .fname = "h" };
/* k(only): a one-parameter function without a name in the parser */
static const char *const k_keywords[] = { "only", NULL };
static _PyArg_Parser k_parser = { .keywords = k_keywords };
/* g(a, /, b, c=None, *, d, e=None) named by its format */
static _PyArg_Parser g_parser = { .format = "OO|O$OO:g", .keywords = f_keywords };
/* a positional-only parameter after a named one */
static const char *const bad_keywords[] = { "a", "", NULL };
static _PyArg_Parser bad_parser = { .keywords = bad_keywords, .fname = "bad" };

typedef struct {
    _PyArg_Parser *parser;
    int minpos, maxpos, minkw, maxargs;
} signature;

static const signature F = { &f_parser, 2, 3, 1, 5 };
static const signature H = { &h_parser, 1, 2, 0, 2 };
static const signature K = { &k_parser, 1, 1, 0, 1 };
static const signature G = { &g_parser, 2, 3, 1, 5 };
static const signature BAD = { &bad_parser, 0, 2, 0, 2 };

static void print_result(PyObject *const *result, PyObject *const *args, PyObject **buf, int maxargs)
{
    if (result == NULL) {
        printf("NULL, ");
        conf_write_exc();
        printf("\n");
        return;
    }
    if (result == args) {
        printf("the arguments as given\n");
        return;
    }
    printf("%s[", result == buf ? "buf " : "other ");
    for (int i = 0; i < maxargs; i++) {
        if (i > 0) {
            printf(", ");
        }
        if (buf[i] == NULL) {
            printf("NULL");
        }
        else {
            PyObject *r = PyObject_Repr(buf[i]);
            conf_write_str(r);
            Py_DECREF(r);
        }
    }
    printf("]\n");
}

/* Calls with the positional arguments in the tuple `pos` and the keyword ones in the dict
   `kw` (NULL for none), once vectorcall-style and once tp_call-style. */
static void unpack(const char *label, signature sig, PyObject *pos, PyObject *kw)
{
    PyObject *args[16];
    PyObject *buf[8];
    Py_ssize_t nargs = PyTuple_GET_SIZE(pos);
    PyObject *kwnames = NULL;

    for (Py_ssize_t i = 0; i < nargs; i++) {
        args[i] = PyTuple_GET_ITEM(pos, i);
    }
    if (kw != NULL && PyDict_GET_SIZE(kw) > 0) {
        kwnames = PyTuple_New(PyDict_GET_SIZE(kw));
        Py_ssize_t j = 0, n = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &j, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, n, Py_NewRef(key));
            args[nargs + n] = value;
            n++;
        }
    }

    memset(buf, 0, sizeof buf);
    printf("%s, kwnames: ", label);
    print_result(_PyArg_UnpackKeywords(args, nargs, NULL, kwnames, sig.parser, sig.minpos, sig.maxpos, sig.minkw, buf),
                 args, buf, sig.maxargs);
    memset(buf, 0, sizeof buf);
    printf("%s, kwargs: ", label);
    PyObject *kwargs = kw != NULL && PyDict_GET_SIZE(kw) > 0 ? kw : NULL;
    print_result(_PyArg_UnpackKeywords(&PyTuple_GET_ITEM(pos, 0), nargs, kwargs, NULL, sig.parser, sig.minpos,
                                       sig.maxpos, sig.minkw, buf),
                 &PyTuple_GET_ITEM(pos, 0), buf, sig.maxargs);
    Py_XDECREF(kwnames);
    Py_DECREF(pos);
    Py_XDECREF(kw);
}

int main(void)
{
    conf_init();
    unpack("f(1, 2, d=4)", F, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{si}", "d", 4));
    unpack("f(1, b=2, d=4, e=5)", F, Py_BuildValue("(i)", 1), Py_BuildValue("{sisisi}", "b", 2, "d", 4, "e", 5));
    unpack("f(1, 2, 3, d=4, e=5)", F, Py_BuildValue("(iii)", 1, 2, 3), Py_BuildValue("{sisi}", "d", 4, "e", 5));
    unpack("f(1, 2)", F, Py_BuildValue("(ii)", 1, 2), NULL);
    unpack("f(1)", F, Py_BuildValue("(i)", 1), NULL);
    unpack("f()", F, Py_BuildValue("()"), NULL);
    unpack("f(1, 2, 3, 4)", F, Py_BuildValue("(iiii)", 1, 2, 3, 4), NULL);
    unpack("f(1, 2, 3, d=4, e=5, x=6)", F, Py_BuildValue("(iii)", 1, 2, 3),
           Py_BuildValue("{sisisi}", "d", 4, "e", 5, "x", 6));
    unpack("f(1, 2, b=5, d=4)", F, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{sisi}", "b", 5, "d", 4));
    unpack("f(1, 2, d=4, z=9)", F, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{sisi}", "d", 4, "z", 9));
    unpack("f(1, 2, d=4, a=9)", F, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{sisi}", "d", 4, "a", 9));
    unpack("f(b=2, d=4)", F, Py_BuildValue("()"), Py_BuildValue("{sisi}", "b", 2, "d", 4));
    unpack("f(1, 2, d=4, **{1: 9})", F, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{siii}", "d", 4, 1, 9));

    unpack("h(1)", H, Py_BuildValue("(i)", 1), NULL);
    unpack("h(1, 2)", H, Py_BuildValue("(ii)", 1, 2), NULL);
    unpack("h(x=1)", H, Py_BuildValue("()"), Py_BuildValue("{si}", "x", 1));
    unpack("h(y=2)", H, Py_BuildValue("()"), Py_BuildValue("{si}", "y", 2));
    unpack("h(1, x=2)", H, Py_BuildValue("(i)", 1), Py_BuildValue("{si}", "x", 2));
    unpack("h(x=1, y=2, z=3)", H, Py_BuildValue("()"), Py_BuildValue("{sisisi}", "x", 1, "y", 2, "z", 3));
    unpack("h(1, 2, 3)", H, Py_BuildValue("(iii)", 1, 2, 3), NULL);
    unpack("h()", H, Py_BuildValue("()"), NULL);

    unpack("k(1, 2)", K, Py_BuildValue("(ii)", 1, 2), NULL);
    unpack("k(1, only=2)", K, Py_BuildValue("(i)", 1), Py_BuildValue("{si}", "only", 2));
    unpack("k(other=1)", K, Py_BuildValue("()"), Py_BuildValue("{si}", "other", 1));

    unpack("g(1, 2)", G, Py_BuildValue("(ii)", 1, 2), NULL);
    unpack("g(1, 2, d=4)", G, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{si}", "d", 4));

    unpack("bad(1)", BAD, Py_BuildValue("(i)", 1), Py_BuildValue("{si}", "a", 1));

    /* Keyword names that are equal but not the parser's own (interned) strs. */
    PyObject *name = PyUnicode_FromString("dd");
    PyObject *d = PyUnicode_Substring(name, 1, 2);
    Py_DECREF(name);
    PyObject *kw = PyDict_New();
    PyDict_SetItem(kw, d, Py_True);
    Py_DECREF(d);
    unpack("f(1, 2, d=True) with a built name", F, Py_BuildValue("(ii)", 1, 2), kw);
    return conf_end();
}
