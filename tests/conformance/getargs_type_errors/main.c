/* PyArg_ParseTuple with arguments of the wrong type: the message for each format unit,
   with and without a function name (":name") or custom message (";message"). */
#include "conformance.h"

#define PARSE1(label, obj, fmt, ptr)                                \
    do {                                                            \
        PyObject *_a = PyTuple_Pack(1, (obj));                      \
        int _ok = PyArg_ParseTuple(_a, (fmt), (ptr));               \
        printf("%s: ok=%d", (label), _ok);                          \
        if (!_ok) {                                                 \
            printf(", ");                                           \
            conf_write_exc();                                       \
        }                                                           \
        printf("\n");                                               \
        Py_DECREF(_a);                                              \
    } while (0)

int main(void)
{
    conf_init();
    PyObject *str = PyUnicode_FromString("text");
    PyObject *num = PyLong_FromLong(5);
    PyObject *flt = PyFloat_FromDouble(2.5);
    PyObject *lst = PyList_New(0);
    PyObject *byt = PyBytes_FromString("raw");
    PyObject *nul = PyUnicode_FromStringAndSize("a\0b", 3);
    PyObject *bnul = PyBytes_FromStringAndSize("a\0b", 3);
    PyObject *two = PyUnicode_FromString("ab");

    int i; long l; Py_ssize_t n; double d; float f; const char *s; PyObject *o;
    unsigned char b; short h; long long L; char c; int C; int p;

    PARSE1("'i' with str", str, "i", &i);
    PARSE1("'i' with float", flt, "i", &i);
    PARSE1("'i' with None", Py_None, "i", &i);
    PARSE1("'i:func' with str", str, "i:func", &i);
    PARSE1("'i;custom message' with str", str, "i;custom message", &i);
    PARSE1("'l' with list", lst, "l", &l);
    PARSE1("'n' with float", flt, "n", &n);
    PARSE1("'b' with str", str, "b", &b);
    PARSE1("'h' with bytes", byt, "h", &h);
    PARSE1("'L' with str", str, "L", &L);
    PARSE1("'d' with str", str, "d", &d);
    PARSE1("'d:func' with str", str, "d:func", &d);
    PARSE1("'f' with None", Py_None, "f", &f);
    PARSE1("'d' with int (accepted)", num, "d", &d);
    PARSE1("'s' with int", num, "s", &s);
    PARSE1("'s:func' with int", num, "s:func", &s);
    PARSE1("'s' with bytes", byt, "s", &s);
    PARSE1("'s' with None", Py_None, "s", &s);
    PARSE1("'s' with embedded NUL", nul, "s", &s);
    PARSE1("'z' with int", num, "z", &s);
    PARSE1("'y' with str", str, "y", &s);
    PARSE1("'y' with embedded NUL", bnul, "y", &s);
    PARSE1("'U' with bytes", byt, "U", &o);
    PARSE1("'S' with str", str, "S", &o);
    PARSE1("'Y' with str", str, "Y", &o);
    PARSE1("'c' with str", str, "c", &c);
    PARSE1("'c' with 2-byte bytes", PyBytes_FromString("xy"), "c", &c);
    PARSE1("'C' with 2-char str", two, "C", &C);
    PARSE1("'C' with int", num, "C", &C);
    {
        PyObject *a = PyTuple_Pack(1, num);
        int ok = PyArg_ParseTuple(a, "O!", &PyList_Type, &o);
        printf("'O!' list with int: ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        ok = PyArg_ParseTuple(a, "O!:func", &PyUnicode_Type, &o);
        printf("'O!:func' str with int: ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(a);
    }
    {
        /* p accepts anything with a truth value. */
        PARSE1("'p' with list", lst, "p", &p);
        printf("  p=%d\n", p);
    }
    {
        /* Type errors inside nested tuple formats. */
        PyObject *a = Py_BuildValue("((is))", 1, "x");
        int x, y;
        int ok = PyArg_ParseTuple(a, "(ii):pair", &x, &y);
        printf("'(ii):pair' with (1, 'x'): ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(a);
        a = Py_BuildValue("(i)", 7);
        ok = PyArg_ParseTuple(a, "(ii):pair", &x, &y);
        printf("'(ii):pair' with 7: ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(a);
        a = Py_BuildValue("((iii))", 1, 2, 3);
        ok = PyArg_ParseTuple(a, "(ii):pair", &x, &y);
        printf("'(ii):pair' with (1, 2, 3): ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(a);
    }
    {
        /* The second argument is the one that fails. */
        PyObject *a = Py_BuildValue("(is)", 1, "x");
        int x, y;
        int ok = PyArg_ParseTuple(a, "ii", &x, &y);
        printf("'ii' with (1, 'x'): ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        ok = PyArg_ParseTuple(a, "is:where", &x, &s);
        printf("'is:where' with (1, 'x'): ok=%d\n", ok);
        Py_DECREF(a);
    }

    Py_DECREF(str);
    Py_DECREF(num);
    Py_DECREF(flt);
    Py_DECREF(lst);
    Py_DECREF(byt);
    Py_DECREF(nul);
    Py_DECREF(bnul);
    Py_DECREF(two);
    return conf_end();
}
