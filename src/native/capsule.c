/* Capsules (CPython's Objects/capsule.c semantics and messages). A capsule is C-born and
   C-only: its type is readied like an extension's static type, so the managed side sees
   an ordinary C type with a tp_repr. */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} Capsule;

static void capsule_dealloc(PyObject *self)
{
    Capsule *capsule = (Capsule *)self;
    if (capsule->destructor != NULL) {
        capsule->destructor(self);
    }
    PyObject_Free(self);
}

static PyObject *capsule_repr(PyObject *self)
{
    const char *name = ((Capsule *)self)->name;
    return name != NULL ? PyUnicode_FromFormat("<capsule object \"%s\" at %p>", name, self)
                        : PyUnicode_FromFormat("<capsule object NULL at %p>", self);
}

PyTypeObject PyCapsule_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "PyCapsule",
    .tp_basicsize = sizeof(Capsule),
    .tp_dealloc = capsule_dealloc,
    .tp_repr = capsule_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
              "object.  They're a way of passing data through the Python interpreter\n"
              "without creating your own custom type.\n"
              "\n"
              "Capsules are used for communication between extension modules.\n"
              "They provide a way for an extension module to export a C interface\n"
              "to other extension modules, so that extension modules can use the\n"
              "Python import mechanism to link to one another.\n",
};

/* A capsule the accessor `function` may use: an exact capsule with a pointer. */
static Capsule *legal_capsule(PyObject *o, const char *function)
{
    if (o == NULL || !PyCapsule_CheckExact(o) || ((Capsule *)o)->pointer == NULL) {
        PyErr_Format(PyExc_ValueError, "%s called with invalid PyCapsule object", function);
        return NULL;
    }
    return (Capsule *)o;
}

/* Names match when both are NULL or both are equal strings. */
static int same_name(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)
{
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    if (!(PyCapsule_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyCapsule_Type) < 0) {
        return NULL;
    }
    Capsule *capsule = PyObject_New(Capsule, &PyCapsule_Type);
    if (capsule == NULL) {
        return NULL;
    }
    capsule->pointer = pointer;
    capsule->name = name;
    capsule->context = NULL;
    capsule->destructor = destructor;
    return (PyObject *)capsule;
}

int PyCapsule_IsValid(PyObject *o, const char *name)
{
    return o != NULL && PyCapsule_CheckExact(o) && ((Capsule *)o)->pointer != NULL &&
           same_name(((Capsule *)o)->name, name);
}

void *PyCapsule_GetPointer(PyObject *o, const char *name)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_GetPointer");
    if (capsule == NULL) {
        return NULL;
    }
    if (!same_name(capsule->name, name)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return capsule->pointer;
}

const char *PyCapsule_GetName(PyObject *o)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_GetName");
    return capsule != NULL ? capsule->name : NULL;
}

PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *o)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_GetDestructor");
    return capsule != NULL ? capsule->destructor : NULL;
}

void *PyCapsule_GetContext(PyObject *o)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_GetContext");
    return capsule != NULL ? capsule->context : NULL;
}

int PyCapsule_SetPointer(PyObject *o, void *pointer)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_SetPointer");
    if (capsule == NULL) {
        return -1;
    }
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    capsule->pointer = pointer;
    return 0;
}

int PyCapsule_SetName(PyObject *o, const char *name)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_SetName");
    if (capsule == NULL) {
        return -1;
    }
    capsule->name = name;
    return 0;
}

int PyCapsule_SetDestructor(PyObject *o, PyCapsule_Destructor destructor)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_SetDestructor");
    if (capsule == NULL) {
        return -1;
    }
    capsule->destructor = destructor;
    return 0;
}

int PyCapsule_SetContext(PyObject *o, void *context)
{
    Capsule *capsule = legal_capsule(o, "PyCapsule_SetContext");
    if (capsule == NULL) {
        return -1;
    }
    capsule->context = context;
    return 0;
}

/* "package.module.attr": imports the first part, follows the rest as attributes, and
   wants a capsule named exactly `name` at the end. */
void *PyCapsule_Import(const char *name, int no_block)
{
    (void)no_block; /* ignored since 3.3, as in CPython */
    size_t length = strlen(name);
    char *path = PyMem_Malloc(length + 1);
    if (path == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(path, name, length + 1);
    PyObject *object = NULL;
    void *pointer = NULL;
    for (char *part = path, *next; part != NULL; part = next) {
        next = strchr(part, '.');
        if (next != NULL) {
            *next++ = '\0';
        }
        if (object == NULL) {
            object = PyImport_ImportModule(part);
            if (object == NULL) {
                PyErr_Format(PyExc_ImportError, "PyCapsule_Import could not import module \"%s\"", part);
                goto done;
            }
        } else {
            PyObject *attribute = PyObject_GetAttrString(object, part);
            Py_DECREF(object);
            object = attribute;
            if (object == NULL) {
                goto done;
            }
        }
    }
    if (PyCapsule_IsValid(object, name)) {
        pointer = ((Capsule *)object)->pointer;
    } else {
        PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
    }
done:
    Py_XDECREF(object);
    PyMem_Free(path);
    return pointer;
}
