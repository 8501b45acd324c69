/* memoryview beyond the buffer protocol: cast (formats, shapes and CPython's errors),
   toreadonly, tolist / tobytes / hex over formats and shapes, the attributes, slicing,
   indexing by tuple, item and slice assignment with the format's packing, equality across
   formats, hashing, release and the context manager. */
#include "conformance.h"

#define CALL(label, obj, ...) show_new(label, PyObject_CallMethod((obj), __VA_ARGS__))

static PyObject *cast(PyObject *m, const char *format, PyObject *shape)
{
    PyObject *f = PyUnicode_FromString(format);
    PyObject *r = shape == NULL ? PyObject_CallMethod(m, "cast", "O", f) : PyObject_CallMethod(m, "cast", "OO", f, shape);
    Py_DECREF(f);
    Py_XDECREF(shape);
    return r;
}

static void attrs(const char *label, PyObject *m)
{
    static const char *names[] = { "format", "itemsize", "nbytes", "ndim", "shape", "strides", "suboffsets", "readonly",
                                   "c_contiguous", "f_contiguous", "contiguous" };
    printf("%s:", label);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        PyObject *v = PyObject_GetAttrString(m, names[i]);
        printf(" %s=", names[i]);
        if (v == NULL) {
            conf_write_exc();
        } else {
            PyObject *r = PyObject_Repr(v);
            conf_write_str(r);
            Py_DECREF(r);
            Py_DECREF(v);
        }
    }
    printf("\n");
}

static void casted(const char *label, PyObject *m, const char *format, PyObject *shape)
{
    PyObject *c = cast(m, format, shape);
    if (c == NULL) {
        show(label, NULL);
        return;
    }
    attrs(label, c);
    CALL("  tolist", c, "tolist", NULL);
    Py_DECREF(c);
}

/* PyObject_GetBuffer on a view: what the re-export holds, or the refusal. */
static void get_buffer(const char *label, PyObject *o, int flags)
{
    Py_buffer v;
    printf("%s: ", label);
    if (PyObject_GetBuffer(o, &v, flags) < 0) {
        conf_write_exc();
        printf("\n");
        return;
    }
    printf("len %zd itemsize %zd ndim %d format %s readonly %d shape", v.len, v.itemsize, v.ndim,
           v.format == NULL ? "NULL" : v.format, v.readonly);
    for (int i = 0; v.shape != NULL && i < v.ndim; i++) {
        printf(" %zd", v.shape[i]);
    }
    printf(v.shape == NULL ? " NULL" : "");
    printf(" strides");
    for (int i = 0; v.strides != NULL && i < v.ndim; i++) {
        printf(" %zd", v.strides[i]);
    }
    printf(v.strides == NULL ? " NULL" : "");
    printf(", C %d F %d A %d, obj is the view %d\n", PyBuffer_IsContiguous(&v, 'C'), PyBuffer_IsContiguous(&v, 'F'),
           PyBuffer_IsContiguous(&v, 'A'), v.obj == o);
    if (v.ndim == 2 && v.shape != NULL && v.strides != NULL) {
        Py_ssize_t at[2] = { 1, 2 };
        printf("  GetPointer(1, 2) offset %zd\n", (char *)PyBuffer_GetPointer(&v, at) - (char *)v.buf);
    }
    PyBuffer_Release(&v);
}

static PyObject *key2(long a, long b) { return Py_BuildValue("(ll)", a, b); }

static void item(const char *label, PyObject *m, PyObject *key)
{
    show_new(label, PyObject_GetItem(m, key));
    Py_DECREF(key);
}

static void store(const char *label, PyObject *m, PyObject *key, PyObject *value)
{
    int rc = PyObject_SetItem(m, key, value);
    printf("%s: %d", label, rc);
    if (rc < 0) {
        printf(", ");
        conf_write_exc();
    }
    printf("\n");
    Py_DECREF(key);
    Py_XDECREF(value);
}

static PyObject *slice(long start, long stop, long step)
{
    PyObject *a = PyLong_FromLong(start), *b = PyLong_FromLong(stop), *c = PyLong_FromLong(step);
    PyObject *s = PySlice_New(a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return s;
}

int main(void)
{
    conf_init();
    unsigned char raw[24];
    for (int i = 0; i < 24; i++) {
        raw[i] = (unsigned char)(i * 11 + 1);
    }
    PyObject *data = PyByteArray_FromStringAndSize((const char *)raw, 24);
    PyObject *m = PyMemoryView_FromObject(data);
    attrs("bytearray view", m);

    /* Casts to every native format. */
    const char *formats[] = { "B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "e", "P", "@i", "@B", "@@B", "=B" };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char label[32];
        snprintf(label, sizeof label, "cast('%s')", formats[i]);
        casted(label, m, formats[i], NULL);
    }
    casted("cast('B', shape=[2, 3, 4])", m, "B", Py_BuildValue("[iii]", 2, 3, 4));
    casted("cast('h', (3, 4))", m, "h", Py_BuildValue("(ii)", 3, 4));
    casted("cast('i', [6])", m, "i", Py_BuildValue("[i]", 6));

    /* Errors. */
    casted("cast('i') of an 'h' view", cast(m, "h", NULL), "i", NULL);
    casted("cast('x')", m, "x", NULL);
    casted("cast('<i')", m, "<i", NULL);
    casted("cast('ii')", m, "ii", NULL);
    casted("cast('')", m, "", NULL);
    casted("cast('\\u00e9')", m, "\xc3\xa9", NULL);
    PyObject *five = PyByteArray_FromStringAndSize("abcde", 5);
    PyObject *m5 = PyMemoryView_FromObject(five);
    casted("cast('i') of 5 bytes", m5, "i", NULL);
    casted("cast('B', [2, 2])", m, "B", Py_BuildValue("[ii]", 2, 2));
    casted("cast('B', [0, 24])", m, "B", Py_BuildValue("[ii]", 0, 24));
    casted("cast('B', [-1])", m, "B", Py_BuildValue("[i]", -1));
    casted("cast('B', ['x'])", m, "B", Py_BuildValue("[s]", "x"));
    casted("cast('B', 24)", m, "B", PyLong_FromLong(24));
    casted("cast('B', {24})", m, "B", Py_BuildValue("{i:i}", 24, 1));
    PyObject *many = PyList_New(65);
    for (int i = 0; i < 65; i++) {
        PyList_SET_ITEM(many, i, PyLong_FromLong(1));
    }
    casted("cast('B', [1] * 65)", m, "B", many);
    PyObject *nd = cast(m, "B", Py_BuildValue("[ii]", 4, 6));
    casted("2-D cast('h', [2, 6])", nd, "h", Py_BuildValue("[ii]", 2, 6));
    casted("2-D cast('h')", nd, "h", NULL);
    casted("2-D cast('B', [24])", nd, "B", Py_BuildValue("[i]", 24));
    show_new("cast(1)", PyObject_CallMethod(m, "cast", "i", 1));
    show_new("cast()", PyObject_CallMethod(m, "cast", NULL));
    show_new("cast('B', [24], 1)", PyObject_CallMethod(m, "cast", "s[i]i", "B", 24, 1));
    PyObject *kw = Py_BuildValue("{s:s,s:[ii]}", "format", "H", "shape", 3, 4);
    PyObject *castm = PyObject_GetAttrString(m, "cast");
    PyObject *empty = PyTuple_New(0);
    PyObject *kwcast = PyObject_Call(castm, empty, kw);
    attrs("cast(format='H', shape=[3, 4])", kwcast);
    Py_XDECREF(kwcast);
    Py_DECREF(kw);
    Py_DECREF(castm);

    /* A 0-dim view. */
    PyObject *one = PyBytes_FromStringAndSize("\x07", 1);
    PyObject *m1 = PyMemoryView_FromObject(one);
    PyObject *scalar = cast(m1, "B", PyList_New(0));
    attrs("0-dim", scalar);
    CALL("0-dim tolist", scalar, "tolist", NULL);
    CALL("0-dim tobytes", scalar, "tobytes", NULL);
    item("0-dim[()]", scalar, PyTuple_New(0));
    show_new("0-dim[...] is itself", PyBool_FromLong(PyObject_GetItem(scalar, Py_Ellipsis) == scalar));
    Py_DECREF(scalar);
    item("0-dim[0]", scalar, PyLong_FromLong(0));
    show_ll("len(0-dim)", (long long)PyObject_Length(scalar));
    casted("0-dim cast('B', [1])", scalar, "B", Py_BuildValue("[i]", 1));
    store("0-dim[()] = 1 (read-only)", scalar, PyTuple_New(0), PyLong_FromLong(1));
    Py_DECREF(scalar);

    /* Multi-dimensional items and tolist. */
    item("nd[1, 2]", nd, key2(1, 2));
    item("nd[-1, -1]", nd, key2(-1, -1));
    item("nd[4, 0]", nd, key2(4, 0));
    item("nd[0, 6]", nd, key2(0, 6));
    item("nd[1]", nd, PyLong_FromLong(1));
    item("nd[(1,)]", nd, Py_BuildValue("(i)", 1));
    item("nd[1, 2, 3]", nd, Py_BuildValue("(iii)", 1, 2, 3));
    PyObject *sub = PyObject_GetItem(nd, slice(0, 1, 1));
    attrs("nd[0:1]", sub);
    CALL("  tolist", sub, "tolist", NULL);
    Py_DECREF(sub);
    item("nd[0:1, 0:1]", nd, Py_BuildValue("(NN)", slice(0, 1, 1), slice(0, 1, 1)));
    item("nd['a']", nd, PyUnicode_FromString("a"));
    item("nd[1, 'a']", nd, Py_BuildValue("(is)", 1, "a"));
    CALL("nd.tolist()", nd, "tolist", NULL);
    store("nd[1, 2] = 200", nd, key2(1, 2), PyLong_FromLong(200));
    store("nd[1, 2] = 300", nd, key2(1, 2), PyLong_FromLong(300));
    store("nd[1] = 3", nd, PyLong_FromLong(1), PyLong_FromLong(3));
    store("nd[0:1] = b'x'", nd, slice(0, 1, 1), PyBytes_FromString("x"));
    store("nd[()] = 3", nd, PyTuple_New(0), PyLong_FromLong(3));
    store("nd[None] = 3", nd, Py_NewRef(Py_None), PyLong_FromLong(3));
    show_new("data after nd[1, 2] = 200", PyObject_Repr(data));

    /* The buffer protocol on cast and sliced views. */
    get_buffer("nd SIMPLE", nd, PyBUF_SIMPLE);
    get_buffer("nd ND", nd, PyBUF_ND);
    get_buffer("nd FULL_RO", nd, PyBUF_FULL_RO);
    get_buffer("nd F_CONTIGUOUS", nd, PyBUF_F_CONTIGUOUS);
    PyObject *hv = cast(m, "h", Py_BuildValue("[ii]", 3, 4));
    get_buffer("h[3, 4] FORMAT", hv, PyBUF_FORMAT);
    get_buffer("h[3, 4] RECORDS_RO", hv, PyBUF_RECORDS_RO);
    get_buffer("h[3, 4] FULL", hv, PyBUF_FULL);
    PyObject *hv2 = PyMemoryView_FromObject(hv);
    attrs("memoryview(h[3, 4])", hv2);
    Py_DECREF(hv2);
    Py_DECREF(hv);
    PyObject *strided = PyObject_GetItem(m, slice(0, 24, 2));
    get_buffer("m[::2] SIMPLE", strided, PyBUF_SIMPLE);
    get_buffer("m[::2] STRIDES", strided, PyBUF_STRIDES);
    get_buffer("m[::2] ANY_CONTIGUOUS", strided, PyBUF_ANY_CONTIGUOUS);
    PyObject *gc = PyMemoryView_GetContiguous(strided, PyBUF_READ, 'C');
    attrs("GetContiguous(m[::2], READ, 'C')", gc);
    CALL("  tobytes", gc, "tobytes", NULL);
    Py_XDECREF(gc);
    show_new("GetContiguous(m[::2], WRITE, 'C')", PyMemoryView_GetContiguous(strided, PyBUF_WRITE, 'C'));
    show_new("GetContiguous(bytes, WRITE, 'C')", PyMemoryView_GetContiguous(one, PyBUF_WRITE, 'C'));
    Py_DECREF(strided);

    /* Iteration: one dimension only. */
    PyObject *it = PyObject_GetIter(nd);
    show("iter(2-D)", it);
    Py_XDECREF(it);
    show_new("iter(0-dim)", PyObject_GetIter(cast(m1, "B", PyList_New(0))));
    it = PyObject_GetIter(cast(m, "h", NULL));
    printf("iter(m.cast('h')) is a %s\n", it == NULL ? "NULL" : Py_TYPE(it)->tp_name);
    show_new("  next", PyIter_Next(it));
    show_new("  the rest", PySequence_List(it));
    show_new("  next when exhausted", PyIter_Next(it));
    Py_XDECREF(it);
    PyObject *short_lived = PyMemoryView_FromObject(data);
    it = PyObject_GetIter(short_lived);
    show_new("  next", PyIter_Next(it));
    show_new("  release", PyObject_CallMethod(short_lived, "release", NULL));
    show_new("  next after release", PyIter_Next(it));
    Py_XDECREF(it);
    it = PyObject_GetIter(short_lived);
    printf("iter(released) is a %s\n", it == NULL ? "NULL" : Py_TYPE(it)->tp_name);
    PyErr_Clear();
    show_new("  next", it == NULL ? NULL : PyIter_Next(it));
    Py_XDECREF(it);
    Py_DECREF(short_lived);
    show_ll("120 in m (by iteration)", (long long)PySequence_Contains(m, PyLong_FromLong(12)));

    /* Slices: views sharing the memory, strided ones not contiguous. */
    PyObject *sl = PyObject_GetItem(m, slice(2, 20, 3));
    attrs("m[2:20:3]", sl);
    CALL("  tolist", sl, "tolist", NULL);
    CALL("  tobytes", sl, "tobytes", NULL);
    CALL("  hex", sl, "hex", NULL);
    CALL("  hex(':', 2)", sl, "hex", "si", ":", 2);
    casted("  cast('B') of a strided view", sl, "B", NULL);
    PyObject *back = PyObject_GetItem(sl, slice(100, -100, -2));
    attrs("m[2:20:3][::-2]", back);
    CALL("  tolist", back, "tolist", NULL);
    Py_DECREF(back);
    store("m[2:20:3][0] = 0", sl, PyLong_FromLong(0), PyLong_FromLong(0));
    show_new("  seen in m[2]", PySequence_GetItem(m, 2));
    Py_DECREF(sl);
    sub = PyObject_GetItem(m, slice(5, 1, 1));
    attrs("m[5:1]", sub);
    Py_DECREF(sub);
    item("m[::0]", m, slice(0, 5, 0));

    /* Item assignment through the formats' packing. */
    PyObject *h = cast(m, "h", NULL);
    store("h[0] = -2", h, PyLong_FromLong(0), PyLong_FromLong(-2));
    store("h[0] = 40000", h, PyLong_FromLong(0), PyLong_FromLong(40000));
    store("h[0] = 1.5", h, PyLong_FromLong(0), PyFloat_FromDouble(1.5));
    store("h[0] = True", h, PyLong_FromLong(0), Py_NewRef(Py_True));
    store("h[12] = 1", h, PyLong_FromLong(12), PyLong_FromLong(1));
    store("h[-13] = 1", h, PyLong_FromLong(-13), PyLong_FromLong(1));
    show_new("h[0]", PySequence_GetItem(h, 0));
    int rc = PyObject_DelItem(h, PyLong_FromLong(0));
    printf("del h[0]: %d, ", rc);
    show_exc("error");
    Py_DECREF(h);
    PyObject *H = cast(m, "H", NULL);
    store("H[0] = -1", H, PyLong_FromLong(0), PyLong_FromLong(-1));
    Py_DECREF(H);
    PyObject *Q = cast(m, "Q", NULL);
    store("Q[0] = 2**64", Q, PyLong_FromLong(0), PyLong_FromString("18446744073709551616", NULL, 10));
    store("Q[0] = 2**64 - 1", Q, PyLong_FromLong(0), PyLong_FromString("18446744073709551615", NULL, 10));
    show_new("Q[0]", PySequence_GetItem(Q, 0));
    Py_DECREF(Q);
    PyObject *d = cast(m, "d", NULL);
    store("d[0] = 2.5", d, PyLong_FromLong(0), PyFloat_FromDouble(2.5));
    store("d[1] = 7", d, PyLong_FromLong(1), PyLong_FromLong(7));
    store("d[1] = 'x'", d, PyLong_FromLong(1), PyUnicode_FromString("x"));
    store("d[1] = 10**400", d, PyLong_FromLong(1), PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(400), Py_None));
    CALL("d.tolist()", d, "tolist", NULL);
    Py_DECREF(d);
    /* A format memoryview does not read or write (3.11 has no 'e'), from C. */
    static char halves[4] = { 0, 0x3c, 0, 0x40 };
    static Py_ssize_t two = 2;
    Py_buffer hinfo = { .buf = halves, .obj = NULL, .len = 4, .itemsize = 2, .readonly = 0, .ndim = 1, .format = "e",
                        .shape = &two, .strides = NULL, .suboffsets = NULL };
    PyObject *e = PyMemoryView_FromBuffer(&hinfo);
    attrs("format 'e' from C", e);
    CALL("  tolist", e, "tolist", NULL);
    item("  [0]", e, PyLong_FromLong(0));
    store("  [0] = 1.5", e, PyLong_FromLong(0), PyFloat_FromDouble(1.5));
    CALL("  tobytes", e, "tobytes", NULL);
    casted("  cast('B')", e, "B", NULL);
    Py_DECREF(e);
    Py_buffer sinfo = hinfo;
    sinfo.format = "<h";
    PyObject *le = PyMemoryView_FromBuffer(&sinfo);
    CALL("format '<h' tolist", le, "tolist", NULL);
    item("  [0]", le, PyLong_FromLong(0));
    store("  [0] = 1", le, PyLong_FromLong(0), PyLong_FromLong(1));
    show_new("  == itself", PyObject_RichCompare(le, le, Py_EQ));
    Py_DECREF(le);
    PyObject *c = cast(m, "c", NULL);
    store("c[0] = b'z'", c, PyLong_FromLong(0), PyBytes_FromString("z"));
    store("c[0] = b'zz'", c, PyLong_FromLong(0), PyBytes_FromString("zz"));
    store("c[0] = 1", c, PyLong_FromLong(0), PyLong_FromLong(1));
    show_new("c[0]", PySequence_GetItem(c, 0));
    Py_DECREF(c);
    PyObject *b = cast(m, "?", NULL);
    store("?[0] = []", b, PyLong_FromLong(0), PyList_New(0));
    store("?[1] = 'x'", b, PyLong_FromLong(1), PyUnicode_FromString("x"));
    show_new("?[0:2].tolist()", PyObject_CallMethod(PyObject_GetItem(b, slice(0, 2, 1)), "tolist", NULL));
    Py_DECREF(b);

    /* Slice assignment (one dimension): same format and length. */
    store("m[0:3] = b'ABC'", m, slice(0, 3, 1), PyBytes_FromString("ABC"));
    store("m[0:3] = b'AB'", m, slice(0, 3, 1), PyBytes_FromString("AB"));
    store("m[::8] = bytearray(b'xyz')", m, slice(0, 24, 8), PyByteArray_FromStringAndSize("xyz", 3));
    store("m[0:3] = [1, 2, 3]", m, slice(0, 3, 1), Py_BuildValue("[iii]", 1, 2, 3));
    store("m[0:4] = memoryview(b'abcd').cast('h')", m, slice(0, 4, 1), cast(PyMemoryView_FromObject(PyBytes_FromString("abcd")), "h", NULL));
    store("m[1:4] = m[0:3] (overlapping)", m, slice(1, 4, 1), PyObject_GetItem(m, slice(0, 3, 1)));
    store("m['x'] = 1", m, PyUnicode_FromString("x"), PyLong_FromLong(1));
    CALL("m.__setitem__(0, 120)", m, "__setitem__", "ii", 0, 120);
    CALL("m.__setitem__(0)", m, "__setitem__", "i", 0);
    CALL("m.__delitem__(0)", m, "__delitem__", "i", 0);
    store("m[0:2, 0:2] = b'ab'", m, Py_BuildValue("(NN)", slice(0, 2, 1), slice(0, 2, 1)), PyBytes_FromString("ab"));
    show_new("data now", PyObject_Repr(data));

    /* tobytes orders and hex, on a Fortran-ordered view made by C. */
    static char grid[6] = { 1, 2, 3, 4, 5, 6 };
    static Py_ssize_t shape[2] = { 2, 3 }, fstrides[2] = { 1, 2 };
    Py_buffer info = { .buf = grid, .obj = NULL, .len = 6, .itemsize = 1, .readonly = 1, .ndim = 2, .format = "B",
                       .shape = shape, .strides = fstrides, .suboffsets = NULL };
    PyObject *f = PyMemoryView_FromBuffer(&info);
    attrs("Fortran view", f);
    CALL("  tolist", f, "tolist", NULL);
    CALL("  tobytes()", f, "tobytes", NULL);
    CALL("  tobytes('C')", f, "tobytes", "s", "C");
    CALL("  tobytes('F')", f, "tobytes", "s", "F");
    CALL("  tobytes('A')", f, "tobytes", "s", "A");
    CALL("  tobytes(None)", f, "tobytes", "O", Py_None);
    CALL("  tobytes('X')", f, "tobytes", "s", "X");
    CALL("  tobytes(1)", f, "tobytes", "i", 1);
    CALL("  hex()", f, "hex", NULL);
    casted("  cast('B')", f, "B", NULL);
    PyObject *contig = PyMemoryView_GetContiguous(f, PyBUF_READ, 'C');
    attrs("  GetContiguous(READ, 'C')", contig);
    CALL("  tolist", contig, "tolist", NULL);
    Py_XDECREF(contig);
    show_new("  GetContiguous(WRITE, 'C')", PyMemoryView_GetContiguous(f, PyBUF_WRITE, 'C'));
    show_new("  GetContiguous(READ, 'F') (already)", PyLong_FromLong(PyMemoryView_GetContiguous(f, PyBUF_READ, 'F') != NULL));
    show_new("  == itself", PyObject_RichCompare(f, f, Py_EQ));
    Py_DECREF(f);

    /* toreadonly. */
    PyObject *ro = PyObject_CallMethod(m, "toreadonly", NULL);
    attrs("toreadonly()", ro);
    show_new("  obj is data", PyBool_FromLong(PyObject_GetAttrString(ro, "obj") == data));
    store("  ro[0] = 1", ro, PyLong_FromLong(0), PyLong_FromLong(1));
    store("  ro[0:1] = b'x'", ro, slice(0, 1, 1), PyBytes_FromString("x"));
    show_ll("  hash(ro) (of a bytearray)", (long long)PyObject_Hash(ro));
    PyObject *rocast = cast(ro, "c", NULL);
    attrs("  ro.cast('c')", rocast);
    Py_DECREF(rocast);
    PyObject *text = PyBytes_FromString("some bytes");
    PyObject *mt = PyMemoryView_FromObject(text);
    show_ll("  hash(memoryview(b'some bytes')) == hash(b'some bytes')", (long long)(PyObject_Hash(mt) == PyObject_Hash(text)));
    PyObject *mtc = cast(mt, "c", NULL);
    show_ll("  hash(.cast('c')) == hash(b'some bytes')", (long long)(PyObject_Hash(mtc) == PyObject_Hash(text)));
    PyObject *mts = PyObject_GetItem(mt, slice(0, 10, 2));
    PyObject *every2 = PyObject_CallMethod(mts, "tobytes", NULL);
    show_ll("  hash([::2]) == hash(its bytes)", (long long)(PyObject_Hash(mts) == PyObject_Hash(every2)));
    Py_DECREF(every2);
    Py_DECREF(mts);
    Py_DECREF(mtc);
    Py_DECREF(mt);
    Py_DECREF(text);
    show_ll("  hash(ro.cast('h'))", (long long)PyObject_Hash(cast(ro, "h", NULL)));
    show_ll("  hash(m) (writable)", (long long)PyObject_Hash(m));
    PyObject *ofbytes = PyMemoryView_FromObject(one);
    show_ll("  hash(memoryview(b'\\x07')) == hash(b'\\x07')", (long long)(PyObject_Hash(ofbytes) == PyObject_Hash(one)));
    show_new("  release", PyObject_CallMethod(ofbytes, "release", NULL));
    show_ll("  hash after release (kept)", (long long)(PyObject_Hash(ofbytes) == PyObject_Hash(one)));
    Py_DECREF(ofbytes);
    PyObject *m1b = PyMemoryView_FromObject(one);
    show_new("  release", PyObject_CallMethod(m1b, "release", NULL));
    show_ll("  hash of released, never hashed", (long long)PyObject_Hash(m1b));
    Py_DECREF(m1b);
    Py_DECREF(ro);

    /* Equality: shapes and item values, whatever the formats. */
    PyObject *bytes12 = PyBytes_FromStringAndSize("\x01\x00\x02\x00", 4);
    PyObject *mb = PyMemoryView_FromObject(bytes12);
    PyObject *mh = cast(mb, "h", NULL);
    PyObject *small = Py_BuildValue("[ii]", 1, 2);
    PyObject *ints = PyByteArray_FromObject(small);
    PyObject *mi = PyMemoryView_FromObject(ints);
    show_new("h[1, 2] == B[1, 2]", PyObject_RichCompare(mh, mi, Py_EQ));
    show_new("h[1, 2] != B[1, 2]", PyObject_RichCompare(mh, mi, Py_NE));
    show_new("B view == bytes", PyObject_RichCompare(mb, bytes12, Py_EQ));
    show_new("B view == bytearray(other)", PyObject_RichCompare(mb, ints, Py_EQ));
    show_new("B view == [1, 0, 2, 0]", PyObject_RichCompare(mb, small, Py_EQ));
    show_new("B view < bytes", PyObject_RichCompare(mb, bytes12, Py_LT));
    show_new("h view == 2-D", PyObject_RichCompare(mh, cast(mb, "B", Py_BuildValue("[ii]", 2, 2)), Py_EQ));
    PyObject *fd = cast(PyMemoryView_FromObject(PyBytes_FromStringAndSize("\0\0\0\0\0\0\xf8\x7f", 8)), "d", NULL);
    show_new("[nan] == itself", PyObject_RichCompare(fd, fd, Py_EQ));
    show_new("release mh", PyObject_CallMethod(mh, "release", NULL));
    show_new("released == itself", PyObject_RichCompare(mh, mh, Py_EQ));
    show_new("released == other", PyObject_RichCompare(mh, mi, Py_EQ));

    /* Released views and the context manager. */
    show(mh == NULL ? "?" : "attrs of a released view follow", Py_None);
    attrs("released", mh);
    CALL("released tolist", mh, "tolist", NULL);
    CALL("released cast", mh, "cast", "s", "B");
    CALL("released toreadonly", mh, "toreadonly", NULL);
    CALL("released release again", mh, "release", NULL);
    CALL("released __enter__", mh, "__enter__", NULL);
    item("released[0]", mh, PyLong_FromLong(0));
    show_ll("len(released)", (long long)PyObject_Length(mh));
    show_new("obj of released", PyObject_GetAttrString(mh, "obj"));
    PyObject *cm = PyMemoryView_FromObject(data);
    PyObject *entered = PyObject_CallMethod(cm, "__enter__", NULL);
    show_new("__enter__ is itself", PyBool_FromLong(entered == cm));
    Py_XDECREF(entered);
    PyObject *inner = PyMemoryView_FromObject(cm);
    attrs("memoryview(memoryview)", inner);
    PyObject *exported = PyMemoryView_FromObject(cm);
    Py_buffer held;
    PyObject_GetBuffer(cm, &held, PyBUF_SIMPLE);
    CALL("__exit__ while exported", cm, "__exit__", "OOO", Py_None, Py_None, Py_None);
    PyBuffer_Release(&held);
    CALL("__exit__", cm, "__exit__", "OOO", Py_None, Py_None, Py_None);
    show_new("inner view still works", PySequence_GetItem(inner, 0));
    show_new("resize while views exist", PyLong_FromLong(PyByteArray_Resize(data, 3)));
    PyErr_Clear();
    Py_DECREF(inner);
    Py_DECREF(exported);
    Py_DECREF(cm);

    /* The C constructors. */
    char mem[4] = { 'w', 'x', 'y', 'z' };
    PyObject *fm = PyMemoryView_FromMemory(mem, 4, PyBUF_WRITE);
    attrs("FromMemory(WRITE)", fm);
    show_new("  obj", PyObject_GetAttrString(fm, "obj"));
    store("  [0] = 65", fm, PyLong_FromLong(0), PyLong_FromLong(65));
    casted("  cast('i')", fm, "i", NULL);
    PyObject *fms = PyObject_GetItem(fm, slice(1, 3, 1));
    CALL("  [1:3].tobytes()", fms, "tobytes", NULL);
    Py_XDECREF(fms);
    printf("  memory: %.4s\n", mem);
    Py_DECREF(fm);
    fm = PyMemoryView_FromMemory(mem, 4, PyBUF_READ);
    attrs("FromMemory(READ)", fm);
    Py_DECREF(fm);

    Py_DECREF(m);
    Py_DECREF(m5);
    Py_DECREF(five);
    Py_DECREF(nd);
    Py_DECREF(mb);
    Py_DECREF(mi);
    return conf_end();
}
