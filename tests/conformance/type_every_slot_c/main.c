/* Every slot of a C type, called from C through the abstract API: fulltype.Vec (the
   samples/fulltype module; fulltype.c here is a link to samples/fulltype/fulltype.c) and
   its twin from a spec, fulltype.HeapVec. The number slots with their in-place and
   reflected forms, sequence, mapping, buffer, async, compare/hash, iteration, tp_call and
   vectorcall (PyVectorcall_Call on types and built-ins too), attributes, descriptors,
   __dict__, weak references, finalizers with resurrection, cycles through gc. Then the
   error paths with badslots.Bad, whose slots misbehave. */
#include "conformance.h"

static PyObject *Vec, *HeapVec, *fulltype;

/* A Vec (or HeapVec) of n components given as C doubles. */
static PyObject *make(PyObject *type, int n, const double *v)
{
    PyObject *args = PyTuple_New(n);
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i, PyFloat_FromDouble(v[i]));
    }
    PyObject *r = PyObject_Call(type, args, NULL);
    Py_DECREF(args);
    return r;
}

#define VEC(...) make(Vec, sizeof((double[]){__VA_ARGS__}) / sizeof(double), (double[]){__VA_ARGS__})
#define HVEC(...) make(HeapVec, sizeof((double[]){__VA_ARGS__}) / sizeof(double), (double[]){__VA_ARGS__})

/* One counter of fulltype.counts(). */
static long long count(const char *name)
{
    PyObject *d = PyObject_CallMethod(fulltype, "counts", NULL);
    PyObject *v = d == NULL ? NULL : PyDict_GetItemString(d, name);
    long long r = v == NULL ? -1 : PyLong_AsLongLong(v);
    Py_XDECREF(d);
    return r;
}

static void numbers(void)
{
    printf("-- numbers\n");
    PyObject *a = VEC(1, 2, 3), *b = VEC(4, 5, 6), *two = PyLong_FromLong(2), *half = PyFloat_FromDouble(0.5);
    PyObject *five = PyLong_FromLong(5), *s = PyUnicode_FromString("s"), *zero = PyLong_FromLong(0);
    printf("PyNumber_Check: %d, PyIndex_Check: %d\n", PyNumber_Check(a), PyIndex_Check(a));
    show_new("a + b", PyNumber_Add(a, b));
    show_new("a - b", PyNumber_Subtract(a, b));
    show_new("a * 2", PyNumber_Multiply(a, two));
    show_new("2 * a (reflected)", PyNumber_Multiply(two, a));
    show_new("2 - a (reflected)", PyNumber_Subtract(two, a));
    show_new("0.5 / a (reflected)", PyNumber_TrueDivide(half, a));
    show_new("b % 2", PyNumber_Remainder(b, two));
    show_new("5 % a", PyNumber_Remainder(five, a));
    show_new("b // 2", PyNumber_FloorDivide(b, two));
    show_new("b / 2", PyNumber_TrueDivide(b, two));
    show_new("divmod(b, 2)", PyNumber_Divmod(b, two));
    show_new("divmod(5, a)", PyNumber_Divmod(five, a));
    show_new("a ** 2", PyNumber_Power(a, two, Py_None));
    show_new("2 ** a", PyNumber_Power(two, a, Py_None));
    show_new("pow(b, 2, 5)", PyNumber_Power(b, two, five));
    show_new("pow(b, 2, 's')", PyNumber_Power(b, two, s));
    show_new("-a", PyNumber_Negative(a));
    show_new("+a", PyNumber_Positive(a));
    show_new("abs(a)", PyNumber_Absolute(a));
    show_new("~a", PyNumber_Invert(a));
    show_new("a << 1", PyNumber_Lshift(a, two));
    show_new("a >> 1", PyNumber_Rshift(a, two));
    show_new("2 << a", PyNumber_Lshift(two, a));
    show_new("b & 5", PyNumber_And(b, five));
    show_new("b | 2", PyNumber_Or(b, two));
    show_new("5 ^ b", PyNumber_Xor(five, b));
    show_new("a @ b", PyNumber_MatrixMultiply(a, b));
    show_new("a @ 2", PyNumber_MatrixMultiply(a, two));
    show_new("a / 0", PyNumber_TrueDivide(a, zero));
    show_new("a - 's'", PyNumber_Subtract(a, s));
    show_new("'s' - a", PyNumber_Subtract(s, a));
    show_new("a + 's' (nb_add, then sq_concat)", PyNumber_Add(a, s));
    show_new("a * 's'", PyNumber_Multiply(a, s));
    show_new("a + Vec(1)", PyNumber_Add(a, VEC(1)));

    /* In place: the same object comes back with new components. */
    struct { const char *name; PyObject *(*f)(PyObject *, PyObject *); PyObject *arg; } ops[] = {
        {"+=", PyNumber_InPlaceAdd, b}, {"-=", PyNumber_InPlaceSubtract, two}, {"*=", PyNumber_InPlaceMultiply, two},
        {"%=", PyNumber_InPlaceRemainder, five}, {"//=", PyNumber_InPlaceFloorDivide, two},
        {"/=", PyNumber_InPlaceTrueDivide, half}, {"<<=", PyNumber_InPlaceLshift, two},
        {">>=", PyNumber_InPlaceRshift, two}, {"&=", PyNumber_InPlaceAnd, five}, {"|=", PyNumber_InPlaceOr, two},
        {"^=", PyNumber_InPlaceXor, five}, {"@=", PyNumber_InPlaceMatrixMultiply, b},
        {"-= 's'", PyNumber_InPlaceSubtract, s},
    };
    PyObject *c = VEC(7, 8, 9);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        PyObject *r = ops[i].f(c, ops[i].arg);
        printf("c %s: same object %d, ", ops[i].name, r == c);
        show("c", r);
        Py_XDECREF(r);
    }
    PyObject *r = PyNumber_InPlacePower(c, two, Py_None);
    printf("c **= 2: same object %d, ", r == c);
    show_new("c", r);
    r = PyNumber_InPlacePower(c, two, five);
    printf("pow(c, 2, 5) in place: same object %d, ", r == c);
    show_new("c", r);
    /* An int's in-place slot is missing: the Vec's reflected binary slot answers. */
    show_new("2 += a", PyNumber_InPlaceAdd(two, a));

    PyObject *one = VEC(3), *frac = VEC(2.5);
    show_new("PyNumber_Index(Vec(3))", PyNumber_Index(one));
    show_new("PyNumber_Index(Vec(2.5))", PyNumber_Index(frac));
    show_new("PyNumber_Index(a)", PyNumber_Index(a));
    show_ll("PyNumber_AsSsize_t(Vec(3))", PyNumber_AsSsize_t(one, NULL));
    show_new("PyNumber_Long(Vec(2.5))", PyNumber_Long(frac));
    show_new("PyNumber_Long(a)", PyNumber_Long(a));
    show_new("PyNumber_Float(Vec(3))", PyNumber_Float(one));
    show_new("PyNumber_Float(a)", PyNumber_Float(a));
    show_ll("PyLong_AsLong(Vec(3))", PyLong_AsLong(one));
    show_double("PyFloat_AsDouble(Vec(2.5))", PyFloat_AsDouble(frac));
    PyObject *z = VEC(0, 0);
    show_ll("PyObject_IsTrue(a)", PyObject_IsTrue(a));
    show_ll("PyObject_IsTrue(Vec(0, 0))", PyObject_IsTrue(z));
    show_ll("PyObject_Not(Vec(0, 0))", PyObject_Not(z));
    Py_DECREF(z);
    Py_DECREF(one);
    Py_DECREF(frac);
    Py_DECREF(c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(two);
    Py_DECREF(half);
    Py_DECREF(five);
    Py_DECREF(s);
    Py_DECREF(zero);
}

static void sequences_and_mappings(void)
{
    printf("-- sequence and mapping\n");
    PyObject *a = VEC(1, 2, 3), *b = VEC(4), *s = PyUnicode_FromString("s"), *two = PyFloat_FromDouble(2);
    printf("PySequence_Check: %d, PyMapping_Check: %d\n", PySequence_Check(a), PyMapping_Check(a));
    show_ll("PySequence_Size", PySequence_Size(a));
    show_ll("PyMapping_Size", PyMapping_Size(a));
    show_ll("PyObject_Size", PyObject_Size(a));
    show_new("PySequence_GetItem(a, -1)", PySequence_GetItem(a, -1));
    show_new("PySequence_GetItem(a, 3)", PySequence_GetItem(a, 3));
    show_ll("PySequence_SetItem(a, 0, 9)", PySequence_SetItem(a, 0, two));
    show_ll("PySequence_SetItem(a, 0, 's')", PySequence_SetItem(a, 0, s));
    show_ll("PySequence_DelItem(a, 0)", PySequence_DelItem(a, 0));
    show_ll("PySequence_Contains(a, 2.0)", PySequence_Contains(a, two));
    show_ll("PySequence_Contains(a, 's')", PySequence_Contains(a, s));
    show_ll("PySequence_Index(a, 2.0)", PySequence_Index(a, two));
    show_ll("PySequence_Count(a, 2.0)", PySequence_Count(a, two));
    show_new("PySequence_Concat(a, b)", PySequence_Concat(a, b));
    show_new("PySequence_Concat(a, 's')", PySequence_Concat(a, s));
    show_new("PySequence_Repeat(b, 3)", PySequence_Repeat(b, 3));
    show_new("PySequence_Repeat(a, 3)", PySequence_Repeat(a, 3));
    show_new("PyNumber_Multiply(b, 3) (sq_repeat is not used: nb_multiply)", PyNumber_Multiply(b, PyLong_FromLong(3)));
    PyObject *r = PySequence_InPlaceConcat(b, a);
    printf("PySequence_InPlaceConcat: same object %d, ", r == b);
    show_new("b", r);
    show_new("PySequence_Tuple(a)", PySequence_Tuple(a));
    show_new("PySequence_List(a)", PySequence_List(a));
    show_new("PySequence_Fast(a)", PySequence_Fast(a, "no"));

    PyObject *i0 = PyLong_FromLong(0), *im1 = PyLong_FromLong(-1), *i9 = PyLong_FromLong(9);
    PyObject *pick = Py_BuildValue("(ii)", 2, 0), *bad_pick = Py_BuildValue("(is)", 2, "x");
    show_new("a[0]", PyObject_GetItem(a, i0));
    show_new("a[-1]", PyObject_GetItem(a, im1));
    show_new("a[9]", PyObject_GetItem(a, i9));
    show_new("a[2, 0]", PyObject_GetItem(a, pick));
    show_new("a[2, 'x']", PyObject_GetItem(a, bad_pick));
    show_new("a['s']", PyObject_GetItem(a, s));
    show_new("PyMapping_GetItemString(a, 'x')", PyMapping_GetItemString(a, "x"));
    PyObject *vals = Py_BuildValue("(dd)", 7.0, 8.0);
    show_ll("a[2, 0] = (7, 8)", PyObject_SetItem(a, pick, vals));
    show("a", a);
    show_ll("a[-1] = 's'", PyObject_SetItem(a, im1, s));
    show_ll("a[0, 1] = 's'", PyObject_SetItem(a, pick, s));
    show_ll("del a[0]", PyObject_DelItem(a, i0));
    Py_DECREF(vals);
    Py_DECREF(pick);
    Py_DECREF(bad_pick);
    Py_DECREF(i0);
    Py_DECREF(im1);
    Py_DECREF(i9);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(s);
    Py_DECREF(two);
}

static void buffers(void)
{
    printf("-- buffer\n");
    PyObject *a = VEC(1, 2, 3);
    printf("PyObject_CheckBuffer: %d\n", PyObject_CheckBuffer(a));
    Py_buffer view;
    if (PyObject_GetBuffer(a, &view, PyBUF_FULL) == 0) {
        printf("len %zd, itemsize %zd, format %s, ndim %d, shape %zd, strides %zd, readonly %d, obj is a %d\n",
               view.len, view.itemsize, view.format, view.ndim, view.shape[0], view.strides[0], view.readonly,
               view.obj == a);
        ((double *)view.buf)[1] = 20.0;
        show("written through the buffer", a);
        show_new("exports", PyObject_GetAttrString(a, "exports"));
        show_ll("hash while exported", PyObject_Hash(a));
        show_new("a += Vec(1) while exported", PySequence_InPlaceConcat(a, a));
        PyBuffer_Release(&view);
        show_new("exports after release", PyObject_GetAttrString(a, "exports"));
    } else {
        show_exc("PyObject_GetBuffer");
    }
    if (PyObject_GetBuffer(a, &view, PyBUF_SIMPLE) == 0) {
        printf("simple: len %zd, format %s, shape %s\n", view.len, view.format ? view.format : "NULL",
               view.shape ? "set" : "NULL");
        PyBuffer_Release(&view);
    }
    PyObject *i = PyLong_FromLong(1);
    show_ll("PyObject_GetBuffer(int)", PyObject_GetBuffer(i, &view, PyBUF_SIMPLE));
    printf("PyObject_CheckBuffer(int): %d\n", PyObject_CheckBuffer(i));
    Py_DECREF(i);
    Py_DECREF(a);
}

static void async_slots(PyObject *type)
{
    PyObject *a = make(type, 2, (double[]){1, 2});
    unaryfunc await = (unaryfunc)PyType_GetSlot((PyTypeObject *)type, Py_am_await);
    unaryfunc aiter = (unaryfunc)PyType_GetSlot((PyTypeObject *)type, Py_am_aiter);
    unaryfunc anext = (unaryfunc)PyType_GetSlot((PyTypeObject *)type, Py_am_anext);
    printf("am_await %d, am_aiter %d, am_anext %d\n", await != NULL, aiter != NULL, anext != NULL);
    if (await != NULL && aiter != NULL && anext != NULL) {
        PyObject *it = await(a);
        show_type("am_await()", it);
        show_new("list(am_await())", PySequence_List(it));
        Py_XDECREF(it);
        PyObject *self = aiter(a);
        printf("am_aiter() is the object: %d\n", self == a);
        Py_XDECREF(self);
        it = anext(a);
        show_new("next(am_anext())", PyIter_Next(it));
        Py_XDECREF(it);
    }
    PyObject *awaited = PyObject_CallMethod(a, "__await__", NULL);
    show_type("__await__()", awaited);
    Py_XDECREF(awaited);
    Py_DECREF(a);
}

static void compare_hash_iter(void)
{
    printf("-- compare, hash, iteration\n");
    PyObject *a = VEC(1, 2), *b = VEC(1, 3), *c = VEC(1, 2), *one = PyLong_FromLong(1);
    const char *names[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int op = 0; op < 6; op++) {
        char label[16];
        snprintf(label, sizeof label, "a %s b", names[op]);
        show_new(label, PyObject_RichCompare(a, b, op));
        printf("a %s c: %d\n", names[op], PyObject_RichCompareBool(a, c, op));
    }
    show_new("a == 1", PyObject_RichCompare(a, one, Py_EQ));
    show_new("a != 1", PyObject_RichCompare(a, one, Py_NE));
    show_new("a < 1", PyObject_RichCompare(a, one, Py_LT));
    show_new("1 >= a", PyObject_RichCompare(one, a, Py_GE));
    printf("hash(a) == hash(c): %d, hash(a) == hash(b): %d\n", PyObject_Hash(a) == PyObject_Hash(c),
           PyObject_Hash(a) == PyObject_Hash(b));
    show_new("hash(Vec()) == hash(())", PyBool_FromLong(PyObject_Hash(VEC()) == PyObject_Hash(PyTuple_New(0))));

    PyObject *it = PyObject_GetIter(a);
    show_type("iter(a)", it);
    printf("PyIter_Check(iter(a)) %d, PyIter_Check(a) %d\n", PyIter_Check(it), PyIter_Check(a));
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        show_new("item", x);
    }
    show_exc("after the last item");
    show_new("exhausted again", PyIter_Next(it));
    show_new("iter(iter(a)) is the iterator", PyBool_FromLong(PyObject_GetIter(it) == it));
    Py_DECREF(it);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    Py_DECREF(one);
}

static void calls(PyObject *type)
{
    PyObject *p = make(type, 3, (double[]){1, 2, 3});   /* 1 + 2x + 3x^2 */
    PyObject *two = PyFloat_FromDouble(2), *args = Py_BuildValue("(d)", 2.0), *kw = Py_BuildValue("{sd}", "scale", 10.0);
    long long tp = count("tp_calls"), vc = count("vectorcalls");
    printf("PyCallable_Check %d, PyVectorcall_Function set %d\n", PyCallable_Check(p), PyVectorcall_Function(p) != NULL);
    show_new("p(2)", PyObject_CallOneArg(p, two));
    show_new("PyObject_Call(p, (2,), {scale: 10})", PyObject_Call(p, args, kw));
    show_new("PyObject_CallObject(p, (2,))", PyObject_CallObject(p, args));
    show_new("PyObject_CallFunction(p, 'di', 2, 5)", PyObject_CallFunction(p, "di", 2.0, 5));
    PyObject *stack[] = {two, PyFloat_FromDouble(3)};
    PyObject *names = Py_BuildValue("(s)", "scale");
    show_new("PyObject_Vectorcall(p, 2, scale=3)", PyObject_Vectorcall(p, stack, 1, names));
    show_new("PyObject_VectorcallDict(p, (2,), {scale: 10})", PyObject_VectorcallDict(p, stack, 1, kw));
    show_new("PyVectorcall_Call(p, (2,), {scale: 10})", PyVectorcall_Call(p, args, kw));
    show_new("p()", PyObject_CallNoArgs(p));
    show_new("p(2, bad=1)", PyObject_Vectorcall(p, stack, 1, PyTuple_Pack(1, PyUnicode_FromString("bad"))));
    show_new("p(('scale',))", PyObject_CallOneArg(p, names));
    printf("tp_call calls: %lld, vectorcalls: %lld\n", count("tp_calls") - tp, count("vectorcalls") - vc);
    /* tp_call itself, as a slot. */
    ternaryfunc call = (ternaryfunc)PyType_GetSlot((PyTypeObject *)type, Py_tp_call);
    show_new("tp_call(p, (2,), NULL)", call(p, args, NULL));
    printf("tp_call calls: %lld\n", count("tp_calls") - tp);
    Py_DECREF(stack[1]);
    Py_DECREF(names);
    Py_DECREF(p);
    Py_DECREF(two);
    Py_DECREF(args);
    Py_DECREF(kw);
}

static void vectorcall_of_others(void)
{
    printf("-- PyVectorcall_Call on types and built-ins\n");
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *len = PyObject_GetAttrString(builtins, "len");
    PyObject *abc = Py_BuildValue("(s)", "abc"), *empty = PyTuple_New(0);
    printf("PyVectorcall_Function(len) %d, (list) %d, (Vec) %d, (int 1) %d\n", PyVectorcall_Function(len) != NULL,
           PyVectorcall_Function((PyObject *)&PyList_Type) != NULL, PyVectorcall_Function(Vec) != NULL,
           PyVectorcall_Function(PyLong_FromLong(1)) != NULL);
    show_new("PyVectorcall_Call(len, ('abc',))", PyVectorcall_Call(len, abc, NULL));
    show_new("PyVectorcall_Call(list, ('abc',))", PyVectorcall_Call((PyObject *)&PyList_Type, abc, NULL));
    show_new("PyVectorcall_Call(tuple, ('abc',))", PyVectorcall_Call((PyObject *)&PyTuple_Type, abc, NULL));
    long long tv = count("type_vectorcalls");
    show_new("PyVectorcall_Call(Vec, ())", PyVectorcall_Call(Vec, empty, NULL));
    show_new("PyObject_Call(Vec, ('abc',))", PyObject_Call(Vec, abc, NULL));
    show_new("PyObject_CallNoArgs(Vec)", PyObject_CallNoArgs(Vec));
    PyObject *kw = Py_BuildValue("{si}", "x", 1);
    show_new("Vec(x=1)", PyObject_Call(Vec, empty, kw));
    Py_DECREF(kw);
    printf("Vec's tp_vectorcall calls: %lld\n", count("type_vectorcalls") - tv);
    show_new("PyVectorcall_Call(HeapVec, ())", PyVectorcall_Call(HeapVec, empty, NULL));
    show_new("PyVectorcall_Call(1, ())", PyVectorcall_Call(PyLong_FromLong(1), empty, NULL));
    Py_DECREF(abc);
    Py_DECREF(empty);
    Py_DECREF(len);
    Py_DECREF(builtins);
}

static void attributes(PyObject *type)
{
    PyObject *a = make(type, 3, (double[]){1, 2, 3}), *nine = PyFloat_FromDouble(9);
    show_new("a.x", PyObject_GetAttrString(a, "x"));
    show_new("a.z", PyObject_GetAttrString(a, "z"));
    show_new("a.w", PyObject_GetAttrString(a, "w"));
    show_ll("a.y = 9", PyObject_SetAttrString(a, "y", nine));
    show("a", a);
    show_ll("a.y = 's'", PyObject_SetAttrString(a, "y", PyUnicode_FromString("s")));
    show_ll("del a.y", PyObject_DelAttrString(a, "y"));
    show_ll("hasattr(a, 'w')", PyObject_HasAttrString(a, "w"));
    show_new("a.__dict__", PyObject_GetAttrString(a, "__dict__"));
    show_ll("a.extra = 9", PyObject_SetAttrString(a, "extra", nine));
    show_new("a.extra", PyObject_GetAttrString(a, "extra"));
    show_new("PyObject_GenericGetDict(a)", PyObject_GenericGetDict(a, NULL));
    show_ll("del a.extra", PyObject_DelAttrString(a, "extra"));
    show_ll("del a.extra again", PyObject_DelAttrString(a, "extra"));
    PyObject *d = Py_BuildValue("{si}", "k", 1);
    show_ll("PyObject_GenericSetDict(a, {k: 1})", PyObject_GenericSetDict(a, d, NULL));
    show_new("a.k", PyObject_GetAttrString(a, "k"));
    show_ll("a.__dict__ = 1", PyObject_SetAttrString(a, "__dict__", nine));
    show_new("a.link", PyObject_GetAttrString(a, "link"));
    show_ll("a.link = 9", PyObject_SetAttrString(a, "link", nine));
    show_new("a.link", PyObject_GetAttrString(a, "link"));
    show_ll("a.exports = 9", PyObject_SetAttrString(a, "exports", nine));
    show_new("a.tolist()", PyObject_CallMethod(a, "tolist", NULL));
    show_new("a.missing", PyObject_GetAttrString(a, "missing"));
    Py_DECREF(d);
    Py_DECREF(a);
    Py_DECREF(nine);
}

static void descriptors(PyObject *type)
{
    PyObject *shared = make(type, 2, (double[]){1, 2});
    static PyType_Slot holder_slots[] = {{Py_tp_new, PyType_GenericNew}, {0, NULL}};
    static PyType_Spec holder_spec = {"Holder", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, holder_slots};
    PyObject *cls = PyType_FromSpec(&holder_spec);
    PyObject *h = cls == NULL || PyObject_SetAttrString(cls, "v", shared) < 0 ? NULL : PyObject_CallNoArgs(cls);
    if (h == NULL) {
        show_exc("Holder");
        Py_XDECREF(cls);
        Py_DECREF(shared);
        return;
    }
    long long gets = count("descr_gets"), sets = count("descr_sets");
    PyObject *through_class = PyObject_GetAttrString(cls, "v");
    printf("Holder.v is the Vec: %d\n", through_class == shared);
    Py_XDECREF(through_class);
    PyObject *copy = PyObject_GetAttrString(h, "v");
    printf("h.v is a copy: %d, ", copy != NULL && copy != shared);
    show_new("h.v", copy);
    show_ll("h.v = (5, 6)", PyObject_SetAttrString(h, "v", Py_BuildValue("(ii)", 5, 6)));
    show("the shared Vec", shared);
    show_ll("h.v = 's'", PyObject_SetAttrString(h, "v", PyUnicode_FromString("s")));
    show_ll("del h.v", PyObject_DelAttrString(h, "v"));
    printf("descr_get calls %lld, descr_set calls %lld\n", count("descr_gets") - gets, count("descr_sets") - sets);
    descrgetfunc get = (descrgetfunc)PyType_GetSlot((PyTypeObject *)type, Py_tp_descr_get);
    show_new("tp_descr_get(v, None, Holder)", get(shared, Py_None, cls));
    Py_DECREF(h);
    Py_DECREF(cls);
    Py_DECREF(shared);
}

static PyObject *on_dead(PyObject *self, PyObject *ref)
{
    printf("  weakref callback, referent gone: %d\n", PyWeakref_GetObject(ref) == Py_None);
    Py_RETURN_NONE;
}

static PyMethodDef on_dead_def = {"on_dead", on_dead, METH_O};

static void lifecycle(PyObject *type)
{
    PyGC_Collect();   /* what earlier parts left behind, so that the counts below are this part's */
    long long allocs = count("allocs"), inits = count("inits"), fins = count("finalizes"), deallocs = count("deallocs");
    PyObject *a = make(type, 1, (double[]){1});
    printf("made one: allocs +%lld, inits +%lld\n", count("allocs") - allocs, count("inits") - inits);
    show_ll("a.__init__(5, 6)", PyObject_CallMethod(a, "__init__", "ii", 5, 6) == Py_None);
    show("a", a);
    PyObject *callback = PyCFunction_New(&on_dead_def, NULL);
    PyObject *ref = PyWeakref_NewRef(a, callback);
    printf("weakref alive: %d, weakref count delta on a: %zd\n", PyWeakref_GetObject(ref) == a, Py_REFCNT(a) - 1);
    Py_DECREF(a);
    PyGC_Collect();   /* libpycapi may free a C object that crossed into managed code only then */
    printf("released: finalizes +%lld, deallocs +%lld, weakref dead %d\n", count("finalizes") - fins,
           count("deallocs") - deallocs, PyWeakref_GetObject(ref) == Py_None);
    Py_DECREF(ref);
    Py_DECREF(callback);

    /* A finalizer that resurrects: the object lives on, and is not finalized again. */
    fins = count("finalizes");
    deallocs = count("deallocs");
    PyObject_CallMethod(fulltype, "set_resurrect", "O", Py_True);
    a = make(type, 1, (double[]){7});
    Py_DECREF(a);
    PyGC_Collect();
    printf("resurrected: finalizes +%lld, deallocs +%lld\n", count("finalizes") - fins, count("deallocs") - deallocs);
    a = PyObject_CallMethod(fulltype, "take_resurrected", NULL);
    show("taken back", a);
    Py_DECREF(a);
    PyGC_Collect();
    printf("released again: finalizes +%lld, deallocs +%lld\n", count("finalizes") - fins, count("deallocs") - deallocs);

    /* A cycle a -> b -> a through the link member, and one through a's __dict__ (after a
       collection of what earlier parts left). */
    PyGC_Collect();
    fins = count("finalizes");
    deallocs = count("deallocs");
    long long clears = count("clears");
    PyObject *b = make(type, 1, (double[]){2});
    a = make(type, 1, (double[]){1});
    PyObject_SetAttrString(a, "link", b);
    PyObject_SetAttrString(b, "link", a);
    PyObject *c = make(type, 1, (double[]){3});
    PyObject_SetAttrString(c, "me", c);
    ref = PyWeakref_NewRef(a, NULL);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    printf("cycles dropped: deallocs +%lld, weakref alive %d\n", count("deallocs") - deallocs, PyWeakref_GetObject(ref) != Py_None);
    PyGC_Collect();
    printf("after gc: finalizes +%lld, deallocs +%lld, clears > 0 %d, weakref dead %d\n", count("finalizes") - fins,
           count("deallocs") - deallocs, count("clears") > clears, PyWeakref_GetObject(ref) == Py_None);
    Py_DECREF(ref);
}

static void heap_type(void)
{
    printf("-- HeapVec (from a spec)\n");
    show_new("HeapVec.__dictoffset__ > 0", PyBool_FromLong(PyObject_HasAttrString(HeapVec, "__dictoffset__")));
    show_new("HeapVec.__weaklistoffset__", PyObject_GetAttrString(HeapVec, "__weaklistoffset__"));
    show_new("'__vectorcalloffset__' in HeapVec.__dict__", PyBool_FromLong(PyObject_HasAttrString(HeapVec, "__vectorcalloffset__")));
    PyTypeObject *t = (PyTypeObject *)HeapVec;
    printf("tp_dictoffset %d, tp_weaklistoffset %d, tp_vectorcall_offset %d, same as Vec's\n",
           t->tp_dictoffset == ((PyTypeObject *)Vec)->tp_dictoffset,
           t->tp_weaklistoffset == ((PyTypeObject *)Vec)->tp_weaklistoffset,
           t->tp_vectorcall_offset == ((PyTypeObject *)Vec)->tp_vectorcall_offset);
    printf("nb_add slot is Vec's: %d, bf_getbuffer: %d\n",
           PyType_GetSlot(t, Py_nb_add) == PyType_GetSlot((PyTypeObject *)Vec, Py_nb_add),
           PyType_GetSlot(t, Py_bf_getbuffer) == PyType_GetSlot((PyTypeObject *)Vec, Py_bf_getbuffer));
    PyObject *a = HVEC(1, 2), *b = VEC(3, 4);
    show_new("HeapVec + Vec", PyNumber_Add(a, b));
    show_new("Vec + HeapVec", PyNumber_Add(b, a));
    show_new("HeapVec @ Vec", PyNumber_MatrixMultiply(a, b));
    show_new("HeapVec < Vec", PyObject_RichCompare(a, b, Py_LT));
    show_new("str(HeapVec)", PyObject_Str(a));
    show_new("HeapVec[-1]", PySequence_GetItem(a, -1));
    Py_buffer view;
    if (PyObject_GetBuffer(a, &view, PyBUF_RECORDS_RO) == 0) {
        printf("HeapVec buffer: len %zd, format %s\n", view.len, view.format);
        PyBuffer_Release(&view);
    }
    Py_DECREF(a);
    Py_DECREF(b);
}

/* A heap type from a spec whose base is Vec and which fills no slot: it inherits them all
   (and the offsets of __dict__, of the weakref list and of the vectorcall). */
static void subclass(void)
{
    printf("-- SubVec (a spec with Vec as its base, no slots)\n");
    static PyType_Slot sub_slots[] = {{0, NULL}};
    /* Saying Py_TPFLAGS_HAVE_GC asks for a tp_traverse of its own; without it the base's
       GC support is inherited. */
    static PyType_Spec gc_spec = {"fulltype_test.SubVec", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, sub_slots};
    show_new("SubVec with Py_TPFLAGS_HAVE_GC", PyType_FromSpecWithBases(&gc_spec, Vec));
    static PyType_Spec sub_spec = {"fulltype_test.SubVec", 0, 0, Py_TPFLAGS_DEFAULT, sub_slots};
    PyObject *sub = PyType_FromSpecWithBases(&sub_spec, Vec);
    if (sub == NULL) {
        show_exc("PyType_FromSpecWithBases");
        return;
    }
    PyObject *a = make(sub, 2, (double[]){1, 2}), *two = PyLong_FromLong(2);
    show("SubVec(1, 2)", a);
    show_new("a * 2", PyNumber_Multiply(a, two));
    show_new("2 - a", PyNumber_Subtract(two, a));
    show_new("a @ a", PyNumber_MatrixMultiply(a, a));
    show_new("a[-1]", PySequence_GetItem(a, -1));
    show_new("list(a)", PySequence_List(a));
    show_new("a.y", PyObject_GetAttrString(a, "y"));
    show_ll("a.extra = 2", PyObject_SetAttrString(a, "extra", two));
    show_new("a.__dict__", PyObject_GetAttrString(a, "__dict__"));
    long long vc = count("vectorcalls");
    show_new("a(2)", PyObject_CallOneArg(a, two));
    printf("vectorcalls +%lld, PyVectorcall_Function set %d\n", count("vectorcalls") - vc, PyVectorcall_Function(a) != NULL);
    Py_buffer view;
    if (PyObject_GetBuffer(a, &view, PyBUF_FULL_RO) == 0) {
        printf("buffer: len %zd, format %s\n", view.len, view.format);
        PyBuffer_Release(&view);
    }
    PyObject *ref = PyWeakref_NewRef(a, NULL);
    PyGC_Collect();
    long long deallocs = count("deallocs");
    Py_DECREF(a);
    PyGC_Collect();
    printf("released: deallocs +%lld, weakref dead %d\n", count("deallocs") - deallocs, PyWeakref_GetObject(ref) == Py_None);
    Py_DECREF(ref);
    Py_DECREF(two);
    Py_DECREF(sub);
}

static void bad_slots(void)
{
    printf("-- misbehaving slots\n");
    PyObject *m = conf_import("badslots");
    if (m == NULL) {
        return;
    }
    /* A slot that fails without an exception: the abstract API passes that on as it is
       (type_every_slot_managed shows the SystemError the next call check makes of it). A
       negative sq_length is not shown: CPython returns it unchecked, libpycapi -1. */
    PyObject *bad = PyObject_CallMethod(m, "Bad", NULL), *one = PyLong_FromLong(1), *v = VEC(1, 2);
    show_new("Bad + 1 (NULL, no exception)", PyNumber_Add(bad, one));
    show_new("-Bad (NULL, no exception)", PyNumber_Negative(bad));
    show_new("Bad == 1 (NULL, no exception)", PyObject_RichCompare(bad, one, Py_EQ));
    show_new("Bad[1] (NULL, no exception)", PyObject_GetItem(bad, one));
    show_new("Vec * Bad (reflected)", PyNumber_Multiply(v, bad));
    show_new("Bad * Vec", PyNumber_Multiply(bad, v));
    show_new("PyNumber_Index(Bad) (float)", PyNumber_Index(bad));
    show_ll("PyNumber_AsSsize_t(Bad)", PyNumber_AsSsize_t(bad, NULL));
    show_new("PyNumber_Long(Bad) (float)", PyNumber_Long(bad));
    show_new("PyNumber_Float(Bad) (int)", PyNumber_Float(bad));
    show_new("PyObject_Str(Bad) (int)", PyObject_Str(bad));
    show_new("PyObject_GetIter(Bad) (int)", PyObject_GetIter(bad));
    show_ll("PyObject_Hash(Bad) (-1, no exception)", PyObject_Hash(bad));
    show_new("PyObject_Call(Bad, ()) (NULL, no exception)", PyObject_CallNoArgs(bad));
    PyObject *it = PyObject_CallMethod(m, "FailIter", NULL);
    show_new("next(FailIter)", PyIter_Next(it));
    show_new("next(FailIter) again", PyIter_Next(it));
    show_new("list(FailIter())", PySequence_List(PyObject_CallMethod(m, "FailIter", NULL)));
    Py_DECREF(it);
    Py_DECREF(bad);
    Py_DECREF(one);
    Py_DECREF(v);
    Py_DECREF(m);
}

int main(void)
{
    conf_init();
    fulltype = conf_import("fulltype");
    if (fulltype == NULL) {
        return 1;
    }
    Vec = PyObject_GetAttrString(fulltype, "Vec");
    HeapVec = PyObject_GetAttrString(fulltype, "HeapVec");
    PyObject *a = VEC(1, 2.5);
    show("repr", a);
    show_str("str", a);
    show_new("Vec with 9 components", PyObject_CallObject(Vec, PyTuple_Pack(9, a, a, a, a, a, a, a, a, a)));
    show_new("Vec('s')", PyObject_CallFunction(Vec, "s", "s"));
    show_new("Vec(x=1)", PyObject_Call(Vec, PyTuple_New(0), Py_BuildValue("{si}", "x", 1)));
    show_new("HeapVec(1, 2)", HVEC(1, 2));
    Py_DECREF(a);
    numbers();
    sequences_and_mappings();
    buffers();
    printf("-- async (Vec)\n");
    async_slots(Vec);
    printf("-- async (HeapVec)\n");
    async_slots(HeapVec);
    compare_hash_iter();
    printf("-- calls (Vec)\n");
    calls(Vec);
    printf("-- calls (HeapVec)\n");
    calls(HeapVec);
    vectorcall_of_others();
    printf("-- attributes (Vec)\n");
    attributes(Vec);
    printf("-- attributes (HeapVec)\n");
    attributes(HeapVec);
    printf("-- descriptors (Vec)\n");
    descriptors(Vec);
    printf("-- descriptors (HeapVec)\n");
    descriptors(HeapVec);
    printf("-- lifecycle (Vec)\n");
    lifecycle(Vec);
    printf("-- lifecycle (HeapVec)\n");
    lifecycle(HeapVec);
    heap_type();
    subclass();
    bad_slots();
    Py_DECREF(Vec);
    Py_DECREF(HeapVec);
    Py_DECREF(fulltype);
    return conf_end();
}
