/* Classes made by type(name, (builtin,), {}) from C: their layout (tp_basicsize,
   tp_dictoffset, tp_weaklistoffset and the managed-dict flag, as CPython 3.11 computes
   them), and instances that are the subclass's, behave as the built-in, and carry an
   instance __dict__ (_PyObject_GetDictPtr finds it). */
#include "conformance.h"

int main(void)
{
    conf_init();
    PyObject *builtins = PyImport_ImportModule("builtins");
    struct { const char *base, *args; } cases[] = {
        { "list", "([ii])" }, { "dict", "({si})" }, { "int", "(i)" }, { "tuple", "((ii))" },
        { "str", "(s)" }, { "float", "(d)" }, { "bytes", "(y)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        printf("-- %s\n", cases[i].base);
        PyObject *base = PyObject_GetAttrString(builtins, cases[i].base);
        PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "Sub", base);
        PyTypeObject *t = (PyTypeObject *)cls;
        printf("basicsize - base's: %zd, dictoffset %zd, weaklistoffset - base's basicsize: %zd, managed dict %d\n",
               t->tp_basicsize - ((PyTypeObject *)base)->tp_basicsize, t->tp_dictoffset,
               t->tp_weaklistoffset ? t->tp_weaklistoffset - ((PyTypeObject *)base)->tp_basicsize : -1,
               (t->tp_flags & Py_TPFLAGS_MANAGED_DICT) != 0);
        PyObject *inst;
        if (strcmp(cases[i].base, "list") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, 1, 2);
        } else if (strcmp(cases[i].base, "dict") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, "a", 1);
        } else if (strcmp(cases[i].base, "int") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, -123456);
        } else if (strcmp(cases[i].base, "tuple") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, 1, 2);
        } else if (strcmp(cases[i].base, "str") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, "text");
        } else if (strcmp(cases[i].base, "float") == 0) {
            inst = PyObject_CallFunction(cls, cases[i].args, 2.5);
        } else {
            inst = PyObject_CallFunction(cls, cases[i].args, "abc");
        }
        show("instance", inst);
        show_type("type", inst);
        printf("is a %s: %d\n", cases[i].base, PyObject_IsInstance(inst, base));
        printf("dict pointer before: %s\n", _PyObject_GetDictPtr(inst) == NULL ? "NULL" : "set");
        printf("setattr tag: %d\n", PyObject_SetAttrString(inst, "tag", PyLong_FromLong((long)i)));
        show_new("getattr tag", PyObject_GetAttrString(inst, "tag"));
        show_new("__dict__", PyObject_GetAttrString(inst, "__dict__"));
        PyObject **dictptr = _PyObject_GetDictPtr(inst);
        printf("dict pointer holds the dict: %d\n", dictptr != NULL && *dictptr != NULL && PyDict_Check(*dictptr) &&
                                                    PyDict_GetItemString(*dictptr, "tag") != NULL);
        show("instance after", inst);
        Py_DECREF(inst);
        Py_DECREF(cls);
        Py_DECREF(base);
    }
    PyGC_Collect();
    Py_DECREF(builtins);
    return conf_end();
}
