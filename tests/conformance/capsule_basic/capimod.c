/* An extension that exports a C API through capsules: one at module level, one inside an
   attribute of the module, one with no name, and a name that is not a capsule. */
#include <Python.h>

static int answer = 42;
static double ratio = 0.5;


static struct PyModuleDef capimod_def = { PyModuleDef_HEAD_INIT, "capimod", NULL, -1, NULL };

PyMODINIT_FUNC PyInit_capimod(void)
{
    PyObject *m = PyModule_Create(&capimod_def);
    if (m == NULL) {
        return NULL;
    }
    PyModule_AddObject(m, "_C_API", PyCapsule_New(&answer, "capimod._C_API", NULL));
    PyModule_AddObject(m, "unnamed", PyCapsule_New(&answer, NULL, NULL));
    PyModule_AddObject(m, "not_a_capsule", PyLong_FromLong(7));
    /* capimod.inner.ratio: a capsule reached through an attribute of an attribute. */
    PyObject *inner = PyModule_New("capimod.inner");
    PyModule_AddObject(inner, "ratio", PyCapsule_New(&ratio, "capimod.inner.ratio", NULL));
    PyModule_AddObject(m, "inner", inner);
    return m;
}
