/* The buffer protocol (PyObject_GetBuffer with each request flag, PyBuffer_* helpers) over
   bytes, bytearray, memoryview and a C type exporting a strided 2-D buffer, and memoryview:
   its C API, attributes, items, release, and CPython's errors. */
#include "conformance.h"

/* Grid: a 3x4 array of ints exported transposed (shape 4x3, strides 4 and 16), so the
   buffer is Fortran- but not C-contiguous. Counts its getbuffer/releasebuffer calls. */
typedef struct {
    PyObject_HEAD
    int cells[12];
} Grid;

static int grid_gets, grid_releases;
static Py_ssize_t grid_shape[2] = { 4, 3 }, grid_strides[2] = { sizeof(int), 4 * sizeof(int) };

static int grid_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        PyErr_SetString(PyExc_BufferError, "Grid: strides are required");
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = ((Grid *)self)->cells;
    view->len = sizeof(((Grid *)self)->cells);
    view->itemsize = sizeof(int);
    view->readonly = 0;
    view->ndim = 2;
    view->format = (flags & PyBUF_FORMAT) ? "i" : NULL;
    view->shape = grid_shape;
    view->strides = grid_strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    grid_gets++;
    return 0;
}

static void grid_releasebuffer(PyObject *self, Py_buffer *view)
{
    (void)self;
    (void)view;
    grid_releases++;
}

static PyBufferProcs grid_as_buffer = { grid_getbuffer, grid_releasebuffer };

static PyTypeObject Grid_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "conf.Grid",
    .tp_basicsize = sizeof(Grid),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &grid_as_buffer,
};

static void show_view(const char *label, Py_buffer *v)
{
    printf("%s: len %zd, itemsize %zd, readonly %d, ndim %d, format %s, shape", label, v->len, v->itemsize,
           v->readonly, v->ndim, v->format == NULL ? "NULL" : v->format);
    if (v->shape == NULL) {
        printf(" NULL");
    } else {
        for (int i = 0; i < v->ndim; i++) {
            printf(" %zd", v->shape[i]);
        }
    }
    printf(", strides");
    if (v->strides == NULL) {
        printf(" NULL");
    } else {
        for (int i = 0; i < v->ndim; i++) {
            printf(" %zd", v->strides[i]);
        }
    }
    printf(", suboffsets %s\n", v->suboffsets == NULL ? "NULL" : "set");
}

static void get_buffer(const char *label, PyObject *o, int flags)
{
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, flags) < 0) {
        show_exc(label);
        return;
    }
    show_view(label, &view);
    printf("  view.obj is the object: %d\n", view.obj == o);
    PyBuffer_Release(&view);
}

static void show_attr(const char *name, PyObject *o)
{
    show_new(name, PyObject_GetAttrString(o, name));
}

#define CALL(label, obj, ...) show_new(label, PyObject_CallMethod((obj), __VA_ARGS__))

int main(void)
{
    conf_init();
    if (PyType_Ready(&Grid_Type) < 0) {
        show_exc("PyType_Ready");
        return 1;
    }

    /* bytes: read-only, one dimension; what is filled depends on the request. */
    PyObject *b = PyBytes_FromString("abcdef");
    Py_ssize_t before = Py_REFCNT(b);
    get_buffer("bytes SIMPLE", b, PyBUF_SIMPLE);
    get_buffer("bytes FORMAT", b, PyBUF_FORMAT);
    get_buffer("bytes ND", b, PyBUF_ND);
    get_buffer("bytes STRIDES", b, PyBUF_STRIDES);
    get_buffer("bytes FULL_RO", b, PyBUF_FULL_RO);
    get_buffer("bytes C_CONTIGUOUS", b, PyBUF_C_CONTIGUOUS);
    get_buffer("bytes WRITABLE", b, PyBUF_WRITABLE);
    get_buffer("bytes FULL", b, PyBUF_FULL);
    printf("bytes refcount delta after the releases: %zd\n", Py_REFCNT(b) - before);

    /* bytearray: writable, exports counted. */
    PyObject *a = PyByteArray_FromStringAndSize("xyz", 3);
    get_buffer("bytearray CONTIG", a, PyBUF_CONTIG);
    Py_buffer av;
    printf("GetBuffer(bytearray, FULL): %d\n", PyObject_GetBuffer(a, &av, PyBUF_FULL));
    printf("ob_exports while exported: %zd\n", ((PyByteArrayObject *)a)->ob_exports);
    PyBuffer_Release(&av);
    printf("ob_exports after the release: %zd, view.obj after the release is NULL: %d\n",
           ((PyByteArrayObject *)a)->ob_exports, av.obj == NULL);

    /* Objects without the protocol. */
    get_buffer("str", PyUnicode_FromString("x"), PyBUF_SIMPLE);
    get_buffer("int", PyLong_FromLong(1), PyBUF_SIMPLE);
    printf("CheckBuffer: bytes %d, bytearray %d, memoryview %d, the Grid type %d, str %d, int %d\n",
           PyObject_CheckBuffer(b), PyObject_CheckBuffer(a), PyObject_CheckBuffer(PyMemoryView_FromObject(b)),
           PyObject_CheckBuffer((PyObject *)&Grid_Type), PyObject_CheckBuffer(PyUnicode_FromString("x")),
           PyObject_CheckBuffer(PyLong_FromLong(1)));

    /* PyBuffer_FillInfo. */
    char raw[4] = "raw";
    Py_buffer fv;
    printf("FillInfo(NULL view): %d ", PyBuffer_FillInfo(NULL, b, raw, 3, 1, PyBUF_SIMPLE));
    show_exc("->");
    printf("FillInfo(read-only, WRITABLE): %d ", PyBuffer_FillInfo(&fv, b, raw, 3, 1, PyBUF_WRITABLE));
    show_exc("->");
    printf("FillInfo(writable, FULL, no object): %d\n", PyBuffer_FillInfo(&fv, NULL, raw, 3, 0, PyBUF_FULL));
    show_view("  filled", &fv);
    printf("  obj NULL: %d, contiguous C %d F %d A %d\n", fv.obj == NULL, PyBuffer_IsContiguous(&fv, 'C'),
           PyBuffer_IsContiguous(&fv, 'F'), PyBuffer_IsContiguous(&fv, 'A'));
    PyBuffer_Release(&fv);

    /* The strided grid. */
    Grid *g = PyObject_New(Grid, &Grid_Type);
    for (int i = 0; i < 12; i++) {
        g->cells[i] = i;
    }
    PyObject *grid = (PyObject *)g;
    printf("CheckBuffer(Grid instance): %d\n", PyObject_CheckBuffer(grid));
    get_buffer("Grid SIMPLE", grid, PyBUF_SIMPLE);
    Py_buffer gv;
    printf("GetBuffer(Grid, RECORDS): %d\n", PyObject_GetBuffer(grid, &gv, PyBUF_RECORDS));
    show_view("  Grid", &gv);
    printf("  contiguous C %d F %d A %d\n", PyBuffer_IsContiguous(&gv, 'C'), PyBuffer_IsContiguous(&gv, 'F'),
           PyBuffer_IsContiguous(&gv, 'A'));
    Py_ssize_t at[2] = { 1, 2 };
    printf("  GetPointer([1, 2]) -> cell %d\n", *(int *)PyBuffer_GetPointer(&gv, at));
    int out[12];
    printf("  ToContiguous 'C': %d ->", PyBuffer_ToContiguous(out, &gv, gv.len, 'C'));
    for (int i = 0; i < 12; i++) {
        printf(" %d", out[i]);
    }
    printf("\n  ToContiguous 'F': %d ->", PyBuffer_ToContiguous(out, &gv, gv.len, 'F'));
    for (int i = 0; i < 12; i++) {
        printf(" %d", out[i]);
    }
    printf("\n  ToContiguous(len - 1): %d ", PyBuffer_ToContiguous(out, &gv, gv.len - 1, 'C'));
    show_exc("->");
    int in[12];
    for (int i = 0; i < 12; i++) {
        in[i] = 100 + i;
    }
    printf("  FromContiguous 'C': %d ->", PyBuffer_FromContiguous(&gv, in, gv.len, 'C'));
    for (int i = 0; i < 12; i++) {
        printf(" %d", g->cells[i]);
    }
    printf("\n");
    Py_ssize_t strides[3], shape[3] = { 2, 3, 4 };
    PyBuffer_FillContiguousStrides(3, shape, strides, 8, 'C');
    printf("  FillContiguousStrides 'C': %zd %zd %zd\n", strides[0], strides[1], strides[2]);
    PyBuffer_FillContiguousStrides(3, shape, strides, 8, 'F');
    printf("  FillContiguousStrides 'F': %zd %zd %zd\n", strides[0], strides[1], strides[2]);
    PyBuffer_Release(&gv);

    /* memoryview of bytes. */
    PyObject *mv = PyMemoryView_FromObject(b);
    show_type("PyMemoryView_FromObject(bytes)", mv);
    printf("PyMemoryView_Check %d, on bytes %d; GET_BASE is the bytes: %d, GET_BUFFER len %zd readonly %d\n",
           PyMemoryView_Check(mv), PyMemoryView_Check(b), PyMemoryView_GET_BASE(mv) == b,
           PyMemoryView_GET_BUFFER(mv)->len, PyMemoryView_GET_BUFFER(mv)->readonly);
    const char *attrs[] = { "obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
                            "suboffsets", "c_contiguous", "f_contiguous", "contiguous" };
    for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
        show_attr(attrs[i], mv);
    }
    printf("len %zd, truth %d, truth of an empty view %d\n", PyObject_Size(mv), PyObject_IsTrue(mv),
           PyObject_IsTrue(PyMemoryView_FromObject(PyBytes_FromString(""))));
    show_new("mv[0]", PySequence_GetItem(mv, 0));
    show_new("mv[-1]", PyObject_GetItem(mv, PyLong_FromLong(-1)));
    show_new("mv[6]", PySequence_GetItem(mv, 6));
    show_new("mv['x']", PyObject_GetItem(mv, PyUnicode_FromString("x")));
    printf("mv[0] = 65: %d ", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(65)));
    show_exc("->");
    printf("del mv[0]: %d ", PyObject_DelItem(mv, PyLong_FromLong(0)));
    show_exc("->");
    printf("PySequence_SetItem(mv, 0, 65): %d ", PySequence_SetItem(mv, 0, PyLong_FromLong(65)));
    show_exc("->");
    CALL("tobytes()", mv, "tobytes", NULL);
    CALL("tolist()", mv, "tolist", NULL);
    CALL("hex()", mv, "hex", NULL);
    show_new("list(mv)", PySequence_List(mv));
    show_new("bytes(mv)", PyObject_Bytes(mv));
    printf("mv == b'abcdef': %d, mv == bytearray(b'abcdef'): %d, mv != b'abc': %d, mv == 'abcdef': %d\n",
           PyObject_RichCompareBool(mv, b, Py_EQ), PyObject_RichCompareBool(mv, PyByteArray_FromObject(b), Py_EQ),
           PyObject_RichCompareBool(mv, PyBytes_FromString("abc"), Py_NE),
           PyObject_RichCompareBool(mv, PyUnicode_FromString("abcdef"), Py_EQ));
    show_new("mv < mv", PyObject_RichCompare(mv, mv, Py_LT));
    printf("hash(mv) == hash(b): %d\n", PyObject_Hash(mv) == PyObject_Hash(b));
    get_buffer("memoryview FULL_RO", mv, PyBUF_FULL_RO);
    get_buffer("memoryview SIMPLE", mv, PyBUF_SIMPLE);
    get_buffer("memoryview WRITABLE", mv, PyBUF_WRITABLE);
    PyObject *mv2 = PyMemoryView_FromObject(mv);
    printf("memoryview(memoryview): obj is the bytes: %d\n", PyMemoryView_GET_BASE(mv2) == b);
    Py_DECREF(mv2);

    /* release(): refused while exported, then every use is forbidden. */
    Py_buffer mvv;
    PyObject_GetBuffer(mv, &mvv, PyBUF_SIMPLE);
    CALL("release() while exported", mv, "release", NULL);
    PyBuffer_Release(&mvv);
    CALL("release()", mv, "release", NULL);
    CALL("release() again", mv, "release", NULL);
    printf("len of a released view: %zd ", PyObject_Size(mv));
    show_exc("->");
    printf("truth of a released view: %d ", PyObject_IsTrue(mv));
    show_exc("->");
    show_new("released mv[0]", PySequence_GetItem(mv, 0));
    CALL("released tobytes()", mv, "tobytes", NULL);
    CALL("released tolist()", mv, "tolist", NULL);
    show_attr("obj", mv);
    show_attr("nbytes", mv);
    show_attr("format", mv);
    show_new("bytes(released)", PyObject_Bytes(mv));
    show_new("memoryview(released)", PyMemoryView_FromObject(mv));
    get_buffer("GetBuffer(released)", mv, PyBUF_SIMPLE);
    printf("released == itself: %d, == b'abcdef': %d\n", PyObject_RichCompareBool(mv, mv, Py_EQ),
           PyObject_RichCompareBool(mv, b, Py_EQ));
    printf("bytearray(b'abcdef') == released: %d\n", PyObject_RichCompareBool(PyByteArray_FromObject(b), mv, Py_EQ));
    show_new("bytearray < released", PyObject_RichCompare(PyByteArray_FromObject(b), mv, Py_LT));
    show_new("b'x' + released", PyNumber_Add(b, mv));
    show_new("bytearray + released", PyNumber_Add(a, mv));
    printf("released in bytearray: %d ", PySequence_Contains(a, mv));
    show_exc("->");
    Py_DECREF(mv);

    /* memoryview of bytearray: writable in place, and it pins the array's size. */
    mv = PyMemoryView_FromObject(a);
    show_attr("readonly", mv);
    printf("mv[0] = 65: %d\n", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(65)));
    show("the bytearray sees it", a);
    printf("mv[-1] = 66: %d\n", PyObject_SetItem(mv, PyLong_FromLong(-1), PyLong_FromLong(66)));
    show("and this", a);
    printf("mv[1] = 256: %d ", PyObject_SetItem(mv, PyLong_FromLong(1), PyLong_FromLong(256)));
    show_exc("->");
    printf("mv[1] = 'x': %d ", PyObject_SetItem(mv, PyLong_FromLong(1), PyUnicode_FromString("x")));
    show_exc("->");
    printf("mv[3] = 1: %d ", PyObject_SetItem(mv, PyLong_FromLong(3), PyLong_FromLong(1)));
    show_exc("->");
    CALL("bytearray append while viewed", a, "append", "i", 1);
    printf("hash(writable view): %zd ", (Py_ssize_t)PyObject_Hash(mv));
    show_exc("->");
    CALL("release()", mv, "release", NULL);
    CALL("bytearray append after release", a, "append", "i", 33);
    show("bytearray", a);
    Py_DECREF(mv);

    /* PyMemoryView_FromMemory and FromBuffer: no exporting object. */
    char mem[5] = "hey!";
    mv = PyMemoryView_FromMemory(mem, 4, PyBUF_READ);
    show("FromMemory(READ)", PyObject_CallMethod(mv, "tobytes", NULL));
    show_attr("obj", mv);
    show_attr("readonly", mv);
    printf("mv[0] = 72: %d ", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(72)));
    show_exc("->");
    Py_DECREF(mv);
    mv = PyMemoryView_FromMemory(mem, 4, PyBUF_WRITE);
    printf("FromMemory(WRITE): mv[0] = 72: %d\n", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(72)));
    printf("memory now %s\n", mem);
    Py_DECREF(mv);
    int numbers[3] = { -1, 7, 1 << 20 };
    Py_buffer info;
    PyBuffer_FillInfo(&info, NULL, numbers, sizeof(numbers), 0, PyBUF_FULL);
    info.format = "i";
    info.itemsize = sizeof(int);
    info.shape = NULL;
    info.strides = NULL;
    mv = PyMemoryView_FromBuffer(&info);
    show_attr("format", mv);
    show_attr("shape", mv);
    show_attr("strides", mv);
    CALL("tolist()", mv, "tolist", NULL);
    printf("mv[1] = -5: %d\n", PyObject_SetItem(mv, PyLong_FromLong(1), PyLong_FromLong(-5)));
    printf("numbers[1] = %d\n", numbers[1]);
    printf("mv[1] = 2**40: %d ", PyObject_SetItem(mv, PyLong_FromLong(1), PyLong_FromLongLong(1LL << 40)));
    show_exc("->");
    printf("mv[1] = 1.5: %d ", PyObject_SetItem(mv, PyLong_FromLong(1), PyFloat_FromDouble(1.5)));
    show_exc("->");
    printf("mv == [-1, -5, 1 << 20] as bytes: %d\n", PyObject_RichCompareBool(mv, PyBytes_FromStringAndSize((char *)numbers, sizeof(numbers)), Py_EQ));
    printf("hash(writable 'i' view): %zd ", (Py_ssize_t)PyObject_Hash(mv));
    show_exc("->");
    Py_DECREF(mv);
    double reals[2] = { 0.5, -2.0 };
    PyBuffer_FillInfo(&info, NULL, reals, sizeof(reals), 0, PyBUF_FULL);
    info.format = "d";
    info.itemsize = sizeof(double);
    info.shape = NULL; /* FillInfo pointed it at info.len */
    info.strides = NULL;
    mv = PyMemoryView_FromBuffer(&info);
    CALL("'d' tolist()", mv, "tolist", NULL);
    printf("'d' mv[0] = 3: %d, mv[1] = 2.25: %d\n", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(3)),
           PyObject_SetItem(mv, PyLong_FromLong(1), PyFloat_FromDouble(2.25)));
    printf("reals now %g %g\n", reals[0], reals[1]);
    printf("'d' mv[0] = 'x': %d ", PyObject_SetItem(mv, PyLong_FromLong(0), PyUnicode_FromString("x")));
    show_exc("->");
    Py_DECREF(mv);
    signed char small[2] = { -128, 127 };
    PyBuffer_FillInfo(&info, NULL, small, sizeof(small), 0, PyBUF_FULL);
    info.format = "b";
    info.shape = NULL;
    info.strides = NULL;
    mv = PyMemoryView_FromBuffer(&info);
    CALL("'b' tolist()", mv, "tolist", NULL);
    printf("'b' mv[0] = 128: %d ", PyObject_SetItem(mv, PyLong_FromLong(0), PyLong_FromLong(128)));
    show_exc("->");
    printf("'b' == bytes(b'\\x80\\x7f'): %d\n", PyObject_RichCompareBool(mv, PyBytes_FromStringAndSize("\x80\x7f", 2), Py_EQ));
    Py_DECREF(mv);
    info.buf = NULL;
    show_new("FromBuffer(buf NULL)", PyMemoryView_FromBuffer(&info));

    /* A memoryview of the strided grid. */
    grid_gets = grid_releases = 0;
    mv = PyMemoryView_FromObject(grid);
    show_attr("format", mv);
    show_attr("ndim", mv);
    show_attr("shape", mv);
    show_attr("strides", mv);
    show_attr("c_contiguous", mv);
    show_attr("contiguous", mv);
    printf("len %zd\n", PyObject_Size(mv));
    show_new("mv[0]", PySequence_GetItem(mv, 0));
    CALL("tolist()", mv, "tolist", NULL);
    CALL("tobytes() (C order)", mv, "tobytes", NULL);
    get_buffer("memoryview(Grid) SIMPLE", mv, PyBUF_SIMPLE);
    get_buffer("memoryview(Grid) ND", mv, PyBUF_ND);
    get_buffer("memoryview(Grid) C_CONTIGUOUS", mv, PyBUF_C_CONTIGUOUS);
    get_buffer("memoryview(Grid) ANY_CONTIGUOUS", mv, PyBUF_ANY_CONTIGUOUS);
    get_buffer("memoryview(Grid) STRIDES", mv, PyBUF_STRIDES);
    get_buffer("memoryview(Grid) RECORDS", mv, PyBUF_RECORDS);
    PyObject *contiguous = PyMemoryView_GetContiguous(grid, PyBUF_READ, 'C');
    show_attr("c_contiguous", contiguous);
    show_attr("strides", contiguous);
    CALL("GetContiguous(READ, 'C').tolist()", contiguous, "tolist", NULL);
    Py_XDECREF(contiguous);
    show_new("GetContiguous(WRITE, 'C')", PyMemoryView_GetContiguous(grid, PyBUF_WRITE, 'C'));
    show_new("GetContiguous(bytes, WRITE, 'C')", PyMemoryView_GetContiguous(b, PyBUF_WRITE, 'C'));
    contiguous = PyMemoryView_GetContiguous(b, PyBUF_READ, 'C');
    printf("GetContiguous(bytes, READ, 'C') views the bytes: %d\n", PyMemoryView_GET_BASE(contiguous) == b);
    Py_XDECREF(contiguous);
    /* A view used from Python code may be freed only at the next collection (docs/object-model.md). */
    Py_DECREF(mv);
    PyGC_Collect();
    printf("Grid getbuffer calls %d, releasebuffer calls %d\n", grid_gets, grid_releases);

    /* The constructor. */
    PyObject *type = (PyObject *)&PyMemoryView_Type;
    show_new("memoryview(b'ab')", PyObject_CallMethod(PyObject_CallOneArg(type, PyBytes_FromString("ab")), "tolist", NULL));
    show_new("memoryview(1)", PyObject_CallOneArg(type, PyLong_FromLong(1)));
    show_new("memoryview('x')", PyObject_CallOneArg(type, PyUnicode_FromString("x")));
    show_new("memoryview()", PyObject_CallNoArgs(type));
    show_new("PyMemoryView_FromObject(list)", PyMemoryView_FromObject(PyList_New(0)));

    Py_DECREF(grid);
    Py_DECREF(a);
    Py_DECREF(b);
    return conf_end();
}
