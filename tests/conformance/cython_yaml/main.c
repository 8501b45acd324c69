/* A real Cython binary: Debian's PyYAML accelerator (yaml/_yaml.cpython-311-x86_64-linux-gnu.so,
   Cython 0.29 output compiled for CPython 3.11, package python3-yaml), loaded unmodified.
   The pure-Python half of PyYAML cannot run here (there is no interpreter), so this host
   stands in for it: a `yaml` package whose submodules hold the token, event, node, mark and
   error classes _yaml.pyx uses, each a class that records its constructor's arguments.
   Then it scans, parses and composes documents and emits events back to text. */
#include "conformance.h"

#define YAML_DIR "/usr/lib/python3/dist-packages/yaml"

/* Record.__init__(self, *args, **kwargs): keeps the arguments as self.args / self.kwargs. */
static PyObject *record_init(PyObject *unused, PyObject *args, PyObject *kwargs)
{
    PyObject *self = PyTuple_GetItem(args, 0);
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    int failed = PyObject_SetAttrString(self, "args", rest) < 0 ||
                 PyObject_SetAttrString(self, "kwargs", kwargs ? kwargs : Py_None) < 0;
    Py_DECREF(rest);
    return failed ? NULL : Py_NewRef(Py_None);
}

static PyMethodDef record_init_def = { "__init__", (PyCFunction)(void (*)(void))record_init,
                                       METH_VARARGS | METH_KEYWORDS, NULL };

static PyObject *make_class(const char *name, PyObject *base)
{
    PyObject *ns = PyDict_New();
    if (base == NULL) {
        PyObject *f = PyCFunction_NewEx(&record_init_def, NULL, NULL);
        PyDict_SetItemString(ns, "__init__", PyInstanceMethod_New(f));
        Py_DECREF(f);
    }
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)N", name, base ? base : (PyObject *)&PyBaseObject_Type, ns);
    if (cls == NULL) {
        show_exc(name);
    }
    return cls;
}

/* yaml.<module>, with the named classes (errors derive from yaml.error.YAMLError). */
static PyObject *add_module(PyObject *yaml, const char *short_name, const char *const *classes, PyObject *error_base)
{
    char full[64];
    snprintf(full, sizeof full, "yaml.%s", short_name);
    PyObject *m = PyModule_New(full);
    for (; *classes != NULL; classes++) {
        PyModule_AddObject(m, *classes, make_class(*classes, error_base));
    }
    PyDict_SetItemString(PyImport_GetModuleDict(), full, m);
    PyModule_AddObject(yaml, short_name, Py_NewRef(m));
    return m;
}

static void install_fake_yaml(void)
{
    PyObject *yaml = PyModule_New("yaml");
    PyDict_SetItemString(PyImport_GetModuleDict(), "yaml", yaml);
    PyObject *yaml_error = PyErr_NewException("yaml.error.YAMLError", NULL, NULL);
    static const char *const error_classes[] = { "Mark", NULL };
    PyObject *error = add_module(yaml, "error", error_classes, NULL);
    PyModule_AddObject(error, "YAMLError", yaml_error);
    static const char *const none[] = { NULL };
    const char *error_modules[][2] = { { "reader", "ReaderError" }, { "scanner", "ScannerError" },
                                       { "parser", "ParserError" }, { "composer", "ComposerError" },
                                       { "constructor", "ConstructorError" }, { "emitter", "EmitterError" },
                                       { "serializer", "SerializerError" }, { "representer", "RepresenterError" } };
    for (size_t i = 0; i < sizeof error_modules / sizeof *error_modules; i++) {
        PyObject *m = add_module(yaml, error_modules[i][0], none, NULL);
        PyModule_AddObject(m, error_modules[i][1],
                           PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", error_modules[i][1], yaml_error));
    }
    static const char *const tokens[] = {
        "StreamStartToken", "StreamEndToken", "DirectiveToken", "DocumentStartToken", "DocumentEndToken",
        "BlockSequenceStartToken", "BlockMappingStartToken", "BlockEndToken", "FlowSequenceStartToken",
        "FlowMappingStartToken", "FlowSequenceEndToken", "FlowMappingEndToken", "KeyToken", "ValueToken",
        "BlockEntryToken", "FlowEntryToken", "AliasToken", "AnchorToken", "TagToken", "ScalarToken", NULL };
    add_module(yaml, "tokens", tokens, NULL);
    static const char *const events[] = { "StreamStartEvent", "StreamEndEvent", "DocumentStartEvent",
                                          "DocumentEndEvent", "AliasEvent", "ScalarEvent", "SequenceStartEvent",
                                          "SequenceEndEvent", "MappingStartEvent", "MappingEndEvent", NULL };
    add_module(yaml, "events", events, NULL);
    static const char *const nodes[] = { "ScalarNode", "SequenceNode", "MappingNode", NULL };
    add_module(yaml, "nodes", nodes, NULL);
    Py_DECREF(yaml);
}

/* A value as text: a recorded object as Name(args..., key=value...), a Mark as
   Mark(line:column), lists and tuples item by item. */
static void write_value(PyObject *o)
{
    if (PyObject_HasAttrString(o, "line") && PyObject_HasAttrString(o, "column")) {
        PyObject *line = PyObject_GetAttrString(o, "line"), *column = PyObject_GetAttrString(o, "column");
        printf("Mark(%ld:%ld)", PyLong_AsLong(line), PyLong_AsLong(column));
        Py_DECREF(line);
        Py_DECREF(column);
        return;
    }
    if (PyList_Check(o) || PyTuple_Check(o)) {
        PyObject *fast = PySequence_Fast(o, "");
        printf(PyList_Check(o) ? "[" : "(");
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
            printf(i ? ", " : "");
            write_value(PySequence_Fast_GET_ITEM(fast, i));
        }
        printf(PyList_Check(o) ? "]" : ")");
        Py_DECREF(fast);
        return;
    }
    PyObject *args = PyObject_HasAttrString(o, "kwargs") ? PyObject_GetAttrString(o, "args") : NULL;
    if (args == NULL) {
        PyObject *r = PyObject_Repr(o);
        conf_write_str(r);
        Py_DECREF(r);
        return;
    }
    printf("%s", Py_TYPE(o)->tp_name);
    write_value(args);
    PyObject *kwargs = PyObject_GetAttrString(o, "kwargs");
    if (kwargs != Py_None && PyDict_Size(kwargs) > 0) {
        printf("+");
        PyObject *r = PyObject_Repr(kwargs);
        conf_write_str(r);
        Py_DECREF(r);
    }
    Py_DECREF(kwargs);
    Py_DECREF(args);
}

static void show_record(const char *label, PyObject *o)
{
    if (o == NULL) {
        show(label, o);
        return;
    }
    printf("%s: ", label);
    write_value(o);
    printf("\n");
}

/* The resolver methods CParser.get_single_node calls on itself (PyYAML's Resolver mixin):
   every node is tagged "!" + its kind's name. */
static PyObject *resolver_noop(PyObject *unused, PyObject *args)
{
    return Py_NewRef(Py_None);
}

static PyObject *resolve(PyObject *unused, PyObject *args)
{
    PyObject *kind = PyTuple_GetItem(args, 1);
    return kind ? PyUnicode_FromFormat("!%s", ((PyTypeObject *)kind)->tp_name) : NULL;
}

static PyMethodDef resolver_defs[] = {
    { "descend_resolver", resolver_noop, METH_VARARGS, NULL },
    { "ascend_resolver", resolver_noop, METH_VARARGS, NULL },
    { "resolve", resolve, METH_VARARGS, NULL },
};

/* class Loader(CParser) with the resolver methods. */
static PyObject *make_loader(PyObject *mod)
{
    PyObject *ns = PyDict_New();
    for (size_t i = 0; i < sizeof resolver_defs / sizeof *resolver_defs; i++) {
        PyObject *f = PyCFunction_NewEx(&resolver_defs[i], NULL, NULL);
        PyDict_SetItemString(ns, resolver_defs[i].ml_name, PyInstanceMethod_New(f));
        Py_DECREF(f);
    }
    PyObject *cparser = PyObject_GetAttrString(mod, "CParser");
    PyObject *loader = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)N", "Loader", cparser, ns);
    Py_DECREF(cparser);
    return loader;
}

static void drain(PyObject *parser, const char *method)
{
    for (int i = 0; i < 40; i++) {
        PyObject *item = PyObject_CallMethod(parser, method, NULL);
        if (item == NULL) {
            /* The error's arguments hold Marks: written field by field, not by repr. */
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            PyErr_NormalizeException(&type, &value, &tb);
            printf("%s raised %s", method, ((PyTypeObject *)type)->tp_name);
            PyObject *args = PyObject_GetAttrString(value, "args");
            write_value(args);
            printf("\n");
            Py_DECREF(args);
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            return;
        }
        if (item == Py_None) {
            Py_DECREF(item);
            return;
        }
        show_record(method, item);
        Py_DECREF(item);
    }
}

int main(void)
{
    conf_init();
    install_fake_yaml();
    PyObject *path = PySys_GetObject("path");
    PyList_Insert(path, 0, PyUnicode_FromString(YAML_DIR));
    PyObject *mod = PyImport_ImportModule("_yaml");
    if (mod == NULL) {
        PyErr_Print();
        return 1;
    }
    show_new("get_version_string() type", PyObject_Type(PyObject_CallMethod(mod, "get_version_string", NULL)));
    show_type("CParser", PyObject_GetAttrString(mod, "CParser"));

    const char *doc = "name: libpycapi\nversion: 3.11\nitems: [1, two, {k: v}]\nnested:\n  - a\n  - &x b\n  - *x\n";
    PyObject *parser = PyObject_CallMethod(mod, "CParser", "s", doc);
    drain(parser, "get_token");
    Py_DECREF(parser);
    parser = PyObject_CallMethod(mod, "CParser", "s", doc);
    drain(parser, "get_event");
    Py_DECREF(parser);
    PyObject *loader = make_loader(mod);
    parser = PyObject_CallFunction(loader, "s", doc);
    PyObject *node = PyObject_CallMethod(parser, "get_single_node", NULL);
    show_record("get_single_node", node);
    Py_XDECREF(node);
    Py_DECREF(parser);

    /* Bytes input, then errors from libyaml turned into the stand-in error classes. */
    parser = PyObject_CallFunction(loader, "y", "- x\n- y\n");
    show_record("bytes input node", PyObject_CallMethod(parser, "get_single_node", NULL));
    Py_DECREF(parser);
    parser = PyObject_CallMethod(mod, "CParser", "s", "a: [1, 2\nb: c\n");
    drain(parser, "get_event");
    Py_DECREF(parser);
    show_new("CParser(42)", PyObject_CallMethod(mod, "CParser", "i", 42));
    conf_end();
    return 0;
}
