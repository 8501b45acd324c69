/* PyMember_GetOne / PyMember_SetOne: a PyMemberDef's field read from and written to the
   native instance memory. Messages, warnings and conversions are CPython 3.11's
   (Python/structmember.c). */
#include "Python.h"
#include "structmember.h"
#include <limits.h>

PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *member)
{
    const char *addr = obj_addr + member->offset;
    PyObject *v;
    switch (member->type) {
    case T_BOOL:
        return PyBool_FromLong(*(const char *)addr);
    case T_BYTE:
        return PyLong_FromLong(*(const char *)addr);
    case T_UBYTE:
        return PyLong_FromUnsignedLong(*(const unsigned char *)addr);
    case T_SHORT:
        return PyLong_FromLong(*(const short *)addr);
    case T_USHORT:
        return PyLong_FromUnsignedLong(*(const unsigned short *)addr);
    case T_INT:
        return PyLong_FromLong(*(const int *)addr);
    case T_UINT:
        return PyLong_FromUnsignedLong(*(const unsigned int *)addr);
    case T_LONG:
        return PyLong_FromLong(*(const long *)addr);
    case T_ULONG:
        return PyLong_FromUnsignedLong(*(const unsigned long *)addr);
    case T_PYSSIZET:
        return PyLong_FromSsize_t(*(const Py_ssize_t *)addr);
    case T_LONGLONG:
        return PyLong_FromLongLong(*(const long long *)addr);
    case T_ULONGLONG:
        return PyLong_FromUnsignedLongLong(*(const unsigned long long *)addr);
    case T_FLOAT:
        return PyFloat_FromDouble(*(const float *)addr);
    case T_DOUBLE:
        return PyFloat_FromDouble(*(const double *)addr);
    case T_STRING:
        if (*(char *const *)addr == NULL) {
            Py_RETURN_NONE;
        }
        return PyUnicode_FromString(*(char *const *)addr);
    case T_STRING_INPLACE:
        return PyUnicode_FromString(addr);
    case T_CHAR:
        return PyUnicode_FromStringAndSize(addr, 1);
    case T_OBJECT:
        v = *(PyObject *const *)addr;
        if (v == NULL) {
            v = Py_None;
        }
        Py_INCREF(v);
        return v;
    case T_OBJECT_EX:
        v = *(PyObject *const *)addr;
        if (v == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE((PyObject *)obj_addr)->tp_name, member->name);
            return NULL;
        }
        Py_INCREF(v);
        return v;
    case T_NONE:
        Py_RETURN_NONE;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

/* A stored value that did not fit its field is kept truncated, with a RuntimeWarning. */
#define WARN(message)                                                  \
    do {                                                               \
        if (PyErr_WarnEx(PyExc_RuntimeWarning, message, 1) < 0) {      \
            return -1;                                                 \
        }                                                              \
    } while (0)

/* An unsigned long field: a negative value is taken as a C long, with a warning. */
static int as_unsigned_long(PyObject *value, unsigned long *out, int *negative)
{
    *negative = 0;
    *out = PyLong_AsUnsignedLong(value);
    if (*out == (unsigned long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        long l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *out = (unsigned long)l;
        *negative = 1;
    }
    return 0;
}

int PyMember_SetOne(char *obj_addr, PyMemberDef *member, PyObject *value)
{
    char *addr = obj_addr + member->offset;
    if (member->flags & READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (value == NULL) {
        if (member->type == T_OBJECT_EX) {
            if (*(PyObject **)addr == NULL) {
                PyErr_SetString(PyExc_AttributeError, member->name);
                return -1;
            }
        }
        else if (member->type != T_OBJECT) {
            PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
    }
    long l;
    unsigned long ul;
    int negative;
    switch (member->type) {
    case T_BOOL:
        if (!PyBool_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == Py_True;
        return 0;
    case T_BYTE:
        l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(char *)addr = (char)l;
        if (l > CHAR_MAX || l < CHAR_MIN) {
            WARN("Truncation of value to char");
        }
        return 0;
    case T_UBYTE:
        l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(unsigned char *)addr = (unsigned char)l;
        if (l > UCHAR_MAX || l < 0) {
            WARN("Truncation of value to unsigned char");
        }
        return 0;
    case T_SHORT:
        l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(short *)addr = (short)l;
        if (l > SHRT_MAX || l < SHRT_MIN) {
            WARN("Truncation of value to short");
        }
        return 0;
    case T_USHORT:
        l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(unsigned short *)addr = (unsigned short)l;
        if (l > USHRT_MAX || l < 0) {
            WARN("Truncation of value to unsigned short");
        }
        return 0;
    case T_INT:
        l = PyLong_AsLong(value);
        if (l == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(int *)addr = (int)l;
        if (l > INT_MAX || l < INT_MIN) {
            WARN("Truncation of value to int");
        }
        return 0;
    case T_UINT:
        if (as_unsigned_long(value, &ul, &negative) < 0) {
            return -1;
        }
        *(unsigned int *)addr = (unsigned int)ul;
        if (negative) {
            WARN("Writing negative value into unsigned field");
        }
        if (ul > UINT_MAX) {
            WARN("Truncation of value to unsigned int");
        }
        return 0;
    /* CPython stores these fields' conversion result before checking it: a failed
       assignment leaves -1 there. */
    case T_LONG:
        *(long *)addr = PyLong_AsLong(value);
        return *(long *)addr == -1 && PyErr_Occurred() ? -1 : 0;
    case T_ULONG:
        if (as_unsigned_long(value, &ul, &negative) < 0) {
            *(unsigned long *)addr = (unsigned long)-1;
            return -1;
        }
        *(unsigned long *)addr = ul;
        if (negative) {
            WARN("Writing negative value into unsigned field");
        }
        return 0;
    case T_PYSSIZET:
        *(Py_ssize_t *)addr = PyLong_AsSsize_t(value);
        return *(Py_ssize_t *)addr == -1 && PyErr_Occurred() ? -1 : 0;
    case T_FLOAT: {
        double d = PyFloat_AsDouble(value);
        if (d == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(float *)addr = (float)d;
        return 0;
    }
    case T_DOUBLE:
        *(double *)addr = PyFloat_AsDouble(value);
        return *(double *)addr == -1 && PyErr_Occurred() ? -1 : 0;
    case T_OBJECT:
    case T_OBJECT_EX: {
        PyObject *old = *(PyObject **)addr;
        Py_XINCREF(value);
        *(PyObject **)addr = value;
        Py_XDECREF(old);
        return 0;
    }
    case T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_Check(value) ? PyUnicode_AsUTF8AndSize(value, &len) : NULL;
        if (s == NULL || len != 1) {
            PyErr_BadArgument();
            return -1;
        }
        *addr = s[0];
        return 0;
    }
    case T_STRING:
    case T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    case T_LONGLONG:
        *(long long *)addr = PyLong_AsLongLong(value);
        return *(long long *)addr == -1 && PyErr_Occurred() ? -1 : 0;
    case T_ULONGLONG:
        /* Not an int: converted as a C long (through __index__). */
        *(unsigned long long *)addr = PyLong_Check(value) ? PyLong_AsUnsignedLongLong(value)
                                                          : (unsigned long long)PyLong_AsLong(value);
        return *(unsigned long long *)addr == (unsigned long long)-1 && PyErr_Occurred() ? -1 : 0;
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", member->name);
        return -1;
    }
}
