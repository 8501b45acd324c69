/* The argument handling of str's methods called from C: counts, keywords, types, None, and
   the values each one refuses, on ASCII and astral text. */
#include "conformance.h"

#define A(...) Py_BuildValue(__VA_ARGS__)
#define KW(...) Py_BuildValue(__VA_ARGS__)

int main(void)
{
    conf_init();
    PyObject *s = PyUnicode_FromString("a,b,\xf0\x9f\x98\x80,c");
    PyObject *lines = PyUnicode_FromString("x\ny\r\n\xf0\x9f\x98\x80\x0bz");

    printf("-- split, rsplit, splitlines\n");
    show_method_call(s, "split", A("(s)", ","), NULL);
    show_method_call(s, "split", A("(si)", ",", 1), NULL);
    show_method_call(s, "rsplit", A("(si)", ",", 2), NULL);
    show_method_call(s, "split", NULL, KW("{s:s,s:i}", "sep", ",", "maxsplit", 2));
    show_method_call(s, "rsplit", A("(O)", Py_None), KW("{s:i}", "maxsplit", 1));
    show_method_call(s, "split", A("(i)", 1), NULL);
    show_method_call(s, "split", A("(s)", ""), NULL);
    show_method_call(s, "rsplit", A("(s)", ""), NULL);
    show_method_call(s, "split", A("(ss)", ",", "x"), NULL);
    show_method_call(s, "split", A("(sii)", ",", 1, 2), NULL);
    show_method_call(s, "split", A("(s)", ","), KW("{s:s}", "sep", ","));
    show_method_call(s, "split", NULL, KW("{s:i}", "max", 1));
    show_method_call(s, "rsplit", NULL, KW("{s:i,s:i,s:i}", "sep", 1, "maxsplit", 1, "x", 1));
    show_method_call(lines, "splitlines", NULL, NULL);
    show_method_call(lines, "splitlines", A("(i)", 1), NULL);
    show_method_call(lines, "splitlines", NULL, KW("{s:O}", "keepends", Py_True));
    show_method_call(lines, "splitlines", A("(s)", "x"), NULL);
    show_method_call(lines, "splitlines", A("(d)", 1.5), NULL);
    show_method_call(lines, "splitlines", A("(ii)", 1, 2), NULL);

    printf("-- strip, replace, join\n");
    show_method_call(s, "strip", A("(s)", "ac"), NULL);
    show_method_call(s, "lstrip", A("(O)", Py_None), NULL);
    show_method_call(s, "rstrip", A("(i)", 1), NULL);
    show_method_call(s, "strip", A("(ss)", "a", "b"), NULL);
    show_method_call(s, "strip", NULL, KW("{s:s}", "chars", "a"));
    show_method_call(s, "replace", A("(ss)", ",", ";"), NULL);
    show_method_call(s, "replace", A("(ssi)", ",", ";", 2), NULL);
    show_method_call(s, "replace", A("(ssi)", ",", ";", -1), NULL);
    show_method_call(s, "replace", A("(ss)", "", "-"), NULL);
    show_method_call(s, "replace", A("(s)", ","), NULL);
    show_method_call(s, "replace", A("(is)", 1, ";"), NULL);
    show_method_call(s, "replace", A("(si)", ",", 1), NULL);
    show_method_call(s, "replace", A("(sss)", ",", ";", "x"), NULL);
    show_method_call(s, "replace", A("(ss)", ",", ";"), KW("{s:i}", "count", 1));
    show_method_call(s, "join", A("([ss])", "x", "y"), NULL);
    show_method_call(s, "join", A("([si])", "x", 1), NULL);
    show_method_call(s, "join", A("(i)", 1), NULL);
    show_method_call(s, "join", NULL, NULL);

    printf("-- find, index, count, startswith, endswith\n");
    show_method_call(s, "find", A("(s)", "c"), NULL);
    show_method_call(s, "find", A("(sii)", ",", 2, 4), NULL);
    show_method_call(s, "rfind", A("(sO)", ",", Py_None), NULL);
    show_method_call(s, "index", A("(si)", "a", -3), NULL);
    show_method_call(s, "rindex", A("(s)", "z"), NULL);
    show_method_call(s, "count", A("(s)", ","), NULL);
    show_method_call(s, "count", A("(s)", ""), NULL);
    show_method_call(s, "count", A("(sii)", "", 2, 4), NULL);
    show_method_call(s, "find", A("(i)", 1), NULL);
    show_method_call(s, "find", A("(ss)", "a", "x"), NULL);
    show_method_call(s, "find", NULL, NULL);
    show_method_call(s, "count", A("(siii)", "a", 1, 2, 3), NULL);
    show_method_call(s, "find", A("(s)", "a"), KW("{s:i}", "start", 1));
    show_method_call(s, "startswith", A("(s)", "a,"), NULL);
    show_method_call(s, "startswith", A("((ss))", "x", "a"), NULL);
    show_method_call(s, "endswith", A("(si)", "c", 3), NULL);
    show_method_call(s, "endswith", A("(i)", 1), NULL);
    show_method_call(s, "startswith", A("((si))", "x", 1), NULL);
    show_method_call(s, "startswith", NULL, NULL);

    printf("-- padding, partition, prefixes, encode\n");
    show_method_call(s, "center", A("(is)", 11, "\xf0\x9f\x98\x80"), NULL);
    show_method_call(s, "ljust", A("(i)", 10), NULL);
    show_method_call(s, "rjust", A("(is)", 9, "ab"), NULL);
    show_method_call(s, "rjust", A("(ii)", 9, 1), NULL);
    show_method_call(s, "center", A("(s)", "9"), NULL);
    show_method_call(s, "center", NULL, NULL);
    show_method_call(s, "center", A("(i)", 9), KW("{s:s}", "fillchar", "x"));
    show_method_call(s, "zfill", A("(i)", 9), NULL);
    show_method_call(s, "zfill", A("(s)", "9"), NULL);
    show_method_call(s, "zfill", NULL, NULL);
    show_method_call(s, "partition", A("(s)", "\xf0\x9f\x98\x80"), NULL);
    show_method_call(s, "rpartition", A("(s)", ","), NULL);
    show_method_call(s, "partition", A("(s)", ""), NULL);
    show_method_call(s, "partition", A("(i)", 1), NULL);
    show_method_call(s, "rpartition", NULL, NULL);
    show_method_call(s, "removeprefix", A("(s)", "a,"), NULL);
    show_method_call(s, "removesuffix", A("(s)", ",c"), NULL);
    show_method_call(s, "removeprefix", A("(i)", 1), NULL);
    show_method_call(s, "removesuffix", NULL, NULL);
    show_method_call(s, "encode", NULL, NULL);
    show_method_call(s, "encode", A("(ss)", "ascii", "replace"), NULL);
    show_method_call(s, "encode", NULL, KW("{s:s}", "errors", "ignore"));
    show_method_call(s, "encode", A("(i)", 1), NULL);
    show_method_call(s, "encode", A("(s)", "ascii"), NULL);
    show_method_call(s, "encode", A("(s)", "nope"), NULL);
    show_method_call(s, "upper", A("(i)", 1), NULL);
    show_method_call(s, "upper", NULL, KW("{s:i}", "x", 1));
    show_method_call(s, "format", A("(i)", 1), KW("{s:i}", "x", 2));

    Py_DECREF(s);
    Py_DECREF(lines);
    return conf_end();
}
