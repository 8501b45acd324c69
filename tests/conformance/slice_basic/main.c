/* slice: PySlice_New and its unpacking functions, slicing of the built-in sequences through
   the abstract API (get, set incl. extended slices, delete), PySequence_*Slice, and the
   slice type (repr, comparison, indices(), constructor) with their errors. */
#include "conformance.h"

/* builtins.<name>, a new reference. */
static PyObject *builtin(const char *name)
{
    PyObject *b = PyImport_ImportModule("builtins");
    PyObject *o = PyObject_GetAttrString(b, name);
    Py_DECREF(b);
    return o;
}

/* slice(a, b, c) from C longs; LONG_MIN stands for None. */
#define NONE_ LONG_MIN
static PyObject *part(long v) { return v == NONE_ ? Py_NewRef(Py_None) : PyLong_FromLong(v); }
static PyObject *mkslice(long a, long b, long c)
{
    PyObject *x = part(a), *y = part(b), *z = part(c);
    PyObject *s = PySlice_New(x, y, z);
    Py_DECREF(x);
    Py_DECREF(y);
    Py_DECREF(z);
    return s;
}

static void show_unpack(const char *label, PyObject *s, Py_ssize_t length)
{
    Py_ssize_t start = -7, stop = -7, step = -7;
    if (PySlice_Unpack(s, &start, &stop, &step) < 0) {
        show_exc(label);
        return;
    }
    printf("%s: unpack %zd %zd %zd", label, start, stop, step);
    Py_ssize_t n = PySlice_AdjustIndices(length, &start, &stop, step);
    printf(", adjusted to %zd: %zd %zd %zd, %zd items\n", length, start, stop, step, n);
}

static void show_getitem(const char *label, PyObject *o, PyObject *key)
{
    show_new(label, PyObject_GetItem(o, key));
}

static PyObject *numbers(int n)
{
    PyObject *l = PyList_New(n);
    for (int i = 0; i < n; i++) {
        PyList_SET_ITEM(l, i, PyLong_FromLong(i));
    }
    return l;
}

int main(void)
{
    conf_init();

    /* Construction and repr. */
    PyObject *s = PySlice_New(NULL, NULL, NULL);
    show("PySlice_New(NULL, NULL, NULL)", s);
    printf("PySlice_Check: %d\n", PySlice_Check(s));
    printf("start is None: %d\n", ((PySliceObject *)s)->start == Py_None);
    Py_DECREF(s);
    s = mkslice(1, 10, 2);
    show("slice(1, 10, 2)", s);
    show_new("s.start", PyObject_GetAttrString(s, "start"));
    show_new("s.stop", PyObject_GetAttrString(s, "stop"));
    show_new("s.step", PyObject_GetAttrString(s, "step"));
    show("PySliceObject.stop", ((PySliceObject *)s)->stop);
    show_ll("s.start = 2", PyObject_SetAttrString(s, "start", ((PySliceObject *)s)->stop));
    show_type("type", s);
    Py_DECREF(s);
    PyObject *text = PyUnicode_FromString("a");
    s = PySlice_New(text, Py_None, text);
    show("slice('a', None, 'a')", s);
    Py_DECREF(text);
    Py_DECREF(s);

    /* Unpack and AdjustIndices. */
    const long cases[][3] = {
        { NONE_, NONE_, NONE_ }, { 1, 10, 2 }, { -3, NONE_, NONE_ }, { NONE_, NONE_, -1 }, { 8, 1, -3 },
        { -100, 100, 1 }, { 100, -100, -1 }, { 5, 2, 1 }, { NONE_, NONE_, -2 }, { 0, 0, 1 }, { 3, NONE_, 4 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        s = mkslice(cases[i][0], cases[i][1], cases[i][2]);
        PyObject *r = PyObject_Repr(s);
        show_unpack(PyUnicode_AsUTF8(r), s, 10);
        Py_DECREF(r);
        Py_DECREF(s);
    }
    s = mkslice(1, 2, 0);
    show_unpack("step 0", s, 10);
    Py_ssize_t start, stop, step, len;
    len = 99;
    int rc = PySlice_GetIndicesEx(s, 10, &start, &stop, &step, &len);
    printf("PySlice_GetIndicesEx(step 0): %d, len %zd\n", rc, len);
    show_exc("  raised");
    Py_DECREF(s);
    PyObject *f = PyFloat_FromDouble(1.5);
    s = PySlice_New(f, NULL, NULL);
    show_unpack("start 1.5", s, 10);
    Py_DECREF(s);
    PyObject *big = PyLong_FromString("100000000000000000000000", NULL, 10);
    PyObject *negbig = PyNumber_Negative(big);
    s = PySlice_New(negbig, big, negbig);
    show_unpack("huge bounds, huge negative step", s, 10);
    Py_DECREF(s);
    s = mkslice(-3, NONE_, NONE_);
    printf("PySlice_GetIndicesEx(-3:): %d", PySlice_GetIndicesEx(s, 10, &start, &stop, &step, &len));
    printf(" -> %zd %zd %zd %zd\n", start, stop, step, len);
    Py_DECREF(s);

    /* The old PySlice_GetIndices. */
    const long old[][3] = { { NONE_, NONE_, NONE_ }, { -3, NONE_, NONE_ }, { NONE_, NONE_, -1 }, { 2, 20, 1 }, { 10, NONE_, 1 }, { 1, 2, 0 } };
    for (size_t i = 0; i < sizeof old / sizeof old[0]; i++) {
        s = mkslice(old[i][0], old[i][1], old[i][2]);
        PyObject *r = PyObject_Repr(s);
        start = stop = step = -7;
        rc = PySlice_GetIndices(s, 10, &start, &stop, &step);
        printf("PySlice_GetIndices(%s): %d -> %zd %zd %zd, error set: %d\n", PyUnicode_AsUTF8(r), rc, start, stop, step,
               PyErr_Occurred() != NULL);
        Py_DECREF(r);
        Py_DECREF(s);
    }
    s = PySlice_New(f, NULL, NULL);
    printf("PySlice_GetIndices(1.5:): %d, error set: %d\n", PySlice_GetIndices(s, 10, &start, &stop, &step), PyErr_Occurred() != NULL);
    Py_DECREF(s);

    /* _PyEval_SliceIndex. */
    Py_ssize_t pi = 42;
    rc = _PyEval_SliceIndex(Py_None, &pi);
    printf("_PyEval_SliceIndex(None): %d, %zd\n", rc, pi);
    PyObject *seven = PyLong_FromLong(-7);
    rc = _PyEval_SliceIndex(seven, &pi);
    printf("_PyEval_SliceIndex(-7): %d, %zd\n", rc, pi);
    rc = _PyEval_SliceIndex(big, &pi);
    printf("_PyEval_SliceIndex(huge): %d, %zd\n", rc, pi);
    rc = _PyEval_SliceIndex(negbig, &pi);
    printf("_PyEval_SliceIndex(-huge): %d, %zd\n", rc, pi);
    printf("_PyEval_SliceIndex(1.5): %d\n", _PyEval_SliceIndex(f, &pi));
    show_exc("  raised");

    /* Getting slices of the built-in sequences. */
    PyObject *list = numbers(10);
    PyObject *tuple = PyList_AsTuple(list);
    PyObject *str = PyUnicode_FromString("h\xc3\xa9llo w\xf0\x9f\x98\x80rld");
    PyObject *bytes = PyBytes_FromString("abcdefghij");
    PyObject *seqs[] = { list, tuple, str, bytes };
    const long picks[][3] = { { 1, 8, 2 }, { NONE_, NONE_, -1 }, { -3, NONE_, NONE_ }, { 8, 1, -3 }, { 5, 2, NONE_ }, { NONE_, NONE_, NONE_ } };
    for (size_t i = 0; i < 4; i++) {
        for (size_t j = 0; j < sizeof picks / sizeof picks[0]; j++) {
            s = mkslice(picks[j][0], picks[j][1], picks[j][2]);
            PyObject *r = PyObject_Repr(s);
            char label[128];
            snprintf(label, sizeof label, "%s[%s]", Py_TYPE(seqs[i])->tp_name, PyUnicode_AsUTF8(r));
            show_getitem(label, seqs[i], s);
            Py_DECREF(r);
            Py_DECREF(s);
        }
        s = mkslice(NONE_, NONE_, NONE_);
        PyObject *whole = PyObject_GetItem(seqs[i], s);
        printf("%s[:] is itself: %d\n", Py_TYPE(seqs[i])->tp_name, whole == seqs[i]);
        Py_DECREF(whole);
        Py_DECREF(s);
        s = mkslice(1, 2, 0);
        show_getitem("  [1:2:0]", seqs[i], s);
        Py_DECREF(s);
        s = PySlice_New(f, NULL, NULL);
        show_getitem("  [1.5:]", seqs[i], s);
        Py_DECREF(s);
    }
    show_getitem("list['x']", list, PyUnicode_FromString("x"));
    show_getitem("tuple[1.5]", tuple, f);

    show_new("PySequence_GetSlice(list, 2, 5)", PySequence_GetSlice(list, 2, 5));
    show_new("PySequence_GetSlice(list, -3, 100)", PySequence_GetSlice(list, -3, 100));
    show_new("PySequence_GetSlice(str, 1, 4)", PySequence_GetSlice(str, 1, 4));
    show_new("PySequence_GetSlice(tuple, 5, 2)", PySequence_GetSlice(tuple, 5, 2));
    show_new("PySequence_GetSlice(int)", PySequence_GetSlice(seven, 0, 1));
    PyObject *dict = PyDict_New();
    show_new("PySequence_GetSlice(dict)", PySequence_GetSlice(dict, 0, 1));

    /* Assigning and deleting slices of a list. */
    PyObject *l = numbers(10);
    PyObject *abc = Py_BuildValue("(sss)", "a", "b", "c");
    s = mkslice(2, 5, NONE_);
    printf("l[2:5] = ('a','b','c', ...): %d\n", PyObject_SetItem(l, s, PyUnicode_FromString("xy")));
    show("  l", l);
    Py_DECREF(s);
    s = mkslice(0, 10, 3);
    show_ll("l[0:10:3] = ('a','b','c')", PyObject_SetItem(l, s, abc));
    show("  l", l);
    Py_DECREF(s);
    s = mkslice(NONE_, NONE_, -4);
    show_ll("l[::-4] = ('a','b','c')", PyObject_SetItem(l, s, abc));
    show("  l", l);
    show_ll("l[::-4] = 'xy'", PyObject_SetItem(l, s, PyUnicode_FromString("xy")));
    show_ll("l[::-4] = 5", PyObject_SetItem(l, s, seven));
    Py_DECREF(s);
    s = mkslice(1, 6, 2);
    show_ll("del l[1:6:2]", PyObject_DelItem(l, s));
    show("  l", l);
    Py_DECREF(s);
    s = mkslice(NONE_, NONE_, -2);
    show_ll("del l[::-2]", PyObject_DelItem(l, s));
    show("  l", l);
    show_ll("l[::-2] = l", PyObject_SetItem(l, s, l));
    show("  l", l);
    Py_DECREF(s);
    s = mkslice(NONE_, NONE_, NONE_);
    show_ll("l[:] = l", PyObject_SetItem(l, s, l));
    show("  l", l);
    show_ll("l[:] = 5", PyObject_SetItem(l, s, seven));
    Py_DECREF(s);
    s = mkslice(1, 2, 0);
    show_ll("l[1:2:0] = ()", PyObject_SetItem(l, s, PyTuple_New(0)));
    show_ll("del l[1:2:0]", PyObject_DelItem(l, s));
    Py_DECREF(s);
    s = mkslice(5, 1, NONE_);
    show_ll("l[5:1] = ('a','b','c')", PyObject_SetItem(l, s, abc));
    show("  l", l);
    Py_DECREF(s);
    s = mkslice(1, 3, NONE_);
    show_ll("tuple[1:3] = ...", PyObject_SetItem(tuple, s, abc));
    show_ll("del str[1:3]", PyObject_DelItem(str, s));
    show_ll("dict[1:3] = ...", PyObject_SetItem(dict, s, abc));
    Py_DECREF(s);

    show_ll("PySequence_SetSlice(l, 0, 2, 'pq')", PySequence_SetSlice(l, 0, 2, PyUnicode_FromString("pq")));
    show("  l", l);
    show_ll("PySequence_SetSlice(l, -2, 100, ())", PySequence_SetSlice(l, -2, 100, PyTuple_New(0)));
    show("  l", l);
    show_ll("PySequence_SetSlice(l, 0, 1, NULL)", PySequence_SetSlice(l, 0, 1, NULL));
    show("  l", l);
    show_ll("PySequence_DelSlice(l, 1, 3)", PySequence_DelSlice(l, 1, 3));
    show("  l", l);
    show_ll("PySequence_SetSlice(tuple)", PySequence_SetSlice(tuple, 0, 1, abc));
    show_ll("PySequence_DelSlice(str)", PySequence_DelSlice(str, 0, 1));
    show_ll("PySequence_DelSlice(dict)", PySequence_DelSlice(dict, 0, 1));

    /* The slice type from Python's side. */
    PyObject *slice_type = builtin("slice");
    printf("builtins.slice is PySlice_Type: %d\n", slice_type == (PyObject *)&PySlice_Type);
    show_new("slice(5)", PyObject_CallFunction(slice_type, "i", 5));
    show_new("slice(1, 5)", PyObject_CallFunction(slice_type, "ii", 1, 5));
    show_new("slice()", PyObject_CallNoArgs(slice_type));
    show_new("slice(1, 2, 3, 4)", PyObject_CallFunction(slice_type, "iiii", 1, 2, 3, 4));
    PyObject *a = mkslice(1, 2, NONE_), *b = mkslice(1, 2, NONE_), *c = mkslice(1, 3, NONE_);
    printf("slice(1, 2) == slice(1, 2): %d\n", PyObject_RichCompareBool(a, b, Py_EQ));
    printf("slice(1, 2) != slice(1, 3): %d\n", PyObject_RichCompareBool(a, c, Py_NE));
    printf("slice(1, 2) < slice(1, 3): %d\n", PyObject_RichCompareBool(a, c, Py_LT));
    printf("slice(1, 2) == (1, 2, None): %d\n", PyObject_RichCompareBool(a, Py_BuildValue("(iiO)", 1, 2, Py_None), Py_EQ));
    show_new("slice(1, 2) < 3", PyObject_RichCompare(a, seven, Py_LT));
    show_ll("hash(slice(1, 2))", PyObject_Hash(a));
    const long idx[][3] = { { NONE_, NONE_, NONE_ }, { -3, NONE_, NONE_ }, { NONE_, NONE_, -1 }, { -100, 100, 3 }, { 1, 2, 0 } };
    for (size_t i = 0; i < sizeof idx / sizeof idx[0]; i++) {
        s = mkslice(idx[i][0], idx[i][1], idx[i][2]);
        PyObject *r = PyObject_Repr(s);
        char label[128];
        snprintf(label, sizeof label, "%s.indices(10)", PyUnicode_AsUTF8(r));
        show_new(label, PyObject_CallMethod(s, "indices", "i", 10));
        Py_DECREF(r);
        Py_DECREF(s);
    }
    s = PySlice_New(negbig, big, NULL);
    show_new("slice(-huge, huge).indices(huge)", PyObject_CallMethod(s, "indices", "O", big));
    show_new("slice(-huge, huge).indices(-1)", PyObject_CallMethod(s, "indices", "i", -1));
    show_new("slice(-huge, huge).indices(1.5)", PyObject_CallMethod(s, "indices", "O", f));
    Py_DECREF(s);
    s = PySlice_New(f, NULL, NULL);
    show_new("slice(1.5).indices(10)", PyObject_CallMethod(s, "indices", "i", 10));
    Py_DECREF(s);

    return conf_end();
}
