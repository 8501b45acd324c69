/* Traceback objects (CPython 3.11's Python/traceback.c semantics for what libpycapi needs):
   PyTraceBack_Here prepends an entry to the pending exception's traceback, so the head is
   the outermost call and tb_next goes one call deeper. Printing is managed
   (src/Core/Objects/Tracebacks.cs), reading these objects through their members. */
#include "Python.h"
#include "structmember.h"
#include "internal/pycore_frame.h"

static int traceback_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int traceback_clear(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

static void traceback_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    traceback_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *traceback_get_next(PyObject *self, void *closure)
{
    (void)closure;
    PyObject *next = (PyObject *)((PyTracebackObject *)self)->tb_next;
    return Py_NewRef(next != NULL ? next : Py_None);
}

/* tb_next may be replaced by another traceback or None, as long as no loop results. */
static int traceback_set_next(PyObject *self, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == Py_None) {
        value = NULL;
    }
    else if (!PyTraceBack_Check(value)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'", Py_TYPE(value)->tp_name);
        return -1;
    }
    for (PyTracebackObject *cursor = (PyTracebackObject *)value; cursor != NULL; cursor = cursor->tb_next) {
        if (cursor == (PyTracebackObject *)self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_XSETREF(tb->tb_next, (PyTracebackObject *)Py_XNewRef(value));
    return 0;
}

static PyMemberDef traceback_members[] = {
    { "tb_frame", T_OBJECT, offsetof(PyTracebackObject, tb_frame), READONLY, NULL },
    { "tb_lasti", T_INT, offsetof(PyTracebackObject, tb_lasti), READONLY, NULL },
    { "tb_lineno", T_INT, offsetof(PyTracebackObject, tb_lineno), READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

static PyGetSetDef traceback_getset[] = {
    { "tb_next", traceback_get_next, traceback_set_next, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = traceback_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = traceback_traverse,
    .tp_clear = traceback_clear,
    .tp_members = traceback_members,
    .tp_getset = traceback_getset,
};

int PyTraceBack_Here(PyFrameObject *frame)
{
    if (frame == NULL || !PyFrame_Check(frame)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!(PyTraceBack_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyTraceBack_Type) < 0) {
        return -1;
    }
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL) {
        return -1;
    }
    PyObject *type, *value, *next;
    PyErr_Fetch(&type, &value, &next);
    /* The pending traceback is handed over to the new head (a non-traceback is dropped). */
    tb->tb_next = next != NULL && PyTraceBack_Check(next) ? (PyTracebackObject *)next : NULL;
    if (tb->tb_next == NULL) {
        Py_XDECREF(next);
    }
    tb->tb_frame = (PyFrameObject *)Py_NewRef(frame);
    tb->tb_lasti = PyFrame_GetLasti(frame);
    tb->tb_lineno = PyFrame_GetLineNumber(frame);
    PyObject_GC_Track(tb);
    PyErr_Restore(type, value, (PyObject *)tb);
    return 0;
}

/* The frame gets fresh globals; the pending exception is set aside while the objects are
   made, as CPython does. When they cannot be made, the pending exception stays (CPython
   chains the new error to it). */
void _PyTraceback_Add(const char *funcname, const char *filename, int lineno)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *globals = PyDict_New();
    PyCodeObject *code = globals != NULL ? PyCode_NewEmpty(filename, funcname, lineno) : NULL;
    PyFrameObject *frame = code != NULL ? PyFrame_New(PyThreadState_Get(), code, globals, NULL) : NULL;
    Py_XDECREF(globals);
    Py_XDECREF(code);
    PyErr_Restore(type, value, tb);
    if (frame != NULL) {
        frame->f_lineno = lineno;
        PyTraceBack_Here(frame);
        Py_DECREF(frame);
    }
}
