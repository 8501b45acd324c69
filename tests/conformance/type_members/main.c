/* tp_members of a static type: every T_* field read and written through the attribute
   API, READONLY, wrong value types, overflow (with CPython's RuntimeWarnings), deletion,
   T_OBJECT vs T_OBJECT_EX on NULL, the member_descriptor objects, and
   PyMember_GetOne / PyMember_SetOne called directly. */
#include "conformance.h"
#include "structmember.h"
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    char flag;
    char byte;
    unsigned char ubyte;
    short sh;
    unsigned short ush;
    int i;
    unsigned int ui;
    long l;
    unsigned long ul;
    Py_ssize_t ss;
    long long ll;
    unsigned long long ull;
    float f;
    double d;
    char *str;
    char inplace[8];
    char ch;
    PyObject *obj;
    PyObject *objex;
} Rec;

static PyMemberDef rec_members[] = {
    {"flag", T_BOOL, offsetof(Rec, flag), 0, "a bool"},
    {"byte", T_BYTE, offsetof(Rec, byte), 0, NULL},
    {"ubyte", T_UBYTE, offsetof(Rec, ubyte), 0, NULL},
    {"sh", T_SHORT, offsetof(Rec, sh), 0, NULL},
    {"ush", T_USHORT, offsetof(Rec, ush), 0, NULL},
    {"i", T_INT, offsetof(Rec, i), 0, "an int"},
    {"ui", T_UINT, offsetof(Rec, ui), 0, NULL},
    {"l", T_LONG, offsetof(Rec, l), 0, NULL},
    {"ul", T_ULONG, offsetof(Rec, ul), 0, NULL},
    {"ss", T_PYSSIZET, offsetof(Rec, ss), 0, NULL},
    {"ll", T_LONGLONG, offsetof(Rec, ll), 0, NULL},
    {"ull", T_ULONGLONG, offsetof(Rec, ull), 0, NULL},
    {"f", T_FLOAT, offsetof(Rec, f), 0, NULL},
    {"d", T_DOUBLE, offsetof(Rec, d), 0, NULL},
    {"str", T_STRING, offsetof(Rec, str), 0, NULL},
    {"inplace", T_STRING_INPLACE, offsetof(Rec, inplace), 0, NULL},
    {"ch", T_CHAR, offsetof(Rec, ch), 0, NULL},
    {"obj", T_OBJECT, offsetof(Rec, obj), 0, NULL},
    {"objex", T_OBJECT_EX, offsetof(Rec, objex), 0, NULL},
    {"ro_i", T_INT, offsetof(Rec, i), READONLY, "the int, read-only"},
    {"ro_obj", T_OBJECT, offsetof(Rec, obj), READONLY, NULL},
    {"none", T_NONE, 0, 0, NULL},
    {NULL},
};

static void rec_dealloc(PyObject *self)
{
    Rec *r = (Rec *)self;
    Py_XDECREF(r->obj);
    Py_XDECREF(r->objex);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject Rec_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "members.Rec",
    .tp_basicsize = sizeof(Rec),
    .tp_dealloc = rec_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = rec_members,
    .tp_new = PyType_GenericNew,
};

static PyObject *rec;

static void get(const char *name)
{
    char label[64];
    snprintf(label, sizeof label, "r.%s", name);
    show_new(label, PyObject_GetAttrString(rec, name));
}

/* Sets r.name to value (a new reference, released), then shows the field. */
static void set(const char *name, PyObject *value)
{
    char label[96];
    if (value == NULL) {
        show_exc("building the value");
        return;
    }
    PyObject *repr = PyObject_Repr(value);
    snprintf(label, sizeof label, "r.%s = %s", name, repr != NULL ? PyUnicode_AsUTF8(repr) : "?");
    Py_XDECREF(repr);
    if (PyObject_SetAttrString(rec, name, value) < 0) {
        show_exc(label);
    }
    else {
        printf("%s: ok\n", label);
    }
    Py_DECREF(value);
    get(name);
}

static void del(const char *name)
{
    char label[64];
    snprintf(label, sizeof label, "del r.%s", name);
    if (PyObject_DelAttrString(rec, name) < 0) {
        show_exc(label);
    }
    else {
        printf("%s: ok\n", label);
    }
}

static PyObject *big(const char *digits) { return PyLong_FromString(digits, NULL, 0); }

int main(void)
{
    conf_init();
    if (PyType_Ready(&Rec_Type) < 0) {
        show_exc("PyType_Ready");
        return conf_end();
    }
    rec = PyObject_CallNoArgs((PyObject *)&Rec_Type);
    if (rec == NULL) {
        show_exc("Rec()");
        return conf_end();
    }
    Rec *r = (Rec *)rec;
    strcpy(r->inplace, "abc");
    r->ch = 'z';

    printf("-- fresh instance\n");
    for (PyMemberDef *m = rec_members; m->name != NULL; m++) {
        get(m->name);
    }

    printf("-- T_BOOL\n");
    set("flag", Py_NewRef(Py_True));
    set("flag", PyLong_FromLong(1));
    set("flag", Py_NewRef(Py_False));
    printf("-- T_BYTE / T_UBYTE\n");
    set("byte", PyLong_FromLong(-5));
    set("byte", PyLong_FromLong(300));
    set("byte", PyUnicode_FromString("x"));
    set("byte", PyFloat_FromDouble(1.5));
    set("ubyte", PyLong_FromLong(200));
    set("ubyte", PyLong_FromLong(-1));
    printf("-- T_SHORT / T_USHORT\n");
    set("sh", PyLong_FromLong(-1234));
    set("sh", PyLong_FromLong(70000));
    set("ush", PyLong_FromLong(65535));
    set("ush", PyLong_FromLong(-2));
    printf("-- T_INT / T_UINT\n");
    set("i", PyLong_FromLong(-7));
    set("i", PyLong_FromLongLong(1LL << 33));
    set("i", big("1" "0000000000000000000000"));
    set("ui", PyLong_FromLong(4000000000L));
    set("ui", PyLong_FromLong(-1));
    set("ui", Py_NewRef(Py_None));
    printf("-- T_LONG / T_ULONG / T_PYSSIZET\n");
    set("l", PyLong_FromLong(LONG_MIN));
    set("l", big("0x10000000000000000"));
    set("l", PyUnicode_FromString("x"));
    set("ul", PyLong_FromUnsignedLong(ULONG_MAX));
    set("ul", big("0x10000000000000000"));
    set("ss", PyLong_FromSsize_t(PY_SSIZE_T_MAX));
    set("ss", big("-0x8000000000000001"));
    printf("-- T_LONGLONG / T_ULONGLONG\n");
    set("ll", PyLong_FromLongLong(LLONG_MIN));
    set("ll", PyFloat_FromDouble(2.0));
    set("ull", PyLong_FromUnsignedLongLong(ULLONG_MAX));
    set("ull", PyLong_FromLong(-1));
    set("ull", PyLong_FromLong(5));
    set("ull", Py_NewRef(Py_True));
    printf("-- T_FLOAT / T_DOUBLE\n");
    set("f", PyFloat_FromDouble(0.1));
    set("f", PyLong_FromLong(3));
    set("f", PyUnicode_FromString("1.0"));
    set("d", PyFloat_FromDouble(0.1));
    set("d", PyLong_FromLong(-4));
    set("d", Py_NewRef(Py_None));
    printf("-- T_STRING / T_STRING_INPLACE / T_CHAR\n");
    r->str = "hello";
    get("str");
    set("str", PyUnicode_FromString("x"));
    set("inplace", PyUnicode_FromString("x"));
    set("ch", PyUnicode_FromString("q"));
    set("ch", PyUnicode_FromString("ab"));
    set("ch", PyUnicode_FromString(""));
    set("ch", PyBytes_FromString("a"));
    printf("-- T_OBJECT / T_OBJECT_EX\n");
    set("obj", PyLong_FromLong(42));
    set("objex", PyUnicode_FromString("ex"));
    del("obj");
    get("obj");
    del("obj");
    get("obj");
    del("objex");
    get("objex");
    del("objex");
    printf("-- READONLY, T_NONE\n");
    set("ro_i", PyLong_FromLong(1));
    del("ro_i");
    set("ro_obj", PyLong_FromLong(1));
    set("none", PyLong_FromLong(1));
    printf("-- deleting numeric and char fields\n");
    del("i");
    del("flag");
    del("d");
    del("ch");
    del("str");

    printf("-- generic attribute functions\n");
    PyObject *name = PyUnicode_FromString("sh");
    PyObject *v = PyLong_FromLong(12);
    printf("PyObject_GenericSetAttr: %d\n", PyObject_GenericSetAttr(rec, name, v));
    show_new("PyObject_GenericGetAttr", PyObject_GenericGetAttr(rec, name));
    Py_DECREF(v);
    Py_DECREF(name);

    printf("-- the descriptors\n");
    PyObject *type = (PyObject *)&Rec_Type;
    const char *names[] = {"i", "flag", "ro_i", "objex"};
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
        printf("  PyMemberDescr_Type: %d\n", Py_IS_TYPE(descr, &PyMemberDescr_Type));
        Py_DECREF(descr);
    }
    PyObject *descr = PyDescr_NewMember(&Rec_Type, &rec_members[5]);
    show("PyDescr_NewMember", descr);
    Py_XDECREF(descr);

    printf("-- PyMember_GetOne / PyMember_SetOne\n");
    show_new("GetOne(i)", PyMember_GetOne((const char *)rec, &rec_members[5]));
    PyObject *nine = PyLong_FromLong(9);
    printf("SetOne(i, 9): %d\n", PyMember_SetOne((char *)rec, &rec_members[5], nine));
    show_new("GetOne(i)", PyMember_GetOne((const char *)rec, &rec_members[5]));
    printf("SetOne(ro_i, 9): %d\n", PyMember_SetOne((char *)rec, &rec_members[19], nine));
    show_exc("  error");
    PyMemberDef bad = {"bad", 99, 0, 0, NULL};
    show_new("GetOne(type 99)", PyMember_GetOne((const char *)rec, &bad));
    printf("SetOne(type 99): %d\n", PyMember_SetOne((char *)rec, &bad, nine));
    show_exc("  error");
    printf("SetOne(none): %d\n", PyMember_SetOne((char *)rec, &rec_members[21], nine));
    show_exc("  error");
    Py_DECREF(nine);

    Py_DECREF(rec);
    return conf_end();
}
