/* libpycapi's own introspection, for tests and tools (CPython has no such functions:
   guard their use with #ifdef LIBPYCAPI). */
#ifndef Py_PYCAPI_H
#define Py_PYCAPI_H
#ifdef __cplusplus
extern "C" {
#endif
/* The number of linked pairs (objects with both a native half and a managed twin) alive. */
PyAPI_FUNC(Py_ssize_t) _PyCApi_LivePairCount(void);
#ifdef __cplusplus
}
#endif
#endif
