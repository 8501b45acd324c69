/* tp_getset of a static type: get, set and delete through the attribute API, a getset
   without a setter or without a getter, the closure pointer, errors raised by the C
   getter and setter, the getset_descriptor objects and PyDescr_NewGetSet. */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    long value;
    PyObject *label;
} Box;

static PyObject *box_get_value(PyObject *self, void *closure)
{
    return PyLong_FromLong(((Box *)self)->value);
}

static int box_set_value(PyObject *self, PyObject *v, void *closure)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete value");
        return -1;
    }
    long n = PyLong_AsLong(v);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        PyErr_Format(PyExc_ValueError, "value must be >= 0, not %ld", n);
        return -1;
    }
    ((Box *)self)->value = n;
    return 0;
}

static PyObject *box_get_label(PyObject *self, void *closure)
{
    Box *b = (Box *)self;
    if (b->label == NULL) {
        PyErr_SetString(PyExc_AttributeError, "label is unset");
        return NULL;
    }
    return Py_NewRef(b->label);
}

static int box_set_label(PyObject *self, PyObject *v, void *closure)
{
    Box *b = (Box *)self;
    Py_XSETREF(b->label, Py_XNewRef(v));
    return 0;
}

/* Returns the closure's text: the same getter serves two attributes. */
static PyObject *box_get_tag(PyObject *self, void *closure)
{
    return PyUnicode_FromString((const char *)closure);
}

static int box_set_tag(PyObject *self, PyObject *v, void *closure)
{
    PyErr_Format(PyExc_RuntimeError, "setting tag %s", (const char *)closure);
    return -1;
}

static PyGetSetDef box_getset[] = {
    {"value", box_get_value, box_set_value, "the value", NULL},
    {"label", box_get_label, box_set_label, NULL, NULL},
    {"double", (getter)box_get_value, NULL, "read-only", NULL},
    {"tag1", box_get_tag, box_set_tag, NULL, (void *)"one"},
    {"tag2", box_get_tag, NULL, NULL, (void *)"two"},
    {"writeonly", NULL, box_set_label, NULL, NULL},
    {NULL},
};

static void box_dealloc(PyObject *self)
{
    Py_XDECREF(((Box *)self)->label);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Box_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "getsets.Box",
    .tp_basicsize = sizeof(Box),
    .tp_dealloc = box_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = box_getset,
    .tp_new = PyType_GenericNew,
};

static PyObject *box;

static void get(const char *name)
{
    char label[64];
    snprintf(label, sizeof label, "b.%s", name);
    show_new(label, PyObject_GetAttrString(box, name));
}

/* Sets b.name to value (a new reference, released; NULL deletes). */
static void set(const char *name, PyObject *value)
{
    char label[96];
    if (value == NULL) {
        snprintf(label, sizeof label, "del b.%s", name);
    }
    else {
        PyObject *repr = PyObject_Repr(value);
        snprintf(label, sizeof label, "b.%s = %s", name, repr != NULL ? PyUnicode_AsUTF8(repr) : "?");
        Py_XDECREF(repr);
    }
    if (PyObject_SetAttrString(box, name, value) < 0) {
        show_exc(label);
    }
    else {
        printf("%s: ok\n", label);
    }
    Py_XDECREF(value);
}

int main(void)
{
    conf_init();
    if (PyType_Ready(&Box_Type) < 0) {
        show_exc("PyType_Ready");
        return conf_end();
    }
    box = PyObject_CallNoArgs((PyObject *)&Box_Type);
    if (box == NULL) {
        show_exc("Box()");
        return conf_end();
    }

    printf("-- getter and setter\n");
    get("value");
    set("value", PyLong_FromLong(5));
    get("value");
    set("value", PyLong_FromLong(-3));
    set("value", PyUnicode_FromString("x"));
    set("value", NULL);
    get("value");
    printf("-- errors from the getter\n");
    get("label");
    set("label", PyUnicode_FromString("hi"));
    get("label");
    set("label", NULL);
    get("label");
    printf("-- no setter, no getter\n");
    get("double");
    set("double", PyLong_FromLong(1));
    set("double", NULL);
    get("writeonly");
    set("writeonly", PyUnicode_FromString("w"));
    get("label");
    printf("-- closures\n");
    get("tag1");
    get("tag2");
    set("tag1", PyLong_FromLong(1));
    set("tag1", NULL);
    set("tag2", PyLong_FromLong(1));

    printf("-- generic attribute functions\n");
    PyObject *name = PyUnicode_FromString("value");
    PyObject *v = PyLong_FromLong(12);
    printf("PyObject_GenericSetAttr: %d\n", PyObject_GenericSetAttr(box, name, v));
    show_new("PyObject_GenericGetAttr", PyObject_GenericGetAttr(box, name));
    printf("PyObject_GenericSetAttr(NULL): %d\n", PyObject_GenericSetAttr(box, name, NULL));
    show_exc("  error");
    Py_DECREF(v);
    Py_DECREF(name);
    show_new("missing attribute", PyObject_GetAttrString(box, "missing"));

    printf("-- the descriptors\n");
    PyObject *type = (PyObject *)&Box_Type;
    const char *names[] = {"value", "label", "double", "tag1"};
    for (int k = 0; k < 4; k++) {
        PyObject *descr = PyObject_GetAttrString(type, names[k]);
        if (descr == NULL) {
            show_exc(names[k]);
            continue;
        }
        show(names[k], descr);
        show_type("  type", descr);
        show_new("  __name__", PyObject_GetAttrString(descr, "__name__"));
        show_new("  __qualname__", PyObject_GetAttrString(descr, "__qualname__"));
        show_new("  __doc__", PyObject_GetAttrString(descr, "__doc__"));
        show_new("  __objclass__", PyObject_GetAttrString(descr, "__objclass__"));
        printf("  PyGetSetDescr_Type: %d\n", Py_IS_TYPE(descr, &PyGetSetDescr_Type));
        Py_DECREF(descr);
    }
    PyObject *descr = PyDescr_NewGetSet(&Box_Type, &box_getset[3]);
    show("PyDescr_NewGetSet", descr);
    Py_XDECREF(descr);

    Py_DECREF(box);
    return conf_end();
}
