/* C subclasses of built-ins whose own slots override the built-in's: a dict whose
   mp_subscript supplies a default and whose tp_repr is its own, a list whose sq_item and
   sq_length are its own, an int whose tp_repr, tp_hash and tp_richcompare are its own, a
   tuple whose tp_iter and sq_contains are its own. The abstract API and the managed
   built-ins must reach the subclass's slots first, as CPython's do; slots the subclass
   leaves alone stay the built-in's. */
#include "conformance.h"

/* -- a dict with a default -- */
static PyObject *defdict_subscript(PyObject *self, PyObject *key)
{
    PyObject *v = PyDict_GetItemWithError(self, key);
    if (v != NULL) {
        return Py_NewRef(v);
    }
    return PyErr_Occurred() ? NULL : PyUnicode_FromFormat("default for %R", key);
}
static PyObject *defdict_repr(PyObject *self)
{
    return PyUnicode_FromFormat("DefDict(%zd items)", PyDict_Size(self));
}
static PyMappingMethods defdict_mapping = { .mp_subscript = defdict_subscript };
static PyTypeObject DefDict_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "own.DefDict",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_mapping = &defdict_mapping,
    .tp_repr = defdict_repr,
};

/* -- a list that reads backwards and hides its last item -- */
static Py_ssize_t revlist_length(PyObject *self)
{
    Py_ssize_t n = PyList_GET_SIZE(self);
    return n > 0 ? n - 1 : 0;
}
static PyObject *revlist_item(PyObject *self, Py_ssize_t i)
{
    Py_ssize_t n = revlist_length(self);
    if (i < 0 || i >= n) {
        PyErr_SetString(PyExc_IndexError, "RevList index out of range");
        return NULL;
    }
    return Py_NewRef(PyList_GET_ITEM(self, n - 1 - i));
}
static PySequenceMethods revlist_sequence = { .sq_length = revlist_length, .sq_item = revlist_item };
static PyTypeObject RevList_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "own.RevList",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_sequence = &revlist_sequence,
};

/* -- an int with its own repr, hash and comparison -- */
static PyObject *myint_repr(PyObject *self) { return PyUnicode_FromFormat("MyInt<%ld>", PyLong_AsLong(self)); }
static Py_hash_t myint_hash(PyObject *self) { return 1000 + PyLong_AsLong(self); }
static PyObject *myint_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op == Py_EQ) {
        return Py_NewRef(Py_True); /* equal to everything */
    }
    Py_RETURN_NOTIMPLEMENTED;
}
static PyTypeObject MyInt_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "own.MyInt",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_repr = myint_repr,
    .tp_hash = myint_hash,
    .tp_richcompare = myint_richcompare,
};

/* -- a tuple that iterates its items twice and contains everything -- */
static PyObject *twice_iter(PyObject *self)
{
    PyObject *doubled = PySequence_Concat(PyTuple_GetSlice(self, 0, PyTuple_GET_SIZE(self)), self);
    PyObject *it = doubled ? PyObject_GetIter(doubled) : NULL;
    Py_XDECREF(doubled);
    return it;
}
static int twice_contains(PyObject *self, PyObject *item) { return 1; }
static PySequenceMethods twice_sequence = { .sq_contains = twice_contains };
static PyTypeObject Twice_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "own.Twice",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_sequence = &twice_sequence,
    .tp_iter = twice_iter,
};

static PyObject *builtins;

static void call_builtin(const char *label, const char *name, PyObject *arg)
{
    show_new(label, PyObject_CallMethod(builtins, name, "(O)", arg));
}

int main(void)
{
    conf_init();
    builtins = PyImport_ImportModule("builtins");
    DefDict_Type.tp_base = &PyDict_Type;
    RevList_Type.tp_base = &PyList_Type;
    MyInt_Type.tp_base = &PyLong_Type;
    Twice_Type.tp_base = &PyTuple_Type;
    PyTypeObject *types[] = { &DefDict_Type, &RevList_Type, &MyInt_Type, &Twice_Type };
    for (int i = 0; i < 4; i++) {
        if (PyType_Ready(types[i]) < 0) {
            show_exc("ready");
        }
    }

    printf("-- dict subclass with mp_subscript and tp_repr\n");
    PyObject *d = PyObject_CallNoArgs((PyObject *)&DefDict_Type);
    PyDict_SetItemString(d, "a", PyLong_FromLong(1));
    PyObject *key_a = PyUnicode_FromString("a"), *key_z = PyUnicode_FromString("z");
    show_new("d['a']", PyObject_GetItem(d, key_a));
    show_new("d['z']", PyObject_GetItem(d, key_z));
    show("PyDict_GetItem(d, 'z') (the dict's own lookup)", PyDict_GetItem(d, key_z));
    PyErr_Clear();
    show("repr(d)", d);
    call_builtin("builtins.repr(d)", "repr", d);
    call_builtin("builtins.len(d)", "len", d);
    show_new("str(d)", PyObject_Str(d));
    PyObject *holder = Py_BuildValue("[O]", d);
    show("[d]", holder);
    Py_DECREF(holder);
    show_new("d.get('z')", PyObject_CallMethod(d, "get", "(s)", "z"));

    printf("-- list subclass with sq_item and sq_length\n");
    PyObject *l = PyObject_CallNoArgs((PyObject *)&RevList_Type);
    for (int i = 1; i <= 4; i++) {
        PyList_Append(l, PyLong_FromLong(i));
    }
    show_ll("PyObject_Size", PyObject_Size(l));
    show_ll("PySequence_Size", PySequence_Size(l));
    show_ll("PyList_GET_SIZE", PyList_GET_SIZE(l));
    show_new("PySequence_GetItem(l, 0)", PySequence_GetItem(l, 0));
    show_new("PySequence_GetItem(l, -1)", PySequence_GetItem(l, -1));
    show_new("PySequence_GetItem(l, 3)", PySequence_GetItem(l, 3));
    show_new("PyList_GetItem(l, 0) (the list's own)", Py_XNewRef(PyList_GetItem(l, 0)));
    PyObject *zero = PyLong_FromLong(0);
    show_new("l[0] through mp_subscript (the list's)", PyObject_GetItem(l, zero));
    call_builtin("builtins.len(l)", "len", l);
    show("repr(l) (the list's)", l);
    show_new("PySequence_List(l)", PySequence_List(l));

    printf("-- int subclass with tp_repr, tp_hash, tp_richcompare\n");
    PyObject *n = PyObject_CallFunction((PyObject *)&MyInt_Type, "(i)", 7);
    show("repr(n)", n);
    call_builtin("builtins.repr(n)", "repr", n);
    show_new("str(n)", PyObject_Str(n));
    show_ll("hash(n)", PyObject_Hash(n));
    call_builtin("builtins.hash(n)", "hash", n);
    PyObject *eight = PyLong_FromLong(8);
    show_ll("n == 8", PyObject_RichCompareBool(n, eight, Py_EQ));
    show_ll("8 == n", PyObject_RichCompareBool(eight, n, Py_EQ));
    show_ll("n < 8", PyObject_RichCompareBool(n, eight, Py_LT));
    show_new("n + 1", PyNumber_Add(n, PyLong_FromLong(1)));
    show_ll("PyLong_AsLong(n)", PyLong_AsLong(n));
    PyObject *in_tuple = PyTuple_Pack(1, n);
    show("(n,)", in_tuple);
    Py_DECREF(in_tuple);

    printf("-- tuple subclass with tp_iter and sq_contains\n");
    PyObject *items = Py_BuildValue("(ii)", 1, 2);
    PyObject *t = PyObject_CallOneArg((PyObject *)&Twice_Type, items);
    show_new("list(t)", PySequence_List(t));
    call_builtin("builtins.sorted(t)", "sorted", t);
    show_ll("99 in t", PySequence_Contains(t, PyLong_FromLong(99)));
    show_ll("len(t)", PyObject_Size(t));
    show("repr(t)", t);

    Py_DECREF(items);
    Py_DECREF(t);
    Py_DECREF(eight);
    Py_DECREF(n);
    Py_DECREF(zero);
    Py_DECREF(l);
    Py_DECREF(key_a);
    Py_DECREF(key_z);
    Py_DECREF(d);
    Py_DECREF(builtins);
    return conf_end();
}
