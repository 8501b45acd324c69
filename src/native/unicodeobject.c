/* str memory: a compact object whose UTF-8 copy, when not the data itself, is a
   separate block freed with it. The semantics live in UnicodeObject.cs. */
#include "pycapi_runtime.h"

void pycapi_unicode_dealloc(PyObject *op) {
    if (!PyUnicode_IS_COMPACT_ASCII(op)) {
        PyCompactUnicodeObject *u = (PyCompactUnicodeObject *)op;
        if (u->utf8 != NULL && u->utf8 != (char *)PyUnicode_DATA(op)) {
            PyMem_Free(u->utf8);
        }
    }
    pycapi_free(op);
}

/* PyObject_Print: repr() (or str() with Py_PRINT_RAW) written to a C stream as UTF-8,
   lone surrogates backslash-escaped, as CPython writes it. Here because it is C stdio. */
int PyObject_Print(PyObject *op, FILE *fp, int flags) {
    int status = 0;
    clearerr(fp);
    if (op == NULL) {
        fputs("<nil>", fp);
    } else if (Py_REFCNT(op) <= 0) {
        fprintf(fp, "<refcnt %zd at %p>", Py_REFCNT(op), (void *)op);
    } else {
        PyObject *text = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
        PyObject *utf8 = text == NULL ? NULL : PyUnicode_AsEncodedString(text, "utf-8", "backslashreplace");
        if (utf8 == NULL) {
            status = -1;
        } else {
            fwrite(PyBytes_AS_STRING(utf8), 1, (size_t)PyBytes_GET_SIZE(utf8), fp);
        }
        Py_XDECREF(utf8);
        Py_XDECREF(text);
    }
    if (status == 0 && ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        status = -1;
    }
    return status;
}
