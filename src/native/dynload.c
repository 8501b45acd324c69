/* Loading extension modules and leaving the process, for the managed import and
   lifecycle code. */
#include "pycapi_runtime.h"
#include <dlfcn.h>

/* RTLD_NOW, as CPython's default sys.getdlopenflags(): a missing symbol fails the import. */
PYCAPI_HIDDEN void *pycapi_dlopen(const char *path) { return dlopen(path, RTLD_NOW | RTLD_LOCAL); }
PYCAPI_HIDDEN void *pycapi_dlsym(void *handle, const char *name) { return dlsym(handle, name); }
PYCAPI_HIDDEN const char *pycapi_dlerror(void) { return dlerror(); }

PYCAPI_HIDDEN void pycapi_exit(int status) { exit(status); }
