/* tp_methods of a static type with METH_CLASS, METH_STATIC and METH_COEXIST: what each
   receives as self when looked up on the type and on an instance and called through
   PyObject_CallMethod and friends; PyDescr_NewMethod and PyDescr_NewClassMethod. */
#include "conformance.h"

/* Describes the self a method received: NULL, a type, or an instance (by its type). */
static PyObject *describe_self(const char *method, PyObject *self, PyObject *arg)
{
    if (self == NULL) {
        return PyUnicode_FromFormat("%s: self NULL, arg %R", method, arg);
    }
    if (PyType_Check(self)) {
        return PyUnicode_FromFormat("%s: type %s, arg %R", method, ((PyTypeObject *)self)->tp_name, arg);
    }
    return PyUnicode_FromFormat("%s: instance of %s, arg %R", method, Py_TYPE(self)->tp_name, arg);
}

static PyObject *k_plain(PyObject *self, PyObject *arg) { return describe_self("plain", self, arg); }
static PyObject *k_cls(PyObject *self, PyObject *arg) { return describe_self("cls", self, arg); }
static PyObject *k_static(PyObject *self, PyObject *arg) { return describe_self("static", self, arg); }
static PyObject *k_cls_noargs(PyObject *self, PyObject *unused) { return describe_self("cls_noargs", self, Py_None); }

static PyObject *k_static_varargs(PyObject *self, PyObject *args)
{
    return describe_self("static_varargs", self, args);
}

static PyObject *k_coexist(PyObject *self, PyObject *arg) { return describe_self("coexist", self, arg); }

static PyMethodDef kind_methods[] = {
    {"plain", k_plain, METH_O, "an instance method"},
    {"cls", k_cls, METH_O | METH_CLASS, "a class method"},
    {"static", k_static, METH_O | METH_STATIC, "a static method"},
    {"cls_noargs", k_cls_noargs, METH_NOARGS | METH_CLASS, NULL},
    {"static_varargs", k_static_varargs, METH_VARARGS | METH_STATIC, NULL},
    {"coexist", k_coexist, METH_O | METH_COEXIST, NULL},
    {NULL},
};

static PyTypeObject Kind_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "kinds.Kind",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = kind_methods,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject SubKind_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "kinds.SubKind",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Kind_Type,
    .tp_new = PyType_GenericNew,
};

int main(void)
{
    conf_init();
    if (PyType_Ready(&Kind_Type) < 0 || PyType_Ready(&SubKind_Type) < 0) {
        show_exc("PyType_Ready");
        return conf_end();
    }
    PyObject *type = (PyObject *)&Kind_Type;
    PyObject *sub = (PyObject *)&SubKind_Type;
    PyObject *obj = PyObject_CallNoArgs(type);
    PyObject *subobj = PyObject_CallNoArgs(sub);

    printf("-- called on the type\n");
    show_new("Kind.cls(1)", PyObject_CallMethod(type, "cls", "i", 1));
    show_new("Kind.static(2)", PyObject_CallMethod(type, "static", "i", 2));
    show_new("Kind.cls_noargs()", PyObject_CallMethod(type, "cls_noargs", NULL));
    show_new("Kind.static_varargs(1, 2)", PyObject_CallMethod(type, "static_varargs", "ii", 1, 2));
    show_new("Kind.plain(obj, 3)", PyObject_CallMethod(type, "plain", "Oi", obj, 3));
    show_new("Kind.plain(3)", PyObject_CallMethod(type, "plain", "i", 3));
    printf("-- called on an instance\n");
    show_new("obj.plain(4)", PyObject_CallMethod(obj, "plain", "i", 4));
    show_new("obj.cls(5)", PyObject_CallMethod(obj, "cls", "i", 5));
    show_new("obj.static(6)", PyObject_CallMethod(obj, "static", "i", 6));
    show_new("obj.coexist(7)", PyObject_CallMethod(obj, "coexist", "i", 7));
    show_new("obj.cls_noargs(1)", PyObject_CallMethod(obj, "cls_noargs", "i", 1));
    printf("-- through a subclass\n");
    show_new("SubKind.cls(8)", PyObject_CallMethod(sub, "cls", "i", 8));
    show_new("subobj.cls(9)", PyObject_CallMethod(subobj, "cls", "i", 9));
    show_new("subobj.static(10)", PyObject_CallMethod(subobj, "static", "i", 10));
    PyObject *name = PyUnicode_FromString("cls");
    PyObject *arg = PyLong_FromLong(11);
    show_new("CallMethodOneArg(subobj, 'cls', 11)", PyObject_CallMethodOneArg(subobj, name, arg));
    Py_DECREF(name);
    Py_DECREF(arg);

    printf("-- the looked-up objects\n");
    PyObject *cls = PyObject_GetAttrString(type, "cls");
    show_type("type(Kind.cls)", cls);
    show_new("Kind.cls.__self__", PyObject_GetAttrString(cls, "__self__"));
    show_new("Kind.cls.__name__", PyObject_GetAttrString(cls, "__name__"));
    show_new("Kind.cls.__doc__", PyObject_GetAttrString(cls, "__doc__"));
    Py_XDECREF(cls);
    PyObject *st = PyObject_GetAttrString(obj, "static");
    show_type("type(obj.static)", st);
    show_new("obj.static.__self__", PyObject_GetAttrString(st, "__self__"));
    show_new("obj.static.__name__", PyObject_GetAttrString(st, "__name__"));
    Py_XDECREF(st);
    PyObject *plain = PyObject_GetAttrString(type, "plain");
    show("Kind.plain", plain);
    show_type("type(Kind.plain)", plain);
    Py_XDECREF(plain);

    printf("-- PyDescr_NewMethod / PyDescr_NewClassMethod\n");
    PyObject *m = PyDescr_NewMethod(&Kind_Type, &kind_methods[0]);
    show("PyDescr_NewMethod", m);
    show_type("  type", m);
    PyObject *margs = Py_BuildValue("(Oi)", obj, 12);
    show_new("  called with (obj, 12)", PyObject_Call(m, margs, NULL));
    Py_XDECREF(margs);
    Py_XDECREF(m);
    PyObject *cm = PyDescr_NewClassMethod(&Kind_Type, &kind_methods[1]);
    show("PyDescr_NewClassMethod", cm);
    show_type("  type", cm);
    printf("  PyClassMethodDescr_Type: %d\n", cm != NULL && Py_IS_TYPE(cm, &PyClassMethodDescr_Type));
    PyObject *cargs = Py_BuildValue("(Oi)", sub, 13);
    show_new("  called with (SubKind, 13)", PyObject_Call(cm, cargs, NULL));
    Py_XDECREF(cargs);
    show_new("  called with ()", PyObject_CallNoArgs(cm));
    show_new("  called with (1,)", PyObject_CallFunction(cm, "i", 1));
    show_new("  called with (int, 1)", PyObject_CallFunction(cm, "Oi", (PyObject *)&PyLong_Type, 1));
    PyObject *kcm = PyObject_GetAttrString(type, "__dict__");
    PyObject *in_dict = kcm != NULL ? PyMapping_GetItemString(kcm, "cls") : NULL;
    show("Kind.__dict__['cls']", in_dict);
    show_type("  type", in_dict);
    Py_XDECREF(in_dict);
    Py_XDECREF(kcm);
    Py_XDECREF(cm);

    Py_DECREF(obj);
    Py_DECREF(subobj);
    return conf_end();
}
