/* Struct sequences from C: a static type (PyStructSequence_InitType2) and a heap type
   (PyStructSequence_NewType) with hidden and unnamed fields; instances as tuples of their
   visible fields, named attributes (hidden ones too), repr, equality and hash as the
   tuple's, and the counts in the type's dict. */
#include "conformance.h"

static PyStructSequence_Field point_fields[] = {
    { "x", "the x coordinate" }, { "y", "the y coordinate" }, { "label", "a hidden label" }, { NULL, NULL },
};
static PyStructSequence_Desc point_desc = { "geo.Point", "A point.", point_fields, 2 };
static PyTypeObject Point_Type;

static PyStructSequence_Field stat_fields[] = {
    { "size", NULL }, { NULL, NULL }, { "mtime", NULL }, { "extra", NULL }, { NULL, NULL },
};

static PyObject *make_point(PyTypeObject *type, long x, long y, const char *label)
{
    PyObject *p = PyStructSequence_New(type);
    if (p == NULL) {
        return NULL;
    }
    PyStructSequence_SetItem(p, 0, PyLong_FromLong(x));
    PyStructSequence_SET_ITEM(p, 1, PyLong_FromLong(y));
    PyStructSequence_SetItem(p, 2, PyUnicode_FromString(label));
    return p;
}

int main(void)
{
    conf_init();
    stat_fields[1].name = PyStructSequence_UnnamedField;
    stat_fields[1].doc = NULL;

    printf("-- static type\n");
    printf("InitType2: %d\n", PyStructSequence_InitType2(&Point_Type, &point_desc));
    PyObject *type = (PyObject *)&Point_Type;
    show("type", type);
    show_new("__name__", PyObject_GetAttrString(type, "__name__"));
    show_new("__module__", PyObject_GetAttrString(type, "__module__"));
    show_new("__doc__", PyObject_GetAttrString(type, "__doc__"));
    show_new("n_sequence_fields", PyObject_GetAttrString(type, "n_sequence_fields"));
    show_new("n_fields", PyObject_GetAttrString(type, "n_fields"));
    show_new("n_unnamed_fields", PyObject_GetAttrString(type, "n_unnamed_fields"));
    show_new("__match_args__", PyObject_GetAttrString(type, "__match_args__"));
    printf("subclass of tuple: %d, heap type: %d\n", PyType_IsSubtype(&Point_Type, &PyTuple_Type),
           (PyType_GetFlags(&Point_Type) & Py_TPFLAGS_HEAPTYPE) != 0);

    PyObject *p = make_point(&Point_Type, 3, 4, "home");
    show("p", p);
    show_ll("len(p)", PyObject_Size(p));
    printf("PyTuple_Check %d, PyTuple_CheckExact %d\n", PyTuple_Check(p), PyTuple_CheckExact(p));
    show_new("p.x", PyObject_GetAttrString(p, "x"));
    show_new("p.label (hidden)", PyObject_GetAttrString(p, "label"));
    show_new("p[1]", PySequence_GetItem(p, 1));
    show_new("p[2] (past the visible ones)", PySequence_GetItem(p, 2));
    show_new("tuple(p)", PySequence_Tuple(p));
    show_new("list(p)", PySequence_List(p));
    show("PyStructSequence_GetItem(p, 2)", PyStructSequence_GetItem(p, 2));
    PyObject *same = Py_BuildValue("(ii)", 3, 4);
    show_ll("p == (3, 4)", PyObject_RichCompareBool(p, same, Py_EQ));
    show_ll("hash(p) == hash((3, 4))", PyObject_Hash(p) == PyObject_Hash(same));
    printf("p.x = 1: %d, ", PyObject_SetAttrString(p, "x", Py_None));
    show_exc("error");
    show_new("p.z", PyObject_GetAttrString(p, "z"));

    printf("-- heap type with an unnamed field\n");
    PyStructSequence_Desc stat_desc = { "fs.Stat", NULL, stat_fields, 2 };
    PyTypeObject *stat = PyStructSequence_NewType(&stat_desc);
    show("type", (PyObject *)stat);
    printf("heap type: %d\n", (PyType_GetFlags(stat) & Py_TPFLAGS_HEAPTYPE) != 0);
    show_new("n_fields", PyObject_GetAttrString((PyObject *)stat, "n_fields"));
    show_new("n_unnamed_fields", PyObject_GetAttrString((PyObject *)stat, "n_unnamed_fields"));
    show_new("__match_args__", PyObject_GetAttrString((PyObject *)stat, "__match_args__"));
    PyObject *s = PyStructSequence_New(stat);
    for (int i = 0; i < 4; i++) {
        PyStructSequence_SetItem(s, i, PyLong_FromLong(10 * (i + 1)));
    }
    show_ll("len(s)", PyObject_Size(s));
    show_new("s.size", PyObject_GetAttrString(s, "size"));
    show_new("s.mtime", PyObject_GetAttrString(s, "mtime"));
    show_new("s.extra", PyObject_GetAttrString(s, "extra"));
    show_new("tuple(s)", PySequence_Tuple(s));

    Py_DECREF(s);
    Py_DECREF(stat);
    Py_DECREF(same);
    Py_DECREF(p);
    PyGC_Collect();
    return conf_end();
}
