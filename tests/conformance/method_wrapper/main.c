/* PyWrapper_New and method-wrappers: a wrapper descriptor (int.__add__) bound to an
   object, as attribute access binds it ((1).__add__); its type, attributes, calls,
   equality and hash. Reprs hold addresses, so only their start is printed. */
#include "conformance.h"

static void repr_start(const char *label, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    const char *text = r != NULL ? PyUnicode_AsUTF8(r) : NULL;
    const char *at = text != NULL ? strstr(text, " at 0x") : NULL;
    printf("%s: %.*s\n", label, at != NULL ? (int)(at - text) : 0, text != NULL ? text : "");
    Py_XDECREF(r);
}

int main(void)
{
    conf_init();
    PyObject *descr = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__add__");
    show_type("int.__add__", descr);
    PyObject *five = PyLong_FromLong(5), *seven = PyLong_FromLong(7);
    PyObject *w = PyWrapper_New(descr, five);
    show_type("PyWrapper_New(int.__add__, 5)", w);
    repr_start("repr", w);
    printf("type is _PyMethodWrapper_Type: %d\n", Py_TYPE(w) == &_PyMethodWrapper_Type);
    show_new("__name__", PyObject_GetAttrString(w, "__name__"));
    show_new("__qualname__", PyObject_GetAttrString(w, "__qualname__"));
    show_new("__self__", PyObject_GetAttrString(w, "__self__"));
    show_new("__objclass__", PyObject_GetAttrString(w, "__objclass__"));
    printf("callable: %d\n", PyCallable_Check(w));
    show_new("w(7)", PyObject_CallOneArg(w, seven));
    show_new("w('x')", PyObject_CallOneArg(w, PyUnicode_FromString("x")));
    show_new("w()", PyObject_CallNoArgs(w));

    PyTypeObject *mwt = Py_TYPE(w);
    show_new("tp_getattro __name__", mwt->tp_getattro(w, PyUnicode_FromString("__name__")));
    show_new("tp_richcompare ==", mwt->tp_richcompare(w, w, Py_EQ));
    show_ll("tp_setattro x", mwt->tp_setattro(w, PyUnicode_FromString("x"), Py_None));
    printf("tp_hash is hash(): %d\n", mwt->tp_hash(w) == PyObject_Hash(w));
    PyObject *attr = PyObject_GetAttrString(five, "__add__");
    show_type("(5).__add__", attr);
    printf("(5).__add__ == PyWrapper_New(...): %d, hashes equal: %d\n", PyObject_RichCompareBool(attr, w, Py_EQ),
           PyObject_Hash(attr) == PyObject_Hash(w));
    PyObject *other = PyWrapper_New(descr, seven);
    printf("bound to 7 == bound to 5: %d, != : %d\n", PyObject_RichCompareBool(other, w, Py_EQ),
           PyObject_RichCompareBool(other, w, Py_NE));
    PyObject *sub = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__sub__");
    PyObject *w_sub = PyWrapper_New(sub, five);
    printf("__sub__ == __add__ on 5: %d\n", PyObject_RichCompareBool(w_sub, w, Py_EQ));
    show_new("w == 5", PyObject_RichCompare(w, five, Py_EQ));

    PyObject *len = PyObject_GetAttrString((PyObject *)&PyList_Type, "__len__");
    PyObject *list = Py_BuildValue("[iii]", 1, 2, 3);
    PyObject *wl = PyWrapper_New(len, list);
    repr_start("list __len__ wrapper", wl);
    show_new("call", PyObject_CallNoArgs(wl));
    show_new("call(1)", PyObject_CallOneArg(wl, five));
    PyObject *bool_sub = PyWrapper_New(descr, Py_True);
    show_new("int.__add__ bound to True, (4)", PyObject_CallOneArg(bool_sub, PyLong_FromLong(4)));
    repr_start("its repr", bool_sub);
    Py_DECREF(bool_sub);
    Py_DECREF(wl);
    Py_DECREF(list);
    Py_DECREF(len);
    Py_DECREF(w_sub);
    Py_DECREF(sub);
    Py_DECREF(other);
    Py_DECREF(attr);
    Py_DECREF(w);
    Py_DECREF(descr);
    return conf_end();
}
