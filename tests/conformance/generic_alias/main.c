/* Py_GenericAlias and types.GenericAlias (PEP 585): reprs, attributes (its own and the
   origin's), equality and hash, calls, __class_getitem__ of the built-in classes, type[...],
   __mro_entries__, the isinstance/issubclass refusal, and substitution of type variables
   (here a C type with __typing_subst__, since the typing module is not used). */
#include "conformance.h"

typedef struct {
    PyObject_HEAD
    char name;
} TypeVarObject;

static PyObject *typevar_repr(PyObject *self) { return PyUnicode_FromFormat("~%c", ((TypeVarObject *)self)->name); }

static PyObject *typevar_subst(PyObject *self, PyObject *arg)
{
    (void)self;
    return Py_NewRef(arg);
}

static PyMethodDef typevar_methods[] = { { "__typing_subst__", typevar_subst, METH_O, NULL }, { NULL, NULL, 0, NULL } };
static PyType_Slot typevar_slots[] = { { Py_tp_repr, typevar_repr }, { Py_tp_methods, typevar_methods }, { 0, NULL } };
static PyType_Spec typevar_spec = { "tv.TypeVar", sizeof(TypeVarObject), 0, Py_TPFLAGS_DEFAULT, typevar_slots };

static PyObject *typevar(PyObject *type, char name)
{
    PyObject *t = PyType_GenericAlloc((PyTypeObject *)type, 0);
    ((TypeVarObject *)t)->name = name;
    return t;
}

static PyType_Slot thing_slots[] = { { 0, NULL } };
static PyType_Spec thing_spec = { "mod.Thing", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, thing_slots };

static PyObject *alias(PyObject *origin, PyObject *args)
{
    PyObject *a = Py_GenericAlias(origin, args);
    Py_DECREF(args);
    return a;
}

int main(void)
{
    conf_init();
    PyObject *list = (PyObject *)&PyList_Type, *dict = (PyObject *)&PyDict_Type, *tuple = (PyObject *)&PyTuple_Type;
    PyObject *str = (PyObject *)&PyUnicode_Type, *intt = (PyObject *)&PyLong_Type;
    PyObject *li = Py_GenericAlias(list, intt);
    show("Py_GenericAlias(list, int)", li);
    show_new("type", PyObject_Repr((PyObject *)Py_TYPE(li)));
    printf("type is Py_GenericAliasType: %d\n", Py_TYPE(li) == &Py_GenericAliasType);
    show_new("__origin__", PyObject_GetAttrString(li, "__origin__"));
    show_new("__args__", PyObject_GetAttrString(li, "__args__"));
    show_new("__parameters__", PyObject_GetAttrString(li, "__parameters__"));
    show_new("__unpacked__", PyObject_GetAttrString(li, "__unpacked__"));
    show_new("__typing_unpacked_tuple_args__", PyObject_GetAttrString(li, "__typing_unpacked_tuple_args__"));
    show_new("__class__", PyObject_GetAttrString(li, "__class__"));

    printf("-- through the type's slots\n");
    PyTypeObject *gat = Py_TYPE(li);
    show_new("tp_repr", gat->tp_repr(li));
    show_new("tp_str", gat->tp_str(li));
    show_new("tp_getattro __origin__", gat->tp_getattro(li, PyUnicode_FromString("__origin__")));
    show_new("tp_getattro __name__", gat->tp_getattro(li, PyUnicode_FromString("__name__")));
    show_new("tp_getattro nope", gat->tp_getattro(li, PyUnicode_FromString("nope")));
    printf("tp_hash is hash(): %d\n", gat->tp_hash(li) == PyObject_Hash(li));
    show_new("tp_richcompare ==", gat->tp_richcompare(li, li, Py_EQ));
    show_new("mp_subscript", gat->tp_as_mapping->mp_subscript(li, intt));
    printf("-- reprs\n");
    show_new("dict, (str, int)", alias(dict, Py_BuildValue("(OO)", str, intt)));
    show_new("tuple, ()", alias(tuple, PyTuple_New(0)));
    show_new("tuple, (int, ...)", alias(tuple, Py_BuildValue("(OO)", intt, Py_Ellipsis)));
    show_new("list, list[int]", alias(list, Py_NewRef(li)));
    PyObject *thing = PyType_FromSpec(&thing_spec);
    show_new("list, mod.Thing", alias(list, Py_NewRef(thing)));
    show_new("list, (3, 'x', None, b'y')", alias(list, Py_BuildValue("(isOy)", 3, "x", Py_None, "y")));
    PyObject *builtins = PyEval_GetBuiltins();
    show_new("list, len", alias(list, Py_NewRef(PyDict_GetItemString(builtins, "len"))));
    show_new("origin mod.Thing", alias(thing, Py_NewRef(intt)));
    show_new("origin 'x'", alias(PyUnicode_FromString("x"), Py_NewRef(intt)));
    show_new("list, (int,) tuple", alias(list, Py_BuildValue("(O)", intt)));

    printf("-- subscripting classes\n");
    show_new("list[int]", PyObject_GetItem(list, intt));
    show_new("dict[str, int]", PyObject_GetItem(dict, Py_BuildValue("(OO)", str, intt)));
    show_new("tuple[int, ...]", PyObject_GetItem(tuple, Py_BuildValue("(OO)", intt, Py_Ellipsis)));
    show_new("set[str]", PyObject_GetItem((PyObject *)&PySet_Type, str));
    show_new("frozenset[str]", PyObject_GetItem((PyObject *)&PyFrozenSet_Type, str));
    show_new("enumerate[str]", PyObject_GetItem((PyObject *)&PyEnum_Type, str));
    show_new("type[int]", PyObject_GetItem((PyObject *)&PyType_Type, intt));
    show_new("mappingproxy[str, int]", PyObject_GetItem((PyObject *)&PyDictProxy_Type, Py_BuildValue("(OO)", str, intt)));
    show_new("weakref.ref[int]", PyObject_GetItem((PyObject *)&_PyWeakref_RefType, intt));
    show_new("ContextVar[int]", PyObject_GetItem((PyObject *)&PyContextVar_Type, intt));
    show_new("Token[int]", PyObject_GetItem((PyObject *)&PyContextToken_Type, intt));
    show_new("BaseExceptionGroup[int]", PyObject_GetItem(PyExc_BaseExceptionGroup, intt));
    show_new("Exception[int]", PyObject_GetItem(PyExc_Exception, intt));
    show_new("object[int]", PyObject_GetItem((PyObject *)&PyBaseObject_Type, intt));
    show_new("int[int]", PyObject_GetItem(intt, intt));
    show_new("str[int]", PyObject_GetItem(str, intt));
    show_new("mod.Thing[int]", PyObject_GetItem(thing, intt));
    PyObject *cgi = PyObject_GetAttrString(list, "__class_getitem__");
    show_type("list.__class_getitem__", cgi);
    show_new("list.__class_getitem__(str)", PyObject_CallOneArg(cgi, str));
    show_new("list.__class_getitem__()", PyObject_CallNoArgs(cgi));
    Py_DECREF(cgi);
    PyObject *list_dict = PyObject_GetAttrString(list, "__dict__");
    show_type("list.__dict__['__class_getitem__']", PyMapping_GetItemString(list_dict, "__class_getitem__"));
    Py_DECREF(list_dict);

    printf("-- equality and hash\n");
    PyObject *li2 = PyObject_GetItem(list, intt), *ls = PyObject_GetItem(list, str);
    printf("list[int] == Py_GenericAlias(list, int): %d, != : %d\n", PyObject_RichCompareBool(li, li2, Py_EQ),
           PyObject_RichCompareBool(li, li2, Py_NE));
    printf("same hash: %d\n", PyObject_Hash(li) == PyObject_Hash(li2));
    printf("list[int] == list[str]: %d\n", PyObject_RichCompareBool(li, ls, Py_EQ));
    printf("list[int] == list: %d\n", PyObject_RichCompareBool(li, list, Py_EQ));
    show_new("list[int] < list[int]", PyObject_RichCompare(li, li2, Py_LT));
    PyObject *dli = alias(dict, Py_BuildValue("(OO)", str, PyList_New(0)));
    show_ll("hash(dict[str, []])", PyObject_Hash(dli));
    Py_DECREF(dli);

    printf("-- the origin's attributes\n");
    show_new("__name__", PyObject_GetAttrString(li, "__name__"));
    show_new("__qualname__", PyObject_GetAttrString(li, "__qualname__"));
    show_new("__module__", PyObject_GetAttrString(li, "__module__"));
    PyObject *doc = PyObject_GetAttrString(li, "__doc__"), *list_doc = PyObject_GetAttrString(list, "__doc__");
    printf("__doc__ is list's: %d\n", PyObject_RichCompareBool(doc, list_doc, Py_EQ));
    Py_XDECREF(doc);
    Py_XDECREF(list_doc);
    PyObject *append = PyObject_GetAttrString(li, "append"), *list_append = PyObject_GetAttrString(list, "append");
    printf("append is list.append: %d\n", append == list_append);
    Py_XDECREF(append);
    Py_XDECREF(list_append);
    show_new("missing", PyObject_GetAttrString(li, "no_such_thing"));
    show_new("__mro_entries__((list[int],))", PyObject_CallMethod(li, "__mro_entries__", "((O))", li));
    show_new("__reduce__()", PyObject_CallMethod(li, "__reduce__", NULL));

    printf("-- calls\n");
    printf("callable: %d\n", PyCallable_Check(li));
    show_new("list[int]((1, 2))", PyObject_CallFunction(li, "((ii))", 1, 2));
    PyObject *kw = Py_BuildValue("{s:i}", "a", 1), *empty = PyTuple_New(0);
    show_new("dict[str, int](a=1)", PyObject_Call(PyObject_GetItem(dict, Py_BuildValue("(OO)", str, intt)), empty, kw));
    PyObject *box = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){}", "Box");
    PyObject *box_int = Py_GenericAlias(box, intt);
    PyObject *b = PyObject_CallNoArgs(box_int);
    PyObject *orig = PyObject_GetAttrString(b, "__orig_class__");
    show("Box[int]().__orig_class__", orig);
    printf("  is the alias: %d\n", orig == box_int);
    Py_XDECREF(orig);
    show_new("list[int](1)", PyObject_CallFunction(li, "(i)", 1));

    printf("-- isinstance / issubclass\n");
    PyObject *l = PyList_New(0);
    show_ll("isinstance([], list[int])", PyObject_IsInstance(l, li));
    show_ll("issubclass(list, list[int])", PyObject_IsSubclass(list, li));
    show_ll("isinstance(list[int], types.GenericAlias)", PyObject_IsInstance(li, (PyObject *)&Py_GenericAliasType));

    printf("-- the constructor\n");
    PyObject *ga = (PyObject *)&Py_GenericAliasType;
    show_new("GenericAlias(list, int)", PyObject_CallFunction(ga, "(OO)", list, intt));
    show_new("GenericAlias(dict, (str, int))", PyObject_CallFunction(ga, "(O(OO))", dict, str, intt));
    show_new("GenericAlias(list)", PyObject_CallFunction(ga, "(O)", list));
    show_new("GenericAlias(list, int, str)", PyObject_CallFunction(ga, "(OOO)", list, intt, str));
    PyObject *args2 = Py_BuildValue("(OO)", list, intt);
    show_new("GenericAlias(list, int, x=1)", PyObject_Call(ga, args2, kw));

    printf("-- starred (iteration)\n");
    PyObject *it = PyObject_GetIter(li);
    show_type("iter(list[int])", it);
    PyObject *star = it != NULL ? PyIter_Next(it) : NULL;
    show("next", star);
    show_new("  __unpacked__", PyObject_GetAttrString(star, "__unpacked__"));
    show_new("  __typing_unpacked_tuple_args__", PyObject_GetAttrString(star, "__typing_unpacked_tuple_args__"));
    printf("  == list[int]: %d, hash equal: %d\n", PyObject_RichCompareBool(star, li, Py_EQ), PyObject_Hash(star) == PyObject_Hash(li));
    PyObject *star2 = PyIter_Next(PyObject_GetIter(li));
    printf("  == another *list[int]: %d\n", PyObject_RichCompareBool(star, star2, Py_EQ));
    show("next again", PyIter_Next(it));
    show_new("iter(tuple[int, str]) next", PyIter_Next(PyObject_GetIter(alias(tuple, Py_BuildValue("(OO)", intt, str)))));
    PyObject *ts = PyIter_Next(PyObject_GetIter(alias(tuple, Py_BuildValue("(OO)", intt, str))));
    show_new("  __typing_unpacked_tuple_args__", PyObject_GetAttrString(ts, "__typing_unpacked_tuple_args__"));
    show_new("iter(tuple[()]) next", PyIter_Next(PyObject_GetIter(alias(tuple, PyTuple_New(0)))));
    show_new("tuple[int, *tuple[str, ...]]", alias(tuple, Py_BuildValue("(ON)", intt,
        PyIter_Next(PyObject_GetIter(alias(tuple, Py_BuildValue("(OO)", str, Py_Ellipsis)))))));
    show_new("list(list[int])", PySequence_List(li));
    Py_XDECREF(ts);
    Py_XDECREF(star2);
    Py_XDECREF(star);
    Py_XDECREF(it);

    printf("-- type variables\n");
    PyObject *tv = PyType_FromSpec(&typevar_spec);
    PyObject *T = typevar(tv, 'T'), *S = typevar(tv, 'S');
    PyObject *lt = Py_GenericAlias(list, T);
    show("list[T]", lt);
    show_new("  __parameters__", PyObject_GetAttrString(lt, "__parameters__"));
    show_new("  [int]", PyObject_GetItem(lt, intt));
    show_new("  [int, str]", PyObject_GetItem(lt, Py_BuildValue("(OO)", intt, str)));
    show_new("  [()]", PyObject_GetItem(lt, PyTuple_New(0)));
    PyObject *ls_ = Py_GenericAlias(list, S);
    PyObject *dts = alias(dict, Py_BuildValue("(OO)", T, ls_));
    show("dict[T, list[S]]", dts);
    show_new("  __parameters__", PyObject_GetAttrString(dts, "__parameters__"));
    show_new("  [str, int]", PyObject_GetItem(dts, Py_BuildValue("(OO)", str, intt)));
    show_new("  [str]", PyObject_GetItem(dts, str));
    PyObject *dtt = alias(dict, Py_BuildValue("(OOO)", T, intt, T));
    show("dict[T, int, T]", dtt);
    show_new("  __parameters__", PyObject_GetAttrString(dtt, "__parameters__"));
    show_new("  [bytes]", PyObject_GetItem(dtt, (PyObject *)&PyBytes_Type));
    show_new("list[int][int]", PyObject_GetItem(li, intt));
    show_new("tuple[T, ...][int]", PyObject_GetItem(alias(tuple, Py_BuildValue("(OO)", T, Py_Ellipsis)), intt));

    Py_DECREF(dtt);
    Py_DECREF(dts);
    Py_DECREF(ls_);
    Py_DECREF(lt);
    Py_DECREF(T);
    Py_DECREF(S);
    Py_DECREF(tv);
    Py_DECREF(args2);
    Py_DECREF(l);
    Py_DECREF(b);
    Py_DECREF(box_int);
    Py_DECREF(box);
    Py_DECREF(kw);
    Py_DECREF(empty);
    Py_DECREF(ls);
    Py_DECREF(li2);
    Py_DECREF(thing);
    Py_DECREF(li);
    return conf_end();
}
