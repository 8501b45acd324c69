/* int: every As / From width at its boundaries, non-int arguments (__index__, __int__ only,
   float), FromString and FromUnicodeObject in every base with underscores and whitespace,
   _PyLong_Sign / NumBits / AsByteArray / FromByteArray, and the 30-bit digit layout. */
#include "conformance.h"
#include <limits.h>
#include <math.h>
#include <stdint.h>

static PyObject *I(const char *text)
{
    return PyLong_FromString(text, NULL, 0);
}

/* A C type with only nb_index, one with only nb_int, one whose __index__ returns a str. */
static PyObject *index_7(PyObject *self) { return PyLong_FromLong(7); }
static PyObject *int_8(PyObject *self) { return PyLong_FromLong(8); }
static PyObject *index_str(PyObject *self) { return PyUnicode_FromString("9"); }
static PyObject *index_big(PyObject *self) { return PyLong_FromString("100000000000000000000000", NULL, 10); }
static PyObject *index_neg(PyObject *self) { return PyLong_FromLong(-3); }

static PyObject *make(const char *name, int slot, void *fn)
{
    PyType_Slot slots[] = {{slot, fn}, {0, NULL}};
    PyType_Spec spec = {name, sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, slots};
    PyObject *type = PyType_FromSpec(&spec);
    PyObject *obj = PyObject_CallNoArgs(type);
    Py_DECREF(type);
    return obj;
}

static void digits(const char *label, PyObject *v)
{
    PyLongObject *l = (PyLongObject *)v;
    Py_ssize_t size = Py_SIZE(v);
    printf("%s: Py_SIZE=%zd digits=[", label, size);
    for (Py_ssize_t i = 0; i < (size < 0 ? -size : size); i++) {
        printf(i ? ", %u" : "%u", (unsigned)l->ob_digit[i]);
    }
    printf("]\n");
}

static void all_widths(const char *name, PyObject *v)
{
    char label[200];
    int overflow;
#define W(fn, show_fn) snprintf(label, sizeof label, "%s(%s)", #fn, name); show_fn(label, fn(v));
    W(PyLong_AsLong, show_ll)
    W(PyLong_AsUnsignedLong, show_ull)
    W(PyLong_AsLongLong, show_ll)
    W(PyLong_AsUnsignedLongLong, show_ull)
    W(PyLong_AsSsize_t, show_ll)
    W(PyLong_AsSize_t, show_ull)
    W(PyLong_AsUnsignedLongMask, show_ull)
    W(PyLong_AsUnsignedLongLongMask, show_ull)
    W(PyLong_AsDouble, show_double)
#undef W
    snprintf(label, sizeof label, "PyLong_AsVoidPtr(%s)", name);
    show_ull(label, (unsigned long long)(uintptr_t)PyLong_AsVoidPtr(v));
    overflow = 99;
    long r = PyLong_AsLongAndOverflow(v, &overflow);
    snprintf(label, sizeof label, "PyLong_AsLongAndOverflow(%s) overflow=%d", name, overflow);
    show_ll(label, r);
    overflow = 99;
    long long rr = PyLong_AsLongLongAndOverflow(v, &overflow);
    snprintf(label, sizeof label, "PyLong_AsLongLongAndOverflow(%s) overflow=%d", name, overflow);
    show_ll(label, rr);
}

int main(void)
{
    conf_init();
    const char *values[] = {"0", "-1", "2**31-1", "2**31", "-2**31", "-2**31-1", "2**32", "2**63-1", "2**63",
                            "-2**63", "-2**63-1", "2**64-1", "2**64", "-2**64", "2**100", "-2**100", "2**1023",
                            "2**1024", "2**53+1", "True"};
    const char *texts[] = {"0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
                           "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                           "-9223372036854775809", "18446744073709551615", "18446744073709551616",
                           "-18446744073709551616", "1267650600228229401496703205376",
                           "-1267650600228229401496703205376", NULL, NULL, "9007199254740993", NULL};
    for (int i = 0; i < (int)(sizeof values / sizeof values[0]); i++) {
        PyObject *v;
        if (texts[i] != NULL) {
            v = PyLong_FromString(texts[i], NULL, 10);
        } else if (strcmp(values[i], "True") == 0) {
            v = Py_NewRef(Py_True);
        } else {
            v = PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(strcmp(values[i], "2**1023") == 0 ? 1023 : 1024));
        }
        all_widths(values[i], v);
        Py_DECREF(v);
    }

    /* Non-int arguments. */
    PyObject *with_index = make("w.WithIndex", Py_nb_index, (void *)index_7);
    PyObject *with_int = make("w.WithInt", Py_nb_int, (void *)int_8);
    PyObject *bad_index = make("w.BadIndex", Py_nb_index, (void *)index_str);
    PyObject *big_index = make("w.BigIndex", Py_nb_index, (void *)index_big);
    PyObject *neg_index = make("w.NegIndex", Py_nb_index, (void *)index_neg);
    PyObject *flt = PyFloat_FromDouble(3.5);
    PyObject *str = PyUnicode_FromString("5");
    all_widths("WithIndex", with_index);
    all_widths("WithInt", with_int);
    all_widths("BadIndex", bad_index);
    all_widths("BigIndex", big_index);
    all_widths("NegIndex", neg_index);
    all_widths("3.5", flt);
    all_widths("'5'", str);
    all_widths("None", Py_None);
    show_new("PyNumber_Long(WithInt)", PyNumber_Long(with_int));
    show_new("PyNumber_Long(WithIndex)", PyNumber_Long(with_index));
    show_new("PyNumber_Long(BadIndex)", PyNumber_Long(bad_index));
    show_new("PyNumber_Index(BadIndex)", PyNumber_Index(bad_index));
    show_new("PyNumber_Float(WithIndex)", PyNumber_Float(with_index));
    show_ll("PyNumber_AsSsize_t(BigIndex, OverflowError)", PyNumber_AsSsize_t(big_index, PyExc_OverflowError));
    show_ll("PyNumber_AsSsize_t(BigIndex, NULL)", PyNumber_AsSsize_t(big_index, NULL));
    show_ll("PyNumber_AsSsize_t(WithInt, NULL)", PyNumber_AsSsize_t(with_int, NULL));

    /* From* and VoidPtr. */
    show_new("PyLong_FromVoidPtr(NULL)", PyLong_FromVoidPtr(NULL));
    show_new("PyLong_FromVoidPtr(0xdeadbeef)", PyLong_FromVoidPtr((void *)0xdeadbeef));
    show_new("PyLong_FromVoidPtr(top bit)", PyLong_FromVoidPtr((void *)(uintptr_t)0xffff000000000000ULL));
    show_new("PyLong_FromUnsignedLong(0)", PyLong_FromUnsignedLong(0));
    show_new("PyLong_FromSize_t(2**63)", PyLong_FromSize_t((size_t)1 << 63));
    show_new("PyLong_FromLongLong(LLONG_MAX)", PyLong_FromLongLong(LLONG_MAX));
    show_new("PyLong_FromDouble(2**63)", PyLong_FromDouble(9223372036854775808.0));
    show_new("PyLong_FromDouble(-1e300)", PyLong_FromDouble(-1e300));
    show_new("PyLong_FromDouble(0.999)", PyLong_FromDouble(0.999));
    show_new("PyLong_FromDouble(-0.999)", PyLong_FromDouble(-0.999));

    /* FromString: bases, underscores, whitespace, signs, errors. */
    struct { const char *text; int base; } cases[] = {
        {"101", 2}, {"777", 8}, {"zZ", 36}, {"Zz", 35}, {"10", 3}, {"  -0x_ff  ", 16}, {"0x_ff", 0},
        {"0X1F", 16}, {"0o_17", 0}, {"0O17", 8}, {"0B1_0", 2}, {"0b", 0}, {"0x", 16}, {"1_0", 10}, {"_10", 10},
        {"10_", 10}, {"1__0", 10}, {"+5", 10}, {"-0", 10}, {"- 5", 10}, {"+-5", 10}, {"\t\n 42 \r\f\v", 10},
        {"00", 0}, {"0_0", 0}, {"007", 0}, {"007", 10}, {"0x10", 0}, {"12", 2}, {"9", 9}, {"g", 16},
        {"", 0}, {"   ", 10}, {"1 2", 10}, {"1.5", 10}, {"1e5", 10}, {"0b102", 0}, {"123abc", 0},
        {"99999999999999999999999999999999999999", 0}, {"-99999999999999999999999999999999999999", 36},
        {"1", -1}, {"1", 37}, {"1", 1}, {"1", 0},
        {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 10},
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
        char label[300], *end = NULL;
        snprintf(label, sizeof label, "FromString('%.40s', %d)", cases[i].text, cases[i].base);
        PyObject *v = PyLong_FromString(cases[i].text, &end, cases[i].base);
        show_new(label, v);
        if (v != NULL && end != NULL) {
            printf("  pend offset: %td\n", end - cases[i].text);
        }
    }
    {
        /* pend with text after the number is still an error: the whole string must be a number. */
        char *end = NULL;
        const char *t = "42abc";
        show_new("FromString('42abc') with pend", PyLong_FromString(t, &end, 10));
    }

    /* FromUnicodeObject: Unicode digits and spaces, errors show the str's repr. */
    struct { const char *utf8; int base; } ucases[] = {
        {"\xd9\xa1\xd9\xa2\xd9\xa3", 10}, {"\xef\xbc\x91\xef\xbc\x92", 0}, {"\xe2\x80\x83" "7\xe3\x80\x80", 10},
        {"\xd9\xa1_\xd9\xa2", 10}, {"1\xc2\xb2", 10}, {"caf\xc3\xa9", 16}, {"  ", 10}, {"ff", 16}, {"0xff", 0},
        {"\xf0\x9d\x9f\x8f", 10},
    };
    for (int i = 0; i < (int)(sizeof ucases / sizeof ucases[0]); i++) {
        char label[120];
        PyObject *u = PyUnicode_FromString(ucases[i].utf8);
        snprintf(label, sizeof label, "FromUnicodeObject(#%d, %d)", i, ucases[i].base);
        show_new(label, PyLong_FromUnicodeObject(u, ucases[i].base));
        Py_DECREF(u);
    }
    show_new("FromUnicodeObject(lone surrogate)",
             PyLong_FromUnicodeObject(PyUnicode_DecodeUTF8("1\xff", 2, "surrogateescape"), 10));

    /* Sign, bit count, byte arrays. */
    const char *some[] = {"0", "1", "-1", "255", "256", "-128", "-129", "2**64", "-2**64", "2**100"};
    const char *some_t[] = {"0", "1", "-1", "255", "256", "-128", "-129", "18446744073709551616",
                            "-18446744073709551616", "1267650600228229401496703205376"};
    for (int i = 0; i < (int)(sizeof some / sizeof some[0]); i++) {
        PyObject *v = PyLong_FromString(some_t[i], NULL, 10);
        printf("%s: sign=%d numbits=%zu\n", some[i], _PyLong_Sign(v), _PyLong_NumBits(v));
        digits(some[i], v);
        for (int le = 0; le <= 1; le++) {
            for (int sg = 0; sg <= 1; sg++) {
                unsigned char buf[12];
                memset(buf, 0xAA, sizeof buf);
                int rc = _PyLong_AsByteArray((PyLongObject *)v, buf, 2, le, sg);
                printf("  AsByteArray(n=2, little=%d, signed=%d): rc=%d [%02x %02x]", le, sg, rc, buf[0], buf[1]);
                if (PyErr_Occurred()) {
                    fputs(" ", stdout);
                    conf_write_exc();
                }
                memset(buf, 0xAA, sizeof buf);
                rc = _PyLong_AsByteArray((PyLongObject *)v, buf, 9, le, sg);
                printf(" (n=9): rc=%d [", rc);
                for (int k = 0; k < 9; k++) {
                    printf(k ? " %02x" : "%02x", buf[k]);
                }
                printf("]");
                if (PyErr_Occurred()) {
                    fputs(" ", stdout);
                    conf_write_exc();
                }
                printf("\n");
            }
        }
        Py_DECREF(v);
    }
    {
        const unsigned char b[] = {0x01, 0x02, 0x80, 0xff};
        for (int le = 0; le <= 1; le++) {
            for (int sg = 0; sg <= 1; sg++) {
                char label[80];
                snprintf(label, sizeof label, "FromByteArray(01 02 80 ff, little=%d, signed=%d)", le, sg);
                show_new(label, _PyLong_FromByteArray(b, 4, le, sg));
            }
        }
        show_new("FromByteArray(n=0)", _PyLong_FromByteArray(b, 0, 1, 1));
        const unsigned char ff[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
        show_new("FromByteArray(ff*9, signed)", _PyLong_FromByteArray(ff, 9, 1, 1));
        show_new("FromByteArray(ff*9, unsigned)", _PyLong_FromByteArray(ff, 9, 1, 0));
    }
    {
        /* Digit layout of values around the 30-bit digit boundary. */
        const char *d[] = {"1073741823", "1073741824", "-1073741824", "1152921504606846975", "1152921504606846976",
                           "-1152921504606846976", "123456789012345678901234567890"};
        for (int i = 0; i < (int)(sizeof d / sizeof d[0]); i++) {
            PyObject *v = PyLong_FromString(d[i], NULL, 10);
            digits(d[i], v);
            Py_DECREF(v);
        }
        PyObject *v = PyLong_FromLongLong(LLONG_MIN);
        digits("LLONG_MIN", v);
        Py_DECREF(v);
        v = PyLong_FromUnsignedLongLong(ULLONG_MAX);
        digits("ULLONG_MAX", v);
        Py_DECREF(v);
        v = PyNumber_Multiply(I("-1073741824"), I("1073741824"));
        digits("-2**60 computed", v);
        Py_DECREF(v);
    }

    Py_DECREF(with_index);
    Py_DECREF(with_int);
    Py_DECREF(bad_index);
    Py_DECREF(big_index);
    Py_DECREF(neg_index);
    Py_DECREF(flt);
    Py_DECREF(str);
    return conf_end();
}
