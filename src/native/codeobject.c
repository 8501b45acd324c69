/* Code objects (CPython 3.11's Objects/codeobject.c semantics for what libpycapi needs).
   No bytecode runs here: extensions make code objects to name their C functions in
   tracebacks (PyCode_NewEmpty) and to describe them (Cython 0.29 on 3.11 calls
   PyCode_NewEmpty(...).replace(co_argcount=..., co_varnames=..., ...)). The type is
   readied like an extension's static type, so managed code reads co_name, co_filename, ...
   through its members. */
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


/* The kinds of co_localspluskinds (CPython's pycore_code.h): a name is a plain local, a
   cell, or both (an argument a closure captures), or a free variable. */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

static int ready_code_type(void)
{
    return (PyCode_Type.tp_flags & Py_TPFLAGS_READY) || PyType_Ready(&PyCode_Type) == 0 ? 0 : -1;
}

/* CPython keeps names interned, and refuses anything but exact str. */
static int check_names(PyObject *tuple)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(tuple, i))) {
            PyErr_SetString(PyExc_SystemError, "non-string found in code slot");
            return -1;
        }
    }
    return 0;
}

/* varnames, then the cells that are not also locals, then freevars; with their kinds. */
static int merge_localsplus(PyCodeObject *co, PyObject *varnames, PyObject *cellvars, PyObject *freevars)
{
    Py_ssize_t nlocals = PyTuple_GET_SIZE(varnames), ncells = PyTuple_GET_SIZE(cellvars);
    Py_ssize_t nfree = PyTuple_GET_SIZE(freevars), total = nlocals + ncells + nfree;
    PyObject *names = PyTuple_New(total);
    PyObject *kinds = PyBytes_FromStringAndSize(NULL, total);
    if (names == NULL || kinds == NULL) {
        Py_XDECREF(names);
        Py_XDECREF(kinds);
        return -1;
    }
    unsigned char *k = (unsigned char *)PyBytes_AS_STRING(kinds);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nlocals; i++, n++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(varnames, i)));
        k[n] = CO_FAST_LOCAL;
    }
    int plaincells = 0;
    for (Py_ssize_t i = 0; i < ncells; i++) {
        PyObject *cell = PyTuple_GET_ITEM(cellvars, i);
        Py_ssize_t j = 0;
        while (j < nlocals && PyUnicode_Compare(PyTuple_GET_ITEM(varnames, j), cell) != 0) {
            j++;
        }
        if (j < nlocals) {
            k[j] |= CO_FAST_CELL;
            continue;
        }
        PyTuple_SET_ITEM(names, n, Py_NewRef(cell));
        k[n++] = CO_FAST_CELL;
        plaincells++;
    }
    for (Py_ssize_t i = 0; i < nfree; i++, n++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(freevars, i)));
        k[n] = CO_FAST_FREE;
    }
    if (n < total && (_PyTuple_Resize(&names, n) < 0 || _PyBytes_Resize(&kinds, n) < 0)) {
        Py_XDECREF(names);
        Py_XDECREF(kinds);
        return -1;
    }
    co->co_localsplusnames = names;
    co->co_localspluskinds = kinds;
    co->co_nlocalsplus = (int)n;
    co->co_nlocals = (int)nlocals;
    co->co_ncellvars = (int)ncells;
    co->co_nplaincellvars = plaincells;
    co->co_nfreevars = (int)nfree;
    return 0;
}

PyCodeObject *PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
                                        int stacksize, int flags, PyObject *code, PyObject *consts, PyObject *names,
                                        PyObject *varnames, PyObject *freevars, PyObject *cellvars,
                                        PyObject *filename, PyObject *name, PyObject *qualname, int firstlineno,
                                        PyObject *linetable, PyObject *exceptiontable)
{
    if (argcount < posonlyargcount || posonlyargcount < 0 || kwonlyargcount < 0 || nlocals < 0 || stacksize < 0 ||
        flags < 0 || code == NULL || !PyBytes_Check(code) || consts == NULL || !PyTuple_Check(consts) ||
        names == NULL || !PyTuple_Check(names) || varnames == NULL || !PyTuple_Check(varnames) ||
        freevars == NULL || !PyTuple_Check(freevars) || cellvars == NULL || !PyTuple_Check(cellvars) ||
        name == NULL || !PyUnicode_Check(name) || filename == NULL || !PyUnicode_Check(filename) ||
        linetable == NULL || !PyBytes_Check(linetable) || exceptiontable == NULL || !PyBytes_Check(exceptiontable)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (check_names(names) < 0 || check_names(varnames) < 0 || check_names(freevars) < 0 ||
        check_names(cellvars) < 0) {
        return NULL;
    }
    if (qualname == NULL) {
        qualname = name;
    }
    if (!PyUnicode_Check(qualname)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t nbytes = PyBytes_GET_SIZE(code);
    if (nbytes % (Py_ssize_t)sizeof(_Py_CODEUNIT) != 0) {
        PyErr_SetString(PyExc_ValueError, "code: co_code is malformed");
        return NULL;
    }
    int args = argcount + kwonlyargcount + ((flags & CO_VARARGS) != 0) + ((flags & CO_VARKEYWORDS) != 0);
    if (PyTuple_GET_SIZE(varnames) < args) {
        PyErr_SetString(PyExc_ValueError, "code: co_varnames is too small");
        return NULL;
    }
    if (nlocals != PyTuple_GET_SIZE(varnames)) {
        PyErr_SetString(PyExc_ValueError, "code: co_nlocals != len(co_varnames)");
        return NULL;
    }
    if (ready_code_type() < 0) {
        return NULL;
    }
    PyCodeObject *co = PyObject_NewVar(PyCodeObject, &PyCode_Type, nbytes / (Py_ssize_t)sizeof(_Py_CODEUNIT));
    if (co == NULL) {
        return NULL;
    }
    /* Every field after the header, then the parts. */
    memset((char *)co + sizeof(PyVarObject), 0, offsetof(PyCodeObject, co_code_adaptive) - sizeof(PyVarObject));
    memcpy(co->co_code_adaptive, PyBytes_AS_STRING(code), (size_t)nbytes);
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_stacksize = stacksize;
    co->co_flags = flags;
    co->co_firstlineno = firstlineno;
    co->co_consts = Py_NewRef(consts);
    co->co_names = Py_NewRef(names);
    co->co_filename = Py_NewRef(filename);
    co->co_name = Py_NewRef(name);
    co->co_qualname = Py_NewRef(qualname);
    co->co_linetable = Py_NewRef(linetable);
    co->co_exceptiontable = Py_NewRef(exceptiontable);
    if (merge_localsplus(co, varnames, cellvars, freevars) < 0) {
        Py_DECREF(co);
        return NULL;
    }
    return co;
}

PyCodeObject *PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags, PyObject *code,
                         PyObject *consts, PyObject *names, PyObject *varnames, PyObject *freevars,
                         PyObject *cellvars, PyObject *filename, PyObject *name, PyObject *qualname,
                         int firstlineno, PyObject *linetable, PyObject *exceptiontable)
{
    return PyCode_NewWithPosOnlyArgs(argcount, 0, kwonlyargcount, nlocals, stacksize, flags, code, consts, names,
                                     varnames, freevars, cellvars, filename, name, qualname, firstlineno, linetable,
                                     exceptiontable);
}

PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    PyObject *empty_tuple = PyTuple_New(0);
    PyObject *empty_bytes = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *code = PyBytes_FromStringAndSize((const char *)empty_code, sizeof(empty_code));
    PyObject *name = PyUnicode_FromString(funcname);
    PyObject *file = PyUnicode_DecodeFSDefault(filename);
    PyObject *linetable = PyBytes_FromStringAndSize(empty_linetable, sizeof(empty_linetable));
    PyCodeObject *co = empty_tuple && empty_bytes && code && name && file && linetable
                           ? PyCode_NewWithPosOnlyArgs(0, 0, 0, 0, 1, 0, code, empty_tuple, empty_tuple,
                                                       empty_tuple, empty_tuple, empty_tuple, file, name, name,
                                                       firstlineno, linetable, empty_bytes)
                           : NULL;
    Py_XDECREF(empty_tuple);
    Py_XDECREF(empty_bytes);
    Py_XDECREF(code);
    Py_XDECREF(name);
    Py_XDECREF(file);
    Py_XDECREF(linetable);
    return co;
}

/* The names of co_localsplusnames whose kind has `kind`: co_varnames, co_cellvars, co_freevars. */
static PyObject *names_of_kind(PyCodeObject *co, int kind)
{
    PyObject *result = PyTuple_New(0);
    const unsigned char *k = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    for (Py_ssize_t i = 0; result != NULL && i < co->co_nlocalsplus; i++) {
        if ((k[i] & kind) && _PyTuple_Resize(&result, PyTuple_GET_SIZE(result) + 1) == 0) {
            PyTuple_SET_ITEM(result, PyTuple_GET_SIZE(result) - 1,
                             Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, i)));
        }
    }
    return result;
}

static PyObject *code_varnames(PyObject *self, void *closure)
{
    (void)closure;
    return names_of_kind((PyCodeObject *)self, CO_FAST_LOCAL);
}

static PyObject *code_cellvars(PyObject *self, void *closure)
{
    (void)closure;
    return names_of_kind((PyCodeObject *)self, CO_FAST_CELL);
}

static PyObject *code_freevars(PyObject *self, void *closure)
{
    (void)closure;
    return names_of_kind((PyCodeObject *)self, CO_FAST_FREE);
}

static PyObject *code_code(PyObject *self, void *closure)
{
    (void)closure;
    return PyBytes_FromStringAndSize(((PyCodeObject *)self)->co_code_adaptive, _PyCode_NBYTES((PyCodeObject *)self));
}

static PyGetSetDef code_getsets[] = {
    { "co_varnames", code_varnames, NULL, NULL, NULL },
    { "co_cellvars", code_cellvars, NULL, NULL, NULL },
    { "co_freevars", code_freevars, NULL, NULL, NULL },
    { "co_code", code_code, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* code.replace(*, co_argcount=..., ...): a copy with the given parts replaced. */
static PyObject *code_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = { "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                                "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names",
                                "co_varnames", "co_freevars", "co_cellvars", "co_filename", "co_name",
                                "co_qualname", "co_linetable", "co_exceptiontable", NULL };
    PyCodeObject *co = (PyCodeObject *)self;
    int ints[] = { co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
                   co->co_stacksize, co->co_flags, co->co_firstlineno };
    PyObject *code = NULL, *consts = co->co_consts, *names = co->co_names, *varnames = NULL, *freevars = NULL;
    PyObject *cellvars = NULL, *filename = co->co_filename, *name = co->co_name, *qualname = co->co_qualname;
    PyObject *linetable = co->co_linetable, *exceptiontable = co->co_exceptiontable;
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$iiiiiiiOOOOOOOOOOO:replace", keywords, &ints[0], &ints[1],
                                     &ints[2], &ints[3], &ints[4], &ints[5], &ints[6], &code, &consts, &names,
                                     &varnames, &freevars, &cellvars, &filename, &name, &qualname, &linetable,
                                     &exceptiontable)) {
        return NULL;
    }
    /* The object arguments' types, checked in order and named by keyword as CPython's
       Argument Clinic does (getargs would number them). */
    PyObject *objects[] = { code, consts, names, varnames, freevars, cellvars, filename, name, qualname, linetable,
                            exceptiontable };
    PyTypeObject *types[] = { &PyBytes_Type, &PyTuple_Type, &PyTuple_Type, &PyTuple_Type, &PyTuple_Type,
                              &PyTuple_Type, &PyUnicode_Type, &PyUnicode_Type, &PyUnicode_Type, &PyBytes_Type,
                              &PyBytes_Type };
    for (int i = 0; i < 11; i++) {
        if (objects[i] != NULL && !PyObject_TypeCheck(objects[i], types[i])) {
            PyErr_Format(PyExc_TypeError, "replace() argument '%s' must be %s, not %.50s", keywords[7 + i],
                         types[i] == &PyUnicode_Type ? "str" : types[i]->tp_name, Py_TYPE(objects[i])->tp_name);
            return NULL;
        }
    }
    for (int i = 0; i < 7; i++) {
        if (ints[i] < 0) {
            PyErr_Format(PyExc_ValueError, "%s must be a positive integer", keywords[i]);
            return NULL;
        }
    }
    PyObject *own_code = code == NULL ? code_code(self, NULL) : NULL;
    PyObject *own_varnames = varnames == NULL ? code_varnames(self, NULL) : NULL;
    PyObject *own_freevars = freevars == NULL ? code_freevars(self, NULL) : NULL;
    PyObject *own_cellvars = cellvars == NULL ? code_cellvars(self, NULL) : NULL;
    PyObject *result = NULL;
    if ((code != NULL || own_code != NULL) && (varnames != NULL || own_varnames != NULL) &&
        (freevars != NULL || own_freevars != NULL) && (cellvars != NULL || own_cellvars != NULL)) {
        result = (PyObject *)PyCode_NewWithPosOnlyArgs(
            ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], code ? code : own_code, consts, names,
            varnames ? varnames : own_varnames, freevars ? freevars : own_freevars,
            cellvars ? cellvars : own_cellvars, filename, name, qualname, ints[6], linetable, exceptiontable);
    }
    Py_XDECREF(own_code);
    Py_XDECREF(own_varnames);
    Py_XDECREF(own_freevars);
    Py_XDECREF(own_cellvars);
    return result;
}

static PyMethodDef code_methods[] = {
    { "replace", (PyCFunction)(void (*)(void))code_replace, METH_VARARGS | METH_KEYWORDS, NULL },
    { NULL, NULL, 0, NULL },
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
    .tp_methods = code_methods,
    .tp_getset = code_getsets,
};

/* Every instruction of an empty code object is on its first line; before the first
   instruction (a frame that has not started) is the first line too. */
int PyCode_Addr2Line(PyCodeObject *co, int addr)
{
    return addr < _PyCode_NBYTES(co) ? co->co_firstlineno : -1;
}
