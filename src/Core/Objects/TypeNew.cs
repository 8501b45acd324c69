using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Classes made at run time by calling type (or a metaclass):
/// type(name, bases, dict) and type.__new__ (CPython's type_new). The class's C slots are
/// filled from its dunders by src/native/slotdispatch.c and follow later assignments to
/// them, so its instances behave the same from C and from the object space.</summary>
internal static unsafe partial class TypeNew
{
    [LibraryImport("pycapi_native")]
    private static partial void pycapi_heaptype_init(nint type, int baseKeepsType);

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_heaptype_update_slots(nint type, nint name);

    [LibraryImport("pycapi_native")]
    private static partial int pycapi_is_slot_dunder(nint name);

    /// <summary>The classes made here, by base, for the slot updates that follow a dunder's
    /// assignment down to the subclasses (tp_subclasses).</summary>
    private static readonly ConditionalWeakTable<PyType, List<WeakReference<PyType>>> subclasses = new();

    [LibraryImport("pycapi_native")]
    private static partial nint PyType_GenericAlloc(nint type, nint items);

    /// <summary>Was the class made here (its native type object records its instance layout)?</summary>
    internal static bool LaysOut(PyType type) => made.TryGetValue(type, out _);

    private static readonly ConditionalWeakTable<PyType, object> made = new();

    internal static void Register()
    {
        // object(): a bare instance, born in C like the instances of the classes made here.
        BuiltinTypes.Object.Constructor = (type, args, kwargs) =>
            args.Count != 0 || kwargs is { Count: > 0 }
                ? throw new PythonException(PyExc.TypeError, $"{type.Name}() takes no arguments")
                : ObjectSpace.Steal(PyType_GenericAlloc(ObjectSpace.ToNative(type), 0));
        BuiltinTypes.Type.Constructor = Construct;
        BuiltinTypes.Type.TypeDict.SetItem(new PyStr("__new__"), new PyBuiltinFunction("__new__", BuiltinTypes.Type, NewMethod, null));
    }

    /// <summary>type_call for type and its subclasses: type.__new__, then the metaclass's
    /// own __init__ if it has one.</summary>
    private static PyObject Construct(PyType metatype, PyTuple args, PyDict? kwargs)
    {
        if (ReferenceEquals(metatype, BuiltinTypes.Type) && args.Count != 3)
        {
            throw new PythonException(PyExc.TypeError, "type() takes 1 or 3 arguments");
        }
        var type = New(metatype, args.ToArray(), kwargs);
        if (OwnInit(type.Type) is { } init && type.Type.IsSubtypeOf(metatype))
        {
            var bound = init is IDescriptor d ? d.Get(type, type.Type) : init;
            if (Abstract.Call(bound, args, kwargs) is var result and not PyNone)
            {
                throw new PythonException(PyExc.TypeError, $"__init__() should return None, not '{result.Type.Name}'");
            }
        }
        return type;
    }

    /// <summary>An __init__ a metaclass made here defines or inherits (type's own takes what type.__new__ took).</summary>
    private static PyObject? OwnInit(PyType metatype)
    {
        var key = new PyStr("__init__");
        var owner = metatype.Mro.FirstOrDefault(t => t.TypeDict.GetItem(key) is not null);
        return owner is { IsBuiltin: false } ? owner.TypeDict.GetItem(key) : null;
    }

    /// <summary>type.__new__(metatype, name, bases, dict, **kwargs).</summary>
    private static PyObject NewMethod(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        if (args.Length < 1)
        {
            throw new PythonException(PyExc.TypeError, "type.__new__(): not enough arguments");
        }
        if (args[0] is not PyType metatype)
        {
            throw new PythonException(PyExc.TypeError, $"type.__new__(X): X is not a type object ({args[0].Type.Name})");
        }
        if (!metatype.IsSubtypeOf(BuiltinTypes.Type))
        {
            throw new PythonException(PyExc.TypeError, $"type.__new__({metatype.Name}): {metatype.Name} is not a subtype of type");
        }
        return New(metatype, args[1..], kwargs);
    }

    /// <summary>type.__new__(metatype, name, bases, dict, **kwargs) (type_new): the one way
    /// classes are made, by type(...), type's tp_new from C and PyErr_NewException.</summary>
    internal static PyType New(PyType metatype, PyObject[] args, PyDict? kwargs)
    {
        if (args.Length != 3)
        {
            throw new PythonException(PyExc.TypeError, $"type.__new__() takes exactly 3 arguments ({args.Length} given)");
        }
        var name = args[0] as PyStr ?? throw ArgumentError(1, "str", args[0]);
        var basesTuple = args[1] as PyTuple ?? throw ArgumentError(2, "tuple", args[1]);
        var given = args[2] as PyDict ?? throw ArgumentError(3, "dict", args[2]);
        metatype = Metaclass(metatype, basesTuple);
        var bases = basesTuple.ToArray()
            .Select(b => b as PyType ?? throw new PythonException(PyExc.TypeError, "bases must be types")).ToArray();
        var dict = new PyDict();
        foreach (var (k, v) in given.Items())
        {
            dict.SetItem(k, v);
        }
        var type = PyType.WithBases(name.Value, bases, TypeFlags.HaveGC);
        type.Type = metatype;
        var layout = InstanceLayout.Of(type, dict);
        SetNames(type, dict);
        foreach (var (k, v) in dict.Items())
        {
            type.TypeDict.SetItem(k, v);
        }
        layout.AddDescriptors(type);
        var docKey = new PyStr("__doc__");
        if (type.TypeDict.GetItem(docKey) is null)
        {
            type.TypeDict.SetItem(docKey, PyNone.Instance);
        }
        // A class that defines __eq__ without __hash__ is unhashable (type_ready_set_hash).
        var hashKey = new PyStr("__hash__");
        if (type.TypeDict.GetItem(new PyStr("__eq__")) is not null && type.TypeDict.GetItem(hashKey) is null)
        {
            type.TypeDict.SetItem(hashKey, PyNone.Instance);
        }
        nint p = ObjectSpace.ToNative(type);
        layout.Apply(type, (PyHeapTypeLayout*)p);
        // Our built-in types' deallocs and heap types' release the class; an extension's static type's does not.
        var solid = type.Base!;
        while (LaysOut(solid))
        {
            solid = solid.Base!;
        }
        pycapi_heaptype_init(p, solid.IsBuiltin || solid.IsHeapType ? 0 : 1);
        made.Add(type, type);
        foreach (var b in bases)
        {
            subclasses.GetOrCreateValue(b).Add(new WeakReference<PyType>(type));
        }
        CallSetName(type);
        InitSubclass(type, kwargs);
        return type;
    }

    private static PythonException ArgumentError(int index, string expected, PyObject got) =>
        new(PyExc.TypeError, $"type.__new__() argument {index} must be {expected}, not {(got is PyNone ? "None" : got.Type.Name)}");

    /// <summary>_PyType_CalculateMetaclass: the most derived of the metatype and the bases'
    /// types, which must all be in one line.</summary>
    private static PyType Metaclass(PyType metatype, PyTuple bases)
    {
        var winner = metatype;
        foreach (var b in bases.ToArray())
        {
            var t = b.Type;
            if (winner.IsSubtypeOf(t))
            {
                continue;
            }
            if (t.IsSubtypeOf(winner))
            {
                winner = t;
                continue;
            }
            throw new PythonException(PyExc.TypeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /// <summary>type_new_set_names: __qualname__ leaves the dict for the type's own field;
    /// __module__ would come from the calling frame's globals, and a call from C has no frame.</summary>
    private static void SetNames(PyType type, PyDict dict)
    {
        var qualKey = new PyStr("__qualname__");
        if (dict.GetItem(qualKey) is { } qualname)
        {
            type.QualName = (qualname as PyStr
                ?? throw new PythonException(PyExc.TypeError, $"type __qualname__ must be a str, not {qualname.Type.Name}")).Value;
            dict.DelItem(qualKey);
        }
    }

    /// <summary>type_new_set_names: __set_name__(owner, name) of every attribute that has it.</summary>
    private static void CallSetName(PyType type)
    {
        foreach (var (key, value) in type.TypeDict.Items().ToArray())
        {
            if (value.Type.Lookup(new PyStr("__set_name__")) is not { } setName)
            {
                continue;
            }
            var bound = setName is IDescriptor d ? d.Get(value, value.Type) : setName;
            try
            {
                Abstract.Call(bound, PyTuple.Create([type, key]), null);
            }
            catch (PythonException e)
            {
                var cause = e.Normalize();
                var error = PyBaseException.Create(PyExc.RuntimeError, [new PyStr(
                    $"Error calling __set_name__ on '{value.Type.Name}' instance {key.ReprString()} in '{type.Name}'")]);
                error.Cause = cause;
                throw new PythonException(error);
            }
        }
    }

    /// <summary>init_subclass: super(type, type).__init_subclass__(**kwargs) (object has one).</summary>
    private static void InitSubclass(PyType type, PyDict? kwargs)
    {
        var key = new PyStr("__init_subclass__");
        foreach (var t in type.Mro.Skip(1))
        {
            if (t.TypeDict.GetItem(key) is not { } f)
            {
                continue;
            }
            var bound = f is IDescriptor d ? d.Get(null, type) : f;
            Abstract.Call(bound, PyTuple.Create([]), kwargs);
            return;
        }
    }

    /// <summary>update_slot after a class attribute is set or deleted: the class and the
    /// classes made from it refill the slot the dunder names.</summary>
    internal static void AttributeChanged(PyType type, PyStr name)
    {
        if (type.Native == 0 || !name.Value.StartsWith("__", StringComparison.Ordinal) || pycapi_is_slot_dunder(ObjectSpace.ToNative(name)) == 0)
        {
            return;
        }
        Update(type, name);
        GC.KeepAlive(name);
    }

    /// <summary>type.__subclasses__: the living classes made here with the type among their bases.</summary>
    internal static IEnumerable<PyType> Subclasses(PyType type) =>
        subclasses.TryGetValue(type, out var list) ? list.Select(w => w.TryGetTarget(out var t) ? t : null).OfType<PyType>() : [];

    private static void Update(PyType type, PyStr name)
    {
        pycapi_heaptype_update_slots(type.Native, ObjectSpace.ToNative(name));
        NumberSlots.Forget(type);
        if (!subclasses.TryGetValue(type, out var list))
        {
            return;
        }
        foreach (var weak in list)
        {
            if (weak.TryGetTarget(out var sub))
            {
                Update(sub, name);
            }
        }
    }
}

/// <summary>The instance layout type_new gives a class: its __slots__ as object fields
/// after the base's, then the instance dict and the weak reference list when the class
/// adds them (type_new_slots, type_new_descriptors).</summary>
internal sealed unsafe class InstanceLayout
{
    private const int ObjectEx = 16; // T_OBJECT_EX: a missing value is an AttributeError

    private string[] slotNames = [];
    private bool addDict, addWeakref;
    private nint slotsStart, dictOffset, weakrefOffset, basicSize;
    private PyTuple? slotsTuple;

    internal static InstanceLayout Of(PyType type, PyDict dict)
    {
        var @base = type.Base!;
        var baseLayout = @base.Layout;
        bool mayAddDict = baseLayout->tp_dictoffset == 0 && (@base.Flags & TypeFlags.ManagedDict) == 0;
        bool mayAddWeakref = baseLayout->tp_weaklistoffset == 0 && @base.ItemSize == 0;
        var layout = new InstanceLayout();
        if (dict.GetItem(new PyStr("__slots__")) is not { } slots)
        {
            layout.addDict = mayAddDict;
            layout.addWeakref = mayAddWeakref;
        }
        else
        {
            layout.ReadSlots(type, dict, slots, mayAddDict, mayAddWeakref);
        }
        layout.slotsStart = @base.BasicSize;
        nint next = layout.slotsStart + layout.slotNames.Length * sizeof(nint);
        // A fixed-size instance's dict is managed (CPython 3.11's Py_TPFLAGS_MANAGED_DICT):
        // no field of the layout (pycapi_instance_dict_slot finds it). A variable-size one's
        // is the last word of the object (tp_dictoffset -8, counted from its end), for which
        // tp_basicsize makes room.
        bool managedDict = layout.addDict && @base.ItemSize == 0 || (@base.Flags & TypeFlags.ManagedDict) != 0;
        bool dictField = layout.addDict && !managedDict;
        layout.dictOffset = dictField ? -sizeof(nint) : baseLayout->tp_dictoffset;
        next += dictField ? sizeof(nint) : 0;
        layout.weakrefOffset = layout.addWeakref ? next : baseLayout->tp_weaklistoffset;
        next += layout.addWeakref ? sizeof(nint) : 0;
        if (managedDict)
        {
            type.Flags |= TypeFlags.ManagedDict;
            // CPython's value: the dict pointer sits before the object's GC header.
            layout.dictOffset = layout.addDict ? -next - 3 * sizeof(nint) : baseLayout->tp_dictoffset;
        }
        layout.basicSize = next;
        type.BasicSize = next;
        return layout;
    }

    private void ReadSlots(PyType type, PyDict dict, PyObject slots, bool mayAddDict, bool mayAddWeakref)
    {
        var items = slots is PyStr ? [slots] : Abstract.Iterate(slots).ToArray();
        slotsTuple = PyTuple.Create(items);
        var names = new List<string>();
        foreach (var item in items)
        {
            var s = item as PyStr ?? throw new PythonException(PyExc.TypeError,
                $"__slots__ items must be strings, not '{item.Type.Name}'");
            if (!IsIdentifier(s.Value))
            {
                throw new PythonException(PyExc.TypeError, "__slots__ must be identifiers");
            }
            switch (s.Value)
            {
                case "__dict__":
                    if (!mayAddDict || addDict)
                    {
                        throw new PythonException(PyExc.TypeError, "__dict__ slot disallowed: we already got one");
                    }
                    addDict = true;
                    continue;
                case "__weakref__":
                    if (!mayAddWeakref || addWeakref)
                    {
                        throw new PythonException(PyExc.TypeError,
                            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                    }
                    addWeakref = true;
                    continue;
            }
            var mangled = Mangle(type.Name, s.Value);
            if (dict.GetItem(new PyStr(mangled)) is not null)
            {
                throw new PythonException(PyExc.ValueError, $"{new PyStr(mangled).ReprString()} in __slots__ conflicts with class variable");
            }
            names.Add(mangled);
        }
        if (names.Count > 0 && type.Base!.ItemSize != 0)
        {
            throw new PythonException(PyExc.TypeError, $"nonempty __slots__ not supported for subtype of '{type.Base.Name}'");
        }
        names.Sort(string.CompareOrdinal);
        slotNames = [.. names];
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>_Py_Mangle: a private name (__x, not __x__) gets the class name in front.</summary>
    private static string Mangle(string className, string name)
    {
        if (!name.StartsWith("__", StringComparison.Ordinal) || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.'))
        {
            return name;
        }
        var stripped = className.TrimStart('_');
        return stripped.Length == 0 ? name : $"_{stripped}{name}";
    }

    /// <summary>The member descriptors of the slots, then __dict__ and __weakref__.</summary>
    internal void AddDescriptors(PyType type)
    {
        if (slotNames.Length > 0)
        {
            members = (PyMemberDefLayout*)NativeMemory.AllocZeroed((nuint)(slotNames.Length + 1), (nuint)sizeof(PyMemberDefLayout));
            for (int i = 0; i < slotNames.Length; i++)
            {
                members[i].name = (byte*)Marshal.StringToCoTaskMemUTF8(slotNames[i]);
                members[i].type = ObjectEx;
                members[i].offset = slotsStart + i * sizeof(nint);
                type.TypeDict.SetItem(new PyStr(slotNames[i]), new PyMemberDescriptor(type, &members[i]));
            }
        }
        if (addDict)
        {
            PyGetSetDescriptor.Add(type, "__dict__", o => o.Dict ?? throw Attributes.NoAttribute(o, new PyStr("__dict__")),
                (o, v) => Attributes.SetDict(o, v));
        }
        if (addWeakref)
        {
            PyGetSetDescriptor.Add(type, "__weakref__", o => Weakrefs.First(o) ?? PyNone.Instance);
        }
    }

    private PyMemberDefLayout* members;

    /// <summary>The layout in the class's native type object.</summary>
    internal void Apply(PyType type, PyHeapTypeLayout* heap)
    {
        heap->ht_type.tp_basicsize = basicSize;
        heap->ht_type.tp_dictoffset = dictOffset;
        heap->ht_type.tp_weaklistoffset = weakrefOffset;
        heap->ht_type.tp_members = (nint)members;
        heap->ht_name = ObjectSpace.NewRef(new PyStr(type.Name)).Address;
        heap->ht_qualname = ObjectSpace.NewRef(new PyStr(type.QualName)).Address;
        if (slotsTuple is not null)
        {
            heap->ht_slots = ObjectSpace.NewRef(slotsTuple).Address;
        }
        if (type.TypeDict.GetItem(new PyStr("__doc__")) is PyStr doc)
        {
            heap->ht_type.tp_doc = (byte*)Marshal.StringToCoTaskMemUTF8(doc.Value);
        }
    }
}
