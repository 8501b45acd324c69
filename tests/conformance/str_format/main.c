/* PyUnicode_FromFormat: every conversion a C extension commonly uses. */
#include "conformance.h"
#include <limits.h>

int main(void)
{
    conf_init();
    PyObject *obj = Py_BuildValue("[is]", 1, "x");
    PyObject *ustr = PyUnicode_FromString("\xc3\xbcnicode");

    show_new("%s", PyUnicode_FromFormat("<%s>", "text"));
    show_new("%s UTF-8", PyUnicode_FromFormat("<%s>", "gr\xc3\xbc\xc3\x9f"));
    show_new("%.3s", PyUnicode_FromFormat("<%.3s>", "abcdef"));
    show_new("%d %i", PyUnicode_FromFormat("%d %i", -42, INT_MAX));
    show_new("%u", PyUnicode_FromFormat("%u", UINT_MAX));
    show_new("%ld %lu", PyUnicode_FromFormat("%ld %lu", LONG_MIN, ULONG_MAX));
    show_new("%lld %llu", PyUnicode_FromFormat("%lld %llu", LLONG_MIN, ULLONG_MAX));
    show_new("%zd %zu", PyUnicode_FromFormat("%zd %zu", (Py_ssize_t)-5, (size_t)7));
    show_new("%x", PyUnicode_FromFormat("%x", 0xBEEF));
    show_new("%c", PyUnicode_FromFormat("[%c%c]", 'A', 0x20AC));
    show_new("%%", PyUnicode_FromFormat("100%%"));
    show_new("%5d", PyUnicode_FromFormat("[%5d]", 42));
    show_new("%05d", PyUnicode_FromFormat("[%05d]", 42));
    show_new("%.3d", PyUnicode_FromFormat("[%.3d]", 7));
    show_new("%U", PyUnicode_FromFormat("<%U>", ustr));
    show_new("%S", PyUnicode_FromFormat("<%S>", obj));
    show_new("%R", PyUnicode_FromFormat("<%R>", obj));
    show_new("%R of str", PyUnicode_FromFormat("<%R>", ustr));
    show_new("%A", PyUnicode_FromFormat("<%A>", ustr));
    show_new("%V with object", PyUnicode_FromFormat("<%V>", ustr, "fallback"));
    show_new("%V with NULL object", PyUnicode_FromFormat("<%V>", (PyObject *)NULL, "fallback"));
    show_new("%S of None", PyUnicode_FromFormat("<%S>", Py_None));
    show_new("%10s", PyUnicode_FromFormat("[%10s]", "right"));
    show_new("%.2U", PyUnicode_FromFormat("[%.2U]", ustr));
    show_new("mixed", PyUnicode_FromFormat("%s has %d items: %R (%zd%%)", "list", 2, obj, (Py_ssize_t)50));
    show_new("%s Latin-1 range", PyUnicode_FromFormat("<%s>", "caf\xc3\xa9"));
    show_new("%s astral", PyUnicode_FromFormat("<%s>", "\xf0\x9f\x98\x80!"));
    show_new("%c astral", PyUnicode_FromFormat("[%c]", 0x1F600));
    show_new("%c lone surrogate", PyUnicode_FromFormat("[%c]", 0xD800));
    show_new("%s not UTF-8 (replaced)", PyUnicode_FromFormat("<%s>", "a\xffb"));
    show_new("%c out of range", PyUnicode_FromFormat("[%c]", 0x110000));
    {
        /* The result's PEP 393 form, which C code reads directly. */
        const char *texts[] = {"ascii", "caf\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
        for (int i = 0; i < 4; i++) {
            PyObject *u = PyUnicode_FromFormat("%s-%d", texts[i], i);
            printf("kind and length of %d: %d %zd\n", i, (int)PyUnicode_KIND(u), PyUnicode_GET_LENGTH(u));
            Py_DECREF(u);
        }
    }
    show_new("no conversions", PyUnicode_FromFormat("plain text"));
    show_new("empty", PyUnicode_FromFormat(""));

    Py_DECREF(obj);
    Py_DECREF(ustr);
    return conf_end();
}
