/* Capsules: creation, the accessors and their errors, names compared by value,
   destructors run on deallocation, and PyCapsule_Import through module attributes. */
#include "conformance.h"

static int value = 1, other = 2;
static int destroyed;

static void count_destructor(PyObject *capsule)
{
    destroyed++;
    /* The capsule is still whole while its destructor runs. */
    printf("destructor: name %s, context %s\n", PyCapsule_GetName(capsule),
           (const char *)PyCapsule_GetContext(capsule));
}

static void show_pointer(const char *label, void *p)
{
    if (p == NULL) {
        printf("%s: NULL, ", label);
        conf_write_exc();
        fputc('\n', stdout);
    } else {
        printf("%s: %s\n", label, p == &value ? "&value" : p == &other ? "&other" : "other pointer");
    }
}

static void show_int(const char *label, int r)
{
    printf("%s: %d", label, r);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

int main(void)
{
    conf_init();

    printf("-- creation\n");
    PyObject *c = PyCapsule_New(&value, "pkg.cap", NULL);
    show_int("CheckExact", PyCapsule_CheckExact(c));
    /* A capsule that crosses into managed code (repr, type) dies at the next collection
       rather than at its last Py_DECREF (docs/object-model.md), so the destructor checks
       below use capsules that stay in C. */
    PyObject *probe = PyCapsule_New(&value, "pkg.cap", NULL);
    show_type("type", probe);
    show("type repr", (PyObject *)Py_TYPE(probe));
    PyObject *repr = PyObject_Repr(probe);
    printf("repr starts: %.30s\n", PyUnicode_AsUTF8(repr));
    Py_DECREF(repr);
    Py_DECREF(probe);
    show_new("NULL pointer", PyCapsule_New(NULL, "x", NULL));
    show_int("CheckExact(int)", PyCapsule_CheckExact(Py_None));

    printf("-- names\n");
    char same[] = "pkg.cap";
    show_pointer("GetPointer same text, other buffer", PyCapsule_GetPointer(c, same));
    show_pointer("GetPointer wrong name", PyCapsule_GetPointer(c, "pkg.other"));
    show_pointer("GetPointer NULL name", PyCapsule_GetPointer(c, NULL));
    show_int("IsValid", PyCapsule_IsValid(c, "pkg.cap"));
    show_int("IsValid wrong name", PyCapsule_IsValid(c, "nope"));
    show_int("IsValid NULL name", PyCapsule_IsValid(c, NULL));
    show_int("IsValid not a capsule", PyCapsule_IsValid(Py_None, "pkg.cap"));
    show_int("IsValid NULL", PyCapsule_IsValid(NULL, "pkg.cap"));
    show_cstr("GetName", PyCapsule_GetName(c));

    PyObject *unnamed = PyCapsule_New(&other, NULL, NULL);
    show_pointer("unnamed GetPointer NULL", PyCapsule_GetPointer(unnamed, NULL));
    show_pointer("unnamed GetPointer name", PyCapsule_GetPointer(unnamed, "x"));
    show_int("unnamed IsValid NULL", PyCapsule_IsValid(unnamed, NULL));
    probe = PyCapsule_New(&other, NULL, NULL);
    repr = PyObject_Repr(probe);
    printf("unnamed repr starts: %.24s\n", PyUnicode_AsUTF8(repr));
    Py_DECREF(repr);
    Py_DECREF(probe);

    printf("-- setters\n");
    show_int("SetPointer", PyCapsule_SetPointer(c, &other));
    show_pointer("after SetPointer", PyCapsule_GetPointer(c, "pkg.cap"));
    show_int("SetPointer NULL", PyCapsule_SetPointer(c, NULL));
    PyErr_Clear();
    show_int("SetContext", PyCapsule_SetContext(c, "ctx"));
    printf("GetContext: %s\n", (const char *)PyCapsule_GetContext(c));
    show_int("SetName", PyCapsule_SetName(c, "pkg.renamed"));
    show_pointer("old name", PyCapsule_GetPointer(c, "pkg.cap"));
    show_pointer("new name", PyCapsule_GetPointer(c, "pkg.renamed"));
    show_int("GetDestructor is NULL", PyCapsule_GetDestructor(c) == NULL);
    show_int("SetDestructor", PyCapsule_SetDestructor(c, count_destructor));
    show_int("GetDestructor set", PyCapsule_GetDestructor(c) == count_destructor);
    show_int("GetContext no error", PyErr_Occurred() == NULL);

    printf("-- invalid objects\n");
    show_pointer("GetPointer(None)", PyCapsule_GetPointer(Py_None, "x"));
    show_cstr("GetName(None)", PyCapsule_GetName(Py_None));
    PyErr_Clear();
    show_int("GetContext(int) NULL", PyCapsule_GetContext(Py_True) == NULL);
    PyErr_Clear();
    show_int("SetName(None)", PyCapsule_SetName(Py_None, "x"));
    PyErr_Clear();
    show_int("SetContext(None)", PyCapsule_SetContext(Py_None, NULL));
    PyErr_Clear();
    show_int("SetDestructor(None)", PyCapsule_SetDestructor(Py_None, NULL));
    PyErr_Clear();
    show_int("SetPointer(None)", PyCapsule_SetPointer(Py_None, &value));
    PyErr_Clear();
    show_int("GetDestructor(None) NULL", PyCapsule_GetDestructor(Py_None) == NULL);
    PyErr_Clear();

    printf("-- destructor\n");
    Py_DECREF(c);
    printf("destroyed: %d\n", destroyed);
    Py_DECREF(unnamed);

    printf("-- as a Python object\n");
    PyObject *d = PyDict_New();
    c = PyCapsule_New(&value, "in.dict", count_destructor);
    PyCapsule_SetContext(c, "in dict");
    PyDict_SetItemString(d, "cap", c);
    Py_DECREF(c);
    show_int("dict holds it", PyCapsule_IsValid(PyDict_GetItemString(d, "cap"), "in.dict"));
    show_int("hashable", PyObject_Hash(c) != -1);
    show_int("equal to itself", PyObject_RichCompareBool(c, c, Py_EQ));
    show_new("getattr", PyObject_GetAttrString(c, "pointer"));
    Py_DECREF(d);
    PyGC_Collect();
    printf("destroyed after a collection: %d\n", destroyed);

    printf("-- PyCapsule_Import\n");
    show_pointer("capimod._C_API", PyCapsule_Import("capimod._C_API", 0));
    void *r = PyCapsule_Import("capimod.inner.ratio", 0);
    printf("capimod.inner.ratio: %g\n", r ? *(double *)r : -1.0);
    show_pointer("wrong name stored", PyCapsule_Import("capimod.unnamed", 0));
    show_pointer("not a capsule", PyCapsule_Import("capimod.not_a_capsule", 0));
    show_pointer("missing attribute", PyCapsule_Import("capimod.missing", 1));
    show_pointer("missing inner attribute", PyCapsule_Import("capimod.inner.missing", 0));
    show_pointer("missing module", PyCapsule_Import("no_such_module_xyz.api", 0));
    show_pointer("module itself", PyCapsule_Import("capimod", 0));

    return conf_end();
}
