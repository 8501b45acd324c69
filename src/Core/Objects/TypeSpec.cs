using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Heap types made from a PyType_Spec, and the module a heap type belongs to. The
/// slot table (which field each slot id names) is C's: src/native/typespec.c.</summary>
internal static unsafe partial class TypeSpecApi
{
    // Slot ids (typeslots.h); Py_am_send is the last one 3.11 knows.
    private const int SlotTpBase = 48, SlotTpBases = 49, SlotTpClear = 51, SlotTpDealloc = 52, SlotTpDoc = 56,
        SlotTpTraverse = 71, SlotAmSend = 81;

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_type_set_slot(nint type, int slot, nint value);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_type_inherit_slots(nint type, nint @base);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_type_use_subtype_dealloc(nint type);

    [CApi]
    internal static NewReference PyType_FromSpec(PyTypeSpecLayout* spec) => FromSpec(null, spec, null);

    [CApi]
    internal static NewReference PyType_FromSpecWithBases(PyTypeSpecLayout* spec, BorrowedReference bases) =>
        FromSpec(null, spec, ObjectSpace.FromNativeOrNull(bases));

    [CApi]
    internal static NewReference PyType_FromModuleAndSpec(BorrowedReference module, PyTypeSpecLayout* spec, BorrowedReference bases) =>
        FromSpec(ObjectSpace.FromNativeOrNull(module), spec, ObjectSpace.FromNativeOrNull(bases));

    private static NewReference FromSpec(PyObject? module, PyTypeSpecLayout* spec, PyObject? bases)
    {
        var slots = new List<PyTypeSlotLayout>();
        for (var s = spec->slots; s->slot != 0; s++)
        {
            if (s->slot < 0 || s->slot > SlotAmSend)
            {
                throw new PythonException(PyExc.RuntimeError, "invalid slot offset");
            }
            slots.Add(*s);
        }
        var name = Marshal.PtrToStringUTF8((nint)spec->name)!;
        var type = PyType.WithBases(name, BaseTypes(bases, slots), 0);
        var @base = type.Base!;

        if ((spec->flags & TypeFlags.HaveGC) != 0 && !slots.Any(s => s.slot == SlotTpTraverse))
        {
            throw new PythonException(PyExc.SystemError, $"type {name} has the Py_TPFLAGS_HAVE_GC flag but has no traverse function");
        }
        bool definesGcPair = slots.Any(s => s.slot is SlotTpClear or SlotTpTraverse);
        bool inheritsGc = (@base.Flags & TypeFlags.HaveGC) != 0 && (spec->flags & TypeFlags.HaveGC) == 0 && !definesGcPair;
        type.Flags = spec->flags | TypeFlags.HeapType | (@base.Flags & TypeFlags.InheritedKinds) | (inheritsGc ? TypeFlags.HaveGC : 0);
        type.BasicSize = spec->basicsize != 0 ? spec->basicsize : @base.BasicSize;
        type.ItemSize = spec->itemsize != 0 ? spec->itemsize : @base.ItemSize;
        int dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            type.TypeDict.SetItem(new PyStr("__module__"), new PyStr(name[..dot]));
        }

        nint p = ObjectSpace.ToNative(type);
        var heap = (PyHeapTypeLayout*)p;
        heap->ht_name = ObjectSpace.NewRef(new PyStr(type.ShortName)).Address;
        heap->ht_qualname = ObjectSpace.NewRef(new PyStr(type.ShortName)).Address;
        foreach (var s in slots)
        {
            if (s.slot is SlotTpBase or SlotTpBases)
            {
                continue; // read above, as the bases
            }
            if (s.slot == SlotTpDoc)
            {
                SetDoc(type, heap, s.pfunc);
                continue;
            }
            pycapi_type_set_slot(p, s.slot, s.pfunc);
        }
        SetSpecialOffsets(type, &heap->ht_type);
        SlotWrappers.Add(type);
        if (inheritsGc)
        {
            // inherit_special: GC support comes with the base's traverse/clear pair.
            heap->ht_type.tp_traverse = @base.Layout->tp_traverse;
            heap->ht_type.tp_clear = @base.Layout->tp_clear;
        }
        if (@base.IsBuiltin)
        {
            type.InheritConstruction(&heap->ht_type);
        }
        else
        {
            InheritFromCBase(p, ObjectSpace.ToNative(@base), slots.Any(s => s.slot == SlotTpDealloc));
        }
        if (module is not null)
        {
            heap->ht_module = ObjectSpace.ToNative(module);
            ObjectSpace.IncRef(heap->ht_module);
        }
        type.AddSlotDescriptors();
        // Of the special members, only __vectorcalloffset__ stays visible as an attribute.
        type.TypeDict.DelItem(new PyStr("__dictoffset__"));
        type.TypeDict.DelItem(new PyStr("__weaklistoffset__"));
        return ObjectSpace.NewRef(type);
    }

    /// <summary>A spec has no slots for tp_dictoffset, tp_weaklistoffset and
    /// tp_vectorcall_offset: it gives them as Py_tp_members with these special names.</summary>
    private static void SetSpecialOffsets(PyType type, PyTypeObjectLayout* l)
    {
        for (var def = (PyMemberDefLayout*)l->tp_members; def != null && def->name != null; def++)
        {
            switch (Marshal.PtrToStringUTF8((nint)def->name))
            {
                case "__dictoffset__":
                    l->tp_dictoffset = def->offset;
                    break;
                case "__weaklistoffset__":
                    l->tp_weaklistoffset = def->offset;
                    break;
                case "__vectorcalloffset__":
                    l->tp_vectorcall_offset = def->offset;
                    break;
            }
        }
    }

    /// <summary>A heap type on a C base inherits its slots; without a tp_dealloc of its own,
    /// its instances are freed through subtype_dealloc. (Our built-in types' deallocs
    /// already release a heap type as subtype_dealloc does.)</summary>
    private static void InheritFromCBase(nint type, nint @base, bool ownDealloc)
    {
        if (!ownDealloc)
        {
            pycapi_type_use_subtype_dealloc(type);
        }
        pycapi_type_inherit_slots(type, @base);
    }

    /// <summary>The bases: the argument (a type or a tuple), else the Py_tp_bases or
    /// Py_tp_base slot, else object; each must be a type.</summary>
    private static PyType[] BaseTypes(PyObject? bases, List<PyTypeSlotLayout> slots)
    {
        if (bases is null)
        {
            nint fromSlot = slots.Where(s => s.slot == SlotTpBases).Select(s => s.pfunc).LastOrDefault();
            if (fromSlot == 0)
            {
                fromSlot = slots.Where(s => s.slot == SlotTpBase).Select(s => s.pfunc).LastOrDefault();
            }
            bases = fromSlot == 0 ? BuiltinTypes.Object : ObjectSpace.FromNative(fromSlot);
        }
        var items = bases is PyTuple t ? t.ToArray() : [bases];
        return items.Select(b => b as PyType ?? throw new PythonException(PyExc.TypeError, "bases must be types")).ToArray();
    }

    /// <summary>Py_tp_doc: tp_doc gets a copy of the text, __doc__ the text without a
    /// leading signature ("Name(...)\n--\n\n").</summary>
    private static void SetDoc(PyType type, PyHeapTypeLayout* heap, nint doc)
    {
        if (doc == 0)
        {
            return;
        }
        var text = Marshal.PtrToStringUTF8(doc)!;
        heap->ht_type.tp_doc = (byte*)Marshal.StringToCoTaskMemUTF8(text);
        type.TypeDict.SetItem(new PyStr("__doc__"), DocSignature.Doc(type.Name, text));
    }

    [CApi]
    internal static BorrowedReference PyType_GetModule(BorrowedReference type)
    {
        var l = (PyHeapTypeLayout*)type.Address;
        string name = Marshal.PtrToStringUTF8((nint)l->ht_type.tp_name)!;
        if ((l->ht_type.tp_flags & TypeFlags.HeapType) == 0)
        {
            throw new PythonException(PyExc.TypeError, $"PyType_GetModule: Type '{name}' is not a heap type");
        }
        if (l->ht_module == 0)
        {
            throw new PythonException(PyExc.TypeError, $"PyType_GetModule: Type '{name}' has no associated module");
        }
        return new BorrowedReference(l->ht_module);
    }

    [CApi]
    internal static nint PyType_GetModuleState(BorrowedReference type)
    {
        var module = PyType_GetModule(type);
        return ObjectSpace.FromNative(module) is PyModule m ? m.State : throw Abstract.BadInternalCall();
    }

    /// <summary>The module of the first heap type along the MRO whose module was made from def.</summary>
    [CApi]
    internal static BorrowedReference PyType_GetModuleByDef(BorrowedReference type, PyModuleDefLayout* def)
    {
        var t = (PyType)ObjectSpace.FromNative(type);
        foreach (var candidate in t.Mro)
        {
            if (!candidate.IsHeapType || candidate.Native == 0)
            {
                continue;
            }
            nint module = ((PyHeapTypeLayout*)candidate.Native)->ht_module;
            if (module != 0 && ObjectSpace.FromNative(module) is PyModule m && m.Def == def)
            {
                return new BorrowedReference(module);
            }
        }
        throw new PythonException(PyExc.TypeError, $"PyType_GetModuleByDef: No superclass of '{t.Name}' has the given module");
    }
}
