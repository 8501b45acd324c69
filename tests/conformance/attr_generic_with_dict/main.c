/* _PyObject_GenericGetAttrWithDict (what Cython's attribute lookups call): the type's
   data descriptors first, then the given dict in place of the instance dict, then the
   type's other attributes; suppress turns a missing attribute into NULL without error.
   Also PyDescr_IsData on the descriptors found, and PyFunction_Check. */
#include "conformance.h"
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    long value;
} Obj;

static PyObject *obj_get_value(PyObject *self, void *closure) { return PyLong_FromLong(((Obj *)self)->value); }
static PyObject *obj_get_broken(PyObject *self, void *closure)
{
    PyErr_SetString(PyExc_AttributeError, "broken getter");
    return NULL;
}
static PyObject *obj_hello(PyObject *self, PyObject *unused) { return PyUnicode_FromString("hello"); }

static PyGetSetDef obj_getset[] = {
    { "value", obj_get_value, NULL, NULL, NULL },
    { "broken", obj_get_broken, NULL, NULL, NULL },
    { NULL },
};
static PyMethodDef obj_methods[] = { { "hello", obj_hello, METH_NOARGS, NULL }, { NULL } };

static void obj_dealloc(PyObject *self)
{
    Py_XDECREF(((Obj *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Obj_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gad.Obj",
    .tp_basicsize = sizeof(Obj),
    .tp_dealloc = obj_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_dictoffset = offsetof(Obj, dict),
    .tp_getset = obj_getset,
    .tp_methods = obj_methods,
    .tp_new = PyType_GenericNew,
};

static void lookup(const char *label, PyObject *o, const char *name, PyObject *dict, int suppress)
{
    PyObject *key = PyUnicode_FromString(name);
    /* show_new prints "NULL, no exception" for a suppressed miss. */
    show_new(label, _PyObject_GenericGetAttrWithDict(o, key, dict, suppress));
    Py_DECREF(key);
}

int main(void)
{
    conf_init();
    if (PyType_Ready(&Obj_Type) < 0) {
        show_exc("ready");
    }
    Obj *o = (Obj *)PyObject_CallNoArgs((PyObject *)&Obj_Type);
    o->value = 7;
    PyObject_SetAttrString((PyObject *)o, "own", PyLong_FromLong(1));
    PyObject *other = Py_BuildValue("{sisisi}", "own", 2, "value", 3, "hello", 4);

    lookup("own, instance dict", (PyObject *)o, "own", NULL, 0);
    lookup("own, other dict", (PyObject *)o, "own", other, 0);
    lookup("value (data descriptor wins)", (PyObject *)o, "value", other, 0);
    lookup("hello (the dict wins over a method)", (PyObject *)o, "hello", other, 0);
    PyObject *hello = PyUnicode_FromString("hello");
    PyObject *m = _PyObject_GenericGetAttrWithDict((PyObject *)o, hello, NULL, 0);
    show_new("hello, instance dict: bound method called", m ? PyObject_CallNoArgs(m) : NULL);
    Py_XDECREF(m);
    Py_DECREF(hello);
    lookup("missing", (PyObject *)o, "missing", NULL, 0);
    lookup("missing, suppress", (PyObject *)o, "missing", NULL, 1);
    lookup("missing in other dict", (PyObject *)o, "own2", other, 0);
    lookup("broken getter", (PyObject *)o, "broken", NULL, 0);
    lookup("broken getter, suppress", (PyObject *)o, "broken", NULL, 1);
    PyObject *type_dict = Obj_Type.tp_dict;
    printf("PyDescr_IsData: getset %d, method %d, int %d\n", PyDescr_IsData(PyDict_GetItemString(type_dict, "value")),
           PyDescr_IsData(PyDict_GetItemString(type_dict, "hello")), PyDescr_IsData(Py_True));
    PyObject *prop = PyObject_CallFunction((PyObject *)&PyProperty_Type, "(O)", Py_None);
    printf("PyDescr_IsData(property): %d\n", PyDescr_IsData(prop));
    Py_DECREF(prop);
    printf("PyFunction_Check: method %d, type %d; function type is a type: %d\n",
           PyFunction_Check(PyDict_GetItemString(type_dict, "hello")), PyFunction_Check((PyObject *)&Obj_Type),
           PyType_Check((PyObject *)&PyFunction_Type));
    show("function type", (PyObject *)&PyFunction_Type);
    PyObject *number = PyLong_FromLong(5);
    lookup("int.real", number, "real", NULL, 0);
    lookup("int missing", number, "nope", NULL, 0);
    lookup("int missing, suppress", number, "nope", NULL, 1);
    PyObject *bad_name = PyLong_FromLong(1);
    PyObject *r = _PyObject_GenericGetAttrWithDict(number, bad_name, NULL, 0);
    show("non-str name", r);
    Py_DECREF(bad_name);
    Py_DECREF(number);
    Py_DECREF(other);
    Py_DECREF(o);
    return conf_end();
}
