using System.Runtime.InteropServices;
using PyCApi.Objects;

namespace PyCApi.Runtime;

// C# mirrors of the CPython 3.11 layouts the managed side reads and writes.
// The C declarations in include/ are the source of truth; ABI tests check both.

/// <summary>What precedes every heap object we allocate (src/native/pycapi_runtime.h):
/// the collector's chain, the pair's link handle and the collector's scratch word.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PreHeader
{
    /// <summary>The GC head: only in blocks allocated for GC objects (GcHeadFlag).</summary>
    public nint GcNext, GcPrev;
    public nint Link;
    public int GcRefs;
    public ushort Flags, SizeClass;

    private const ushort GcHeadFlag = 0x8000; // PYCAPI_GC_HEAD in pycapi_runtime.h

    public bool IsTracked => (Flags & GcHeadFlag) != 0 && GcNext != 0;

    public static PreHeader* Of(nint op) => (PreHeader*)op - 1;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyObjectHead
{
    public nint ob_refcnt;
    public nint ob_type;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyVarObjectHead
{
    public PyObjectHead ob_base;
    public nint ob_size;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeObjectLayout
{
    public PyVarObjectHead ob_base;
    public byte* tp_name;
    public nint tp_basicsize, tp_itemsize;
    public nint tp_dealloc;
    public nint tp_vectorcall_offset;
    public nint tp_getattr, tp_setattr;
    public nint tp_as_async;
    public nint tp_repr;
    public nint tp_as_number, tp_as_sequence, tp_as_mapping;
    public nint tp_hash, tp_call, tp_str, tp_getattro, tp_setattro;
    public nint tp_as_buffer;
    public ulong tp_flags;
    public byte* tp_doc;
    public nint tp_traverse, tp_clear, tp_richcompare;
    public nint tp_weaklistoffset;
    public nint tp_iter, tp_iternext;
    public nint tp_methods, tp_members, tp_getset;
    public nint tp_base, tp_dict;
    public nint tp_descr_get, tp_descr_set;
    public nint tp_dictoffset;
    public nint tp_init, tp_alloc, tp_new, tp_free, tp_is_gc;
    public nint tp_bases, tp_mro, tp_cache, tp_subclasses, tp_weaklist;
    public nint tp_del;
    public uint tp_version_tag;
    public nint tp_finalize, tp_vectorcall;
}

/// <summary>PyHeapTypeObject: the type object followed by its slot tables and names.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyHeapTypeLayout
{
    public PyTypeObjectLayout ht_type;
    public AsyncMethods as_async;
    public NumberMethods as_number;
    public MappingMethods as_mapping;
    public SequenceMethods as_sequence;
    public BufferProcs as_buffer;
    public nint ht_name, ht_slots, ht_qualname, ht_cached_keys, ht_module, _ht_tpname, _spec_cache_getitem;

    [StructLayout(LayoutKind.Sequential)] public struct AsyncMethods { public nint am_await, am_aiter, am_anext, am_send; }
    [StructLayout(LayoutKind.Sequential, Size = 36 * 8)] public struct NumberMethods { public nint nb_add; }
    [StructLayout(LayoutKind.Sequential)] public struct MappingMethods { public nint mp_length, mp_subscript, mp_ass_subscript; }
    [StructLayout(LayoutKind.Sequential, Size = 10 * 8)] public struct SequenceMethods { public nint sq_length; }
    [StructLayout(LayoutKind.Sequential)] public struct BufferProcs { public nint bf_getbuffer, bf_releasebuffer; }
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodDefLayout
{
    public byte* ml_name;
    public nint ml_meth;
    public int ml_flags;
    public byte* ml_doc;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyModuleDefLayout
{
    public PyObjectHead ob_base;
    public nint m_init;
    public nint m_index;
    public nint m_copy;
    public byte* m_name;
    public byte* m_doc;
    public nint m_size;
    public PyMethodDefLayout* m_methods;
    public PyModuleDefSlotLayout* m_slots;
    public nint m_traverse, m_clear, m_free;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyModuleDefSlotLayout
{
    public int slot;
    public nint value;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyModuleLayout
{
    public PyObjectHead ob_base;
    public nint md_dict, md_def, md_state, md_weaklist, md_name;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyCFunctionLayout
{
    public PyObjectHead ob_base;
    public nint m_ml, m_self, m_module, m_weakreflist, vectorcall;
    public nint mm_class;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyFloatLayout
{
    public PyObjectHead ob_base;
    public double ob_fval;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyComplexLayout
{
    public PyObjectHead ob_base;
    public double real, imag; // Py_complex cval
}

[StructLayout(LayoutKind.Sequential)]
internal struct PySliceLayout
{
    public PyObjectHead ob_base;
    public nint start, stop, step;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyBytesLayout
{
    public PyVarObjectHead ob_base;
    public nint ob_shash;
    // char ob_sval[] follows
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyListLayout
{
    public PyVarObjectHead ob_base;
    public nint ob_item;
    public nint allocated;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyByteArrayLayout
{
    public PyVarObjectHead ob_base;
    public nint ob_alloc;
    public nint ob_bytes;
    public nint ob_start;
    public nint ob_exports;
}

/// <summary>PyMemoryViewObject; shape, strides and suboffsets (ndim each) follow at ob_array.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyMemoryViewLayout
{
    public PyVarObjectHead ob_base;
    public nint mbuf;
    public nint hash;
    public int flags;
    public nint exports;
    public PyBufferLayout view;
    public nint weakreflist;
    public nint ob_array;

    public const int Released = 0x1, CContiguous = 0x2;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyDictLayout
{
    public PyObjectHead ob_base;
    public nint ma_used;
    public ulong ma_version_tag;
    public nint ma_keys, ma_values;
}

/// <summary>PySetObject: smalltable holds PySet_MINSIZE (key, hash) entries.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySetLayout
{
    public PyObjectHead ob_base;
    public nint fill, used, mask, table, hash, finger;
    public fixed long smalltable[2 * 8];
    public nint weakreflist;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyBaseExceptionLayout
{
    public PyObjectHead ob_base;
    public nint dict, args, notes, traceback, context, cause;
    public byte suppress_context;
}

/// <summary>PyASCIIObject / PyCompactUnicodeObject (PEP 393, compact forms only).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyCompactUnicodeLayout
{
    public PyObjectHead ob_base;
    public nint length;
    public nint hash;
    public uint state;
    public nint wstr;
    // PyCompactUnicodeObject continues (absent for compact ASCII):
    public nint utf8_length;
    public nint utf8;
    public nint wstr_length;

    public const int AsciiSize = 48;
    public const int CompactSize = 72;
    // state bit fields: interned:2 kind:3 compact:1 ascii:1 ready:1
    public const uint KindShift = 2, CompactBit = 1u << 5, AsciiBit = 1u << 6, ReadyBit = 1u << 7;
}

internal static class TypeFlags
{
    public const ulong DisallowInstantiation = 1UL << 7, ImmutableType = 1UL << 8, HeapType = 1UL << 9, BaseType = 1UL << 10,
        HaveVectorcall = 1UL << 11, Ready = 1UL << 12,
        HaveGC = 1UL << 14, MethodDescriptor = 1UL << 17, LongSubclass = 1UL << 24, ListSubclass = 1UL << 25,
        TupleSubclass = 1UL << 26, BytesSubclass = 1UL << 27, UnicodeSubclass = 1UL << 28, DictSubclass = 1UL << 29,
        BaseExcSubclass = 1UL << 30, TypeSubclass = 1UL << 31, Default = 1UL << 18, ManagedDict = 1UL << 4;

    /// <summary>libpycapi's own (a bit CPython 3.11 leaves unused): the type's only instances
    /// are static singletons (PYCAPI_TPFLAGS_STATIC_INSTANCES in pycapi_runtime.h).</summary>
    public const ulong StaticInstances = 1UL << 1;

    /// <summary>The fast subclass bits a type inherits from its base.</summary>
    public const ulong InheritedKinds = LongSubclass | ListSubclass | TupleSubclass | BytesSubclass | UnicodeSubclass
        | DictSubclass | BaseExcSubclass | TypeSubclass;
}

internal static class MethFlags
{
    public const int VarArgs = 0x1, Keywords = 0x2, NoArgs = 0x4, O = 0x8, Class = 0x10, Static = 0x20,
        Coexist = 0x40, FastCall = 0x80, Method = 0x200;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMemberDefLayout
{
    public byte* name;
    public int type;
    public nint offset;
    public int flags;
    public byte* doc;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyGetSetDefLayout
{
    public byte* name;
    public nint get, set;
    public byte* doc;
    public nint closure;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PyTypeSlotLayout
{
    public int slot;
    public nint pfunc;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeSpecLayout
{
    public byte* name;
    public int basicsize, itemsize;
    public uint flags;
    public PyTypeSlotLayout* slots;
}
