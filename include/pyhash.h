/* The hash functions extensions call to hash as the built-in types do. */
#ifndef Py_HASH_H
#define Py_HASH_H
#ifdef __cplusplus
extern "C" {
#endif

/* float's hash of v; a NaN hashes by the identity of inst. */
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
/* object's default hash: the address rotated by 4 bits. */
PyAPI_FUNC(Py_hash_t) _Py_HashPointer(const void *p);

#ifdef __cplusplus
}
#endif
#endif
