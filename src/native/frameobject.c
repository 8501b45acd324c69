/* Frame objects (CPython 3.11's Objects/frameobject.c semantics for what libpycapi needs).
   No Python code runs here, so the only frames are those extensions create with PyFrame_New
   to add their C functions to a traceback; none is ever executing, none has a caller.
   The public part of the struct is CPython's (internal/pycore_frame.h: Cython writes
   f_lineno directly); what CPython keeps in the _PyInterpreterFrame follows it, in
   frame_data, where f_frame points. */
#include "Python.h"
#include "internal/pycore_frame.h"

/* The start of CPython 3.11's _PyInterpreterFrame, field for field, so that a tool reading
   f_frame->f_code finds it where CPython has it. */
typedef struct {
    PyObject *f_func; /* the function CPython makes for the frame: none here */
    PyObject *f_globals;
    PyObject *f_builtins;
    PyObject *f_locals; /* may be NULL */
    PyCodeObject *f_code;
} frame_data;

#define DATA(f) ((frame_data *)(f)->f_frame)

static int frame_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(DATA(f)->f_globals);
    Py_VISIT(DATA(f)->f_builtins);
    Py_VISIT(DATA(f)->f_locals);
    Py_VISIT(DATA(f)->f_code);
    return 0;
}

static int frame_clear(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(DATA(f)->f_locals);
    return 0;
}

static void frame_dealloc(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject_GC_UnTrack(self);
    frame_clear(self);
    Py_XDECREF(DATA(f)->f_globals);
    Py_XDECREF(DATA(f)->f_builtins);
    Py_XDECREF(DATA(f)->f_code);
    PyObject_GC_Del(self);
}

static PyObject *frame_repr(PyObject *self)
{
    PyCodeObject *code = DATA((PyFrameObject *)self)->f_code;
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", self, code->co_filename,
                                PyFrame_GetLineNumber((PyFrameObject *)self), code->co_name);
}

static PyObject *frame_get_lineno(PyObject *self, void *closure)
{
    (void)closure;
    int lineno = PyFrame_GetLineNumber((PyFrameObject *)self);
    return lineno < 0 ? Py_NewRef(Py_None) : PyLong_FromLong(lineno);
}

static PyObject *frame_get_code(PyObject *self, void *closure)
{
    (void)closure;
    return (PyObject *)PyFrame_GetCode((PyFrameObject *)self);
}

static PyObject *frame_get_globals(PyObject *self, void *closure)
{
    (void)closure;
    return PyFrame_GetGlobals((PyFrameObject *)self);
}

static PyObject *frame_get_builtins(PyObject *self, void *closure)
{
    (void)closure;
    return PyFrame_GetBuiltins((PyFrameObject *)self);
}

static PyObject *frame_get_back(PyObject *self, void *closure)
{
    (void)closure;
    PyObject *back = (PyObject *)PyFrame_GetBack((PyFrameObject *)self);
    return back != NULL ? back : Py_NewRef(Py_None);
}

static PyGetSetDef frame_getset[] = {
    { "f_lineno", frame_get_lineno, NULL, NULL, NULL },
    { "f_code", frame_get_code, NULL, NULL, NULL },
    { "f_globals", frame_get_globals, NULL, NULL, NULL },
    { "f_builtins", frame_get_builtins, NULL, NULL, NULL },
    { "f_back", frame_get_back, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, _f_frame_data) + sizeof(frame_data),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_clear,
    .tp_getset = frame_getset,
};

/* globals["__builtins__"] (a module stands for its dict), else the interpreter's builtins:
   CPython's rule. A borrowed reference, NULL on failure. Like CPython, a pending exception
   with no "__builtins__" is a failure that sets nothing (extensions' globals have it). */
static PyObject *builtins_of(PyObject *globals)
{
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *builtins = PyDict_GetItemString(globals, "__builtins__");
    if (builtins == NULL) {
        return PyErr_Occurred() ? NULL : PyEval_GetBuiltins();
    }
    return PyModule_Check(builtins) ? PyModule_GetDict(builtins) : builtins;
}

PyFrameObject *PyFrame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals, PyObject *locals)
{
    (void)tstate;
    if (!(PyFrame_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyFrame_Type) < 0) {
        return NULL;
    }
    PyObject *builtins = builtins_of(globals);
    if (builtins == NULL) {
        return NULL;
    }
    PyFrameObject *f = PyObject_GC_New(PyFrameObject, &PyFrame_Type);
    if (f == NULL) {
        return NULL;
    }
    f->f_back = NULL;
    f->f_frame = (struct _PyInterpreterFrame *)f->_f_frame_data;
    f->f_trace = NULL;
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_fast_as_locals = 0;
    DATA(f)->f_func = NULL;
    DATA(f)->f_globals = Py_NewRef(globals);
    DATA(f)->f_builtins = Py_NewRef(builtins);
    DATA(f)->f_locals = Py_XNewRef(locals);
    DATA(f)->f_code = (PyCodeObject *)Py_NewRef(code);
    PyObject_GC_Track(f);
    return f;
}

/* f_lineno once set; before, the frame has not started, which CPython places on the code's
   first line. */
int PyFrame_GetLineNumber(PyFrameObject *frame)
{
    return frame->f_lineno != 0 ? frame->f_lineno : PyCode_Addr2Line(DATA(frame)->f_code, 0);
}

PyCodeObject *PyFrame_GetCode(PyFrameObject *frame)
{
    return (PyCodeObject *)Py_NewRef(DATA(frame)->f_code);
}

PyFrameObject *PyFrame_GetBack(PyFrameObject *frame)
{
    return (PyFrameObject *)Py_XNewRef(frame->f_back);
}

PyObject *PyFrame_GetGlobals(PyFrameObject *frame)
{
    return Py_NewRef(DATA(frame)->f_globals);
}

PyObject *PyFrame_GetBuiltins(PyFrameObject *frame)
{
    return Py_NewRef(DATA(frame)->f_builtins);
}

/* The frame's locals mapping; a new dict when it was made without one (its code has no
   fast locals to copy in). */
PyObject *PyFrame_GetLocals(PyFrameObject *frame)
{
    if (DATA(frame)->f_locals == NULL && (DATA(frame)->f_locals = PyDict_New()) == NULL) {
        return NULL;
    }
    return Py_NewRef(DATA(frame)->f_locals);
}

/* Only frames made by PyFrame_New exist: none belongs to a generator. */
PyObject *PyFrame_GetGenerator(PyFrameObject *frame)
{
    (void)frame;
    return NULL;
}

/* The frame has not started: CPython reports its first instruction. */
int PyFrame_GetLasti(PyFrameObject *frame)
{
    (void)frame;
    return 0;
}

/* No Python frame ever executes here. */
PyFrameObject *PyThreadState_GetFrame(PyThreadState *tstate)
{
    (void)tstate;
    return NULL;
}

/* No Python code runs here, so no frame is ever executing: CPython's answers for that case
   (globals: NULL without an exception; locals: an error). */
PyObject *PyEval_GetGlobals(void)
{
    return NULL;
}

PyObject *PyEval_GetLocals(void)
{
    PyErr_SetString(PyExc_SystemError, "frame does not exist");
    return NULL;
}
