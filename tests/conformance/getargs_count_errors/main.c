/* Missing and extra arguments, and keyword errors, in PyArg_ParseTuple,
   PyArg_ParseTupleAndKeywords and PyArg_UnpackTuple. */
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

int main(void)
{
    conf_init();
    int a, b, c;
    PyObject *t0 = PyTuple_New(0);
    PyObject *t1 = Py_BuildValue("(i)", 1);
    PyObject *t2 = Py_BuildValue("(ii)", 1, 2);
    PyObject *t3 = Py_BuildValue("(iii)", 1, 2, 3);

    report("'ii' with 1 arg", PyArg_ParseTuple(t1, "ii", &a, &b));
    report("'ii' with 3 args", PyArg_ParseTuple(t3, "ii", &a, &b));
    report("'i' with 0 args", PyArg_ParseTuple(t0, "i", &a));
    report("'i' with 2 args", PyArg_ParseTuple(t2, "i", &a));
    report("'' with 1 arg", PyArg_ParseTuple(t1, ""));
    report("':f' with 1 arg", PyArg_ParseTuple(t1, ":f"));
    report("'ii:f' with 1 arg", PyArg_ParseTuple(t1, "ii:f", &a, &b));
    report("'ii:f' with 3 args", PyArg_ParseTuple(t3, "ii:f", &a, &b));
    report("'i|i:f' with 0 args", PyArg_ParseTuple(t0, "i|i:f", &a, &b));
    report("'i|i:f' with 3 args", PyArg_ParseTuple(t3, "i|i:f", &a, &b));
    report("'|ii:f' with 3 args", PyArg_ParseTuple(t3, "|ii:f", &a, &b));
    report("'i|i;my message' with 3 args", PyArg_ParseTuple(t3, "i|i;my message", &a, &b));
    report("'i' with 2 args, unnamed", PyArg_ParseTuple(t2, "i", &a));
    report("'iii' with 2 args", PyArg_ParseTuple(t2, "iii", &a, &b, &c));

    static char *kwlist[] = {"a", "b", "c", NULL};
    PyObject *kw;
    report("kw 'ii|i:g' ()", PyArg_ParseTupleAndKeywords(t0, NULL, "ii|i:g", kwlist, &a, &b, &c));
    report("kw 'ii|i:g' (1)", PyArg_ParseTupleAndKeywords(t1, NULL, "ii|i:g", kwlist, &a, &b, &c));
    kw = Py_BuildValue("{s:i}", "a", 1);
    report("kw 'ii|i:g' (a=1)", PyArg_ParseTupleAndKeywords(t0, kw, "ii|i:g", kwlist, &a, &b, &c));
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "d", 1);
    report("kw 'ii|i:g' (1, 2, d=1)", PyArg_ParseTupleAndKeywords(t2, kw, "ii|i:g", kwlist, &a, &b, &c));
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i,s:i}", "zz", 1, "yy", 2);
    report("kw 'ii|i:g' (1, 2, zz=1, yy=2)", PyArg_ParseTupleAndKeywords(t2, kw, "ii|i:g", kwlist, &a, &b, &c));
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "b", 5);
    report("kw 'ii|i:g' (1, 2, b=5)", PyArg_ParseTupleAndKeywords(t2, kw, "ii|i:g", kwlist, &a, &b, &c));
    report("kw 'ii|i' (1, 2, b=5) unnamed", PyArg_ParseTupleAndKeywords(t2, kw, "ii|i", kwlist, &a, &b, &c));
    Py_DECREF(kw);
    PyObject *t4 = Py_BuildValue("(iiii)", 1, 2, 3, 4);
    report("kw 'ii|i:g' (1, 2, 3, 4)", PyArg_ParseTupleAndKeywords(t4, NULL, "ii|i:g", kwlist, &a, &b, &c));
    report("kw 'i|$ii:g' (1, 2)", PyArg_ParseTupleAndKeywords(t2, NULL, "i|$ii:g", kwlist, &a, &b, &c));
    report("kw 'i|$ii:g' (1, 2, 3)", PyArg_ParseTupleAndKeywords(t3, NULL, "i|$ii:g", kwlist, &a, &b, &c));
    report("kw 'i|$ii:g' (1): keyword-only arguments are optional",
           PyArg_ParseTupleAndKeywords(t1, NULL, "i|$ii:g", kwlist, &a, &b, &c));
    kw = Py_BuildValue("{s:i,s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3, "d", 4);
    report("kw 'ii|i:g' (a=1, b=2, c=3, d=4)", PyArg_ParseTupleAndKeywords(t0, kw, "ii|i:g", kwlist, &a, &b, &c));
    Py_DECREF(kw);

    static char *posonly[] = {"", "b", NULL};
    kw = Py_BuildValue("{s:i}", "b", 2);
    report("positional-only missing", PyArg_ParseTupleAndKeywords(t0, kw, "i|i:h", posonly, &a, &b));
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "", 2);
    report("positional-only given by an empty keyword", PyArg_ParseTupleAndKeywords(t1, kw, "i|i:h", posonly, &a, &b));
    Py_DECREF(kw);

    PyObject *x, *y;
    report("UnpackTuple('u', 2, 2) with 1", PyArg_UnpackTuple(t1, "u", 2, 2, &x, &y));
    report("UnpackTuple('u', 1, 2) with 3", PyArg_UnpackTuple(t3, "u", 1, 2, &x, &y));
    report("UnpackTuple('u', 1, 1) with 0", PyArg_UnpackTuple(t0, "u", 1, 1, &x));
    report("UnpackTuple(NULL name, 1, 2) with 3", PyArg_UnpackTuple(t3, NULL, 1, 2, &x, &y));

    Py_DECREF(t0);
    Py_DECREF(t1);
    Py_DECREF(t2);
    Py_DECREF(t3);
    Py_DECREF(t4);
    return conf_end();
}
