/* Every slot of a C type, called from managed code: the built-in functions and types
   (len, iter, next, hash, repr, str, bool, abs, divmod, sorted, list, tuple, sum, min, max,
   isinstance, getattr/setattr/delattr, int, float, dict, weakref.ref) and the slot wrappers
   (v.__add__, v.__len__, ...), each called through the C API, on fulltype.Vec (the
   samples/fulltype module; fulltype.c here is a link to samples/fulltype/fulltype.c) and
   fulltype.HeapVec. Then the error paths with badslots.Bad (badslots.c is a link to the
   one in type_every_slot_c), whose failures without an exception become the SystemError
   of the built-in that met them. */
#include "conformance.h"

static PyObject *builtins, *fulltype, *badslots;

/* builtins.<name>(args...) through PyObject_Vectorcall (whose result CPython checks), the
   arguments given as objects (borrowed), NULL-terminated. */
static PyObject *call(const char *name, ...)
{
    PyObject *f = PyObject_GetAttrString(builtins, name);
    if (f == NULL) {
        return NULL;
    }
    PyObject *args[4];
    size_t n = 0;
    va_list va;
    va_start(va, name);
    for (PyObject *a; n < 4 && (a = va_arg(va, PyObject *)) != NULL;) {
        args[n++] = a;
    }
    va_end(va);
    PyObject *r = PyObject_Vectorcall(f, args, n, NULL);
    Py_DECREF(f);
    return r;
}

#define CALL(name, ...) call(name, __VA_ARGS__, NULL)
#define CALL0(name) call(name, NULL)

static PyObject *vec(PyObject *type, int n, const double *v)
{
    PyObject *args = PyTuple_New(n);
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i, PyFloat_FromDouble(v[i]));
    }
    PyObject *r = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    return r;
}

#define V(type, ...) vec(type, sizeof((double[]){__VA_ARGS__}) / sizeof(double), (double[]){__VA_ARGS__})

static long long count(const char *name)
{
    PyObject *d = PyObject_CallMethod(fulltype, "counts", NULL);
    PyObject *v = d == NULL ? NULL : PyDict_GetItemString(d, name);
    long long r = v == NULL ? -1 : PyLong_AsLongLong(v);
    Py_XDECREF(d);
    return r;
}

/* The built-ins on instances of one of the two types. */
static void builtins_on(PyObject *type)
{
    PyObject *a = V(type, 1, 2, 3), *b = V(type, 3, 1), *c = V(type, 2), *zero = V(type, 0, 0);
    PyObject *two = PyLong_FromLong(2), *five = PyLong_FromLong(5), *s = PyUnicode_FromString("s");
    PyObject *strtype = (PyObject *)&PyUnicode_Type, *booltype = (PyObject *)&PyBool_Type;

    show_new("len(a)", CALL("len", a));
    show_new("repr(a)", CALL("repr", a));
    show_new("str(a)", PyObject_CallOneArg(strtype, a));
    show_new("bool(a)", PyObject_CallOneArg(booltype, a));
    show_new("bool(zero)", PyObject_CallOneArg(booltype, zero));
    show_new("abs(a)", CALL("abs", a));
    show_new("callable(a)", CALL("callable", a));
    PyObject *t = PySequence_Tuple(a);
    PyObject *h1 = CALL("hash", a), *h2 = CALL("hash", t);
    show_new("hash(a) == hash(tuple(a))", PyBool_FromLong(PyObject_RichCompareBool(h1, h2, Py_EQ)));
    Py_XDECREF(h1);
    Py_XDECREF(h2);
    Py_DECREF(t);

    PyObject *it = CALL("iter", a);
    show_type("iter(a)", it);
    show_new("next(it)", CALL("next", it));
    show_new("next(it)", CALL("next", it));
    show_new("next(it)", CALL("next", it));
    show_new("next(it)", CALL("next", it));
    show_new("next(it, 'end')", CALL("next", it, s));
    Py_XDECREF(it);
    show_new("list(a)", PySequence_List(a));
    show_new("list(a) (the type called)", PyObject_CallOneArg((PyObject *)&PyList_Type, a));
    show_new("tuple(a)", PyObject_CallOneArg((PyObject *)&PyTuple_Type, a));
    show_new("sorted(a)", CALL("sorted", a));
    PyObject *vs = PyList_New(0);
    PyList_Append(vs, a);
    PyList_Append(vs, b);
    PyList_Append(vs, c);
    show_new("sorted([a, b, c])", CALL("sorted", vs));
    show_new("min([a, b, c])", CALL("min", vs));
    show_new("max([a, b, c])", CALL("max", vs));
    show_new("min(a)", CALL("min", a));
    show_new("max(a)", CALL("max", a));
    show_new("max(a, b)", CALL("max", a, b));
    PyList_Append(vs, two);
    show_new("sorted([a, b, c, 2])", CALL("sorted", vs));
    Py_DECREF(vs);
    show_new("sum(a)", CALL("sum", a));
    PyObject *pair = PyTuple_Pack(2, a, a);
    show_new("sum((a, a))", CALL("sum", pair));
    show_new("sum((a, a), zero3)", CALL("sum", pair, V(type, 0, 0, 0)));
    show_new("sum((a, a), 's')", CALL("sum", pair, s));
    Py_DECREF(pair);
    show_new("divmod(a, 2)", CALL("divmod", a, two));
    show_new("divmod(5, a)", CALL("divmod", five, a));
    show_new("divmod(a, 's')", CALL("divmod", a, s));
    show_new("pow(a, 2)", CALL("pow", a, two));
    show_new("pow(a, 2, 5)", CALL("pow", a, two, five));
    show_new("pow(2, a)", CALL("pow", two, a));
    show_new("pow(a, 's')", CALL("pow", a, s));
    show_new("pow(a, 2, 's')", CALL("pow", a, two, s));
    show_new("pow(a)", CALL("pow", a));
    PyObject *pow = PyObject_GetAttrString(builtins, "pow"), *no_args = PyTuple_New(0);
    PyObject *by_name = Py_BuildValue("{sOsOsO}", "base", a, "exp", two, "mod", five);
    show_new("pow(base=a, exp=2, mod=5)", PyObject_Call(pow, no_args, by_name));
    Py_DECREF(by_name);
    by_name = Py_BuildValue("{sO}", "modulus", five);
    show_new("pow(a, 2, modulus=5)", PyObject_Call(pow, PyTuple_Pack(2, a, two), by_name));
    Py_DECREF(by_name);
    Py_DECREF(no_args);
    Py_DECREF(pow);
    show_new("isinstance(a, type)", CALL("isinstance", a, type));
    show_new("isinstance(a, list)", CALL("isinstance", a, (PyObject *)&PyList_Type));
    show_new("int(c)", PyObject_CallOneArg((PyObject *)&PyLong_Type, c));
    show_new("float(c)", PyObject_CallOneArg((PyObject *)&PyFloat_Type, c));
    show_new("int(a)", PyObject_CallOneArg((PyObject *)&PyLong_Type, a));
    show_new("float(a)", PyObject_CallOneArg((PyObject *)&PyFloat_Type, a));
    PyObject *chr_args = V(type, 65);
    show_new("chr(Vec(65)) (nb_index)", CALL("chr", chr_args));
    Py_DECREF(chr_args);

    /* Vecs as dict keys: hashing and == from the dict. */
    PyObject *d = PyDict_New();
    PyObject *a2 = V(type, 1, 2, 3);
    PyDict_SetItem(d, a, s);
    show_new("dict[Vec(1, 2, 3)] (an equal key)", Py_XNewRef(PyDict_GetItemWithError(d, a2)));
    Py_DECREF(a2);
    Py_DECREF(d);

    show_new("getattr(a, 'x')", CALL("getattr", a, PyUnicode_FromString("x")));
    show_new("getattr(a, 'w')", CALL("getattr", a, PyUnicode_FromString("w")));
    show_new("getattr(a, 'w', 's')", CALL("getattr", a, PyUnicode_FromString("w"), s));
    show_new("hasattr(a, 'z')", CALL("hasattr", a, PyUnicode_FromString("z")));
    show_new("setattr(a, 'y', 5)", CALL("setattr", a, PyUnicode_FromString("y"), five));
    show_new("setattr(a, 'note', 's')", CALL("setattr", a, PyUnicode_FromString("note"), s));
    show_new("a", Py_NewRef(a));
    show_new("getattr(a, '__dict__')", CALL("getattr", a, PyUnicode_FromString("__dict__")));
    show_new("delattr(a, 'note')", CALL("delattr", a, PyUnicode_FromString("note")));
    show_new("delattr(a, 'x')", CALL("delattr", a, PyUnicode_FromString("x")));
    show_new("delattr(a, 'note')", CALL("delattr", a, PyUnicode_FromString("note")));
    show_new("setattr(a, 'exports', 5)", CALL("setattr", a, PyUnicode_FromString("exports"), five));

    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    Py_DECREF(zero);
    Py_DECREF(two);
    Py_DECREF(five);
    Py_DECREF(s);
}

/* The slot wrappers in the type's dict, called as methods from managed code. */
static void slot_wrappers(PyObject *type)
{
    PyObject *a = V(type, 1, 2, 3), *two = PyLong_FromLong(2), *s = PyUnicode_FromString("s");
    show_new("a.__add__(2)", PyObject_CallMethod(a, "__add__", "O", two));
    show_new("a.__radd__(2)", PyObject_CallMethod(a, "__radd__", "O", two));
    show_new("a.__add__('s')", PyObject_CallMethod(a, "__add__", "O", s));
    show_new("a.__rsub__(2)", PyObject_CallMethod(a, "__rsub__", "O", two));
    show_new("a.__pow__(2, 5)", PyObject_CallMethod(a, "__pow__", "Oi", two, 5));
    show_new("a.__rpow__(2)", PyObject_CallMethod(a, "__rpow__", "O", two));
    show_new("a.__matmul__(a)", PyObject_CallMethod(a, "__matmul__", "O", a));
    show_new("a.__neg__()", PyObject_CallMethod(a, "__neg__", NULL));
    show_new("a.__invert__()", PyObject_CallMethod(a, "__invert__", NULL));
    show_new("a.__bool__()", PyObject_CallMethod(a, "__bool__", NULL));
    show_new("a.__len__()", PyObject_CallMethod(a, "__len__", NULL));
    show_new("a.__getitem__(-1)", PyObject_CallMethod(a, "__getitem__", "i", -1));
    show_new("a.__getitem__((2, 0))", PyObject_CallMethod(a, "__getitem__", "((ii))", 2, 0));
    show_new("a.__setitem__(0, 7)", PyObject_CallMethod(a, "__setitem__", "ii", 0, 7));
    show_new("a.__delitem__(0)", PyObject_CallMethod(a, "__delitem__", "i", 0));
    show_new("a.__contains__(2.0)", PyObject_CallMethod(a, "__contains__", "d", 2.0));
    show_new("a.__iadd__(a)", PyObject_CallMethod(a, "__iadd__", "O", a));
    show_new("a.__imul__(2)", PyObject_CallMethod(a, "__imul__", "O", two));
    show_new("a", Py_NewRef(a));
    show_new("a.__lt__(a)", PyObject_CallMethod(a, "__lt__", "O", a));
    show_new("a.__eq__(2)", PyObject_CallMethod(a, "__eq__", "O", two));
    show_new("a.__hash__() == hash(a)", PyBool_FromLong(PyLong_AsSsize_t(PyObject_CallMethod(a, "__hash__", NULL)) == PyObject_Hash(a)));
    show_type("a.__iter__()", PyObject_CallMethod(a, "__iter__", NULL));
    show_new("a.__repr__()", PyObject_CallMethod(a, "__repr__", NULL));
    show_new("a.__str__()", PyObject_CallMethod(a, "__str__", NULL));
    show_new("a.__getattribute__('y')", PyObject_CallMethod(a, "__getattribute__", "s", "y"));
    show_new("a.__setattr__('y', 4)", PyObject_CallMethod(a, "__setattr__", "si", "y", 4));
    show_new("a.__delattr__('y')", PyObject_CallMethod(a, "__delattr__", "s", "y"));
    show_new("a.__index__()", PyObject_CallMethod(a, "__index__", NULL));
    show_new("a.__init__(4, 5)", PyObject_CallMethod(a, "__init__", "ii", 4, 5));
    show_new("a", Py_NewRef(a));
    show_new("a.__call__(2)", PyObject_CallMethod(a, "__call__", "i", 2));
    show_new("a.__get__(None, type)", PyObject_CallMethod(a, "__get__", "OO", Py_None, type));
    show_new("a.__get__(1, type)", PyObject_CallMethod(a, "__get__", "iO", 1, type));
    show_new("a.__set__(1, (8, 9))", PyObject_CallMethod(a, "__set__", "i(ii)", 1, 8, 9));
    show_new("a.__delete__(1)", PyObject_CallMethod(a, "__delete__", "i", 1));
    show_new("a", Py_NewRef(a));
    PyObject *aw = PyObject_CallMethod(a, "__await__", NULL);
    show_type("a.__await__()", aw);
    Py_XDECREF(aw);
    Py_DECREF(a);
    Py_DECREF(two);
    Py_DECREF(s);
}

/* Calls of an instance from managed code go through its vectorcall, as CPython's do. */
static void managed_calls(PyObject *type)
{
    PyObject *p = V(type, 1, 2, 3), *xs = Py_BuildValue("[iii]", 2, 0, 1);
    PyObject *kw = Py_BuildValue("{sO}", "key", p);
    long long tp = count("tp_calls"), vc = count("vectorcalls");
    PyObject *sorted = PyObject_GetAttrString(builtins, "sorted");
    PyObject *args = PyTuple_Pack(1, xs);
    show_new("sorted([2, 0, 1], key=p)", PyObject_Call(sorted, args, kw));
    printf("tp_call calls %lld, vectorcalls %lld\n", count("tp_calls") - tp, count("vectorcalls") - vc);
    show_new("min([2, 0, 1], key=p)", PyObject_Call(PyObject_GetAttrString(builtins, "min"), args, kw));
    /* The type as the key: its own tp_vectorcall makes the instances (Vec has one). */
    PyDict_SetItemString(kw, "key", type);
    long long tv = count("type_vectorcalls"), inits = count("inits");
    show_new("sorted([2, 0, 1], key=type)", PyObject_Call(sorted, args, kw));
    printf("type vectorcalls %lld, inits %lld\n", count("type_vectorcalls") - tv, count("inits") - inits);
    Py_DECREF(sorted);
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(xs);
    Py_DECREF(p);
}

static PyObject *on_dead(PyObject *self, PyObject *ref)
{
    printf("  callback, ref() is None: %d\n", PyObject_CallNoArgs(ref) == Py_None);
    Py_RETURN_NONE;
}

static PyMethodDef on_dead_def = {"on_dead", on_dead, METH_O};

/* weakref.ref called as a type, from managed code. */
static void weakrefs(PyObject *type)
{
    PyObject *a = V(type, 1);
    PyObject *probe = PyWeakref_NewRef(a, NULL);
    PyObject *reftype = (PyObject *)Py_TYPE(probe);
    Py_DECREF(probe);
    PyObject *callback = PyCFunction_New(&on_dead_def, NULL);
    PyObject *r = PyObject_CallFunctionObjArgs(reftype, a, callback, NULL);
    PyObject *target = r == NULL ? NULL : PyObject_CallNoArgs(r);
    printf("ref(a)() is a: %d\n", target == a);
    Py_XDECREF(target);
    Py_DECREF(a);
    PyGC_Collect();   /* libpycapi may free a C object that crossed into managed code only then */
    show_new("ref(a)() after del a", r == NULL ? NULL : PyObject_CallNoArgs(r));
    Py_XDECREF(r);
    Py_DECREF(callback);
}

/* A cycle through the link member and one through __dict__, made with setattr and
   collected by gc.collect() (its count is not printed: it counts other objects too). */
static void cycles(PyObject *type)
{
    PyObject *gc = conf_import("gc");
    PyObject *collected = PyObject_CallMethod(gc, "collect", NULL);
    Py_XDECREF(collected);
    long long fins = count("finalizes"), deallocs = count("deallocs"), clears = count("clears");
    PyObject *a = V(type, 1), *b = V(type, 2), *link = PyUnicode_FromString("link"), *self = PyUnicode_FromString("self");
    Py_XDECREF(CALL("setattr", a, link, b));
    Py_XDECREF(CALL("setattr", b, link, a));
    Py_XDECREF(CALL("setattr", a, self, a));
    PyObject *probe = PyWeakref_NewRef(a, NULL);
    PyObject *r = PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(probe), b, NULL);
    Py_DECREF(probe);
    Py_DECREF(a);
    Py_DECREF(b);
    collected = PyObject_CallMethod(gc, "collect", NULL);
    printf("gc.collect() returned an int: %d\n", collected != NULL && PyLong_Check(collected));
    Py_XDECREF(collected);
    printf("finalizes +%lld, deallocs +%lld, cleared %d, ref(b)() is None %d\n", count("finalizes") - fins,
           count("deallocs") - deallocs, count("clears") > clears, r != NULL && PyObject_CallNoArgs(r) == Py_None);
    Py_XDECREF(r);
    Py_DECREF(link);
    Py_DECREF(self);
    Py_DECREF(gc);
}

static void bad_slots(void)
{
    printf("-- misbehaving slots, from managed code\n");
    PyObject *bad = PyObject_CallMethod(badslots, "Bad", NULL), *one = PyLong_FromLong(1);
    PyObject *pair = PyTuple_Pack(2, bad, bad), *ones = Py_BuildValue("(i)", 1);
    show_new("len(Bad) (sq_length -5)", CALL("len", bad));
    PyObject *len = PyObject_GetAttrString(builtins, "len"), *just_bad = PyTuple_Pack(1, bad);
    show_new("PyObject_Call(len, (Bad,)) (a vectorcall's result, unchecked)", PyObject_Call(len, just_bad, NULL));
    Py_DECREF(len);
    Py_DECREF(just_bad);
    show_new("hash(Bad) (-1, no exception)", CALL("hash", bad));
    show_new("iter(Bad) (tp_iter gives an int)", CALL("iter", bad));
    show_new("list(Bad)", PyObject_CallOneArg((PyObject *)&PyList_Type, bad));
    show_new("str(Bad) (tp_str gives an int)", PyObject_CallOneArg((PyObject *)&PyUnicode_Type, bad));
    show_new("repr(Bad)", CALL("repr", bad));
    show_new("int(Bad) (nb_int gives a float)", PyObject_CallOneArg((PyObject *)&PyLong_Type, bad));
    show_new("float(Bad) (nb_float gives an int)", PyObject_CallOneArg((PyObject *)&PyFloat_Type, bad));
    show_new("chr(Bad) (nb_index gives a float)", CALL("chr", bad));
    show_new("sum((1,), Bad) (nb_add: NULL, no exception)", CALL("sum", ones, bad));
    show_new("min((Bad, Bad)) (tp_richcompare: NULL, no exception)", CALL("min", pair));
    show_new("max((Bad, Bad))", CALL("max", pair));
    show_new("abs(Bad) (no nb_absolute)", CALL("abs", bad));
    show_new("divmod(Bad, 1)", CALL("divmod", bad, one));
    show_new("Bad.__len__()", PyObject_CallMethod(bad, "__len__", NULL));
    show_new("Bad.__mul__(1) (answers anything)", PyObject_CallMethod(bad, "__mul__", "O", one));
    show_new("Bad.__rmul__(1)", PyObject_CallMethod(bad, "__rmul__", "O", one));
    PyObject *v = V(PyObject_GetAttrString(fulltype, "Vec"), 1, 2);
    show_new("Vec.__mul__(Bad) (NotImplemented)", PyObject_CallMethod(v, "__mul__", "O", bad));
    show_new("Vec.__add__(Bad)", PyObject_CallMethod(v, "__add__", "O", bad));
    PyObject *vb = PyTuple_Pack(2, v, bad);
    show_new("sum((Vec, Bad), Vec(0, 0))", CALL("sum", vb, V(PyObject_GetAttrString(fulltype, "Vec"), 0, 0)));
    Py_DECREF(vb);
    PyObject *kw = Py_BuildValue("{sO}", "key", bad);
    show_new("sorted((1,), key=Bad) (tp_call: NULL, no exception)",
             PyObject_Call(PyObject_GetAttrString(builtins, "sorted"), PyTuple_Pack(1, ones), kw));
    Py_DECREF(kw);
    PyObject *fail = PyObject_CallMethod(badslots, "FailIter", NULL);
    show_new("list(FailIter())", PyObject_CallOneArg((PyObject *)&PyList_Type, fail));
    Py_XDECREF(fail);
    fail = PyObject_CallMethod(badslots, "FailIter", NULL);
    show_new("sorted(FailIter())", CALL("sorted", fail));
    Py_XDECREF(fail);
    Py_DECREF(v);
    Py_DECREF(pair);
    Py_DECREF(ones);
    Py_DECREF(bad);
    Py_DECREF(one);
}

int main(void)
{
    conf_init();
    builtins = PyImport_ImportModule("builtins");
    fulltype = conf_import("fulltype");
    badslots = conf_import("badslots");
    if (builtins == NULL || fulltype == NULL || badslots == NULL) {
        return 1;
    }
    PyObject *Vec = PyObject_GetAttrString(fulltype, "Vec"), *HeapVec = PyObject_GetAttrString(fulltype, "HeapVec");
    printf("-- built-ins (Vec)\n");
    builtins_on(Vec);
    printf("-- built-ins (HeapVec)\n");
    builtins_on(HeapVec);
    printf("-- slot wrappers (Vec)\n");
    slot_wrappers(Vec);
    printf("-- slot wrappers (HeapVec)\n");
    slot_wrappers(HeapVec);
    printf("-- calls from managed code (Vec)\n");
    managed_calls(Vec);
    printf("-- calls from managed code (HeapVec)\n");
    managed_calls(HeapVec);
    printf("-- weakref.ref (Vec)\n");
    weakrefs(Vec);
    printf("-- weakref.ref (HeapVec)\n");
    weakrefs(HeapVec);
    printf("-- cycles and gc.collect() (Vec)\n");
    cycles(Vec);
    printf("-- cycles and gc.collect() (HeapVec)\n");
    cycles(HeapVec);
    bad_slots();
    Py_DECREF(Vec);
    Py_DECREF(HeapVec);
    Py_DECREF(builtins);
    Py_DECREF(fulltype);
    Py_DECREF(badslots);
    return conf_end();
}
