/* libpycapi's own introspection, for tests and tools (CPython has no such functions:
   guard their use with #ifdef LIBPYCAPI). */
#ifndef Py_PYCAPI_H
#define Py_PYCAPI_H
#ifdef __cplusplus
extern "C" {
#endif
/* The number of linked pairs (objects with both a native half and a managed twin) alive. */
PyAPI_FUNC(Py_ssize_t) _PyCApi_LivePairCount(void);
/* The tp_descr_get / tp_descr_set of the built-in descriptor types (property,
   classmethod, member_descriptor, ...): their managed __get__ / __set__ / __delete__. */
PyAPI_FUNC(PyObject *) _PyCApi_DescrGet(PyObject *descr, PyObject *obj, PyObject *type);
PyAPI_FUNC(int) _PyCApi_DescrSet(PyObject *descr, PyObject *obj, PyObject *value);
#ifdef __cplusplus
}
#endif
#endif
