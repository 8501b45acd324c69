/* PyErr_WarnEx from C (no Python frame) under CPython's default warning filters: the
   deprecation, import and resource categories are ignored, the others shown once each. */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *categories[] = { PyExc_RuntimeWarning, PyExc_UserWarning, PyExc_DeprecationWarning,
                               PyExc_PendingDeprecationWarning, PyExc_ImportWarning, PyExc_ResourceWarning,
                               PyExc_FutureWarning, PyExc_SyntaxWarning, PyExc_BytesWarning, PyExc_UnicodeWarning };
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++) {
        printf("%s: %d\n", ((PyTypeObject *)categories[i])->tp_name, PyErr_WarnEx(categories[i], "a warning", 1));
        check_no_exc("PyErr_WarnEx");
    }
    printf("RuntimeWarning again: %d\n", PyErr_WarnEx(PyExc_RuntimeWarning, "a warning", 1));
    printf("RuntimeWarning, other text: %d\n", PyErr_WarnEx(PyExc_RuntimeWarning, "another warning", 1));
    printf("UserWarning, same text, stack level 2: %d\n", PyErr_WarnEx(PyExc_UserWarning, "a warning", 2));
    printf("PyErr_WarnFormat: %d\n", PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "formatted %d", 42));
    printf("PyErr_WarnFormat again: %d\n", PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "formatted %d", 42));
    return conf_end();
}
