/* C types subclassing built-in types: list and dict subclasses with fields of their own,
   int and tuple subclasses (variable-size: instances through tp_alloc with items), an
   Exception subclass whose struct starts with PyBaseExceptionObject, a metaclass (a C
   subclass of type). Their instances work with the built-in's C API and as the built-in
   in the object space; the built-in types' tp_new/tp_init called from C, object's with
   its messages. */
#include "conformance.h"
#include "structmember.h"

static void show_attr(const char *label, PyObject *o, const char *name)
{
    show_new(label, PyObject_GetAttrString(o, name));
}

/* The new object's type (or the exception), then the reference is released. */
static void show_instance(const char *label, PyObject *o)
{
    if (o == NULL) {
        show(label, NULL);
        return;
    }
    show_type(label, o);
    Py_DECREF(o);
}

static void show_call_method(const char *label, PyObject *o, const char *name)
{
    show_new(label, PyObject_CallMethod(o, name, NULL));
}

/* ---- list ---- */

typedef struct {
    PyListObject list;
    long state;
} MyListObject;

static int mylist_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (PyList_Type.tp_init(self, args, kwds) < 0) { /* super().__init__ */
        return -1;
    }
    ((MyListObject *)self)->state = 7;
    return 0;
}

static PyObject *mylist_increment(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(++((MyListObject *)self)->state);
}

static PyMethodDef mylist_methods[] = {
    {"increment", mylist_increment, METH_NOARGS, NULL},
    {NULL},
};

static PyTypeObject MyList_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyList",
    .tp_basicsize = sizeof(MyListObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_init = mylist_init,
    .tp_methods = mylist_methods,
};

static void list_subclass(void)
{
    printf("-- list\n");
    MyList_Type.tp_base = &PyList_Type;
    show_ll("ready", PyType_Ready(&MyList_Type));
    show_ll("tp_new is PyType_GenericNew", MyList_Type.tp_new == PyType_GenericNew);
    show_ll("LIST_SUBCLASS flag", PyType_HasFeature(&MyList_Type, Py_TPFLAGS_LIST_SUBCLASS));
    PyObject *l = PyObject_CallFunction((PyObject *)&MyList_Type, "((iii))", 1, 2, 3);
    show("MyList((1, 2, 3))", l);
    if (l == NULL) {
        return;
    }
    show_type("type", l);
    show_ll("state", ((MyListObject *)l)->state);
    show_ll("PyList_Check", PyList_Check(l));
    show_ll("PyList_CheckExact", PyList_CheckExact(l));
    show_ll("isinstance list", PyObject_IsInstance(l, (PyObject *)&PyList_Type));
    PyObject *four = PyLong_FromLong(4);
    show_ll("PyList_Append", PyList_Append(l, four));
    Py_DECREF(four);
    show_ll("PyList_GET_SIZE", PyList_GET_SIZE(l));
    show("PyList_GET_ITEM(3)", PyList_GET_ITEM(l, 3));
    show("PyList_GetItem(0)", PyList_GetItem(l, 0));
    show_ll("PyObject_Length", PyObject_Length(l));
    show("after append", l);
    show_new("l.append(5)", PyObject_CallMethod(l, "append", "i", 5));
    show_ll("size after method", PyList_GET_SIZE(l));
    show_new("PySequence_GetItem(-1)", PySequence_GetItem(l, -1));
    show_new("list(l)", PySequence_List(l));
    show_new("l[1:3]", PySequence_GetSlice(l, 1, 3));
    long sum = 0;
    PyObject *it = PyObject_GetIter(l), *item;
    while (it != NULL && (item = PyIter_Next(it)) != NULL) {
        sum += PyLong_AsLong(item);
        Py_DECREF(item);
    }
    Py_XDECREF(it);
    show_ll("sum by iteration", sum);
    show_call_method("increment", l, "increment");
    show_ll("state after", ((MyListObject *)l)->state);
    show_new("str(l)", PyObject_Str(l));
    show_ll("contains 3", PySequence_Contains(l, PyList_GET_ITEM(l, 2)));
    show_ll("set attribute", PyObject_SetAttrString(l, "x", Py_None));
    PyObject *empty = PyTuple_New(0);
    show_ll("re-init", mylist_init(l, empty, NULL));
    Py_DECREF(empty);
    show("after re-init", l);
    Py_DECREF(l);

    show_new("MyList(1)", PyObject_CallFunction((PyObject *)&MyList_Type, "i", 1));
    show_new("MyList(1, 2)", PyObject_CallFunction((PyObject *)&MyList_Type, "ii", 1, 2));
    PyObject *args = PyTuple_New(0), *kw = Py_BuildValue("{si}", "a", 1);
    show_new("MyList(a=1)", PyObject_Call((PyObject *)&MyList_Type, args, kw));

    PyObject *plain = PyList_Type.tp_new(&PyList_Type, args, NULL);
    show("PyList_Type.tp_new", plain);
    if (plain != NULL) {
        show_ll("exact", PyList_CheckExact(plain));
        PyObject *init_args = Py_BuildValue("(s)", "ab");
        show_ll("PyList_Type.tp_init", PyList_Type.tp_init(plain, init_args, NULL));
        show("filled", plain);
        show_ll("tp_init again, bad", PyList_Type.tp_init(plain, args, kw));
        show("kept", plain);
        Py_DECREF(init_args);
        Py_DECREF(plain);
    }
    Py_DECREF(kw);
    Py_DECREF(args);
}

/* ---- dict ---- */

typedef struct {
    PyDictObject dict;
    long hits;
} MyDictObject;

static PyObject *mydict_hit(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(++((MyDictObject *)self)->hits);
}

static PyMethodDef mydict_methods[] = {
    {"hit", mydict_hit, METH_NOARGS, NULL},
    {NULL},
};

static PyTypeObject MyDict_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyDict",
    .tp_basicsize = sizeof(MyDictObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = mydict_methods,
};

static void dict_subclass(void)
{
    printf("-- dict\n");
    MyDict_Type.tp_base = &PyDict_Type;
    show_ll("ready", PyType_Ready(&MyDict_Type));
    PyObject *args = Py_BuildValue("([(si)])", "a", 1), *kw = Py_BuildValue("{si}", "b", 2);
    PyObject *d = PyObject_Call((PyObject *)&MyDict_Type, args, kw);
    show("MyDict([('a', 1)], b=2)", d);
    Py_DECREF(args);
    Py_DECREF(kw);
    if (d == NULL) {
        return;
    }
    show_type("type", d);
    show_ll("PyDict_Check", PyDict_Check(d));
    show_ll("PyDict_CheckExact", PyDict_CheckExact(d));
    PyObject *three = PyLong_FromLong(3);
    show_ll("PyDict_SetItemString", PyDict_SetItemString(d, "c", three));
    Py_DECREF(three);
    show("PyDict_GetItemString(c)", PyDict_GetItemString(d, "c"));
    show("PyDict_GetItemString(a)", PyDict_GetItemString(d, "a"));
    show_ll("PyDict_Size", PyDict_Size(d));
    show_ll("PyObject_Length", PyObject_Length(d));
    show_new("keys()", PyObject_CallMethod(d, "keys", NULL));
    show_new("PyDict_Keys", PyDict_Keys(d));
    show_call_method("hit", d, "hit");
    show_call_method("hit", d, "hit");
    show_ll("hits field", ((MyDictObject *)d)->hits);
    show_ll("PyDict_DelItemString", PyDict_DelItemString(d, "a"));
    show("after del", d);
    show_new("d['b']", PyObject_GetItem(d, PyUnicode_FromString("b")));
    Py_DECREF(d);

    show_new("MyDict(1)", PyObject_CallFunction((PyObject *)&MyDict_Type, "i", 1));
    show_new("MyDict({}, {})", PyObject_CallFunction((PyObject *)&MyDict_Type, "{}{}"));
    args = PyTuple_New(0);
    PyObject *plain = PyDict_Type.tp_new(&PyDict_Type, args, NULL);
    show("PyDict_Type.tp_new", plain);
    if (plain != NULL) {
        PyObject *init_args = Py_BuildValue("({si})", "k", 9);
        show_ll("PyDict_Type.tp_init", PyDict_Type.tp_init(plain, init_args, NULL));
        show("filled", plain);
        show_ll("exact", PyDict_CheckExact(plain));
        Py_DECREF(init_args);
        Py_DECREF(plain);
    }
    Py_DECREF(args);
}

/* ---- int ---- */

static PyTypeObject MyInt_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyInt",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static void int_subclass(void)
{
    printf("-- int\n");
    MyInt_Type.tp_base = &PyLong_Type;
    show_ll("ready", PyType_Ready(&MyInt_Type));
    show_ll("basicsize and itemsize as int's",
            MyInt_Type.tp_basicsize == PyLong_Type.tp_basicsize && MyInt_Type.tp_itemsize == PyLong_Type.tp_itemsize);
    PyObject *i = PyObject_CallFunction((PyObject *)&MyInt_Type, "i", 42);
    show("MyInt(42)", i);
    if (i != NULL) {
        show_type("type", i);
        show_ll("PyLong_AsLong", PyLong_AsLong(i));
        show_ll("PyLong_Check", PyLong_Check(i));
        show_ll("PyLong_CheckExact", PyLong_CheckExact(i));
        show_ll("Py_SIZE", Py_SIZE(i));
        PyObject *one = PyLong_FromLong(1);
        PyObject *sum = PyNumber_Add(i, one);
        show("i + 1", sum);
        show_type("type(i + 1)", sum);
        Py_XDECREF(sum);
        Py_DECREF(one);
        show_ll("hash", PyObject_Hash(i));
        show_new("str", PyObject_Str(i));
        Py_DECREF(i);
    }
    show_new("MyInt('-123456789012345678901234567890')",
             PyObject_CallFunction((PyObject *)&MyInt_Type, "s", "-123456789012345678901234567890"));
    PyObject *big = PyObject_CallFunction((PyObject *)&MyInt_Type, "si", "ff", 16);
    show("MyInt('ff', 16)", big);
    if (big != NULL) {
        show_ll("PyLong_AsLong", PyLong_AsLong(big));
        Py_DECREF(big);
    }
    show_new("MyInt()", PyObject_CallNoArgs((PyObject *)&MyInt_Type));
    show_new("MyInt('x')", PyObject_CallFunction((PyObject *)&MyInt_Type, "s", "x"));
    PyObject *args = Py_BuildValue("(s)", "7");
    show_new("PyLong_Type.tp_new", PyLong_Type.tp_new(&PyLong_Type, args, NULL));
    show_new("PyLong_Type.tp_new(MyInt)", PyLong_Type.tp_new(&MyInt_Type, args, NULL));
    Py_DECREF(args);
}

/* ---- tuple ---- */

static PyTypeObject MyTuple_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyTuple",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static void tuple_subclass(void)
{
    printf("-- tuple\n");
    MyTuple_Type.tp_base = &PyTuple_Type;
    show_ll("ready", PyType_Ready(&MyTuple_Type));
    PyObject *t = PyObject_CallFunction((PyObject *)&MyTuple_Type, "([sii])", "a", 2, 3);
    show("MyTuple(['a', 2, 3])", t);
    if (t != NULL) {
        show_type("type", t);
        show_ll("PyTuple_Check", PyTuple_Check(t));
        show_ll("PyTuple_CheckExact", PyTuple_CheckExact(t));
        show_ll("PyTuple_GET_SIZE", PyTuple_GET_SIZE(t));
        show("PyTuple_GET_ITEM(0)", PyTuple_GET_ITEM(t, 0));
        show_new("t[1:]", PySequence_GetSlice(t, 1, 3));
        show_ll("count(2)", PySequence_Count(t, PyTuple_GET_ITEM(t, 1)));
        Py_DECREF(t);
    }
    show_new("MyTuple()", PyObject_CallNoArgs((PyObject *)&MyTuple_Type));
    show_new("MyTuple(5)", PyObject_CallFunction((PyObject *)&MyTuple_Type, "i", 5));
    PyObject *args = Py_BuildValue("(s)", "xy");
    show_new("PyTuple_Type.tp_new", PyTuple_Type.tp_new(&PyTuple_Type, args, NULL));
    Py_DECREF(args);
}

/* ---- str ---- */

typedef struct {
    PyUnicodeObject str;
    long extra;
} MyStrObject;

static PyTypeObject MyStr_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyStr",
    .tp_basicsize = sizeof(MyStrObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static void str_subclass(void)
{
    printf("-- str\n");
    MyStr_Type.tp_base = &PyUnicode_Type;
    show_ll("ready", PyType_Ready(&MyStr_Type));
    PyObject *s = PyObject_CallFunction((PyObject *)&MyStr_Type, "s", "h\xc3\xa9llo");
    show("MyStr('h\\xe9llo')", s);
    if (s != NULL) {
        show_type("type", s);
        ((MyStrObject *)s)->extra = 12;
        show_ll("PyUnicode_Check", PyUnicode_Check(s));
        show_ll("PyUnicode_CheckExact", PyUnicode_CheckExact(s));
        show_ll("PyUnicode_GET_LENGTH", PyUnicode_GET_LENGTH(s));
        show_ll("PyUnicode_READ_CHAR(1)", PyUnicode_READ_CHAR(s, 1));
        show_cstr("PyUnicode_AsUTF8", PyUnicode_AsUTF8(s));
        show_new("upper()", PyObject_CallMethod(s, "upper", NULL));
        PyObject *bang = PyUnicode_FromString("!");
        PyObject *cat = PyNumber_Add(s, bang);
        show("s + '!'", cat);
        show_type("its type", cat);
        Py_XDECREF(cat);
        Py_DECREF(bang);
        PyObject *exact = PyUnicode_FromString("h\xc3\xa9llo");
        show_ll("equal hashes", PyObject_Hash(s) == PyObject_Hash(exact));
        show_ll("PyUnicode_Compare", PyUnicode_Compare(s, exact));
        PyObject *d = PyDict_New();
        show_ll("PyDict_SetItem(s)", PyDict_SetItem(d, s, Py_True));
        show("found by the exact str", PyDict_GetItemWithError(d, exact));
        Py_DECREF(d);
        Py_DECREF(exact);
        show_ll("extra field", ((MyStrObject *)s)->extra);
        Py_DECREF(s);
    }
    PyObject *a = PyObject_CallFunction((PyObject *)&MyStr_Type, "s", "abc");
    show("MyStr('abc')", a);
    if (a != NULL) {
        show_ll("PyUnicode_IS_ASCII", PyUnicode_IS_ASCII(a));
        show_cstr("PyUnicode_AsUTF8", PyUnicode_AsUTF8(a));
        Py_DECREF(a);
    }
    show_new("MyStr(42)", PyObject_CallFunction((PyObject *)&MyStr_Type, "i", 42));
    show_new("MyStr(b'xy', 'ascii')", PyObject_CallFunction((PyObject *)&MyStr_Type, "ys", "xy", "ascii"));
    show_new("MyStr()", PyObject_CallNoArgs((PyObject *)&MyStr_Type));
    show_new("MyStr(b'\\xff', 'ascii')", PyObject_CallFunction((PyObject *)&MyStr_Type, "ys", "\xff", "ascii"));
    PyObject *args = Py_BuildValue("(s)", "plain");
    show_new("PyUnicode_Type.tp_new", PyUnicode_Type.tp_new(&PyUnicode_Type, args, NULL));
    Py_DECREF(args);
}

/* ---- float and bytes ---- */

static PyTypeObject MyFloat_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyFloat",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static PyTypeObject MyBytes_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyBytes",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static void float_bytes_subclasses(void)
{
    printf("-- float and bytes\n");
    MyFloat_Type.tp_base = &PyFloat_Type;
    MyBytes_Type.tp_base = &PyBytes_Type;
    show_ll("ready", PyType_Ready(&MyFloat_Type) + PyType_Ready(&MyBytes_Type));
    PyObject *f = PyObject_CallFunction((PyObject *)&MyFloat_Type, "s", "2.5");
    show("MyFloat('2.5')", f);
    if (f != NULL) {
        show_type("type", f);
        show_double("ob_fval", PyFloat_AS_DOUBLE(f));
        show_double("PyFloat_AsDouble", PyFloat_AsDouble(f));
        show_ll("PyFloat_Check, exact", PyFloat_Check(f) * 10 + PyFloat_CheckExact(f));
        show_new("f * 2", PyNumber_Multiply(f, PyLong_FromLong(2)));
        Py_DECREF(f);
    }
    show_new("MyFloat('x')", PyObject_CallFunction((PyObject *)&MyFloat_Type, "s", "x"));
    PyObject *b = PyObject_CallFunction((PyObject *)&MyBytes_Type, "y#", "a\0b", (Py_ssize_t)3);
    show("MyBytes(b'a\\x00b')", b);
    if (b != NULL) {
        show_type("type", b);
        show_ll("PyBytes_GET_SIZE", PyBytes_GET_SIZE(b));
        show_ll("PyBytes_AS_STRING[2], terminator", PyBytes_AS_STRING(b)[2] * 1000 + PyBytes_AS_STRING(b)[3]);
        show_ll("PyBytes_Check, exact", PyBytes_Check(b) * 10 + PyBytes_CheckExact(b));
        show_new("decode()", PyObject_CallMethod(b, "decode", NULL));
        Py_DECREF(b);
    }
    show_new("MyBytes(3)", PyObject_CallFunction((PyObject *)&MyBytes_Type, "i", 3));
    show_new("MyBytes('x')", PyObject_CallFunction((PyObject *)&MyBytes_Type, "s", "x"));
}

/* ---- Exception ---- */

static int error_deallocs;

typedef struct {
    PyBaseExceptionObject base;
    long code;
} MyErrorObject;

static int myerror_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (((PyTypeObject *)PyExc_Exception)->tp_init(self, args, kwds) < 0) {
        return -1;
    }
    ((MyErrorObject *)self)->code = 100 + PyTuple_GET_SIZE(args);
    return 0;
}

static void myerror_dealloc(PyObject *self)
{
    error_deallocs++;
    ((PyTypeObject *)PyExc_Exception)->tp_dealloc(self);
}

/* Its own str(); repr() stays BaseException's. */
static PyObject *myerror_str(PyObject *self)
{
    return PyUnicode_FromFormat("[code %ld] %S", ((MyErrorObject *)self)->code, ((PyBaseExceptionObject *)self)->args);
}

static PyMemberDef myerror_members[] = {
    {"code", T_LONG, offsetof(MyErrorObject, code), 0, NULL},
    {NULL},
};

static PyTypeObject MyError_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.MyError",
    .tp_basicsize = sizeof(MyErrorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_init = myerror_init,
    .tp_dealloc = myerror_dealloc,
    .tp_str = myerror_str,
    .tp_members = myerror_members,
};

static void exception_subclass(void)
{
    printf("-- Exception\n");
    MyError_Type.tp_base = (PyTypeObject *)PyExc_Exception;
    show_ll("ready", PyType_Ready(&MyError_Type));
    show_ll("PyExceptionClass_Check", PyExceptionClass_Check((PyObject *)&MyError_Type));
    show_ll("issubclass Exception", PyObject_IsSubclass((PyObject *)&MyError_Type, PyExc_Exception));
    PyObject *e = PyObject_CallFunction((PyObject *)&MyError_Type, "si", "boom", 3);
    show("MyError('boom', 3)", e);
    if (e == NULL) {
        return;
    }
    show_str("str", e);
    show_ll("code field", ((MyErrorObject *)e)->code);
    show("args field", ((PyBaseExceptionObject *)e)->args);
    show_attr("e.args", e, "args");
    show_attr("e.code", e, "code");
    show_ll("PyExceptionInstance_Check", PyExceptionInstance_Check(e));

    PyErr_SetObject((PyObject *)&MyError_Type, e);
    int matches[3] = {PyErr_ExceptionMatches((PyObject *)&MyError_Type), PyErr_ExceptionMatches(PyExc_Exception),
                      PyErr_ExceptionMatches(PyExc_ValueError)};
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    printf("matches MyError, Exception, ValueError: %d %d %d\n", matches[0], matches[1], matches[2]);
    PyErr_NormalizeException(&type, &value, &tb);
    show_ll("caught the same object", value == e);
    show_ll("caught type", type == (PyObject *)&MyError_Type);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);

    show_ll("set e.args", PyObject_SetAttrString(e, "args", Py_BuildValue("(s)", "changed")));
    show("args field after", ((PyBaseExceptionObject *)e)->args);
    show("repr after", e);
    show_ll("set e.note", PyObject_SetAttrString(e, "note", Py_True));
    show_attr("e.note", e, "note");
    int before = error_deallocs;
    Py_DECREF(e);
    PyGC_Collect();
    show_ll("deallocs", error_deallocs - before);

    PyErr_SetString((PyObject *)&MyError_Type, "from a string");
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    show("normalized", value);
    show_type("normalized type", value);
    if (value != NULL && PyObject_TypeCheck(value, &MyError_Type)) {
        show_ll("its code", ((MyErrorObject *)value)->code);
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);

    PyErr_SetString((PyObject *)&MyError_Type, "printed");
    PyErr_Print();

    PyObject *args = PyTuple_New(0), *kw = Py_BuildValue("{si}", "k", 1);
    show_new("MyError(k=1)", PyObject_Call((PyObject *)&MyError_Type, args, kw));
    Py_DECREF(kw);
    Py_DECREF(args);

    args = Py_BuildValue("(si)", "v", 1);
    PyObject *ve = ((PyTypeObject *)PyExc_Exception)->tp_new((PyTypeObject *)PyExc_ValueError, args, NULL);
    show("Exception.tp_new(ValueError)", ve);
    if (ve != NULL) {
        show_type("its type", ve);
        show("its args field", ((PyBaseExceptionObject *)ve)->args);
        PyObject *other = Py_BuildValue("(s)", "w");
        show_ll("Exception.tp_init", ((PyTypeObject *)PyExc_Exception)->tp_init(ve, other, NULL));
        show("after tp_init", ve);
        Py_DECREF(other);
        Py_DECREF(ve);
    }
    Py_DECREF(args);
}

/* ---- metaclass ---- */

typedef struct {
    PyHeapTypeObject ht;
    long tag;
} MetaObject;

static int meta_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    if (PyType_Type.tp_init(cls, args, kwds) < 0) {
        return -1;
    }
    ((MetaObject *)cls)->tag = 10 * PyTuple_GET_SIZE(args) + 1;
    return 0;
}

static PyObject *meta_tag(PyObject *cls, PyObject *unused) { return PyLong_FromLong(((MetaObject *)cls)->tag); }

static PyMethodDef meta_methods[] = {
    {"tag", meta_tag, METH_NOARGS, NULL},
    {NULL},
};

static PyTypeObject Meta_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.Meta",
    .tp_basicsize = sizeof(MetaObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_init = meta_init,
    .tp_methods = meta_methods,
};

static void metaclass(void)
{
    printf("-- metaclass\n");
    Meta_Type.tp_base = &PyType_Type;
    show_ll("ready", PyType_Ready(&Meta_Type));
    show_ll("tp_new is type's", Meta_Type.tp_new == PyType_Type.tp_new);
    show_attr("Meta.__mro__", (PyObject *)&Meta_Type, "__mro__");
    PyObject *cls = PyObject_CallFunction((PyObject *)&Meta_Type, "s(){si}", "Made", "x", 5);
    show("Meta('Made', (), {'x': 5})", cls);
    if (cls == NULL) {
        return;
    }
    show_ll("Py_TYPE is Meta", Py_TYPE(cls) == &Meta_Type);
    show_ll("PyType_Check", PyType_Check(cls));
    show_ll("tag field", ((MetaObject *)cls)->tag);
    show_call_method("cls.tag()", cls, "tag");
    show_attr("cls.x", cls, "x");
    show_ll("isinstance(cls, type)", PyObject_IsInstance(cls, (PyObject *)&PyType_Type));
    PyObject *inst = PyObject_CallNoArgs(cls);
    show_type("instance type", inst);
    show_ll("isinstance(inst, cls)", inst ? PyObject_IsInstance(inst, cls) : -1);
    Py_XDECREF(inst);

    PyObject *bases = PyTuple_Pack(1, cls);
    PyObject *child = PyObject_CallFunction((PyObject *)&PyType_Type, "sO{}", "Child", bases);
    show("type('Child', (Made,), {})", child);
    if (child != NULL) {
        show_ll("Child's metatype is Meta", Py_TYPE(child) == &Meta_Type);
        show_ll("Child tag field", ((MetaObject *)child)->tag);
        show_attr("Child.x", child, "x");
        Py_DECREF(child);
    }
    Py_DECREF(bases);
    Py_DECREF(cls);
    show_new("Meta('X')", PyObject_CallFunction((PyObject *)&Meta_Type, "s", "X"));
    PyObject *args = Py_BuildValue("(s()O)", "Direct", Py_None);
    show_new("PyType_Type.tp_new(Meta, bad dict)", PyType_Type.tp_new(&Meta_Type, args, NULL));
    Py_DECREF(args);
    args = Py_BuildValue("(s(){})", "Direct");
    PyObject *direct = PyType_Type.tp_new(&Meta_Type, args, NULL);
    show("PyType_Type.tp_new(Meta, ...)", direct);
    if (direct != NULL) {
        show_ll("its metatype", Py_TYPE(direct) == &Meta_Type);
        Py_DECREF(direct);
    }
    Py_DECREF(args);
}

/* ---- heap types from specs ---- */

static PyType_Slot speclist_slots[] = {{Py_tp_methods, mylist_methods}, {0, NULL}};
static PyType_Spec speclist_spec = {"subb.SpecList", sizeof(MyListObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                                    speclist_slots};
static PyType_Slot specerror_slots[] = {{Py_tp_members, myerror_members}, {Py_tp_init, myerror_init}, {0, NULL}};
static PyType_Spec specerror_spec = {"subb.SpecError", sizeof(MyErrorObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                                     specerror_slots};
static PyType_Slot plain_slots[] = {{0, NULL}};
static PyType_Spec specint_spec = {"subb.SpecInt", 0, 0, Py_TPFLAGS_DEFAULT, plain_slots};
static PyType_Spec specdict_spec = {"subb.SpecDict", 0, 0, Py_TPFLAGS_DEFAULT, plain_slots};

static void spec_subclasses(void)
{
    printf("-- heap types from specs\n");
    PyObject *list_type = PyType_FromSpecWithBases(&speclist_spec, (PyObject *)&PyList_Type);
    show("SpecList", list_type);
    if (list_type != NULL) {
        show_ll("GC inherited", PyType_HasFeature((PyTypeObject *)list_type, Py_TPFLAGS_HAVE_GC));
        PyObject *l = PyObject_CallFunction(list_type, "([ii])", 1, 2);
        show("SpecList([1, 2])", l);
        if (l != NULL) {
            PyObject *three = PyLong_FromLong(3);
            show_ll("PyList_Append", PyList_Append(l, three));
            Py_DECREF(three);
            show("after append", l);
            show_call_method("increment", l, "increment");
            show_ll("state", ((MyListObject *)l)->state);
            show_ll("PyList_Check", PyList_Check(l));
            show_type("type", l);
            Py_DECREF(l);
        }
        Py_DECREF(list_type);
    }

    PyObject *error_type = PyType_FromSpecWithBases(&specerror_spec, PyExc_Exception);
    show("SpecError", error_type);
    if (error_type != NULL) {
        PyObject *e = PyObject_CallFunction(error_type, "s", "bad");
        show("SpecError('bad')", e);
        if (e != NULL) {
            show_ll("code field", ((MyErrorObject *)e)->code);
            show_attr("e.code", e, "code");
            show_str("str", e);
            PyErr_SetObject(error_type, e);
            int matches = PyErr_ExceptionMatches(PyExc_Exception);
            PyErr_Clear();
            show_ll("matches Exception", matches);
            Py_DECREF(e);
        }
        PyErr_SetString(error_type, "raised");
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        show("normalized", value);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        Py_DECREF(error_type);
    }

    PyObject *int_type = PyType_FromSpecWithBases(&specint_spec, (PyObject *)&PyLong_Type);
    show("SpecInt", int_type);
    if (int_type != NULL) {
        PyObject *i = PyObject_CallFunction(int_type, "i", -77);
        show("SpecInt(-77)", i);
        show_ll("PyLong_AsLong", i ? PyLong_AsLong(i) : -1);
        show_instance("its type", i);
        show_new("spec on SpecInt", PyType_FromSpecWithBases(&specint_spec, int_type));
        Py_DECREF(int_type);
    }

    PyObject *dict_type = PyType_FromSpecWithBases(&specdict_spec, (PyObject *)&PyDict_Type);
    show("SpecDict", dict_type);
    if (dict_type != NULL) {
        PyObject *args = PyTuple_New(0), *kw = Py_BuildValue("{si}", "a", 1);
        PyObject *d = PyObject_Call(dict_type, args, kw);
        show("SpecDict(a=1)", d);
        if (d != NULL) {
            show_ll("PyDict_SetItemString", PyDict_SetItemString(d, "b", Py_None));
            show("after set", d);
            show_instance("its type", d);
        }
        Py_DECREF(kw);
        Py_DECREF(args);
        Py_DECREF(dict_type);
    }
}

/* ---- object ---- */

typedef struct {
    PyObject_HEAD
    long v;
} PlainObject;

static int plain_init(PyObject *self, PyObject *args, PyObject *kwds) { return 0; }

static PyTypeObject WithInit_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "subb.WithInit",
    .tp_basicsize = sizeof(PlainObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = plain_init,
};

static void object_base(void)
{
    printf("-- object\n");
    show_ll("ready", PyType_Ready(&WithInit_Type));
    PyObject *none = PyTuple_New(0), *one = Py_BuildValue("(i)", 1);
    PyObject *w = PyType_GenericNew(&WithInit_Type, one, NULL);
    show_type("PyType_GenericNew", w);
    if (w == NULL) {
        return;
    }
    show_ll("object.tp_init, no args", PyBaseObject_Type.tp_init(w, none, NULL));
    show_ll("object.tp_init, args", PyBaseObject_Type.tp_init(w, one, NULL));
    Py_DECREF(w);
    show_new("object.tp_new(WithInit, args)", PyBaseObject_Type.tp_new(&WithInit_Type, one, NULL));
    show_instance("object.tp_new(WithInit)", PyBaseObject_Type.tp_new(&WithInit_Type, none, NULL));
    PyObject *g = PyType_GenericAlloc(&WithInit_Type, 0);
    show_ll("PyType_GenericAlloc: zeroed field, refcount", g ? ((PlainObject *)g)->v * 10 + Py_REFCNT(g) : -1);
    show_instance("its type", g);

    PyObject *plain = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){}", "Plain");
    show("Plain", plain);
    if (plain != NULL) {
        PyObject *instance = PyObject_CallNoArgs(plain);
        show_type("Plain()", instance);
        if (instance != NULL) {
            show_ll("set attribute", PyObject_SetAttrString(instance, "a", Py_False));
            show_attr("its __dict__", instance, "__dict__");
            Py_DECREF(instance);
        }
        show_new("Plain(1)", PyObject_CallFunction(plain, "i", 1));
        PyObject *p = PyBaseObject_Type.tp_new((PyTypeObject *)plain, none, NULL);
        show_type("object.tp_new(Plain)", p);
        show_ll("object.tp_init(p, args)", p ? PyBaseObject_Type.tp_init(p, one, NULL) : -2);
        Py_XDECREF(p);
        Py_DECREF(plain);
    }
    show_instance("object()", PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type));
    show_new("object(1)", PyObject_CallFunction((PyObject *)&PyBaseObject_Type, "i", 1));
    Py_DECREF(one);
    Py_DECREF(none);
}

int main(void)
{
    conf_begin();
    conf_init();
    list_subclass();
    dict_subclass();
    int_subclass();
    tuple_subclass();
    str_subclass();
    float_bytes_subclasses();
    exception_subclass();
    metaclass();
    spec_subclasses();
    object_base();
    return conf_end();
}
