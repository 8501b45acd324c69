/* Struct sequences: tuples whose items are also named attributes (time.struct_time,
   os.stat_result), with hidden fields past the visible sequence. */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name; /* "module.Name" */
    const char *doc;
    PyStructSequence_Field *fields; /* ends with a NULL name */
    int n_in_sequence;              /* how many are items; the others are attributes only */
} PyStructSequence_Desc;

/* A field with this name has no attribute. */
PyAPI_DATA(const char * const) PyStructSequence_UnnamedField;

PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc);
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);
/* An instance with every field NULL, to be filled with PyStructSequence_SetItem. */
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);

typedef PyTupleObject PyStructSequence;
#define PyStructSequence_SET_ITEM(op, i, v) PyTuple_SET_ITEM((op), (i), (v))
#define PyStructSequence_GET_ITEM(op, i) PyTuple_GET_ITEM((op), (i))
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v);
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *op, Py_ssize_t i);

#ifdef __cplusplus
}
#endif
#endif
