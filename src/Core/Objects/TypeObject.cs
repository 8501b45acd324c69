using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A Python type. Built-in types are linked to our static PyTypeObjects, types
/// defined in C to theirs (static, from PyType_Ready) and types made at run time
/// (PyErr_NewException, heap types) get a PyHeapTypeObject when they first cross.</summary>
public sealed unsafe partial class PyType : PyObject
{
    internal string Name;
    internal PyType? Base;
    internal PyType[] Mro = [];
    internal readonly PyDict TypeDict;
    internal nint BasicSize;
    internal nint ItemSize;
    internal ulong Flags;

    /// <summary>Makes the managed twin of a native instance of this type (set on built-in
    /// types whose instances C can create; inherited by subtypes).</summary>
    internal Func<nint, PyObject>? TwinFactory;

    /// <summary>Makes an instance when the type is called (built-in types that support it).</summary>
    internal Func<PyType, PyTuple, PyDict?, PyObject>? Constructor;

    /// <summary>Fills an instance the constructor made, for the built-in types whose
    /// __new__ only allocates and whose __init__ does the rest (set, property): their tp_init.</summary>
    internal Action<PyObject, PyTuple, PyDict?>? Initializer;

    internal PyType(string name, PyType? @base, nint basicSize, ulong flags, PyType? metatype = null)
        : base(metatype ?? BuiltinTypes.Type)
    {
        Name = name;
        Base = @base;
        BasicSize = basicSize;
        Flags = flags;
        TypeDict = new PyDict();
        ComputeMro();
    }

    /// <summary>__bases__ when there are several; with one base (or none) it is just Base.</summary>
    private PyType[]? multipleBases;

    internal PyType[] Bases => multipleBases ?? (Base is null ? [] : [Base]);

    /// <summary>A heap type with the given bases (as type(name, bases, dict) makes one):
    /// tp_base is the best base (best_base), the MRO their C3 linearization.</summary>
    internal static PyType WithBases(string name, PyType[] bases, ulong extraFlags, PyType? metatype = null)
    {
        if (bases.Length == 0)
        {
            bases = [BuiltinTypes.Object];
        }
        var @base = BestBase(bases);
        var type = new PyType(name, @base, @base.BasicSize,
            (@base.Flags & (TypeFlags.InheritedKinds | TypeFlags.HaveGC)) | TypeFlags.Default | TypeFlags.HeapType | TypeFlags.BaseType | extraFlags,
            metatype)
        {
            ItemSize = @base.ItemSize,
        };
        if (bases.Length > 1)
        {
            type.multipleBases = bases;
            type.ComputeMro();
        }
        return type;
    }

    /// <summary>best_base: the base whose instance layout (solid base) extends all the others'.</summary>
    private static PyType BestBase(PyType[] bases)
    {
        PyType? winner = null, best = null;
        foreach (var b in bases)
        {
            if ((b.Flags & TypeFlags.BaseType) == 0)
            {
                throw new PythonException(PyExc.TypeError, $"type '{b.Name}' is not an acceptable base type");
            }
            var candidate = b.SolidBase;
            if (winner is null || (!winner.IsSubtypeOf(candidate) && candidate.IsSubtypeOf(winner)))
            {
                (winner, best) = (candidate, b);
            }
            else if (!winner.IsSubtypeOf(candidate))
            {
                throw new PythonException(PyExc.TypeError, "multiple bases have instance lay-out conflict");
            }
        }
        return best!;
    }

    /// <summary>solid_base: the nearest ancestor (or self) that adds to the instance layout.</summary>
    private PyType SolidBase
    {
        get
        {
            var baseSolid = Base?.SolidBase ?? BuiltinTypes.Object;
            bool extends = BasicSize != baseSolid.BasicSize || ItemSize != baseSolid.ItemSize;
            return extends ? this : baseSolid;
        }
    }

    internal void ComputeMro()
    {
        if (multipleBases is { } bases)
        {
            Mro = Linearize(bases);
            return;
        }
        var mro = new List<PyType> { this };
        for (var b = Base; b is not null; b = b.Base)
        {
            if (b.multipleBases is not null)
            {
                mro.AddRange(b.Mro);
                break;
            }
            mro.Add(b);
        }
        Mro = [.. mro];
    }

    /// <summary>The C3 linearization (mro_implementation): merge the bases' MROs and the
    /// list of bases, always taking the first head that is in no other list's tail.</summary>
    private PyType[] Linearize(PyType[] bases)
    {
        for (int i = 0; i < bases.Length; i++)
        {
            if (Array.IndexOf(bases, bases[i], i + 1) >= 0)
            {
                throw new PythonException(PyExc.TypeError, $"duplicate base class {bases[i].ShortName}");
            }
        }
        var lists = bases.Select(b => new List<PyType>(b.Mro)).Append(new List<PyType>(bases)).ToList();
        var result = new List<PyType> { this };
        while (true)
        {
            lists.RemoveAll(l => l.Count == 0);
            if (lists.Count == 0)
            {
                return [.. result];
            }
            var head = lists.Select(l => l[0]).FirstOrDefault(candidate => !lists.Any(l => l.IndexOf(candidate) > 0));
            if (head is null)
            {
                var names = lists.Select(l => l[0]).Distinct().Select(t => t.ShortName);
                throw new PythonException(PyExc.TypeError,
                    $"Cannot create a consistent method resolution\norder (MRO) for bases {string.Join(", ", names)}");
            }
            result.Add(head);
            foreach (var l in lists)
            {
                if (ReferenceEquals(l[0], head))
                {
                    l.RemoveAt(0);
                }
            }
        }
    }

    internal override PyDict? Dict => TypeDict;

    internal bool IsHeapType => (Flags & TypeFlags.HeapType) != 0;

    internal PyTypeObjectLayout* Layout => (PyTypeObjectLayout*)ObjectSpace.ToNative(this);

    /// <summary>The module part of a dotted tp_name, or "builtins".</summary>
    internal string ModuleName
    {
        get
        {
            if (TypeDict.GetItem(new PyStr("__module__")) is PyStr m)
            {
                return m.Value;
            }
            int dot = Name.LastIndexOf('.');
            return dot < 0 ? "builtins" : Name[..dot];
        }
    }

    internal string ShortName => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>A heap type's __qualname__ (ht_qualname) when it differs from its name.</summary>
    internal string QualName
    {
        get => qualName ?? ShortName;
        set => qualName = value;
    }

    private string? qualName;

    /// <summary>module.qualname, as repr() and error displays print a class; tp_name
    /// alone for the builtins and for a heap type without a module.</summary>
    internal string DisplayName => ModuleName == "builtins" ? Name : $"{ModuleName}.{QualName}";

    internal bool IsSubtypeOf(PyType other) => Array.IndexOf(Mro, other) >= 0;

    internal bool IsExceptionType => (Flags & TypeFlags.BaseExcSubclass) != 0;

    /// <summary>_PyType_Lookup: the attribute along the MRO, without descriptors applied.</summary>
    internal PyObject? Lookup(PyStr name)
    {
        foreach (var t in Mro)
        {
            if (t.TypeDict.GetItem(name) is { } v)
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>The twin of a native instance: a built-in base's kind of object (a list
    /// subclass's instance is a list viewing its ob_item) whose type is this one.</summary>
    internal PyObject CreateTwin(nint p)
    {
        for (var t = this; t is not null; t = t.Base)
        {
            if (t.TwinFactory is not null)
            {
                var twin = t.TwinFactory(p);
                twin.Type = this;
                return twin;
            }
        }
        return new PyNativeInstance(this);
    }

    /// <summary>A metaclass made by type() that defines __repr__ (or __call__, below) decides
    /// for its classes through its slot.</summary>
    internal override PyStr ReprCore() => (TypeNew.LaysOut(Type) ? Type.CallReprSlot(this) : null) ?? new($"<class '{DisplayName}'>");

    /// <summary>type.__getattribute__ (type_getattro): the metatype's data descriptors (the
    /// special attributes first), then the MRO, then other attributes of the metatype.</summary>
    internal override PyObject GetAttr(PyStr name)
    {
        if (SpecialAttribute(name) is { } special)
        {
            return special;
        }
        var meta = Type.Lookup(name);
        if (meta is IDescriptor { IsData: true } data)
        {
            return data.Get(this, Type);
        }
        if (Lookup(name) is { } v)
        {
            return v is IDescriptor d ? d.Get(null, this) : v;
        }
        if (meta is not null)
        {
            return meta is IDescriptor metaDescriptor ? metaDescriptor.Get(this, Type) : meta;
        }
        throw NoAttribute(name);
    }

    /// <summary>type's members and getsets (__name__, __mro__, __dict__ ...); null for another
    /// name. type_getattro finds them first; their descriptors in type's dict read them here.</summary>
    internal PyObject? SpecialAttribute(PyStr name)
    {
        switch (name.Value)
        {
            case "__name__": return new PyStr(ShortName);
            case "__qualname__": return new PyStr(QualName);
            // type_module: a heap type's __module__ is in its dict, or missing.
            case "__module__" when IsHeapType && TypeDict.GetItem(name) is null: throw new PythonException(PyExc.AttributeError, "__module__");
            case "__module__": return new PyStr(ModuleName);
            case "__mro__": return PyTuple.Create(Mro);
            case "__base__": return (PyObject?)Base ?? PyNone.Instance;
            case "__bases__": return PyTuple.Create(Bases);
            case "__dict__": return PyMappingProxy.Create(TypeDict); // read-only view, as type_dict gives
            case "__basicsize__": return new PyInt(BasicSize);
            case "__itemsize__": return new PyInt(ItemSize);
            case "__dictoffset__": return new PyInt(NativeSlot(l => l->tp_dictoffset));
            case "__weakrefoffset__": return new PyInt(NativeSlot(l => l->tp_weaklistoffset));
            case "__text_signature__" when !IsBuiltin:
                return DocSignature.TextSignature(Name, Layout->tp_doc == null ? null : Marshal.PtrToStringUTF8((nint)Layout->tp_doc));
            case "__doc__": return TypeDict.GetItem(name) is IDescriptor d ? d.Get(null, this) : TypeDict.GetItem(name) ?? PyNone.Instance;
            case "__flags__": return new PyInt((long)Flags);
            default: return null;
        }
    }

    private PythonException NoAttribute(PyStr name) => new(PyExc.AttributeError, $"type object '{Name}' has no attribute '{name.Value}'");

    /// <summary>type.__setattr__: refused on immutable (static) types, else the type's dict.</summary>
    internal override void SetAttr(PyStr name, PyObject? value)
    {
        if ((Flags & TypeFlags.ImmutableType) != 0)
        {
            throw new PythonException(PyExc.TypeError, $"cannot set {name.ReprString()} attribute of immutable type '{Name}'");
        }
        if (value is not null)
        {
            TypeDict.SetItem(name, value);
        }
        else if (!TypeDict.DelItem(name))
        {
            throw NoAttribute(name);
        }
        TypeNew.AttributeChanged(this, name);
    }

    internal override bool IsCallable => true;

    /// <summary>type_call for the types C does not call itself (src/native/typeobject.c):
    /// type(x), our types' managed constructors, and tp_new inherited from a C base.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        if (TypeNew.LaysOut(Type) && Type.CallCallSlot(this, args, kwargs) is { } made)
        {
            return made;
        }
        return CallType(args, kwargs);
    }

    /// <summary>type.__call__: what calling a class does unless its metaclass says otherwise.</summary>
    internal PyObject CallType(PyTuple args, PyDict? kwargs)
    {
        if (ReferenceEquals(this, BuiltinTypes.Type) && args.Count == 1 && (kwargs is null || kwargs.Count == 0))
        {
            return args[0].Type;
        }
        for (var t = this; t is not null && (t.Flags & TypeFlags.DisallowInstantiation) == 0; t = t.Base)
        {
            if (t.Constructor is not null)
            {
                return InitInC(t.Constructor(this, args, kwargs), args, kwargs);
            }
            if (t == this && !IsBuiltin && Layout->tp_vectorcall != 0)
            {
                return NativeCalls.CallInC(this, args, kwargs); // the type's own vectorcall, as CPython calls it
            }
            // A C type's own or inherited tp_new, or object's (object_new); a built-in
            // type's managed constructor (found further up) comes first.
            if (t.Layout->tp_new is var tpNew and not 0 && !(t.IsBuiltin && t.HasManagedConstructor))
            {
                return CallNativeNew(tpNew, args, kwargs);
            }
        }
        throw new PythonException(PyExc.TypeError, $"cannot create '{Name}' instances");
    }

    /// <summary>type_call's tp_init of the new object, for an instance of this type whose
    /// type has a tp_init in C (a C metatype's, for a class type() made).</summary>
    private PyObject InitInC(PyObject obj, PyTuple args, PyDict? kwargs)
    {
        if (obj.Type.IsBuiltin && obj.Type.IsSubtypeOf(this))
        {
            obj.Type.FindInitializer()?.Invoke(obj, args, kwargs);
            return obj;
        }
        if (obj.Type.IsBuiltin || !obj.Type.IsSubtypeOf(this) || obj.Type.NativeSlot(l => l->tp_init) is not (var init and not 0))
        {
            return obj;
        }
        int status = ((delegate* unmanaged<nint, nint, nint, int>)init)(ObjectSpace.ToNative(obj), ObjectSpace.ToNative(args),
            ObjectSpace.ToNativeOrNull(kwargs));
        GC.KeepAlive(args);
        GC.KeepAlive(kwargs);
        NativeSlots.CheckStatus(status);
        return obj;
    }

    /// <summary>tp_new then tp_init, run in C as type_call does.</summary>
    private PyObject CallNativeNew(nint tpNew, PyTuple args, PyDict? kwargs)
    {
        nint obj = NativeCalls.pycapi_type_new_init(CPart._PyThreadState_UncheckedGet(), ObjectSpace.ToNative(this), tpNew,
            ObjectSpace.ToNative(args), ObjectSpace.ToNativeOrNull(kwargs));
        GC.KeepAlive(args);
        GC.KeepAlive(kwargs);
        return obj != 0 ? ObjectSpace.Steal(obj) : throw PythonException.FetchOrSystemError();
    }

    /// <summary>Our own static types: their semantics are managed, not slot-driven.</summary>
    internal bool IsBuiltin;

    /// <summary>A slot of the native type object (0 for none), inherited along tp_base. A
    /// built-in type's own slot, inherited by a C subclass (its tp_init, say), is not one:
    /// it leads back to the object space, which serves the built-in's behaviour itself.</summary>
    internal nint NativeSlot(SlotReader read)
    {
        for (var t = this; t is not null; t = t.Base)
        {
            if (t.IsBuiltin)
            {
                return 0;
            }
            nint f = read(t.Layout);
            if (f != 0)
            {
                return f == read(BuiltinAncestor(t).Layout) ? 0 : f;
            }
        }
        return 0;
    }

    /// <summary>Whether the built-in this type derives from has a tp_str of its own
    /// (str and the exceptions do; int, list, dict ... inherit object's, which is repr).</summary>
    internal bool BuiltinAncestorHasOwnStr =>
        BuiltinAncestor(this) is var b && b.Layout->tp_str != BuiltinTypes.Object.Layout->tp_str;

    private static PyType BuiltinAncestor(PyType t)
    {
        while (!t.IsBuiltin)
        {
            t = t.Base!;
        }
        return t;
    }

    internal delegate nint SlotReader(PyTypeObjectLayout* layout);

    internal PyStr? CallReprSlot(PyObject o) => CallStringSlot(o, NativeSlot(l => l->tp_repr), "__repr__");

    internal PyStr? CallStrSlot(PyObject o) => CallStringSlot(o, NativeSlot(l => l->tp_str), "__str__");

    private static PyStr? CallStringSlot(PyObject o, nint slot, string dunder)
    {
        if (slot == 0)
        {
            return null;
        }
        var result = ObjectSpace.Steal(((delegate* unmanaged<nint, nint>)slot)(ObjectSpace.ToNative(o)));
        return result as PyStr ?? throw new PythonException(PyExc.TypeError,
            $"{dunder} returned non-string (type {result.Type.Name})");
    }

    internal long? CallHashSlot(PyObject o)
    {
        nint slot = NativeSlot(l => l->tp_hash);
        if (slot == 0)
        {
            return null;
        }
        long h = ((delegate* unmanaged<nint, nint>)slot)(ObjectSpace.ToNative(o));
        return h == -1 && PythonException.Fetch() is { } error ? throw error : h; // -1 alone is a hash
    }

    internal PyObject? CallRichCompareSlot(PyObject o, PyObject other, CompareOp op)
    {
        nint slot = NativeSlot(l => l->tp_richcompare);
        if (slot == 0)
        {
            return null;
        }
        var f = (delegate* unmanaged<nint, nint, int, nint>)slot;
        return ObjectSpace.Steal(f(ObjectSpace.ToNative(o), ObjectSpace.ToNative(other), (int)op));
    }

    internal bool HasCallSlot => NativeSlot(l => l->tp_call) != 0;

    /// <summary>A call of an instance as CPython's interpreter makes it: through the
    /// instance's vectorcall when it has one, else tp_call.</summary>
    internal PyObject? CallCallSlot(PyObject o, PyTuple args, PyDict? kwargs) =>
        HasCallSlot ? NativeCalls.CallInC(o, args, kwargs) : null;

    /// <summary>A heap type crossing into C: a PyHeapTypeObject with what macros read (as
    /// large as its metatype's instances, for a metatype defined in C), its protocol
    /// tables its own.</summary>
    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Math.Max(sizeof(PyHeapTypeLayout), Type.BasicSize), Type);
        var heap = (PyHeapTypeLayout*)p;
        var l = &heap->ht_type;
        l->tp_as_async = (nint)(&heap->as_async);
        l->tp_as_number = (nint)(&heap->as_number);
        l->tp_as_sequence = (nint)(&heap->as_sequence);
        l->tp_as_mapping = (nint)(&heap->as_mapping);
        l->tp_as_buffer = (nint)(&heap->as_buffer);
        l->tp_name = (byte*)Marshal.StringToCoTaskMemUTF8(Name);
        l->tp_basicsize = BasicSize;
        l->tp_itemsize = ItemSize;
        l->tp_flags = Flags | TypeFlags.Ready;
        if (Base is not null)
        {
            var b = Base.Layout;
            l->tp_base = ObjectSpace.ToNative(Base);
            l->tp_dealloc = b->tp_dealloc;
            l->tp_free = b->tp_free;
            l->tp_alloc = b->tp_alloc;
        }
        ObjectSpace.IncRef(p); // the managed side's own reference keeps a heap type out of _Py_Dealloc
        return p;
    }

    /// <summary>PyType_Ready for a static type defined in an extension's data (type_ready):
    /// readies the base first, links a managed type to the native
    /// layout, fills the type's dict (__new__, slot wrappers for the slots it fills itself,
    /// methods, members, getsets, __doc__) and then inherits the base's slots. Fails (a
    /// PythonException) before linking anything, so a later call tries again.</summary>
    internal static PyType FromStaticTypeObject(nint p)
    {
        var l = (PyTypeObjectLayout*)p;
        // Unlike type_new, type_ready does not ask the base for Py_TPFLAGS_BASETYPE.
        var @base = l->tp_base == 0 ? BuiltinTypes.Object : (PyType)ObjectSpace.FromNative(l->tp_base);
        CheckMethodFlags(l);
        l->tp_base = ObjectSpace.ToNative(@base);
        if (l->ob_base.ob_base.ob_type == 0)
        {
            l->ob_base.ob_base.ob_type = ObjectSpace.ToNative(BuiltinTypes.Type);
        }
        var bl = @base.Layout;
        if (l->tp_basicsize == 0)
        {
            l->tp_basicsize = bl->tp_basicsize;
        }
        if (l->tp_itemsize == 0)
        {
            l->tp_itemsize = bl->tp_itemsize;
        }
        l->tp_dealloc = l->tp_dealloc != 0 ? l->tp_dealloc : bl->tp_dealloc;
        l->tp_alloc = l->tp_alloc != 0 ? l->tp_alloc : bl->tp_alloc;
        l->tp_free = l->tp_free != 0 ? l->tp_free : bl->tp_free;
        // type_ready_set_new: a static type directly below object without a tp_new of its own cannot be instantiated.
        nint ownNew = l->tp_new;
        if (ownNew == 0 && @base == BuiltinTypes.Object)
        {
            l->tp_flags |= TypeFlags.DisallowInstantiation;
        }
        // type_ready: static types are immutable.
        l->tp_flags |= (bl->tp_flags & TypeFlags.InheritedKinds) | TypeFlags.ImmutableType;
        var metatype = (PyType)ObjectSpace.FromNative(l->ob_base.ob_base.ob_type);
        var type = new PyType(Marshal.PtrToStringUTF8((nint)l->tp_name) ?? "?", @base, l->tp_basicsize, l->tp_flags, metatype)
        {
            ItemSize = l->tp_itemsize,
        };
        ObjectSpace.LinkStatic(type, p);
        if (ownNew != 0)
        {
            SlotWrappers.AddNew(type, ownNew);
        }
        SlotWrappers.Add(type);
        type.AddSlotDescriptors();
        var docKey = new PyStr("__doc__");
        if (type.TypeDict.GetItem(docKey) is null)
        {
            type.TypeDict.SetItem(docKey, l->tp_doc == null ? PyNone.Instance
                : DocSignature.Doc(type.Name, Marshal.PtrToStringUTF8((nint)l->tp_doc)));
        }
        if (!@base.IsBuiltin)
        {
            pycapi_type_inherit_static(p, ObjectSpace.ToNative(@base));
        }
        else
        {
            pycapi_type_inherit_gc(p, ObjectSpace.ToNative(@base));
            type.InheritConstruction(l);
        }
        SlotWrappers.MakeUnhashableIfComparing(type, l);
        l->tp_dict = ObjectSpace.NewRef(type.TypeDict).Address;
        l->tp_flags |= TypeFlags.Ready;
        type.Flags = l->tp_flags;
        return type;
    }

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_type_inherit_static(nint type, nint @base);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_type_inherit_gc(nint type, nint @base);

    /// <summary>What a type defined in C (or made by type() on object) takes from a built-in
    /// base: only how instances are made (tp_new, unless instantiation is disallowed, and
    /// tp_init). The built-in's other slots lead back to the object space, which serves
    /// the type's instances itself.</summary>
    internal void InheritConstruction(PyTypeObjectLayout* l)
    {
        var bl = Base!.Layout;
        if (l->tp_new == 0 && (l->tp_flags & TypeFlags.DisallowInstantiation) == 0)
        {
            l->tp_new = bl->tp_new;
        }
        if (l->tp_init == 0)
        {
            l->tp_init = bl->tp_init;
        }
    }

    /// <summary>Instances are made by a built-in type's managed constructor (along the bases).</summary>
    private bool HasManagedConstructor => Constructor is not null || Base is { } b && b.HasManagedConstructor;

    /// <summary>type's tp_new, for C: type.__new__ for C metatypes and their tp_new calling it.</summary>
    [UnmanagedCallersOnly]
    internal static nint TypeNewSlot(nint metatype, nint args, nint kwargs)
    {
        ManagedActivity.Calls++;
        try
        {
            var type = TypeNew.New((PyType)ObjectSpace.FromNative(metatype), ((PyTuple)ObjectSpace.FromNative(args)).ToArray(),
                ObjectSpace.FromNativeOrNull(kwargs) as PyDict);
            return ObjectSpace.NewRef(type).Address;
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return 0;
        }
    }

    /// <summary>The tp_new of the built-in types whose managed constructor does all the work
    /// (frozenset, slice, range, the builtins' iterators, ...): T.__new__(S, ...) makes an S
    /// with the nearest constructor along S's bases.</summary>
    [UnmanagedCallersOnly]
    internal static nint ManagedNewSlot(nint type, nint args, nint kwargs)
    {
        ManagedActivity.Calls++;
        try
        {
            var t = (PyType)ObjectSpace.FromNative(type);
            var b = t;
            while (b.Constructor is null)
            {
                b = b.Base ?? throw Abstract.BadInternalCall();
            }
            var made = b.Constructor(t, (PyTuple)ObjectSpace.FromNative(args), ObjectSpace.FromNativeOrNull(kwargs) as PyDict);
            return ObjectSpace.NewRef(made).Address;
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return 0;
        }
    }

    private Action<PyObject, PyTuple, PyDict?>? FindInitializer() => Initializer ?? Base?.FindInitializer();

    /// <summary>The tp_init of the built-in types with an <see cref="Initializer"/>.</summary>
    [UnmanagedCallersOnly]
    internal static int ManagedInitSlot(nint self, nint args, nint kwargs)
    {
        ManagedActivity.Calls++;
        try
        {
            var o = ObjectSpace.FromNative(self);
            var init = o.Type.FindInitializer() ?? throw Abstract.BadInternalCall();
            init(o, (PyTuple)ObjectSpace.FromNative(args), ObjectSpace.FromNativeOrNull(kwargs) as PyDict);
            return 0;
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return -1;
        }
    }

    /// <summary>type_add_method's check, made before the type is linked so that a failing
    /// PyType_Ready leaves nothing behind.</summary>
    private static void CheckMethodFlags(PyTypeObjectLayout* l)
    {
        for (var def = (PyMethodDefLayout*)l->tp_methods; def != null && def->ml_name != null; def++)
        {
            if ((def->ml_flags & MethFlags.Class) != 0 && (def->ml_flags & MethFlags.Static) != 0)
            {
                throw new PythonException(PyExc.ValueError, "method cannot be both class and static");
            }
        }
    }

    /// <summary>type_ready's add_methods, add_members and add_getset: tp_methods,
    /// tp_members and tp_getset of the native layout become descriptors in the type's
    /// dict. A name already there stays (PyDict_SetDefault), unless a method says
    /// METH_COEXIST.</summary>
    internal void AddSlotDescriptors()
    {
        var l = Layout;
        for (var def = (PyMethodDefLayout*)l->tp_methods; def != null && def->ml_name != null; def++)
        {
            // type_add_method: a METH_STATIC function is wrapped in a staticmethod (its self, the type, is never passed).
            PyObject descriptor = (def->ml_flags & MethFlags.Class) != 0 ? new PyClassMethodDescriptor(this, def)
                : (def->ml_flags & MethFlags.Static) != 0 ? new PyStaticMethod(new PyCFunction(def, null, null))
                : new PyMethodDescriptor(this, def);
            AddDescriptor(def->ml_name, descriptor, (def->ml_flags & MethFlags.Coexist) != 0);
        }
        for (var def = (PyMemberDefLayout*)l->tp_members; def != null && def->name != null; def++)
        {
            AddDescriptor(def->name, new PyMemberDescriptor(this, def), false);
        }
        for (var def = (PyGetSetDefLayout*)l->tp_getset; def != null && def->name != null; def++)
        {
            AddDescriptor(def->name, new PyNativeGetSetDescriptor(this, def), false);
        }
    }

    private void AddDescriptor(byte* name, PyObject descriptor, bool replace)
    {
        var key = new PyStr(Marshal.PtrToStringUTF8((nint)name)!);
        if (replace || TypeDict.GetItem(key) is null)
        {
            TypeDict.SetItem(key, descriptor);
        }
    }
}

internal static unsafe class TypeApi
{
    private static PyType Type(BorrowedReference t) =>
        ObjectSpace.FromNativeOrNull(t) as PyType ?? throw Abstract.BadInternalCall();

    /// <summary>Linking a static type happens on its first crossing; readying is that.</summary>
    [CApi]
    internal static int PyType_Ready(BorrowedReference type)
    {
        Type(type);
        return 0;
    }

    [CApi(Error = "0")]
    internal static ulong PyType_GetFlags(BorrowedReference type) => ((PyTypeObjectLayout*)type.Address)->tp_flags;

    [CApi(Error = "0")]
    internal static BorrowedReference _PyType_Lookup(BorrowedReference type, BorrowedReference name) =>
        ObjectSpace.FromNative(name) is PyStr s && Type(type).Lookup(s) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi]
    internal static NewReference PyType_GetName(BorrowedReference type) => ObjectSpace.NewFresh(new PyStr(Type(type).ShortName));

    [CApi]
    internal static NewReference PyType_GetQualName(BorrowedReference type) => ObjectSpace.NewFresh(new PyStr(Type(type).ShortName));

    [CApi]
    internal static void PyType_Modified(BorrowedReference type)
    {
    }

    [CApi(Error = "0")]
    internal static uint PyType_ClearCache() => 0;
}
