/* Code objects. libpycapi runs no bytecode: the code objects it makes name places in
   tracebacks (Cython's __Pyx_AddTraceback) and describe C functions (Cython's
   PyCode_NewEmpty(...).replace(...)), but the struct has CPython 3.11's layout because
   macros and compiled extensions read its fields. */
#ifndef Py_CODE_H
#define Py_CODE_H
#ifdef __cplusplus
extern "C" {
#endif

/* One instruction: an opcode byte then its argument byte. */
typedef uint16_t _Py_CODEUNIT;

typedef struct PyCodeObject PyCodeObject;

struct PyCodeObject {
    PyObject_VAR_HEAD /* ob_size: the number of code units in co_code_adaptive */
    PyObject *co_consts;
    PyObject *co_names;
    PyObject *co_exceptiontable;
    int co_flags;
    short co_warmup;
    short _co_linearray_entry_size;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;
    int co_nlocals;
    int co_nplaincellvars;
    int co_ncellvars;
    int co_nfreevars;
    PyObject *co_localsplusnames;
    PyObject *co_localspluskinds;
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_linetable;
    PyObject *co_weakreflist;
    PyObject *_co_code;
    char *_co_linearray;
    int _co_firsttraceable;
    void *co_extra;
    char co_code_adaptive[1];
};

#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200

PyAPI_DATA(PyTypeObject) PyCode_Type;

#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)
#define PyCode_GetNumFree(op) ((op)->co_nfreevars)
#define _PyCode_CODE(co) ((_Py_CODEUNIT *)(co)->co_code_adaptive)
#define _PyCode_NBYTES(co) (Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT))

/* A code object from its parts, checked as CPython 3.11 checks them; code is bytecode
   (bytes of whole code units), the name tuples hold str only. */
PyAPI_FUNC(PyCodeObject *) PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
                                                     int stacksize, int flags, PyObject *code, PyObject *consts,
                                                     PyObject *names, PyObject *varnames, PyObject *freevars,
                                                     PyObject *cellvars, PyObject *filename, PyObject *name,
                                                     PyObject *qualname, int firstlineno, PyObject *linetable,
                                                     PyObject *exceptiontable);
PyAPI_FUNC(PyCodeObject *) PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
                                      PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
                                      PyObject *freevars, PyObject *cellvars, PyObject *filename, PyObject *name,
                                      PyObject *qualname, int firstlineno, PyObject *linetable,
                                      PyObject *exceptiontable);
/* A code object whose only use is to name a place in a traceback. */
PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno);
/* The source line of the instruction at byte offset addr. */
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *co, int addr);

#ifdef __cplusplus
}
#endif
#endif
