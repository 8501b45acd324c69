/* The exception classes' own __dict__s (BaseException's getsets, member and methods, the
   per-class members) and those descriptors at work on instances. */
#include "conformance.h"

/* "Class: name=type ..." for the class's own dict, sorted, without __doc__. */
static void show_own_dict(const char *name)
{
    PyObject *type = PyDict_GetItemString(PyEval_GetBuiltins(), name);
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    PyObject *keys = PyMapping_Keys(dict);
    PyList_Sort(keys);
    printf("%s:", name);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        if (PyUnicode_CompareWithASCIIString(key, "__doc__") == 0) {
            continue;
        }
        PyObject *value = PyObject_GetItem(dict, key);
        printf(" %s=%s", PyUnicode_AsUTF8(key), Py_TYPE(value)->tp_name);
        Py_DECREF(value);
    }
    printf("\n");
    Py_DECREF(keys);
    Py_DECREF(dict);
}

static PyObject *make(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *args = Py_VaBuildValue(format, va);
    va_end(va);
    PyObject *exc = PyObject_CallObject(type, args);
    Py_DECREF(args);
    return exc;
}

static void show_attr(PyObject *o, const char *name)
{
    char label[96];
    snprintf(label, sizeof label, "  .%s", name);
    show_new(label, PyObject_GetAttrString(o, name));
}

/* Sets (value != NULL, stolen) or deletes the attribute and prints the outcome. */
static void set_attr(PyObject *o, const char *name, PyObject *value)
{
    int rc = value != NULL ? PyObject_SetAttrString(o, name, value) : PyObject_DelAttrString(o, name);
    printf("  %s %s: ", value != NULL ? "set" : "del", name);
    if (rc < 0) {
        show_exc("error");
    } else {
        printf("ok\n");
    }
    Py_XDECREF(value);
}

static void call(PyObject *o, const char *method, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *args = Py_VaBuildValue(format, va);
    va_end(va);
    show_method_call(o, method, args, NULL);
}

static PyObject *own_descr(const char *cls, const char *name)
{
    PyObject *type = PyDict_GetItemString(PyEval_GetBuiltins(), cls);
    PyObject *dict = PyObject_GetAttrString(type, "__dict__");
    PyObject *d = PyMapping_GetItemString(dict, name);
    Py_DECREF(dict);
    return d;
}

int main(void)
{
    conf_init();
    const char *classes[] = { "BaseException", "Exception", "OSError", "KeyError", "StopIteration",
                              "SyntaxError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
                              "ImportError", "SystemExit", "AttributeError", "NameError", "UnicodeError", NULL };
    for (int i = 0; classes[i]; i++) {
        show_own_dict(classes[i]);
    }
    const char *descrs[][2] = { { "BaseException", "args" }, { "BaseException", "__suppress_context__" },
                                { "BaseException", "with_traceback" }, { "OSError", "errno" },
                                { "OSError", "characters_written" }, { "UnicodeDecodeError", "start" } };
    for (size_t i = 0; i < sizeof descrs / sizeof *descrs; i++) {
        show_new(descrs[i][1], own_descr(descrs[i][0], descrs[i][1]));
    }
    PyObject *errno_descr = own_descr("OSError", "errno");
    show_new("OSError.errno.__get__(5)", PyObject_CallMethod(errno_descr, "__get__", "i", 5));
    Py_DECREF(errno_descr);

    printf("BaseException(1, 2):\n");
    PyObject *e = make(PyExc_BaseException, "(ii)", 1, 2);
    const char *base_attrs[] = { "args", "__traceback__", "__cause__", "__context__", "__suppress_context__", "__dict__", NULL };
    for (int i = 0; base_attrs[i]; i++) {
        show_attr(e, base_attrs[i]);
    }
    set_attr(e, "args", Py_BuildValue("[i]", 3));
    show_attr(e, "args");
    set_attr(e, "args", Py_NewRef(Py_None));
    set_attr(e, "args", NULL);
    set_attr(e, "__traceback__", PyLong_FromLong(5));
    set_attr(e, "__traceback__", Py_NewRef(Py_None));
    set_attr(e, "__traceback__", NULL);
    set_attr(e, "__context__", make(PyExc_KeyError, "(s)", "ctx"));
    show_attr(e, "__context__");
    show_attr(e, "__suppress_context__");
    set_attr(e, "__context__", PyLong_FromLong(5));
    set_attr(e, "__context__", NULL);
    set_attr(e, "__cause__", make(PyExc_ValueError, "(s)", "cause"));
    show_attr(e, "__cause__");
    show_attr(e, "__suppress_context__");
    set_attr(e, "__cause__", PyUnicode_FromString("x"));
    set_attr(e, "__cause__", NULL);
    set_attr(e, "__cause__", Py_NewRef(Py_None));
    show_attr(e, "__cause__");
    set_attr(e, "__suppress_context__", PyLong_FromLong(1));
    set_attr(e, "__suppress_context__", NULL);
    set_attr(e, "__suppress_context__", Py_NewRef(Py_False));
    show_attr(e, "__suppress_context__");
    set_attr(e, "__dict__", PyLong_FromLong(5));
    set_attr(e, "__dict__", NULL);
    set_attr(e, "__dict__", Py_BuildValue("{s:i}", "a", 1));
    show_attr(e, "a");
    show_attr(e, "__dict__");

    printf("methods:\n");
    PyObject *r = make(PyExc_BaseException, "(ii)", 1, 2);
    call(r, "__reduce__", "()");
    set_attr(r, "x", PyLong_FromLong(1));
    call(r, "__reduce__", "()");
    call(r, "__reduce__", "(i)", 1);
    PyObject *fresh = make(PyExc_BaseException, "(i)", 1);
    show_attr(fresh, "missing");
    call(fresh, "__reduce__", "()");
    show_attr(fresh, "__dict__");
    call(fresh, "__reduce__", "()");
    Py_DECREF(fresh);
    fresh = make(PyExc_KeyError, "(i)", 1);
    set_attr(fresh, "missing", NULL);
    call(fresh, "__reduce__", "()");
    Py_DECREF(fresh);
    fresh = make(PyExc_ImportError, "(s)", "i");
    show_attr(fresh, "__dict__");
    call(fresh, "__reduce__", "()");
    Py_DECREF(fresh);
    call(r, "__setstate__", "({s:i})", "y", 2);
    show_attr(r, "y");
    call(r, "__setstate__", "(O)", Py_None);
    call(r, "__setstate__", "(i)", 5);
    call(r, "__setstate__", "()");
    PyObject *same = PyObject_CallMethod(r, "with_traceback", "O", Py_None);
    printf("  with_traceback(None) is self: %d\n", same == r);
    Py_XDECREF(same);
    call(r, "with_traceback", "(i)", 5);
    call(r, "add_note", "(s)", "first");
    call(r, "add_note", "(s)", "second");
    show_attr(r, "__notes__");
    call(r, "add_note", "(i)", 5);
    call(r, "add_note", "()");
    set_attr(r, "__notes__", PyLong_FromLong(5));
    call(r, "add_note", "(s)", "third");
    Py_DECREF(r);

    printf("OSError(2, 'no', 'f'):\n");
    PyObject *os = make(PyExc_OSError, "(iss)", 2, "no", "f");
    show_type("  type", os);
    const char *os_attrs[] = { "args", "errno", "strerror", "filename", "filename2", "characters_written", NULL };
    for (int i = 0; os_attrs[i]; i++) {
        show_attr(os, os_attrs[i]);
    }
    call(os, "__reduce__", "()");
    set_attr(os, "errno", PyUnicode_FromString("x"));
    show_attr(os, "errno");
    set_attr(os, "strerror", NULL);
    show_attr(os, "strerror");
    set_attr(os, "characters_written", PyLong_FromLong(3));
    show_attr(os, "characters_written");
    set_attr(os, "characters_written", PyUnicode_FromString("a"));
    set_attr(os, "characters_written", NULL);
    set_attr(os, "characters_written", NULL);
    show_attr(os, "characters_written");
    set_attr(os, "z", PyLong_FromLong(1));
    call(os, "__reduce__", "()");
    Py_DECREF(os);
    os = make(PyExc_OSError, "(issOs)", 2, "no", "f", Py_None, "g");
    show_attr(os, "filename2");
    call(os, "__reduce__", "()");
    Py_DECREF(os);
    os = make(PyExc_OSError, "(i)", 1);
    show_attr(os, "errno");
    call(os, "__reduce__", "()");
    Py_DECREF(os);

    printf("StopIteration(5):\n");
    PyObject *si = make(PyExc_StopIteration, "(i)", 5);
    show_attr(si, "value");
    set_attr(si, "value", PyLong_FromLong(6));
    show_attr(si, "value");
    set_attr(si, "value", NULL);
    show_attr(si, "value");
    Py_DECREF(si);

    printf("SyntaxError:\n");
    const char *syntax_attrs[] = { "msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
                                   "print_file_and_line", NULL };
    PyObject *se = make(PyExc_SyntaxError, "(s(siis))", "m", "f", 1, 2, "t");
    for (int i = 0; syntax_attrs[i]; i++) {
        show_attr(se, syntax_attrs[i]);
    }
    set_attr(se, "lineno", PyLong_FromLong(9));
    show_attr(se, "lineno");
    Py_DECREF(se);
    se = make(PyExc_SyntaxError, "(s(siisii))", "m", "f", 1, 2, "t", 3, 4);
    show_attr(se, "end_lineno");
    show_attr(se, "end_offset");
    Py_DECREF(se);
    se = make(PyExc_SyntaxError, "(s)", "only");
    show_attr(se, "msg");
    show_attr(se, "filename");
    Py_DECREF(se);
    show_new("SyntaxError('m', ('f', 1))", make(PyExc_SyntaxError, "(s(si))", "m", "f", 1));
    show_new("SyntaxError('m', 5)", make(PyExc_SyntaxError, "(si)", "m", 5));
    show_new("SyntaxError('m', (1,2,3,4,5,6,7))", make(PyExc_SyntaxError, "(s(iiiiiii))", "m", 1, 2, 3, 4, 5, 6, 7));

    printf("UnicodeDecodeError:\n");
    PyObject *ud = make(PyExc_UnicodeDecodeError, "(sy#iis)", "utf-8", "\xff\xfe", (Py_ssize_t)2, 0, 1, "bad");
    const char *unicode_attrs[] = { "encoding", "object", "start", "end", "reason", NULL };
    for (int i = 0; unicode_attrs[i]; i++) {
        show_attr(ud, unicode_attrs[i]);
    }
    set_attr(ud, "end", PyLong_FromLong(2));
    show_new("  str", PyObject_Str(ud));
    set_attr(ud, "start", NULL);
    set_attr(ud, "end", PyUnicode_FromString("a"));
    set_attr(ud, "end", PyLong_FromString("1180591620717411303424", NULL, 10));
    set_attr(ud, "reason", PyUnicode_FromString("worse"));
    show_attr(ud, "reason");
    set_attr(ud, "encoding", NULL);
    show_attr(ud, "encoding");
    Py_DECREF(ud);
    PyObject *ue = make(PyExc_UnicodeEncodeError, "(ssiis)", "ascii", "\xc3\xa9", 0, 1, "no");
    show_attr(ue, "object");
    show_new("  str", PyObject_Str(ue));
    Py_DECREF(ue);

    printf("ImportError:\n");
    PyObject *ie = make(PyExc_ImportError, "(s)", "x");
    call(ie, "__reduce__", "()");
    set_attr(ie, "name", PyUnicode_FromString("n"));
    call(ie, "__reduce__", "()");
    set_attr(ie, "extra", PyLong_FromLong(1));
    call(ie, "__reduce__", "()");
    Py_DECREF(ie);
    PyObject *ae = make(PyExc_AttributeError, "(s)", "attr");
    show_new("  str(AttributeError('attr'))", PyObject_Str(ae));
    show_attr(ae, "name");
    Py_DECREF(ae);

    printf("C API on an instance:\n");
    PyObject *c = make(PyExc_ValueError, "(s)", "v");
    PyException_SetCause(c, make(PyExc_KeyError, "(s)", "k"));
    show_attr(c, "__cause__");
    show_attr(c, "__suppress_context__");
    PyException_SetContext(c, make(PyExc_TypeError, "(s)", "t"));
    show_attr(c, "__context__");
    set_attr(c, "__context__", Py_NewRef(Py_None));
    show_new("  PyException_GetContext", PyException_GetContext(c));
    show_new("  PyException_GetTraceback", PyException_GetTraceback(c));
    set_attr(c, "__cause__", make(PyExc_OSError, "(s)", "o"));
    show_new("  PyException_GetCause", PyException_GetCause(c));
    Py_DECREF(c);

    printf("a subclass made by PyErr_NewException:\n");
    PyObject *cls = PyErr_NewException("mod.MyError", PyExc_OSError, NULL);
    PyObject *m = make(cls, "(is)", 5, "five");
    show_attr(m, "errno");
    show_attr(m, "strerror");
    set_attr(m, "extra", PyLong_FromLong(7));
    show_attr(m, "__dict__");
    call(m, "__reduce__", "()");
    set_attr(m, "__cause__", PyLong_FromLong(1));
    Py_DECREF(m);
    Py_DECREF(cls);
    Py_DECREF(e);
    return conf_end();
}
