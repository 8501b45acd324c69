/* Py_Initialize / Py_InitializeEx / Py_IsInitialized / Py_FinalizeEx, including a second
   initialize-finalize cycle in the same process. */
#include "conformance.h"

int main(void)
{
    conf_begin();
    printf("before init: Py_IsInitialized=%d\n", Py_IsInitialized());

    Py_InitializeEx(0);
    printf("after Py_InitializeEx(0): Py_IsInitialized=%d\n", Py_IsInitialized());
    check_no_exc("after init");

    /* Initializing again while initialized is a no-op. */
    Py_Initialize();
    printf("after second Py_Initialize: Py_IsInitialized=%d\n", Py_IsInitialized());

    PyObject *v = PyLong_FromLong(7);
    show_new("an int made after init", v);

    printf("Py_FinalizeEx: %d\n", Py_FinalizeEx());
    printf("after finalize: Py_IsInitialized=%d\n", Py_IsInitialized());

    /* The runtime can be started again. */
    Py_Initialize();
    printf("after re-init: Py_IsInitialized=%d\n", Py_IsInitialized());
    show_new("a str made after re-init", PyUnicode_FromString("again"));
    PyObject *sys = PyImport_ImportModule("sys");
    show("sys imported after re-init", sys == NULL ? NULL : Py_None);
    Py_XDECREF(sys);
    printf("second Py_FinalizeEx: %d\n", Py_FinalizeEx());
    printf("after second finalize: Py_IsInitialized=%d\n", Py_IsInitialized());
    return 0;
}
