/* Integer format units given values out of their C range: OverflowError messages. */
#include "conformance.h"

static void parse(const char *label, const char *fmt, const char *value)
{
    PyObject *v = PyLong_FromString(value, NULL, 10);
    PyObject *a = PyTuple_Pack(1, v);
    long long storage[2] = {0, 0}; /* large enough for every unit used here */
    int ok = PyArg_ParseTuple(a, fmt, (void *)storage);
    printf("%s (%s): ok=%d", label, value, ok);
    if (!ok) {
        printf(", ");
        conf_write_exc();
    }
    printf("\n");
    Py_DECREF(a);
    Py_DECREF(v);
}

int main(void)
{
    conf_init();

    parse("'i'", "i", "2147483647");
    parse("'i'", "i", "2147483648");
    parse("'i'", "i", "1099511627776"); /* 2**40 */
    parse("'i'", "i", "-2147483649");
    parse("'i:f'", "i:f", "1099511627776");
    parse("'b'", "b", "255");
    parse("'b'", "b", "256");
    parse("'b'", "b", "-1");
    parse("'h'", "h", "32768");
    parse("'h'", "h", "-32769");
    parse("'l'", "l", "9223372036854775808");
    parse("'l'", "l", "-9223372036854775809");
    parse("'l'", "l", "1267650600228229401496703205376"); /* 2**100 */
    parse("'n'", "n", "9223372036854775808");
    parse("'n'", "n", "-1267650600228229401496703205376");
    parse("'L'", "L", "9223372036854775808");
    parse("'K' (masks)", "K", "18446744073709551617");
    parse("'k' (masks)", "k", "-1");
    parse("'I' (masks)", "I", "4294967297");
    parse("'H' (masks)", "H", "-1");
    parse("'B' (masks)", "B", "-1");
    {
        PyObject *a = Py_BuildValue("(d)", 1e300);
        float f = 0;
        int ok = PyArg_ParseTuple(a, "f", &f);
        printf("'f' (1e300): ok=%d, isinf=%d\n", ok, isinf(f) != 0);
        check_no_exc("'f' 1e300");
        Py_DECREF(a);
    }
    {
        PyObject *big = PyLong_FromString("1" "0000000000000000000000000000000000000000000000000000000000000000000000"
                                          "0000000000000000000000000000000000000000000000000000000000000000000000"
                                          "0000000000000000000000000000000000000000000000000000000000000000000000"
                                          "0000000000000000000000000000000000000000000000000000000000000000000000"
                                          "0000000000000000000000000000000000000000000000000000000000000000000000",
                                          NULL, 10);
        PyObject *a = PyTuple_Pack(1, big);
        double d = 0;
        int ok = PyArg_ParseTuple(a, "d", &d);
        printf("'d' (10**350): ok=%d, ", ok);
        conf_write_exc();
        printf("\n");
        Py_DECREF(a);
        Py_DECREF(big);
    }
    return conf_end();
}
