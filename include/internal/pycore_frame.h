/* The frame object's struct, CPython 3.11's layout, where Cython looks for it: compiled
   extensions write f_lineno (offset 40) directly after PyFrame_New. */
#ifndef Py_INTERNAL_FRAME_H
#define Py_INTERNAL_FRAME_H
#ifdef __cplusplus
extern "C" {
#endif

struct _frame {
    PyObject_HEAD
    PyFrameObject *f_back;
    struct _PyInterpreterFrame *f_frame; /* the frame's code, globals, builtins and locals */
    PyObject *f_trace;
    int f_lineno; /* the line being executed; 0 means the code's first line */
    char f_trace_lines;
    char f_trace_opcodes;
    char f_fast_as_locals;
    PyObject *_f_frame_data[1];
};

#ifdef __cplusplus
}
#endif
#endif
