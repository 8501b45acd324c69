/* str methods beyond the common ones: expandtabs, format_map, isprintable, istitle, maketrans
   (a static method), translate, __getnewargs__, __sizeof__ and __format__, called from C on
   ASCII, Latin-1, BMP and astral text, with their argument errors; and the kind of each entry
   in str.__dict__. */
#include "conformance.h"

static PyObject *S(const char *text) { return PyUnicode_FromString(text); }

/* self.name() for each of the texts. */
static void each(const char *name, const char **texts, int n)
{
    for (int i = 0; i < n; i++) {
        PyObject *s = S(texts[i]);
        show_method_call(s, name, NULL, NULL);
        Py_DECREF(s);
    }
}

int main(void)
{
    conf_init();
    PyObject *str_type = (PyObject *)&PyUnicode_Type;

    printf("-- kinds of the entries in str.__dict__\n");
    PyObject *dict = PyObject_GetAttrString(str_type, "__dict__");
    const char *names[] = {"expandtabs", "format_map", "isprintable", "istitle", "maketrans", "translate",
                           "__getnewargs__", "__sizeof__", "__format__", "casefold", "isidentifier",
                           "isdecimal", "isnumeric", "format", "zfill"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        PyObject *entry = PyMapping_GetItemString(dict, names[i]);
        printf("str.__dict__['%s']: %s\n", names[i], entry == NULL ? "missing" : Py_TYPE(entry)->tp_name);
        if (entry == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(entry);
    }
    Py_DECREF(dict);

    printf("-- expandtabs\n");
    PyObject *tabs = S("a\tbc\td\n\te\r12345678\tf");
    show_method_call(tabs, "expandtabs", NULL, NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 4), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 1), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 0), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", -3), NULL);
    show_method_call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "tabsize", 3));
    show_method_call(S("\xc3\xa9\t\xe2\x82\xac\t\xf0\x9f\x98\x80\tx"), "expandtabs", Py_BuildValue("(i)", 2), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(ii)", 1, 2), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(L)", (long long)INT_MAX + 1), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(L)", (long long)INT_MIN - 1), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(N)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(70))), NULL);
    show_method_call(tabs, "center", Py_BuildValue("(L)", (long long)1 << 62), NULL);
    show_method_call(tabs, "zfill", Py_BuildValue("(L)", (long long)1 << 62), NULL);
    show_method_call(tabs, "expandtabs", Py_BuildValue("(s)", "4"), NULL);
    show_method_call(tabs, "expandtabs", NULL, Py_BuildValue("{s:i}", "size", 3));
    show_method_call(tabs, "expandtabs", Py_BuildValue("(i)", 2), Py_BuildValue("{s:i}", "tabsize", 3));
    Py_DECREF(tabs);

    printf("-- format_map\n");
    PyObject *fmt = S("{a}-{b!r:>6}-{a.real}");
    show_method_call(fmt, "format_map", Py_BuildValue("({s:i,s:s})", "a", 1, "b", "\xc3\xa9"), NULL);
    show_method_call(fmt, "format_map", Py_BuildValue("({s:i})", "a", 1), NULL);
    show_method_call(fmt, "format_map", NULL, NULL);
    show_method_call(fmt, "format_map", Py_BuildValue("(i)", 1), NULL);
    show_method_call(fmt, "format_map", Py_BuildValue("([i])", 1), NULL);
    show_method_call(S("{0}"), "format_map", Py_BuildValue("({})"), NULL);
    show_method_call(S("{}"), "format_map", Py_BuildValue("({})"), NULL);
    show_method_call(S("plain {{}}"), "format_map", Py_BuildValue("(i)", 7), NULL);
    show_method_call(fmt, "format_map", Py_BuildValue("({s:i,s:i})", "a", 1, "b", 2), Py_BuildValue("{s:i}", "x", 1));
    Py_DECREF(fmt);

    printf("-- isprintable\n");
    const char *printable[] = {"", "abc def", "a\tb", "a\nb", "\x7f", "caf\xc3\xa9", "\xc2\xa0", "\xc2\xad",
                               "\xe2\x82\xac", "\xe2\x80\xa8", "\xee\x80\x80", "\xf0\x9f\x98\x80", "\xf3\xa0\x80\x81"};
    each("isprintable", printable, (int)(sizeof printable / sizeof printable[0]));
    show_method_call(S("a"), "isprintable", Py_BuildValue("(i)", 1), NULL);

    printf("-- istitle\n");
    const char *titles[] = {"", "A", "a", "Hello World", "Hello world", "HEllo", "Hello  World!", "1A 2B", "1a",
                            "\xc3\x89t\xc3\xa9", "\xc3\x89T\xc3\x89", "\xc7\x85ungla", "\xc7\x84ungla",
                            "\xce\x8a\xce\xb1", "\xf0\x90\x90\x80\xf0\x90\x90\xa8", "\xf0\x90\x90\x80\xf0\x90\x90\x80", "123", "  "};
    each("istitle", titles, (int)(sizeof titles / sizeof titles[0]));
    show_method_call(S("A"), "istitle", Py_BuildValue("(i)", 1), NULL);

    printf("-- maketrans\n");
    PyObject *maketrans = PyObject_GetAttrString(str_type, "maketrans");
    printf("type(str.maketrans): %s\n", Py_TYPE(maketrans)->tp_name);
    PyObject *sample = S("x");
    show_method_call(str_type, "maketrans", Py_BuildValue("({s:i,i:s,s:O,s:s})", "a", 98, 99, "\xe2\x82\xac", "\xf0\x9f\x98\x80", Py_None, "\xc3\xa9", "long"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(ss)", "ab\xc3\xa9\xf0\x9f\x98\x80", "\xe2\x82\xac" "cd!"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(sss)", "ab", "cd", "e\xf0\x9f\x98\x80"), NULL);
    show_method_call(sample, "maketrans", Py_BuildValue("(ss)", "a", "b"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({})"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({O:i})", Py_True, 1), NULL);
    show_method_call(str_type, "maketrans", NULL, NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(ssss)", "a", "b", "c", "d"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(i)", 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("([(si)])", "a", 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({s:i})", "ab", 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({s:i})", "", 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({d:i})", 1.5, 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(si)", "a", 1), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(is)", 1, "a"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("({}s)", "a"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(ss)", "ab", "c"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(ssi)", "ab", "cd", 5), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(iss)", 1, "cd", "e"), NULL);
    show_method_call(str_type, "maketrans", Py_BuildValue("(ss)", "a", "b"), Py_BuildValue("{s:s}", "z", "c"));
    Py_DECREF(sample);
    Py_DECREF(maketrans);

    printf("-- translate\n");
    PyObject *table = Py_BuildValue("{i:s,i:O,i:i,i:s,i:i}", 'a', "\xf0\x9f\x98\x80", 'b', Py_None, 'c', 0xe9, 0xe9, "E", 0x1f600, 'A');
    const char *translated[] = {"abcd", "caf\xc3\xa9", "\xe2\x82\xac" "abc", "\xf0\x9f\x98\x80" "b\xf0\x9f\x98\x80", ""};
    for (size_t i = 0; i < sizeof translated / sizeof translated[0]; i++) {
        show_method_call(S(translated[i]), "translate", Py_BuildValue("(O)", table), NULL);
    }
    Py_DECREF(table);
    PyObject *abc = S("abc");
    /* lookups failing with a LookupError keep the character: IndexError from a short list or str, KeyError */
    show_method_call(abc, "translate", Py_BuildValue("([sss])", "zero", "one", "two"), NULL);
    show_method_call(abc, "translate", Py_BuildValue("(s)", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"), NULL);
    show_method_call(abc, "translate", Py_BuildValue("({})"), NULL);
    show_method_call(abc, "translate", Py_BuildValue("({i:i})", 'a', -1), NULL);
    show_method_call(abc, "translate", Py_BuildValue("({i:i})", 'a', 0x110000), NULL);
    show_method_call(abc, "translate", Py_BuildValue("({i:d})", 'a', 1.5), NULL);
    show_method_call(abc, "translate", Py_BuildValue("({i:y})", 'a', "x"), NULL);
    show_method_call(abc, "translate", Py_BuildValue("(i)", 1), NULL);
    show_method_call(abc, "translate", NULL, NULL);
    show_method_call(abc, "translate", Py_BuildValue("({}{})"), NULL);
    show_method_call(abc, "translate", NULL, Py_BuildValue("{s:O}", "table", Py_None));
    PyObject *made = PyObject_CallMethod(str_type, "maketrans", "sss", "abc", "xyz", "b");
    show_method_call(abc, "translate", Py_BuildValue("(N)", made), NULL);

    printf("-- __getnewargs__\n");
    show_method_call(abc, "__getnewargs__", NULL, NULL);
    show_method_call(S("\xf0\x9f\x98\x80"), "__getnewargs__", NULL, NULL);
    show_method_call(abc, "__getnewargs__", Py_BuildValue("(i)", 1), NULL);

    printf("-- __sizeof__\n");
    const char *sized[] = {"", "abc", "\xc3\xa9", "\xc3\xa9" "a", "\xe2\x82\xac", "\xe2\x82\xac" "ab",
                           "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80" "a\xc3\xa9"};
    each("__sizeof__", sized, (int)(sizeof sized / sizeof sized[0]));
    for (size_t i = 0; i < sizeof sized / sizeof sized[0]; i++) {
        PyObject *s = S(sized[i]);
        PyUnicode_AsUTF8(s);
        printf("after PyUnicode_AsUTF8, ");
        show_method_call(s, "__sizeof__", NULL, NULL);
        Py_DECREF(s);
    }
    show_method_call(abc, "__sizeof__", Py_BuildValue("(i)", 1), NULL);

    printf("-- __format__\n");
    show_method_call(S("\xc3\xa9\xf0\x9f\x98\x80"), "__format__", Py_BuildValue("(s)", "*^6"), NULL);
    show_method_call(abc, "__format__", Py_BuildValue("(s)", ""), NULL);
    show_method_call(abc, "__format__", Py_BuildValue("(s)", ".2"), NULL);
    show_method_call(abc, "__format__", Py_BuildValue("(s)", "d"), NULL);
    show_method_call(abc, "__format__", Py_BuildValue("(i)", 1), NULL);
    show_method_call(abc, "__format__", NULL, NULL);
    Py_DECREF(abc);

    return conf_end();
}
