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

/* There is no Py_Main: the command line is the empty one CPython reports to an embedder. */
void Py_GetArgcArgv(int *argc, wchar_t ***argv) {
    *argc = 0;
    *argv = NULL;
}

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

/* The legacy configuration flags. An embedding program may set them before
   Py_Initialize; the environment then adds to them, as CPython's config does. */
int Py_DebugFlag, Py_VerboseFlag, Py_QuietFlag, Py_InteractiveFlag, Py_InspectFlag, Py_OptimizeFlag, Py_NoSiteFlag,
    Py_BytesWarningFlag, Py_FrozenFlag, Py_IgnoreEnvironmentFlag, Py_DontWriteBytecodeFlag, Py_NoUserSiteDirectory,
    Py_UnbufferedStdioFlag, Py_HashRandomizationFlag, Py_IsolatedFlag;

/* A set, non-empty variable raises *flag to its integer value (1 when it is not a
   non-negative integer). */
static void env_flag(int *flag, const char *name)
{
    const char *text = getenv(name);
    if (text == NULL || *text == '\0') {
        return;
    }
    char *end;
    long value = strtol(text, &end, 10);
    if (*end != '\0' || value < 0 || value > INT_MAX) {
        value = 1;
    }
    if (*flag < value) {
        *flag = (int)value;
    }
}

PYCAPI_HIDDEN void pycapi_read_config_flags(void)
{
    if (!Py_IgnoreEnvironmentFlag) {
        env_flag(&Py_DebugFlag, "PYTHONDEBUG");
        env_flag(&Py_VerboseFlag, "PYTHONVERBOSE");
        env_flag(&Py_OptimizeFlag, "PYTHONOPTIMIZE");
        env_flag(&Py_InspectFlag, "PYTHONINSPECT");
        env_flag(&Py_DontWriteBytecodeFlag, "PYTHONDONTWRITEBYTECODE");
        env_flag(&Py_NoUserSiteDirectory, "PYTHONNOUSERSITE");
        env_flag(&Py_UnbufferedStdioFlag, "PYTHONUNBUFFERED");
    }
    /* Hashes are randomized unless PYTHONHASHSEED is 0; a fixed non-zero seed counts as
       randomized, as in CPython. */
    const char *seed = Py_IgnoreEnvironmentFlag ? NULL : getenv("PYTHONHASHSEED");
    Py_HashRandomizationFlag = seed == NULL || *seed == '\0' || strcmp(seed, "random") == 0 || strtoul(seed, NULL, 10) != 0;
}
