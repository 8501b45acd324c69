/* Our static objects: the built-in type objects, the singletons and the exception
   classes, all exported under CPython's names.
   C fills what macros read (name, sizes, flags, base, dealloc); the managed object space
   links a managed type to each at start-up through pycapi_static_table(). */
#include "pycapi_runtime.h"
#include "structmember.h"

PYCAPI_HIDDEN void pycapi_object_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_tuple_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_list_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_dict_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_float_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_unicode_dealloc(PyObject *op);
PYCAPI_HIDDEN int pycapi_sequence_traverse(PyObject *op, visitproc visit, void *arg);
PYCAPI_HIDDEN int pycapi_list_clear(PyObject *op);
PYCAPI_HIDDEN void pycapi_bytearray_dealloc(PyObject *op);
PYCAPI_HIDDEN void pycapi_memoryview_dealloc(PyObject *op);
PYCAPI_HIDDEN extern PyBufferProcs pycapi_bytearray_as_buffer, pycapi_memoryview_as_buffer;

/* The built-in types' tp_new and tp_init, for their C subclasses and for C calling them. */
PYCAPI_HIDDEN PyObject *pycapi_object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_object_init(PyObject *self, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_type_init(PyObject *self, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_long_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_list_init(PyObject *self, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_dict_init(PyObject *self, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_float_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN PyObject *pycapi_exception_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN int pycapi_exception_init(PyObject *self, PyObject *args, PyObject *kwds);
PYCAPI_HIDDEN void pycapi_exception_dealloc(PyObject *op);

/* builtinslots.c: the containers' slots, filled at start-up with their own behaviour. */
PYCAPI_HIDDEN extern PySequenceMethods pycapi_tuple_as_sequence, pycapi_list_as_sequence, pycapi_dict_as_sequence,
    pycapi_view_as_sequence;
PYCAPI_HIDDEN extern PyMappingMethods pycapi_readonly_as_mapping, pycapi_mutable_as_mapping;
#define CONTAINER_SLOTS(sequence, mapping) \
    .tp_as_sequence = (sequence), .tp_as_mapping = (mapping), .tp_iter = PyObject_GetIter,
#define ITERATOR_SLOTS .tp_iter = PyObject_SelfIter, .tp_iternext = PyIter_Next,

#define BUILTIN_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_READY | Py_TPFLAGS_IMMUTABLETYPE | PYCAPI_TPFLAGS_MANAGED_CALL)

/* Any further arguments are designated initializers of more fields. */
#define STATIC_TYPE(cname, pyname, base, size, itemsize, flags, dealloc, ...) \
    PyTypeObject cname = {                                    \
        .ob_base = { PYCAPI_STATIC_HEAD(&PyType_Type), 0 },                 \
        .tp_name = pyname,                                                  \
        .tp_basicsize = (size),                                             \
        .tp_itemsize = (itemsize),                                          \
        .tp_dealloc = (dealloc),                                            \
        .tp_flags = BUILTIN_FLAGS | (flags),                                \
        .tp_base = (base),                                                  \
        .tp_alloc = PyType_GenericAlloc,                                    \
        .tp_free = PyObject_Free,                                           \
        __VA_ARGS__                                                         \
    };

/* PyCFunctionObject-like objects and modules are managed-first; their sizes are
   CPython's so that a C subclass would lay out the same way. */
typedef struct { PyObject_HEAD PyObject *md_dict; PyModuleDef *md_def; void *md_state;
                 PyObject *md_weaklist; PyObject *md_name; } pycapi_module_layout;

STATIC_TYPE(PyType_Type, "type", &PyBaseObject_Type, sizeof(PyHeapTypeObject), sizeof(PyMemberDef),
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
            pycapi_object_dealloc, .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist), .tp_init = pycapi_type_init)
STATIC_TYPE(PyBaseObject_Type, "object", NULL, sizeof(PyObject), 0, Py_TPFLAGS_BASETYPE, pycapi_object_dealloc,
            .tp_new = pycapi_object_new, .tp_init = pycapi_object_init)
STATIC_TYPE(PySuper_Type, "super", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc,
            .tp_descr_get = _PyCApi_DescrGet)
STATIC_TYPE(PyLong_Type, "int", &PyBaseObject_Type, offsetof(PyLongObject, ob_digit), sizeof(digit),
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF, pycapi_object_dealloc,
            .tp_new = pycapi_long_new)
STATIC_TYPE(PyBool_Type, "bool", &PyLong_Type, offsetof(PyLongObject, ob_digit), sizeof(digit),
            PYCAPI_TPFLAGS_STATIC_INSTANCES | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF, pycapi_object_dealloc,
            .tp_new = pycapi_bool_new)
STATIC_TYPE(PyFloat_Type, "float", &PyBaseObject_Type, sizeof(PyFloatObject), 0,
            Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF, pycapi_float_dealloc, .tp_new = pycapi_float_new)
STATIC_TYPE(PyUnicode_Type, "str", &PyBaseObject_Type, sizeof(PyUnicodeObject), 0,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF, pycapi_unicode_dealloc,
            .tp_new = pycapi_unicode_new)
/* bytes exports its ob_sval read-only (bytes_buffer_getbuffer); getargs reads tp_as_buffer. */
static int bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), Py_SIZE(self), 1, flags);
}
static PyBufferProcs bytes_as_buffer = { bytes_getbuffer, NULL };

/* tp_basicsize is PyBytesObject_SIZE: the header and the terminating NUL. */
STATIC_TYPE(PyBytes_Type, "bytes", &PyBaseObject_Type, offsetof(PyBytesObject, ob_sval) + 1, 1,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | _Py_TPFLAGS_MATCH_SELF, pycapi_object_dealloc,
            .tp_as_buffer = &bytes_as_buffer, .tp_new = pycapi_bytes_new)
/* bytearray and memoryview keep their state in the native object (bytearrayobject.c, memoryobject.c). */
STATIC_TYPE(PyByteArray_Type, "bytearray", &PyBaseObject_Type, sizeof(PyByteArrayObject), 0,
            Py_TPFLAGS_BASETYPE, pycapi_bytearray_dealloc, .tp_as_buffer = &pycapi_bytearray_as_buffer)
STATIC_TYPE(PyMemoryView_Type, "memoryview", &PyBaseObject_Type, offsetof(PyMemoryViewObject, ob_array), sizeof(Py_ssize_t),
            Py_TPFLAGS_SEQUENCE, pycapi_memoryview_dealloc, .tp_as_buffer = &pycapi_memoryview_as_buffer,
            .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist))
STATIC_TYPE(PyTuple_Type, "tuple", &PyBaseObject_Type, offsetof(PyTupleObject, ob_item), sizeof(PyObject *),
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE | _Py_TPFLAGS_MATCH_SELF,
            pycapi_tuple_dealloc, CONTAINER_SLOTS(&pycapi_tuple_as_sequence, &pycapi_readonly_as_mapping)
            .tp_traverse = pycapi_sequence_traverse, .tp_new = pycapi_tuple_new)
STATIC_TYPE(PyList_Type, "list", &PyBaseObject_Type, sizeof(PyListObject), 0,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE | _Py_TPFLAGS_MATCH_SELF,
            pycapi_list_dealloc, CONTAINER_SLOTS(&pycapi_list_as_sequence, &pycapi_mutable_as_mapping)
            .tp_traverse = pycapi_sequence_traverse, .tp_clear = pycapi_list_clear, .tp_new = PyType_GenericNew,
            .tp_init = pycapi_list_init)
STATIC_TYPE(PyDict_Type, "dict", &PyBaseObject_Type, sizeof(PyDictObject), 0,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING | _Py_TPFLAGS_MATCH_SELF,
            pycapi_dict_dealloc, CONTAINER_SLOTS(&pycapi_dict_as_sequence, &pycapi_mutable_as_mapping)
            .tp_new = pycapi_dict_new, .tp_init = pycapi_dict_init)
/* set and frozenset (SetObject.cs): the table is managed; the header keeps `used` current. */
#define SET_TYPE(cname, pyname)                                                                   \
    STATIC_TYPE(cname, pyname, &PyBaseObject_Type, sizeof(PySetObject), 0,                       \
                Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF, pycapi_object_dealloc, \
                CONTAINER_SLOTS(&pycapi_view_as_sequence, NULL) .tp_weaklistoffset = offsetof(PySetObject, weakreflist))
SET_TYPE(PySet_Type, "set")
SET_TYPE(PyFrozenSet_Type, "frozenset")
STATIC_TYPE(PyModule_Type, "module", &PyBaseObject_Type, sizeof(pycapi_module_layout), 0,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc,
            .tp_weaklistoffset = offsetof(pycapi_module_layout, md_weaklist))
STATIC_TYPE(PyModuleDef_Type, "moduledef", &PyBaseObject_Type, sizeof(PyModuleDef), 0, 0, pycapi_object_dealloc)
STATIC_TYPE(PyCFunction_Type, "builtin_function_or_method", &PyBaseObject_Type, sizeof(PyCFunctionObject), 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL, pycapi_object_dealloc,
            .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
            .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist))
STATIC_TYPE(PyCMethod_Type, "builtin_method", &PyCFunction_Type, sizeof(PyCMethodObject), 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL, pycapi_object_dealloc,
            .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
            .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist))
STATIC_TYPE(_PyNone_Type, "NoneType", &PyBaseObject_Type, sizeof(PyObject), 0, PYCAPI_TPFLAGS_STATIC_INSTANCES, pycapi_object_dealloc)
STATIC_TYPE(_PyNotImplemented_Type, "NotImplementedType", &PyBaseObject_Type, sizeof(PyObject), 0, PYCAPI_TPFLAGS_STATIC_INSTANCES,
            pycapi_object_dealloc)
STATIC_TYPE(PyEllipsis_Type, "ellipsis", &PyBaseObject_Type, sizeof(PyObject), 0, PYCAPI_TPFLAGS_STATIC_INSTANCES, pycapi_object_dealloc)
STATIC_TYPE(PyDictKeys_Type, "dict_keys", &PyBaseObject_Type, 24, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, CONTAINER_SLOTS(&pycapi_view_as_sequence, NULL))
STATIC_TYPE(PyDictValues_Type, "dict_values", &PyBaseObject_Type, 24, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, CONTAINER_SLOTS(&pycapi_view_as_sequence, NULL))
STATIC_TYPE(PyDictItems_Type, "dict_items", &PyBaseObject_Type, 24, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, CONTAINER_SLOTS(&pycapi_view_as_sequence, NULL))
STATIC_TYPE(PyTupleIter_Type, "tuple_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyListIter_Type, "list_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyListRevIter_Type, "list_reverseiterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyUnicodeIter_Type, "str_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyBytesIter_Type, "bytes_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyByteArrayIter_Type, "bytearray_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictIterKey_Type, "dict_keyiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictIterValue_Type, "dict_valueiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictIterItem_Type, "dict_itemiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PySetIter_Type, "set_iterator", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PySeqIter_Type, "iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
/* Not in CPython's headers: memoryview's iterator, named by type() only. */
PYCAPI_HIDDEN STATIC_TYPE(pycapi_memory_iter_type, "memory_iterator", &PyBaseObject_Type, 40, 0, Py_TPFLAGS_HAVE_GC,
                          pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyCallIter_Type, "callable_iterator", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, ITERATOR_SLOTS)
/* The iterator types the builtins module names (sizes: CPython's enumobject, reversedobject,
   zipobject, mapobject and filterobject). */
#define BUILTIN_ITERATOR_FLAGS (Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)
STATIC_TYPE(PyEnum_Type, "enumerate", &PyBaseObject_Type, 48, 0, BUILTIN_ITERATOR_FLAGS, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyReversed_Type, "reversed", &PyBaseObject_Type, 32, 0, BUILTIN_ITERATOR_FLAGS, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyZip_Type, "zip", &PyBaseObject_Type, 48, 0, BUILTIN_ITERATOR_FLAGS, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyMap_Type, "map", &PyBaseObject_Type, 32, 0, BUILTIN_ITERATOR_FLAGS, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyFilter_Type, "filter", &PyBaseObject_Type, 32, 0, BUILTIN_ITERATOR_FLAGS, pycapi_object_dealloc, ITERATOR_SLOTS)
/* The descriptors' C slots lead to their managed __get__ / __set__ (FuncObject.cs). */
#define DESCR_GET .tp_descr_get = _PyCApi_DescrGet,
#define DESCR_GET_SET .tp_descr_get = _PyCApi_DescrGet, .tp_descr_set = _PyCApi_DescrSet,
STATIC_TYPE(PyClassMethodDescr_Type, "classmethod_descriptor", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, DESCR_GET)
STATIC_TYPE(PyGetSetDescr_Type, "getset_descriptor", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, DESCR_GET_SET)
STATIC_TYPE(PyMemberDescr_Type, "member_descriptor", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc, DESCR_GET_SET)
STATIC_TYPE(PyMethodDescr_Type, "method_descriptor", &PyBaseObject_Type, 56, 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_VECTORCALL, pycapi_object_dealloc, DESCR_GET)
STATIC_TYPE(PyWrapperDescr_Type, "wrapper_descriptor", &PyBaseObject_Type, 56, 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR, pycapi_object_dealloc, DESCR_GET)
STATIC_TYPE(_PyMethodWrapper_Type, "method-wrapper", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(Py_GenericAliasType, "types.GenericAlias", &PyBaseObject_Type, 64, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
static STATIC_TYPE(GenericAliasIter_Type, "generic_alias_iterator", &PyBaseObject_Type, 24, 0, Py_TPFLAGS_HAVE_GC,
                   pycapi_object_dealloc, ITERATOR_SLOTS)
/* Bound methods and the method wrappers (FuncObject.cs), with CPython's sizes:
   PyMethodObject and PyInstanceMethodObject are public layouts. */
STATIC_TYPE(PyMethod_Type, "method", &PyBaseObject_Type, sizeof(PyMethodObject), 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(PyInstanceMethod_Type, "instancemethod", &PyBaseObject_Type, sizeof(PyInstanceMethodObject), 0, Py_TPFLAGS_HAVE_GC,
            pycapi_object_dealloc, DESCR_GET)
STATIC_TYPE(PyClassMethod_Type, "classmethod", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
            pycapi_object_dealloc, DESCR_GET)
STATIC_TYPE(PyStaticMethod_Type, "staticmethod", &PyBaseObject_Type, 32, 0, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
            pycapi_object_dealloc, DESCR_GET)
/* Generators and coroutines come from Python code, which does not run here: the types are
   for the checks (CPython's sizes and flags). */
STATIC_TYPE(PyGen_Type, "generator", &PyBaseObject_Type, 152, 8, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(PyCoro_Type, "coroutine", &PyBaseObject_Type, 152, 8, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(PyAsyncGen_Type, "async_generator", &PyBaseObject_Type, 152, 8, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
/* Context variables (ContextObject.cs). */
STATIC_TYPE(PyContext_Type, "_contextvars.Context", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(PyContextVar_Type, "_contextvars.ContextVar", &PyBaseObject_Type, 56, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
STATIC_TYPE(PyContextToken_Type, "_contextvars.Token", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc)
/* Python functions do not exist here; the type is for PyFunction_Check (CPython's size and flags). */
STATIC_TYPE(PyFunction_Type, "function", &PyBaseObject_Type, 136, 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_VECTORCALL, pycapi_object_dealloc)
STATIC_TYPE(PyDictProxy_Type, "mappingproxy", &PyBaseObject_Type, 24, 0, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING, pycapi_object_dealloc, CONTAINER_SLOTS(&pycapi_view_as_sequence, &pycapi_readonly_as_mapping))
STATIC_TYPE(PyProperty_Type, "property", &PyBaseObject_Type, 56, 0, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, pycapi_object_dealloc,
            DESCR_GET_SET)
/* Weak references (WeakrefObject.cs): managed objects whose native half keeps wr_object
   current for PyWeakref_GET_OBJECT. Not weakly referenceable themselves (no weaklist). */
STATIC_TYPE(_PyWeakref_RefType, "weakref.ReferenceType", &PyBaseObject_Type, sizeof(PyWeakReference), 0,
            Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL, pycapi_object_dealloc,
            .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall))
STATIC_TYPE(_PyWeakref_ProxyType, "weakref.ProxyType", &PyBaseObject_Type, sizeof(PyWeakReference), 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION, pycapi_object_dealloc)
STATIC_TYPE(_PyWeakref_CallableProxyType, "weakref.CallableProxyType", &PyBaseObject_Type, sizeof(PyWeakReference), 0,
            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION, pycapi_object_dealloc)

PYCAPI_HIDDEN extern PySequenceMethods pycapi_range_as_sequence;
/* slice, range and complex are managed-first; a slice's native half holds references to its parts. */
PYCAPI_HIDDEN void pycapi_slice_dealloc(PyObject *op);
STATIC_TYPE(PySlice_Type, "slice", &PyBaseObject_Type, sizeof(PySliceObject), 0, 0, pycapi_slice_dealloc)
STATIC_TYPE(PyRange_Type, "range", &PyBaseObject_Type, 48, 0, Py_TPFLAGS_SEQUENCE, pycapi_object_dealloc,
            CONTAINER_SLOTS(&pycapi_range_as_sequence, &pycapi_readonly_as_mapping))
STATIC_TYPE(PyRangeIter_Type, "range_iterator", &PyBaseObject_Type, 40, 0, 0, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyLongRangeIter_Type, "longrange_iterator", &PyBaseObject_Type, 40, 0, 0, pycapi_object_dealloc, ITERATOR_SLOTS)
STATIC_TYPE(PyComplex_Type, "complex", &PyBaseObject_Type, sizeof(PyComplexObject), 0,
            Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF, pycapi_object_dealloc, .tp_new = pycapi_complex_new)

PyObject _Py_NoneStruct = PYCAPI_STATIC_HEAD(&_PyNone_Type);
PyObject _Py_NotImplementedStruct = PYCAPI_STATIC_HEAD(&_PyNotImplemented_Type);
PyObject _Py_EllipsisObject = PYCAPI_STATIC_HEAD(&PyEllipsis_Type);
PyLongObject _Py_FalseStruct = { { PYCAPI_STATIC_HEAD(&PyBool_Type), 0 }, { 0 } };
PyLongObject _Py_TrueStruct = { { PYCAPI_STATIC_HEAD(&PyBool_Type), 1 }, { 1 } };

/* The exception hierarchy: X(name, base type object, instance size). Sizes are CPython 3.11's
   structs for the classes that add fields. */
#define EXC_BASE_SIZE sizeof(PyBaseExceptionObject)
#define PYCAPI_EXCEPTIONS(X)                                      \
    X(BaseException, PyBaseObject_Type, EXC_BASE_SIZE)                         \
    X(BaseExceptionGroup, _PyExc_BaseException, EXC_BASE_SIZE + 16)      \
    X(Exception, _PyExc_BaseException, EXC_BASE_SIZE)                    \
    X(GeneratorExit, _PyExc_BaseException, EXC_BASE_SIZE)                \
    X(KeyboardInterrupt, _PyExc_BaseException, EXC_BASE_SIZE)            \
    X(SystemExit, _PyExc_BaseException, EXC_BASE_SIZE + 8)               \
    X(StopAsyncIteration, _PyExc_Exception, EXC_BASE_SIZE)               \
    X(StopIteration, _PyExc_Exception, EXC_BASE_SIZE + 8)                \
    X(ArithmeticError, _PyExc_Exception, EXC_BASE_SIZE)                  \
    X(FloatingPointError, _PyExc_ArithmeticError, EXC_BASE_SIZE)         \
    X(OverflowError, _PyExc_ArithmeticError, EXC_BASE_SIZE)              \
    X(ZeroDivisionError, _PyExc_ArithmeticError, EXC_BASE_SIZE)          \
    X(AssertionError, _PyExc_Exception, EXC_BASE_SIZE)                   \
    X(AttributeError, _PyExc_Exception, EXC_BASE_SIZE + 16)              \
    X(BufferError, _PyExc_Exception, EXC_BASE_SIZE)                      \
    X(EOFError, _PyExc_Exception, EXC_BASE_SIZE)                         \
    X(ImportError, _PyExc_Exception, EXC_BASE_SIZE + 24)                 \
    X(ModuleNotFoundError, _PyExc_ImportError, EXC_BASE_SIZE + 24)       \
    X(LookupError, _PyExc_Exception, EXC_BASE_SIZE)                      \
    X(IndexError, _PyExc_LookupError, EXC_BASE_SIZE)                     \
    X(KeyError, _PyExc_LookupError, EXC_BASE_SIZE)                       \
    X(MemoryError, _PyExc_Exception, EXC_BASE_SIZE)                      \
    X(NameError, _PyExc_Exception, EXC_BASE_SIZE + 8)                    \
    X(UnboundLocalError, _PyExc_NameError, EXC_BASE_SIZE + 8)            \
    X(OSError, _PyExc_Exception, EXC_BASE_SIZE + 40)                     \
    X(BlockingIOError, _PyExc_OSError, EXC_BASE_SIZE + 40)               \
    X(ChildProcessError, _PyExc_OSError, EXC_BASE_SIZE + 40)             \
    X(ConnectionError, _PyExc_OSError, EXC_BASE_SIZE + 40)               \
    X(BrokenPipeError, _PyExc_ConnectionError, EXC_BASE_SIZE + 40)       \
    X(ConnectionAbortedError, _PyExc_ConnectionError, EXC_BASE_SIZE + 40) \
    X(ConnectionRefusedError, _PyExc_ConnectionError, EXC_BASE_SIZE + 40) \
    X(ConnectionResetError, _PyExc_ConnectionError, EXC_BASE_SIZE + 40)  \
    X(FileExistsError, _PyExc_OSError, EXC_BASE_SIZE + 40)               \
    X(FileNotFoundError, _PyExc_OSError, EXC_BASE_SIZE + 40)             \
    X(InterruptedError, _PyExc_OSError, EXC_BASE_SIZE + 40)              \
    X(IsADirectoryError, _PyExc_OSError, EXC_BASE_SIZE + 40)             \
    X(NotADirectoryError, _PyExc_OSError, EXC_BASE_SIZE + 40)            \
    X(PermissionError, _PyExc_OSError, EXC_BASE_SIZE + 40)               \
    X(ProcessLookupError, _PyExc_OSError, EXC_BASE_SIZE + 40)            \
    X(TimeoutError, _PyExc_OSError, EXC_BASE_SIZE + 40)                  \
    X(ReferenceError, _PyExc_Exception, EXC_BASE_SIZE)                   \
    X(RuntimeError, _PyExc_Exception, EXC_BASE_SIZE)                     \
    X(NotImplementedError, _PyExc_RuntimeError, EXC_BASE_SIZE)           \
    X(RecursionError, _PyExc_RuntimeError, EXC_BASE_SIZE)                \
    X(SyntaxError, _PyExc_Exception, EXC_BASE_SIZE + 56)                 \
    X(IndentationError, _PyExc_SyntaxError, EXC_BASE_SIZE + 56)          \
    X(TabError, _PyExc_IndentationError, EXC_BASE_SIZE + 56)             \
    X(SystemError, _PyExc_Exception, EXC_BASE_SIZE)                      \
    X(TypeError, _PyExc_Exception, EXC_BASE_SIZE)                        \
    X(ValueError, _PyExc_Exception, EXC_BASE_SIZE)                       \
    X(UnicodeError, _PyExc_ValueError, EXC_BASE_SIZE + 40)               \
    X(UnicodeDecodeError, _PyExc_UnicodeError, EXC_BASE_SIZE + 40)       \
    X(UnicodeEncodeError, _PyExc_UnicodeError, EXC_BASE_SIZE + 40)       \
    X(UnicodeTranslateError, _PyExc_UnicodeError, EXC_BASE_SIZE + 40)    \
    X(Warning, _PyExc_Exception, EXC_BASE_SIZE)                          \
    X(UserWarning, _PyExc_Warning, EXC_BASE_SIZE)                        \
    X(DeprecationWarning, _PyExc_Warning, EXC_BASE_SIZE)                 \
    X(PendingDeprecationWarning, _PyExc_Warning, EXC_BASE_SIZE)          \
    X(SyntaxWarning, _PyExc_Warning, EXC_BASE_SIZE)                      \
    X(RuntimeWarning, _PyExc_Warning, EXC_BASE_SIZE)                     \
    X(FutureWarning, _PyExc_Warning, EXC_BASE_SIZE)                      \
    X(ImportWarning, _PyExc_Warning, EXC_BASE_SIZE)                      \
    X(UnicodeWarning, _PyExc_Warning, EXC_BASE_SIZE)                     \
    X(BytesWarning, _PyExc_Warning, EXC_BASE_SIZE)                       \
    X(EncodingWarning, _PyExc_Warning, EXC_BASE_SIZE)                    \
    X(ResourceWarning, _PyExc_Warning, EXC_BASE_SIZE)

#define EXC_FLAGS (Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define DECLARE_EXC_TYPE(name, base, size) extern PyTypeObject _PyExc_##name;
PYCAPI_EXCEPTIONS(DECLARE_EXC_TYPE)

#define DEFINE_EXC_TYPE(name, base, size)                                           \
    STATIC_TYPE(_PyExc_##name, #name, &base, size, 0, EXC_FLAGS, pycapi_exception_dealloc, \
                .tp_new = pycapi_exception_new, .tp_init = pycapi_exception_init) \
    PyObject *PyExc_##name = (PyObject *)&_PyExc_##name;
PYCAPI_EXCEPTIONS(DEFINE_EXC_TYPE)

PyObject *PyExc_EnvironmentError = (PyObject *)&_PyExc_OSError;
PyObject *PyExc_IOError = (PyObject *)&_PyExc_OSError;

/* What the managed side links at start-up: every static object under a key. */
#define EXC_ENTRY(name, base, size) { #name, (PyObject *)&_PyExc_##name },
static const pycapi_static_entry static_table[] = {
    { "type", (PyObject *)&PyType_Type },
    { "object", (PyObject *)&PyBaseObject_Type },
    { "super", (PyObject *)&PySuper_Type },
    { "int", (PyObject *)&PyLong_Type },
    { "bool", (PyObject *)&PyBool_Type },
    { "float", (PyObject *)&PyFloat_Type },
    { "str", (PyObject *)&PyUnicode_Type },
    { "bytes", (PyObject *)&PyBytes_Type },
    { "bytearray", (PyObject *)&PyByteArray_Type },
    { "memoryview", (PyObject *)&PyMemoryView_Type },
    { "tuple", (PyObject *)&PyTuple_Type },
    { "list", (PyObject *)&PyList_Type },
    { "dict", (PyObject *)&PyDict_Type },
    { "set", (PyObject *)&PySet_Type },
    { "frozenset", (PyObject *)&PyFrozenSet_Type },
    { "set_iterator", (PyObject *)&PySetIter_Type },
    { "module", (PyObject *)&PyModule_Type },
    { "moduledef", (PyObject *)&PyModuleDef_Type },
    { "builtin_function_or_method", (PyObject *)&PyCFunction_Type },
    { "builtin_method", (PyObject *)&PyCMethod_Type },
    { "NoneType", (PyObject *)&_PyNone_Type },
    { "NotImplementedType", (PyObject *)&_PyNotImplemented_Type },
    { "dict_keys", (PyObject *)&PyDictKeys_Type },
    { "dict_values", (PyObject *)&PyDictValues_Type },
    { "dict_items", (PyObject *)&PyDictItems_Type },
    { "tuple_iterator", (PyObject *)&PyTupleIter_Type },
    { "list_iterator", (PyObject *)&PyListIter_Type },
    { "list_reverseiterator", (PyObject *)&PyListRevIter_Type },
    { "str_iterator", (PyObject *)&PyUnicodeIter_Type },
    { "bytes_iterator", (PyObject *)&PyBytesIter_Type },
    { "bytearray_iterator", (PyObject *)&PyByteArrayIter_Type },
    { "dict_keyiterator", (PyObject *)&PyDictIterKey_Type },
    { "dict_valueiterator", (PyObject *)&PyDictIterValue_Type },
    { "dict_itemiterator", (PyObject *)&PyDictIterItem_Type },
    { "dict_reversekeyiterator", (PyObject *)&PyDictRevIterKey_Type },
    { "dict_reversevalueiterator", (PyObject *)&PyDictRevIterValue_Type },
    { "dict_reverseitemiterator", (PyObject *)&PyDictRevIterItem_Type },
    { "iterator", (PyObject *)&PySeqIter_Type },
    { "callable_iterator", (PyObject *)&PyCallIter_Type },
    { "memory_iterator", (PyObject *)&pycapi_memory_iter_type },
    { "enumerate", (PyObject *)&PyEnum_Type },
    { "reversed", (PyObject *)&PyReversed_Type },
    { "zip", (PyObject *)&PyZip_Type },
    { "map", (PyObject *)&PyMap_Type },
    { "filter", (PyObject *)&PyFilter_Type },
    { "classmethod_descriptor", (PyObject *)&PyClassMethodDescr_Type },
    { "getset_descriptor", (PyObject *)&PyGetSetDescr_Type },
    { "member_descriptor", (PyObject *)&PyMemberDescr_Type },
    { "method_descriptor", (PyObject *)&PyMethodDescr_Type },
    { "wrapper_descriptor", (PyObject *)&PyWrapperDescr_Type },
    { "method-wrapper", (PyObject *)&_PyMethodWrapper_Type },
    { "types.GenericAlias", (PyObject *)&Py_GenericAliasType },
    { "generic_alias_iterator", (PyObject *)&GenericAliasIter_Type },
    { "mappingproxy", (PyObject *)&PyDictProxy_Type },
    { "property", (PyObject *)&PyProperty_Type },
    { "function", (PyObject *)&PyFunction_Type },
    { "_contextvars.Context", (PyObject *)&PyContext_Type },
    { "_contextvars.ContextVar", (PyObject *)&PyContextVar_Type },
    { "_contextvars.Token", (PyObject *)&PyContextToken_Type },
    { "generator", (PyObject *)&PyGen_Type },
    { "coroutine", (PyObject *)&PyCoro_Type },
    { "async_generator", (PyObject *)&PyAsyncGen_Type },
    { "method", (PyObject *)&PyMethod_Type },
    { "instancemethod", (PyObject *)&PyInstanceMethod_Type },
    { "classmethod", (PyObject *)&PyClassMethod_Type },
    { "staticmethod", (PyObject *)&PyStaticMethod_Type },
    { "weakref.ReferenceType", (PyObject *)&_PyWeakref_RefType },
    { "weakref.ProxyType", (PyObject *)&_PyWeakref_ProxyType },
    { "weakref.CallableProxyType", (PyObject *)&_PyWeakref_CallableProxyType },
    { "slice", (PyObject *)&PySlice_Type },
    { "range", (PyObject *)&PyRange_Type },
    { "range_iterator", (PyObject *)&PyRangeIter_Type },
    { "longrange_iterator", (PyObject *)&PyLongRangeIter_Type },
    { "complex", (PyObject *)&PyComplex_Type },
    { "None", &_Py_NoneStruct },
    { "NotImplemented", &_Py_NotImplementedStruct },
    { "ellipsis", (PyObject *)&PyEllipsis_Type },
    { "Ellipsis", &_Py_EllipsisObject },
    { "False", (PyObject *)&_Py_FalseStruct },
    { "True", (PyObject *)&_Py_TrueStruct },
    PYCAPI_EXCEPTIONS(EXC_ENTRY)
    { NULL, NULL },
};

PYCAPI_HIDDEN const pycapi_static_entry *pycapi_static_table(void) { return static_table; }
