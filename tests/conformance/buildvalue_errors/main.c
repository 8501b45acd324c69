/* Py_BuildValue and PyObject_CallFunction with malformed formats or NULL objects:
   SystemError, not a crash. */
#include "conformance.h"

int main(void)
{
    conf_init();

    show_new("'O' with NULL", Py_BuildValue("O", (PyObject *)NULL));
    show_new("'(iO)' with NULL", Py_BuildValue("(iO)", 1, (PyObject *)NULL));
    show_new("'[O]' with NULL", Py_BuildValue("[O]", (PyObject *)NULL));
    show_new("'{s:O}' with NULL", Py_BuildValue("{s:O}", "k", (PyObject *)NULL));
    show_new("'N' with NULL", Py_BuildValue("N", (PyObject *)NULL));
    show_new("unknown unit 'w'", Py_BuildValue("w", 1));
    show_new("unknown unit 'p' (not a BuildValue unit in 3.11)", Py_BuildValue("p", 1));
    show_new("unknown unit inside a tuple '(iw)'", Py_BuildValue("(iw)", 1, 2));
    show_new("unbalanced '(ii'", Py_BuildValue("(ii", 1, 2));
    show_new("unbalanced '[i'", Py_BuildValue("[i", 1));
    show_new("unbalanced '{s:i'", Py_BuildValue("{s:i", "k", 1));
    show_new("mismatched '(i]'", Py_BuildValue("(i]", 1));
    show_new("dict with odd items '{s}'", Py_BuildValue("{s}", "k"));
    show_new("unhashable key '{O:i}'", Py_BuildValue("{O:i}", PyList_New(0), 1));
    show_new("invalid UTF-8 's'", Py_BuildValue("s", "\xff"));
    show_new("truncated UTF-8 's#'", Py_BuildValue("s#", "ab\xe2\x82", (Py_ssize_t)4));
    show_new("surrogate in UTF-8 '(is)'", Py_BuildValue("(is)", 1, "\xed\xa0\x80"));
    show_new("'C' out of range", Py_BuildValue("C", 0x110000));

    /* 'N' with NULL inside a tuple releases the other 'N' references it was given. */
    PyObject *x = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(x);
    Py_INCREF(x);
    show_new("'(NO)' with NULL second", Py_BuildValue("(NO)", x, (PyObject *)NULL));
    printf("refcount delta of the 'N' object after the failure: %zd\n", Py_REFCNT(x) - before);
    Py_DECREF(x);

    PyObject *len = PyObject_GetAttrString(PyImport_ImportModule("builtins"), "len");
    show_new("CallFunction with bad format", PyObject_CallFunction(len, "(i", 1));
    show_new("CallFunction with NULL 'O'", PyObject_CallFunction(len, "O", (PyObject *)NULL));
    show_new("CallMethod with bad format", PyObject_CallMethod(PyList_New(0), "append", "w", 1));
    show_new("CallFunction(NULL callable)", PyObject_CallFunction(NULL, "i", 1));
    show_new("CallFunctionObjArgs(NULL callable)", PyObject_CallFunctionObjArgs(NULL, Py_None, NULL));
    Py_DECREF(len);

    return conf_end();
}
