/* dict beyond dict_basic / dict_errors: mutation during PyDict_Next and during iteration
   (the RuntimeErrors, and that they stick), unhashable keys through every entry point,
   the keys/values/items views (len, in, iteration, set operations, repr, mapping),
   SetDefault, _PyDict_GetItem_KnownHash, Merge/Update with non-dict mappings and
   MergeFromSeq2's errors. */
#include "conformance.h"

static PyObject *S(const char *s)
{
    return PyUnicode_FromString(s);
}

static PyObject *make_dict(int n)
{
    PyObject *d = PyDict_New();
    for (int i = 0; i < n; i++) {
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        PyObject *v = PyLong_FromLong(i);
        PyDict_SetItemString(d, k, v);
        Py_DECREF(v);
    }
    return d;
}

/* A set's order depends on str hashes: show it sorted (steals the reference). */
static PyObject *sorted(PyObject *set)
{
    if (set == NULL || !PyAnySet_Check(set)) {
        return set;
    }
    PyObject *list = PySequence_List(set);
    Py_DECREF(set);
    if (list != NULL && PyList_Sort(list) < 0) {
        Py_CLEAR(list);
    }
    return list;
}

static PyObject *call(PyObject *o, const char *method)
{
    return PyObject_CallMethod(o, method, NULL);
}

/* Drains an iterator, printing each item, until it ends or fails (then the error, and one
   more next() to show whether the failure sticks). */
static void drain(const char *label, PyObject *it, PyObject *d, int mutate_at, int how)
{
    printf("%s:", label);
    if (it == NULL) {
        printf(" ");
        conf_write_exc();
        printf("\n");
        return;
    }
    int i = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_Repr(item);
        printf(" ");
        conf_write_str(r);
        Py_DECREF(r);
        Py_DECREF(item);
        if (i++ == mutate_at) {
            if (how == 0) {
                PyDict_SetItemString(d, "added", Py_None);
            } else if (how == 1) {
                /* Same size, different keys. */
                PyDict_DelItemString(d, "k0");
                PyDict_SetItemString(d, "other", Py_None);
            } else if (how == 2) {
                PyDict_SetItemString(d, "k1", Py_True);
            } else {
                PyDict_DelItemString(d, "k2");
            }
        }
    }
    printf("\n");
    show_exc("  ended with");
    item = PyIter_Next(it);
    show_new("  next again", item);
}

int main(void)
{
    conf_init();

    /* PyDict_Next while the dict changes. */
    {
        PyObject *d = make_dict(4), *k, *v;
        Py_ssize_t pos = 0;
        printf("Next replacing values:");
        while (PyDict_Next(d, &pos, &k, &v)) {
            printf(" %s@%zd", PyUnicode_AsUTF8(k), pos);
            PyObject *nv = PyLong_FromLong(100 + PyLong_AsLong(v));
            PyDict_SetItem(d, k, nv);
            Py_DECREF(nv);
        }
        printf("\n");
        show("  after", d);
        pos = 0;
        printf("Next deleting the current key:");
        while (PyDict_Next(d, &pos, &k, &v)) {
            printf(" %s@%zd", PyUnicode_AsUTF8(k), pos);
            PyDict_DelItem(d, k);
        }
        printf("\n");
        show("  after", d);
        Py_DECREF(d);

        d = make_dict(3);
        pos = 0;
        int added = 0;
        printf("Next adding one key:");
        while (PyDict_Next(d, &pos, &k, &v)) {
            printf(" %s@%zd", PyUnicode_AsUTF8(k), pos);
            if (!added) {
                PyDict_SetItemString(d, "new", Py_None);
                added = 1;
            }
        }
        printf("\n");
        Py_DECREF(d);

        d = make_dict(3);
        pos = 0;
        printf("Next clearing:");
        while (PyDict_Next(d, &pos, &k, &v)) {
            printf(" %s@%zd", PyUnicode_AsUTF8(k), pos);
            PyDict_Clear(d);
        }
        printf(" end@%zd\n", pos);
        Py_DECREF(d);

        d = make_dict(3);
        PyDict_DelItemString(d, "k1");
        pos = 0;
        printf("Next over a hole:");
        while (PyDict_Next(d, &pos, &k, &v)) {
            printf(" %s@%zd", PyUnicode_AsUTF8(k), pos);
        }
        printf("\n");
        pos = 99;
        printf("Next from pos 99: %d\n", PyDict_Next(d, &pos, &k, &v));
        pos = -1;
        printf("Next from pos -1: %d\n", PyDict_Next(d, &pos, &k, &v));
        Py_DECREF(d);
    }

    /* Iterators while the dict changes. */
    {
        const char *kinds[] = {"__iter__", "keys", "values", "items"};
        const char *hows[] = {"adding", "same size other keys", "replacing a value", "deleting"};
        for (int h = 0; h < 4; h++) {
            for (int k = 0; k < 4; k++) {
                PyObject *d = make_dict(4);
                PyObject *src = k == 0 ? Py_NewRef(d) : call(d, kinds[k]);
                PyObject *it = PyObject_GetIter(src);
                char label[120];
                snprintf(label, sizeof label, "iter %s, %s", kinds[k], hows[h]);
                drain(label, it, d, 1, h);
                Py_DECREF(it);
                Py_DECREF(src);
                Py_DECREF(d);
            }
        }
        PyObject *d = make_dict(3);
        PyObject *it = PyObject_GetIter(d);
        PyObject *first = PyIter_Next(it);
        PyDict_SetItemString(d, "x", Py_None);
        PyDict_DelItemString(d, "x");
        Py_XDECREF(first);
        drain("iter after add+delete (size back)", it, d, -1, 0);
        Py_DECREF(it);
        it = PyObject_GetIter(d);
        show_new("length_hint", PyObject_CallMethod(it, "__length_hint__", NULL));
        Py_DECREF(it);
        PyObject *rev = PyObject_CallMethod(d, "__reversed__", NULL);
        drain("reversed", rev, d, -1, 0);
        Py_XDECREF(rev);
        Py_DECREF(d);
    }

    /* Unhashable keys. */
    {
        PyObject *d = make_dict(2), *lst = PyList_New(0), *dd = PyDict_New(), *st = PySet_New(NULL);
        PyObject *tup = Py_BuildValue("(iO)", 1, lst);
        printf("SetItem(list): %d\n", PyDict_SetItem(d, lst, Py_None));
        show_exc("  raised");
        printf("SetItem(dict): %d\n", PyDict_SetItem(d, dd, Py_None));
        show_exc("  raised");
        printf("SetItem(tuple with list): %d\n", PyDict_SetItem(d, tup, Py_None));
        show_exc("  raised");
        show("GetItem(list) (error swallowed)", PyDict_GetItem(d, lst));
        show("GetItemWithError(set)", PyDict_GetItemWithError(d, st));
        printf("Contains(list): %d\n", PyDict_Contains(d, lst));
        show_exc("  raised");
        printf("DelItem(list): %d\n", PyDict_DelItem(d, lst));
        show_exc("  raised");
        show("SetDefault(list)", PyDict_SetDefault(d, lst, Py_None));
        show_new("PyObject_GetItem(d, list)", PyObject_GetItem(d, lst));
        show_new("pop(list)", PyObject_CallMethod(d, "pop", "O", lst));
        show_new("get(list)", PyObject_CallMethod(d, "get", "O", lst));
        show_new("fromkeys([[]])", PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "(O)", lst));
        PyObject *keys = call(d, "keys");
        printf("list in d.keys(): %d\n", PySequence_Contains(keys, lst));
        show_exc("  raised");
        PyObject *items = call(d, "items");
        PyObject *pair = Py_BuildValue("(OO)", lst, Py_None);
        printf("(list, None) in d.items(): %d\n", PySequence_Contains(items, pair));
        show_exc("  raised");
        Py_DECREF(pair);
        Py_DECREF(keys);
        Py_DECREF(items);
        Py_DECREF(tup);
        Py_DECREF(d);
        Py_DECREF(lst);
        Py_DECREF(dd);
        Py_DECREF(st);
    }

    /* Views. */
    {
        PyObject *d = make_dict(3);
        PyObject *keys = call(d, "keys"), *values = call(d, "values"), *items = call(d, "items");
        show("keys", keys);
        show("values", values);
        show("items", items);
        printf("len: %zd %zd %zd\n", PyObject_Size(keys), PyObject_Size(values), PyObject_Size(items));
        PyObject *k1 = S("k1"), *one = PyLong_FromLong(1), *pair = Py_BuildValue("(si)", "k1", 1);
        PyObject *wrong = Py_BuildValue("(si)", "k1", 2), *notpair = Py_BuildValue("(s)", "k1");
        printf("'k1' in keys: %d, 1 in values: %d, ('k1', 1) in items: %d, ('k1', 2) in items: %d, ('k1',) in items: %d\n",
               PySequence_Contains(keys, k1), PySequence_Contains(values, one), PySequence_Contains(items, pair),
               PySequence_Contains(items, wrong), PySequence_Contains(items, notpair));
        printf("'k1' in items: %d\n", PySequence_Contains(items, k1));
        check_no_exc("contains");
        PyObject *other = Py_BuildValue("[sss]", "k1", "k2", "zz");
        show_new("keys & list", sorted(PyNumber_And(keys, other)));
        show_new("keys | list", sorted(PyNumber_Or(keys, other)));
        show_new("keys - list", sorted(PyNumber_Subtract(keys, other)));
        show_new("keys ^ list", sorted(PyNumber_Xor(keys, other)));
        show_new("list & keys", sorted(PyNumber_And(other, keys)));
        show_new("list - keys", sorted(PyNumber_Subtract(other, keys)));
        PyObject *pairs = Py_BuildValue("[(si)(si)]", "k1", 1, "k2", 5);
        show_new("items & list of pairs", sorted(PyNumber_And(items, pairs)));
        show_new("items - list of pairs", sorted(PyNumber_Subtract(items, pairs)));
        show_new("values & list", PyNumber_And(values, other));
        show_new("keys & 5", PyNumber_And(keys, PyLong_FromLong(5)));
        {
            /* The slots C code reads off the view types. */
            PyTypeObject *kt = Py_TYPE(keys), *vt = Py_TYPE(values), *it = Py_TYPE(items);
            printf("dict_keys: nb_or=%d richcompare=%d hash-not-implemented=%d\n",
                   kt->tp_as_number != NULL && kt->tp_as_number->nb_or != NULL, kt->tp_richcompare != NULL,
                   kt->tp_hash == PyObject_HashNotImplemented);
            printf("dict_items: nb_and=%d richcompare=%d hash-not-implemented=%d\n",
                   it->tp_as_number != NULL && it->tp_as_number->nb_and != NULL, it->tp_richcompare != NULL,
                   it->tp_hash == PyObject_HashNotImplemented);
            printf("dict_values: as_number=%d hash-not-implemented=%d\n",
                   vt->tp_as_number != NULL && vt->tp_as_number->nb_and != NULL, vt->tp_hash == PyObject_HashNotImplemented);
            show_new("keys nb_or slot", sorted(kt->tp_as_number->nb_or(keys, other)));
            show_new("list nb_sub slot of keys", sorted(kt->tp_as_number->nb_subtract(other, keys)));
            show_new("items nb_and slot", sorted(it->tp_as_number->nb_and(items, pairs)));
            show_new("keys tp_richcompare(set, <)", kt->tp_richcompare(keys, other, Py_LT));
        }
        show_new("keys.isdisjoint(['zz'])", PyObject_CallMethod(keys, "isdisjoint", "([s])", "zz"));
        show_new("keys.isdisjoint(['k0'])", PyObject_CallMethod(keys, "isdisjoint", "([s])", "k0"));
        PyObject *kset = Py_BuildValue("{s:i,s:i,s:i}", "k0", 0, "k1", 0, "k2", 0);
        PyObject *asset = PySet_New(kset);
        show_new("keys == set", PyObject_RichCompare(keys, asset, Py_EQ));
        show_new("keys <= set", PyObject_RichCompare(keys, asset, Py_LE));
        show_new("keys < set", PyObject_RichCompare(keys, asset, Py_LT));
        show_new("keys == list", PyObject_RichCompare(keys, other, Py_EQ));
        show_new("values == values", PyObject_RichCompare(values, values, Py_EQ));
        show_new("keys.mapping", PyObject_GetAttrString(keys, "mapping"));
        show_new("items.mapping", PyObject_GetAttrString(items, "mapping"));
        show_new("reversed(keys)", PySequence_List(PyObject_CallMethod(keys, "__reversed__", NULL)));
        show_new("reversed(items)", PySequence_List(PyObject_CallMethod(items, "__reversed__", NULL)));
        show_new("keys[0]", PyObject_GetItem(keys, PyLong_FromLong(0)));
        show_new("hash(keys)", PyLong_FromSsize_t(PyObject_Hash(keys)));
        PyDict_SetItemString(d, "late", Py_None);
        show("keys after adding", keys);
        printf("len after adding: %zd\n", PyObject_Size(keys));
        PyDict_SetItem(d, S("self"), d);
        show("items of a recursive dict", items);
        PyDict_DelItemString(d, "self");
        show_new("type(keys)", PyObject_Type(keys));
        show_new("empty dict keys", call(PyDict_New(), "keys"));
        Py_DECREF(kset);
        Py_DECREF(asset);
        Py_DECREF(pairs);
        Py_DECREF(other);
        Py_DECREF(k1);
        Py_DECREF(one);
        Py_DECREF(pair);
        Py_DECREF(wrong);
        Py_DECREF(notpair);
        Py_DECREF(keys);
        Py_DECREF(values);
        Py_DECREF(items);
        Py_DECREF(d);
    }

    /* SetDefault and KnownHash. */
    {
        PyObject *d = make_dict(2), *k0 = S("k0"), *nk = S("new"), *v = PyLong_FromLong(42);
        PyObject *r = PyDict_SetDefault(d, k0, v);
        show("SetDefault(existing)", r);
        r = PyDict_SetDefault(d, nk, v);
        show("SetDefault(new)", r);
        printf("SetDefault returns the stored object: %d\n", r == v);
        show("dict", d);
        Py_hash_t h = PyObject_Hash(k0);
        show("_PyDict_GetItem_KnownHash(right hash)", _PyDict_GetItem_KnownHash(d, k0, h));
        r = _PyDict_GetItem_KnownHash(d, k0, h + 1);
        printf("_PyDict_GetItem_KnownHash(wrong hash) is NULL: %d\n", r == NULL);
        show_exc("  pending");
        PyObject *one = PyLong_FromLong(1);
        PyDict_SetItem(d, one, Py_True);
        show("_PyDict_GetItem_KnownHash(1.0 with hash 1)", _PyDict_GetItem_KnownHash(d, PyFloat_FromDouble(1.0), 1));
        Py_DECREF(one);
        Py_DECREF(k0);
        Py_DECREF(nk);
        Py_DECREF(v);
        Py_DECREF(d);
    }

    /* Merge / Update / MergeFromSeq2. */
    {
        PyObject *src = Py_BuildValue("{s:i,s:i}", "a", 10, "z", 26);
        PyObject *proxy = PyDictProxy_New(src);
        for (int ov = 0; ov <= 2; ov++) {
            PyObject *d = Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2);
            char label[80];
            snprintf(label, sizeof label, "Merge(mappingproxy, override=%d)", ov);
            printf("%s: %d\n", label, PyDict_Merge(d, proxy, ov));
            show("  result", d);
            check_no_exc(label);
            Py_DECREF(d);
        }
        PyObject *d = Py_BuildValue("{s:i}", "a", 1);
        printf("Update(mappingproxy): %d\n", PyDict_Update(d, proxy));
        show("  result", d);
        printf("Merge(5): %d\n", PyDict_Merge(d, PyLong_FromLong(5), 1));
        show_exc("  raised");
        printf("Update(list of pairs): %d\n", PyDict_Update(d, Py_BuildValue("[(ii)]", 1, 2)));
        show_exc("  raised");
        printf("Merge(self): %d\n", PyDict_Merge(d, d, 1));
        show("  result", d);
        struct { const char *fmt; int ov; } seqs[] = {
            {"[(si)(si)]", 1}, {"[(si)(si)]", 0}, {"[i]", 1}, {"[(iii)]", 1}, {"[(i)]", 1}, {"[s]", 1},
            {"[s]", 0}, {"i", 1}, {"[(Oi)]", 1}, {"[[si]]", 1}, {"[(si)i]", 1},
        };
        for (int i = 0; i < (int)(sizeof seqs / sizeof seqs[0]); i++) {
            PyObject *seq;
            if (i == 0 || i == 1) {
                seq = Py_BuildValue(seqs[i].fmt, "a", 100, "q", 7);
            } else if (i == 2 || i == 7) {
                seq = Py_BuildValue(seqs[i].fmt, 5);
            } else if (i == 3) {
                seq = Py_BuildValue(seqs[i].fmt, 1, 2, 3);
            } else if (i == 4) {
                seq = Py_BuildValue(seqs[i].fmt, 1);
            } else if (i == 5 || i == 6) {
                seq = Py_BuildValue(seqs[i].fmt, "az");
            } else if (i == 8) {
                seq = Py_BuildValue(seqs[i].fmt, PyList_New(0), 1);
            } else if (i == 9) {
                seq = Py_BuildValue(seqs[i].fmt, "m", 3);
            } else {
                seq = Py_BuildValue(seqs[i].fmt, "n", 4, 9);
            }
            PyObject *t = Py_BuildValue("{s:i}", "a", 1);
            char label[80];
            snprintf(label, sizeof label, "MergeFromSeq2(%s, override=%d)", seqs[i].fmt, seqs[i].ov);
            int rc = PyDict_MergeFromSeq2(t, seq, seqs[i].ov);
            printf("%s: %d", label, rc);
            if (rc < 0) {
                printf(", ");
                conf_write_exc();
            }
            printf("\n");
            show("  result", t);
            Py_DECREF(t);
            Py_DECREF(seq);
        }
        Py_DECREF(d);
        Py_DECREF(proxy);
        Py_DECREF(src);
    }
    return conf_end();
}
