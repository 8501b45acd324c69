/* Struct sequences (CPython's Objects/structseq.c semantics): a tuple subtype whose
   instances hold n_fields items, of which the first n_sequence_fields are the tuple's;
   every named field is also a read-only member. The counts live in the type's dict. */
#include "pycapi_runtime.h"
#include "structmember.h"

const char * const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t count_in_dict(PyTypeObject *type, const char *name)
{
    PyObject *n = PyObject_GetAttrString((PyObject *)type, name);
    Py_ssize_t count = n != NULL ? PyLong_AsSsize_t(n) : -1;
    Py_XDECREF(n);
    return count;
}

PyObject *PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t size = count_in_dict(type, "n_fields"), visible = count_in_dict(type, "n_sequence_fields");
    if (size < 0 || visible < 0) {
        return NULL;
    }
    PyTupleObject *obj = PyObject_GC_NewVar(PyTupleObject, type, size);
    if (obj == NULL) {
        return NULL;
    }
    Py_SET_SIZE(obj, visible); /* the hidden fields follow the items */
    for (Py_ssize_t i = 0; i < size; i++) {
        obj->ob_item[i] = NULL;
    }
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

void PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v) { PyStructSequence_SET_ITEM(op, i, v); }

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t i) { return PyStructSequence_GET_ITEM(op, i); }

static int structseq_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_ssize_t size = count_in_dict(Py_TYPE(op), "n_fields");
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    }
    if (Py_TYPE(op)->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_VISIT(Py_TYPE(op));
    }
    return 0;
}

static void structseq_dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_ssize_t size = count_in_dict(type, "n_fields");
    PyErr_Clear();
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    }
    PyObject_GC_Del(op);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(type);
    }
}

/* "module.Name(field=value, ...)" over the visible fields. */
static PyObject *structseq_repr(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(op) && type->tp_members[i].name != NULL; i++) {
        PyObject *part = PyUnicode_FromFormat("%s=%R", type->tp_members[i].name, PyTuple_GET_ITEM(op, i));
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *separator = PyUnicode_FromString(", ");
    PyObject *fields = separator != NULL ? PyUnicode_Join(separator, parts) : NULL;
    Py_XDECREF(separator);
    Py_DECREF(parts);
    PyObject *repr = fields != NULL ? PyUnicode_FromFormat("%s(%U)", type->tp_name, fields) : NULL;
    Py_XDECREF(fields);
    return repr;
}

/* The members of the named fields, at their items' offsets (NULL-terminated). */
static PyMemberDef *make_members(PyStructSequence_Desc *desc, Py_ssize_t *n_fields, Py_ssize_t *n_unnamed)
{
    Py_ssize_t count = 0, unnamed = 0;
    for (; desc->fields[count].name != NULL; count++) {
        unnamed += desc->fields[count].name == PyStructSequence_UnnamedField;
    }
    PyMemberDef *members = PyMem_Calloc((size_t)(count - unnamed + 1), sizeof(PyMemberDef));
    if (members == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0, k = 0; i < count; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        members[k++] = (PyMemberDef){ desc->fields[i].name, T_OBJECT,
                                      (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *)),
                                      READONLY, desc->fields[i].doc };
    }
    *n_fields = count;
    *n_unnamed = unnamed;
    return members;
}

/* The names of the visible named fields, as CPython's __match_args__. */
static PyObject *match_args(PyStructSequence_Desc *desc)
{
    PyObject *names = PyList_New(0);
    for (int i = 0; names != NULL && i < desc->n_in_sequence; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        PyObject *name = PyUnicode_FromString(desc->fields[i].name);
        if (name == NULL || PyList_Append(names, name) < 0) {
            Py_CLEAR(names);
        }
        Py_XDECREF(name);
    }
    PyObject *tuple = names != NULL ? PyList_AsTuple(names) : NULL;
    Py_XDECREF(names);
    return tuple;
}

/* n_sequence_fields, n_fields, n_unnamed_fields and __match_args__ in the type's dict. */
static int set_counts(PyTypeObject *type, PyObject *dict, PyStructSequence_Desc *desc, Py_ssize_t n_fields,
                      Py_ssize_t n_unnamed)
{
    PyObject *visible = match_args(desc);
    int status = visible == NULL ? -1 : dict != NULL ? PyDict_SetItemString(dict, "__match_args__", visible)
                                                     : PyObject_SetAttrString((PyObject *)type, "__match_args__", visible);
    Py_XDECREF(visible);
    if (status < 0) {
        return -1;
    }
    const char *names[] = { "n_sequence_fields", "n_fields", "n_unnamed_fields" };
    Py_ssize_t values[] = { desc->n_in_sequence, n_fields, n_unnamed };
    for (int i = 0; i < 3; i++) {
        PyObject *v = PyLong_FromSsize_t(values[i]);
        int status = v == NULL ? -1 : dict != NULL ? PyDict_SetItemString(dict, names[i], v)
                                                   : PyObject_SetAttrString((PyObject *)type, names[i], v);
        Py_XDECREF(v);
        if (status < 0) {
            return -1;
        }
    }
    return 0;
}

int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    Py_ssize_t n_fields, n_unnamed;
    PyMemberDef *members = make_members(desc, &n_fields, &n_unnamed);
    if (members == NULL) {
        return -1;
    }
    type->tp_name = desc->name;
    type->tp_basicsize = (Py_ssize_t)offsetof(PyTupleObject, ob_item);
    type->tp_itemsize = sizeof(PyObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_doc = desc->doc;
    type->tp_base = &PyTuple_Type;
    type->tp_members = members;
    type->tp_traverse = structseq_traverse;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
    if (PyType_Ready(type) < 0) {
        PyMem_Free(members);
        return -1;
    }
    return set_counts(type, type->tp_dict, desc, n_fields, n_unnamed);
}

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    Py_ssize_t n_fields, n_unnamed;
    PyMemberDef *members = make_members(desc, &n_fields, &n_unnamed);
    if (members == NULL) {
        return NULL;
    }
    PyType_Slot slots[] = {
        { Py_tp_dealloc, structseq_dealloc }, { Py_tp_repr, structseq_repr },
        { Py_tp_traverse, structseq_traverse }, { Py_tp_members, members },
        { Py_tp_doc, (void *)desc->doc }, { 0, NULL },
    };
    PyType_Spec spec = { desc->name, (int)offsetof(PyTupleObject, ob_item), (int)sizeof(PyObject *),
                         Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, slots };
    PyObject *bases = PyTuple_Pack(1, (PyObject *)&PyTuple_Type);
    PyObject *type = bases != NULL ? PyType_FromSpecWithBases(&spec, bases) : NULL;
    Py_XDECREF(bases);
    if (type == NULL || set_counts((PyTypeObject *)type, NULL, desc, n_fields, n_unnamed) < 0) {
        Py_XDECREF(type);
        return NULL; /* the members stay: a failed type may still refer to them */
    }
    return (PyTypeObject *)type;
}

PyObject *pycapi_structseq_build(PyTypeObject *type, PyStructSequence_Desc *desc, PyObject **values, Py_ssize_t n)
{
    int ok = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        ok &= values[i] != NULL;
    }
    if (ok && !(type->tp_flags & Py_TPFLAGS_READY) && PyStructSequence_InitType2(type, desc) < 0) {
        ok = 0;
    }
    PyObject *result = ok ? PyStructSequence_New(type) : NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (result != NULL) {
            PyStructSequence_SET_ITEM(result, i, values[i]);
        } else {
            Py_XDECREF(values[i]);
        }
    }
    return result;
}
