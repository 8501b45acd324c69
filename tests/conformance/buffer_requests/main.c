/* Buffer requests beyond memoryview_buffer: every request flag against every built-in
   exporter shape (bytes, bytearray, memoryviews that are sliced, reversed, 2-D, released),
   what each grant fills in, the refusals' exact errors, PyBuffer_FillInfo's flag matrix,
   PyMemoryView_GetContiguous in C and Fortran order, PyObject_CopyData and
   PyBuffer_SizeFromFormat. */
#include "conformance.h"

static const struct { const char *name; int flags; } requests[] = {
    {"SIMPLE", PyBUF_SIMPLE}, {"WRITABLE", PyBUF_WRITABLE}, {"FORMAT", PyBUF_FORMAT}, {"ND", PyBUF_ND},
    {"STRIDES", PyBUF_STRIDES}, {"C_CONTIGUOUS", PyBUF_C_CONTIGUOUS}, {"F_CONTIGUOUS", PyBUF_F_CONTIGUOUS},
    {"ANY_CONTIGUOUS", PyBUF_ANY_CONTIGUOUS}, {"INDIRECT", PyBUF_INDIRECT}, {"CONTIG", PyBUF_CONTIG},
    {"CONTIG_RO", PyBUF_CONTIG_RO}, {"STRIDED", PyBUF_STRIDED}, {"STRIDED_RO", PyBUF_STRIDED_RO},
    {"RECORDS", PyBUF_RECORDS}, {"RECORDS_RO", PyBUF_RECORDS_RO}, {"FULL", PyBUF_FULL}, {"FULL_RO", PyBUF_FULL_RO},
    {"ND|FORMAT", PyBUF_ND | PyBUF_FORMAT}, {"F_CONTIGUOUS|FORMAT", PyBUF_F_CONTIGUOUS | PyBUF_FORMAT},
};
#define NREQ (int)(sizeof requests / sizeof requests[0])

static void print_view(const Py_buffer *v)
{
    printf("len=%zd itemsize=%zd readonly=%d ndim=%d format=%s", v->len, v->itemsize, v->readonly, v->ndim,
           v->format ? v->format : "NULL");
    printf(" shape=");
    if (v->shape == NULL) {
        printf("NULL");
    } else {
        for (int i = 0; i < v->ndim; i++) {
            printf(i ? ",%zd" : "%zd", v->shape[i]);
        }
    }
    printf(" strides=");
    if (v->strides == NULL) {
        printf("NULL");
    } else {
        for (int i = 0; i < v->ndim; i++) {
            printf(i ? ",%zd" : "%zd", v->strides[i]);
        }
    }
    printf(" suboffsets=%s C=%d F=%d A=%d", v->suboffsets ? "set" : "NULL", PyBuffer_IsContiguous(v, 'C'),
           PyBuffer_IsContiguous(v, 'F'), PyBuffer_IsContiguous(v, 'A'));
}

static void all_requests(const char *label, PyObject *o)
{
    for (int i = 0; i < NREQ; i++) {
        Py_buffer view;
        printf("%s %s: ", label, requests[i].name);
        if (PyObject_GetBuffer(o, &view, requests[i].flags) < 0) {
            conf_write_exc();
        } else {
            print_view(&view);
            printf(" obj-is-exporter=%d", view.obj == o);
            PyBuffer_Release(&view);
            printf(" released-obj=%s", view.obj == NULL ? "NULL" : "set");
        }
        printf("\n");
    }
}

int main(void)
{
    conf_init();
    PyObject *b = PyBytes_FromStringAndSize("abcdef", 6);
    PyObject *ba = PyByteArray_FromStringAndSize("abcdef", 6);
    PyObject *mvb = PyMemoryView_FromObject(b);
    PyObject *mva = PyMemoryView_FromObject(ba);
    PyObject *step = PyObject_GetItem(mva, PySlice_New(NULL, NULL, PyLong_FromLong(2)));
    PyObject *rev = PyObject_GetItem(mvb, PySlice_New(NULL, NULL, PyLong_FromLong(-1)));
    PyObject *grid = PyObject_CallMethod(mva, "cast", "s(ii)", "B", 2, 3);
    PyObject *gridt = PyObject_CallMethod(mvb, "cast", "s(ii)", "c", 3, 2);
    PyObject *ints = PyObject_CallMethod(mvb, "cast", "s", "H");
    PyObject *released = PyMemoryView_FromObject(b);
    show_new("release()", PyObject_CallMethod(released, "release", NULL));
    check_no_exc("setup");

    all_requests("bytes", b);
    all_requests("bytearray", ba);
    all_requests("mv(bytes)", mvb);
    all_requests("mv(bytearray)", mva);
    all_requests("mv[::2]", step);
    all_requests("mv[::-1]", rev);
    all_requests("2x3 B", grid);
    all_requests("3x2 c", gridt);
    all_requests("cast H", ints);
    all_requests("released", released);
    all_requests("int", PyLong_FromLong(5));
    all_requests("str", PyUnicode_FromString("abc"));
    all_requests("None", Py_None);
    printf("CheckBuffer: bytes=%d bytearray=%d mv=%d str=%d int=%d released=%d\n", PyObject_CheckBuffer(b),
           PyObject_CheckBuffer(ba), PyObject_CheckBuffer(mvb), PyObject_CheckBuffer(PyUnicode_FromString("a")),
           PyObject_CheckBuffer(PyLong_FromLong(1)), PyObject_CheckBuffer(released));

    /* A bytearray with an exported view cannot resize. */
    {
        Py_buffer view;
        PyObject_GetBuffer(ba, &view, PyBUF_SIMPLE);
        printf("Resize with an export: %d\n", PyByteArray_Resize(ba, 10));
        show_exc("  raised");
        show_new("append with an export", PyObject_CallMethod(ba, "append", "i", 65));
        PyBuffer_Release(&view);
        printf("Resize after release, memoryviews still export: %d\n", PyByteArray_Resize(ba, 7));
        show_exc("  raised");
        show_new("release a memoryview with an export",
                 (PyObject_GetBuffer(mva, &view, PyBUF_SIMPLE), PyObject_CallMethod(mva, "release", NULL)));
        PyBuffer_Release(&view);
    }

    /* PyBuffer_FillInfo: every request on read-only and writable memory. */
    {
        char raw[4] = "xyz";
        for (int ro = 0; ro <= 1; ro++) {
            for (int i = 0; i < NREQ; i++) {
                Py_buffer view;
                printf("FillInfo(readonly=%d, %s): ", ro, requests[i].name);
                if (PyBuffer_FillInfo(&view, NULL, raw, 3, ro, requests[i].flags) < 0) {
                    conf_write_exc();
                } else {
                    print_view(&view);
                    printf(" buf-is-raw=%d obj=%s", view.buf == raw, view.obj ? "set" : "NULL");
                }
                printf("\n");
            }
        }
        Py_buffer view;
        printf("FillInfo with an object: %d", PyBuffer_FillInfo(&view, b, raw, 3, 1, PyBUF_SIMPLE));
        printf(" obj-is-b=%d\n", view.obj == b);
        PyBuffer_Release(&view);
    }

    /* GetContiguous: a copy unless already contiguous in the order asked. */
    {
        const char orders[] = {'C', 'F', 'A'};
        PyObject *sources[] = {b, ba, step, rev, grid};
        const char *names[] = {"bytes", "bytearray", "mv[::2]", "mv[::-1]", "2x3 B"};
        for (int s = 0; s < 5; s++) {
            for (int o = 0; o < 3; o++) {
                for (int rw = 0; rw <= 1; rw++) {
                    char label[120];
                    snprintf(label, sizeof label, "GetContiguous(%s, %s, '%c')", names[s], rw ? "WRITE" : "READ", orders[o]);
                    PyObject *m = PyMemoryView_GetContiguous(sources[s], rw ? PyBUF_WRITE : PyBUF_READ, orders[o]);
                    if (m == NULL) {
                        show(label, NULL);
                        continue;
                    }
                    PyObject *bytes = PyObject_CallMethod(m, "tobytes", NULL);
                    PyObject *shape = PyObject_GetAttrString(m, "shape");
                    PyObject *strides = PyObject_GetAttrString(m, "strides");
                    PyObject *ro = PyObject_GetAttrString(m, "readonly");
                    PyObject *cc = PyObject_GetAttrString(m, "c_contiguous");
                    PyObject *fc = PyObject_GetAttrString(m, "f_contiguous");
                    PyObject *t = PyTuple_Pack(6, bytes, shape, strides, ro, cc, fc);
                    show_new(label, t);
                    Py_XDECREF(bytes);
                    Py_XDECREF(shape);
                    Py_XDECREF(strides);
                    Py_XDECREF(ro);
                    Py_XDECREF(cc);
                    Py_XDECREF(fc);
                    Py_DECREF(m);
                }
            }
        }
        show_new("GetContiguous(int)", PyMemoryView_GetContiguous(PyLong_FromLong(1), PyBUF_READ, 'C'));
        show_new("GetContiguous(released)", PyMemoryView_GetContiguous(released, PyBUF_READ, 'C'));
    }

    /* FromMemory and FromBuffer. */
    {
        char mem[5] = "hello";
        PyObject *m = PyMemoryView_FromMemory(mem, 5, PyBUF_READ);
        show_new("FromMemory READ readonly", PyObject_GetAttrString(m, "readonly"));
        printf("  SetItem: %d\n", PyObject_SetItem(m, PyLong_FromLong(0), PyLong_FromLong(72)));
        show_exc("  raised");
        Py_DECREF(m);
        m = PyMemoryView_FromMemory(mem, 5, PyBUF_WRITE);
        printf("FromMemory WRITE SetItem: %d\n", PyObject_SetItem(m, PyLong_FromLong(0), PyLong_FromLong(72)));
        printf("  memory now: %.5s\n", mem);
        Py_DECREF(m);
        m = PyMemoryView_FromMemory(mem, 5, 0x300);
        show_new("FromMemory bad flags, readonly", m ? PyObject_GetAttrString(m, "readonly") : NULL);
        Py_XDECREF(m);
        Py_buffer info;
        PyBuffer_FillInfo(&info, NULL, mem, 5, 1, PyBUF_FULL_RO);
        m = PyMemoryView_FromBuffer(&info);
        show_new("FromBuffer", m ? PyObject_CallMethod(m, "tobytes", NULL) : NULL);
        Py_XDECREF(m);
        info.buf = NULL;
        show_new("FromBuffer(NULL buf)", PyMemoryView_FromBuffer(&info));
    }

    /* PyObject_CopyData and PyBuffer_SizeFromFormat. */
    {
        PyObject *dst = PyByteArray_FromStringAndSize("......", 6);
        printf("CopyData(bytearray <- bytes): %d\n", PyObject_CopyData(dst, b));
        show("  dst", dst);
        printf("CopyData(bytearray <- mv[::-1]): %d\n", PyObject_CopyData(dst, rev));
        show("  dst", dst);
        printf("CopyData(bytes <- bytes): %d\n", PyObject_CopyData(b, ba));
        show_exc("  raised");
        PyObject *shortdst = PyByteArray_FromStringAndSize("..", 2);
        printf("CopyData(short dst): %d\n", PyObject_CopyData(shortdst, b));
        show_exc("  raised");
        printf("CopyData(int src): %d\n", PyObject_CopyData(dst, PyLong_FromLong(1)));
        show_exc("  raised");
        printf("CopyData(2x3 <- bytes): %d\n", PyObject_CopyData(grid, b));
        show_exc("  raised");
        show("  grid", PyObject_CallMethod(grid, "tolist", NULL));
        Py_DECREF(dst);
        Py_DECREF(shortdst);
        const char *formats[] = {"B", "i", "d", "3h", "<q", "?", "x", "zz", "P"};
        for (int i = 0; i < (int)(sizeof formats / sizeof formats[0]); i++) {
            char label[60];
            snprintf(label, sizeof label, "SizeFromFormat('%s')", formats[i]);
            show_ll(label, PyBuffer_SizeFromFormat(formats[i]));
        }
    }

    /* The derived views themselves: slices and casts see and change the exporter's bytes. */
    {
        show_new("mv[::2].tolist()", PyObject_CallMethod(step, "tolist", NULL));
        show_new("mv[::-1].tobytes()", PyObject_CallMethod(rev, "tobytes", NULL));
        show_new("2x3 tolist", PyObject_CallMethod(grid, "tolist", NULL));
        show_new("cast H tolist", PyObject_CallMethod(ints, "tolist", NULL));
        printf("mv[::2][1] = 90: %d\n", PyObject_SetItem(step, PyLong_FromLong(1), PyLong_FromLong(90)));
        show("  bytearray", ba);
        PyObject *sub = PyObject_GetItem(step, PySlice_New(PyLong_FromLong(1), NULL, NULL));
        show_new("mv[::2][1:].tolist()", PyObject_CallMethod(sub, "tolist", NULL));
        show_new("  nbytes", PyObject_GetAttrString(sub, "nbytes"));
        show_new("  strides", PyObject_GetAttrString(sub, "strides"));
        Py_DECREF(sub);
        sub = PyObject_GetItem(grid, PySlice_New(PyLong_FromLong(1), NULL, NULL));
        show_new("2x3[1:] tolist", sub ? PyObject_CallMethod(sub, "tolist", NULL) : NULL);
        Py_XDECREF(sub);
        show_new("mv[10:20] len", PyLong_FromSsize_t(PyObject_Size(PyObject_GetItem(mva, PySlice_New(PyLong_FromLong(10), PyLong_FromLong(20), NULL)))));
        show_new("mv[::0]", PyObject_GetItem(mva, PySlice_New(NULL, NULL, PyLong_FromLong(0))));
        show_new("mv['a']", PyObject_GetItem(mva, PyUnicode_FromString("a")));
        show_new("cast('i')", PyObject_CallMethod(mvb, "cast", "s", "i"));
        show_new("cast('<B')", PyObject_CallMethod(mvb, "cast", "s", "<B"));
        show_new("cast('@B') format", PyObject_GetAttrString(PyObject_CallMethod(mvb, "cast", "s", "@B"), "format"));
        show_new("cast('B', (4,))", PyObject_CallMethod(mvb, "cast", "s(i)", "B", 4));
        show_new("cast('B', [0, 6])", PyObject_CallMethod(mvb, "cast", "s[ii]", "B", 0, 6));
        show_new("cast('B', 'ab')", PyObject_CallMethod(mvb, "cast", "ss", "B", "ab"));
        show_new("cast(5)", PyObject_CallMethod(mvb, "cast", "i", 5));
        show_new("cast H to h", PyObject_CallMethod(ints, "cast", "s", "h"));
        show_new("mv[::2].cast('B')", PyObject_CallMethod(step, "cast", "s", "B"));
        show_new("2x3 cast('B', (3, 2))", PyObject_CallMethod(grid, "cast", "s(ii)", "B", 3, 2));
        PyObject *flat = PyObject_CallMethod(grid, "cast", "s", "c");
        show_new("2x3 cast('c') tolist", flat ? PyObject_CallMethod(flat, "tolist", NULL) : NULL);
        Py_XDECREF(flat);
        PyObject *scalar = PyObject_CallMethod(ints, "cast", "s[]", "B");
        show_new("cast('B', []) on 6 bytes", scalar);
        PyObject *one = PyMemoryView_FromObject(PyBytes_FromStringAndSize("z", 1));
        scalar = PyObject_CallMethod(one, "cast", "s[]", "B");
        show_new("cast('B', []) ndim", scalar ? PyObject_GetAttrString(scalar, "ndim") : NULL);
        show_new("  tolist", scalar ? PyObject_CallMethod(scalar, "tolist", NULL) : NULL);
        show_new("  [::1]", scalar ? PyObject_GetItem(scalar, PySlice_New(NULL, NULL, NULL)) : NULL);
        Py_XDECREF(scalar);
        Py_DECREF(one);
        show_new("memoryview(mv[::-1]).tobytes()", PyObject_CallMethod(PyMemoryView_FromObject(rev), "tobytes", NULL));
        /* Slice assignment. */
        PyObject *sl = PySlice_New(PyLong_FromLong(1), PyLong_FromLong(3), NULL);
        printf("mva[1:3] = b'XY': %d\n", PyObject_SetItem(mva, sl, PyBytes_FromString("XY")));
        show("  bytearray", ba);
        printf("mva[1:3] = b'XYZ': %d\n", PyObject_SetItem(mva, sl, PyBytes_FromString("XYZ")));
        show_exc("  raised");
        printf("mva[::2] = mva[1::2]: %d\n", PyObject_SetItem(mva, PySlice_New(NULL, NULL, PyLong_FromLong(2)),
                                                             PyObject_GetItem(mva, PySlice_New(PyLong_FromLong(1), NULL, PyLong_FromLong(2)))));
        show("  bytearray", ba);
        printf("mva[1:3] = 5: %d\n", PyObject_SetItem(mva, sl, PyLong_FromLong(5)));
        show_exc("  raised");
        printf("mvb[1:3] = b'XY': %d\n", PyObject_SetItem(mvb, sl, PyBytes_FromString("XY")));
        show_exc("  raised");
        printf("del mva[1:3]: %d\n", PyObject_DelItem(mva, sl));
        show_exc("  raised");
        printf("grid[0:1] = b'abc': %d\n", PyObject_SetItem(grid, PySlice_New(PyLong_FromLong(0), PyLong_FromLong(1), NULL), PyBytes_FromString("abc")));
        show_exc("  raised");
        printf("cast H [0:1] = bytes: %d\n", PyObject_SetItem(PyObject_CallMethod(mva, "cast", "s", "H"), PySlice_New(PyLong_FromLong(0), PyLong_FromLong(1), NULL), PyBytes_FromString("ab")));
        show_exc("  raised");
        printf("mva[0:0] = b'': %d\n", PyObject_SetItem(mva, PySlice_New(PyLong_FromLong(0), PyLong_FromLong(0), NULL), PyBytes_FromString("")));
        show_exc("  raised");
        Py_DECREF(sl);
        show_new("released[::2]", PyObject_GetItem(released, PySlice_New(NULL, NULL, PyLong_FromLong(2))));
        show_new("released.cast('B')", PyObject_CallMethod(released, "cast", "s", "B"));
    }

    Py_DECREF(gridt);
    Py_DECREF(ints);
    Py_DECREF(grid);
    Py_DECREF(step);
    Py_DECREF(rev);
    Py_DECREF(mva);
    Py_DECREF(mvb);
    Py_DECREF(released);
    Py_DECREF(ba);
    Py_DECREF(b);
    return conf_end();
}
