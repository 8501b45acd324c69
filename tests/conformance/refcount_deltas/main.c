/* Reference counting: Py_INCREF/DECREF/NewRef/CLEAR/SETREF and the stealing/borrowing
   conventions of the container APIs, observed as refcount deltas on fresh objects. */
#include "conformance.h"

#define DELTA(label, obj, before) printf("%s: %+zd\n", (label), Py_REFCNT(obj) - (before))

int main(void)
{
    conf_init();

    PyObject *o = PyUnicode_FromString("a fresh, uninterned string object");
    Py_ssize_t b = Py_REFCNT(o);
    printf("fresh object refcount is positive: %d\n", b > 0);

    Py_INCREF(o);
    DELTA("Py_INCREF", o, b);
    Py_DECREF(o);
    DELTA("Py_DECREF", o, b);
    Py_IncRef(o);
    DELTA("Py_IncRef", o, b);
    Py_DecRef(o);
    DELTA("Py_DecRef", o, b);
    Py_XINCREF(o);
    Py_XDECREF((PyObject *)NULL);
    DELTA("Py_XINCREF + Py_XDECREF(NULL)", o, b);
    Py_XDECREF(o);
    PyObject *n = Py_NewRef(o);
    DELTA("Py_NewRef", o, b);
    printf("Py_NewRef returns its argument: %d\n", n == o);
    Py_CLEAR(n);
    DELTA("Py_CLEAR", o, b);
    printf("Py_CLEAR sets NULL: %d\n", n == NULL);
    n = Py_XNewRef(o);
    PyObject *other = PyUnicode_FromString("other");
    Py_SETREF(n, other);
    DELTA("Py_XNewRef then Py_SETREF to another object", o, b);
    Py_DECREF(n);

    /* Lists: Append/Insert add a reference; SetItem steals; GetItem borrows. */
    PyObject *l = PyList_New(0);
    PyList_Append(l, o);
    DELTA("PyList_Append", o, b);
    PyList_Insert(l, 0, o);
    DELTA("PyList_Insert", o, b);
    PyList_GetItem(l, 0);
    DELTA("PyList_GetItem (borrowed)", o, b);
    Py_INCREF(o);
    PyList_SetItem(l, 0, o);
    DELTA("Py_INCREF + PyList_SetItem (stolen, old item released)", o, b);
    PyObject *tup = PyList_AsTuple(l);
    DELTA("PyList_AsTuple", o, b);
    Py_DECREF(tup);
    DELTA("tuple released", o, b);
    PyObject *sl = PyList_GetSlice(l, 0, 1);
    DELTA("PyList_GetSlice", o, b);
    Py_DECREF(sl);
    Py_DECREF(l);
    DELTA("list released", o, b);

    /* Tuples. */
    PyObject *t = PyTuple_New(2);
    Py_INCREF(o);
    PyTuple_SetItem(t, 0, o);
    Py_INCREF(o);
    PyTuple_SET_ITEM(t, 1, o);
    DELTA("two INCREFs stolen by PyTuple_SetItem / SET_ITEM", o, b);
    PyTuple_GetItem(t, 0);
    DELTA("PyTuple_GetItem (borrowed)", o, b);
    PyObject *packed = PyTuple_Pack(3, o, o, o);
    DELTA("PyTuple_Pack(3, o, o, o)", o, b);
    Py_DECREF(packed);
    Py_DECREF(t);
    DELTA("tuples released", o, b);

    /* Dicts and modules keep what they hold alive; GetItem borrows, PyObject_GetItem and
       GetAttr return new references. How a dict's own hold shows in Py_REFCNT is the
       implementation's (CPython counts it; libpycapi's managed dict holds the object
       through the managed GC, docs/object-model.md), so the deltas below are measured
       from the moment the object is in the container and count only C's references. */
    PyObject *d = PyDict_New();
    PyObject *k = PyUnicode_FromString("a fresh key string object");
    PyObject *held = PyUnicode_FromString("a value only the dict holds");
    PyDict_SetItem(d, k, held);
    Py_DECREF(held);
    printf("value held only by the dict is alive: %d\n",
           PyDict_GetItem(d, k) == held && PyUnicode_CompareWithASCIIString(held, "a value only the dict holds") == 0);
    PyDict_SetItem(d, k, o);
    Py_ssize_t in_dict = Py_REFCNT(o);
    PyDict_SetItem(d, k, o);
    DELTA("PyDict_SetItem same key and value again", o, in_dict);
    PyDict_GetItem(d, k);
    DELTA("PyDict_GetItem (borrowed)", o, in_dict);
    PyObject *v = PyDict_GetItemWithError(d, k);
    DELTA("PyDict_GetItemWithError (borrowed)", o, in_dict);
    printf("PyDict_GetItemWithError returns the stored object: %d\n", v == o);
    PyObject *gi = PyObject_GetItem(d, k);
    DELTA("PyObject_GetItem (new reference)", o, in_dict);
    Py_DECREF(gi);
    DELTA("  released", o, in_dict);
    PyObject *vals = PyDict_Values(d);
    DELTA("PyDict_Values (the list holds the value)", o, in_dict);
    Py_DECREF(vals);
    /* Objects that managed code made are released at the next collection in libpycapi;
       collecting first makes the moment the same in both. */
    PyGC_Collect();
    DELTA("  list released", o, in_dict);
    Py_ssize_t pos = 0;
    PyObject *kk, *vv;
    while (PyDict_Next(d, &pos, &kk, &vv)) {
    }
    DELTA("PyDict_Next (borrowed)", o, in_dict);
    PyDict_DelItem(d, k);
    printf("PyDict_DelItem removes the key: %d\n", PyDict_Contains(d, k) == 0);
    PyDict_SetItem(d, k, o);
    Py_DECREF(d);
    PyGC_Collect();
    DELTA("dict released: value", o, b);

    /* Py_BuildValue O / N, PyObject_GetAttr (new reference), PyModule_AddObjectRef / AddObject. */
    PyObject *bv = Py_BuildValue("[OO]", o, o);
    DELTA("Py_BuildValue [OO]", o, b);
    Py_DECREF(bv);
    DELTA("  released", o, b);
    PyObject *m = PyModule_New("rcmod");
    PyObject *only_module = PyUnicode_FromString("an attribute only the module holds");
    PyModule_AddObject(m, "y", only_module);
    PyObject *y = PyObject_GetAttrString(m, "y");
    printf("PyModule_AddObject's stolen reference keeps it alive: %d\n", y == only_module);
    Py_DECREF(y);
    PyModule_AddObjectRef(m, "x", o);
    Py_ssize_t in_module = Py_REFCNT(o);
    PyObject *ga = PyObject_GetAttrString(m, "x");
    DELTA("PyObject_GetAttrString (new reference)", o, in_module);
    Py_DECREF(ga);
    PyObject_SetAttrString(m, "x", Py_None);
    Py_DECREF(m);
    PyGC_Collect();
    DELTA("module released", o, b);

    /* Calls do not keep references to their arguments. */
    PyObject *lenf = PyObject_GetAttrString(PyImport_ImportModule("builtins"), "len");
    PyObject *r = PyObject_CallOneArg(lenf, o);
    Py_XDECREF(r);
    PyGC_Collect();
    DELTA("after len(o)", o, b);
    r = PyObject_CallFunction(lenf, "O", o);
    Py_XDECREF(r);
    PyGC_Collect();
    DELTA("after CallFunction(len, 'O', o)", o, b);
    Py_DECREF(lenf);

    /* Errors: PyErr_SetObject keeps the value; Fetch hands it over; Clear releases it. */
    PyObject *ev = PyUnicode_FromString("a fresh exception message object");
    Py_ssize_t eb = Py_REFCNT(ev);
    PyErr_SetObject(PyExc_ValueError, ev);
    printf("PyErr_SetObject holds the value: %d\n", Py_REFCNT(ev) - eb > 0);
    PyErr_Clear();
    DELTA("after PyErr_Clear", ev, eb);
    Py_DECREF(ev);

    Py_DECREF(k);
    Py_DECREF(o);
    return conf_end();
}
