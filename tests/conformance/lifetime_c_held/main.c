/* An object held only by C (refcount > 0, nothing in managed code refers to it) survives
   repeated collections with its content intact: a Node that never crossed, a Node that did
   (it was stored in a dict and taken out again), objects a Node refers to, and a str, a
   list and a dict that only a C variable holds. Between collections the program churns
   through many short-lived objects so that a compacting collector has something to move. */
#include "conformance.h"

static ConfNodeApi *api;

/* Short-lived objects of several kinds, made and dropped at once. */
static void churn(void)
{
    for (int i = 0; i < 20000; i++) {
        PyObject *o = Py_BuildValue("{s:[i,s]}", "key", i, "value");
        PyObject *r = o ? PyObject_Repr(o) : NULL;
        PyObject *n = api->make(i);
        conf_node_set(n, r);
        Py_XDECREF(n);
        Py_XDECREF(r);
        Py_XDECREF(o);
    }
    check_no_exc("churn");
}

static void collect_many(int times)
{
    for (int i = 0; i < times; i++) {
        churn();
        PyGC_Collect();
    }
}

/* Gives obj a managed twin and takes it away again: stored in a dict that then dies. */
static void cross(const char *label, PyObject *obj)
{
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "x", obj);
    PyObject *back = PyDict_GetItemString(d, "x");
    printf("%s crossed and came back: same address: %s\n", label, back == obj ? "True" : "False");
    Py_DECREF(d);
    check_no_exc("cross");
}

int main(void)
{
    conf_init();
    api = conf_nodes_api();
    if (api == NULL) {
        return conf_end();
    }
    ConfNodeCounts *counts = api->counts;

    /* A Node that never crosses, holding a str made in C. */
    PyObject *plain = api->make(1001);
    PyObject *payload = PyUnicode_FromString("payload of the plain Node");
    conf_node_set(plain, payload);
    Py_DECREF(payload);

    /* A Node that crossed, holding a str the runtime made (repr) that crossed too. */
    PyObject *crossed = api->make(2002);
    PyObject *lst = Py_BuildValue("[is(ii)]", 7, "seven", 7, 7);
    PyObject *r = PyObject_Repr(lst);
    conf_node_set(crossed, r);
    Py_DECREF(r);
    cross("crossed Node", crossed);
    cross("its repr() str", conf_node_ref(crossed));

    /* A chain of Nodes held by C through its head only: head -> middle -> tail -> list. */
    PyObject *head = api->make(1);
    PyObject *middle = api->make(2);
    PyObject *tail = api->make(3);
    conf_node_set(head, middle);
    conf_node_set(middle, tail);
    conf_node_set(tail, lst);
    cross("chain middle Node", middle);
    cross("chain tail Node", tail);
    Py_DECREF(middle);
    Py_DECREF(tail);

    /* A str, a list and a dict held by C variables only, each having crossed. */
    PyObject *s = PyUnicode_FromFormat("%s-%d", "held by C", 42);
    PyObject *l = Py_BuildValue("[sO]", "first", lst);
    PyObject *d = Py_BuildValue("{s:i,s:[ii]}", "a", 1, "b", 2, 3);
    PyObject *made = PyDict_Copy(d); /* made by the runtime, held by C */
    PyDict_SetItemString(made, "c", s);
    cross("str", s);
    cross("list", l);
    cross("dict", d);
    cross("dict copy", made);
    Py_DECREF(lst);

    long long deallocs_before = counts->deallocs;
    long long created_before = counts->created;
    collect_many(5);
    long long churned = counts->created - created_before;
    printf("Nodes freed during the collections are exactly the churned ones: %s\n",
           counts->deallocs - deallocs_before == churned ? "True" : "False");

    printf("plain Node value: %ld\n", conf_node_value(plain));
    show("plain Node ref", conf_node_ref(plain));
    printf("crossed Node value: %ld\n", conf_node_value(crossed));
    show("crossed Node ref", conf_node_ref(crossed));
    PyObject *m = conf_node_ref(head);
    PyObject *t = m ? conf_node_ref(m) : NULL;
    printf("chain values: %ld %ld %ld\n", conf_node_value(head), m ? conf_node_value(m) : -2L,
           t ? conf_node_value(t) : -2L);
    show("chain tail ref", t ? conf_node_ref(t) : NULL);
    show("str held by C", s);
    show("list held by C", l);
    show("dict held by C", d);
    show("dict made by the runtime, held by C", made);

    /* Still the same objects: they cross again at the same addresses. */
    cross("crossed Node, after the collections,", crossed);
    cross("chain middle Node, after the collections,", m);
    cross("dict copy, after the collections,", made);
    collect_many(2);
    printf("crossed Node value after more collections: %ld\n", conf_node_value(crossed));
    show("dict made by the runtime, after more collections", made);

    Py_DECREF(made);
    Py_DECREF(d);
    Py_DECREF(l);
    Py_DECREF(s);
    Py_DECREF(head);
    Py_DECREF(crossed);
    Py_DECREF(plain);
    return conf_end();
}
