/* Traceback objects: the chain of (frame, line) entries an exception collects on its way
   out, newest call last when read from the head (tb_next goes one call deeper). */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _traceback PyTracebackObject;

struct _traceback {
    PyObject_HEAD
    PyTracebackObject *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti;
    int tb_lineno;
};

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;

#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

/* Prepends frame, at its current line, to the pending exception's traceback. */
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *frame);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *tb, PyObject *file);
/* PyTraceBack_Here for a C function: an entry at filename:lineno in funcname. */
PyAPI_FUNC(void) _PyTraceback_Add(const char *funcname, const char *filename, int lineno);

#ifdef __cplusplus
}
#endif
#endif
