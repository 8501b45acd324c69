/* None, True, False, NotImplemented: identity, repr, truth, and the Py_RETURN_* macros. */
#include "conformance.h"

int main(void)
{
    conf_init();

    show("Py_None", Py_None);
    show("Py_True", Py_True);
    show("Py_False", Py_False);
    show("Py_NotImplemented", Py_NotImplemented);
    show_type("type(None)", Py_None);
    show_type("type(True)", Py_True);
    show_type("type(NotImplemented)", Py_NotImplemented);
    show_str("str(None)", Py_None);
    show_str("str(True)", Py_True);

    printf("Py_IsNone(Py_None): %d\n", Py_IsNone(Py_None));
    printf("Py_IsTrue(Py_True): %d\n", Py_IsTrue(Py_True));
    printf("Py_IsFalse(Py_True): %d\n", Py_IsFalse(Py_True));
    printf("PyBool_Check(Py_True): %d\n", PyBool_Check(Py_True));
    printf("PyBool_Check(Py_None): %d\n", PyBool_Check(Py_None));
    printf("PyLong_Check(Py_True) (bool is an int): %d\n", PyLong_Check(Py_True));
    printf("PyLong_CheckExact(Py_True): %d\n", PyLong_CheckExact(Py_True));
    show_ll("PyLong_AsLong(True)", PyLong_AsLong(Py_True));
    show_ll("PyLong_AsLong(False)", PyLong_AsLong(Py_False));

    PyObject *b = PyBool_FromLong(42);
    printf("PyBool_FromLong(42) is Py_True: %d\n", b == Py_True);
    Py_DECREF(b);
    b = PyBool_FromLong(0);
    printf("PyBool_FromLong(0) is Py_False: %d\n", b == Py_False);
    Py_DECREF(b);

    /* Truth values. */
    PyObject *objs[] = {
        Py_None, Py_True, Py_False,
        PyLong_FromLong(0), PyLong_FromLong(-3),
        PyFloat_FromDouble(0.0), PyFloat_FromDouble(0.5),
        PyUnicode_FromString(""), PyUnicode_FromString("x"),
        PyTuple_New(0), PyList_New(0), PyDict_New(),
        Py_BuildValue("(i)", 0), PyBytes_FromString(""),
    };
    int n = (int)(sizeof objs / sizeof objs[0]);
    for (int i = 0; i < n; i++) {
        PyObject *r = PyObject_Repr(objs[i]);
        printf("truth of %s: IsTrue=%d Not=%d\n", PyUnicode_AsUTF8(r),
               PyObject_IsTrue(objs[i]), PyObject_Not(objs[i]));
        Py_DECREF(r);
    }
    for (int i = 3; i < n; i++) {
        Py_DECREF(objs[i]);
    }

    /* Py_RETURN_NONE and friends return new references. */
    Py_ssize_t before = Py_REFCNT(Py_None);
    PyObject *x = Py_NewRef(Py_None);
    printf("Py_NewRef(None) refcount delta: %zd\n", Py_REFCNT(Py_None) - before);
    Py_DECREF(x);
    printf("after Py_DECREF delta: %zd\n", Py_REFCNT(Py_None) - before);
    before = Py_REFCNT(Py_True);
    Py_INCREF(Py_True);
    Py_INCREF(Py_True);
    printf("two Py_INCREF(True) delta: %zd\n", Py_REFCNT(Py_True) - before);
    Py_DECREF(Py_True);
    Py_DECREF(Py_True);
    printf("after two Py_DECREF delta: %zd\n", Py_REFCNT(Py_True) - before);

    /* The singletons compare equal only to themselves (and True == 1). */
    PyObject *one = PyLong_FromLong(1);
    printf("True == 1: %d\n", PyObject_RichCompareBool(Py_True, one, Py_EQ));
    printf("None == False: %d\n", PyObject_RichCompareBool(Py_None, Py_False, Py_EQ));
    printf("None == None: %d\n", PyObject_RichCompareBool(Py_None, Py_None, Py_EQ));
    Py_DECREF(one);
    show_ll("hash(None) == hash(None)", PyObject_Hash(Py_None) == PyObject_Hash(Py_None));
    show_ll("hash(True)", PyObject_Hash(Py_True));
    show_ll("hash(False)", PyObject_Hash(Py_False));

    return conf_end();
}
