using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Attribute lookup and assignment as object.__getattribute__ / __setattr__ do them.</summary>
internal static class Attributes
{
    /// <summary>PyObject_GetAttr: the type's lookup, and an AttributeError raised by it
    /// gets the name and the object (set_attribute_error_context), once.</summary>
    internal static PyObject GetAttr(PyObject o, PyStr name)
    {
        try
        {
            return o.GetAttr(name);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            var exc = e.Normalize();
            if (exc.Type.IsSubtypeOf(PyExc.AttributeError)
                && exc.Fields.GetValueOrDefault("name") is null or PyNone && exc.Fields.GetValueOrDefault("obj") is null or PyNone)
            {
                exc.Fields["name"] = name;
                exc.Fields["obj"] = o;
            }
            throw new PythonException(exc.Type, exc, e.Traceback);
        }
    }

    /// <summary>_PyObject_LookupAttr: the attribute, or null when it is missing (an AttributeError).</summary>
    internal static PyObject? Lookup(PyObject o, string name)
    {
        try
        {
            return GetAttr(o, new PyStr(name));
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            return null;
        }
    }

    internal static PyObject GenericGetAttr(PyObject o, PyStr name) =>
        TryGenericGetAttr(o, name, out var value) ? value : throw NoAttribute(o, name);

    /// <summary>object.__getattribute__ without the error: data descriptors on the type,
    /// then the instance dict (or the one given), then other type attributes (bound if
    /// they are descriptors).</summary>
    internal static bool TryGenericGetAttr(PyObject o, PyStr name, out PyObject value, PyDict? dict = null)
    {
        var descr = o.Type.Lookup(name);
        if (descr is IDescriptor { IsData: true } data)
        {
            value = data.Get(o, o.Type);
            return true;
        }
        if ((dict ?? o.DictForLookup)?.GetItem(name) is { } v)
        {
            value = v;
            return true;
        }
        if (descr is null && name.Value == "__dict__" && o.Dict is { } instanceDict)
        {
            value = instanceDict; // the __dict__ descriptor of types with an instance dict
            return true;
        }
        value = descr is IDescriptor d ? d.Get(o, o.Type) : descr!;
        return descr is not null;
    }

    internal static PythonException NoAttribute(PyObject o, PyStr name) =>
        new(PyExc.AttributeError, $"'{o.Type.Name}' object has no attribute '{name.Value}'");

    /// <summary>Assigns an instance dict at the type's tp_dictoffset (subtype_setdict,
    /// PyObject_GenericSetDict); deleting leaves none until the next use makes one.</summary>
    internal static unsafe void SetDict(PyObject o, PyObject? value)
    {
        if (value is not null and not PyDict)
        {
            throw new PythonException(PyExc.TypeError, $"__dict__ must be set to a dictionary, not a '{value.Type.Name}'");
        }
        nint* slot = InstanceDictApi.pycapi_dict_slot(ObjectSpace.ToNative(o));
        if (slot == null)
        {
            throw new PythonException(PyExc.AttributeError, "This object has no __dict__");
        }
        nint old = *slot;
        *slot = value is null ? 0 : ObjectSpace.NewRef(value).Address;
        if (old != 0)
        {
            ObjectSpace.DecRef(old);
        }
    }

    internal static void GenericSetAttr(PyObject o, PyStr name, PyObject? value)
    {
        if (o.Type.Lookup(name) is IDescriptor { IsData: true } data)
        {
            data.Set(o, value);
            return;
        }
        var dict = o.Dict;
        if (dict is null)
        {
            throw new PythonException(PyExc.AttributeError,
                o.Type.Lookup(name) is null
                    ? $"'{o.Type.Name}' object has no attribute '{name.Value}'"
                    : $"'{o.Type.Name}' object attribute '{name.Value}' is read-only");
        }
        if (value is not null)
        {
            dict.SetItem(name, value);
        }
        else if (!dict.DelItem(name))
        {
            throw NoAttribute(o, name);
        }
    }
}

/// <summary>The instance dict from C (PyObject_GenericGetDict / SetDict).</summary>
internal static unsafe partial class InstanceDictApi
{
    private static PyObject Arg(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyObject_GenericGetDict(BorrowedReference o, nint context) =>
        ObjectSpace.NewRef(Arg(o).Dict ?? throw new PythonException(PyExc.AttributeError, "This object has no __dict__"));

    [CApi]
    internal static int PyObject_GenericSetDict(BorrowedReference o, BorrowedReference value, nint context)
    {
        if (value.IsNull)
        {
            throw new PythonException(PyExc.TypeError, "cannot delete __dict__");
        }
        Attributes.SetDict(Arg(o), ObjectSpace.FromNative(value));
        return 0;
    }

    /// <summary>The instance's dict pointer (pycapi_instance_dict_slot), or null.</summary>
    [LibraryImport("pycapi_native"), SuppressGCTransition]
    internal static partial nint* pycapi_dict_slot(nint o);
}

/// <summary>An object with __get__ (and, for data descriptors, __set__).</summary>
internal interface IDescriptor
{
    bool IsData { get; }
    PyObject Get(PyObject? instance, PyType owner);
    void Set(PyObject instance, PyObject? value) =>
        throw new PythonException(PyExc.AttributeError, "readonly attribute");
}

/// <summary>An attribute of a managed built-in type served by a getter and, when writable,
/// a setter; its kind (getset or member descriptor) gives its repr and its read-only error.</summary>
internal abstract class PyManagedField(string kind, PyType owner, string name, Func<PyObject, PyObject> get,
    Action<PyObject, PyObject?>? set) : PyObject(BuiltinTypes.Get(kind)), IDescriptor
{
    protected PyType Owner { get; } = owner;

    protected string Name { get; } = name;

    public bool IsData => true;

    public PyObject Get(PyObject? instance, PyType type) => instance is null ? this : get(instance);

    public void Set(PyObject instance, PyObject? value)
    {
        if (set is null)
        {
            throw ReadOnly();
        }
        set(instance, value);
    }

    protected abstract PythonException ReadOnly();
}

/// <summary>A computed attribute (getset_descriptor, as int.real).</summary>
internal sealed class PyGetSetDescriptor(PyType owner, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null)
    : PyManagedField("getset_descriptor", owner, name, get, set)
{
    protected override PythonException ReadOnly() =>
        new(PyExc.AttributeError, $"attribute '{Name}' of '{Owner.Name}' objects is not writable");

    internal override PyStr ReprCore() => new($"<attribute '{Name}' of '{Owner.ShortName}' objects>");

    internal static void Add(PyType type, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null) =>
        type.TypeDict.SetItem(new PyStr(name), new PyGetSetDescriptor(type, name, get, set));
}

/// <summary>A field (member_descriptor, as slice.start or OSError.errno): without a setter,
/// setting it is "readonly attribute", as for a READONLY PyMemberDef.</summary>
internal sealed class PyManagedMember(PyType owner, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null)
    : PyManagedField("member_descriptor", owner, name, get, set)
{
    protected override PythonException ReadOnly() => new(PyExc.AttributeError, "readonly attribute");

    internal override PyStr ReprCore() => new($"<member '{Name}' of '{Owner.ShortName}' objects>");

    internal static void Add(PyType type, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null) =>
        type.TypeDict.SetItem(new PyStr(name), new PyManagedMember(type, name, get, set));
}

/// <summary>What the object space gives the base types: object.__class__, and the
/// singleton types' constructors.</summary>
internal static class BaseTypes
{
    internal static void Register()
    {
        PyGetSetDescriptor.Add(BuiltinTypes.Object, "__class__", o => o.Type, SetClass);
        BuiltinTypes.NoneType.Constructor = SingletonConstructor(PyNone.Instance);
        BuiltinTypes.NotImplementedType.Constructor = SingletonConstructor(PyNotImplemented.Instance);
    }

    /// <summary>none_new / notimplemented_new: the singleton, for no arguments only.</summary>
    private static Func<PyType, PyTuple, PyDict?, PyObject> SingletonConstructor(PyObject singleton) => (type, args, kwargs) =>
        args.Count != 0 || kwargs is { Count: > 0 }
            ? throw new PythonException(PyExc.TypeError, $"{type.Name} takes no arguments")
            : singleton;

    /// <summary>object.__class__ assignment (object_set_class): between mutable types of the
    /// same instance layout; the native half follows.</summary>
    private static unsafe void SetClass(PyObject o, PyObject? value)
    {
        if (value is null)
        {
            throw new PythonException(PyExc.TypeError, "can't delete __class__ attribute");
        }
        if (value is not PyType type)
        {
            throw new PythonException(PyExc.TypeError, $"__class__ must be set to a class, not '{value.Type.Name}' object");
        }
        bool bothModules = type.IsSubtypeOf(BuiltinTypes.Module) && o.Type.IsSubtypeOf(BuiltinTypes.Module);
        if (!bothModules && ((type.Flags | o.Type.Flags) & TypeFlags.ImmutableType) != 0)
        {
            throw new PythonException(PyExc.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (type.BasicSize != o.Type.BasicSize || type.ItemSize != o.Type.ItemSize)
        {
            throw new PythonException(PyExc.TypeError, $"__class__ assignment: '{type.Name}' object layout differs from '{o.Type.Name}'");
        }
        o.Type = type;
        if (o.Native != 0)
        {
            ((PyObjectHead*)o.Native)->ob_type = ObjectSpace.ToNative(type);
        }
    }
}

/// <summary>The attribute slots of a C type (tp_getattro / tp_setattro, else the char*
/// tp_getattr / tp_setattr) and the descriptor slots of its instances, read along tp_base.
/// A type without them gets object's generic behaviour.</summary>
internal static unsafe class NativeAttributeSlots
{
    private static nint N(PyObject o) => ObjectSpace.ToNative(o);

    /// <summary>The attribute through the type's own slot; null when it has none.</summary>
    internal static PyObject? GetAttr(PyObject o, PyStr name)
    {
        nint result;
        if (o.Type.NativeSlot(l => l->tp_getattro) is var getattro and not 0)
        {
            result = ((delegate* unmanaged<nint, nint, nint>)getattro)(N(o), N(name));
        }
        else if (o.Type.NativeSlot(l => l->tp_getattr) is var getattr and not 0)
        {
            fixed (byte* utf8 = Utf8(name))
            {
                result = ((delegate* unmanaged<nint, byte*, nint>)getattr)(N(o), utf8);
            }
        }
        else
        {
            return null;
        }
        GC.KeepAlive(name);
        return result != 0 ? ObjectSpace.Steal(result) : throw PythonException.FetchOrSystemError();
    }

    /// <summary>Sets (value null: deletes) through the type's own slot; false when it has none.</summary>
    internal static bool SetAttr(PyObject o, PyStr name, PyObject? value)
    {
        int status;
        if (o.Type.NativeSlot(l => l->tp_setattro) is var setattro and not 0)
        {
            status = ((delegate* unmanaged<nint, nint, nint, int>)setattro)(N(o), N(name), ObjectSpace.ToNativeOrNull(value));
        }
        else if (o.Type.NativeSlot(l => l->tp_setattr) is var setattr and not 0)
        {
            fixed (byte* utf8 = Utf8(name))
            {
                status = ((delegate* unmanaged<nint, byte*, nint, int>)setattr)(N(o), utf8, ObjectSpace.ToNativeOrNull(value));
            }
        }
        else
        {
            return false;
        }
        GC.KeepAlive(name);
        GC.KeepAlive(value);
        NativeSlots.CheckStatus(status);
        return true;
    }

    private static byte[] Utf8(PyStr name) => System.Text.Encoding.UTF8.GetBytes(name.Value + "\0");

    internal static bool HasDescrSet(PyObject descr) => descr.Type.NativeSlot(l => l->tp_descr_set) != 0;

    internal static bool HasDescrGet(PyObject descr) => descr.Type.NativeSlot(l => l->tp_descr_get) != 0;

    /// <summary>tp_descr_get(descr, instance or NULL, owner); null when the type has none.</summary>
    internal static PyObject? DescrGet(PyObject descr, PyObject? instance, PyType owner)
    {
        nint get = descr.Type.NativeSlot(l => l->tp_descr_get);
        if (get == 0)
        {
            return null;
        }
        nint result = ((delegate* unmanaged<nint, nint, nint, nint>)get)(N(descr), ObjectSpace.ToNativeOrNull(instance), N(owner));
        GC.KeepAlive(instance);
        return result != 0 ? ObjectSpace.Steal(result) : throw PythonException.FetchOrSystemError();
    }

    /// <summary>tp_descr_set(descr, instance, value or NULL to delete).</summary>
    internal static void DescrSet(PyObject descr, PyObject instance, PyObject? value)
    {
        nint set = descr.Type.NativeSlot(l => l->tp_descr_set);
        int status = ((delegate* unmanaged<nint, nint, nint, int>)set)(N(descr), N(instance), ObjectSpace.ToNativeOrNull(value));
        GC.KeepAlive(value);
        NativeSlots.CheckStatus(status);
    }
}
