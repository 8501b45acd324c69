/* set and frozenset errors: bad internal calls of the PySet_* API, unhashable elements,
   pop from an empty set, missing elements, unhashable sets, operands that are not sets,
   method and constructor argument errors, and a set changed while iterated. */
#include "conformance.h"

/* A call's C result, then its bad internal call. */
static void show_bad_call(const char *label, long long result)
{
    printf("%s: %lld\n", label, result);
    show_bad_internal_call("  error");
}

/* {item}, stealing the item. */
static PyObject *set_with(PyObject *item)
{
    PyObject *s = PySet_New(NULL);
    PySet_Add(s, item);
    Py_DECREF(item);
    return s;
}

static PyObject *set_with2(PyObject *a, PyObject *b)
{
    PyObject *s = set_with(a);
    PySet_Add(s, b);
    Py_DECREF(b);
    return s;
}

/* Calls a callable with positional arguments (a tuple) and keyword arguments (a dict or NULL). */
static void show_call(const char *label, PyObject *callable, PyObject *args, PyObject *kwargs)
{
    show_new(label, PyObject_Call(callable, args, kwargs));
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

/* Key(n): hashes to n % 4, so keys collide; equal by n. Its mode makes comparisons fail
   (1), clear the set `victim` while a lookup compares (2), or hashing fail (3). */
typedef struct {
    PyObject_HEAD
    long n;
    int mode;
} Key;

static PyObject *victim;

static Py_hash_t key_hash(PyObject *self)
{
    Key *k = (Key *)self;
    if (k->mode == 3) {
        PyErr_SetString(PyExc_ValueError, "hash failed");
        return -1;
    }
    return k->n % 4;
}

static PyObject *key_richcompare(PyObject *a, PyObject *b, int op);

static PyObject *key_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Key(%ld)", ((Key *)self)->n);
}

static PyTypeObject Key_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "Key",
    .tp_basicsize = sizeof(Key),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_hash = key_hash,
    .tp_richcompare = key_richcompare,
    .tp_repr = key_repr,
};

static PyObject *key_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op != Py_EQ || !PyObject_TypeCheck(a, &Key_Type) || !PyObject_TypeCheck(b, &Key_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Key *x = (Key *)a, *y = (Key *)b;
    if (x->mode == 1 || y->mode == 1) {
        PyErr_SetString(PyExc_ValueError, "comparison failed");
        return NULL;
    }
    if (x->mode == 2 || y->mode == 2) {
        PySet_Clear(victim);
        Py_RETURN_FALSE;
    }
    return PyBool_FromLong(x->n == y->n);
}

static PyObject *new_key(long n, int mode)
{
    Key *k = PyObject_New(Key, &Key_Type);
    k->n = n;
    k->mode = mode;
    return (PyObject *)k;
}

int main(void)
{
    conf_init();
    PyObject *s = Py_BuildValue("[iii]", 1, 2, 3);
    PyObject *set = PySet_New(s);
    PyObject *frozen = PyFrozenSet_New(s);
    PyObject *list = s;
    PyObject *empty_list = PyList_New(0);
    PyObject *one = PyLong_FromLong(1), *five = PyLong_FromLong(5);
    PyObject *setkey = Py_BuildValue("[i]", 2);
    PyObject *two_set = PySet_New(setkey);
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;

    /* Bad internal calls: not a set, or a frozenset where only a set will do. */
    show_bad_call("PySet_Size(list)", PySet_Size(list));
    show_bad_call("PySet_Contains(list, 1)", PySet_Contains(list, one));
    show_bad_call("PySet_Add(list, 1)", PySet_Add(list, one));
    Py_INCREF(frozen);
    show_bad_call("PySet_Add(shared frozenset, 1)", PySet_Add(frozen, five));
    Py_DECREF(frozen);
    show_bad_call("PySet_Discard(frozenset, 1)", PySet_Discard(frozen, one));
    show_bad_call("PySet_Discard(dict, 1)", PySet_Discard(PyDict_New(), one));
    show_bad_call("PySet_Pop(frozenset)", (long long)(PySet_Pop(frozen) != NULL));
    show_bad_call("PySet_Clear(frozenset)", PySet_Clear(frozen));
    show_bad_call("PySet_Clear(list)", PySet_Clear(list));
    show_bad_call("_PySet_NextEntry(list)", _PySet_NextEntry(list, &pos, &key, &hash));
    show("frozenset unchanged", frozen);

    /* Unhashable elements and keys. */
    show_new("PySet_New([[]])", PySet_New(Py_BuildValue("[O]", empty_list)));
    show_new("PyFrozenSet_New([1, []])", PyFrozenSet_New(Py_BuildValue("[iO]", 1, empty_list)));
    show_new("PySet_New(5)", PySet_New(five));
    show_new("PyFrozenSet_New(5)", PyFrozenSet_New(five));
    show_ll("PySet_Add(set, [])", PySet_Add(set, empty_list));
    show_ll("PySet_Contains(set, [])", PySet_Contains(set, empty_list));
    show_ll("PySet_Contains(set, {2}) (no frozenset lookup)", PySet_Contains(set, two_set));
    show_ll("PySet_Discard(set, [])", PySet_Discard(set, empty_list));
    show_ll("PySequence_Contains(set, [])", PySequence_Contains(set, empty_list));
    show_new("set.add([])", PyObject_CallMethod(set, "add", "O", empty_list));
    show_new("set.discard([])", PyObject_CallMethod(set, "discard", "O", empty_list));
    show_new("set.remove([])", PyObject_CallMethod(set, "remove", "O", empty_list));
    show_new("set.__contains__([])", PyObject_CallMethod(set, "__contains__", "O", empty_list));
    show("set unchanged", set);

    /* Unhashable sets. */
    show_ll("hash(set)", PyObject_Hash(set));
    show_ll("hash(set())", PyObject_Hash(PySet_New(NULL)));
    /* The operators' slot wrappers. */
    show_new("set.__or__([])", PyObject_CallMethod(set, "__or__", "O", empty_list));
    show_new("set.__ror__(frozenset)", PyObject_CallMethod(set, "__ror__", "O", frozen));
    show_new("set.__isub__([])", PyObject_CallMethod(set, "__isub__", "O", empty_list));
    show_new("frozenset.__xor__(set)", PyObject_CallMethod(frozen, "__xor__", "O", set));
    show_new("frozenset.__ixor__", PyObject_GetAttrString(frozen, "__ixor__"));
    show_new("set.__len__()", PyObject_CallMethod(set, "__len__", NULL));
    show_ll("PyDict_SetItem(d, set, 1)", PyDict_SetItem(PyDict_New(), set, one));
    show_ll("PySet_Add(set, set)", PySet_Add(set, set));
    show_new("frozenset([{2}])", PyFrozenSet_New(Py_BuildValue("[O]", two_set)));

    /* Empty sets and missing elements. */
    PyObject *empty = PySet_New(NULL);
    show_new("PySet_Pop(set())", PySet_Pop(empty));
    show_new("set().pop()", PyObject_CallMethod(empty, "pop", NULL));
    show_new("set.remove(5)", PyObject_CallMethod(set, "remove", "O", five));
    show_new("set.remove(())", PyObject_CallMethod(set, "remove", "(())"));
    show_new("set.remove((1, 2))", PyObject_CallMethod(set, "remove", "((ii))", 1, 2));
    show_new("set.remove({2}) (looked up as frozenset({2}))", PyObject_CallMethod(set, "remove", "O", two_set));
    show_new("set.remove('x')", PyObject_CallMethod(set, "remove", "s", "x"));

    /* Operands that are not sets. */
    show_new("set | [1]", PyNumber_Or(set, list));
    show_new("set & [1]", PyNumber_And(set, list));
    show_new("set - 1", PyNumber_Subtract(set, one));
    show_new("set ^ 'a'", PyNumber_Xor(set, PyUnicode_FromString("a")));
    show_new("[1] | set", PyNumber_Or(list, set));
    show_new("set |= [1]", PyNumber_InPlaceOr(set, list));
    show_new("set &= [1]", PyNumber_InPlaceAnd(set, list));
    show_new("set -= [1]", PyNumber_InPlaceSubtract(set, list));
    show_new("set ^= [1]", PyNumber_InPlaceXor(set, list));
    show_new("frozenset |= [1]", PyNumber_InPlaceOr(frozen, list));
    show_new("set + set", PyNumber_Add(set, set));
    show_new("set * 2", PyNumber_Multiply(set, PyLong_FromLong(2)));
    show_new("set[0]", PyObject_GetItem(set, PyLong_FromLong(0)));
    show_new("PySequence_GetItem(set, 0)", PySequence_GetItem(set, 0));
    show_ll("PyMapping_Size(set)", PyMapping_Size(set));
    show_ll("PyMapping_Check(set)", PyMapping_Check(set));
    show_ll("PySequence_Check(set)", PySequence_Check(set));
    show_new("PySequence_Concat(set, set)", PySequence_Concat(set, set));
    show_new("set < [1]", PyObject_RichCompare(set, list, Py_LT));
    show_new("set >= 1", PyObject_RichCompare(set, one, Py_GE));
    show_new("set == [1, 2, 3]", PyObject_RichCompare(set, list, Py_EQ));
    show("set unchanged", set);

    /* Methods given what they cannot use. */
    show_new("set.update([[]])", PyObject_CallMethod(set, "update", "([O])", empty_list));
    show_new("set.update(5)", PyObject_CallMethod(set, "update", "(O)", five));
    show_new("set.union([1], 5)", PyObject_CallMethod(set, "union", "[i]O", 1, five));
    show_new("set.intersection(5)", PyObject_CallMethod(set, "intersection", "(O)", five));
    show_new("set.intersection([[]])", PyObject_CallMethod(set, "intersection", "([O])", empty_list));
    show_new("set.intersection([1, 2, 3, []]) (stops once all are found)",
             PyObject_CallMethod(set, "intersection", "([iiiO])", 1, 2, 3, empty_list));
    show_new("set.difference([[]])", PyObject_CallMethod(set, "difference", "([O])", empty_list));
    show_new("set.difference(5)", PyObject_CallMethod(set, "difference", "(O)", five));
    show_new("set.symmetric_difference([[]])", PyObject_CallMethod(set, "symmetric_difference", "([O])", empty_list));
    show_new("set.symmetric_difference(5)", PyObject_CallMethod(set, "symmetric_difference", "(O)", five));
    show_new("set.issubset([[]])", PyObject_CallMethod(set, "issubset", "([O])", empty_list));
    show_new("set.issubset(5)", PyObject_CallMethod(set, "issubset", "(O)", five));
    show_new("set.issuperset([[]])", PyObject_CallMethod(set, "issuperset", "([O])", empty_list));
    show_new("set.issuperset([9, []]) (stops at the first missing)", PyObject_CallMethod(set, "issuperset", "([iO])", 9, empty_list));
    show_new("set.isdisjoint([{2}])", PyObject_CallMethod(set, "isdisjoint", "([O])", two_set));
    show_new("set.isdisjoint(5)", PyObject_CallMethod(set, "isdisjoint", "(O)", five));
    show_new("set.difference_update(5)", PyObject_CallMethod(set, "difference_update", "(O)", five));
    show_new("set.intersection_update([[]])", PyObject_CallMethod(set, "intersection_update", "([O])", empty_list));
    show_new("set.symmetric_difference_update([[]])", PyObject_CallMethod(set, "symmetric_difference_update", "([O])", empty_list));
    show("set unchanged", set);
    show_new("frozenset.add", PyObject_GetAttrString(frozen, "add"));
    show_new("set.add(frozenset, 1)", PyObject_CallMethod((PyObject *)&PySet_Type, "add", "Oi", frozen, 1));
    show_new("frozenset.copy(set)", PyObject_CallMethod((PyObject *)&PyFrozenSet_Type, "copy", "O", set));

    /* Argument counts and keywords. */
    PyObject *add = PyObject_GetAttrString(set, "add");
    show_call("set.add()", add, PyTuple_New(0), NULL);
    show_call("set.add(1, 2)", add, Py_BuildValue("(ii)", 1, 2), NULL);
    show_call("set.add(x=1)", add, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "x", 1));
    Py_DECREF(add);
    show_new("set.copy(1)", PyObject_CallMethod(set, "copy", "i", 1));
    show_new("set.pop(1)", PyObject_CallMethod(set, "pop", "i", 1));
    show_new("set.clear(1)", PyObject_CallMethod(set, "clear", "i", 1));
    show_new("frozenset.copy(1)", PyObject_CallMethod(frozen, "copy", "i", 1));
    show_new("set.symmetric_difference()", PyObject_CallMethod(set, "symmetric_difference", NULL));
    show_new("frozenset.issubset(1, 2)", PyObject_CallMethod(frozen, "issubset", "ii", 1, 2));
    PyObject *union_ = PyObject_GetAttrString(set, "union");
    show_call("set.union(x=1)", union_, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1));
    Py_DECREF(union_);
    PyObject *funion = PyObject_GetAttrString(frozen, "union");
    show_call("frozenset.union(x=1)", funion, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1));
    Py_DECREF(funion);
    PyObject *update = PyObject_GetAttrString(set, "update");
    show_call("set.update(x=1)", update, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1));
    Py_DECREF(update);
    show_call("set(1, 2)", (PyObject *)&PySet_Type, Py_BuildValue("(ii)", 1, 2), NULL);
    show_call("set(iterable=[])", (PyObject *)&PySet_Type, PyTuple_New(0), Py_BuildValue("{s:O}", "iterable", empty_list));
    show_call("set(5)", (PyObject *)&PySet_Type, Py_BuildValue("(i)", 5), NULL);
    show_call("frozenset(1, 2)", (PyObject *)&PyFrozenSet_Type, Py_BuildValue("(ii)", 1, 2), NULL);
    show_call("frozenset(iterable=[])", (PyObject *)&PyFrozenSet_Type, PyTuple_New(0), Py_BuildValue("{s:O}", "iterable", empty_list));
    show_call("frozenset([[]])", (PyObject *)&PyFrozenSet_Type, Py_BuildValue("([O])", empty_list), NULL);

    /* Elements whose hash or comparison fails, or whose comparison changes the set. */
    PyType_Ready(&Key_Type);
    PyObject *keys = PySet_New(NULL);
    PyObject *k1 = new_key(1, 0), *k5 = new_key(5, 0);
    PySet_Add(keys, k1);
    PySet_Add(keys, k5);
    show("keys (colliding hashes)", keys);
    show_ll("PySet_Add(keys, failing comparison)", PySet_Add(keys, new_key(9, 1)));
    show_ll("PySet_Contains(keys, failing comparison)", PySet_Contains(keys, new_key(9, 1)));
    show_ll("PySet_Discard(keys, failing comparison)", PySet_Discard(keys, new_key(9, 1)));
    show_ll("PySet_Contains(keys, hash 2: no comparison)", PySet_Contains(keys, new_key(2, 1)));
    show_ll("PySet_Add(keys, failing hash)", PySet_Add(keys, new_key(0, 3)));
    show_new("keys | {failing comparison}", PyNumber_Or(keys, set_with(new_key(13, 1))));
    show_new("keys.issubset([failing comparison]) (made a set first)", PyObject_CallMethod(keys, "issubset", "([N])", new_key(1, 1)));
    show_new("keys.issubset([failing comparison, Key(2)])", PyObject_CallMethod(keys, "issubset", "([NN])", new_key(1, 1), new_key(2, 0)));
    show_new("keys.intersection([failing comparison])", PyObject_CallMethod(keys, "intersection", "([N])", new_key(1, 1)));
    show_new("keys.issuperset([failing comparison])", PyObject_CallMethod(keys, "issuperset", "([N])", new_key(1, 1)));
    show_new("keys.isdisjoint([failing comparison])", PyObject_CallMethod(keys, "isdisjoint", "([N])", new_key(1, 1)));
    show_new("keys.difference({failing comparison: 0})", PyObject_CallMethod(keys, "difference", "({N:i})", new_key(1, 1), 0));
    show_new("keys.symmetric_difference([failing comparison])", PyObject_CallMethod(keys, "symmetric_difference", "([N])", new_key(1, 1)));
    show_new("keys.remove(failing comparison)", PyObject_CallMethod(keys, "remove", "N", new_key(1, 1)));
    show_new("keys == {Key(2), failing comparison}", PyObject_RichCompare(keys, set_with2(new_key(2, 0), new_key(13, 1)), Py_EQ));
    show_new("frozenset([failing hash])", PyFrozenSet_New(Py_BuildValue("[N]", new_key(0, 3))));
    show("keys unchanged", keys);
    victim = keys;
    show_ll("PySet_Contains(keys, a key whose comparison clears keys)", PySet_Contains(keys, new_key(9, 2)));
    show("keys after that lookup", keys);
    PySet_Add(keys, k1);
    PySet_Add(keys, k5);
    show_ll("PySet_Add(keys, a key whose comparison clears keys)", PySet_Add(keys, new_key(9, 2)));
    show("keys after that add", keys);
    victim = NULL;
    Py_DECREF(k1);
    Py_DECREF(k5);
    Py_DECREF(keys);

    /* A set that changes size while iterated; the error sticks. The same size does not count. */
    PyObject *it = PyObject_GetIter(set);
    show_new("next(it)", PyIter_Next(it));
    PySet_Add(set, five);
    show_new("next(it) after an add", PyIter_Next(it));
    PySet_Discard(set, five);
    show_new("next(it) with the size restored", PyIter_Next(it));
    show_new("it.__length_hint__()", PyObject_CallMethod(it, "__length_hint__", NULL));
    Py_DECREF(it);
    it = PyObject_GetIter(set);
    show_new("next(it)", PyIter_Next(it));
    PySet_Discard(set, PyLong_FromLong(3));
    PySet_Add(set, PyLong_FromLong(4));
    show_new("next(it) after a discard and an add", PyIter_Next(it));
    show_new("next(it)", PyIter_Next(it));
    show_new("next(it) at the end", PyIter_Next(it));
    check_no_exc("exhausted iterator");
    Py_DECREF(it);
    it = PyObject_GetIter(set);
    show_new("next(it)", PyIter_Next(it));
    PySet_Clear(set);
    show_new("next(it) after clear", PyIter_Next(it));
    Py_DECREF(it);
    PyObject *list_of_set = PySequence_List(set);
    show("list(set) after clear", list_of_set);
    Py_XDECREF(list_of_set);

    Py_DECREF(empty);
    Py_DECREF(two_set);
    Py_DECREF(setkey);
    Py_DECREF(one);
    Py_DECREF(five);
    Py_DECREF(empty_list);
    Py_DECREF(frozen);
    Py_DECREF(set);
    Py_DECREF(list);
    return conf_end();
}
