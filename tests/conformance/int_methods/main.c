/* int's own methods and attributes called from C (bit_length, to_bytes, from_bytes,
   __round__, __format__, ...) on small, big, negative and bool values and on a subclass
   made with type(), with their argument errors; and the kind of each in int.__dict__. */
#include "conformance.h"
#include "method_calls.h"

static PyObject *big(const char *digits)
{
    return PyLong_FromString(digits, NULL, 10);
}

int main(void)
{
    conf_init();
    PyObject *I = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "I", (PyObject *)&PyLong_Type);
    show("I", I);

    static const char *const names[] = {
        "bit_length", "bit_count", "conjugate", "as_integer_ratio", "to_bytes", "from_bytes", "__ceil__",
        "__floor__", "__round__", "__trunc__", "__getnewargs__", "__sizeof__", "__format__",
        "real", "imag", "numerator", "denominator", NULL};
    for (const char *const *n = names; *n != NULL; n++) {
        show_kind((PyObject *)&PyLong_Type, *n);
    }
    PyObject *bool_dict = PyObject_GetAttrString((PyObject *)&PyBool_Type, "__dict__");
    for (const char *const *n = names; *n != NULL; n++) {
        PyObject *key = PyUnicode_FromString(*n);
        printf("'%s' in bool.__dict__: %d\n", *n, PySequence_Contains(bool_dict, key));
        Py_DECREF(key);
    }
    Py_DECREF(bool_dict);

    struct { const char *label; PyObject *value; } values[] = {
        {"0", PyLong_FromLong(0)}, {"5", PyLong_FromLong(5)}, {"-5", PyLong_FromLong(-5)},
        {"255", PyLong_FromLong(255)}, {"-256", PyLong_FromLong(-256)}, {"2**30", PyLong_FromLong(1L << 30)},
        {"2**64-1", big("18446744073709551615")}, {"-(2**100)", big("-1267650600228229401496703205376")},
        {"True", Py_NewRef(Py_True)}, {"False", Py_NewRef(Py_False)},
        {"I(7)", PyObject_CallFunction(I, "i", 7)}, {"I(-2**70)", PyObject_CallFunction(I, "N", big("-1180591620717411303424"))},
    };
    static const char *const noargs[] = {
        "bit_length", "bit_count", "conjugate", "as_integer_ratio", "__ceil__", "__floor__", "__round__",
        "__trunc__", "__getnewargs__", "__sizeof__", "real", "imag", "numerator", "denominator", NULL};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        show_members(values[i].label, values[i].value, noargs);
    }
    PyObject *five = PyLong_FromLong(5);

    /* The no-argument methods' errors, bound and unbound. */
    call("(5).bit_length(1)", five, "bit_length", ARGS("(i)", 1), NULL);
    call("(5).bit_length(x=1)", five, "bit_length", ARGS("()"), KW("{s:i}", "x", 1));
    call("(5).conjugate(1)", five, "conjugate", ARGS("(i)", 1), NULL);
    call("(5).__getnewargs__(1)", five, "__getnewargs__", ARGS("(i)", 1), NULL);
    call("(5).__sizeof__(1)", five, "__sizeof__", ARGS("(i)", 1), NULL);
    call("(5).__trunc__(x=1)", five, "__trunc__", ARGS("()"), KW("{s:i}", "x", 1));
    PyObject *bit_length = PyObject_GetAttrString((PyObject *)&PyLong_Type, "bit_length");
    show_new("int.bit_length(1024)", PyObject_CallFunction(bit_length, "i", 1024));
    show_new("int.bit_length(True)", PyObject_CallFunction(bit_length, "O", Py_True));
    show_new("int.bit_length()", PyObject_CallNoArgs(bit_length));
    show_new("int.bit_length(5.0)", PyObject_CallFunction(bit_length, "d", 5.0));
    show_new("int.bit_length('a')", PyObject_CallFunction(bit_length, "s", "a"));
    Py_DECREF(bit_length);
    printf("setattr((5).real): %d, ", PyObject_SetAttrString(five, "real", five));
    show_exc("exception");
    printf("setattr((5).numerator): %d, ", PyObject_SetAttrString(five, "numerator", five));
    show_exc("exception");

    /* __round__(ndigits): negative ndigits round half to even. */
    struct { const char *label; PyObject *value; long ndigits; } rounds[] = {
        {"1234567", PyLong_FromLong(1234567), -2}, {"1250", PyLong_FromLong(1250), -2},
        {"1350", PyLong_FromLong(1350), -2}, {"-1250", PyLong_FromLong(-1250), -2},
        {"-1251", PyLong_FromLong(-1251), -2}, {"15", PyLong_FromLong(15), -1}, {"25", PyLong_FromLong(25), -1},
        {"5", PyLong_FromLong(5), -1}, {"-5", PyLong_FromLong(-5), -1}, {"-6", PyLong_FromLong(-6), -1},
        {"5", PyLong_FromLong(5), 0}, {"5", PyLong_FromLong(5), 3}, {"49", PyLong_FromLong(49), -2},
        {"50", PyLong_FromLong(50), -2}, {"150", PyLong_FromLong(150), -2}, {"99", PyLong_FromLong(99), -5},
        {"2**100", big("1267650600228229401496703205376"), -10}, {"-2**100", big("-1267650600228229401496703205376"), -25},
        {"True", Py_NewRef(Py_True), -1}, {"True", Py_NewRef(Py_True), 1}, {"I(15)", PyObject_CallFunction(I, "i", 15), -1},
        {"I(15)", PyObject_CallFunction(I, "i", 15), 1},
    };
    for (size_t i = 0; i < sizeof rounds / sizeof rounds[0]; i++) {
        char label[120];
        snprintf(label, sizeof label, "(%s).__round__(%ld)", rounds[i].label, rounds[i].ndigits);
        call_typed(label, rounds[i].value, "__round__", ARGS("(l)", rounds[i].ndigits), NULL);
        Py_DECREF(rounds[i].value);
    }
    call("(1250).__round__(I(-2))", PyLong_FromLong(1250), "__round__", ARGS("(N)", PyObject_CallFunction(I, "i", -2)), NULL);
    call("(1250).__round__(True)", PyLong_FromLong(1250), "__round__", ARGS("(O)", Py_True), NULL);
    call("(5).__round__(2**100)", five, "__round__", ARGS("(N)", big("1267650600228229401496703205376")), NULL);
    call("(5).__round__(None)", five, "__round__", ARGS("(O)", Py_None), NULL);
    call("(5).__round__(1.0)", five, "__round__", ARGS("(d)", 1.0), NULL);
    call("(5).__round__(1, 2)", five, "__round__", ARGS("(ii)", 1, 2), NULL);
    call("(5).__round__(ndigits=1)", five, "__round__", ARGS("()"), KW("{s:i}", "ndigits", 1));

    /* to_bytes(length=1, byteorder='big', *, signed=False) */
    call("(5).to_bytes()", five, "to_bytes", ARGS("()"), NULL);
    call("(1024).to_bytes(2, 'little')", PyLong_FromLong(1024), "to_bytes", ARGS("(is)", 2, "little"), NULL);
    call("(1024).to_bytes(4)", PyLong_FromLong(1024), "to_bytes", ARGS("(i)", 4), NULL);
    call("(1024).to_bytes(length=3, byteorder='little')", PyLong_FromLong(1024), "to_bytes", ARGS("()"),
         KW("{s:i,s:s}", "length", 3, "byteorder", "little"));
    call("(1024).to_bytes(byteorder='little')", PyLong_FromLong(1024), "to_bytes", ARGS("()"), KW("{s:s}", "byteorder", "little"));
    call("(-1).to_bytes(2, signed=True)", PyLong_FromLong(-1), "to_bytes", ARGS("(i)", 2), KW("{s:O}", "signed", Py_True));
    call("(-128).to_bytes(1, signed=True)", PyLong_FromLong(-128), "to_bytes", ARGS("(i)", 1), KW("{s:O}", "signed", Py_True));
    call("(-129).to_bytes(1, signed=True)", PyLong_FromLong(-129), "to_bytes", ARGS("(i)", 1), KW("{s:O}", "signed", Py_True));
    call("(127).to_bytes(1, signed=True)", PyLong_FromLong(127), "to_bytes", ARGS("(i)", 1), KW("{s:O}", "signed", Py_True));
    call("(128).to_bytes(1, signed=True)", PyLong_FromLong(128), "to_bytes", ARGS("(i)", 1), KW("{s:O}", "signed", Py_True));
    call("(128).to_bytes(1, signed=[])", PyLong_FromLong(128), "to_bytes", ARGS("(i)", 1), KW("{s:N}", "signed", PyList_New(0)));
    call("(-1).to_bytes(1, signed=[0])", PyLong_FromLong(-1), "to_bytes", ARGS("(i)", 1), KW("{s:N}", "signed", Py_BuildValue("[i]", 0)));
    call("(-300).to_bytes(4, 'little', signed=True)", PyLong_FromLong(-300), "to_bytes", ARGS("(is)", 4, "little"),
         KW("{s:O}", "signed", Py_True));
    call("(0).to_bytes(0)", PyLong_FromLong(0), "to_bytes", ARGS("(i)", 0), NULL);
    call("(1).to_bytes(0)", PyLong_FromLong(1), "to_bytes", ARGS("(i)", 0), NULL);
    call("(0).to_bytes(0, signed=True)", PyLong_FromLong(0), "to_bytes", ARGS("(i)", 0), KW("{s:O}", "signed", Py_True));
    call("(-1).to_bytes(0, signed=True)", PyLong_FromLong(-1), "to_bytes", ARGS("(i)", 0), KW("{s:O}", "signed", Py_True));
    call("(-2).to_bytes(0, signed=True)", PyLong_FromLong(-2), "to_bytes", ARGS("(i)", 0), KW("{s:O}", "signed", Py_True));
    call("(300).to_bytes()", PyLong_FromLong(300), "to_bytes", ARGS("()"), NULL);
    call("(-1).to_bytes()", PyLong_FromLong(-1), "to_bytes", ARGS("()"), NULL);
    call("(-1).to_bytes(8)", PyLong_FromLong(-1), "to_bytes", ARGS("(i)", 8), NULL);
    call("(2**64-1).to_bytes(8)", big("18446744073709551615"), "to_bytes", ARGS("(i)", 8), NULL);
    call("(2**64-1).to_bytes(8, signed=True)", big("18446744073709551615"), "to_bytes", ARGS("(i)", 8), KW("{s:O}", "signed", Py_True));
    call("(2**100).to_bytes(13, 'little')", big("1267650600228229401496703205376"), "to_bytes", ARGS("(is)", 13, "little"), NULL);
    call("(-(2**100)).to_bytes(14, signed=True)", big("-1267650600228229401496703205376"), "to_bytes", ARGS("(i)", 14),
         KW("{s:O}", "signed", Py_True));
    call("True.to_bytes(2)", Py_True, "to_bytes", ARGS("(i)", 2), NULL);
    call("I(258).to_bytes(2)", PyObject_CallFunction(I, "i", 258), "to_bytes", ARGS("(i)", 2), NULL);
    call("(5).to_bytes(True)", five, "to_bytes", ARGS("(O)", Py_True), NULL);
    call("(5).to_bytes(1, 2)", five, "to_bytes", ARGS("(ii)", 1, 2), NULL);
    call("(5).to_bytes(byteorder=2)", five, "to_bytes", ARGS("()"), KW("{s:i}", "byteorder", 2));
    call("(5).to_bytes(1, 'mid')", five, "to_bytes", ARGS("(is)", 1, "mid"), NULL);
    call("(5).to_bytes(1, 'BIG')", five, "to_bytes", ARGS("(is)", 1, "BIG"), NULL);
    call("(5).to_bytes(1.5)", five, "to_bytes", ARGS("(d)", 1.5), NULL);
    call("(5).to_bytes('1')", five, "to_bytes", ARGS("(s)", "1"), NULL);
    call("(5).to_bytes(2**70)", five, "to_bytes", ARGS("(N)", big("1180591620717411303424")), NULL);
    call("(300).to_bytes(2**62)", PyLong_FromLong(300), "to_bytes", ARGS("(L)", 1LL << 62), NULL);
    call("(5).to_bytes(2**63-1)", five, "to_bytes", ARGS("(L)", 0x7fffffffffffffffLL), NULL);
    call("(5).to_bytes(-2**70)", five, "to_bytes", ARGS("(N)", big("-1180591620717411303424")), NULL);
    call("(5).to_bytes(-1)", five, "to_bytes", ARGS("(i)", -1), NULL);
    call("(5).to_bytes(1, 'big', True)", five, "to_bytes", ARGS("(isO)", 1, "big", Py_True), NULL);
    call("(5).to_bytes(1, 'big', signed=True, x=1)", five, "to_bytes", ARGS("(is)", 1, "big"),
         KW("{s:O,s:i}", "signed", Py_True, "x", 1));
    call("(5).to_bytes(x=1)", five, "to_bytes", ARGS("()"), KW("{s:i}", "x", 1));
    call("(5).to_bytes(1, length=2)", five, "to_bytes", ARGS("(i)", 1), KW("{s:i}", "length", 2));
    call("(5).to_bytes(length=1, byteorder='big', signed=1, x=2)", five, "to_bytes", ARGS("()"),
         KW("{s:i,s:s,s:i,s:i}", "length", 1, "byteorder", "big", "signed", 1, "x", 2));
    PyObject *to_bytes = PyObject_GetAttrString((PyObject *)&PyLong_Type, "to_bytes");
    show_new("int.to_bytes(513, 2, 'little')", PyObject_CallFunction(to_bytes, "iis", 513, 2, "little"));
    show_new("int.to_bytes(b'')", PyObject_CallFunction(to_bytes, "y", ""));
    Py_DECREF(to_bytes);

    /* from_bytes(bytes, byteorder='big', *, signed=False), a class method. */
    PyObject *int_type = (PyObject *)&PyLong_Type;
    call("int.from_bytes(b'\\x01\\x00')", int_type, "from_bytes", ARGS("(y#)", "\x01\x00", (Py_ssize_t)2), NULL);
    call("int.from_bytes(b'\\x01\\x00', 'little')", int_type, "from_bytes", ARGS("(y#s)", "\x01\x00", (Py_ssize_t)2, "little"), NULL);
    call("int.from_bytes(b'')", int_type, "from_bytes", ARGS("(y)", ""), NULL);
    call("int.from_bytes(b'', signed=True)", int_type, "from_bytes", ARGS("(y)", ""), KW("{s:O}", "signed", Py_True));
    call("int.from_bytes(b'\\xff\\xfe', signed=True)", int_type, "from_bytes", ARGS("(y)", "\xff\xfe"), KW("{s:O}", "signed", Py_True));
    call("int.from_bytes(b'\\xff\\xfe', 'little', signed=True)", int_type, "from_bytes", ARGS("(ys)", "\xff\xfe", "little"),
         KW("{s:O}", "signed", Py_True));
    call("int.from_bytes(b'\\xff\\xfe', signed=0)", int_type, "from_bytes", ARGS("(y)", "\xff\xfe"), KW("{s:i}", "signed", 0));
    call("int.from_bytes(bytes=b'\\x07', byteorder='little')", int_type, "from_bytes", ARGS("()"),
         KW("{s:y,s:s}", "bytes", "\x07", "byteorder", "little"));
    call("int.from_bytes(bytearray(b'ab'), 'little')", int_type, "from_bytes",
         ARGS("(Ns)", PyByteArray_FromStringAndSize("ab", 2), "little"), NULL);
    call("int.from_bytes(memoryview(b'ab'))", int_type, "from_bytes",
         ARGS("(N)", PyMemoryView_FromObject(PyBytes_FromString("ab"))), NULL);
    call("int.from_bytes([1, 2])", int_type, "from_bytes", ARGS("([ii])", 1, 2), NULL);
    call("int.from_bytes((1, 2, 3))", int_type, "from_bytes", ARGS("((iii))", 1, 2, 3), NULL);
    PyObject *list = Py_BuildValue("[ii]", 255, 0);
    call("int.from_bytes(iter([255, 0]), signed=True)", int_type, "from_bytes", ARGS("(N)", PyObject_GetIter(list)),
         KW("{s:O}", "signed", Py_True));
    Py_DECREF(list);
    call("int.from_bytes([256])", int_type, "from_bytes", ARGS("([i])", 256), NULL);
    call("int.from_bytes([-1])", int_type, "from_bytes", ARGS("([i])", -1), NULL);
    call("int.from_bytes([1.5])", int_type, "from_bytes", ARGS("([d])", 1.5), NULL);
    call("int.from_bytes('ab')", int_type, "from_bytes", ARGS("(s)", "ab"), NULL);
    call("int.from_bytes(5)", int_type, "from_bytes", ARGS("(i)", 5), NULL);
    call("int.from_bytes(None)", int_type, "from_bytes", ARGS("(O)", Py_None), NULL);
    call("int.from_bytes()", int_type, "from_bytes", ARGS("()"), NULL);
    call("int.from_bytes(b'', 1)", int_type, "from_bytes", ARGS("(yi)", "", 1), NULL);
    call("int.from_bytes(b'', 'middle')", int_type, "from_bytes", ARGS("(ys)", "", "middle"), NULL);
    call("int.from_bytes(b'', 'big', True)", int_type, "from_bytes", ARGS("(ysO)", "", "big", Py_True), NULL);
    call("int.from_bytes(b'', x=2)", int_type, "from_bytes", ARGS("(y)", ""), KW("{s:i}", "x", 2));
    call("int.from_bytes(x=2)", int_type, "from_bytes", ARGS("()"), KW("{s:i}", "x", 2));
    call("int.from_bytes(b'', bytes=b'')", int_type, "from_bytes", ARGS("(y)", ""), KW("{s:y}", "bytes", ""));
    call("int.from_bytes(bytes=1, byteorder=2, signed=3, x=4)", int_type, "from_bytes", ARGS("()"),
         KW("{s:i,s:i,s:i,s:i}", "bytes", 1, "byteorder", 2, "signed", 3, "x", 4));
    call_typed("I.from_bytes(b'\\x01\\x02')", I, "from_bytes", ARGS("(y)", "\x01\x02"), NULL);
    call_typed("I(3).from_bytes(b'\\x01\\x02')", PyObject_CallFunction(I, "i", 3), "from_bytes", ARGS("(y)", "\x01\x02"), NULL);
    call_typed("bool.from_bytes(b'\\x02')", (PyObject *)&PyBool_Type, "from_bytes", ARGS("(y)", "\x02"), NULL);
    call_typed("bool.from_bytes(b'\\x00')", (PyObject *)&PyBool_Type, "from_bytes", ARGS("(y)", "\x00"), NULL);
    call_typed("(5).from_bytes(b'\\x09')", five, "from_bytes", ARGS("(y)", "\x09"), NULL);

    PyObject *int_dict = PyObject_GetAttrString(int_type, "__dict__");
    PyObject *from_bytes = PyMapping_GetItemString(int_dict, "from_bytes");
    show_new("int.__dict__['from_bytes'](int, b'\\x01\\x02')", PyObject_CallFunction(from_bytes, "Oy", int_type, "\x01\x02"));
    show_typed("int.__dict__['from_bytes'](bool, b'\\x01')", PyObject_CallFunction(from_bytes, "Oy", &PyBool_Type, "\x01"));
    show_typed("int.__dict__['from_bytes'](I, b'\\x01', 'little')", PyObject_CallFunction(from_bytes, "Oys", I, "\x01", "little"));
    PyObject *args = ARGS("(Oy)", int_type, ""), *kwargs = KW("{s:i}", "byteorder", 1);
    show_new("int.__dict__['from_bytes'](int, b'', byteorder=1)", PyObject_Call(from_bytes, args, kwargs));
    Py_DECREF(args);
    Py_DECREF(kwargs);
    show_new("int.__dict__['from_bytes']()", PyObject_CallNoArgs(from_bytes));
    show_new("int.__dict__['from_bytes'](5, b'')", PyObject_CallFunction(from_bytes, "iy", 5, ""));
    show_new("int.__dict__['from_bytes'](str, b'')", PyObject_CallFunction(from_bytes, "Oy", &PyUnicode_Type, ""));
    Py_DECREF(from_bytes);
    Py_DECREF(int_dict);

    /* __format__(format_spec, /) */
    call("(255).__format__('x')", PyLong_FromLong(255), "__format__", ARGS("(s)", "x"), NULL);
    call("(255).__format__('>6,')", PyLong_FromLong(255), "__format__", ARGS("(s)", ">6,"), NULL);
    call("(255).__format__('')", PyLong_FromLong(255), "__format__", ARGS("(s)", ""), NULL);
    call("True.__format__('')", Py_True, "__format__", ARGS("(s)", ""), NULL);
    call("True.__format__('d')", Py_True, "__format__", ARGS("(s)", "d"), NULL);
    call("I(7).__format__('03')", PyObject_CallFunction(I, "i", 7), "__format__", ARGS("(s)", "03"), NULL);
    call("(5).__format__('z')", five, "__format__", ARGS("(s)", "z"), NULL);
    call("(5).__format__(1)", five, "__format__", ARGS("(i)", 1), NULL);
    call("(5).__format__()", five, "__format__", ARGS("()"), NULL);
    call("(5).__format__('', '')", five, "__format__", ARGS("(ss)", "", ""), NULL);
    call("(5).__format__(format_spec='')", five, "__format__", ARGS("()"), KW("{s:s}", "format_spec", ""));

    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        Py_DECREF(values[i].value);
    }
    Py_DECREF(five);
    Py_DECREF(I);
    return conf_end();
}
