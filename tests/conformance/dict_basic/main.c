/* dict: SetItem/GetItem(String)/Next/Size/DelItem/Contains/Keys/Items/Copy/Update. */
#include "conformance.h"

int main(void)
{
    conf_init();

    PyObject *d = PyDict_New();
    show("PyDict_New", d);
    PyObject *k1 = PyUnicode_FromString("one"), *v1 = PyLong_FromLong(1);
    Py_ssize_t vb;
    printf("SetItem('one', 1): %d\n", PyDict_SetItem(d, k1, v1));
    /* The dict holds key and value (CPython counts that in their refcounts; libpycapi's
       managed dict holds them through the managed GC, docs/object-model.md). */
    printf("SetItem stores the objects themselves: %d\n", PyDict_GetItem(d, k1) == v1);
    printf("SetItemString('two', 2.0): %d\n", PyDict_SetItemString(d, "two", PyFloat_FromDouble(2.0)));
    PyObject *k3 = PyLong_FromLong(3);
    PyDict_SetItem(d, k3, Py_None);
    PyObject *k4 = Py_BuildValue("(ii)", 4, 4);
    PyDict_SetItem(d, k4, Py_True);
    show("dict", d);
    printf("PyDict_Size: %zd, GET_SIZE: %zd\n", PyDict_Size(d), PyDict_GET_SIZE(d));

    vb = Py_REFCNT(v1);
    PyObject *got = PyDict_GetItem(d, k1);
    printf("GetItem('one') is the stored value: %d, borrowed (delta %zd)\n", got == v1, Py_REFCNT(v1) - vb);
    show("GetItemString('two')", PyDict_GetItemString(d, "two"));
    show("GetItem(3)", PyDict_GetItem(d, k3));
    PyObject *k4b = Py_BuildValue("(ii)", 4, 4);
    show("GetItem(equal tuple key)", PyDict_GetItem(d, k4b));
    PyObject *missing = PyUnicode_FromString("missing");
    printf("GetItem(missing) is NULL: %d\n", PyDict_GetItem(d, missing) == NULL);
    check_no_exc("GetItem(missing)");
    printf("GetItemWithError(missing) is NULL: %d\n", PyDict_GetItemWithError(d, missing) == NULL);
    check_no_exc("GetItemWithError(missing)");
    printf("GetItemString(missing) is NULL: %d\n", PyDict_GetItemString(d, "missing") == NULL);
    printf("Contains('one'): %d, Contains(missing): %d\n", PyDict_Contains(d, k1), PyDict_Contains(d, missing));

    /* Equal keys of different types are one key: 1, 1.0 and True. */
    PyObject *n = PyDict_New();
    PyDict_SetItem(n, PyLong_FromLong(1), PyUnicode_FromString("int"));
    PyDict_SetItem(n, PyFloat_FromDouble(1.0), PyUnicode_FromString("float"));
    PyDict_SetItem(n, Py_True, PyUnicode_FromString("bool"));
    show("{1: ..., 1.0: ..., True: ...}", n);
    Py_DECREF(n);

    /* Iteration with PyDict_Next follows insertion order. */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {
        PyObject *kr = PyObject_Repr(key), *vr = PyObject_Repr(value);
        printf("  Next: %s -> %s\n", PyUnicode_AsUTF8(kr), PyUnicode_AsUTF8(vr));
        Py_DECREF(kr);
        Py_DECREF(vr);
    }

    /* Replacing a value keeps the key's position. */
    PyDict_SetItemString(d, "one", PyUnicode_FromString("uno"));
    show("after replacing 'one'", d);
    printf("DelItem(3): %d\n", PyDict_DelItem(d, k3));
    printf("DelItemString('two'): %d\n", PyDict_DelItemString(d, "two"));
    show("after deletes", d);
    PyDict_SetItemString(d, "two", PyLong_FromLong(22));
    show("re-added 'two' goes last", d);

    show_new("Keys", PyDict_Keys(d));
    show_new("Values", PyDict_Values(d));
    show_new("Items", PyDict_Items(d));
    PyObject *c = PyDict_Copy(d);
    show("Copy", c);
    printf("Copy is a new object: %d\n", c != d);
    PyObject *upd = Py_BuildValue("{s:i,s:i}", "two", 2, "z", 26);
    printf("Update: %d\n", PyDict_Update(c, upd));
    show("updated copy", c);
    show("original unchanged", d);
    printf("Merge(override=0): %d\n", PyDict_Merge(d, upd, 0));
    show("merged without override", d);
    show_new("PyObject_GetItem(d, 'z')", PyObject_GetItem(d, PyUnicode_FromString("z")));
    printf("PyObject_SetItem(d, 'w', 0): %d\n", PyObject_SetItem(d, PyUnicode_FromString("w"), PyLong_FromLong(0)));
    printf("PyMapping_HasKeyString(d, 'w'): %d\n", PyMapping_HasKeyString(d, "w"));
    printf("PyMapping_Size: %zd\n", PyMapping_Size(d));
    show_new("get() via CallMethod", PyObject_CallMethod(d, "get", "si", "nope", -1));
    show_new("setdefault() via CallMethod", PyObject_CallMethod(d, "setdefault", "si", "sd", 5));
    printf("PyDict_Check: %d, CheckExact: %d\n", PyDict_Check(d), PyDict_CheckExact(d));
    PyDict_Clear(c);
    show("cleared copy", c);

    /* Copies of a dict without deletions, each changed in turn: no change shows in another
       (libpycapi shares the table until the first change). */
    PyObject *src = Py_BuildValue("{s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3);
    PyObject *c1 = PyDict_Copy(src), *c2 = PyDict_Copy(src), *c3 = PyDict_Copy(c1);
    PyDict_SetItemString(src, "a", PyLong_FromLong(100));
    PyDict_SetItemString(c1, "d", PyLong_FromLong(4));
    PyDict_DelItemString(c2, "b");
    show("source, value replaced", src);
    show("copy 1, item added", c1);
    show("copy 2, item deleted", c2);
    show("copy of copy 1, made before", c3);
    pos = 0;
    while (PyDict_Next(c3, &pos, &key, &value)) {
        PyDict_SetItem(c3, key, PyLong_FromLong(PyLong_AsLong(value) * 10)); /* values may change while iterating */
    }
    show("copy of copy 1, values changed while iterating", c3);
    show("copy 1 unchanged by it", c1);
    PyObject *empty = PyDict_New(), *empty_copy = PyDict_Copy(empty);
    PyDict_SetItemString(empty_copy, "x", Py_None);
    show("empty dict after its copy got an item", empty);
    show("that copy", empty_copy);
    Py_DECREF(empty_copy);
    Py_DECREF(empty);
    Py_DECREF(c3);
    Py_DECREF(c2);
    Py_DECREF(c1);
    Py_DECREF(src);

    Py_DECREF(upd);
    Py_DECREF(c);
    Py_DECREF(missing);
    Py_DECREF(k4b);
    Py_DECREF(k1);
    Py_DECREF(v1);
    Py_DECREF(k3);
    Py_DECREF(k4);
    Py_DECREF(d);
    return conf_end();
}
