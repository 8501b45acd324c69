/* PyArg_ParseTuple / PyArg_ParseTupleAndKeywords / PyArg_UnpackTuple: the common format units. */
#include "conformance.h"

/* An O& converter: accepts a str and stores its upper-cased copy (a new reference). */
static int upper_converter(PyObject *obj, void *out)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "upper_converter needs a str");
        return 0;
    }
    PyObject *u = PyObject_CallMethod(obj, "upper", NULL);
    if (u == NULL) {
        return 0;
    }
    *(PyObject **)out = u;
    return 1;
}

static PyObject *tup(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *t = Py_VaBuildValue(fmt, va);
    va_end(va);
    return t;
}

int main(void)
{
    conf_init();
    PyObject *args;
    int ok;

    {
        int i; long l; Py_ssize_t n; double d; float f;
        args = tup("(iiiddd)", -7, 123456, 99, 0.25, 1.5, 2.0);
        ok = PyArg_ParseTuple(args, "ilndfd", &i, &l, &n, &d, &f, &d);
        printf("'ilndfd': ok=%d i=%d l=%ld n=%zd f=%g d=%g\n", ok, i, l, n, (double)f, d);
        check_no_exc("ilndfd");
        Py_DECREF(args);
    }
    {
        unsigned char b; short h; unsigned short H; unsigned int I; unsigned long k;
        long long L; unsigned long long K;
        args = Py_BuildValue("(iiiiiLK)", 255, -32768, 65535, -1, -1, (long long)-9000000000LL, 18446744073709551615ULL);
        ok = PyArg_ParseTuple(args, "bhHIkLK", &b, &h, &H, &I, &k, &L, &K);
        printf("'bhHIkLK': ok=%d b=%u h=%d H=%u I=%u k=%lu L=%lld K=%llu\n", ok, b, h, H, I, k, L, K);
        check_no_exc("bhHIkLK");
        Py_DECREF(args);
    }
    {
        /* 'B' and 'H' and 'I' and 'k' do not check for overflow: they mask. */
        unsigned char B; unsigned short H;
        args = Py_BuildValue("(ii)", 257, 65537);
        ok = PyArg_ParseTuple(args, "BH", &B, &H);
        printf("'BH' masks: ok=%d B=%u H=%u\n", ok, B, H);
        Py_DECREF(args);
    }
    {
        const char *s; const char *z1; const char *z2; Py_ssize_t slen; const char *sh;
        args = Py_BuildValue("(ssOs#)", "plain", "z", Py_None, "a\0b", (Py_ssize_t)3);
        ok = PyArg_ParseTuple(args, "szzs#", &s, &z1, &z2, &sh, &slen);
        printf("'szzs#': ok=%d s=%s z1=%s z2 is NULL=%d s# len=%zd\n", ok, s, z1, z2 == NULL, slen);
        Py_DECREF(args);
    }
    {
        const char *u; const char *y; Py_ssize_t ylen;
        args = Py_BuildValue("(sy#)", "caf\xc3\xa9", "b\0y", (Py_ssize_t)3);
        ok = PyArg_ParseTuple(args, "sy#", &u, &y, &ylen);
        printf("'sy#': ok=%d s bytes=%zu y# len=%zd\n", ok, strlen(u), ylen);
        Py_DECREF(args);
    }
    {
        PyObject *o, *lst, *u, *sobj; int p1, p2, p3; char c; int C;
        args = Py_BuildValue("(O[i]sOiOcC)", Py_None, 1, "uni", Py_BuildValue("s", "x"), 0, Py_None,
                             'q', 0x263A);
        /* Build the tuple by hand so that the 'c' argument is a bytes of length 1. */
        PyObject *b1 = PyBytes_FromStringAndSize("q", 1);
        PyTuple_SetItem(args, 6, b1);
        ok = PyArg_ParseTuple(args, "OO!UOppcC", &o, &PyList_Type, &lst, &u, &sobj, &p1, &p2, &c, &C);
        printf("'OO!UOppcC' (O! list): ok=%d o is None=%d p1=%d p2=%d c=%c C=U+%04X\n", ok, o == Py_None,
               p1, p2, c, (unsigned)C);
        show("  list from O!", lst);
        show("  str from U", u);
        check_no_exc("OO!U");
        Py_DECREF(args);
        args = Py_BuildValue("(iO)", 5, Py_True);
        ok = PyArg_ParseTuple(args, "pp", &p1, &p3);
        printf("'pp' (5, True): ok=%d p1=%d p2=%d\n", ok, p1, p3);
        Py_DECREF(args);
    }
    {
        /* Optional arguments keep their defaults. */
        int a = -1, b = -2, c = -3;
        args = Py_BuildValue("(i)", 10);
        ok = PyArg_ParseTuple(args, "i|ii", &a, &b, &c);
        printf("'i|ii' with 1 arg: ok=%d a=%d b=%d c=%d\n", ok, a, b, c);
        Py_DECREF(args);
        args = PyTuple_New(0);
        ok = PyArg_ParseTuple(args, "|i:f", &a);
        printf("'|i:f' with 0 args: ok=%d a=%d\n", ok, a);
        ok = PyArg_ParseTuple(args, "");
        printf("'' with 0 args: ok=%d\n", ok);
        ok = PyArg_ParseTuple(args, ":nothing");
        printf("':nothing' with 0 args: ok=%d\n", ok);
        Py_DECREF(args);
    }
    {
        /* Nested tuples. */
        int a, b; const char *s;
        args = Py_BuildValue("((ii)s)", 3, 4, "n");
        ok = PyArg_ParseTuple(args, "(ii)s", &a, &b, &s);
        printf("'(ii)s': ok=%d a=%d b=%d s=%s\n", ok, a, b, s);
        Py_DECREF(args);
    }
    {
        /* Converters: O& */
        args = Py_BuildValue("(s)", "conv");
        PyObject *seen = NULL;
        ok = PyArg_ParseTuple(args, "O&", upper_converter, &seen);
        printf("'O&' with a converter: ok=%d\n", ok);
        show("  converted", seen);
        Py_XDECREF(seen);
        Py_DECREF(args);
    }
    {
        /* Keywords. */
        static char *kwlist[] = {"a", "b", "c", "d", NULL};
        int a = 0, b = 0, c = 0; const char *d = "dflt";
        PyObject *pos = Py_BuildValue("(i)", 1);
        PyObject *kw = Py_BuildValue("{s:i,s:s}", "c", 3, "d", "kw");
        ok = PyArg_ParseTupleAndKeywords(pos, kw, "i|ii$s:kwf", kwlist, &a, &b, &c, &d);
        printf("kw 'i|ii$s' (1, c=3, d='kw'): ok=%d a=%d b=%d c=%d d=%s\n", ok, a, b, c, d);
        Py_DECREF(pos);
        Py_DECREF(kw);
        pos = PyTuple_New(0);
        kw = Py_BuildValue("{s:i}", "a", 9);
        b = 0;
        ok = PyArg_ParseTupleAndKeywords(pos, kw, "i|ii$s:kwf", kwlist, &a, &b, &c, &d);
        printf("kw (a=9): ok=%d a=%d b=%d\n", ok, a, b);
        ok = PyArg_ParseTupleAndKeywords(Py_BuildValue("(ii)", 5, 6), NULL, "i|ii$s:kwf", kwlist, &a, &b, &c, &d);
        printf("kw (5, 6) with NULL kwargs: ok=%d a=%d b=%d\n", ok, a, b);
        Py_DECREF(pos);
        Py_DECREF(kw);
    }
    {
        /* Positional-only parameters have an empty name in the keyword list. */
        static char *kwlist[] = {"", "key", NULL};
        int a = 0, k = 0;
        PyObject *pos = Py_BuildValue("(i)", 4);
        PyObject *kw = Py_BuildValue("{s:i}", "key", 8);
        ok = PyArg_ParseTupleAndKeywords(pos, kw, "i|i", kwlist, &a, &k);
        printf("positional-only (4, key=8): ok=%d a=%d key=%d\n", ok, a, k);
        Py_DECREF(pos);
        Py_DECREF(kw);
    }
    {
        PyObject *x = NULL, *y = NULL, *z = NULL;
        args = Py_BuildValue("(si)", "first", 2);
        ok = PyArg_UnpackTuple(args, "unpack", 1, 3, &x, &y, &z);
        printf("PyArg_UnpackTuple(1..3): ok=%d z is NULL=%d\n", ok, z == NULL);
        show("  x", x);
        show("  y", y);
        Py_DECREF(args);
    }
    {
        int v = 0;
        PyObject *one = PyLong_FromLong(77);
        ok = PyArg_Parse(one, "i", &v);
        printf("PyArg_Parse(77, 'i'): ok=%d v=%d\n", ok, v);
        Py_DECREF(one);
    }
    {
        /* An int subclass and an object with __index__ are accepted by 'i'. */
        int v = 0;
        args = Py_BuildValue("(O)", Py_True);
        ok = PyArg_ParseTuple(args, "i", &v);
        printf("'i' with True: ok=%d v=%d\n", ok, v);
        Py_DECREF(args);
    }

    return conf_end();
}
