/* Helpers shared by the conformance programs (tests/conformance/<name>/main.c).
 *
 * Every program is compiled twice, against CPython 3.11 and against libpycapi, and the two
 * outputs must be identical. So everything printed here is deterministic: values as repr(),
 * exceptions as "Type: message", never an address or an absolute reference count.
 *
 * stdout is written by C only (printf); stderr is written by Python only (PyErr_Print).
 * Mixing C and Python writes on one stream would make the order depend on buffering.
 *
 * Define CONF_NO_PY_SSIZE_T_CLEAN before including this header to test the legacy
 * (int-sized) '#' formats; by default PY_SSIZE_T_CLEAN is defined, as in modern extensions.
 */
#ifndef CONFORMANCE_H
#define CONFORMANCE_H

#ifndef CONF_NO_PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CONF_API static inline __attribute__((unused))

/* Line-buffer stdout so that, if a variant crashes, the output up to the crash survives
   and the diff shows where it happened. Call first thing in main(). */
CONF_API void conf_begin(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Writes a str object's UTF-8 text to stdout (no newline). */
CONF_API void conf_write_str(PyObject *s)
{
    Py_ssize_t n = 0;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        PyErr_Clear();
        fputs("<unprintable str>", stdout);
        return;
    }
    fwrite(u, 1, (size_t)n, stdout);
}

/* Name of an exception class as a traceback shows it: "TypeError", "mymod.MyError".
   tp_name (PyExceptionClass_Name) is used first, so that reporting a built-in exception
   depends on as little of the API as possible; only a dotless name of a class that is
   not a builtin (PyErr_NewException makes those) needs its __module__. */
CONF_API void conf_write_exc_type(PyObject *type)
{
    if (type == NULL || !PyExceptionClass_Check(type)) {
        fputs("<not an exception class>", stdout);
        return;
    }
    const char *name = PyExceptionClass_Name(type);
    if (name == NULL) {
        fputs("<nameless exception class>", stdout);
        return;
    }
    if (strchr(name, '.') == NULL) {
        PyObject *mod = PyObject_GetAttrString(type, "__module__");
        if (mod == NULL) {
            PyErr_Clear();
        } else {
            if (PyUnicode_Check(mod) && PyUnicode_CompareWithASCIIString(mod, "builtins") != 0) {
                conf_write_str(mod);
                fputc('.', stdout);
            }
            Py_DECREF(mod);
        }
    }
    fputs(name, stdout);
}

/* Prints the pending exception as "Type: message" (just "Type" when str(exc) is empty)
   without a newline, and clears it. Prints "no exception" when none is pending. */
CONF_API void conf_write_exc(void)
{
    PyObject *type, *value, *tb;
    if (!PyErr_Occurred()) {
        fputs("no exception", stdout);
        return;
    }
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    conf_write_exc_type(type);
    if (value != NULL) {
        PyObject *msg = PyObject_Str(value);
        if (msg == NULL) {
            PyErr_Clear();
            fputs(": <str() failed>", stdout);
        } else {
            if (PyUnicode_GetLength(msg) > 0) {
                fputs(": ", stdout);
                conf_write_str(msg);
            }
            Py_DECREF(msg);
        }
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* "<label>: Type: message" for the pending exception (cleared), or "<label>: no exception". */
CONF_API void show_exc(const char *label)
{
    printf("%s: ", label);
    conf_write_exc();
    fputc('\n', stdout);
}

/* "<label>: <repr(obj)>" for a borrowed reference; when obj is NULL,
   "<label>: NULL, Type: message" (or "NULL, no exception") and the exception is cleared.
   An exception left pending next to a non-NULL result is reported too. */
CONF_API void show(const char *label, PyObject *obj)
{
    printf("%s: ", label);
    if (obj == NULL) {
        fputs("NULL, ", stdout);
        conf_write_exc();
        fputc('\n', stdout);
        return;
    }
    PyObject *r = PyObject_Repr(obj);
    if (r == NULL) {
        fputs("<repr() raised ", stdout);
        conf_write_exc();
        fputc('>', stdout);
    } else {
        conf_write_str(r);
        Py_DECREF(r);
    }
    if (PyErr_Occurred()) {
        fputs(" [and pending ", stdout);
        conf_write_exc();
        fputc(']', stdout);
    }
    fputc('\n', stdout);
}

/* As show(), then releases the (new) reference. */
CONF_API void show_new(const char *label, PyObject *obj)
{
    show(label, obj);
    Py_XDECREF(obj);
}

/* Calls self.name(*args, **kwargs) and prints "<repr(self)>.<name><repr(args)> [**<repr(kwargs)>]:
   <repr(result)>" (or the exception, as show_new). args and kwargs are stolen; NULL args means
   no arguments, NULL kwargs no keywords. */
CONF_API void show_method_call(PyObject *self, const char *name, PyObject *args, PyObject *kwargs)
{
    if (args == NULL) {
        args = PyTuple_New(0);
    }
    PyObject *label = kwargs == NULL ? PyUnicode_FromFormat("%R.%s%R", self, name, args)
                                     : PyUnicode_FromFormat("%R.%s%R **%R", self, name, args, kwargs);
    PyObject *method = PyObject_GetAttrString(self, name);
    PyObject *result = method == NULL ? NULL : PyObject_Call(method, args, kwargs);
    show_new(PyUnicode_AsUTF8(label), result);
    Py_XDECREF(method);
    Py_DECREF(label);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

/* "<label>: <str(obj)>" for a borrowed reference (NULL handled as in show()). */
CONF_API void show_str(const char *label, PyObject *obj)
{
    printf("%s: ", label);
    if (obj == NULL) {
        fputs("NULL, ", stdout);
        conf_write_exc();
        fputc('\n', stdout);
        return;
    }
    PyObject *s = PyObject_Str(obj);
    if (s == NULL) {
        fputs("<str() raised ", stdout);
        conf_write_exc();
        fputc('>', stdout);
    } else {
        conf_write_str(s);
        Py_DECREF(s);
    }
    fputc('\n', stdout);
}

/* "<label>: <type name>" of an object (borrowed), via type(obj).__qualname__. */
CONF_API void show_type(const char *label, PyObject *obj)
{
    printf("%s: ", label);
    if (obj == NULL) {
        fputs("NULL\n", stdout);
        return;
    }
    PyObject *t = PyObject_Type(obj);
    PyObject *q = t ? PyObject_GetAttrString(t, "__qualname__") : NULL;
    if (q == NULL) {
        conf_write_exc();
    } else {
        conf_write_str(q);
    }
    Py_XDECREF(q);
    Py_XDECREF(t);
    fputc('\n', stdout);
}

/* A C integer result, plus the exception it may have raised (then cleared):
   "<label>: -1, OverflowError: ..." or "<label>: 42". */
CONF_API void show_ll(const char *label, long long v)
{
    printf("%s: %lld", label, v);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

CONF_API void show_ull(const char *label, unsigned long long v)
{
    printf("%s: %llu", label, v);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

/* A C double, printed with 17 significant digits by the C library (not by Python). */
CONF_API void show_double(const char *label, double v)
{
    printf("%s: %.17g", label, v);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

/* A C string result (or NULL plus the exception). */
CONF_API void show_cstr(const char *label, const char *s)
{
    printf("%s: ", label);
    if (s == NULL) {
        fputs("NULL, ", stdout);
        conf_write_exc();
    } else {
        printf("'%s'", s);
    }
    fputc('\n', stdout);
}

/* Reports an exception that should not be pending at this point and clears it,
   so that one surprise does not hide the rest of the program's output. */
CONF_API void check_no_exc(const char *where)
{
    if (PyErr_Occurred()) {
        printf("UNEXPECTED exception at %s: ", where);
        conf_write_exc();
        fputc('\n', stdout);
    }
}

/* "<label>: SystemError, message ends with '...': 1" for a pending PyErr_BadInternalCall
   (cleared): its message names CPython's source file and line, so only the rest is compared. */
CONF_API void show_bad_internal_call(const char *label)
{
    PyObject *type, *value, *tb;
    printf("%s: ", label);
    if (!PyErr_Occurred()) {
        printf("no exception\n");
        return;
    }
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    const char *suffix = "bad argument to internal function";
    PyObject *s = PyObject_Str(value);
    const char *text = s ? PyUnicode_AsUTF8(s) : "";
    size_t n = strlen(text), m = strlen(suffix);
    printf("%s, message ends with '%s': %d\n", ((PyTypeObject *)type)->tp_name, suffix,
           n >= m && strcmp(text + n - m, suffix) == 0);
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* Puts the current directory (the folder of the program and of its extension modules:
   the harness runs each program there) first on sys.path. Returns 0 or -1. */
CONF_API int conf_add_cwd_to_path(void)
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL) {
        printf("getcwd failed\n");
        return -1;
    }
    PyObject *path = PySys_GetObject("path"); /* borrowed */
    if (path == NULL || !PyList_Check(path)) {
        printf("sys.path is missing or not a list\n");
        return -1;
    }
    PyObject *dir = PyUnicode_FromString(buf);
    if (dir == NULL) {
        show_exc("conf_add_cwd_to_path");
        return -1;
    }
    int rc = PyList_Insert(path, 0, dir);
    Py_DECREF(dir);
    if (rc < 0) {
        show_exc("conf_add_cwd_to_path");
    }
    return rc;
}

/* Py_Initialize + conf_add_cwd_to_path; most programs start with this. */
CONF_API void conf_init(void)
{
    conf_begin();
    Py_Initialize();
    conf_add_cwd_to_path();
}

/* Imports a module (new reference) or prints why it could not and returns NULL. */
CONF_API PyObject *conf_import(const char *name)
{
    PyObject *m = PyImport_ImportModule(name);
    if (m == NULL) {
        printf("import %s: ", name);
        conf_write_exc();
        fputc('\n', stdout);
    }
    return m;
}

/* Finalizes the runtime, reports a failure, and returns the exit code for main(). */
CONF_API int conf_end(void)
{
    check_no_exc("end of program");
    int rc = Py_FinalizeEx();
    if (rc != 0) {
        printf("Py_FinalizeEx: %d\n", rc);
    }
    fflush(stdout);
    return 0;
}

/* ---- Object lifetime (the lifetime_* programs) ----------------------------------------- */

/* libpycapi's count of linked pairs (objects with a native half and a managed twin) alive.
   CPython has no managed side: there it is always 0, and the checks built on it pass
   trivially (each such check says so where it is printed). */
CONF_API Py_ssize_t conf_live_pairs(void)
{
#ifdef LIBPYCAPI
    return _PyCApi_LivePairCount();
#else
    return 0;
#endif
}

/* A str for use as a dict key that already has its managed twin (a str made in C has none
   until managed code first needs it), so that using it after a baseline adds no pair. */
CONF_API PyObject *conf_crossed_str(const char *text)
{
    PyObject *s = PyUnicode_FromString(text);
    PyObject *d = PyDict_New();
    if (s != NULL && d != NULL) {
        PyDict_SetItem(d, s, Py_None);
    }
    Py_XDECREF(d);
    return s;
}

/* A dict that already has its managed twin (PyDict_New makes none until managed code first
   works on the dict), so that using it after a baseline adds no pair. */
CONF_API PyObject *conf_crossed_dict(void)
{
    PyObject *d = PyDict_New();
    if (d != NULL) {
        PyDict_Clear(d);
    }
    return d;
}

/* Collects (PyGC_Collect) until the live pairs are back to <= baseline, at most
   max_collections times. Returns 1 when they are (always under CPython: see above). */
CONF_API int conf_collect_to_baseline(Py_ssize_t baseline, int max_collections)
{
    for (int i = 0; i < max_collections; i++) {
        PyGC_Collect();
        if (conf_live_pairs() <= baseline) {
            return 1;
        }
    }
    return 0;
}

/* Node: a GC-tracked C type holding one object reference and a C value, with counters
   of its allocations, tp_dealloc, tp_clear and tp_traverse calls. Each lifetime_* folder
   has a module nodes.c that defines CONF_NODES_MODULE and includes this header, so the
   type lives in an extension module (nodes.so) as real extension types do. The host
   reads the struct directly and reaches the module's C functions through a table whose
   address the module exports as the int nodes.api_address. Instances also have a
   __dict__ (tp_dictoffset), made on first attribute assignment. */
typedef struct {
    PyObject_HEAD
    PyObject *ref;   /* the one reference a Node holds (NULL or an object) */
    PyObject *dict;  /* __dict__ */
    long value;      /* C data; set to -1 by tp_dealloc so that a read after free shows */
} ConfNode;

typedef struct {
    long long created;    /* Nodes allocated (through tp_alloc) */
    long long deallocs;   /* tp_dealloc calls */
    long long clears;     /* tp_clear calls */
    long long traverses;  /* tp_traverse calls */
} ConfNodeCounts;

typedef struct {
    PyTypeObject *type;
    ConfNodeCounts *counts;
    PyObject *(*make)(long value);  /* a new Node (new reference), ref NULL */
} ConfNodeApi;

/* Sets node->ref to a new reference to ref (which may be NULL), releasing the old one. */
CONF_API void conf_node_set(PyObject *node, PyObject *ref)
{
    Py_XSETREF(((ConfNode *)node)->ref, Py_XNewRef(ref));
}

CONF_API PyObject *conf_node_ref(PyObject *node) { return ((ConfNode *)node)->ref; }
CONF_API long conf_node_value(PyObject *node) { return ((ConfNode *)node)->value; }

/* Imports the nodes module and returns its table (NULL, printed why, on failure). */
CONF_API ConfNodeApi *conf_nodes_api(void)
{
    PyObject *m = conf_import("nodes");
    if (m == NULL) {
        return NULL;
    }
    PyObject *addr = PyObject_GetAttrString(m, "api_address");
    Py_DECREF(m);
    void *p = addr ? PyLong_AsVoidPtr(addr) : NULL;
    Py_XDECREF(addr);
    if (p == NULL) {
        show_exc("nodes.api_address");
    }
    return (ConfNodeApi *)p;
}

#ifdef CONF_NODES_MODULE
#include <stddef.h>

static ConfNodeCounts conf_node_counts;
static PyTypeObject ConfNode_Type;

static int conf_node_traverse(ConfNode *self, visitproc visit, void *arg)
{
    conf_node_counts.traverses++;
    Py_VISIT(self->ref);
    Py_VISIT(self->dict);
    return 0;
}

static int conf_node_clear(ConfNode *self)
{
    conf_node_counts.clears++;
    Py_CLEAR(self->ref);
    Py_CLEAR(self->dict);
    return 0;
}

static void conf_node_dealloc(ConfNode *self)
{
    PyObject_GC_UnTrack(self);
    conf_node_counts.deallocs++;
    Py_CLEAR(self->ref);
    Py_CLEAR(self->dict);
    self->value = -1;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *conf_node_alloc_counted(PyTypeObject *type, Py_ssize_t nitems)
{
    PyObject *self = PyType_GenericAlloc(type, nitems);
    if (self != NULL) {
        conf_node_counts.created++;
    }
    return self;
}

static PyObject *conf_node_make(long value)
{
    PyObject *self = ConfNode_Type.tp_alloc(&ConfNode_Type, 0);
    if (self != NULL) {
        ((ConfNode *)self)->value = value;
    }
    return self;
}

static PyTypeObject ConfNode_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nodes.Node",
    .tp_basicsize = sizeof(ConfNode),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A C object holding one reference (ref) and a C long (value).",
    .tp_traverse = (traverseproc)conf_node_traverse,
    .tp_clear = (inquiry)conf_node_clear,
    .tp_dealloc = (destructor)conf_node_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_dictoffset = offsetof(ConfNode, dict),
    .tp_alloc = conf_node_alloc_counted,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

static ConfNodeApi conf_node_api = {&ConfNode_Type, &conf_node_counts, conf_node_make};

static struct PyModuleDef conf_nodes_def = {
    PyModuleDef_HEAD_INIT, "nodes", "The Node type of the lifetime programs.", -1,
    NULL, NULL, NULL, NULL, NULL,
};

static PyObject *conf_nodes_init(void)
{
    if (PyType_Ready(&ConfNode_Type) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&conf_nodes_def);
    if (m == NULL) {
        return NULL;
    }
    PyObject *addr = PyLong_FromVoidPtr(&conf_node_api);
    if (addr == NULL || PyModule_AddObjectRef(m, "api_address", addr) < 0 ||
        PyModule_AddObjectRef(m, "Node", (PyObject *)&ConfNode_Type) < 0) {
        Py_XDECREF(addr);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(addr);
    return m;
}
#endif /* CONF_NODES_MODULE */

#endif
