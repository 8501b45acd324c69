/* _Py_NewReference on a block from PyObject_Malloc (the object then lives and dies as any
   other), and the trashcan: a chain of 20000 GC objects whose deallocators use
   Py_TRASHCAN_BEGIN/END is freed entirely without the C stack growing past the unwind
   depth. */
#include "conformance.h"

static int deallocs;

static void plain_dealloc(PyObject *self)
{
    deallocs++;
    PyObject_Free(self);
}

static PyObject *plain_repr(PyObject *self)
{
    (void)self;
    return PyUnicode_FromString("<a plain object>");
}

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "trash.Plain",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = plain_dealloc,
    .tp_repr = plain_repr,
};

typedef struct {
    PyObject_HEAD
    PyObject *next;
} Node;

static int depth, max_depth, node_deallocs;

static int node_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Node *)self)->next);
    return 0;
}

static void node_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, node_dealloc)
    depth++;
    if (depth > max_depth) {
        max_depth = depth;
    }
    node_deallocs++;
    Py_CLEAR(((Node *)self)->next);
    PyObject_GC_Del(self);
    depth--;
    Py_TRASHCAN_END
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "trash.Node",
    .tp_basicsize = sizeof(Node),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = node_dealloc,
    .tp_traverse = node_traverse,
};

int main(void)
{
    conf_init();
    PyType_Ready(&Plain_Type);
    PyType_Ready(&Node_Type);

    PyObject *op = PyObject_Malloc(sizeof(PyObject));
    Py_SET_TYPE(op, &Plain_Type);
    _Py_NewReference(op);
    printf("refcount after _Py_NewReference: %zd\n", Py_REFCNT(op));
    /* Used from C only: an object that crossed into the object space would be freed by
       libpycapi's collector, later. */
    printf("is a Plain: %d\n", PyObject_TypeCheck(op, &Plain_Type));
    show_new("its tp_repr", Py_TYPE(op)->tp_repr(op));
    PyObject *tuple = PyTuple_Pack(1, op);
    printf("refcount in a tuple: %zd\n", Py_REFCNT(op));
    Py_DECREF(tuple);
    printf("deallocated with the tuple: %d\n", deallocs);
    Py_DECREF(op);
    printf("deallocated: %d\n", deallocs);

    PyObject *head = NULL;
    for (int i = 0; i < 20000; i++) {
        Node *n = PyObject_GC_New(Node, &Node_Type);
        n->next = head;
        PyObject_GC_Track((PyObject *)n);
        head = (PyObject *)n;
    }
    PyThreadState *ts = PyThreadState_Get();
    Py_DECREF(head);
    printf("chain freed: %d nodes, deepest nesting %d\n", node_deallocs, max_depth);
    printf("nothing left deferred: %d, nesting back to %d\n", ts->trash_delete_later == NULL,
           ts->trash_delete_nesting);
    return conf_end();
}
