/* PyType_FromSpec* refusals (bad slot ids, bases that are no types or not acceptable),
   PyType_GetModule / GetModuleState / GetModuleByDef without a module, and PyType_GetSlot
   on a static type and with ids out of range. */
#include "conformance.h"

static PyType_Slot no_slots[] = {{0, NULL}};

static PyType_Slot slot_too_big[] = {{Py_tp_new, PyType_GenericNew}, {999, NULL}, {0, NULL}};
static PyType_Slot slot_negative[] = {{-1, NULL}, {0, NULL}};
static PyType_Slot slot_base_bool[] = {{Py_tp_base, &PyBool_Type}, {0, NULL}};

static PyType_Spec spec(const char *name, PyType_Slot *slots)
{
    PyType_Spec s = {name, 0, 0, Py_TPFLAGS_DEFAULT, slots};
    return s;
}

static struct PyModuleDef some_def = {PyModuleDef_HEAD_INIT, "some", NULL, 0, NULL, NULL, NULL, NULL, NULL};

static PyObject *static_repr(PyObject *self)
{
    (void)self;
    return PyUnicode_FromString("<static>");
}

static PyTypeObject StaticType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "errs.Static",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_repr = static_repr,
    .tp_new = PyType_GenericNew,
};

static void show_slot(const char *label, PyTypeObject *type, int slot, void *expected)
{
    void *got = PyType_GetSlot(type, slot);
    if (got == NULL && PyErr_Occurred()) {
        /* PyErr_BadInternalCall's message names CPython's source file: the type only. */
        printf("%s: NULL, %s\n", label, PyErr_ExceptionMatches(PyExc_SystemError) ? "SystemError" : "other error");
        PyErr_Clear();
        return;
    }
    printf("%s: %s\n", label, got == NULL ? "NULL" : got == expected ? "the expected function" : "another function");
}

int main(void)
{
    conf_init();

    PyType_Spec s = spec("errs.TooBig", slot_too_big);
    show_new("slot id 999", PyType_FromSpec(&s));
    s = spec("errs.Negative", slot_negative);
    show_new("slot id -1", PyType_FromSpec(&s));
    s = spec("errs.FromBool", no_slots);
    show_new("bases=bool", PyType_FromSpecWithBases(&s, (PyObject *)&PyBool_Type));
    PyObject *bases = Py_BuildValue("(OO)", (PyObject *)&PyLong_Type, (PyObject *)&PyBool_Type);
    show_new("bases=(int, bool)", PyType_FromSpecWithBases(&s, bases));
    Py_DECREF(bases);
    s = spec("errs.BaseSlot", slot_base_bool);
    show_new("Py_tp_base=bool", PyType_FromSpec(&s));
    PyObject *five = PyLong_FromLong(5);
    s = spec("errs.FromFive", no_slots);
    show_new("bases=5", PyType_FromSpecWithBases(&s, five));
    bases = PyTuple_Pack(1, five);
    show_new("bases=(5,)", PyType_FromSpecWithBases(&s, bases));
    Py_DECREF(bases);
    Py_DECREF(five);

    /* A plain heap type: no module. */
    s = spec("errs.Plain", no_slots);
    PyObject *plain = PyType_FromSpec(&s);
    show("Plain", plain);
    show_new("Plain.__doc__", PyObject_GetAttrString(plain, "__doc__"));
    show_new("Plain.__module__", PyObject_GetAttrString(plain, "__module__"));
    printf("Plain tp_doc is NULL: %d\n", ((PyTypeObject *)plain)->tp_doc == NULL);
    show("PyType_GetModule(Plain)", PyType_GetModule((PyTypeObject *)plain));
    void *state = PyType_GetModuleState((PyTypeObject *)plain);
    printf("PyType_GetModuleState(Plain): %s, ", state == NULL ? "NULL" : "set");
    show_exc("error");
    show("PyType_GetModuleByDef(Plain)", PyType_GetModuleByDef((PyTypeObject *)plain, &some_def));
    show("PyType_GetModule(int)", PyType_GetModule(&PyLong_Type));
    state = PyType_GetModuleState(&PyLong_Type);
    printf("PyType_GetModuleState(int): %s, ", state == NULL ? "NULL" : "set");
    show_exc("error");
    show("PyType_GetModuleByDef(int)", PyType_GetModuleByDef(&PyLong_Type, &some_def));

    /* A module that is not the one asked for. */
    PyObject *m = PyModule_Create(&some_def);
    s = spec("errs.WithModule", no_slots);
    PyObject *with_module = PyType_FromModuleAndSpec(m, &s, NULL);
    printf("PyType_GetModule(WithModule) is m: %d\n", PyType_GetModule((PyTypeObject *)with_module) == m);
    printf("PyType_GetModuleByDef(WithModule, some_def) is m: %d\n",
           PyType_GetModuleByDef((PyTypeObject *)with_module, &some_def) == m);
    static struct PyModuleDef other_def = {PyModuleDef_HEAD_INIT, "other", NULL, 0, NULL, NULL, NULL, NULL, NULL};
    show("PyType_GetModuleByDef(WithModule, other_def)", PyType_GetModuleByDef((PyTypeObject *)with_module, &other_def));
    printf("PyType_GetModuleState(WithModule) of a module without state: %s\n",
           PyType_GetModuleState((PyTypeObject *)with_module) == NULL ? "NULL" : "set");
    check_no_exc("GetModuleState");

    /* PyType_GetSlot on a static type (allowed since 3.10) and out of range. */
    if (PyType_Ready(&StaticType) < 0) {
        show_exc("PyType_Ready");
        return conf_end();
    }
    show_slot("GetSlot(Static, Py_tp_repr)", &StaticType, Py_tp_repr, (void *)static_repr);
    show_slot("GetSlot(Static, Py_tp_new)", &StaticType, Py_tp_new, (void *)PyType_GenericNew);
    show_slot("GetSlot(Static, Py_nb_add)", &StaticType, Py_nb_add, NULL);
    show_slot("GetSlot(Static, Py_tp_methods)", &StaticType, Py_tp_methods, NULL);
    show_slot("GetSlot(Static, 0)", &StaticType, 0, NULL);
    show_slot("GetSlot(Static, -3)", &StaticType, -3, NULL);
    show_slot("GetSlot(Static, 82)", &StaticType, 82, NULL);
    show_slot("GetSlot(Plain, 1000)", (PyTypeObject *)plain, 1000, NULL);
    show_slot("GetSlot(Plain, Py_sq_item)", (PyTypeObject *)plain, Py_sq_item, NULL);

    Py_XDECREF(with_module);
    Py_XDECREF(m);
    Py_XDECREF(plain);
    return conf_end();
}
