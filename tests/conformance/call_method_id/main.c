/* _Py_IDENTIFIER, _PyUnicode_FromId (one interned str per identifier) and
   _PyObject_CallMethodId in both its forms (with and without PY_SSIZE_T_CLEAN), with the
   errors of the lookup and of a non-callable attribute. */
#include "conformance.h"

_Py_IDENTIFIER(append);
_Py_IDENTIFIER(nosuch);
_Py_IDENTIFIER(real);
_Py_static_string(PyId_join, "join");

int main(void)
{
    conf_init();
    PyObject *first = _PyUnicode_FromId(&PyId_append);
    show("_PyUnicode_FromId(append)", first);
    printf("same str on the next call: %d\n", _PyUnicode_FromId(&PyId_append) == first);
    PyObject *interned = PyUnicode_InternFromString("append");
    printf("the interned str: %d\n", interned == first);
    Py_DECREF(interned);
    show("_PyUnicode_FromId(join)", _PyUnicode_FromId(&PyId_join));

    PyObject *list = PyList_New(0);
    show_new("list.append(5) (size_t form)", _PyObject_CallMethodId(list, &PyId_append, "i", 5));
    show_new("list.append('ab') (size_t form, s#)", _PyObject_CallMethodId(list, &PyId_append, "s#", "abc", (Py_ssize_t)2));
#undef _PyObject_CallMethodId
    show_new("list.append((1, 2)) (int form)", _PyObject_CallMethodId(list, &PyId_append, "(ii)", 1, 2));
    show_new("list.append() no format", _PyObject_CallMethodId(list, &PyId_append, NULL));
    show("list", list);
    show_new("', '.join(['x', 'y'])",
             _PyObject_CallMethodId_SizeT(PyUnicode_FromString(", "), &PyId_join, "([ss])", "x", "y"));
    show_new("list.nosuch()", _PyObject_CallMethodId(list, &PyId_nosuch, NULL));
    PyObject *three = PyLong_FromLong(3);
    show_new("(3).real()", _PyObject_CallMethodId(three, &PyId_real, NULL));
    Py_DECREF(three);
    show_new("NULL object", _PyObject_CallMethodId(NULL, &PyId_append, NULL));
    Py_DECREF(list);
    return conf_end();
}
