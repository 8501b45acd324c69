/* Generators, coroutines and asynchronous generators. They are made by Python code, which
   does not run here: the types exist for the checks extensions make, and for the
   StopIteration value protocol. */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

/* Raises StopIteration carrying value as what a generator returned (a tuple or an
   exception is wrapped, so that it is not taken for the arguments or the exception). */
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *value);

#ifdef __cplusplus
}
#endif
#endif
