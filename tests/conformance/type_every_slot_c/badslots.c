/* badslots: a C type whose slots misbehave, for the error paths of the type_every_slot_*
   programs: results NULL without an exception, results of the wrong type, a negative
   length, a hash of -1 without an exception, and a binary slot that answers for any
   operand (so that another type's NotImplemented falls back to it). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *null_unary(PyObject *self) { return NULL; }
static PyObject *null_binary(PyObject *a, PyObject *b) { return NULL; }
static PyObject *null_call(PyObject *self, PyObject *args, PyObject *kwds) { return NULL; }
static PyObject *null_compare(PyObject *a, PyObject *b, int op) { return NULL; }
static PyObject *a_float(PyObject *self) { return PyFloat_FromDouble(1.5); }
static PyObject *an_int(PyObject *self) { return PyLong_FromLong(7); }
static Py_ssize_t negative_length(PyObject *self) { return -5; }
static Py_hash_t minus_one(PyObject *self) { return -1; }
static PyObject *bad_repr(PyObject *self) { return PyUnicode_FromString("Bad()"); }

/* Answers for any operand pair, on either side: "Bad.nb_multiply". */
static PyObject *any_multiply(PyObject *a, PyObject *b) { return PyUnicode_FromString("Bad.nb_multiply"); }

static PyNumberMethods bad_as_number = {
    .nb_add = null_binary,
    .nb_multiply = any_multiply,
    .nb_negative = null_unary,
    .nb_int = a_float,
    .nb_float = an_int,
    .nb_index = a_float,
};

static PySequenceMethods bad_as_sequence = {.sq_length = negative_length};
static PyMappingMethods bad_as_mapping = {.mp_subscript = null_binary};

static PyTypeObject BadType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "badslots.Bad",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = bad_repr,
    .tp_str = an_int,
    .tp_hash = minus_one,
    .tp_call = null_call,
    .tp_iter = an_int,
    .tp_richcompare = null_compare,
    .tp_as_number = &bad_as_number,
    .tp_as_sequence = &bad_as_sequence,
    .tp_as_mapping = &bad_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* An iterator whose tp_iternext fails with ValueError after one item. */
typedef struct {
    PyObject_HEAD
    int done;
} FailIterObject;

static PyObject *failiter_next(PyObject *self)
{
    FailIterObject *it = (FailIterObject *)self;
    if (it->done++) {
        PyErr_SetString(PyExc_ValueError, "iteration failed");
        return NULL;
    }
    return PyLong_FromLong(1);
}

static PyTypeObject FailIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "badslots.FailIter",
    .tp_basicsize = sizeof(FailIterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = failiter_next,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef badslots_module = {PyModuleDef_HEAD_INIT, "badslots", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_badslots(void)
{
    if (PyType_Ready(&BadType) < 0 || PyType_Ready(&FailIterType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&badslots_module);
    if (m != NULL && (PyModule_AddObjectRef(m, "Bad", (PyObject *)&BadType) < 0
                      || PyModule_AddObjectRef(m, "FailIter", (PyObject *)&FailIterType) < 0)) {
        Py_CLEAR(m);
    }
    return m;
}
