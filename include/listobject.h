/* list: ob_item and allocated are the storage both worlds share. */
#ifndef Py_LISTOBJECT_H
#define Py_LISTOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif
typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;
PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;
#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)
#define _PyList_CAST(op) ((PyListObject *)(op))
static inline Py_ssize_t PyList_GET_SIZE(PyObject *op) { return Py_SIZE(_PyList_CAST(op)); }
#define PyList_GET_SIZE(op) PyList_GET_SIZE(_PyObject_CAST(op))
#define PyList_GET_ITEM(op, index) (_PyList_CAST(op)->ob_item[(index)])
static inline void PyList_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value) {
    _PyList_CAST(op)->ob_item[index] = value;
}
#define PyList_SET_ITEM(op, index, value) PyList_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))
PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *list);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *list, Py_ssize_t index);
PyAPI_FUNC(int) PyList_SetItem(PyObject *list, Py_ssize_t index, PyObject *item);
PyAPI_FUNC(int) PyList_Insert(PyObject *list, Py_ssize_t index, PyObject *item);
PyAPI_FUNC(int) PyList_Append(PyObject *list, PyObject *item);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *list, Py_ssize_t low, Py_ssize_t high);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *list, Py_ssize_t low, Py_ssize_t high, PyObject *itemlist);
PyAPI_FUNC(int) PyList_Sort(PyObject *list);
PyAPI_FUNC(int) PyList_Reverse(PyObject *list);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *list);
/* list.extend(iterable); returns None. */
PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *self, PyObject *iterable);
#ifdef __cplusplus
}
#endif
#endif
