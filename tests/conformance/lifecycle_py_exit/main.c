/* Py_Exit finalizes the runtime (running Py_AtExit callbacks) and exits with the status.
   conformance: exit-code 3 */
#include "conformance.h"

static void at_exit_first(void)
{
    printf("Py_AtExit callback registered first\n");
}

static void at_exit_second(void)
{
    printf("Py_AtExit callback registered second\n");
}

int main(void)
{
    conf_init();
    printf("Py_AtExit: %d\n", Py_AtExit(at_exit_first));
    printf("Py_AtExit: %d\n", Py_AtExit(at_exit_second));
    show_new("still running", PyUnicode_FromString("yes"));
    printf("calling Py_Exit(3)\n");
    Py_Exit(3);
    printf("not reached\n");
    return 0;
}
