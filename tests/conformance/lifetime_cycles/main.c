/* Reference cycles that cross the boundary are collected by PyGC_Collect (gc.collect)
   once nothing outside them holds them, with tp_clear and tp_dealloc run as in CPython:
   a Node (C type, reports its reference through tp_traverse) refers to a managed
   container that refers back to it, directly or through a chain of containers and other
   Nodes. Cycles still reachable from a C global, from a C object or from a module
   attribute are NOT collected, and their content stays intact.

   Each shape also holds a "witness" Node that is not part of the cycle but reachable only
   from it: its tp_dealloc shows that the containers of the cycle were freed too. Objects
   are made to cross into managed code (stored in a dict that then dies) so that in
   libpycapi every one of them is a linked pair. The counters are compared across a
   collection that starts from a clean state (a PyGC_Collect before each shape). */
#include "conformance.h"

#define MAX_COLLECTIONS 3

static ConfNodeApi *api;
static Py_ssize_t baseline;
static PyObject *key, *key2; /* made before the baseline, so that keys add no pairs */
static PyObject *global_root; /* a C global holding a reference, as extensions keep caches */

typedef struct {
    long long deallocs, clears, traverses;
} Snapshot;

static Snapshot snapshot(void)
{
    PyGC_Collect();
    Snapshot s = {api->counts->deallocs, api->counts->clears, api->counts->traverses};
    return s;
}

/* Gives obj a managed twin in libpycapi: stored in a dict that then dies. */
static void cross(PyObject *obj)
{
    PyObject *d = PyDict_New();
    PyDict_SetItem(d, key, obj);
    Py_DECREF(d);
}

static PyObject *node(long value, PyObject *ref)
{
    PyObject *n = api->make(value);
    conf_node_set(n, ref);
    cross(n);
    return n;
}

/* The external references are gone: the cycle must be gone (all `nodes` Nodes freed,
   tp_clear called) after at most MAX_COLLECTIONS collections. */
static void expect_collected(const char *label, Snapshot s, long long nodes)
{
    ConfNodeCounts *c = api->counts;
    for (int i = 0; i < MAX_COLLECTIONS && c->deallocs - s.deallocs < nodes; i++) {
        PyGC_Collect();
    }
    printf("%s: collected within %d PyGC_Collect calls: %s\n", label, MAX_COLLECTIONS,
           c->deallocs - s.deallocs == nodes ? "True" : "False");
    printf("%s: Nodes freed: %lld\n", label, c->deallocs - s.deallocs);
    printf("%s: tp_traverse called: %s\n", label, c->traverses > s.traverses ? "True" : "False");
    printf("%s: tp_clear called: %s\n", label, c->clears > s.clears ? "True" : "False");
    /* CPython has no managed side: conf_collect_to_baseline passes trivially there. */
    printf("%s: live pairs back to baseline: %s\n", label,
           conf_collect_to_baseline(baseline, MAX_COLLECTIONS) ? "True" : "False");
    check_no_exc(label);
}

/* As expect_collected, for a cycle that nothing outside it held: no Node of it is freed
   before a collection. */
static void expect_cycle_collected(const char *label, Snapshot s, long long nodes)
{
    printf("%s: not freed before a collection: %s\n", label,
           api->counts->deallocs == s.deallocs ? "True" : "False");
    expect_collected(label, s, nodes);
}

/* A cycle still reachable: nothing freed, no tp_clear, after MAX_COLLECTIONS collections. */
static void expect_kept(const char *label, Snapshot s)
{
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
        PyGC_Collect();
    }
    printf("%s: nothing freed: %s\n", label, api->counts->deallocs == s.deallocs ? "True" : "False");
    printf("%s: tp_clear not called: %s\n", label, api->counts->clears == s.clears ? "True" : "False");
    check_no_exc(label);
}

/* Node -> list -> Node. */
static void shape_list(void)
{
    Snapshot s = snapshot();
    PyObject *n = node(1, NULL);
    PyObject *l = PyList_New(0);
    PyList_Append(l, n);
    conf_node_set(n, l);
    PyObject *w = node(100, NULL);
    PyList_Append(l, w);
    cross(l);
    Py_DECREF(w);
    Py_DECREF(l);
    Py_DECREF(n);
    expect_cycle_collected("Node -> list -> Node", s, 2);
}

/* Node -> dict -> Node. */
static void shape_dict(void)
{
    Snapshot s = snapshot();
    PyObject *n = node(2, NULL);
    PyObject *d = PyDict_New();
    PyDict_SetItem(d, key, n);
    conf_node_set(n, d);
    PyObject *w = node(100, NULL);
    PyDict_SetItem(d, key2, w);
    Py_DECREF(w);
    Py_DECREF(d);
    Py_DECREF(n);
    expect_cycle_collected("Node -> dict -> Node", s, 2);
}

/* Node -> set -> Node, and Node -> frozenset -> Node. */
static void shape_set(int frozen)
{
    Snapshot s = snapshot();
    PyObject *n = node(5, NULL);
    PyObject *w = node(100, NULL);
    PyObject *set = frozen ? PyFrozenSet_New(NULL) : PySet_New(NULL);
    PySet_Add(set, n); /* a frozenset only this code holds may be filled */
    PySet_Add(set, w);
    conf_node_set(n, set);
    Py_DECREF(w);
    Py_DECREF(set);
    Py_DECREF(n);
    expect_cycle_collected(frozen ? "Node -> frozenset -> Node" : "Node -> set -> Node", s, 2);
}

/* Node -> Node -> dict -> Node. */
static void shape_node_node_dict(void)
{
    Snapshot s = snapshot();
    PyObject *a = node(3, NULL);
    PyObject *b = node(4, NULL);
    PyObject *d = PyDict_New();
    conf_node_set(a, b);
    conf_node_set(b, d);
    PyDict_SetItem(d, key, a);
    PyObject *w = node(100, NULL);
    PyDict_SetItem(d, key2, w);
    Py_DECREF(w);
    Py_DECREF(d);
    Py_DECREF(b);
    Py_DECREF(a);
    expect_cycle_collected("Node -> Node -> dict -> Node", s, 3);
}

/* A longer ring through lists, dicts and Nodes: Node -> list -> Node -> dict -> ... */
static void shape_ring(void)
{
    Snapshot s = snapshot();
    PyObject *first = node(10, NULL);
    PyObject *last = first;
    for (int i = 0; i < 5; i++) {
        PyObject *container = i % 2 ? PyDict_New() : PyList_New(0);
        PyObject *next = node(11 + i, NULL);
        if (PyDict_Check(container)) {
            PyDict_SetItem(container, key, next);
        } else {
            PyList_Append(container, next);
        }
        conf_node_set(last, container);
        Py_DECREF(container);
        Py_DECREF(next);
        last = next;
    }
    PyObject *back = PyList_New(0);
    PyList_Append(back, first);
    conf_node_set(last, back);
    Py_DECREF(back);
    Py_DECREF(first);
    expect_cycle_collected("ring of 6 Nodes through 3 lists and 3 dicts", s, 6);
}

/* Node -> Node -> Node -> first Node, none of them ever crossed into managed code. */
static void shape_c_only(void)
{
    Snapshot s = snapshot();
    PyObject *a = api->make(20);
    PyObject *b = api->make(21);
    PyObject *c = api->make(22);
    conf_node_set(a, b);
    conf_node_set(b, c);
    conf_node_set(c, a);
    Py_DECREF(c);
    Py_DECREF(b);
    Py_DECREF(a);
    expect_cycle_collected("Node -> Node -> Node -> Node, never crossed", s, 3);
}

/* A Node whose __dict__ holds the Node itself (tp_dictoffset, attribute "me"). */
static void shape_instance_dict(void)
{
    Snapshot s = snapshot();
    PyObject *n = node(30, NULL);
    if (PyObject_SetAttrString(n, "me", n) < 0) {
        show_exc("setattr me");
    }
    PyObject *w = node(100, NULL);
    if (PyObject_SetAttrString(n, "witness", w) < 0) {
        show_exc("setattr witness");
    }
    Py_DECREF(w);
    PyObject *me = PyObject_GetAttrString(n, "me");
    printf("Node.__dict__['me'] is the Node: %s\n", me == n ? "True" : "False");
    check_no_exc("getattr me");
    Py_XDECREF(me);
    Py_DECREF(n);
    expect_cycle_collected("Node -> its __dict__ -> Node", s, 2);
}

/* A Node -> list -> Node cycle whose Node a C global holds. */
static void kept_by_global(void)
{
    Snapshot s = snapshot();
    PyObject *n = node(40, NULL);
    PyObject *l = PyList_New(0);
    PyList_Append(l, n);
    conf_node_set(n, l);
    PyObject *w = node(41, NULL);
    PyList_Append(l, w);
    cross(l);
    Py_DECREF(w);
    Py_DECREF(l);
    global_root = n; /* the creator's reference now belongs to the global */
    expect_kept("cycle held by a C global", s);
    PyObject *lst = conf_node_ref(global_root);
    PyObject *again = lst ? PyList_GetItem(lst, 0) : NULL;
    PyObject *wit = lst ? PyList_GetItem(lst, 1) : NULL;
    printf("cycle held by a C global: intact: %s, values %ld %ld\n",
           again == global_root ? "True" : "False", conf_node_value(global_root),
           wit ? conf_node_value(wit) : -2L);
    check_no_exc("global");
    Py_CLEAR(global_root);
    expect_cycle_collected("cycle held by a C global, global cleared", s, 2);
}

/* Node G (held by a C global) -> dict -> Node K -> list -> K: the cycle is reachable only
   through G's reference, an edge that only G's tp_traverse reports. */
static void kept_through_c_object(void)
{
    Snapshot s = snapshot();
    PyObject *g = node(50, NULL);
    PyObject *d = PyDict_New();
    conf_node_set(g, d);
    PyObject *k = node(51, NULL);
    PyDict_SetItem(d, key, k);
    PyObject *l = PyList_New(0);
    PyList_Append(l, k);
    conf_node_set(k, l);
    PyObject *w = node(52, NULL);
    PyList_Append(l, w);
    cross(l);
    Py_DECREF(w);
    Py_DECREF(l);
    Py_DECREF(k);
    Py_DECREF(d);
    global_root = g;
    expect_kept("cycle reachable through a C object held by a C global", s);
    PyObject *dd = conf_node_ref(global_root);
    PyObject *kk = dd ? PyDict_GetItem(dd, key) : NULL;
    PyObject *ll = kk ? conf_node_ref(kk) : NULL;
    PyObject *k2 = ll ? PyList_GetItem(ll, 0) : NULL;
    PyObject *ww = ll ? PyList_GetItem(ll, 1) : NULL;
    printf("cycle reachable through a C object: intact: %s, values %ld %ld %ld\n",
           (kk != NULL && k2 == kk) ? "True" : "False", conf_node_value(global_root),
           kk ? conf_node_value(kk) : -2L, ww ? conf_node_value(ww) : -2L);
    check_no_exc("through a C object");
    Py_CLEAR(global_root);
    expect_collected("cycle reachable through a C object, global cleared", s, 3);
}

/* A Node -> dict -> Node cycle that a module attribute (managed) holds. */
static void kept_by_module(void)
{
    Snapshot s = snapshot();
    PyObject *mod = PyImport_AddModule("lifetime_cycles_holder"); /* borrowed */
    PyObject *n = node(60, NULL);
    PyObject *d = PyDict_New();
    PyDict_SetItem(d, key, n);
    conf_node_set(n, d);
    PyObject *w = node(61, NULL);
    PyDict_SetItem(d, key2, w);
    Py_DECREF(w);
    Py_DECREF(d);
    PyObject_SetAttrString(mod, "cycle", n);
    Py_DECREF(n);
    expect_kept("cycle held by a module attribute", s);
    PyObject *back = PyObject_GetAttrString(mod, "cycle");
    PyObject *dd = back ? conf_node_ref(back) : NULL;
    PyObject *again = dd ? PyDict_GetItem(dd, key) : NULL;
    PyObject *ww = dd ? PyDict_GetItem(dd, key2) : NULL;
    printf("cycle held by a module attribute: intact: %s, values %ld %ld\n",
           (back == n && again == n) ? "True" : "False", back ? conf_node_value(back) : -2L,
           ww ? conf_node_value(ww) : -2L);
    Py_XDECREF(back);
    check_no_exc("module attribute");
    PyObject_SetAttrString(mod, "cycle", NULL); /* del mod.cycle */
    expect_cycle_collected("cycle held by a module attribute, attribute deleted", s, 2);
}

int main(void)
{
    conf_init();
    api = conf_nodes_api();
    if (api == NULL) {
        return conf_end();
    }
    key = conf_crossed_str("key");
    key2 = conf_crossed_str("witness");
    /* libpycapi keeps the str of a name given as a C string (PyObject_SetAttrString ...)
       for the life of the process, as CPython interns identifiers: the names used below
       cross before the baseline. */
    PyObject_HasAttrString(Py_None, "me");
    PyObject_HasAttrString(Py_None, "witness");
    PyObject_HasAttrString(Py_None, "cycle");
    PyImport_AddModule("lifetime_cycles_holder");
    PyGC_Collect();
    baseline = conf_live_pairs();

    shape_list();
    shape_dict();
    shape_set(0);
    shape_set(1);
    shape_node_node_dict();
    shape_ring();
    shape_c_only();
    kept_by_global();
    kept_through_c_object();
    kept_by_module();
    shape_instance_dict();

    printf("every Node made was freed: %s\n",
           api->counts->created == api->counts->deallocs ? "True" : "False");
    Py_DECREF(key2);
    Py_DECREF(key);
    return conf_end();
}
