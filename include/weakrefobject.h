/* Weak references: the weakref.ReferenceType, ProxyType and CallableProxyType objects. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _PyWeakReference PyWeakReference;

/* The layout shared by the three weak reference types (CPython 3.11's). */
struct _PyWeakReference {
    PyObject_HEAD
    /* The referent, not counted in its refcount; Py_None once the referent has died. */
    PyObject *wr_object;
    /* Called with the weak reference when the referent dies; NULL for none. */
    PyObject *wr_callback;
    /* The referent's hash once computed, else -1. */
    Py_hash_t hash;
    /* CPython chains a referent's weak references here. libpycapi keeps that list on the
       managed side, so both stay NULL. */
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);

/* The referent (borrowed), or Py_None once it has died. As in CPython, a referent whose
   refcount is zero reads as dead here; PyWeakref_GetObject asks the object space instead
   (in libpycapi an object held only by managed code is alive at refcount zero). */
static inline PyObject *PyWeakref_GET_OBJECT(PyObject *ref_obj) {
    PyObject *referent = ((PyWeakReference *)ref_obj)->wr_object;
    return Py_REFCNT(referent) > 0 ? referent : Py_None;
}
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GET_OBJECT(_PyObject_CAST(ref))

#ifdef __cplusplus
}
#endif
#endif /* !Py_WEAKREFOBJECT_H */
