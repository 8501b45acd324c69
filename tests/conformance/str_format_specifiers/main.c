/* PyUnicode_FromFormat / FromFormatV beyond str_format: every length modifier with every
   integer conversion, widths and precisions on each conversion, zero padding, %p, unknown
   conversions, width/precision overflow, and PyBytes_FromFormat's own specifier set. */
#include "conformance.h"
#include <limits.h>
#include <stdarg.h>

static PyObject *via_v(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

static PyObject *bytes_via_v(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyBytes_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

static PyObject *failing_repr(PyObject *self)
{
    PyErr_SetString(PyExc_ValueError, "repr failed");
    return NULL;
}

static PyObject *failing_str(PyObject *self)
{
    PyErr_SetString(PyExc_KeyError, "str failed");
    return NULL;
}

int main(void)
{
    /* Formats gcc's format checking would reject, passed through a variable. */
    const char *unknown_y = "a%yb%dc", *unsupported_S = "a%Sb", *trailing = "abc%", *empty = "";

    conf_init();
    PyObject *obj = Py_BuildValue("(is)", 1, "xy");
    PyObject *ustr = PyUnicode_FromString("\xc3\xa9t\xc3\xa9-\xe2\x82\xac");

    /* Integer conversions and length modifiers. */
    show_new("%i %d neg", PyUnicode_FromFormat("%i %d", INT_MIN, -1));
    show_new("%li %lu", PyUnicode_FromFormat("%li %lu", LONG_MIN, 0UL));
    show_new("%lli %llu", PyUnicode_FromFormat("%lli|%llu", LLONG_MAX, 0ULL));
    show_new("%zi %zd %zu", PyUnicode_FromFormat("%zi %zd %zu", PY_SSIZE_T_MIN, PY_SSIZE_T_MAX, (size_t)SIZE_MAX));
    show_new("%x neg", PyUnicode_FromFormat("%x", -1));
    show_new("%x 0", PyUnicode_FromFormat("%x", 0));
    show_new("%u of -1", PyUnicode_FromFormat("%u", (unsigned)-1));
    show_new("%lx (not a conversion)", PyUnicode_FromFormat("a%lxb", 255L));
    show_new("%zx (not a conversion)", PyUnicode_FromFormat("a%zxb", (size_t)255));
    show_new("%lf (not a conversion)", PyUnicode_FromFormat("a%lfb", 1L));
    show_new("%hd (not a conversion)", PyUnicode_FromFormat("a%hdb", 1));

    /* Widths, precisions and zero padding on integers. */
    show_new("%5i", PyUnicode_FromFormat("[%5i]", -42));
    show_new("%05d neg", PyUnicode_FromFormat("[%05d]", -42));
    show_new("%.5d neg", PyUnicode_FromFormat("[%.5d]", -42));
    show_new("%8.5d", PyUnicode_FromFormat("[%8.5d]", 42));
    show_new("%08.5d", PyUnicode_FromFormat("[%08.5d]", 42));
    show_new("%3.5d", PyUnicode_FromFormat("[%3.5d]", 42));
    show_new("%1d shorter than value", PyUnicode_FromFormat("[%1d]", 12345));
    show_new("%.0d of 0", PyUnicode_FromFormat("[%.0d]", 0));
    show_new("%10u", PyUnicode_FromFormat("[%10u]", 7u));
    show_new("%010lu", PyUnicode_FromFormat("[%010lu]", 7UL));
    show_new("%12lld", PyUnicode_FromFormat("[%12lld]", -7LL));
    show_new("%-5d", PyUnicode_FromFormat("[%-5d]", 42));
    show_new("%+d", PyUnicode_FromFormat("[%+d]", 42));
    show_new("% d", PyUnicode_FromFormat("[% d]", 42));
    show_new("%#x", PyUnicode_FromFormat("[%#x]", 42));
    show_new("%8x", PyUnicode_FromFormat("[%8x]", 0xabc));
    show_new("%08x", PyUnicode_FromFormat("[%08x]", 0xabc));
    show_new("%.6zd", PyUnicode_FromFormat("[%.6zd]", (Py_ssize_t)-3));
    show_new("%20zu", PyUnicode_FromFormat("[%20zu]", (size_t)3));

    /* %c ignores width and precision? */
    show_new("%5c", PyUnicode_FromFormat("[%5c]", 'z'));
    show_new("%c 0", PyUnicode_FromFormat("[%c]", 0));
    show_new("%c -1", PyUnicode_FromFormat("[%c]", -1));
    show_new("%c 0x10ffff", PyUnicode_FromFormat("[%c]", 0x10ffff));

    /* %p with fixed values. */
    show_new("%p", PyUnicode_FromFormat("%p", (void *)0x1234abcd));
    show_new("%p NULL", PyUnicode_FromFormat("%p", (void *)NULL));
    show_new("%20p", PyUnicode_FromFormat("[%20p]", (void *)0xff));

    /* Strings: width, precision, both. */
    show_new("%10.3s", PyUnicode_FromFormat("[%10.3s]", "abcdef"));
    show_new("%-10s", PyUnicode_FromFormat("[%-10s]", "abc"));
    show_new("%2s shorter", PyUnicode_FromFormat("[%2s]", "abcdef"));
    show_new("%.0s", PyUnicode_FromFormat("[%.0s]", "abc"));
    show_new("%.2s cuts UTF-8 between chars", PyUnicode_FromFormat("[%.2s]", "\xc3\xa9\xc3\xa9"));
    show_new("%.3s cuts UTF-8 inside a char", PyUnicode_FromFormat("[%.3s]", "\xc3\xa9\xc3\xa9"));
    show_new("%.1s cuts UTF-8 inside a char", PyUnicode_FromFormat("[%.1s]", "\xe2\x82\xac"));
    show_new("%8s of UTF-8", PyUnicode_FromFormat("[%8s]", "\xc3\xa9t\xc3\xa9"));
    show_new("%s invalid UTF-8 variants", PyUnicode_FromFormat("[%s]", "\xc3(\xe2\x82 \xf0\x9f\x98 \xed\xa0\x80 \xc0\xaf"));
    show_new("%.5s empty", PyUnicode_FromFormat("[%.5s]", ""));
    show_new("%010s zero pad on a string", PyUnicode_FromFormat("[%010s]", "ab"));
    show_new("%.3U", PyUnicode_FromFormat("[%.3U]", ustr));
    show_new("%10U", PyUnicode_FromFormat("[%10U]", ustr));
    show_new("%10.3U", PyUnicode_FromFormat("[%10.3U]", ustr));
    show_new("%.5U", PyUnicode_FromFormat("[%.5U]", ustr));
    show_new("%10.3S", PyUnicode_FromFormat("[%10.3S]", obj));
    show_new("%12R", PyUnicode_FromFormat("[%12R]", obj));
    show_new("%.4R", PyUnicode_FromFormat("[%.4R]", obj));
    show_new("%.4A", PyUnicode_FromFormat("[%.4A]", ustr));
    show_new("%15A", PyUnicode_FromFormat("[%15A]", ustr));
    show_new("%.2V object", PyUnicode_FromFormat("[%.2V]", ustr, "abc"));
    show_new("%.2V fallback", PyUnicode_FromFormat("[%.2V]", (PyObject *)NULL, "abcdef"));
    show_new("%8V fallback UTF-8", PyUnicode_FromFormat("[%8V]", (PyObject *)NULL, "\xc3\xa9t\xc3\xa9"));
    show_new("%V fallback invalid UTF-8", PyUnicode_FromFormat("[%V]", (PyObject *)NULL, "a\xff"));

    /* Objects whose str/repr fail, and %U of a non-str. */
    show_new("%S of a class", PyUnicode_FromFormat("[%S]", PyExc_TypeError));
    {
        PyType_Slot slots[] = {{Py_tp_repr, (void *)failing_repr}, {Py_tp_str, (void *)failing_str}, {0, NULL}};
        PyType_Spec spec = {"fmt.Bad", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, slots};
        PyObject *type = PyType_FromSpec(&spec);
        PyObject *bad = PyObject_CallNoArgs(type);
        check_no_exc("make Bad");
        show_new("%R of a failing repr", PyUnicode_FromFormat("[%R]", bad));
        show_new("%S of a failing str", PyUnicode_FromFormat("[%S]", bad));
        show_new("%A of a failing repr", PyUnicode_FromFormat("[%A]", bad));
        Py_DECREF(bad);
        Py_DECREF(type);
    }

    /* Percent signs, unknown conversions, a trailing percent. */
    show_new("%% with width", PyUnicode_FromFormat("[%5%]"));
    show_new("%%%%", PyUnicode_FromFormat("%%%%|%d", 3));
    show_new("unknown %y then more", PyUnicode_FromFormat("a%yb%dc", 5));
    show_new("unknown %k with args", PyUnicode_FromFormat("%d-%k-%s", 1, "zz"));
    show_new("trailing %", PyUnicode_FromFormat("abc%"));
    show_new("trailing %5", PyUnicode_FromFormat("abc%5"));
    show_new("%l alone", PyUnicode_FromFormat("abc%l"));
    show_new("width too big", PyUnicode_FromFormat("%99999999999999999999d", 1));
    show_new("precision too big", PyUnicode_FromFormat("%.99999999999999999999d", 1));
    show_new("non-ASCII in the format", PyUnicode_FromFormat("caf\xc3\xa9 %d", 1));

    /* FromFormatV with the same va_list machinery. */
    show_new("V %s %d %R", via_v("%s %d %R", "x", 7, obj));
    show_new("V %5.2s", via_v("[%5.2s]", "abc"));
    show_new("V %llu %zd", via_v("%llu %zd", ULLONG_MAX, (Py_ssize_t)-1));

    /* PyBytes_FromFormat: %c %d %u %ld %lu %zd %zu %i %x %s %p %%. */
    show_new("bytes %c", PyBytes_FromFormat("[%c]", 255));
    show_new("bytes %c 256", PyBytes_FromFormat("[%c]", 256));
    show_new("bytes %c -1", PyBytes_FromFormat("[%c]", -1));
    show_new("bytes %d %i %u", PyBytes_FromFormat("%d %i %u", INT_MIN, -5, UINT_MAX));
    show_new("bytes %ld %lu", PyBytes_FromFormat("%ld %lu", LONG_MIN, ULONG_MAX));
    show_new("bytes %zd %zu", PyBytes_FromFormat("%zd %zu", PY_SSIZE_T_MIN, (size_t)SIZE_MAX));
    show_new("bytes %x", PyBytes_FromFormat("%x", 0xdead));
    show_new("bytes %s", PyBytes_FromFormat("<%s>", "caf\xc3\xa9\xff"));
    show_new("bytes %.2s", PyBytes_FromFormat("<%.2s>", "abcdef"));
    show_new("bytes %10s (width ignored)", PyBytes_FromFormat("<%10s>", "abc"));
    show_new("bytes %5d (width ignored)", PyBytes_FromFormat("<%5d>", 42));
    show_new("bytes %.5d", PyBytes_FromFormat("<%.5d>", 42));
    show_new("bytes %p", PyBytes_FromFormat("%p", (void *)0xbeef));
    show_new("bytes %p NULL", PyBytes_FromFormat("%p", (void *)NULL));
    show_new("bytes %%", PyBytes_FromFormat("100%%"));
    show_new("bytes %lld", PyBytes_FromFormat("a%lldb", 1LL));
    show_new("bytes %li", PyBytes_FromFormat("a%lib", 1L));
    show_new("bytes %zi", PyBytes_FromFormat("a%zib", (Py_ssize_t)1));
    show_new("bytes unknown %y", PyBytes_FromFormat(unknown_y, 5));
    show_new("bytes %S (not supported)", PyBytes_FromFormat(unsupported_S, obj));
    show_new("bytes trailing %", PyBytes_FromFormat(trailing, 0));
    show_new("bytes V", bytes_via_v("%s=%d", "k", -3));
    show_new("bytes empty", PyBytes_FromFormat(empty, 0));

    Py_DECREF(obj);
    Py_DECREF(ustr);
    return conf_end();
}
