/* The sequence, mapping and iteration slots of our built-in containers and iterators.
   Their semantics live in the managed object space behind the abstract API; these tables
   only route C that calls through the type (PySequence_ITEM, Py_TYPE(o)->tp_iternext, as
   Cython-generated code does) to the same API functions, so that it cannot jump to NULL. */
#include "pycapi_runtime.h"

/* sq_item and sq_ass_item take the index as given: a negative one is out of range. The
   API functions count a negative index from the end once, so it is moved a length lower. */
static Py_ssize_t as_given(PyObject *o, Py_ssize_t i) {
    if (i >= 0) {
        return i;
    }
    Py_ssize_t n = PyObject_Size(o);
    return n < 0 ? i : i - n;
}

static PyObject *container_item(PyObject *o, Py_ssize_t i) {
    return PySequence_GetItem(o, as_given(o, i));
}

static int list_ass_item(PyObject *o, Py_ssize_t i, PyObject *v) {
    i = as_given(o, i);
    return v == NULL ? PySequence_DelItem(o, i) : PySequence_SetItem(o, i, v);
}

static int container_ass_subscript(PyObject *o, PyObject *key, PyObject *v) {
    return v == NULL ? PyObject_DelItem(o, key) : PyObject_SetItem(o, key, v);
}

PYCAPI_HIDDEN PySequenceMethods pycapi_tuple_as_sequence = {
    .sq_length = PyObject_Size,
    .sq_concat = PySequence_Concat,
    .sq_repeat = PySequence_Repeat,
    .sq_item = container_item,
    .sq_contains = PySequence_Contains,
};

PYCAPI_HIDDEN PySequenceMethods pycapi_list_as_sequence = {
    .sq_length = PyObject_Size,
    .sq_concat = PySequence_Concat,
    .sq_repeat = PySequence_Repeat,
    .sq_item = container_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = PySequence_Contains,
};

/* range's sq_item counts a negative index from the end, as PySequence_GetItem does. */
PYCAPI_HIDDEN PySequenceMethods pycapi_range_as_sequence = {
    .sq_length = PyObject_Size,
    .sq_item = PySequence_GetItem,
    .sq_contains = PySequence_Contains,
};

/* dict and its views: length and membership only. */
PYCAPI_HIDDEN PySequenceMethods pycapi_dict_as_sequence = {
    .sq_length = NULL,
    .sq_contains = PySequence_Contains,
};

PYCAPI_HIDDEN PySequenceMethods pycapi_view_as_sequence = {
    .sq_length = PyObject_Size,
    .sq_contains = PySequence_Contains,
};

PYCAPI_HIDDEN PyMappingMethods pycapi_readonly_as_mapping = {
    .mp_length = PyObject_Size,
    .mp_subscript = PyObject_GetItem,
};

PYCAPI_HIDDEN PyMappingMethods pycapi_mutable_as_mapping = {
    .mp_length = PyObject_Size,
    .mp_subscript = PyObject_GetItem,
    .mp_ass_subscript = container_ass_subscript,
};
