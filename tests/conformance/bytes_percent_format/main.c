/* bytes % args (PEP 461) through PyNumber_Remainder and bytes' own nb_remainder:
   %s/%b with bytes-like objects and __bytes__, %c, %r/%a as ascii(), the numeric codes
   with flags, width and precision, mapping keys, and every error. */
#include "conformance.h"

static PyObject *as_bytes(PyObject *self, PyObject *unused) { return PyBytes_FromString("from __bytes__"); }
static PyMethodDef has_bytes_methods[] = { { "__bytes__", as_bytes, METH_NOARGS, NULL }, { NULL } };
static PyTypeObject HasBytes_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pf.HasBytes",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = has_bytes_methods,
    .tp_new = PyType_GenericNew,
};

/* "b'<format>' % <what>: <result>" (what describes args without addresses). */
static void fmt_described(const char *format, PyObject *args, const char *what)
{
    PyObject *f = PyBytes_FromString(format);
    char label[160];
    snprintf(label, sizeof label, "b'%s' %% %s", format, what);
    show_new(label, PyNumber_Remainder(f, args));
    Py_DECREF(f);
    Py_XDECREF(args);
}

static void fmt(const char *format, PyObject *args)
{
    PyObject *r = PyObject_Repr(args);
    fmt_described(format, args, PyUnicode_AsUTF8(r));
    Py_DECREF(r);
}

int main(void)
{
    conf_init();
    PyType_Ready(&HasBytes_Type);
    PyObject *hb = PyObject_CallNoArgs((PyObject *)&HasBytes_Type);

    fmt("%s|%b", Py_BuildValue("(yN)", "ab", PyByteArray_FromStringAndSize("cd", 2)));
    fmt("%5.1s|", PyBytes_FromString("xyz"));
    fmt("%r %a", Py_BuildValue("(sy)", "\xc3\xa9", "x"));
    fmt("%c%c", Py_BuildValue("(iy)", 65, "B"));
    fmt("%d %x %o %X %e %.2f %g", Py_BuildValue("(iiiiddd)", -3, 255, 8, 255, 1.5, 2.345, 1e20));
    fmt("%(a)s-%(b)d", Py_BuildValue("{y:y,y:i}", "a", "A", "b", 2));
    fmt("%-6b|%06d|%+d|%#x", Py_BuildValue("(yiii)", "l", 42, 5, 255));
    fmt("100%%", PyTuple_New(0));
    fmt_described("%s", PyMemoryView_FromObject(PyBytes_FromString("mv")), "memoryview(b'mv')");
    fmt_described("%s", Py_NewRef(hb), "an object with __bytes__");
    fmt("%s", PyUnicode_FromString("str"));
    fmt("%s", PyLong_FromLong(3));
    fmt("%c", PyLong_FromLong(256));
    fmt("%c", PyUnicode_FromString("a"));
    fmt("%c", PyBytes_FromString("ab"));
    fmt("%d", PyBytes_FromString("1"));
    fmt("%x", PyFloat_FromDouble(1.5));
    fmt("%s %s", Py_BuildValue("(y)", "a"));
    fmt("%s", Py_BuildValue("(yy)", "a", "b"));
    fmt("%y", PyLong_FromLong(1));
    fmt("%", PyTuple_New(0));
    fmt("%(missing)s", Py_BuildValue("{y:i}", "a", 1));

    printf("-- bytes' own nb_remainder\n");
    PyObject *f = PyBytes_FromString("<%s>");
    PyObject *arg = PyBytes_FromString("x");
    show_new("PyBytes_Type nb_remainder", PyBytes_Type.tp_as_number->nb_remainder(f, arg));
    show_new("with a str format (NotImplemented)", PyBytes_Type.tp_as_number->nb_remainder(arg, f) == NULL ? NULL
             : PyBytes_Type.tp_as_number->nb_remainder(PyUnicode_FromString("s"), arg));
    Py_DECREF(f);
    Py_DECREF(arg);
    Py_DECREF(hb);
    return conf_end();
}
