/* PEP 442 finalization: tp_finalize runs once per object, before tp_clear and tp_dealloc,
   both for an object freed at its last Py_DECREF (through PyObject_CallFinalizerFromDealloc)
   and for a cycle the collector frees; a finalizer may resurrect its object. */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    PyObject *ref;
    int id;
} Fin;

static int finalized, cleared, deallocated;
static char order[64];
static PyObject *resurrected;
static int resurrect_next;

static void fin_finalize(PyObject *self)
{
    finalized++;
    strncat(order, "F", sizeof order - strlen(order) - 1);
    if (resurrect_next) {
        resurrect_next = 0;
        resurrected = Py_NewRef(self);
    }
}

static int fin_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Fin *)self)->ref);
    return 0;
}

static int fin_clear(PyObject *self)
{
    cleared++;
    strncat(order, "C", sizeof order - strlen(order) - 1);
    Py_CLEAR(((Fin *)self)->ref);
    return 0;
}

static void fin_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0) {
        return; /* resurrected */
    }
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((Fin *)self)->ref);
    deallocated++;
    strncat(order, "D", sizeof order - strlen(order) - 1);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Fin_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fin.Fin",
    .tp_basicsize = sizeof(Fin),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = fin_traverse,
    .tp_clear = fin_clear,
    .tp_dealloc = fin_dealloc,
    .tp_finalize = fin_finalize,
};

static PyObject *make(void)
{
    return Fin_Type.tp_alloc(&Fin_Type, 0);
}

static void report(const char *label)
{
    printf("%s: finalized %d, cleared %d, deallocated %d, order %s\n", label, finalized, cleared, deallocated, order);
    finalized = cleared = deallocated = 0;
    order[0] = '\0';
}

int main(void)
{
    conf_init();
    if (PyType_Ready(&Fin_Type) < 0) {
        return conf_end();
    }

    /* Freed at its last Py_DECREF, never crossed. */
    Py_DECREF(make());
    report("C-only object");

    /* A cycle through a list that crossed into the object space (repr). */
    PyObject *a = make();
    PyObject *l = PyList_New(0);
    PyList_Append(l, a);
    ((Fin *)a)->ref = l;
    Py_XDECREF(PyObject_Repr(l)); /* the list crosses into the object space */
    Py_DECREF(a);
    PyGC_Collect();
    report("Fin -> list -> Fin");

    /* A cycle of two Fins through a dict. */
    PyObject *b = make(), *c = make(), *d = PyDict_New();
    ((Fin *)b)->ref = c;
    ((Fin *)c)->ref = d;
    PyDict_SetItemString(d, "b", b);
    Py_DECREF(b);
    PyGC_Collect();
    report("Fin -> Fin -> dict -> Fin");

    /* A finalizer that resurrects its object: it is not freed, nor finalized again. */
    resurrect_next = 1;
    Py_DECREF(make());
    report("resurrected");
    Py_CLEAR(resurrected);
    report("resurrected, released again");
    return conf_end();
}
