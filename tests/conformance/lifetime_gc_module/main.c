/* The gc module a host imports: gc.collect() frees a cycle through a list that the host
   made, and enable/disable/isenabled report the collector's state. (How many objects
   gc.collect() counts is the implementation's: only its effect is printed.) */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    PyObject *ref;
} Holder;

static int deallocated;

static int holder_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Holder *)self)->ref);
    return 0;
}

static int holder_clear(PyObject *self)
{
    Py_CLEAR(((Holder *)self)->ref);
    return 0;
}

static void holder_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    holder_clear(self);
    deallocated++;
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Holder_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gcmod.Holder",
    .tp_basicsize = sizeof(Holder),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = holder_traverse,
    .tp_clear = holder_clear,
    .tp_dealloc = holder_dealloc,
};

static void call(PyObject *gc, const char *name)
{
    PyObject *r = PyObject_CallMethod(gc, name, NULL);
    if (r == NULL) {
        show_exc(name);
        return;
    }
    if (PyLong_Check(r) && !PyBool_Check(r)) {
        printf("gc.%s() returned an int >= 0: %s\n", name, PyLong_AsLong(r) >= 0 ? "True" : "False");
    } else {
        show(name, r);
    }
    Py_DECREF(r);
}

int main(void)
{
    conf_init();
    if (PyType_Ready(&Holder_Type) < 0) {
        return conf_end();
    }
    PyObject *gc = PyImport_ImportModule("gc");
    if (gc == NULL) {
        show_exc("import gc");
        return conf_end();
    }
    call(gc, "isenabled");
    call(gc, "disable");
    call(gc, "isenabled");
    call(gc, "enable");
    call(gc, "isenabled");

    PyObject *h = Holder_Type.tp_alloc(&Holder_Type, 0);
    PyObject *l = PyList_New(0);
    PyList_Append(l, h);
    ((Holder *)h)->ref = l;
    Py_DECREF(h);
    printf("before gc.collect(): freed %d\n", deallocated);
    call(gc, "collect");
    printf("after gc.collect(): freed %d\n", deallocated);
    PyObject *r = PyObject_CallMethod(gc, "collect", "i", 1);
    show("gc.collect(1)", r);
    Py_XDECREF(r);
    show("gc.collect(5)", PyObject_CallMethod(gc, "collect", "i", 5));
    show("gc.collect(1, 2)", PyObject_CallMethod(gc, "collect", "ii", 1, 2));
    Py_DECREF(gc);
    return conf_end();
}
