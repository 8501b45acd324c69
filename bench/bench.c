/* The benchmark host: each row is a C loop over C API calls, timed inside C (best of
   several repetitions), printed as "row<TAB>ns per operation". The same source is built
   against CPython 3.11 and against libpycapi; `dotnet cake --target=Bench` runs both and
   writes docs/benchmarks.md with the ratios. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <time.h>

#define REPETITIONS 5

typedef struct {
    PyObject_HEAD
    long value;
} Plain;

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench.Plain",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static PyObject *shared_dict, *shared_key, *shared_value, *shared_object;
static volatile long sink;

typedef void (*body)(long n);

static void row(const char *name, body f, long n)
{
    double best = 1e300;
    f(n / 10); /* warm-up */
    for (int r = 0; r < REPETITIONS; r++) {
        double t0 = now();
        f(n);
        double t = (now() - t0) / (double)n;
        best = t < best ? t : best;
    }
    if (PyErr_Occurred()) {
        PyErr_Print();
    }
    printf("%s\t%.2f\n", name, best);
    fflush(stdout);
}

static void incref_decref(long n)
{
    for (long i = 0; i < n; i++) {
        Py_INCREF(shared_object);
        Py_DECREF(shared_object);
    }
}

static void c_object_create_drop(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *o = Plain_Type.tp_alloc(&Plain_Type, 0);
        Py_DECREF(o);
    }
}

static void managed_object_first_crossing(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *d = PyDict_New();
        Py_DECREF(d);
    }
}

static void managed_object_repeat_crossing(long n)
{
    for (long i = 0; i < n; i++) {
        sink += PyDict_GetItem(shared_dict, shared_key) == shared_value;
    }
}

static void long_from_as(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLong(i & 0xffffff);
        sink += PyLong_AsLong(v);
        Py_DECREF(v);
    }
}

static void tuple_build(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *t = PyTuple_New(3);
        for (int j = 0; j < 3; j++) {
            PyTuple_SET_ITEM(t, j, Py_NewRef(Py_None));
        }
        sink += PyTuple_GET_ITEM(t, 1) == Py_None;
        Py_DECREF(t);
    }
}

static void list_append(long n)
{
    PyObject *l = PyList_New(0);
    for (long i = 0; i < n; i++) {
        PyList_Append(l, Py_None);
    }
    Py_DECREF(l);
}

static void dict_str_set_get(long n)
{
    PyObject *d = PyDict_New();
    PyObject *k = PyUnicode_FromString("key");
    for (long i = 0; i < n; i++) {
        PyDict_SetItem(d, k, Py_None);
        sink += PyDict_GetItem(d, k) == Py_None;
    }
    Py_DECREF(k);
    Py_DECREF(d);
}

static void unicode_from_string(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromStringAndSize("hello, world", 12);
        Py_DECREF(s);
    }
}

static void arg_parse_tuple(long n)
{
    PyObject *args = Py_BuildValue("(isd)", 1, "two", 3.0);
    for (long i = 0; i < n; i++) {
        int a;
        const char *b;
        double c;
        sink += PyArg_ParseTuple(args, "isd", &a, &b, &c);
    }
    Py_DECREF(args);
}

int main(int argc, char **argv)
{
    long scale = argc > 1 ? atol(argv[1]) : 1;
    Py_Initialize();
    if (PyType_Ready(&Plain_Type) < 0) {
        PyErr_Print();
        return 1;
    }
    shared_dict = PyDict_New();
    shared_key = PyUnicode_FromString("k");
    shared_value = PyUnicode_FromString("v");
    shared_object = PyUnicode_FromString("an object");
    PyDict_SetItem(shared_dict, shared_key, shared_value);

    row("Py_INCREF + Py_DECREF", incref_decref, 20000000 * scale);
    row("create + drop a C-type instance", c_object_create_drop, 2000000 * scale);
    row("PyDict_New + drop (managed object, first crossing)", managed_object_first_crossing, 1000000 * scale);
    row("PyDict_GetItem (managed object, repeat crossing)", managed_object_repeat_crossing, 2000000 * scale);
    row("PyLong_FromLong + AsLong", long_from_as, 2000000 * scale);
    row("PyTuple_New(3) + SET_ITEM + GET_ITEM", tuple_build, 2000000 * scale);
    row("PyList_Append", list_append, 2000000 * scale);
    row("PyDict_SetItem + GetItem (str key)", dict_str_set_get, 2000000 * scale);
    row("PyUnicode_FromStringAndSize", unicode_from_string, 1000000 * scale);
    row("PyArg_ParseTuple \"isd\"", arg_parse_tuple, 1000000 * scale);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
