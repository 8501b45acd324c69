/* PyOS_FSPath (os.fspath): str and bytes as they are, __fspath__ looked up on the type,
   and CPython's TypeErrors for everything else. */
#include "conformance.h"

static PyObject *fspath_str(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyUnicode_FromString("/tmp/from-fspath");
}

static PyObject *fspath_bytes(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyBytes_FromString("/tmp/bytes");
}

static PyObject *fspath_int(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyLong_FromLong(42);
}

static PyObject *fspath_raises(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyErr_SetString(PyExc_OSError, "no path today");
    return NULL;
}

static PyObject *make_type(const char *name, PyCFunction fspath)
{
    PyMethodDef *methods = PyMem_Calloc(2, sizeof(PyMethodDef));
    methods[0] = (PyMethodDef){ "__fspath__", fspath, METH_NOARGS, NULL };
    PyType_Slot *slots = PyMem_Calloc(2, sizeof(PyType_Slot));
    slots[0] = (PyType_Slot){ Py_tp_methods, methods };
    PyType_Spec *spec = PyMem_Calloc(1, sizeof(PyType_Spec));
    *spec = (PyType_Spec){ name, 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots };
    return PyType_FromSpec(spec);
}

static void fspath(const char *label, PyObject *path)
{
    PyObject *r = PyOS_FSPath(path);
    show(label, r);
    if (r != NULL) {
        printf("  same object: %d\n", r == path);
    }
    Py_XDECREF(r);
}

int main(void)
{
    conf_init();
    PyObject *s = PyUnicode_FromString("/etc/passwd");
    fspath("str", s);
    PyObject *b = PyBytes_FromString("/etc/hosts");
    fspath("bytes", b);
    PyObject *str_sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "S", (PyObject *)&PyUnicode_Type);
    PyObject *s2 = PyObject_CallFunction(str_sub, "s", "sub");
    fspath("str subclass instance", s2);

    PyObject *P = make_type("paths.StrPath", fspath_str);
    PyObject *p = PyObject_CallNoArgs(P);
    fspath("StrPath()", p);
    PyObject *B = make_type("paths.BytesPath", fspath_bytes);
    PyObject *pb = PyObject_CallNoArgs(B);
    fspath("BytesPath()", pb);
    PyObject *I = make_type("paths.IntPath", fspath_int);
    PyObject *pi = PyObject_CallNoArgs(I);
    fspath("IntPath()", pi);
    PyObject *R = make_type("paths.RaisingPath", fspath_raises);
    PyObject *pr = PyObject_CallNoArgs(R);
    fspath("RaisingPath()", pr);
    /* a subclass inherits __fspath__ */
    PyObject *Sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "SubPath", P);
    PyObject *ps = PyObject_CallNoArgs(Sub);
    fspath("SubPath()", ps);
    /* __fspath__ = None on the type: calling it fails */
    PyObject *N = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:O}", "NonePath", "__fspath__", Py_None);
    PyObject *pn = PyObject_CallNoArgs(N);
    fspath("NonePath()", pn);
    /* an instance attribute is not looked at */
    PyObject *O = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){}", "Plain");
    PyObject *po = PyObject_CallNoArgs(O);
    PyObject *bound = PyObject_GetAttrString(p, "__fspath__");
    printf("set instance __fspath__: %d\n", PyObject_SetAttrString(po, "__fspath__", bound));
    fspath("Plain() with an instance __fspath__", po);

    fspath("None", Py_None);
    fspath("42", PyLong_FromLong(42));
    fspath("bytearray", PyByteArray_FromStringAndSize("x", 1));
    fspath("list", PyList_New(0));
    fspath("the StrPath class", P);
    return conf_end();
}
