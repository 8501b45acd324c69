/* An object held only by managed code (a value in a dict or a module attribute, after its
   creator's Py_DECREF: refcount 0 in libpycapi, docs/object-model.md difference 1) survives
   collections with its content intact and is read back at the same address. Also when
   the dict itself is held only by C, or only by a Node's reference, or only by another
   dict: reachability through managed containers must keep what they hold alive. */
#include "conformance.h"

static ConfNodeApi *api;

static void collect(int times)
{
    for (int i = 0; i < times; i++) {
        PyGC_Collect();
    }
}

/* Stores a new reference in d under key and releases it (steals obj); returns the address. */
static PyObject *give(PyObject *d, const char *key, PyObject *obj)
{
    if (obj == NULL || PyDict_SetItemString(d, key, obj) < 0) {
        show_exc(key);
    }
    Py_XDECREF(obj);
    return obj;
}

/* Reads d[key] and reports whether it is still the object given (same address). */
static PyObject *read_back(const char *label, PyObject *d, const char *key, PyObject *given)
{
    PyObject *v = PyDict_GetItemString(d, key);
    printf("%s: still there at the same address: %s\n", label, (v != NULL && v == given) ? "True" : "False");
    check_no_exc(label);
    return v;
}

static PyObject *node(long value, PyObject *ref)
{
    PyObject *n = api->make(value);
    conf_node_set(n, ref);
    return n;
}

int main(void)
{
    conf_init();
    api = conf_nodes_api();
    if (api == NULL) {
        return conf_end();
    }
    ConfNodeCounts *counts = api->counts;
    PyObject *v;

    /* 1. Values of a dict that C holds. */
    PyObject *d = PyDict_New();
    PyObject *s = PyUnicode_FromString("text held by the Node");
    PyObject *n1 = give(d, "node", node(101, s));
    Py_DECREF(s);
    PyObject *str = give(d, "str", PyUnicode_FromFormat("made by %s, held by a dict", "C"));
    PyObject *tmp = Py_BuildValue("[sd]", "x", 0.5);
    PyObject *rep = give(d, "repr", PyObject_Repr(tmp));
    Py_DECREF(tmp);
    PyObject *lst = give(d, "list", Py_BuildValue("[i(ss)]", 5, "a", "b"));
    PyObject *big = give(d, "int", PyLong_FromString("98765432109876543210", NULL, 10));
    PyObject *tup_node = node(102, NULL);
    PyObject *tup = give(d, "tuple", Py_BuildValue("(sO)", "holds a Node", tup_node));
    Py_DECREF(tup_node);
    long long deallocs = counts->deallocs;

    collect(3);
    v = read_back("Node in a dict", d, "node", n1);
    if (v == n1) {
        printf("Node in a dict: value %ld\n", conf_node_value(v));
        show("Node in a dict: its ref", conf_node_ref(v));
    }
    read_back("str in a dict", d, "str", str);
    show("str in a dict: content", str);
    v = read_back("repr() result in a dict", d, "repr", rep);
    show("repr() result in a dict: content", v);
    read_back("list in a dict", d, "list", lst);
    show("list in a dict: content", lst);
    read_back("int in a dict", d, "int", big);
    show("int in a dict: content", big);
    read_back("tuple in a dict", d, "tuple", tup);
    v = PyTuple_GetItem(tup, 1);
    printf("Node in a tuple in a dict: value %ld\n", v ? conf_node_value(v) : -2L);
    printf("no Node freed while managed code holds them: %s\n", counts->deallocs == deallocs ? "True" : "False");

    /* 2. A module attribute. */
    PyObject *mod = PyImport_AddModule("lifetime_managed_held_mod"); /* borrowed: sys.modules holds it */
    PyObject *an = node(103, NULL);
    if (PyObject_SetAttrString(mod, "node", an) < 0) {
        show_exc("setattr");
    }
    Py_DECREF(an);
    collect(3);
    v = PyObject_GetAttrString(mod, "node");
    printf("Node as a module attribute: same address: %s, value %ld\n", v == an ? "True" : "False",
           v ? conf_node_value(v) : -2L);
    Py_XDECREF(v);
    check_no_exc("module attribute");

    /* 3. Held by a dict that only a Node refers to: holder -> inner dict -> Node -> str. */
    PyObject *holder = api->make(104);
    PyObject *inner = PyDict_New();
    conf_node_set(holder, inner);
    Py_DECREF(inner); /* the holder's reference is now the only one */
    PyObject *deep_s = PyUnicode_FromString("deep inside");
    PyObject *deep = give(inner, "deep", node(105, deep_s));
    Py_DECREF(deep_s);
    collect(3);
    printf("dict held by a Node: still the Node's ref: %s\n", conf_node_ref(holder) == inner ? "True" : "False");
    v = read_back("Node in the dict held by a Node", inner, "deep", deep);
    if (v == deep) {
        printf("Node in the dict held by a Node: value %ld\n", conf_node_value(v));
        show("Node in the dict held by a Node: its ref", conf_node_ref(v));
    }

    /* 4. Nested managed containers: outer dict (held by C) -> dict -> list -> Node. */
    PyObject *outer = PyDict_New();
    PyObject *mid = give(outer, "mid", PyDict_New());
    PyObject *innerlist = give(mid, "list", PyList_New(0));
    PyObject *ln = node(106, NULL);
    PyList_Append(innerlist, ln);
    Py_DECREF(ln);
    collect(3);
    v = read_back("dict in a dict", outer, "mid", mid);
    v = v ? read_back("list in the inner dict", v, "list", innerlist) : NULL;
    v = v ? PyList_GetItem(v, 0) : NULL;
    printf("Node in that list: same address: %s, value %ld\n", v == ln ? "True" : "False",
           v ? conf_node_value(v) : -2L);
    check_no_exc("nested");

    /* 5. Many Nodes, each held only by the dict. */
    PyObject *many = PyDict_New();
    for (long i = 0; i < 1000; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyObject *n = node(i * 3, NULL);
        PyDict_SetItem(many, k, n);
        Py_DECREF(n);
        Py_DECREF(k);
    }
    collect(3);
    long good = 0;
    for (long i = 0; i < 1000; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyObject *n = PyDict_GetItem(many, k);
        good += n != NULL && Py_TYPE(n) == api->type && conf_node_value(n) == i * 3;
        Py_DECREF(k);
    }
    printf("1000 Nodes held only by a dict, intact after collections: %ld\n", good);
    printf("no Node freed while managed code holds them: %s\n", counts->deallocs == deallocs ? "True" : "False");
    check_no_exc("many");

    Py_DECREF(many);
    Py_DECREF(outer);
    Py_DECREF(holder);
    Py_DECREF(d);
    return conf_end();
}
