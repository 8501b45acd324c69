/* Running Python source. libpycapi has no compiler: these are declared with CPython's
   signatures and raise SystemError. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H
#ifdef __cplusplus
extern "C" {
#endif
/* The start symbols of the grammar (CPython's compile.h). */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

typedef struct {
    int cf_flags;           /* CO_* future flags and PyCF_* compiler flags */
    int cf_feature_version; /* minor version, for PyCF_ONLY_AST */
} PyCompilerFlags;

PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                                         PyCompilerFlags *flags);
/* Exported as a function for binaries built without the macro, as in CPython. */
PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals);
#define PyRun_String(str, start, globals, locals) PyRun_StringFlags((str), (start), (globals), (locals), NULL)
#ifdef __cplusplus
}
#endif
#endif
