/* Stress: C creates and drops Nodes in mixed shapes, 1,000,000 iterations (or argv[1]:
   e.g. 10000000 for the full run of issue 3, or a small count under valgrind/ASan), with a
   PyGC_Collect every 10,000. The shapes, one per iteration in turn:
     0. a C-only Node holding another C-only Node (freed at its last Py_DECREF);
     1. a Node held by a dict until the next checkpoint (managed-held, refcount 0 in libpycapi);
     2. a Node stored in a dict and deleted from it at once;
     3. a Node <-> Node cycle;
     4. a Node -> list -> Node cycle;
     5. a Node -> dict -> Node cycle, the dict also holding a str made by the runtime.
   At the end every Node created has been freed, the live-pair count (libpycapi) is back to
   its baseline, and the peak RSS grew by less than the bound below. Only facts that do not
   depend on timing are printed. */
#include "conformance.h"
#include <stdlib.h>

#define DEFAULT_ITERATIONS 1000000L
#define CHECKPOINT 10000L
#define SHAPES 6
#define MAX_COLLECTIONS 3
/* Peak RSS growth allowed over the run. Garbage between two checkpoints is ~25,000 small
   objects (a few MB, plus the managed heap's own slack in libpycapi); leaking the native
   or managed memory of one shape over 1,000,000 iterations goes well above it. */
#define RSS_GROWTH_BOUND_MB 100L

static ConfNodeApi *api;

/* Current resident set size in kB (from /proc/self/statm). */
static long rss_kb(void)
{
    long pages_total = 0, pages_resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL) {
        return 0;
    }
    if (fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
        pages_resident = 0;
    }
    fclose(f);
    return pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Peak resident set size in kB (VmHWM in /proc/self/status). Not getrusage's ru_maxrss:
   a program started with vfork, as the test host starts it, keeps its parent's peak
   across exec, so a large host would count as this program's growth. */
static long peak_rss_kb(void)
{
    char line[256];
    long kb = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (f == NULL) {
        return 0;
    }
    while (fgets(line, sizeof line, f) != NULL && sscanf(line, "VmHWM: %ld kB", &kb) != 1) {
    }
    fclose(f);
    return kb;
}

static void one_iteration(long i, PyObject *window, PyObject *d, PyObject *key)
{
    PyObject *a = api->make(i);
    switch (i % SHAPES) {
    case 0: {
        PyObject *b = api->make(i);
        conf_node_set(a, b);
        Py_DECREF(b);
        break;
    }
    case 1: {
        PyObject *k = PyLong_FromLong(1000 + i); /* not a small int: those are cached forever */
        PyDict_SetItem(window, k, a);
        Py_DECREF(k);
        break;
    }
    case 2:
        PyDict_SetItem(d, key, a);
        PyDict_DelItem(d, key);
        break;
    case 3: {
        PyObject *b = api->make(i);
        conf_node_set(a, b);
        conf_node_set(b, a);
        Py_DECREF(b);
        break;
    }
    case 4: {
        PyObject *l = PyList_New(0);
        PyList_Append(l, a);
        conf_node_set(a, l);
        Py_DECREF(l);
        break;
    }
    case 5: {
        PyObject *cd = PyDict_New();
        PyDict_SetItem(cd, key, a);
        PyObject *s = PyObject_Str(cd); /* a str made by the runtime, held by the cycle */
        PyDict_SetItemString(cd, "s", s);
        Py_XDECREF(s);
        conf_node_set(a, cd);
        Py_DECREF(cd);
        break;
    }
    }
    Py_DECREF(a);
}

int main(int argc, char **argv)
{
    conf_init();
    long iterations = argc > 1 ? atol(argv[1]) : DEFAULT_ITERATIONS;
    /* argv[2]: another bound on peak RSS growth, in MB, for longer runs. */
    long rss_bound_mb = argc > 2 ? atol(argv[2]) : RSS_GROWTH_BOUND_MB;
    api = conf_nodes_api();
    if (api == NULL) {
        return conf_end();
    }
    ConfNodeCounts *counts = api->counts;
    PyObject *window = conf_crossed_dict();
    PyObject *d = conf_crossed_dict();
    PyObject *key = PyUnicode_FromString("key");
    PyGC_Collect();
    Py_ssize_t baseline = conf_live_pairs();
    long start_rss = rss_kb();
    long long created_before = counts->created;

    /* Nodes still alive right after a checkpoint's collection, at the worst checkpoint:
       what the previous intervals left behind. */
    long long worst_alive = 0;
    for (long i = 0; i < iterations; i++) {
        one_iteration(i, window, d, key);
        if ((i + 1) % CHECKPOINT == 0) {
            PyDict_Clear(window);
            PyGC_Collect();
            long long alive = counts->created - counts->deallocs;
            if (alive > worst_alive) {
                worst_alive = alive;
            }
        }
        if (PyErr_Occurred()) {
            printf("iteration %ld: ", i);
            show_exc("exception");
            break;
        }
    }
    PyDict_Clear(window);
    Py_DECREF(window);
    Py_DECREF(d);

    long long created = counts->created - created_before;
    for (int i = 0; i < MAX_COLLECTIONS && counts->deallocs < counts->created; i++) {
        PyGC_Collect();
    }
    printf("iterations: %ld\n", iterations);
    printf("Nodes created: %lld\n", created);
    printf("Nodes alive after each checkpoint stay below %d intervals' worth: %s\n", MAX_COLLECTIONS,
           worst_alive < MAX_COLLECTIONS * 2 * CHECKPOINT ? "True" : "False");
    printf("every Node freed within %d more collections: %s\n", MAX_COLLECTIONS,
           counts->deallocs == counts->created ? "True" : "False");
    if (counts->deallocs != counts->created) {
        printf("Nodes not freed: %lld\n", counts->created - counts->deallocs);
    }
    /* CPython has no managed side: conf_collect_to_baseline passes trivially there. */
    printf("live pairs back to baseline: %s\n",
           conf_collect_to_baseline(baseline, MAX_COLLECTIONS) ? "True" : "False");
    long growth_mb = (peak_rss_kb() - start_rss) / 1024;
    printf("peak RSS grew by less than %ld MB: %s\n", rss_bound_mb,
           growth_mb < rss_bound_mb ? "True" : "False");
    if (getenv("LIFETIME_STRESS_VERBOSE") != NULL) {
        printf("worst alive at a checkpoint: %lld, peak RSS growth: %ld MB\n", worst_alive, growth_mb);
    }
    Py_DECREF(key);
    return conf_end();
}
