/* bytearray: a mutable byte string whose native buffer (ob_start, inside ob_bytes) is the
   storage both worlds read and write. */
#ifndef Py_BYTEARRAYOBJECT_H
#define Py_BYTEARRAYOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;   /* bytes allocated at ob_bytes */
    char *ob_bytes;        /* the allocation */
    char *ob_start;        /* the first byte in use, inside ob_bytes */
    Py_ssize_t ob_exports; /* buffers exported (the array cannot be resized while > 0) */
} PyByteArrayObject;

PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
PyAPI_DATA(char) _PyByteArray_empty_string[];

#define PyByteArray_Check(self) PyObject_TypeCheck((self), &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE((self), &PyByteArray_Type)

static inline char *PyByteArray_AS_STRING(PyObject *op) {
    return Py_SIZE(op) ? ((PyByteArrayObject *)op)->ob_start : _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(self) PyByteArray_AS_STRING(_PyObject_CAST(self))

static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *op) { return Py_SIZE(op); }
#define PyByteArray_GET_SIZE(self) PyByteArray_GET_SIZE(_PyObject_CAST(self))

PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *o);
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *s, Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *self);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *self);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *self, Py_ssize_t size);

#ifdef __cplusplus
}
#endif
#endif
