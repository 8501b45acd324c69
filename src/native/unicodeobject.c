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
