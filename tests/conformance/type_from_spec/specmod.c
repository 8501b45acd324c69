/* An extension module whose types are heap types made from PyType_Specs: Vec (with its
   module, PyType_FromModuleAndSpec), SubVec (PyType_FromSpecWithBases, inheriting most
   slots) and Plain (PyType_FromSpec, no module). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long bumps;
} specmod_state;

typedef struct {
    PyObject_HEAD
    long x, y;
} VecObject;

static struct PyModuleDef specmod_def;

static PyObject *make_vec(PyTypeObject *type, long x, long y)
{
    VecObject *v = (VecObject *)type->tp_alloc(type, 0);
    if (v != NULL) {
        v->x = x;
        v->y = y;
    }
    return (PyObject *)v;
}

static PyObject *vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long x = 0, y = 0;
    static char *kwlist[] = {"x", "y", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ll", kwlist, &x, &y)) {
        return NULL;
    }
    return make_vec(type, x, y);
}

/* A heap type's instances hold a reference to it, released here. */
static void vec_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *vec_repr(PyObject *self)
{
    VecObject *v = (VecObject *)self;
    return PyUnicode_FromFormat("Vec(%ld, %ld)", v->x, v->y);
}

static PyObject *subvec_repr(PyObject *self)
{
    VecObject *v = (VecObject *)self;
    return PyUnicode_FromFormat("SubVec<%ld, %ld>", v->x, v->y);
}

static Py_hash_t vec_hash(PyObject *self)
{
    VecObject *v = (VecObject *)self;
    return v->x * 1000 + v->y;
}

static int is_vec(PyObject *o)
{
    PyObject *m = PyType_GetModuleByDef(Py_TYPE(o), &specmod_def);
    if (m == NULL) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

static PyObject *vec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!is_vec(a) || !is_vec(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    VecObject *va = (VecObject *)a, *vb = (VecObject *)b;
    int eq = va->x == vb->x && va->y == vb->y;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *vec_add(PyObject *a, PyObject *b)
{
    if (!is_vec(a) || !is_vec(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    VecObject *va = (VecObject *)a, *vb = (VecObject *)b;
    return make_vec(Py_TYPE(a), va->x + vb->x, va->y + vb->y);
}

static PyObject *vec_negative(PyObject *a)
{
    VecObject *v = (VecObject *)a;
    return make_vec(Py_TYPE(a), -v->x, -v->y);
}

static int vec_bool(PyObject *a)
{
    VecObject *v = (VecObject *)a;
    return v->x != 0 || v->y != 0;
}

static Py_ssize_t vec_length(PyObject *self)
{
    (void)self;
    return 2;
}

static PyObject *vec_item(PyObject *self, Py_ssize_t i)
{
    VecObject *v = (VecObject *)self;
    if (i < 0 || i > 1) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return NULL;
    }
    return PyLong_FromLong(i == 0 ? v->x : v->y);
}

/* METH_METHOD: the defining class leads to the module and its state. */
static PyObject *vec_bump(PyObject *self, PyTypeObject *defining_class, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    (void)self;
    (void)args;
    if (nargs != 0 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "bump() takes no arguments");
        return NULL;
    }
    specmod_state *st = (specmod_state *)PyType_GetModuleState(defining_class);
    if (st == NULL) {
        return NULL;
    }
    st->bumps++;
    return Py_BuildValue("(sl)", ((PyTypeObject *)defining_class)->tp_name, st->bumps);
}

static PyObject *vec_norm1(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    VecObject *v = (VecObject *)self;
    return PyLong_FromLong(labs(v->x) + labs(v->y));
}

static PyMethodDef vec_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))vec_bump, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"norm1", vec_norm1, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot vec_slots[] = {
    {Py_tp_doc, "A vector of two ints."},
    {Py_tp_new, vec_new},
    {Py_tp_dealloc, vec_dealloc},
    {Py_tp_repr, vec_repr},
    {Py_tp_hash, vec_hash},
    {Py_tp_richcompare, vec_richcompare},
    {Py_tp_methods, vec_methods},
    {Py_nb_add, vec_add},
    {Py_nb_negative, vec_negative},
    {Py_nb_bool, vec_bool},
    {Py_sq_length, vec_length},
    {Py_sq_item, vec_item},
    {0, NULL},
};

static PyType_Spec vec_spec = {"specmod.Vec", sizeof(VecObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, vec_slots};

static PyType_Slot subvec_slots[] = {
    {Py_tp_doc, "SubVec(x=0, y=0)\n--\n\nA vector, shown differently."},
    {Py_tp_repr, subvec_repr},
    {0, NULL},
};

static PyType_Spec subvec_spec = {"specmod.SubVec", 0, 0, Py_TPFLAGS_DEFAULT, subvec_slots};

static PyType_Slot plain_slots[] = {
    {Py_tp_doc, "Plain(\n\n)\n--\n\nkept whole: a blank line before the marker"},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec plain_spec = {"specmod.Plain", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, plain_slots};

/* A static base type: its heap subtype inherits its slots and gets subtype_dealloc, which
   releases the instance's reference to the heap type after the static dealloc. */
static PyObject *static_repr(PyObject *self)
{
    VecObject *v = (VecObject *)self;
    return PyUnicode_FromFormat("%s[%ld, %ld]", Py_TYPE(self)->tp_name, v->x, v->y);
}

static void static_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject StaticBase = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "specmod.StaticBase",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_dealloc = static_dealloc,
    .tp_repr = static_repr,
    .tp_new = vec_new,
};

static PyType_Slot fromstatic_slots[] = {
    {Py_nb_negative, vec_negative},
    {0, NULL},
};

static PyType_Spec fromstatic_spec = {"specmod.FromStatic", 0, 0, Py_TPFLAGS_DEFAULT, fromstatic_slots};

static PyObject *specmod_def_is(PyObject *self, PyObject *type)
{
    PyObject *m = PyType_GetModuleByDef((PyTypeObject *)type, &specmod_def);
    if (m == NULL) {
        return NULL;
    }
    return PyBool_FromLong(m == self);
}

static PyObject *slot_is(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *type;
    int slot;
    const char *which;
    if (!PyArg_ParseTuple(args, "Ois", &type, &slot, &which)) {
        return NULL;
    }
    void *expected = NULL;
    if (strcmp(which, "vec_add") == 0) {
        expected = (void *)vec_add;
    } else if (strcmp(which, "vec_repr") == 0) {
        expected = (void *)vec_repr;
    } else if (strcmp(which, "subvec_repr") == 0) {
        expected = (void *)subvec_repr;
    } else if (strcmp(which, "vec_item") == 0) {
        expected = (void *)vec_item;
    } else if (strcmp(which, "vec_new") == 0) {
        expected = (void *)vec_new;
    } else if (strcmp(which, "vec_dealloc") == 0) {
        expected = (void *)vec_dealloc;
    } else if (strcmp(which, "vec_hash") == 0) {
        expected = (void *)vec_hash;
    } else if (strcmp(which, "static_repr") == 0) {
        expected = (void *)static_repr;
    } else if (strcmp(which, "static_dealloc") == 0) {
        expected = (void *)static_dealloc;
    } else if (strcmp(which, "PyType_GenericNew") == 0) {
        expected = (void *)PyType_GenericNew;
    }
    void *got = PyType_GetSlot((PyTypeObject *)type, slot);
    if (got == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return got == NULL ? PyUnicode_FromString("NULL") : PyBool_FromLong(got == expected);
}

static PyMethodDef specmod_methods[] = {
    {"def_is", specmod_def_is, METH_O, NULL},
    {"slot_is", slot_is, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef specmod_def = {
    PyModuleDef_HEAD_INIT, "specmod", NULL, sizeof(specmod_state), specmod_methods, NULL, NULL, NULL, NULL,
};

static int add_type(PyObject *m, const char *name, PyObject *type)
{
    if (type == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(m, name, type);
    Py_DECREF(type);
    return rc;
}

PyMODINIT_FUNC PyInit_specmod(void)
{
    PyObject *m = PyModule_Create(&specmod_def);
    if (m == NULL) {
        return NULL;
    }
    PyObject *vec = PyType_FromModuleAndSpec(m, &vec_spec, NULL);
    if (vec == NULL || PyModule_AddObjectRef(m, "Vec", vec) < 0
        || add_type(m, "SubVec", PyType_FromModuleAndSpec(m, &subvec_spec, vec)) < 0
        || add_type(m, "Plain", PyType_FromSpec(&plain_spec)) < 0 || PyType_Ready(&StaticBase) < 0
        || add_type(m, "FromStatic", PyType_FromModuleAndSpec(m, &fromstatic_spec, (PyObject *)&StaticBase)) < 0) {
        Py_XDECREF(vec);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(vec);
    return m;
}
