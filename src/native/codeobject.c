/* Code objects (CPython 3.11's Objects/codeobject.c semantics for what libpycapi needs).
   No bytecode runs here: the only code objects are PyCode_NewEmpty's, which extensions
   make to name their C functions in tracebacks. The type is readied like an extension's
   static type, so managed code reads co_name, co_filename, ... through its members. */
#include "Python.h"
#include "structmember.h"

/* PyCode_NewEmpty's bytecode, as CPython 3.11 makes it: RESUME 0, LOAD_ASSERTION_ERROR,
   RAISE_VARARGS 1. */
static const unsigned char empty_code[] = { 0x97, 0x00, 0x4a, 0x00, 0x82, 0x01 };
/* Its line table: one entry, three code units on the first line, no columns. */
static const char empty_linetable[] = { (char)0xea, 0x00 };

static void code_dealloc(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    /* Unconditionally: libpycapi lists weak references on the managed side, not in
       co_weakreflist. */
    PyObject_ClearWeakRefs(self);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_exceptiontable);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_localspluskinds);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    Py_XDECREF(co->_co_code);
    PyObject_Free(self);
}

static PyObject *code_repr(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>", co->co_name, self,
                                co->co_filename, co->co_firstlineno);
}

#define CODE_INT(name) { #name, T_INT, offsetof(PyCodeObject, name), READONLY, NULL }
#define CODE_OBJECT(name) { #name, T_OBJECT, offsetof(PyCodeObject, name), READONLY, NULL }
static PyMemberDef code_members[] = {
    CODE_INT(co_argcount),
    CODE_INT(co_posonlyargcount),
    CODE_INT(co_kwonlyargcount),
    CODE_INT(co_stacksize),
    CODE_INT(co_flags),
    CODE_INT(co_nlocals),
    CODE_INT(co_firstlineno),
    CODE_OBJECT(co_consts),
    CODE_OBJECT(co_names),
    CODE_OBJECT(co_filename),
    CODE_OBJECT(co_name),
    CODE_OBJECT(co_qualname),
    CODE_OBJECT(co_linetable),
    CODE_OBJECT(co_exceptiontable),
    { NULL, 0, 0, 0, NULL },
};

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "code",
    .tp_basicsize = offsetof(PyCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(_Py_CODEUNIT),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_members = code_members,
};

PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    if (!(PyCode_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyCode_Type) < 0) {
        return NULL;
    }
    PyObject *empty_tuple = PyTuple_New(0);
    PyObject *empty_bytes = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *name = PyUnicode_FromString(funcname);
    PyObject *file = PyUnicode_DecodeFSDefault(filename);
    PyObject *linetable = PyBytes_FromStringAndSize(empty_linetable, sizeof(empty_linetable));
    size_t units = sizeof(empty_code) / sizeof(_Py_CODEUNIT);
    PyCodeObject *co = empty_tuple && empty_bytes && name && file && linetable
                           ? PyObject_NewVar(PyCodeObject, &PyCode_Type, (Py_ssize_t)units)
                           : NULL;
    if (co == NULL) {
        Py_XDECREF(empty_tuple);
        Py_XDECREF(empty_bytes);
        Py_XDECREF(name);
        Py_XDECREF(file);
        Py_XDECREF(linetable);
        return NULL;
    }
    /* Every field after the header, then the ones an empty code object sets. */
    memset((char *)co + sizeof(PyVarObject), 0, offsetof(PyCodeObject, co_code_adaptive) - sizeof(PyVarObject));
    memcpy(co->co_code_adaptive, empty_code, sizeof(empty_code));
    co->co_consts = Py_NewRef(empty_tuple);
    co->co_names = Py_NewRef(empty_tuple);
    co->co_localsplusnames = empty_tuple;
    co->co_exceptiontable = Py_NewRef(empty_bytes);
    co->co_localspluskinds = empty_bytes;
    co->co_filename = file;
    co->co_name = name;
    co->co_qualname = Py_NewRef(name);
    co->co_linetable = linetable;
    co->co_stacksize = 1;
    co->co_firstlineno = firstlineno;
    return co;
}

/* Every instruction of an empty code object is on its first line; before the first
   instruction (a frame that has not started) is the first line too. */
int PyCode_Addr2Line(PyCodeObject *co, int addr)
{
    return addr < _PyCode_NBYTES(co) ? co->co_firstlineno : -1;
}
