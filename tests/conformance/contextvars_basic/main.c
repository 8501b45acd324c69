/* Context variables from C: defaults, set and reset with tokens, copies that do not see
   later changes, entering and exiting contexts, and the errors (tokens used twice, from
   another variable or another context; entering twice; exiting the wrong context). The
   objects' reprs hold addresses, so only their types and error types are printed. */
#include "conformance.h"

static void get(const char *label, PyObject *var, PyObject *def)
{
    PyObject *value = NULL;
    int r = PyContextVar_Get(var, def, &value);
    printf("%s: returns %d, ", label, r);
    if (value == NULL) {
        printf("NULL%s\n", PyErr_Occurred() ? " with an error" : "");
        PyErr_Clear();
    } else {
        show_new("value", value);
    }
}

static void error_type(const char *label, int r)
{
    printf("%s: returns %d, ", label, r);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    printf("error %s\n", type == NULL ? "none" : ((PyTypeObject *)type)->tp_name);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

int main(void)
{
    conf_init();
    PyObject *one = PyLong_FromLong(1), *five = PyLong_FromLong(5), *nine = PyLong_FromLong(9);
    PyObject *v = PyContextVar_New("v", one), *w = PyContextVar_New("w", NULL);
    show_type("ContextVar type", v);
    printf("CheckExact: var %d, context %d\n", PyContextVar_CheckExact(v), PyContext_CheckExact(v));

    printf("-- get and set\n");
    get("v", v, NULL);
    get("w (no default)", w, NULL);
    get("w with a default", w, nine);
    PyObject *token = PyContextVar_Set(v, five);
    show_type("token type", token);
    printf("PyContextToken_CheckExact: %d\n", PyContextToken_CheckExact(token));
    get("v after set", v, nine);
    PyObject *copy = PyContext_CopyCurrent();
    show_type("context type", copy);
    PyObject *token_w = PyContextVar_Set(w, nine);
    get("w after set", w, NULL);
    error_type("reset v with w's token", PyContextVar_Reset(v, token_w));
    printf("reset w: %d\n", PyContextVar_Reset(w, token_w));
    get("w after reset", w, NULL);
    error_type("reset w again", PyContextVar_Reset(w, token_w));
    error_type("reset with a non-token", PyContextVar_Reset(v, one));
    get("v before reset", v, NULL);
    printf("reset v: %d\n", PyContextVar_Reset(v, token));
    get("v after reset", v, NULL);

    printf("-- contexts\n");
    printf("enter the copy: %d\n", PyContext_Enter(copy));
    get("v in the copy (set before copying)", v, NULL);
    PyObject *token_in_copy = PyContextVar_Set(v, nine);
    get("v in the copy after set", v, NULL);
    error_type("enter the copy again", PyContext_Enter(copy));
    PyObject *fresh = PyContext_New();
    error_type("exit a context not entered", PyContext_Exit(fresh));
    printf("exit the copy: %d\n", PyContext_Exit(copy));
    get("v outside", v, NULL);
    error_type("reset with a token from the copy", PyContextVar_Reset(v, token_in_copy));
    printf("enter an empty context: %d\n", PyContext_Enter(fresh));
    get("v there (its default)", v, NULL);
    printf("exit: %d\n", PyContext_Exit(fresh));
    PyObject *copied = PyContext_Copy(copy);
    printf("PyContext_Enter(copy of copy): %d\n", PyContext_Enter(copied));
    get("v in the copy of the copy", v, NULL);
    PyContext_Exit(copied);
    error_type("get with a non-variable", PyContextVar_Get(one, NULL, &(PyObject *){ NULL }));
    show_new("PyContext_Copy(int)", PyContext_Copy(one));

    Py_DECREF(copied);
    Py_DECREF(fresh);
    Py_DECREF(token_in_copy);
    Py_DECREF(copy);
    Py_DECREF(token_w);
    Py_DECREF(token);
    Py_DECREF(v);
    Py_DECREF(w);
    Py_DECREF(one);
    Py_DECREF(five);
    Py_DECREF(nine);
    return conf_end();
}
