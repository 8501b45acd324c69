/* Process-level functions that must not depend on the managed runtime being healthy:
   fatal errors, version strings, the C recursion guard, PyOS string helpers. */
#include "pycapi_runtime.h"

void _Py_FatalErrorFunc(const char *func, const char *message) {
    fflush(stdout);
    if (func != NULL) {
        fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
    } else {
        fprintf(stderr, "Fatal Python error: %s\n", message);
    }
    fprintf(stderr, "Python runtime state: %s\n\n", Py_IsInitialized() ? "initialized" : "finalized");
    fflush(stderr);
    abort();
}

#undef Py_FatalError
void Py_FatalError(const char *message) { _Py_FatalErrorFunc(NULL, message); }

const char *Py_GetVersion(void) { return PY_VERSION " (libpycapi) [GCC]"; }
const char *Py_GetPlatform(void) { return "linux"; }

int Py_EnterRecursiveCall(const char *where) {
    PyThreadState *ts = PyThreadState_Get();
    if (--ts->recursion_remaining < 0) {
        ts->recursion_remaining++;
        PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void Py_LeaveRecursiveCall(void) { PyThreadState_Get()->recursion_remaining++; }

int Py_GetRecursionLimit(void) { return PyThreadState_Get()->recursion_limit; }

void Py_SetRecursionLimit(int limit) {
    PyThreadState *ts = PyThreadState_Get();
    ts->recursion_remaining += limit - ts->recursion_limit;
    ts->recursion_limit = limit;
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va) {
    if (size == 0) {
        return 0;
    }
    int n = vsnprintf(str, size, format, va);
    str[size - 1] = '\0';
    return n;
}

int PyOS_snprintf(char *str, size_t size, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int n = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return n;
}

int PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t size) {
    for (; size > 0; size--, a++, b++) {
        int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
        if (d != 0 || *a == '\0') {
            return d;
        }
    }
    return 0;
}

int PyOS_mystricmp(const char *a, const char *b) {
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
        a++;
        b++;
    }
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

/* The managed GC collects; these report the CPython-visible state. */
static int gc_enabled = 1;
int PyGC_Enable(void) { int was = gc_enabled; gc_enabled = 1; return was; }
int PyGC_Disable(void) { int was = gc_enabled; gc_enabled = 0; return was; }
int PyGC_IsEnabled(void) { return gc_enabled; }
