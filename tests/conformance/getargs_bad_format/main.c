/* Malformed format strings and keyword lists given to PyArg_Parse*, which CPython reports
   as SystemError (a bug in the caller), and failing O& converters. This program is built
   WITHOUT PY_SSIZE_T_CLEAN, to check that the '#' formats are refused.
   Not tested: an unbalanced '(' or ')' (CPython calls Py_FatalError) and a non-tuple args or
   non-dict kwargs (CPython's message names its own source file and line). */
#define CONF_NO_PY_SSIZE_T_CLEAN
#include "conformance.h"

static void report(const char *label, int ok)
{
    printf("%s: ok=%d", label, ok);
    if (!ok) {
        printf(", ");
        conf_write_exc();
    }
    printf("\n");
}

static int failing_converter(PyObject *obj, void *out)
{
    PyErr_Format(PyExc_ValueError, "converter rejected %R", obj);
    return 0;
}

static int positive_converter(PyObject *obj, void *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (v <= 0) {
        PyErr_SetString(PyExc_ValueError, "must be positive");
        return 0;
    }
    *(long *)out = v;
    return 1;
}

int main(void)
{
    conf_init();
    int a = 0, b = 0;
    long pos = 0;
    const char *s;
    int len;
    PyObject *t1 = Py_BuildValue("(i)", 1);
    PyObject *tneg = Py_BuildValue("(i)", -4);
    PyObject *ts = Py_BuildValue("(s)", "str");
    PyObject *tb = Py_BuildValue("(y)", "raw");

    report("'s#' without PY_SSIZE_T_CLEAN", PyArg_ParseTuple(ts, "s#", &s, &len));
    report("'y#' without PY_SSIZE_T_CLEAN", PyArg_ParseTuple(tb, "y#", &s, &len));
    report("'z#' without PY_SSIZE_T_CLEAN", PyArg_ParseTuple(ts, "z#", &s, &len));
    report("unit 'w' (removed)", PyArg_ParseTuple(t1, "w", &a));
    report("unknown unit 'Q'", PyArg_ParseTuple(t1, "Q", &a));
    report("unknown unit 'Q' with a name", PyArg_ParseTuple(t1, "Q:fname", &a));

    static char *kw2[] = {"a", "b", NULL};
    static char *kwgap[] = {"", "b", "", NULL};
    report("kw: more names than units", PyArg_ParseTupleAndKeywords(t1, NULL, "i", kw2, &a));
    report("kw: empty name after a named one", PyArg_ParseTupleAndKeywords(t1, NULL, "i|ii", kwgap, &a, &b, &b));

    report("O& converter that raises", PyArg_ParseTuple(t1, "O&", failing_converter, &pos));
    report("O& converter that raises, named", PyArg_ParseTuple(t1, "O&:conv", failing_converter, &pos));
    report("O& positive converter with 1", PyArg_ParseTuple(t1, "O&", positive_converter, &pos));
    printf("  converted value: %ld\n", pos);
    report("O& positive converter with -4", PyArg_ParseTuple(tneg, "O&", positive_converter, &pos));
    report("O& positive converter with 'str'", PyArg_ParseTuple(ts, "O&", positive_converter, &pos));

    Py_DECREF(t1);
    Py_DECREF(tneg);
    Py_DECREF(ts);
    Py_DECREF(tb);
    return conf_end();
}
