/* Code, frame and traceback objects as a Cython module uses them: __Pyx_AddTraceback makes
   an empty code object, a frame over the module's globals, writes the frame's f_lineno
   directly (CPython 3.11's struct, through internal/pycore_frame.h as Cython does), then
   PyTraceBack_Here. PyErr_Print then prints the traceback. Most file names do not exist, so
   no source line is printed under their entries; source_lines() makes files that do. */
#include "conformance.h"
#include <frameobject.h>
#define Py_BUILD_CORE 1
#include "internal/pycore_frame.h"
#undef Py_BUILD_CORE

#define SOURCE "nonexistent_tb_source.pyx"

static PyObject *globals;

/* __Pyx_AddTraceback with a code object already made (Cython caches them). */
static void add_traceback_in(PyObject *frame_globals, PyCodeObject *code, int line)
{
    PyFrameObject *frame = PyFrame_New(PyThreadState_Get(), code, frame_globals, NULL);
    if (frame == NULL) {
        return;
    }
    frame->f_lineno = line;
    PyTraceBack_Here(frame);
    Py_DECREF(frame);
}

static void add_traceback_with(PyCodeObject *code, int line)
{
    add_traceback_in(globals, code, line);
}

static void add_traceback(const char *funcname, int firstline, int line)
{
    PyCodeObject *code = PyCode_NewEmpty(SOURCE, funcname, firstline);
    if (code == NULL) {
        return;
    }
    add_traceback_with(code, line);
    Py_DECREF(code);
}

static void show_attr(const char *label, PyObject *obj, const char *name)
{
    show_new(label, PyObject_GetAttrString(obj, name));
}

/* Each entry of a traceback, from C: function, line, last instruction. */
static void show_chain(PyObject *tb)
{
    for (PyTracebackObject *entry = (PyTracebackObject *)tb; entry != NULL; entry = entry->tb_next) {
        PyCodeObject *code = PyFrame_GetCode(entry->tb_frame);
        printf("  entry: %s line %d lasti %d frame line %d is traceback %d\n", PyUnicode_AsUTF8(code->co_name),
               entry->tb_lineno, entry->tb_lasti, PyFrame_GetLineNumber(entry->tb_frame),
               PyTraceBack_Check((PyObject *)entry));
        Py_DECREF(code);
    }
}

/* A pending ValueError raised in innermost() (line 30), called from middle() (line 20),
   called from outer() (line 10). */
static void raise_nested(const char *message)
{
    PyErr_SetString(PyExc_ValueError, message);
    add_traceback("innermost", 28, 30);
    add_traceback("middle", 18, 20);
    add_traceback("outer", 8, 10);
}

/* The normalized exception of the pending error, with its traceback attached. */
static PyObject *fetch_with_traceback(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyException_SetTraceback(value, tb);
    Py_DECREF(type);
    Py_XDECREF(tb);
    return value;
}

static void code_objects(void)
{
    printf("-- code objects\n");
    PyCodeObject *code = PyCode_NewEmpty(SOURCE, "some_function", 42);
    PyObject *c = (PyObject *)code;
    printf("PyCode_Check: %d, exact type: %d, of an int: %d\n", PyCode_Check(c), Py_IS_TYPE(c, &PyCode_Type),
           PyCode_Check(Py_None));
    printf("co_firstlineno %d, co_argcount %d, co_stacksize %d, co_flags %d, free vars %d, units %zd\n",
           code->co_firstlineno, code->co_argcount, code->co_stacksize, code->co_flags, PyCode_GetNumFree(code),
           Py_SIZE(code));
    printf("PyCode_Addr2Line at -2, 0, 4, 6: %d %d %d %d\n", PyCode_Addr2Line(code, -2), PyCode_Addr2Line(code, 0),
           PyCode_Addr2Line(code, 4), PyCode_Addr2Line(code, 6));
    show_type("type", c);
    show("co_name (C)", code->co_name);
    show("co_filename (C)", code->co_filename);
    show("co_qualname (C)", code->co_qualname);
    show_attr("co_name", c, "co_name");
    show_attr("co_filename", c, "co_filename");
    show_attr("co_qualname", c, "co_qualname");
    show_attr("co_firstlineno", c, "co_firstlineno");
    show_attr("co_consts", c, "co_consts");
    show_attr("co_names", c, "co_names");
    show_attr("co_argcount", c, "co_argcount");
    show_attr("co_nlocals", c, "co_nlocals");
    show_attr("co_linetable", c, "co_linetable");
    show_attr("co_exceptiontable", c, "co_exceptiontable");
    show_new("setting co_name", PyLong_FromLong(PyObject_SetAttrString(c, "co_name", Py_None)));
    Py_DECREF(code);
}

static void frame_objects(void)
{
    printf("-- frame objects\n");
    PyCodeObject *code = PyCode_NewEmpty(SOURCE, "framed", 5);
    PyFrameObject *frame = PyFrame_New(PyThreadState_Get(), code, globals, NULL);
    PyObject *f = (PyObject *)frame;
    printf("PyFrame_Check: %d, of the code: %d\n", PyFrame_Check(f), PyFrame_Check((PyObject *)code));
    printf("f_lineno field before: %d, PyFrame_GetLineNumber: %d\n", frame->f_lineno, PyFrame_GetLineNumber(frame));
    show_attr("f_lineno attribute before", f, "f_lineno");
    frame->f_lineno = 12;
    printf("PyFrame_GetLineNumber after writing f_lineno: %d\n", PyFrame_GetLineNumber(frame));
    show_attr("f_lineno attribute after", f, "f_lineno");
    PyCodeObject *got = PyFrame_GetCode(frame);
    printf("PyFrame_GetCode is the code: %d\n", got == code);
    Py_DECREF(got);
    PyFrameObject *back = PyFrame_GetBack(frame);
    printf("PyFrame_GetBack: %s\n", back == NULL ? "NULL" : "a frame");
    Py_XDECREF(back);
    printf("PyThreadState_GetFrame: %s\n", PyThreadState_GetFrame(PyThreadState_Get()) == NULL ? "NULL" : "a frame");
    show_type("type", f);
    PyObject *attr = PyObject_GetAttrString(f, "f_code");
    printf("f_code is the code: %d\n", attr == (PyObject *)code);
    Py_XDECREF(attr);
    attr = PyObject_GetAttrString(f, "f_globals");
    printf("f_globals is the globals: %d\n", attr == globals);
    Py_XDECREF(attr);
    attr = PyObject_GetAttrString(f, "f_builtins");
    printf("f_builtins is builtins' dict: %d\n", attr == PyEval_GetBuiltins());
    Py_XDECREF(attr);
    show_attr("f_back", f, "f_back");
    show_exc("after the attributes");
    printf("PyFrame_GetLasti: %d, PyFrame_GetGenerator: %s\n", PyFrame_GetLasti(frame),
           PyFrame_GetGenerator(frame) == NULL ? "NULL" : "an object");
    show_new("PyFrame_GetGlobals", PyLong_FromLong(PyFrame_GetGlobals(frame) == globals));
    Py_DECREF(globals);
    PyObject *locals = PyFrame_GetLocals(frame);
    show("PyFrame_GetLocals without locals", locals);
    PyObject *again = PyFrame_GetLocals(frame);
    printf("the same dict again: %d\n", again == locals);
    Py_XDECREF(again);
    Py_XDECREF(locals);
    PyObject *given = PyDict_New();
    PyFrameObject *with_locals = PyFrame_New(PyThreadState_Get(), code, globals, given);
    locals = PyFrame_GetLocals(with_locals);
    printf("PyFrame_GetLocals with locals is them: %d\n", locals == given);
    Py_XDECREF(locals);
    Py_DECREF(with_locals);
    Py_DECREF(given);

    /* Globals without "__builtins__" while an exception is pending: CPython fails without
       an exception of its own, leaving the pending one. */
    PyObject *bare = PyDict_New();
    PyErr_SetString(PyExc_KeyError, "pending");
    PyFrameObject *failed = PyFrame_New(PyThreadState_Get(), code, bare, NULL);
    printf("PyFrame_New, bare globals, exception pending: %s\n", failed == NULL ? "NULL" : "a frame");
    Py_XDECREF(failed);
    show_exc("the exception");
    failed = PyFrame_New(PyThreadState_Get(), code, bare, NULL);
    printf("PyFrame_New, bare globals: %s\n", failed == NULL ? "NULL" : "a frame");
    attr = PyObject_GetAttrString((PyObject *)failed, "f_builtins");
    printf("its f_builtins is builtins' dict: %d\n", attr == PyEval_GetBuiltins());
    Py_XDECREF(attr);
    Py_XDECREF(failed);
    Py_DECREF(bare);
    Py_DECREF(frame);
    Py_DECREF(code);
}

static void traceback_chain(void)
{
    printf("-- the traceback chain\n");
    raise_nested("nested");
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    printf("traceback is a traceback: %d\n", PyTraceBack_Check(tb));
    show_chain(tb);
    PyErr_NormalizeException(&type, &value, &tb);
    show_attr("__traceback__ once normalized", value, "__traceback__");
    PyErr_Restore(type, Py_NewRef(value), tb);
    PyErr_Print();
    PyObject *attached = PyObject_GetAttrString(value, "__traceback__");
    printf("__traceback__ after PyErr_Print is the traceback: %d\n", attached == tb);
    show_type("its type", attached);
    show_attr("tb_lineno", attached, "tb_lineno");
    show_attr("tb_lasti", attached, "tb_lasti");
    PyObject *next = PyObject_GetAttrString(attached, "tb_next");
    show_attr("tb_next.tb_lineno", next, "tb_lineno");
    PyObject *frame = PyObject_GetAttrString(next, "tb_frame");
    PyObject *code = PyObject_GetAttrString(frame, "f_code");
    show_attr("tb_next.tb_frame.f_code.co_name", code, "co_name");
    show_attr("tb_next.tb_frame.f_lineno", frame, "f_lineno");
    Py_DECREF(code);
    Py_DECREF(frame);
    PyObject *last = PySys_GetObject("last_traceback");
    printf("sys.last_traceback is the traceback: %d\n", last == tb);

    /* tb_next is writable: another traceback or None, never a loop. */
    PyObject *third = PyObject_GetAttrString(next, "tb_next");
    show_ll("tb_next = 1", PyObject_SetAttrString(next, "tb_next", Py_True));
    show_ll("tb_next = itself", PyObject_SetAttrString(next, "tb_next", next));
    show_ll("tb_next = its parent", PyObject_SetAttrString(next, "tb_next", attached));
    show_ll("del tb_next", PyObject_DelAttrString(next, "tb_next"));
    show_ll("tb_next = None", PyObject_SetAttrString(next, "tb_next", Py_None));
    show_attr("tb_next now", next, "tb_next");
    show_ll("tb_next = the third again", PyObject_SetAttrString(next, "tb_next", third));
    show_ll("tb_lineno = 1", PyObject_SetAttrString(next, "tb_lineno", Py_True));
    show_ll("__traceback__ = a traceback", PyObject_SetAttrString(value, "__traceback__", next));
    PyObject *replaced = PyObject_GetAttrString(value, "__traceback__");
    show_attr("__traceback__.tb_lineno", replaced, "tb_lineno");
    Py_DECREF(replaced);
    show_ll("__traceback__ = 1", PyObject_SetAttrString(value, "__traceback__", Py_True));
    Py_DECREF(third);
    Py_DECREF(next);
    Py_DECREF(attached);
    Py_DECREF(value);
}

static PyObject *written;

static PyObject *sink_write(PyObject *self, PyObject *text)
{
    (void)self;
    if (PyList_Append(written, text) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef sink_methods[] = {
    { "write", sink_write, METH_O, NULL },
    { NULL, NULL, 0, NULL },
};

static void printing(void)
{
    printf("-- printing\n");
    /* The same code object again and again (recursion): repeats are counted. */
    PyErr_SetString(PyExc_RecursionError, "deep");
    PyCodeObject *recursive = PyCode_NewEmpty(SOURCE, "recurse", 50);
    add_traceback("base_case", 60, 61);
    for (int i = 0; i < 6; i++) {
        add_traceback_with(recursive, 52);
    }
    add_traceback("entry", 70, 71);
    PyErr_Print();
    PyErr_SetString(PyExc_RecursionError, "just over the cutoff");
    for (int i = 0; i < 4; i++) {
        add_traceback_with(recursive, 52);
    }
    PyErr_Print();
    Py_DECREF(recursive);

    /* _PyTraceback_Add: an entry for a C function, over fresh globals. */
    raise_nested("with a C entry");
    _PyTraceback_Add("c_function", "nonexistent_c_source.c", 123);
    PyErr_Print();

    /* sys.tracebacklimit keeps the newest entries; 0 prints none. */
    PyObject *two = PyLong_FromLong(2);
    PySys_SetObject("tracebacklimit", two);
    Py_DECREF(two);
    raise_nested("limited to two");
    PyErr_Print();
    PyObject *zero = PyLong_FromLong(0);
    PySys_SetObject("tracebacklimit", zero);
    Py_DECREF(zero);
    raise_nested("limited to none");
    PyErr_Print();
    PyObject *sys_dict = PyModule_GetDict(PyImport_AddModule("sys"));
    PyDict_DelItemString(sys_dict, "tracebacklimit");

    /* A chained exception prints its own traceback before the following one's. */
    raise_nested("the context");
    PyObject *context = fetch_with_traceback();
    PyErr_SetString(PyExc_KeyError, "while handling");
    add_traceback("handler", 80, 81);
    PyObject *exc = fetch_with_traceback();
    PyException_SetContext(exc, context);
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    PyErr_Print();

    raise_nested("the cause");
    PyObject *cause = fetch_with_traceback();
    PyErr_SetString(PyExc_RuntimeError, "caused");
    add_traceback("raiser", 90, 91);
    exc = fetch_with_traceback();
    PyException_SetCause(exc, cause);
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    PyErr_Print();

    /* PyErr_Display attaches the traceback it is given to an exception that has none. */
    raise_nested("displayed");
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyErr_Display(type, value, tb);
    PyObject *attached = PyObject_GetAttrString(value, "__traceback__");
    printf("PyErr_Display attached the traceback: %d\n", attached == tb);
    Py_XDECREF(attached);

    /* PyTraceBack_Print writes the entries, header included, to a file object: here an
       object whose write() collects the text. */
    PyObject *sink = PyModule_New("sink");
    PyModule_AddFunctions(sink, sink_methods);
    printf("PyTraceBack_Print: %d\n", PyTraceBack_Print(tb, sink));
    show("written", written);
    printf("PyTraceBack_Print(NULL): %d\n", PyTraceBack_Print(NULL, sink));
    Py_DECREF(sink);
    Py_DECREF(type);
    Py_DECREF(value);
    Py_DECREF(tb);

    /* A traceback set on the exception itself but not passed along: PyErr_Print replaces
       it with the (absent) fetched one, as CPython does. */
    raise_nested("own traceback only");
    exc = fetch_with_traceback();
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    PyErr_Print();
    PyObject *own = PyObject_GetAttrString(exc, "__traceback__");
    show_type("__traceback__ after", own);
    Py_DECREF(own);
    Py_DECREF(exc);
}

static void write_file(const char *name, const char *content)
{
    FILE *file = fopen(name, "wb");
    fputs(content, file);
    fclose(file);
}

static void add_entry(const char *filename, const char *funcname, int line)
{
    PyCodeObject *code = PyCode_NewEmpty(filename, funcname, line);
    add_traceback_with(code, line);
    Py_DECREF(code);
}

/* When the file exists, each entry shows its line, without indentation: the file is
   found by its name (relative to the current directory), else by its last component in
   the sys.path folders, and decoded per its coding cookie. */
static void source_lines(void)
{
    printf("-- source lines\n");
    write_file("tb_present_source.pyx", "# a source file for the traceback test\n"
                                        "def outer():\n"
                                        "    middle()  \n"
                                        "\t\fcaf\xc3\xa9 = 1\r\n"
                                        "   \n"
                                        "last line without an end");
    write_file("tb_latin1_source.pyx", "# -*- coding: latin-1 -*-\n"
                                       "x = '\xe9'\n");
    PyErr_SetString(PyExc_ValueError, "with source");
    add_entry("<string>", "not_a_file", 1);
    add_entry("tb_latin1_source.pyx", "latin1", 2);
    add_entry("no_such_folder/tb_present_source.pyx", "through_sys_path", 3);
    for (int line = 7; line >= 1; line--) {
        add_entry("tb_present_source.pyx", "present", line);
    }
    PyErr_Print();
    remove("tb_present_source.pyx");
    remove("tb_latin1_source.pyx");
}

/* Everything PyFrame_New and PyTraceBack_Here hold is released with the traceback. */
static void lifetime(void)
{
    printf("-- lifetime\n");
    PyCodeObject *code = PyCode_NewEmpty(SOURCE, "tracked", 100);
    PyObject *ref = PyWeakref_NewRef((PyObject *)code, NULL);
    Py_ssize_t code_before = Py_REFCNT(code);
    PyErr_SetString(PyExc_ValueError, "released");
    for (int i = 0; i < 3; i++) {
        add_traceback_with(code, 101 + i);
    }
    PyErr_PrintEx(0);
    /* libpycapi may keep what crossed into managed code until a collection (see
       lifetime_release); CPython frees it all at once. */
    for (int i = 0; i < 3 && Py_REFCNT(code) != code_before; i++) {
        PyGC_Collect();
    }
    printf("code refcount delta: %zd\n", Py_REFCNT(code) - code_before);
    Py_DECREF(code);
    for (int i = 0; i < 3 && PyWeakref_GetObject(ref) != Py_None; i++) {
        PyGC_Collect();
    }
    printf("code collected: %d\n", PyWeakref_GetObject(ref) == Py_None);
    Py_DECREF(ref);

    /* A cycle: globals hold the exception, whose traceback holds a frame over those
       globals (a module-level `except ... as saved`). The collector frees it. */
    PyObject *cyclic_globals = PyDict_New();
    PyDict_SetItemString(cyclic_globals, "__builtins__", PyDict_GetItemString(globals, "__builtins__"));
    code = PyCode_NewEmpty(SOURCE, "cyclic", 110);
    ref = PyWeakref_NewRef((PyObject *)code, NULL);
    PyErr_SetString(PyExc_ValueError, "kept");
    add_traceback_in(cyclic_globals, code, 111);
    Py_DECREF(code);
    PyObject *saved = fetch_with_traceback();
    PyDict_SetItemString(cyclic_globals, "saved", saved);
    Py_DECREF(saved);
    Py_DECREF(cyclic_globals);
    for (int i = 0; i < 3 && PyWeakref_GetObject(ref) != Py_None; i++) {
        PyGC_Collect();
    }
    printf("cycle collected: %d\n", PyWeakref_GetObject(ref) == Py_None);
    Py_DECREF(ref);
}

int main(void)
{
    conf_init();
    written = PyList_New(0);
    PyObject *module = PyModule_New("tbmod");
    globals = PyModule_GetDict(module);
    /* As in a Cython module's globals: PyFrame_New takes the frame's builtins from there. */
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyDict_SetItemString(globals, "__builtins__", builtins);
    Py_DECREF(builtins);
    code_objects();
    frame_objects();
    traceback_chain();
    printing();
    source_lines();
    lifetime();
    Py_DECREF(module);
    Py_DECREF(written);
    conf_end();
    return 0;
}
