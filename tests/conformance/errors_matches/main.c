/* PyErr_ExceptionMatches / PyErr_GivenExceptionMatches across the standard hierarchy,
   tuples of classes, instances, aliases and PyErr_NewException subclasses. */
#include "conformance.h"

typedef struct {
    const char *name;
    PyObject **exc;
} named;

int main(void)
{
    conf_init();

    named all[] = {
        {"BaseException", &PyExc_BaseException}, {"Exception", &PyExc_Exception},
        {"ArithmeticError", &PyExc_ArithmeticError}, {"ZeroDivisionError", &PyExc_ZeroDivisionError},
        {"OverflowError", &PyExc_OverflowError}, {"LookupError", &PyExc_LookupError},
        {"KeyError", &PyExc_KeyError}, {"IndexError", &PyExc_IndexError},
        {"ImportError", &PyExc_ImportError}, {"ModuleNotFoundError", &PyExc_ModuleNotFoundError},
        {"OSError", &PyExc_OSError}, {"FileNotFoundError", &PyExc_FileNotFoundError},
        {"ValueError", &PyExc_ValueError}, {"UnicodeError", &PyExc_UnicodeError},
        {"UnicodeDecodeError", &PyExc_UnicodeDecodeError}, {"TypeError", &PyExc_TypeError},
        {"RuntimeError", &PyExc_RuntimeError}, {"RecursionError", &PyExc_RecursionError},
        {"NotImplementedError", &PyExc_NotImplementedError}, {"AttributeError", &PyExc_AttributeError},
        {"StopIteration", &PyExc_StopIteration}, {"SystemExit", &PyExc_SystemExit},
        {"KeyboardInterrupt", &PyExc_KeyboardInterrupt}, {"SystemError", &PyExc_SystemError},
        {"UserWarning", &PyExc_UserWarning}, {"Warning", &PyExc_Warning},
        {"DeprecationWarning", &PyExc_DeprecationWarning}, {"NameError", &PyExc_NameError},
        {"UnboundLocalError", &PyExc_UnboundLocalError}, {"TimeoutError", &PyExc_TimeoutError},
    };
    int n = (int)(sizeof all / sizeof all[0]);

    /* For every class: the names of the listed classes it matches. */
    for (int i = 0; i < n; i++) {
        printf("%s matches:", all[i].name);
        for (int j = 0; j < n; j++) {
            if (PyErr_GivenExceptionMatches(*all[i].exc, *all[j].exc)) {
                printf(" %s", all[j].name);
            }
        }
        printf("\n");
    }

    /* Base classes as Python sees them. */
    show_new("ZeroDivisionError.__mro__", PyObject_GetAttrString(PyExc_ZeroDivisionError, "__mro__"));
    show_new("ModuleNotFoundError.__bases__", PyObject_GetAttrString(PyExc_ModuleNotFoundError, "__bases__"));
    show_new("UnicodeDecodeError.__mro__", PyObject_GetAttrString(PyExc_UnicodeDecodeError, "__mro__"));
    printf("IOError is OSError: %d, EnvironmentError is OSError: %d\n", PyExc_IOError == PyExc_OSError,
           PyExc_EnvironmentError == PyExc_OSError);
    printf("PyObject_IsSubclass(KeyError, LookupError): %d\n",
           PyObject_IsSubclass(PyExc_KeyError, PyExc_LookupError));

    /* ExceptionMatches on the pending error. */
    PyErr_SetString(PyExc_ZeroDivisionError, "x");
    printf("pending ZeroDivisionError matches ArithmeticError: %d\n", PyErr_ExceptionMatches(PyExc_ArithmeticError));
    printf("pending ZeroDivisionError matches Exception: %d\n", PyErr_ExceptionMatches(PyExc_Exception));
    printf("pending ZeroDivisionError matches LookupError: %d\n", PyErr_ExceptionMatches(PyExc_LookupError));
    PyObject *tup = PyTuple_Pack(2, PyExc_KeyError, PyExc_ArithmeticError);
    printf("pending ZeroDivisionError matches (KeyError, ArithmeticError): %d\n", PyErr_ExceptionMatches(tup));
    PyObject *tup2 = PyTuple_Pack(2, PyExc_KeyError, PyExc_TypeError);
    printf("pending ZeroDivisionError matches (KeyError, TypeError): %d\n", PyErr_ExceptionMatches(tup2));
    PyObject *nested = Py_BuildValue("(O(OO))", PyExc_KeyError, PyExc_TypeError, PyExc_ZeroDivisionError);
    printf("pending ZeroDivisionError matches (KeyError, (TypeError, ZeroDivisionError)): %d\n",
           PyErr_ExceptionMatches(nested));
    PyErr_Clear();

    /* Given an instance rather than a class. */
    PyObject *inst = PyObject_CallFunction(PyExc_FileNotFoundError, "s", "f");
    printf("FileNotFoundError instance matches OSError: %d\n", PyErr_GivenExceptionMatches(inst, PyExc_OSError));
    printf("FileNotFoundError instance matches ValueError: %d\n", PyErr_GivenExceptionMatches(inst, PyExc_ValueError));
    printf("NULL given matches nothing: %d\n", PyErr_GivenExceptionMatches(NULL, PyExc_Exception));
    Py_DECREF(inst);

    /* A new exception class. */
    PyObject *base = PyErr_NewException("confmod.BaseErr", NULL, NULL);
    PyObject *mine = PyErr_NewException("confmod.MyError", base, NULL);
    PyObject *bases = PyTuple_Pack(2, PyExc_KeyError, PyExc_AttributeError);
    PyObject *multi = PyErr_NewExceptionWithDoc("confmod.Multi", "A documented error.", bases, NULL);
    show("MyError", mine);
    show_new("MyError.__module__", PyObject_GetAttrString(mine, "__module__"));
    show_new("MyError.__name__", PyObject_GetAttrString(mine, "__name__"));
    show_new("MyError.__mro__", PyObject_GetAttrString(mine, "__mro__"));
    show_new("Multi.__doc__", PyObject_GetAttrString(multi, "__doc__"));
    show_new("Multi.__bases__", PyObject_GetAttrString(multi, "__bases__"));
    show_cstr("PyExceptionClass_Name(MyError)", PyExceptionClass_Name(mine));
    PyErr_SetString(mine, "custom failure");
    printf("pending MyError matches BaseErr: %d\n", PyErr_ExceptionMatches(base));
    printf("pending MyError matches Exception: %d\n", PyErr_ExceptionMatches(PyExc_Exception));
    printf("pending MyError matches ValueError: %d\n", PyErr_ExceptionMatches(PyExc_ValueError));
    show_exc("pending MyError");
    PyErr_SetString(multi, "multi");
    printf("pending Multi matches LookupError: %d, AttributeError: %d\n",
           PyErr_GivenExceptionMatches(PyErr_Occurred(), PyExc_LookupError),
           PyErr_GivenExceptionMatches(PyErr_Occurred(), PyExc_AttributeError));
    show_exc("pending Multi");

    Py_DECREF(bases);
    Py_DECREF(multi);
    Py_DECREF(mine);
    Py_DECREF(base);
    Py_DECREF(tup);
    Py_DECREF(tup2);
    Py_DECREF(nested);
    return conf_end();
}
