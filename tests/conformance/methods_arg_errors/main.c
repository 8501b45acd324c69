/* Module functions that parse their arguments, called with wrong types, missing or extra
   arguments and bad keywords. */
#include "conformance.h"

static void call(const char *label, PyObject *f, PyObject *args, PyObject *kw)
{
    show_new(label, PyObject_Call(f, args, kw));
    Py_XDECREF(args);
    Py_XDECREF(kw);
}

int main(void)
{
    conf_init();
    PyObject *m = conf_import("m_args");
    if (m == NULL) {
        return conf_end();
    }
    PyObject *scale = PyObject_GetAttrString(m, "scale");
    PyObject *connect = PyObject_GetAttrString(m, "connect");
    PyObject *need_list = PyObject_GetAttrString(m, "need_list");

    call("scale(1.5, 2)", scale, Py_BuildValue("(di)", 1.5, 2), NULL);
    call("scale(2, 3, 'y')", scale, Py_BuildValue("(iis)", 2, 3, "y"), NULL);
    call("scale('a', 2)", scale, Py_BuildValue("(si)", "a", 2), NULL);
    call("scale(1.0, 2.5)", scale, Py_BuildValue("(dd)", 1.0, 2.5), NULL);
    call("scale(1.0, '2')", scale, Py_BuildValue("(ds)", 1.0, "2"), NULL);
    call("scale(1.0, 2, 3)", scale, Py_BuildValue("(dii)", 1.0, 2, 3), NULL);
    call("scale(1.0)", scale, Py_BuildValue("(d)", 1.0), NULL);
    call("scale()", scale, PyTuple_New(0), NULL);
    call("scale(1.0, 2, 'a', 'b')", scale, Py_BuildValue("(diss)", 1.0, 2, "a", "b"), NULL);
    call("scale(None, 2)", scale, Py_BuildValue("(Oi)", Py_None, 2), NULL);
    call("scale(1.0, 2, None)", scale, Py_BuildValue("(diO)", 1.0, 2, Py_None), NULL);
    call("scale(1.0, 2**40)", scale, Py_BuildValue("(dL)", 1.0, 1LL << 40), NULL);

    call("connect('h')", connect, Py_BuildValue("(s)", "h"), NULL);
    call("connect('h', 8080, timeout=2.0)", connect, Py_BuildValue("(si)", "h", 8080), Py_BuildValue("{s:d}", "timeout", 2.0));
    call("connect(host='h', port=1)", connect, PyTuple_New(0), Py_BuildValue("{s:s,s:i}", "host", "h", "port", 1));
    call("connect()", connect, PyTuple_New(0), NULL);
    call("connect(port=1)", connect, PyTuple_New(0), Py_BuildValue("{s:i}", "port", 1));
    call("connect('h', hots='x')", connect, Py_BuildValue("(s)", "h"), Py_BuildValue("{s:s}", "hots", "x"));
    call("connect('h', host='h')", connect, Py_BuildValue("(s)", "h"), Py_BuildValue("{s:s}", "host", "h"));
    call("connect('h', 1, 2.0)", connect, Py_BuildValue("(sid)", "h", 1, 2.0), NULL);
    call("connect('h', 1, 2.0, [], 5)", connect, Py_BuildValue("(sid[]i)", "h", 1, 2.0, 5), NULL);
    call("connect('h', timeout='slow')", connect, Py_BuildValue("(s)", "h"), Py_BuildValue("{s:s}", "timeout", "slow"));
    call("connect('h', retries=(1,))", connect, Py_BuildValue("(s)", "h"), Py_BuildValue("{s:(i)}", "retries", 1));
    call("connect(b'h')", connect, Py_BuildValue("(y)", "h"), NULL);
    call("connect('h', port='80')", connect, Py_BuildValue("(s)", "h"), Py_BuildValue("{s:s}", "port", "80"));
    {
        /* A keyword that is not a str. */
        PyObject *kw = PyDict_New();
        PyObject *k = PyLong_FromLong(1);
        PyDict_SetItem(kw, k, Py_None);
        Py_DECREF(k);
        call("connect('h', **{1: None})", connect, Py_BuildValue("(s)", "h"), kw);
    }

    show_new("need_list([1, 2])", PyObject_CallOneArg(need_list, Py_BuildValue("[ii]", 1, 2)));
    show_new("need_list((1, 2))", PyObject_CallOneArg(need_list, Py_BuildValue("(ii)", 1, 2)));
    show_new("need_list(None)", PyObject_CallOneArg(need_list, Py_None));

    Py_DECREF(scale);
    Py_DECREF(connect);
    Py_DECREF(need_list);
    Py_DECREF(m);
    return conf_end();
}
