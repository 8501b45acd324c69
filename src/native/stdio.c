/* Text the runtime writes for sys.stdout and sys.stderr goes through C stdio, so that
   it interleaves with the host's own printf output exactly as written. */
#include "pycapi_runtime.h"

PYCAPI_HIDDEN void pycapi_write_stdio(int to_stderr, const char *utf8, size_t size) {
    FILE *f = to_stderr ? stderr : stdout;
    fwrite(utf8, 1, size, f);
    if (to_stderr) {
        fflush(f);
    }
}

PYCAPI_HIDDEN void pycapi_flush_stdio(void) {
    fflush(stdout);
    fflush(stderr);
}
