/* pycapibench: the benchmark suite as an extension module. The same source builds against
   CPython 3.11, libpycapi and PyPy 3.9's cpyext, so one row measures the same C code on
   each runtime.

   run(scale=1.0) prints one line per row, "row<TAB>ns per operation": a C loop over C API
   calls timed inside C with CLOCK_MONOTONIC, after a warm-up, best of REPETITIONS. A row
   whose calls fail prints "n/a" (the error goes to stderr) and the others still run.
   memory() prints "kind<TAB>bytes per live object": MEMORY_OBJECTS objects of each kind
   are kept alive at once and the growth of the resident set is divided by their number.
   Only API that exists in Python 3.9 is used, so that PyPy's cpyext can build it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#if PY_VERSION_HEX < 0x030A0000
#define Py_NewRef(obj) (Py_INCREF(obj), (PyObject *)(obj))
#endif

#define REPETITIONS 5
#define KEYS 1024                 /* prebuilt keys the dict rows cycle through */
#define APPENDS_PER_LIST 1000     /* a list is dropped and made anew after this many appends */
#define PAIRS_PER_COLLECTION 1000 /* cycles made between two collections in the GC row */
#define MEMORY_OBJECTS 200000

static volatile long sink; /* keeps results alive so the compiler cannot drop the calls */

/* ---- extension types ---- */

/* A plain, non-GC instance: what a C extension typically wraps. */
typedef struct {
    PyObject_HEAD
    long value;
} Plain;

static PyTypeObject Plain_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pycapibench.Plain",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* A GC-tracked node; two of them pointing at each other form a cycle only the collector frees. */
typedef struct {
    PyObject_HEAD
    PyObject *partner;
} Node;

static long nodes_alive; /* tells whether a collection really freed the cycles */

static int node_traverse(Node *self, visitproc visit, void *arg) {
    Py_VISIT(self->partner);
    return 0;
}

static int node_clear(Node *self) {
    Py_CLEAR(self->partner);
    return 0;
}

static void node_dealloc(Node *self) {
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->partner);
    nodes_alive--;
    PyObject_GC_Del(self);
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pycapibench.Node",
    .tp_basicsize = sizeof(Node),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)node_traverse,
    .tp_clear = (inquiry)node_clear,
    .tp_dealloc = (destructor)node_dealloc,
};

static Node *node_new(void) {
    Node *node = PyObject_GC_New(Node, &Node_Type);
    if (node == NULL) {
        return NULL;
    }
    node->partner = NULL;
    nodes_alive++;
    PyObject_GC_Track(node);
    return node;
}

#ifdef PYPY_VERSION
/* cpyext has no PyGC_Collect: go through the gc module. */
static int collect_garbage(void) {
    PyObject *gc = PyImport_ImportModule("gc");
    if (gc == NULL) {
        return -1;
    }
    PyObject *result = PyObject_CallMethod(gc, "collect", NULL);
    Py_DECREF(gc);
    Py_XDECREF(result);
    return result == NULL ? -1 : 0;
}
#else
static int collect_garbage(void) {
    PyGC_Collect();
    return PyErr_Occurred() ? -1 : 0;
}
#endif

/* ---- the callees of the call rows: trivial, so that the rows measure the call path ---- */

static PyObject *identity(PyObject *self, PyObject *arg) {
    return Py_NewRef(arg);
}

static PyObject *first_of_two(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    return Py_NewRef(args[0]);
}

static PyObject *first_arg(PyObject *self, PyObject *args) {
    return Py_NewRef(PyTuple_GET_ITEM(args, 0));
}

/* ---- what the rows work on, made by run() before the first row ---- */

static struct {
    PyObject *module;
    PyObject *object;
    PyObject *int_keys[KEYS];
    PyObject *str_keys[KEYS];
    PyObject *dict;      /* written by the SetItem rows */
    PyObject *full_dict; /* KEYS entries, walked by PyDict_Next */
    PyObject *list;      /* KEYS entries */
    PyObject *text;      /* a str read by PyUnicode_AsUTF8AndSize */
    PyObject *args_isd, *args_i, *kwargs_sd;
    PyObject *identity, *first_of_two, *first_arg; /* this module's functions */
    PyObject *two_args[2];
    PyObject *lookup_dict, *lookup_key, *lookup_value;
    PyObject *upper; /* the interned name "upper", called on text */
} fx;

static void fixtures_free(void) {
    for (int i = 0; i < KEYS; i++) {
        Py_CLEAR(fx.int_keys[i]);
        Py_CLEAR(fx.str_keys[i]);
    }
    Py_CLEAR(fx.object);
    Py_CLEAR(fx.dict);
    Py_CLEAR(fx.full_dict);
    Py_CLEAR(fx.list);
    Py_CLEAR(fx.text);
    Py_CLEAR(fx.args_isd);
    Py_CLEAR(fx.args_i);
    Py_CLEAR(fx.kwargs_sd);
    Py_CLEAR(fx.identity);
    Py_CLEAR(fx.first_of_two);
    Py_CLEAR(fx.first_arg);
    Py_CLEAR(fx.lookup_dict);
    Py_CLEAR(fx.lookup_key);
    Py_CLEAR(fx.lookup_value);
    Py_CLEAR(fx.upper);
    fx.module = NULL;
}

static int fixtures_make(PyObject *module) {
    fx.module = module;
    for (int i = 0; i < KEYS; i++) {
        char name[16];
        snprintf(name, sizeof name, "key%04d", i);
        fx.int_keys[i] = PyLong_FromLong(1000 + 7919L * i);
        fx.str_keys[i] = PyUnicode_FromString(name);
        if (fx.int_keys[i] == NULL || fx.str_keys[i] == NULL) {
            return -1;
        }
    }
    fx.object = PyUnicode_FromString("an object");
    fx.dict = PyDict_New();
    fx.full_dict = PyDict_New();
    fx.list = PyList_New(KEYS);
    fx.text = PyUnicode_FromString("hello, world");
    fx.args_isd = Py_BuildValue("(isd)", 1, "two", 3.0);
    fx.args_i = Py_BuildValue("(i)", 1);
    fx.kwargs_sd = Py_BuildValue("{s:s,s:d}", "name", "two", "ratio", 3.0);
    fx.identity = PyObject_GetAttrString(module, "identity");
    fx.first_of_two = PyObject_GetAttrString(module, "first_of_two");
    fx.first_arg = PyObject_GetAttrString(module, "first_arg");
    fx.lookup_dict = PyDict_New();
    fx.lookup_key = PyUnicode_FromString("k");
    fx.lookup_value = PyUnicode_FromString("v");
    fx.upper = PyUnicode_InternFromString("upper");
    if (fx.upper == NULL || fx.object == NULL || fx.dict == NULL || fx.full_dict == NULL || fx.list == NULL || fx.text == NULL ||
        fx.args_isd == NULL || fx.args_i == NULL || fx.kwargs_sd == NULL || fx.identity == NULL ||
        fx.first_of_two == NULL || fx.first_arg == NULL || fx.lookup_dict == NULL || fx.lookup_key == NULL ||
        fx.lookup_value == NULL) {
        return -1;
    }
    for (int i = 0; i < KEYS; i++) {
        PyList_SET_ITEM(fx.list, i, Py_NewRef(fx.int_keys[i]));
        if (PyDict_SetItem(fx.full_dict, fx.int_keys[i], Py_None) < 0) {
            return -1;
        }
    }
    fx.two_args[0] = fx.int_keys[1];
    fx.two_args[1] = fx.int_keys[2];
    return PyDict_SetItem(fx.lookup_dict, fx.lookup_key, fx.lookup_value);
}

/* ---- the rows: each body runs n iterations and returns 0, or -1 with an exception set ---- */

typedef int (*row_body)(long n);

static int incref_decref(long n) {
    for (long i = 0; i < n; i++) {
        Py_INCREF(fx.object);
        Py_DECREF(fx.object);
    }
    return 0;
}

/* PyLong_FromLong(first + ((i * stride) & mask)) + PyLong_AsLong, n times. */
static int long_round_trip(long first, long stride, long mask, long n) {
    for (long i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLong(first + ((i * stride) & mask));
        if (v == NULL) {
            return -1;
        }
        sink += PyLong_AsLong(v);
        Py_DECREF(v);
    }
    return PyErr_Occurred() ? -1 : 0;
}

static int long_small(long n) {
    return long_round_trip(-5, 1, 255, n); /* -5..250: CPython's cache of small ints */
}

static int long_large(long n) {
    return long_round_trip(1L << 20, 1048573, (1L << 40) - 1, n); /* 2**20 .. 2**40 + 2**20 */
}

static int float_round_trip(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *v = PyFloat_FromDouble(i * 0.5);
        if (v == NULL) {
            return -1;
        }
        sink += (long)PyFloat_AsDouble(v);
        Py_DECREF(v);
    }
    return PyErr_Occurred() ? -1 : 0;
}

static int tuple_build(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *t = PyTuple_New(3);
        if (t == NULL) {
            return -1;
        }
        for (int j = 0; j < 3; j++) {
            PyTuple_SET_ITEM(t, j, Py_NewRef(fx.int_keys[j]));
        }
        sink += PyTuple_GET_ITEM(t, 1) == fx.int_keys[1];
        Py_DECREF(t);
    }
    return 0;
}

static int list_append(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *list = PyList_New(0);
        if (list == NULL) {
            return -1;
        }
        for (int j = 0; j < APPENDS_PER_LIST; j++) {
            if (PyList_Append(list, fx.int_keys[j & (KEYS - 1)]) < 0) {
                Py_DECREF(list);
                return -1;
            }
        }
        Py_DECREF(list);
    }
    return 0;
}

static int list_get_set(long n) {
    for (long i = 0; i < n; i++) {
        Py_ssize_t at = i & (KEYS - 1);
        PyObject *item = PyList_GET_ITEM(fx.list, at);
        if (PyList_SetItem(fx.list, at, Py_NewRef(item)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int dict_set_get(PyObject **keys, long n) {
    for (long i = 0; i < n; i++) {
        PyObject *key = keys[i & (KEYS - 1)];
        if (PyDict_SetItem(fx.dict, key, Py_None) < 0) {
            return -1;
        }
        sink += PyDict_GetItem(fx.dict, key) == Py_None;
    }
    return 0;
}

static int dict_int_keys(long n) {
    return dict_set_get(fx.int_keys, n);
}

static int dict_str_keys(long n) {
    return dict_set_get(fx.str_keys, n);
}

static int dict_next(long n) {
    for (long i = 0; i < n; i++) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(fx.full_dict, &pos, &key, &value)) {
            sink += value == Py_None;
        }
    }
    return 0;
}

static int unicode_from_string(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromStringAndSize("hello, world", 12);
        if (s == NULL) {
            return -1;
        }
        Py_DECREF(s);
    }
    return 0;
}

static int unicode_as_utf8(long n) {
    for (long i = 0; i < n; i++) {
        Py_ssize_t size;
        if (PyUnicode_AsUTF8AndSize(fx.text, &size) == NULL) {
            return -1;
        }
        sink += size;
    }
    return 0;
}

static int unicode_from_format(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromFormat("%s-%d", "item", (int)i);
        if (s == NULL) {
            return -1;
        }
        Py_DECREF(s);
    }
    return 0;
}

static int bytes_from_string(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *b = PyBytes_FromStringAndSize("hello, world", 12);
        if (b == NULL) {
            return -1;
        }
        Py_DECREF(b);
    }
    return 0;
}

static int parse_tuple(long n) {
    for (long i = 0; i < n; i++) {
        int count;
        const char *name;
        double ratio;
        if (!PyArg_ParseTuple(fx.args_isd, "isd", &count, &name, &ratio)) {
            return -1;
        }
        sink += count;
    }
    return 0;
}

static int parse_tuple_and_keywords(long n) {
    static char *keywords[] = {"count", "name", "ratio", NULL};
    for (long i = 0; i < n; i++) {
        int count;
        const char *name = "";
        double ratio = 0;
        if (!PyArg_ParseTupleAndKeywords(fx.args_i, fx.kwargs_sd, "i|sd", keywords, &count, &name, &ratio)) {
            return -1;
        }
        sink += count;
    }
    return 0;
}

static int build_value(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *t = Py_BuildValue("(isd)", (int)i, "two", 3.0);
        if (t == NULL) {
            return -1;
        }
        Py_DECREF(t);
    }
    return 0;
}

static int module_getattr(long n) {
    for (long i = 0; i < n; i++) {
        PyObject *attr = PyObject_GetAttrString(fx.module, "Plain");
        if (attr == NULL) {
            return -1;
        }
        Py_DECREF(attr);
    }
    return 0;
}

static int drop_result(PyObject *result) {
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

static int call_one_arg(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyObject_CallOneArg(fx.identity, fx.object)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A method of a built-in type called by name, as extensions call str.join or list.append. */
static int builtin_method_call(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyObject_CallMethodNoArgs(fx.text, fx.upper)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int vectorcall(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyObject_Vectorcall(fx.first_of_two, fx.two_args, 2, NULL)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int call_like_a_host(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyObject_Call(fx.first_arg, fx.args_isd, NULL)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int type_call(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyObject_CallNoArgs((PyObject *)&Plain_Type)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int type_alloc(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(Plain_Type.tp_alloc(&Plain_Type, 0)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int dict_new(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyDict_New()) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The copy is made by the runtime (in libpycapi, a managed object): its native half is
   made when it is returned, its first crossing. */
static int first_crossing(long n) {
    for (long i = 0; i < n; i++) {
        if (drop_result(PyDict_Copy(fx.lookup_dict)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int repeat_crossing(long n) {
    for (long i = 0; i < n; i++) {
        sink += PyDict_GetItem(fx.lookup_dict, fx.lookup_key) == fx.lookup_value;
    }
    return 0;
}

static int gc_cycles(long n) {
    for (long i = 0; i < n; i++) {
        for (int p = 0; p < PAIRS_PER_COLLECTION; p++) {
            Node *a = node_new();
            Node *b = node_new();
            if (a == NULL || b == NULL) {
                Py_XDECREF(a);
                Py_XDECREF(b);
                return -1;
            }
            a->partner = Py_NewRef((PyObject *)b);
            b->partner = Py_NewRef((PyObject *)a);
            Py_DECREF(a);
            Py_DECREF(b);
        }
        if (collect_garbage() < 0) {
            return -1;
        }
        if (nodes_alive != 0) {
            PyErr_Format(PyExc_RuntimeError, "%ld of the C objects in cycles survived a collection", nodes_alive);
            return -1;
        }
    }
    return 0;
}

/* iterations at scale 1 are chosen for roughly 10 ms per repetition on CPython. */
static const struct {
    const char *name;
    row_body body;
    long iterations;
    long ops_per_iteration;
} rows[] = {
    {"Py_INCREF + Py_DECREF", incref_decref, 20000000, 1},
    {"PyLong_FromLong + AsLong (small, -5..250)", long_small, 2000000, 1},
    {"PyLong_FromLong + AsLong (large, 2**20..2**40)", long_large, 1000000, 1},
    {"PyFloat_FromDouble + AsDouble", float_round_trip, 1000000, 1},
    {"PyTuple_New(3) + SET_ITEM + GET_ITEM + drop", tuple_build, 500000, 1},
    {"PyList_Append (per append, new list every 1000)", list_append, 2000, APPENDS_PER_LIST},
    {"PyList_GET_ITEM + PyList_SetItem", list_get_set, 3000000, 1},
    {"PyDict_SetItem + GetItem (int keys)", dict_int_keys, 500000, 1},
    {"PyDict_SetItem + GetItem (str keys)", dict_str_keys, 500000, 1},
    {"PyDict_Next (per entry, 1024 entries)", dict_next, 2000, KEYS},
    {"PyUnicode_FromStringAndSize (12 chars) + drop", unicode_from_string, 500000, 1},
    {"PyUnicode_AsUTF8AndSize (existing str)", unicode_as_utf8, 3000000, 1},
    {"PyUnicode_FromFormat(\"%s-%d\") + drop", unicode_from_format, 100000, 1},
    {"PyBytes_FromStringAndSize (12 bytes) + drop", bytes_from_string, 500000, 1},
    {"PyArg_ParseTuple \"isd\"", parse_tuple, 300000, 1},
    {"PyArg_ParseTupleAndKeywords \"i|sd\" (2 keywords)", parse_tuple_and_keywords, 100000, 1},
    {"Py_BuildValue \"(isd)\" + drop", build_value, 200000, 1},
    {"PyObject_GetAttrString (module attribute)", module_getattr, 300000, 1},
    {"PyObject_CallOneArg (METH_O, C to C)", call_one_arg, 1000000, 1},
    {"PyObject_Vectorcall (METH_FASTCALL, 2 args)", vectorcall, 1000000, 1},
    {"PyObject_Call(f, args, NULL) (METH_VARARGS, host style)", call_like_a_host, 1000000, 1},
    {"PyObject_CallMethodNoArgs(str, \"upper\") + drop (built-in method)", builtin_method_call, 200000, 1},
    {"PyObject_CallNoArgs(type) + drop (extension type)", type_call, 300000, 1},
    {"tp_alloc + drop (extension type)", type_alloc, 500000, 1},
    {"PyDict_New + drop", dict_new, 500000, 1},
    {"PyDict_Copy (1 item) + drop (first crossing)", first_crossing, 300000, 1},
    {"PyDict_GetItem existing value (repeat crossing)", repeat_crossing, 1000000, 1},
    {"GC: 1000 C cycles + PyGC_Collect (per object)", gc_cycles, 100, 2 * PAIRS_PER_COLLECTION},
};

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Prints the row's best time per operation, or n/a with the error on stderr. */
static void run_row(const char *name, row_body body, long iterations, long ops_per_iteration) {
    double best = -1;
    int failed = body(iterations / 10 > 0 ? iterations / 10 : 1); /* warm-up */
    for (int r = 0; r < REPETITIONS && !failed; r++) {
        double start = now_ns();
        failed = body(iterations);
        double per_op = (now_ns() - start) / ((double)iterations * ops_per_iteration);
        best = best < 0 || per_op < best ? per_op : best;
    }
    if (failed) {
        fprintf(stderr, "row \"%s\" failed: ", name);
        fflush(stderr);
        PyErr_Print();
        printf("%s\tn/a\n", name);
    } else {
        printf("%s\t%.2f\n", name, best);
    }
    fflush(stdout);
}

static PyObject *run(PyObject *module, PyObject *args) {
    double scale = 1.0;
    if (!PyArg_ParseTuple(args, "|d:run", &scale)) {
        return NULL;
    }
    if (fixtures_make(module) < 0) {
        fixtures_free();
        return NULL;
    }
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        long iterations = (long)(rows[i].iterations * scale);
        run_row(rows[i].name, rows[i].body, iterations > 0 ? iterations : 1, rows[i].ops_per_iteration);
    }
    fixtures_free();
    Py_RETURN_NONE;
}

/* ---- memory: bytes per live object ---- */

static PyObject *three_keys[3]; /* the keys of the 3-item dicts */

static PyObject *make_int(long i) {
    return PyLong_FromLong(1000000 + i);
}

static PyObject *make_float(long i) {
    return PyFloat_FromDouble(i + 0.5);
}

static PyObject *make_str(long i) {
    char text[13];
    snprintf(text, sizeof text, "str-%08ld", i);
    return PyUnicode_FromStringAndSize(text, 12);
}

static PyObject *make_tuple(long i) {
    PyObject *tuple = PyTuple_New(3);
    for (int j = 0; tuple != NULL && j < 3; j++) {
        PyTuple_SET_ITEM(tuple, j, Py_NewRef(Py_None));
    }
    return tuple;
}

static PyObject *make_list(long i) {
    PyObject *list = PyList_New(3);
    for (int j = 0; list != NULL && j < 3; j++) {
        PyList_SET_ITEM(list, j, Py_NewRef(Py_None));
    }
    return list;
}

static PyObject *make_empty_dict(long i) {
    return PyDict_New();
}

static PyObject *make_dict(long i) {
    PyObject *dict = PyDict_New();
    for (int j = 0; dict != NULL && j < 3; j++) {
        if (PyDict_SetItem(dict, three_keys[j], Py_None) < 0) {
            Py_CLEAR(dict);
        }
    }
    return dict;
}

static PyObject *make_instance(long i) {
    return PyObject_CallNoArgs((PyObject *)&Plain_Type);
}

static const struct {
    const char *kind;
    PyObject *(*make)(long i);
} memory_kinds[] = {
    {"int (1000000 + i)", make_int},
    {"float", make_float},
    {"str (12 ASCII chars)", make_str},
    {"tuple (3 items)", make_tuple},
    {"list (3 items)", make_list},
    {"dict (empty)", make_empty_dict},
    {"dict (3 str keys)", make_dict},
    {"extension type instance (no GC)", make_instance},
};

#define MEMORY_KINDS (sizeof memory_kinds / sizeof memory_kinds[0])
#define LIVE_ARRAY_BYTES (MEMORY_OBJECTS * sizeof(PyObject *))

static long resident_bytes(void) {
    long size = 0, resident = 0;
    FILE *statm = fopen("/proc/self/statm", "r");
    if (statm == NULL) {
        return -1;
    }
    int read = fscanf(statm, "%ld %ld", &size, &resident);
    fclose(statm);
    return read == 2 ? resident * sysconf(_SC_PAGESIZE) : -1;
}

/* Fills objects with MEMORY_OBJECTS new objects of one kind and prints the growth of the
   resident set per object, or n/a with the error on stderr. */
static void measure_kind(const char *kind, PyObject *(*make)(long i), PyObject **objects) {
    int failed = collect_garbage() < 0;
    long before = resident_bytes();
    for (long i = 0; i < MEMORY_OBJECTS && !failed; i++) {
        objects[i] = make(i);
        failed = objects[i] == NULL;
    }
    if (failed || collect_garbage() < 0) {
        fprintf(stderr, "memory of %s failed: ", kind);
        fflush(stderr);
        PyErr_Print();
        printf("%s\tn/a\n", kind);
    } else {
        printf("%s\t%.1f\n", kind, (double)(resident_bytes() - before) / MEMORY_OBJECTS);
    }
    fflush(stdout);
}

/* Each kind's objects stay alive until every kind is measured, so that no kind is placed
   in memory another kind has just freed. */
static PyObject *memory(PyObject *module, PyObject *unused) {
    static const char *key_names[3] = {"alpha", "beta", "gamma"};
    PyObject **live[MEMORY_KINDS] = {NULL};
    int failed = 0;
    for (int j = 0; j < 3; j++) {
        three_keys[j] = PyUnicode_FromString(key_names[j]);
        failed |= three_keys[j] == NULL;
    }
    for (size_t k = 0; k < MEMORY_KINDS && !failed; k++) {
        /* populated (resident and zeroed) now, so that the array is not counted as growth */
        live[k] = mmap(NULL, LIVE_ARRAY_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (live[k] == MAP_FAILED) {
            live[k] = NULL;
            PyErr_NoMemory();
            break;
        }
        measure_kind(memory_kinds[k].kind, memory_kinds[k].make, live[k]);
    }
    for (size_t k = 0; k < MEMORY_KINDS; k++) {
        for (long i = 0; live[k] != NULL && i < MEMORY_OBJECTS; i++) {
            Py_XDECREF(live[k][i]);
        }
        if (live[k] != NULL) {
            munmap(live[k], LIVE_ARRAY_BYTES);
        }
    }
    for (int j = 0; j < 3; j++) {
        Py_CLEAR(three_keys[j]);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- the module ---- */

static PyMethodDef methods[] = {
    {"run", run, METH_VARARGS, "run(scale=1.0): print every row as 'row<TAB>ns per operation'."},
    {"memory", memory, METH_NOARGS, "memory(): print 'kind<TAB>bytes per live object' for each kind."},
    {"identity", identity, METH_O, "identity(x): x (the METH_O callee)."},
    {"first_of_two", (PyCFunction)(void (*)(void))first_of_two, METH_FASTCALL, "first_of_two(a, b): a (the METH_FASTCALL callee)."},
    {"first_arg", first_arg, METH_VARARGS, "first_arg(a, ...): a (the METH_VARARGS callee)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pycapibench",
    .m_doc = "C API benchmark rows, timed inside C.",
    .m_size = -1,
    .m_methods = methods,
};

static int add_type(PyObject *module, const char *name, PyTypeObject *type) {
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    Py_INCREF(type);
    if (PyModule_AddObject(module, name, (PyObject *)type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

PyMODINIT_FUNC PyInit_pycapibench(void) {
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    if (add_type(module, "Plain", &Plain_Type) < 0 || add_type(module, "Node", &Node_Type) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
