/* set and frozenset: the PySet_* API, the abstract API on sets (len, in, iteration,
   comparisons, operators and their in-place forms), the methods, the constructors, reprs
   in CPython's iteration order (also after deletions and growth), and frozenset hashes. */
#include "conformance.h"

static PyObject *ints(int lo, int hi)
{
    PyObject *list = PyList_New(0);
    for (int i = lo; i < hi; i++) {
        PyObject *n = PyLong_FromLong(i);
        PyList_Append(list, n);
        Py_DECREF(n);
    }
    return list;
}

/* make(the object Py_BuildValue builds). */
static PyObject *made_from(PyObject *(*make)(PyObject *), const char *format, va_list va)
{
    PyObject *items = Py_VaBuildValue(format, va);
    PyObject *s = make(items);
    Py_DECREF(items);
    return s;
}

static PyObject *set_of(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *s = made_from(PySet_New, format, va);
    va_end(va);
    return s;
}

static PyObject *frozen_of(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *s = made_from(PyFrozenSet_New, format, va);
    va_end(va);
    return s;
}

/* A fixed pseudo-random sequence (the same in both builds). */
static unsigned long long random_state = 20261126;

static long next_random(long bound)
{
    random_state = random_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (long)((random_state >> 33) % (unsigned long long)bound);
}

static void show_hash(const char *label, PyObject *o)
{
    show_ll(label, (long long)PyObject_Hash(o));
}

static void show_cmp(const char *label, PyObject *a, PyObject *b)
{
    static const char *ops[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int op = 0; op < 6; op++) {
        char full[128];
        snprintf(full, sizeof full, "%s %s", label, ops[op]);
        show_new(full, PyObject_RichCompare(a, b, op));
    }
}

static void show_iteration(const char *label, PyObject *s)
{
    printf("%s:", label);
    PyObject *it = PyObject_GetIter(s);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_Repr(item);
        printf(" %s", PyUnicode_AsUTF8(r));
        Py_DECREF(r);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    printf("\n");
    check_no_exc(label);
}

int main(void)
{
    conf_init();

    /* Construction and the C API. */
    PyObject *empty = PySet_New(NULL);
    show("PySet_New(NULL)", empty);
    show_new("PyFrozenSet_New(NULL)", PyFrozenSet_New(NULL));
    PyObject *s = set_of("[iiiiii]", 3, 1, 2, 3, 1, 100);
    show("PySet_New([3, 1, 2, 3, 1, 100])", s);
    show_ll("PySet_Size", PySet_Size(s));
    show_ll("PySet_GET_SIZE", PySet_GET_SIZE(s));
    show_ll("PySet_Check(s)", PySet_Check(s));
    show_ll("PyFrozenSet_Check(s)", PyFrozenSet_Check(s));
    show_ll("PyAnySet_Check(s)", PyAnySet_Check(s));
    show_ll("PyAnySet_CheckExact(s)", PyAnySet_CheckExact(s));
    show_ll("PySet_CheckExact(s)", PySet_CheckExact(s));
    PyObject *one = PyLong_FromLong(1), *seven = PyLong_FromLong(7);
    show_ll("PySet_Contains(s, 1)", PySet_Contains(s, one));
    show_ll("PySet_Contains(s, 7)", PySet_Contains(s, seven));
    show_ll("PySet_Add(s, 7)", PySet_Add(s, seven));
    show_ll("PySet_Add(s, 7) again", PySet_Add(s, seven));
    show_ll("PySet_GET_SIZE after adds", PySet_GET_SIZE(s));
    show("s", s);
    show_ll("PySet_Discard(s, 1)", PySet_Discard(s, one));
    show_ll("PySet_Discard(s, 1) again", PySet_Discard(s, one));
    show("s after discard", s);
    show_new("PySet_Pop(s)", PySet_Pop(s));
    show_new("PySet_Pop(s)", PySet_Pop(s));
    show("s after two pops", s);
    show_ll("PySet_GET_SIZE after pops", PySet_GET_SIZE(s));
    show_ll("PySet_Clear(s)", PySet_Clear(s));
    show("s after clear", s);
    show_ll("PySet_GET_SIZE after clear", PySet_GET_SIZE(s));
    Py_DECREF(s);

    PyObject *f = frozen_of("(sss)", "b", "a", "c");
    show("PyFrozenSet_New(('b', 'a', 'c'))", f);
    show_ll("PyFrozenSet_Check(f)", PyFrozenSet_Check(f));
    show_ll("PyFrozenSet_CheckExact(f)", PyFrozenSet_CheckExact(f));
    show_ll("PySet_Check(f)", PySet_Check(f));
    show_ll("PyAnySet_Check(f)", PyAnySet_Check(f));
    show_ll("PySet_Size(f)", PySet_Size(f));
    PyObject *fresh = PyFrozenSet_New(NULL);
    show_ll("PySet_Add(fresh frozenset, 1) (refcount 1)", PySet_Add(fresh, one));
    show("the filled frozenset", fresh);
    Py_DECREF(fresh);

    /* _PySet_NextEntry: every element once, with its hash. */
    PyObject *ne = set_of("[iiis]", 5, -1, 3, "x");
    Py_ssize_t pos = 0;
    PyObject *key;
    Py_hash_t hash;
    long long sum = 0;
    int count = 0;
    while (_PySet_NextEntry(ne, &pos, &key, &hash)) {
        count++;
        if (PyLong_Check(key)) {
            printf("_PySet_NextEntry: %ld hash %lld\n", PyLong_AsLong(key), (long long)hash);
            sum += PyLong_AsLong(key);
        } else {
            printf("_PySet_NextEntry: a str, hash equals PyObject_Hash: %d\n", hash == PyObject_Hash(key));
        }
    }
    printf("_PySet_NextEntry: %d entries, int sum %lld\n", count, sum);
    Py_DECREF(ne);

    /* Order: the table's, after growth, deletions and re-insertions. */
    PyObject *big = PySet_New(NULL);
    for (int i = 0; i < 40; i++) {
        PyObject *n = PyLong_FromLong((i * 37) % 101 - 20);
        PySet_Add(big, n);
        Py_DECREF(n);
    }
    show("40 scattered ints", big);
    for (int i = 0; i < 40; i += 3) {
        PyObject *n = PyLong_FromLong((i * 37) % 101 - 20);
        PySet_Discard(big, n);
        Py_DECREF(n);
    }
    show("after discarding every third", big);
    for (int i = 200; i < 205; i++) {
        PyObject *n = PyLong_FromLong(i * 8);
        PySet_Add(big, n);
        Py_DECREF(n);
    }
    show("after adding colliding ints", big);
    show_new("big.copy()", PyObject_CallMethod(big, "copy", NULL));
    show_new("set(big)", PyObject_CallOneArg((PyObject *)&PySet_Type, big));
    show_new("frozenset(big)", PyObject_CallOneArg((PyObject *)&PyFrozenSet_Type, big));
    PyObject *popped = PyList_New(0);
    for (int i = 0; i < 5; i++) {
        PyObject *p = PySet_Pop(big);
        PyList_Append(popped, p);
        Py_DECREF(p);
    }
    show("five pops", popped);
    show("big after pops", big);
    Py_DECREF(popped);
    show_iteration("iteration of big", big);
    Py_DECREF(big);
    /* An add takes the last dummy its probe passed. */
    PyObject *dummies = set_of("[iii]", 0, 8, 16);
    PySet_Discard(dummies, PyLong_FromLong(0));
    PySet_Discard(dummies, PyLong_FromLong(8));
    PySet_Add(dummies, PyLong_FromLong(24));
    PySet_Add(dummies, PyLong_FromLong(32));
    show("{0, 8, 16} less 0 and 8, plus 24 and 32", dummies);
    Py_DECREF(dummies);
    PyObject *words = set_of("[ssssss]", "spam", "eggs", "ham", "", "a", "b");
    show("strings", words);
    Py_DECREF(words);
    PyObject *mixed = set_of("[iOdsi(ii)]", 1, Py_True, 1.0, "1", -3, 1, 2);
    show("mixed (1, True and 1.0 are one element)", mixed);
    show_ll("len(mixed)", PyObject_Size(mixed));
    Py_DECREF(mixed);
    PyObject *r = ints(0, 1000);
    PyObject *thousand = PySet_New(r);
    show_ll("len(set(range(1000)))", PySet_Size(thousand));
    PyObject *r2 = ints(500, 1200);
    show_new("len of set(range(1000)) - range(500, 1200) as a set",
             PyLong_FromSsize_t(PyObject_Size(PyObject_CallMethod(thousand, "difference", "O", r2))));
    Py_DECREF(r);
    Py_DECREF(r2);
    Py_DECREF(thousand);

    /* Many adds, discards and pops in a fixed pseudo-random order, on small ints and on
       ints whose hashes share their low bits: the table's order at each stage. */
    PyObject *churn = PySet_New(NULL);
    for (int round = 0; round < 8; round++) {
        for (int i = 0; i < 120; i++) {
            long long v = next_random(300) - 60;
            if (round >= 4) {
                v <<= 20 + round;
            }
            PyObject *n = PyLong_FromLongLong(v);
            if (next_random(3) == 0) {
                PySet_Discard(churn, n);
            } else {
                PySet_Add(churn, n);
            }
            Py_DECREF(n);
        }
        for (int i = 0; i < round; i++) {
            Py_DECREF(PySet_Pop(churn));
        }
        char label[64];
        snprintf(label, sizeof label, "round %d, %zd elements", round, PySet_GET_SIZE(churn));
        show(label, churn);
        PyObject *snapshot = PyFrozenSet_New(churn);
        show_hash("  hash(frozenset(churn))", snapshot);
        Py_DECREF(snapshot);
    }
    PyObject *low = PySet_New(ints(0, 300));
    show_new("churn - set(range(300))", PyNumber_Subtract(churn, low));
    show_new("churn ^ set(range(300))", PyNumber_Xor(churn, low));
    show_new("churn.difference_update(range(-60, 200)) (dummies resized away)",
             PyObject_CallMethod(churn, "difference_update", "(O)", ints(-60, 200)));
    show("churn", churn);
    Py_DECREF(low);
    Py_DECREF(churn);

    /* The abstract API. */
    PyObject *a = set_of("[iii]", 1, 2, 3);
    PyObject *b = set_of("[iii]", 3, 4, 5);
    PyObject *fa = frozen_of("[iii]", 1, 2, 3);
    show_ll("len(a)", PyObject_Size(a));
    show_ll("PySequence_Size(a)", PySequence_Size(a));
    show_ll("bool(a)", PyObject_IsTrue(a));
    show_ll("bool(set())", PyObject_IsTrue(empty));
    show_ll("2 in a", PySequence_Contains(a, PyLong_FromLong(2)));
    show_ll("9 in a", PySequence_Contains(a, PyLong_FromLong(9)));
    PyObject *inner = frozen_of("[i]", 1);
    PyObject *nested = set_of("[OO]", inner, one);
    PyObject *setkey = set_of("[i]", 1);
    show("nested", nested);
    show_ll("{1} in nested (looked up as frozenset({1}))", PySequence_Contains(nested, setkey));
    show_new("nested.__contains__({1})", PyObject_CallMethod(nested, "__contains__", "O", setkey));
    show_new("nested.discard({1})", PyObject_CallMethod(nested, "discard", "O", setkey));
    show("nested after discard", nested);
    show_new("nested.add(frozenset({1}))", PyObject_CallMethod(nested, "add", "O", inner));
    show_new("nested.remove({1})", PyObject_CallMethod(nested, "remove", "O", setkey));
    show("nested after remove", nested);
    show_iteration("iteration of a", a);
    show_new("list(a)", PySequence_List(a));
    show_new("tuple(fa)", PySequence_Tuple(fa));

    /* Comparisons. */
    PyObject *sub = set_of("[ii]", 1, 2);
    show_cmp("{1, 2} vs {1, 2, 3}", sub, a);
    show_cmp("{1, 2, 3} vs frozenset({1, 2, 3})", a, fa);
    show_cmp("{1, 2, 3} vs {3, 4, 5}", a, b);
    show_new("a == [1, 2, 3]", PyObject_RichCompare(a, PyList_New(0), Py_EQ));
    show_new("frozenset() == set()", PyObject_RichCompare(PyFrozenSet_New(NULL), empty, Py_EQ));

    /* Operators: the result takes the left operand's kind. */
    show_new("a | b", PyNumber_Or(a, b));
    show_new("a & b", PyNumber_And(a, b));
    show_new("a - b", PyNumber_Subtract(a, b));
    show_new("a ^ b", PyNumber_Xor(a, b));
    show_new("fa | b", PyNumber_Or(fa, b));
    show_new("b | fa", PyNumber_Or(b, fa));
    show_new("fa & b", PyNumber_And(fa, b));
    show_new("fa - b", PyNumber_Subtract(fa, b));
    show_new("fa ^ b", PyNumber_Xor(fa, b));
    show_new("a | a", PyNumber_Or(a, a));
    show_new("a - a", PyNumber_Subtract(a, a));
    PyObject *c = PySet_New(a);
    show_new("c |= {9}", PyNumber_InPlaceOr(c, set_of("[i]", 9)));
    show_new("c &= {1, 2, 9}", PyNumber_InPlaceAnd(c, set_of("[iii]", 1, 2, 9)));
    show_new("c -= {2}", PyNumber_InPlaceSubtract(c, set_of("[i]", 2)));
    show_new("c ^= {1, 5}", PyNumber_InPlaceXor(c, set_of("[ii]", 1, 5)));
    show("c", c);
    PyObject *fc = fa;
    Py_INCREF(fc);
    PyObject *fc2 = PyNumber_InPlaceOr(fc, b);
    show("frozenset |= set (a new frozenset)", fc2);
    printf("frozenset |= set gives another object: %d\n", fc2 != fa);
    Py_DECREF(fc);
    Py_DECREF(fc2);
    show("fa unchanged", fa);

    /* Methods. */
    show_new("a.union([7], (8, 1), 'ab')", PyObject_CallMethod(a, "union", "[i](ii)s", 7, 8, 1, "ab"));
    show_new("a.union()", PyObject_CallMethod(a, "union", NULL));
    show_new("a.intersection([3, 2, 9])", PyObject_CallMethod(a, "intersection", "[iii]", 3, 2, 9));
    show_new("a.intersection(b, [3])", PyObject_CallMethod(a, "intersection", "O[i]", b, 3));
    show_new("a.intersection()", PyObject_CallMethod(a, "intersection", NULL));
    show_new("a.difference([1], {1})", PyObject_CallMethod(a, "difference", "[i]O", 1, setkey));
    show_new("a.difference({3: 0})", PyObject_CallMethod(a, "difference", "{i:i}", 3, 0));
    show_new("a.symmetric_difference([3, 4, 4])", PyObject_CallMethod(a, "symmetric_difference", "([iii])", 3, 4, 4));
    show_new("a.symmetric_difference({3: 0, 6: 0})", PyObject_CallMethod(a, "symmetric_difference", "({i:i,i:i})", 3, 0, 6, 0));
    show_new("a.issubset([1, 2, 3, 4])", PyObject_CallMethod(a, "issubset", "([iiii])", 1, 2, 3, 4));
    show_new("a.issubset([1, 2])", PyObject_CallMethod(a, "issubset", "([ii])", 1, 2));
    show_new("a.issuperset([1, 1, 2])", PyObject_CallMethod(a, "issuperset", "([iii])", 1, 1, 2));
    show_new("a.issuperset(fa)", PyObject_CallMethod(a, "issuperset", "(O)", fa));
    show_new("a.isdisjoint([4, 5])", PyObject_CallMethod(a, "isdisjoint", "([ii])", 4, 5));
    show_new("a.isdisjoint(b)", PyObject_CallMethod(a, "isdisjoint", "(O)", b));
    show_new("a.isdisjoint(a)", PyObject_CallMethod(a, "isdisjoint", "(O)", a));
    show_new("set().isdisjoint(set())", PyObject_CallMethod(empty, "isdisjoint", "(O)", empty));
    show_new("fa.union(b)", PyObject_CallMethod(fa, "union", "(O)", b));
    show_new("fa.copy() is fa", PyBool_FromLong(PyObject_CallMethod(fa, "copy", NULL) == fa));
    show_new("frozenset(fa) is fa", PyBool_FromLong(PyObject_CallOneArg((PyObject *)&PyFrozenSet_Type, fa) == fa));
    PyObject *d = PySet_New(NULL);
    show_new("d.update([1, 2], {3: 4}, 'xy')", PyObject_CallMethod(d, "update", "[ii]{i:i}s", 1, 2, 3, 4, "xy"));
    show("d", d);
    show_new("d.difference_update('x', [1])", PyObject_CallMethod(d, "difference_update", "s[i]", "x", 1));
    show("d", d);
    show_new("d.intersection_update([2, 3, 'y', 5])", PyObject_CallMethod(d, "intersection_update", "([iisi])", 2, 3, "y", 5));
    show("d", d);
    show_new("d.symmetric_difference_update([3, 10])", PyObject_CallMethod(d, "symmetric_difference_update", "([ii])", 3, 10));
    show("d", d);
    show_new("d.add(-5)", PyObject_CallMethod(d, "add", "i", -5));
    show_new("d.discard(99)", PyObject_CallMethod(d, "discard", "i", 99));
    show_new("d.remove(10)", PyObject_CallMethod(d, "remove", "i", 10));
    show_new("d.pop()", PyObject_CallMethod(d, "pop", NULL));
    show("d", d);
    show_new("d.clear()", PyObject_CallMethod(d, "clear", NULL));
    show("d", d);
    show_new("set('abracadabra')", PyObject_CallOneArg((PyObject *)&PySet_Type, PyUnicode_FromString("abracadabra")));
    show_new("set({'k': 1, 'j': 2})", PyObject_CallOneArg((PyObject *)&PySet_Type, Py_BuildValue("{s:i,s:i}", "k", 1, "j", 2)));
    show_new("set()", PyObject_CallNoArgs((PyObject *)&PySet_Type));
    show_new("frozenset()", PyObject_CallNoArgs((PyObject *)&PyFrozenSet_Type));
    show_new("frozenset(range-like list)", PyObject_CallOneArg((PyObject *)&PyFrozenSet_Type, ints(0, 12)));
    show_type("type(iter(a))", PyObject_GetIter(a));
    PyObject *it = PyObject_GetIter(a);
    show_new("iter(a).__length_hint__()", PyObject_CallMethod(it, "__length_hint__", NULL));
    Py_DECREF(PyIter_Next(it));
    show_new("after one step", PyObject_CallMethod(it, "__length_hint__", NULL));
    Py_DECREF(it);

    /* Hashes: frozenset's algorithm, independent of insertion order (never None, whose
       hash in 3.11 is its address). */
    show_hash("hash(frozenset())", PyFrozenSet_New(NULL));
    show_hash("hash(frozenset({1, 2, 3}))", fa);
    show_hash("hash(frozenset({3, 2, 1}))", frozen_of("[iii]", 3, 2, 1));
    show_hash("hash(frozenset({-1}))", frozen_of("[i]", -1));
    show_hash("hash(frozenset({0}))", frozen_of("[i]", 0));
    show_hash("hash(frozenset(range(100)))", PyFrozenSet_New(ints(0, 100)));
    show_hash("hash(frozenset({1.5, -2, (1, 2)}))", frozen_of("[di(ii)]", 1.5, -2, 1, 2));
    show_hash("hash(frozenset({frozenset(), frozenset({1})}))", frozen_of("[OO]", PyFrozenSet_New(NULL), inner));
    for (int n = 1; n <= 12; n++) {
        char label[64];
        snprintf(label, sizeof label, "hash(frozenset(range(%d, %d)))", -n, n * 3);
        show_hash(label, PyFrozenSet_New(ints(-n, n * 3)));
    }
    PyObject *hashed = PyDict_New();
    PyDict_SetItem(hashed, fa, one);
    show_new("{frozenset({1,2,3}): 1}[frozenset({3,2,1})]", PyObject_GetItem(hashed, frozen_of("[iii]", 3, 2, 1)));
    show_new("{frozenset({1,2,3}): 1}[{1, 2, 3}] (unhashable)", PyObject_GetItem(hashed, a));
    Py_DECREF(hashed);

    /* The builtins module names both types; both are weakly referenceable. */
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *set_type = PyObject_GetAttrString(builtins, "set");
    PyObject *frozenset_type = PyObject_GetAttrString(builtins, "frozenset");
    printf("builtins.set is PySet_Type: %d\n", set_type == (PyObject *)&PySet_Type);
    printf("builtins.frozenset is PyFrozenSet_Type: %d\n", frozenset_type == (PyObject *)&PyFrozenSet_Type);
    Py_XDECREF(set_type);
    Py_XDECREF(frozenset_type);
    Py_DECREF(builtins);
    PyObject *ref = PyWeakref_NewRef(a, NULL);
    printf("weakref to a set: %d\n", ref != NULL && PyWeakref_GetObject(ref) == a);
    Py_XDECREF(ref);
    ref = PyWeakref_NewRef(fa, NULL);
    printf("weakref to a frozenset: %d\n", ref != NULL && PyWeakref_GetObject(ref) == fa);
    Py_XDECREF(ref);
    check_no_exc("weakrefs");

    /* Recursive repr: a frozenset holding a tuple that holds it. */
    PyObject *rec = PyFrozenSet_New(NULL);
    PyObject *holder = PyTuple_New(1);
    PyTuple_SET_ITEM(holder, 0, rec);
    show_ll("PySet_Add(rec, (rec,))", PySet_Add(rec, holder));
    show("rec", rec);
    Py_DECREF(holder);

    Py_DECREF(sub);
    Py_DECREF(c);
    Py_DECREF(d);
    Py_DECREF(nested);
    Py_DECREF(setkey);
    Py_DECREF(inner);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(fa);
    Py_DECREF(f);
    Py_DECREF(one);
    Py_DECREF(seven);
    Py_DECREF(empty);
    return conf_end();
}
