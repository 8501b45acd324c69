/* dict errors: unhashable keys, missing keys, GetItem's error suppression versus
   GetItemWithError, and wrong argument types to the generic mapping API. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *d = Py_BuildValue("{s:i}", "a", 1);
    PyObject *lkey = PyList_New(0);
    PyObject *dkey = PyDict_New();
    PyObject *tkey = Py_BuildValue("(i[])", 1);
    PyObject *missing = PyUnicode_FromString("missing");

    show_ll("PyDict_SetItem(d, [], 1)", PyDict_SetItem(d, lkey, Py_None));
    show_ll("PyDict_SetItem(d, {}, 1)", PyDict_SetItem(d, dkey, Py_None));
    show_ll("PyDict_SetItem(d, (1, []), 1)", PyDict_SetItem(d, tkey, Py_None));
    show("PyDict_GetItemWithError(d, [])", PyDict_GetItemWithError(d, lkey));
    printf("PyDict_GetItemWithError(d, missing) is NULL: %d\n", PyDict_GetItemWithError(d, missing) == NULL);
    show_exc("  pending after a missing key");
    /* PyDict_GetItem suppresses every error, including unhashable keys. */
    printf("PyDict_GetItem(d, []) is NULL: %d\n", PyDict_GetItem(d, lkey) == NULL);
    show_exc("  pending after PyDict_GetItem with an unhashable key");
    show_ll("PyDict_Contains(d, [])", PyDict_Contains(d, lkey));
    show_ll("PyDict_DelItem(d, missing)", PyDict_DelItem(d, missing));
    show_ll("PyDict_DelItem(d, [])", PyDict_DelItem(d, lkey));
    show_ll("PyDict_DelItemString(d, 'nope')", PyDict_DelItemString(d, "nope"));
    show("d unchanged", d);

    show_new("PyObject_GetItem(d, missing)", PyObject_GetItem(d, missing));
    show_new("PyObject_GetItem(d, 42)", PyObject_GetItem(d, PyLong_FromLong(42)));
    show_new("PyObject_GetItem(d, (1, 2))", PyObject_GetItem(d, Py_BuildValue("(ii)", 1, 2)));
    show_new("PyObject_GetItem(d, [])", PyObject_GetItem(d, lkey));
    show_ll("PyObject_DelItem(d, missing)", PyObject_DelItem(d, missing));
    show_ll("PyObject_SetItem(d, [], 0)", PyObject_SetItem(d, lkey, Py_None));
    show_new("PyMapping_GetItemString(d, 'zz')", PyMapping_GetItemString(d, "zz"));
    show_ll("PyMapping_HasKey(d, []) (errors swallowed)", PyMapping_HasKey(d, lkey));
    check_no_exc("PyMapping_HasKey");

    show_new("d.pop('missing')", PyObject_CallMethod(d, "pop", "s", "missing"));
    show_new("{}.popitem()", PyObject_CallMethod(dkey, "popitem", NULL));
    show_new("dict.fromkeys([[]])", PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "(O)", Py_BuildValue("[O]", lkey)));
    show_ll("PyDict_Update(d, [1, 2])", PyDict_Update(d, Py_BuildValue("[ii]", 1, 2)));
    show_ll("PyDict_MergeFromSeq2(d, [(1, 2, 3)], 1)", PyDict_MergeFromSeq2(d, Py_BuildValue("[(iii)]", 1, 2, 3), 1));
    show_ll("PyDict_MergeFromSeq2(d, [5], 1)", PyDict_MergeFromSeq2(d, Py_BuildValue("[i]", 5), 1));
    show_new("dict([1])", PyObject_CallOneArg((PyObject *)&PyDict_Type, Py_BuildValue("[i]", 1)));
    show_ll("hash({})", PyObject_Hash(dkey));
    show("d at the end", d);

    Py_DECREF(missing);
    Py_DECREF(tkey);
    Py_DECREF(dkey);
    Py_DECREF(lkey);
    Py_DECREF(d);
    return conf_end();
}
