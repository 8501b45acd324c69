/* ABI layout: sizeof and offsetof of every field an extension can touch, and the values of
   the flags, slot ids and constants, as the headers declare them. Compiled against CPython's
   headers and against ours, the two outputs must be identical. No runtime is started.
   Constants print as signed decimal and as hex; PY_VERSION_HEX only to major.minor. */
#include "conformance.h"
#include <structmember.h>
#include <frameobject.h>
/* The frame object's struct, where Cython finds it (it writes f_lineno directly). */
#define Py_BUILD_CORE 1
#include "internal/pycore_frame.h"
#undef Py_BUILD_CORE

/* PyBytesObject.ob_shash is deprecated in 3.11, but its offset is still part of the ABI. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define S(type) printf("sizeof(%s) = %zu\n", #type, sizeof(type))
#define F(type, field) \
    printf("  %s.%s: offset %zu, size %zu\n", #type, #field, offsetof(type, field), sizeof(((type *)0)->field))
#define V(name) printf("%s = %lld (0x%llx)\n", #name, (long long)(name), (unsigned long long)(name))

int main(void)
{
    conf_begin();

    /* Basic types. */
    S(Py_ssize_t);
    S(Py_hash_t);
    S(Py_uhash_t);
    S(digit);
    S(sdigit);
    S(twodigits);
    S(Py_UCS1);
    S(Py_UCS2);
    S(Py_UCS4);
    S(Py_UNICODE);
    S(PyCFunction);
    S(vectorcallfunc);
    printf("\n");

    S(PyObject);
    F(PyObject, ob_refcnt);
    F(PyObject, ob_type);

    S(PyVarObject);
    F(PyVarObject, ob_base);
    F(PyVarObject, ob_size);

    S(PyTypeObject);
    F(PyTypeObject, ob_base);
    F(PyTypeObject, tp_name);
    F(PyTypeObject, tp_basicsize);
    F(PyTypeObject, tp_itemsize);
    F(PyTypeObject, tp_dealloc);
    F(PyTypeObject, tp_vectorcall_offset);
    F(PyTypeObject, tp_getattr);
    F(PyTypeObject, tp_setattr);
    F(PyTypeObject, tp_as_async);
    F(PyTypeObject, tp_repr);
    F(PyTypeObject, tp_as_number);
    F(PyTypeObject, tp_as_sequence);
    F(PyTypeObject, tp_as_mapping);
    F(PyTypeObject, tp_hash);
    F(PyTypeObject, tp_call);
    F(PyTypeObject, tp_str);
    F(PyTypeObject, tp_getattro);
    F(PyTypeObject, tp_setattro);
    F(PyTypeObject, tp_as_buffer);
    F(PyTypeObject, tp_flags);
    F(PyTypeObject, tp_doc);
    F(PyTypeObject, tp_traverse);
    F(PyTypeObject, tp_clear);
    F(PyTypeObject, tp_richcompare);
    F(PyTypeObject, tp_weaklistoffset);
    F(PyTypeObject, tp_iter);
    F(PyTypeObject, tp_iternext);
    F(PyTypeObject, tp_methods);
    F(PyTypeObject, tp_members);
    F(PyTypeObject, tp_getset);
    F(PyTypeObject, tp_base);
    F(PyTypeObject, tp_dict);
    F(PyTypeObject, tp_descr_get);
    F(PyTypeObject, tp_descr_set);
    F(PyTypeObject, tp_dictoffset);
    F(PyTypeObject, tp_init);
    F(PyTypeObject, tp_alloc);
    F(PyTypeObject, tp_new);
    F(PyTypeObject, tp_free);
    F(PyTypeObject, tp_is_gc);
    F(PyTypeObject, tp_bases);
    F(PyTypeObject, tp_mro);
    F(PyTypeObject, tp_cache);
    F(PyTypeObject, tp_subclasses);
    F(PyTypeObject, tp_weaklist);
    F(PyTypeObject, tp_del);
    F(PyTypeObject, tp_version_tag);
    F(PyTypeObject, tp_finalize);
    F(PyTypeObject, tp_vectorcall);

    S(PyHeapTypeObject);
    F(PyHeapTypeObject, ht_type);
    F(PyHeapTypeObject, as_async);
    F(PyHeapTypeObject, as_number);
    F(PyHeapTypeObject, as_mapping);
    F(PyHeapTypeObject, as_sequence);
    F(PyHeapTypeObject, as_buffer);
    F(PyHeapTypeObject, ht_name);
    F(PyHeapTypeObject, ht_slots);
    F(PyHeapTypeObject, ht_qualname);
    F(PyHeapTypeObject, ht_cached_keys);
    F(PyHeapTypeObject, ht_module);
    F(PyHeapTypeObject, _ht_tpname);
    F(PyHeapTypeObject, _spec_cache);

    S(PyNumberMethods);
    F(PyNumberMethods, nb_add);
    F(PyNumberMethods, nb_subtract);
    F(PyNumberMethods, nb_multiply);
    F(PyNumberMethods, nb_remainder);
    F(PyNumberMethods, nb_divmod);
    F(PyNumberMethods, nb_power);
    F(PyNumberMethods, nb_negative);
    F(PyNumberMethods, nb_positive);
    F(PyNumberMethods, nb_absolute);
    F(PyNumberMethods, nb_bool);
    F(PyNumberMethods, nb_invert);
    F(PyNumberMethods, nb_lshift);
    F(PyNumberMethods, nb_rshift);
    F(PyNumberMethods, nb_and);
    F(PyNumberMethods, nb_xor);
    F(PyNumberMethods, nb_or);
    F(PyNumberMethods, nb_int);
    F(PyNumberMethods, nb_reserved);
    F(PyNumberMethods, nb_float);
    F(PyNumberMethods, nb_inplace_add);
    F(PyNumberMethods, nb_inplace_subtract);
    F(PyNumberMethods, nb_inplace_multiply);
    F(PyNumberMethods, nb_inplace_remainder);
    F(PyNumberMethods, nb_inplace_power);
    F(PyNumberMethods, nb_inplace_lshift);
    F(PyNumberMethods, nb_inplace_rshift);
    F(PyNumberMethods, nb_inplace_and);
    F(PyNumberMethods, nb_inplace_xor);
    F(PyNumberMethods, nb_inplace_or);
    F(PyNumberMethods, nb_floor_divide);
    F(PyNumberMethods, nb_true_divide);
    F(PyNumberMethods, nb_inplace_floor_divide);
    F(PyNumberMethods, nb_inplace_true_divide);
    F(PyNumberMethods, nb_index);
    F(PyNumberMethods, nb_matrix_multiply);
    F(PyNumberMethods, nb_inplace_matrix_multiply);

    S(PySequenceMethods);
    F(PySequenceMethods, sq_length);
    F(PySequenceMethods, sq_concat);
    F(PySequenceMethods, sq_repeat);
    F(PySequenceMethods, sq_item);
    F(PySequenceMethods, was_sq_slice);
    F(PySequenceMethods, sq_ass_item);
    F(PySequenceMethods, was_sq_ass_slice);
    F(PySequenceMethods, sq_contains);
    F(PySequenceMethods, sq_inplace_concat);
    F(PySequenceMethods, sq_inplace_repeat);

    S(PyMappingMethods);
    F(PyMappingMethods, mp_length);
    F(PyMappingMethods, mp_subscript);
    F(PyMappingMethods, mp_ass_subscript);

    S(PyAsyncMethods);
    F(PyAsyncMethods, am_await);
    F(PyAsyncMethods, am_aiter);
    F(PyAsyncMethods, am_anext);
    F(PyAsyncMethods, am_send);

    S(PyBufferProcs);
    F(PyBufferProcs, bf_getbuffer);
    F(PyBufferProcs, bf_releasebuffer);

    S(Py_buffer);
    F(Py_buffer, buf);
    F(Py_buffer, obj);
    F(Py_buffer, len);
    F(Py_buffer, itemsize);
    F(Py_buffer, readonly);
    F(Py_buffer, ndim);
    F(Py_buffer, format);
    F(Py_buffer, shape);
    F(Py_buffer, strides);
    F(Py_buffer, suboffsets);
    F(Py_buffer, internal);

    S(PyModuleDef_Base);
    F(PyModuleDef_Base, ob_base);
    F(PyModuleDef_Base, m_init);
    F(PyModuleDef_Base, m_index);
    F(PyModuleDef_Base, m_copy);

    S(PyModuleDef);
    F(PyModuleDef, m_base);
    F(PyModuleDef, m_name);
    F(PyModuleDef, m_doc);
    F(PyModuleDef, m_size);
    F(PyModuleDef, m_methods);
    F(PyModuleDef, m_slots);
    F(PyModuleDef, m_traverse);
    F(PyModuleDef, m_clear);
    F(PyModuleDef, m_free);

    S(PyModuleDef_Slot);
    F(PyModuleDef_Slot, slot);
    F(PyModuleDef_Slot, value);

    S(PyMethodDef);
    F(PyMethodDef, ml_name);
    F(PyMethodDef, ml_meth);
    F(PyMethodDef, ml_flags);
    F(PyMethodDef, ml_doc);

    S(PyMemberDef);
    F(PyMemberDef, name);
    F(PyMemberDef, type);
    F(PyMemberDef, offset);
    F(PyMemberDef, flags);
    F(PyMemberDef, doc);

    S(PyGetSetDef);
    F(PyGetSetDef, name);
    F(PyGetSetDef, get);
    F(PyGetSetDef, set);
    F(PyGetSetDef, doc);
    F(PyGetSetDef, closure);

    S(PyType_Spec);
    F(PyType_Spec, name);
    F(PyType_Spec, basicsize);
    F(PyType_Spec, itemsize);
    F(PyType_Spec, flags);
    F(PyType_Spec, slots);

    S(PyType_Slot);
    F(PyType_Slot, slot);
    F(PyType_Slot, pfunc);

    S(PyLongObject);
    F(PyLongObject, ob_base);
    F(PyLongObject, ob_digit);

    S(PyFloatObject);
    F(PyFloatObject, ob_base);
    F(PyFloatObject, ob_fval);

    S(Py_complex);
    F(Py_complex, real);
    F(Py_complex, imag);

    S(PyComplexObject);
    F(PyComplexObject, ob_base);
    F(PyComplexObject, cval);

    S(PySliceObject);
    F(PySliceObject, ob_base);
    F(PySliceObject, start);
    F(PySliceObject, stop);
    F(PySliceObject, step);

    S(PyBytesObject);
    F(PyBytesObject, ob_base);
    F(PyBytesObject, ob_shash);
    F(PyBytesObject, ob_sval);

    S(PyByteArrayObject);
    F(PyByteArrayObject, ob_base);
    F(PyByteArrayObject, ob_alloc);
    F(PyByteArrayObject, ob_bytes);
    F(PyByteArrayObject, ob_start);
    F(PyByteArrayObject, ob_exports);

    S(_PyManagedBufferObject);
    F(_PyManagedBufferObject, flags);
    F(_PyManagedBufferObject, exports);
    F(_PyManagedBufferObject, master);

    S(PyMemoryViewObject);
    F(PyMemoryViewObject, ob_base);
    F(PyMemoryViewObject, mbuf);
    F(PyMemoryViewObject, hash);
    F(PyMemoryViewObject, flags);
    F(PyMemoryViewObject, exports);
    F(PyMemoryViewObject, view);
    F(PyMemoryViewObject, weakreflist);
    F(PyMemoryViewObject, ob_array);

    S(PyTupleObject);
    F(PyTupleObject, ob_base);
    F(PyTupleObject, ob_item);

    S(PyListObject);
    F(PyListObject, ob_base);
    F(PyListObject, ob_item);
    F(PyListObject, allocated);

    S(PyDictObject);
    F(PyDictObject, ob_base);
    F(PyDictObject, ma_used);
    F(PyDictObject, ma_version_tag);
    F(PyDictObject, ma_keys);
    F(PyDictObject, ma_values);

    V(PySet_MINSIZE);
    S(setentry);
    F(setentry, key);
    F(setentry, hash);
    S(PySetObject);
    F(PySetObject, ob_base);
    F(PySetObject, fill);
    F(PySetObject, used);
    F(PySetObject, mask);
    F(PySetObject, table);
    F(PySetObject, hash);
    F(PySetObject, finger);
    F(PySetObject, smalltable);
    F(PySetObject, weakreflist);

    S(PyASCIIObject);
    F(PyASCIIObject, ob_base);
    F(PyASCIIObject, length);
    F(PyASCIIObject, hash);
    F(PyASCIIObject, state);
    F(PyASCIIObject, wstr);

    S(PyCompactUnicodeObject);
    F(PyCompactUnicodeObject, _base);
    F(PyCompactUnicodeObject, utf8_length);
    F(PyCompactUnicodeObject, utf8);
    F(PyCompactUnicodeObject, wstr_length);

    S(PyUnicodeObject);
    F(PyUnicodeObject, _base);
    F(PyUnicodeObject, data);

    S(PyBaseExceptionObject);
    F(PyBaseExceptionObject, ob_base);
    F(PyBaseExceptionObject, dict);
    F(PyBaseExceptionObject, args);
    F(PyBaseExceptionObject, notes);
    F(PyBaseExceptionObject, traceback);
    F(PyBaseExceptionObject, context);
    F(PyBaseExceptionObject, cause);
    F(PyBaseExceptionObject, suppress_context);

    S(PyCFunctionObject);
    F(PyCFunctionObject, ob_base);
    F(PyCFunctionObject, m_ml);
    F(PyCFunctionObject, m_self);
    F(PyCFunctionObject, m_module);
    F(PyCFunctionObject, m_weakreflist);
    F(PyCFunctionObject, vectorcall);

    S(PyCMethodObject);
    F(PyCMethodObject, func);
    F(PyCMethodObject, mm_class);

    S(PyThreadState);
    F(PyThreadState, prev);
    F(PyThreadState, next);
    F(PyThreadState, interp);
    F(PyThreadState, _initialized);
    F(PyThreadState, _static);
    F(PyThreadState, recursion_remaining);
    F(PyThreadState, recursion_limit);
    F(PyThreadState, recursion_headroom);
    F(PyThreadState, tracing);
    F(PyThreadState, tracing_what);
    F(PyThreadState, cframe);
    F(PyThreadState, c_profilefunc);
    F(PyThreadState, c_tracefunc);
    F(PyThreadState, c_profileobj);
    F(PyThreadState, c_traceobj);
    F(PyThreadState, curexc_type);
    F(PyThreadState, curexc_value);
    F(PyThreadState, curexc_traceback);
    F(PyThreadState, exc_info);
    F(PyThreadState, dict);
    F(PyThreadState, gilstate_counter);
    F(PyThreadState, async_exc);
    F(PyThreadState, thread_id);
    F(PyThreadState, native_thread_id);
    F(PyThreadState, trash_delete_nesting);
    F(PyThreadState, trash_delete_later);
    F(PyThreadState, on_delete);
    F(PyThreadState, on_delete_data);
    F(PyThreadState, coroutine_origin_tracking_depth);
    F(PyThreadState, async_gen_firstiter);
    F(PyThreadState, async_gen_finalizer);
    F(PyThreadState, context);
    F(PyThreadState, context_ver);
    F(PyThreadState, id);
    F(PyThreadState, trace_info);
    F(PyThreadState, datastack_chunk);
    F(PyThreadState, datastack_top);
    F(PyThreadState, datastack_limit);
    F(PyThreadState, exc_state);
    F(PyThreadState, root_cframe);

    S(_PyErr_StackItem);
    F(_PyErr_StackItem, exc_value);
    F(_PyErr_StackItem, previous_item);

    S(_PyCFrame);
    F(_PyCFrame, use_tracing);
    F(_PyCFrame, current_frame);
    F(_PyCFrame, previous);

    S(PyCodeObject);
    F(PyCodeObject, ob_base);
    F(PyCodeObject, co_consts);
    F(PyCodeObject, co_names);
    F(PyCodeObject, co_exceptiontable);
    F(PyCodeObject, co_flags);
    F(PyCodeObject, co_warmup);
    F(PyCodeObject, _co_linearray_entry_size);
    F(PyCodeObject, co_argcount);
    F(PyCodeObject, co_posonlyargcount);
    F(PyCodeObject, co_kwonlyargcount);
    F(PyCodeObject, co_stacksize);
    F(PyCodeObject, co_firstlineno);
    F(PyCodeObject, co_nlocalsplus);
    F(PyCodeObject, co_nlocals);
    F(PyCodeObject, co_nplaincellvars);
    F(PyCodeObject, co_ncellvars);
    F(PyCodeObject, co_nfreevars);
    F(PyCodeObject, co_localsplusnames);
    F(PyCodeObject, co_localspluskinds);
    F(PyCodeObject, co_filename);
    F(PyCodeObject, co_name);
    F(PyCodeObject, co_qualname);
    F(PyCodeObject, co_linetable);
    F(PyCodeObject, co_weakreflist);
    F(PyCodeObject, _co_code);
    F(PyCodeObject, _co_linearray);
    F(PyCodeObject, _co_firsttraceable);
    F(PyCodeObject, co_extra);
    F(PyCodeObject, co_code_adaptive);

    S(PyFrameObject);
    F(PyFrameObject, ob_base);
    F(PyFrameObject, f_back);
    F(PyFrameObject, f_frame);
    F(PyFrameObject, f_trace);
    F(PyFrameObject, f_lineno);
    F(PyFrameObject, f_trace_lines);
    F(PyFrameObject, f_trace_opcodes);
    F(PyFrameObject, f_fast_as_locals);
    F(PyFrameObject, _f_frame_data);

    S(PyTracebackObject);
    F(PyTracebackObject, ob_base);
    F(PyTracebackObject, tb_next);
    F(PyTracebackObject, tb_frame);
    F(PyTracebackObject, tb_lasti);
    F(PyTracebackObject, tb_lineno);

    S(_Py_CODEUNIT);

    S(PyObjectArenaAllocator);
    F(PyObjectArenaAllocator, ctx);
    F(PyObjectArenaAllocator, alloc);
    F(PyObjectArenaAllocator, free);

    S(_PyArg_Parser);
    F(_PyArg_Parser, format);
    F(_PyArg_Parser, keywords);
    F(_PyArg_Parser, fname);
    F(_PyArg_Parser, custom_msg);
    F(_PyArg_Parser, pos);
    F(_PyArg_Parser, min);
    F(_PyArg_Parser, max);
    F(_PyArg_Parser, kwtuple);
    F(_PyArg_Parser, next);

    S(_Py_Identifier);
    F(_Py_Identifier, string);
    F(_Py_Identifier, index);

    S(PyCompilerFlags);
    F(PyCompilerFlags, cf_flags);
    F(PyCompilerFlags, cf_feature_version);
    V(Py_single_input);
    V(Py_file_input);
    V(Py_eval_input);
    V(Py_func_type_input);

    /* The PEP 393 state bit-field: which bits each field occupies. */
    {
        PyASCIIObject a;
        unsigned int word;
        memset(&a, 0, sizeof a);
        a.state.interned = 3;
        memcpy(&word, &a.state, sizeof word);
        printf("state.interned bits: 0x%08x\n", word);
        memset(&a, 0, sizeof a);
        a.state.kind = 7;
        memcpy(&word, &a.state, sizeof word);
        printf("state.kind bits: 0x%08x\n", word);
        memset(&a, 0, sizeof a);
        a.state.compact = 1;
        memcpy(&word, &a.state, sizeof word);
        printf("state.compact bits: 0x%08x\n", word);
        memset(&a, 0, sizeof a);
        a.state.ascii = 1;
        memcpy(&word, &a.state, sizeof word);
        printf("state.ascii bits: 0x%08x\n", word);
        memset(&a, 0, sizeof a);
        a.state.ready = 1;
        memcpy(&word, &a.state, sizeof word);
        printf("state.ready bits: 0x%08x\n", word);
        printf("sizeof(state): %zu\n", sizeof a.state);
    }
    printf("\n");

    /* Constants. */
    V(CO_OPTIMIZED); V(CO_NEWLOCALS); V(CO_VARARGS); V(CO_VARKEYWORDS); V(CO_NESTED); V(CO_GENERATOR);
    V(CO_COROUTINE); V(CO_ITERABLE_COROUTINE); V(CO_ASYNC_GENERATOR);
    V(Py_TPFLAGS_MANAGED_DICT); V(Py_TPFLAGS_SEQUENCE); V(Py_TPFLAGS_MAPPING);
    V(Py_TPFLAGS_DISALLOW_INSTANTIATION); V(Py_TPFLAGS_IMMUTABLETYPE); V(Py_TPFLAGS_HEAPTYPE);
    V(Py_TPFLAGS_BASETYPE); V(Py_TPFLAGS_HAVE_VECTORCALL); V(_Py_TPFLAGS_HAVE_VECTORCALL);
    V(Py_TPFLAGS_READY); V(Py_TPFLAGS_READYING); V(Py_TPFLAGS_HAVE_GC);
    V(Py_TPFLAGS_HAVE_STACKLESS_EXTENSION); V(Py_TPFLAGS_METHOD_DESCRIPTOR); V(Py_TPFLAGS_HAVE_VERSION_TAG);
    V(Py_TPFLAGS_VALID_VERSION_TAG); V(Py_TPFLAGS_IS_ABSTRACT); V(_Py_TPFLAGS_MATCH_SELF);
    V(Py_TPFLAGS_LONG_SUBCLASS); V(Py_TPFLAGS_LIST_SUBCLASS); V(Py_TPFLAGS_TUPLE_SUBCLASS);
    V(Py_TPFLAGS_BYTES_SUBCLASS); V(Py_TPFLAGS_UNICODE_SUBCLASS); V(Py_TPFLAGS_DICT_SUBCLASS);
    V(Py_TPFLAGS_BASE_EXC_SUBCLASS); V(Py_TPFLAGS_TYPE_SUBCLASS); V(Py_TPFLAGS_DEFAULT);
    V(Py_TPFLAGS_HAVE_FINALIZE);

    V(Py_DTSF_SIGN); V(Py_DTSF_ADD_DOT_0); V(Py_DTSF_ALT); V(Py_DTSF_NO_NEG_0);
    V(Py_DTST_FINITE); V(Py_DTST_INFINITE); V(Py_DTST_NAN);

    V(METH_VARARGS); V(METH_KEYWORDS); V(METH_NOARGS); V(METH_O); V(METH_CLASS); V(METH_STATIC);
    V(METH_COEXIST); V(METH_FASTCALL); V(METH_STACKLESS); V(METH_METHOD);

    V(T_SHORT); V(T_INT); V(T_LONG); V(T_FLOAT); V(T_DOUBLE); V(T_STRING); V(T_OBJECT); V(T_CHAR); V(T_BYTE);
    V(T_UBYTE); V(T_USHORT); V(T_UINT); V(T_ULONG); V(T_STRING_INPLACE); V(T_BOOL); V(T_OBJECT_EX);
    V(T_LONGLONG); V(T_ULONGLONG); V(T_PYSSIZET); V(T_NONE); V(READONLY); V(READ_RESTRICTED);
    V(PY_WRITE_RESTRICTED); V(RESTRICTED); V(PY_AUDIT_READ);

    V(Py_bf_getbuffer); V(Py_bf_releasebuffer); V(Py_mp_ass_subscript); V(Py_mp_length); V(Py_mp_subscript);
    V(Py_nb_absolute); V(Py_nb_add); V(Py_nb_and); V(Py_nb_bool); V(Py_nb_divmod); V(Py_nb_float);
    V(Py_nb_floor_divide); V(Py_nb_index); V(Py_nb_inplace_add); V(Py_nb_inplace_and);
    V(Py_nb_inplace_floor_divide); V(Py_nb_inplace_lshift); V(Py_nb_inplace_multiply); V(Py_nb_inplace_or);
    V(Py_nb_inplace_power); V(Py_nb_inplace_remainder); V(Py_nb_inplace_rshift); V(Py_nb_inplace_subtract);
    V(Py_nb_inplace_true_divide); V(Py_nb_inplace_xor); V(Py_nb_int); V(Py_nb_invert); V(Py_nb_lshift);
    V(Py_nb_multiply); V(Py_nb_negative); V(Py_nb_or); V(Py_nb_positive); V(Py_nb_power); V(Py_nb_remainder);
    V(Py_nb_rshift); V(Py_nb_subtract); V(Py_nb_true_divide); V(Py_nb_xor); V(Py_sq_ass_item);
    V(Py_sq_concat); V(Py_sq_contains); V(Py_sq_inplace_concat); V(Py_sq_inplace_repeat); V(Py_sq_item);
    V(Py_sq_length); V(Py_sq_repeat); V(Py_tp_alloc); V(Py_tp_base); V(Py_tp_bases); V(Py_tp_call);
    V(Py_tp_clear); V(Py_tp_dealloc); V(Py_tp_del); V(Py_tp_descr_get); V(Py_tp_descr_set); V(Py_tp_doc);
    V(Py_tp_getattr); V(Py_tp_getattro); V(Py_tp_hash); V(Py_tp_init); V(Py_tp_is_gc); V(Py_tp_iter);
    V(Py_tp_iternext); V(Py_tp_methods); V(Py_tp_new); V(Py_tp_repr); V(Py_tp_richcompare); V(Py_tp_setattr);
    V(Py_tp_setattro); V(Py_tp_str); V(Py_tp_traverse); V(Py_tp_members); V(Py_tp_getset); V(Py_tp_free);
    V(Py_nb_matrix_multiply); V(Py_nb_inplace_matrix_multiply); V(Py_am_await); V(Py_am_aiter);
    V(Py_am_anext); V(Py_tp_finalize); V(Py_am_send);

    V(Py_mod_create); V(Py_mod_exec); V(_Py_mod_LAST_SLOT);

    V(PyBUF_MAX_NDIM); V(PyBUF_SIMPLE); V(PyBUF_WRITABLE); V(PyBUF_WRITEABLE); V(PyBUF_FORMAT); V(PyBUF_ND);
    V(PyBUF_STRIDES); V(PyBUF_C_CONTIGUOUS); V(PyBUF_F_CONTIGUOUS); V(PyBUF_ANY_CONTIGUOUS);
    V(PyBUF_INDIRECT); V(PyBUF_CONTIG); V(PyBUF_CONTIG_RO); V(PyBUF_STRIDED); V(PyBUF_STRIDED_RO);
    V(PyBUF_RECORDS); V(PyBUF_RECORDS_RO); V(PyBUF_FULL); V(PyBUF_FULL_RO); V(PyBUF_READ); V(PyBUF_WRITE);
    V(_Py_MANAGED_BUFFER_RELEASED); V(_Py_MANAGED_BUFFER_FREE_FORMAT); V(_Py_MEMORYVIEW_RELEASED); V(_Py_MEMORYVIEW_C);
    V(_Py_MEMORYVIEW_FORTRAN); V(_Py_MEMORYVIEW_SCALAR); V(_Py_MEMORYVIEW_PIL);

    V(PYTHON_API_VERSION); V(PYTHON_ABI_VERSION); V(PY_MAJOR_VERSION); V(PY_MINOR_VERSION);
    V(PY_RELEASE_LEVEL_ALPHA); V(PY_RELEASE_LEVEL_BETA); V(PY_RELEASE_LEVEL_GAMMA); V(PY_RELEASE_LEVEL_FINAL);

    V(Py_LT); V(Py_LE); V(Py_EQ); V(Py_NE); V(Py_GT); V(Py_GE); V(Py_PRINT_RAW);
    V(PY_VECTORCALL_ARGUMENTS_OFFSET); V(PyLong_SHIFT); V(PyLong_BASE); V(PyLong_MASK);
    V(SSTATE_NOT_INTERNED); V(SSTATE_INTERNED_MORTAL); V(SSTATE_INTERNED_IMMORTAL); V(PyUnicode_WCHAR_KIND);
    V(PyUnicode_1BYTE_KIND); V(PyUnicode_2BYTE_KIND); V(PyUnicode_4BYTE_KIND); V(PY_SSIZE_T_MAX);
    V(PY_SSIZE_T_MIN); V(SIZEOF_VOID_P); V(SIZEOF_SIZE_T); V(SIZEOF_LONG); V(SIZEOF_WCHAR_T);

    printf("PY_VERSION_HEX major.minor = 0x%04x\n", (unsigned)((PY_VERSION_HEX >> 16) & 0xffff));
    return 0;
}
