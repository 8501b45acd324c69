/* Code objects from C: PyCode_NewEmpty, then code.replace() with the keywords Cython 0.29
   passes on 3.11 (how every function of such a module gets its code object), PyCode_New /
   PyCode_NewWithPosOnlyArgs, the co_* attributes, and replace()'s errors. */
#include "conformance.h"
#include <frameobject.h>
#define Py_BUILD_CORE 1
#include "internal/pycore_frame.h"
#undef Py_BUILD_CORE

static void show_attr(PyObject *co, const char *name)
{
    PyObject *v = PyObject_GetAttrString(co, name);
    printf("  %s: ", name);
    if (v == NULL) {
        conf_write_exc();
    } else {
        PyObject *r = PyObject_Repr(v);
        conf_write_str(r);
        Py_DECREF(r);
        Py_DECREF(v);
    }
    printf("\n");
}

static void show_code(const char *label, PyObject *co)
{
    printf("%s:\n", label);
    if (co == NULL) {
        printf("  NULL, ");
        conf_write_exc();
        printf("\n");
        return;
    }
    const char *names[] = { "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
                            "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
                            "co_cellvars", "co_freevars", "co_filename", "co_name", "co_qualname", "co_linetable",
                            "co_exceptiontable" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        show_attr(co, names[i]);
    }
    PyCodeObject *c = (PyCodeObject *)co;
    printf("  struct: argcount %d nlocals %d nlocalsplus %d ncellvars %d nfreevars %d size %zd\n", c->co_argcount,
           c->co_nlocals, c->co_nlocalsplus, c->co_ncellvars, c->co_nfreevars, Py_SIZE(co));
}

/* What Cython 0.29's __Pyx_PyCode_New does on 3.11. */
static PyObject *cython_style(PyObject *empty, int argcount, int kwonly, int nlocals, int flags, PyObject *varnames)
{
    PyObject *kw = Py_BuildValue("{si si si si si si sy# sN sN sO sN sN sy#}", "co_argcount", argcount,
                                 "co_posonlyargcount", 0, "co_kwonlyargcount", kwonly, "co_nlocals", nlocals,
                                 "co_stacksize", 0, "co_flags", flags, "co_code", "", (Py_ssize_t)0, "co_consts",
                                 PyTuple_New(0), "co_names", PyTuple_New(0), "co_varnames", varnames, "co_freevars",
                                 PyTuple_New(0), "co_cellvars", PyTuple_New(0), "co_linetable", "", (Py_ssize_t)0);
    PyObject *replace = PyObject_GetAttrString(empty, "replace");
    PyObject *args = PyTuple_New(0);
    PyObject *result = replace ? PyObject_Call(replace, args, kw) : NULL;
    Py_XDECREF(replace);
    Py_DECREF(args);
    Py_DECREF(kw);
    return result;
}

static void try_replace(const char *label, PyObject *co, PyObject *kw)
{
    PyObject *replace = PyObject_GetAttrString(co, "replace");
    PyObject *args = PyTuple_New(0);
    PyObject *r = PyObject_Call(replace, args, kw);
    printf("replace(%s): ", label);
    if (r == NULL) {
        PyObject *type = PyErr_Occurred();
        if (PyErr_ExceptionMatches(PyExc_SystemError) && !PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* BadInternalCall's message names CPython's source file. */
            printf("%s\n", ((PyTypeObject *)type)->tp_name);
            PyErr_Clear();
        } else {
            conf_write_exc();
            printf("\n");
        }
    } else {
        PyObject *name = PyObject_GetAttrString(r, "co_name");
        printf("ok, co_name ");
        conf_write_str(name);
        printf("\n");
        Py_DECREF(name);
        Py_DECREF(r);
    }
    Py_DECREF(args);
    Py_DECREF(replace);
    Py_DECREF(kw);
}

int main(void)
{
    conf_init();
    PyObject *empty = (PyObject *)PyCode_NewEmpty("pkg/mod.pyx", "compute", 42);
    show_code("PyCode_NewEmpty", empty);
    printf("PyCode_Check: %d\n", PyCode_Check(empty));

    PyObject *f = cython_style(empty, 2, 1, 5, CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS,
                               Py_BuildValue("(sssss)", "self", "x", "key", "args", "tmp"));
    show_code("Cython-style replace", f);
    Py_XDECREF(f);
    show_code("varnames too small", cython_style(empty, 3, 0, 2, 0, Py_BuildValue("(ss)", "a", "b")));
    show_code("nlocals mismatch", cython_style(empty, 1, 0, 3, 0, Py_BuildValue("(ss)", "a", "b")));

    try_replace("co_name='other', co_qualname='C.other'", empty,
                Py_BuildValue("{ssss}", "co_name", "other", "co_qualname", "C.other"));
    try_replace("co_argcount=-1", empty, Py_BuildValue("{si}", "co_argcount", -1));
    try_replace("co_firstlineno=-5", empty, Py_BuildValue("{si}", "co_firstlineno", -5));
    try_replace("co_flags=-1", empty, Py_BuildValue("{si}", "co_flags", -1));
    try_replace("co_code=b'\\x00'", empty, Py_BuildValue("{sy#}", "co_code", "\0", (Py_ssize_t)1));
    try_replace("co_names=[1]", empty, Py_BuildValue("{s[i]}", "co_names", 1));
    try_replace("co_names=(1,)", empty, Py_BuildValue("{s(i)}", "co_names", 1));
    try_replace("co_filename=b'x'", empty, Py_BuildValue("{sy}", "co_filename", "x"));
    try_replace("co_linetable='x'", empty, Py_BuildValue("{ss}", "co_linetable", "x"));
    try_replace("co_qualname=3", empty, Py_BuildValue("{si}", "co_qualname", 3));
    try_replace("bogus=1", empty, Py_BuildValue("{si}", "bogus", 1));
    try_replace("co_posonlyargcount=5", empty, Py_BuildValue("{si}", "co_posonlyargcount", 5));
    PyObject *replace = PyObject_GetAttrString(empty, "replace");
    show_new("replace(1)", PyObject_CallOneArg(replace, PyLong_FromLong(1)));
    Py_DECREF(replace);

    /* Cells that are arguments share their slot; other cells and free variables follow. */
    PyObject *e = PyTuple_New(0);
    PyObject *b = PyBytes_FromStringAndSize("", 0);
    PyObject *code = PyBytes_FromStringAndSize("\x97\x00\x64\x00\x53\x00", 6);
    PyObject *c = (PyObject *)PyCode_NewWithPosOnlyArgs(
        2, 1, 0, 3, 4, CO_OPTIMIZED | CO_NEWLOCALS, code, Py_BuildValue("(Oi)", Py_None, 7), Py_BuildValue("(s)", "len"),
        Py_BuildValue("(sss)", "a", "b", "c"), Py_BuildValue("(s)", "outer"), Py_BuildValue("(ss)", "b", "inner"),
        PyUnicode_FromString("f.py"), PyUnicode_FromString("f"), PyUnicode_FromString("K.f"), 7, b, b);
    show_code("PyCode_NewWithPosOnlyArgs with cells", c);
    PyObject *kw = Py_BuildValue("{sO}", "co_firstlineno", PyLong_FromLong(9));
    replace = PyObject_GetAttrString(c, "replace");
    PyObject *c2 = PyObject_Call(replace, e, kw);
    show_code("its replace(co_firstlineno=9)", c2);
    show_code("PyCode_New", (PyObject *)PyCode_New(0, 0, 0, 0, 0, code, e, e, e, e, e, PyUnicode_FromString("g.py"),
                                                   PyUnicode_FromString("g"), PyUnicode_FromString("g"), 1, b, b));
    PyObject *bad = (PyObject *)PyCode_New(0, 0, 0, 0, 0, code, e, e, e, e, e, PyUnicode_FromString("g.py"),
                                           PyUnicode_FromString("g"), PyUnicode_FromString("g"), 1, e, b);
    printf("PyCode_New with a tuple linetable: %s, %s\n", bad == NULL ? "NULL" : "code",
           PyErr_Occurred() ? ((PyTypeObject *)PyErr_Occurred())->tp_name : "no exception");
    PyErr_Clear();

    /* A frame and a traceback for the replaced code, as Cython's __Pyx_AddTraceback makes them. */
    f = cython_style(empty, 1, 0, 1, 0, Py_BuildValue("(s)", "x"));
    PyObject *globals = PyDict_New();
    PyFrameObject *frame = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)f, globals, NULL);
    frame->f_lineno = 57;
    PyErr_SetString(PyExc_ValueError, "from C");
    PyTraceBack_Here(frame);
    PyErr_Print();
    conf_end();
    return 0;
}
