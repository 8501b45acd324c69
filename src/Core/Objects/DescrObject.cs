using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>What the descriptors of C definitions share (CPython's PyDescrObject):
/// the owner type, the name, the instance check and the attributes __name__,
/// __qualname__, __objclass__ and __doc__.</summary>
internal abstract unsafe class PyNativeDescriptor(PyType owner, byte* name, byte* doc, PyType type) : PyObject(type)
{
    internal readonly PyType Owner = owner;

    internal string Name { get; } = Marshal.PtrToStringUTF8((nint)name)!;

    /// <summary>descr_check / descr_setcheck: the instance must be of the owner type.</summary>
    protected void CheckInstance(PyObject instance)
    {
        if (!instance.Type.IsSubtypeOf(Owner))
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{Name}' for '{Owner.Name}' objects doesn't apply to a '{instance.Type.Name}' object");
        }
    }

    internal override PyObject GetAttr(PyStr name) => name.Value switch
    {
        "__name__" => new PyStr(Name),
        "__qualname__" => new PyStr($"{Owner.ShortName}.{Name}"),
        "__objclass__" => Owner,
        "__doc__" => doc == null ? PyNone.Instance : new PyStr(Marshal.PtrToStringUTF8((nint)doc)!),
        _ => base.GetAttr(name),
    };
}

/// <summary>A tp_members entry (member_descriptor): reads and writes the field in the
/// instance's native memory through PyMember_GetOne / PyMember_SetOne.</summary>
internal sealed unsafe class PyMemberDescriptor(PyType owner, PyMemberDefLayout* def)
    : PyNativeDescriptor(owner, def->name, def->doc, BuiltinTypes.Get("member_descriptor")), IDescriptor
{
    public bool IsData => true;

    public PyObject Get(PyObject? instance, PyType type)
    {
        if (instance is null)
        {
            return this;
        }
        CheckInstance(instance);
        return ObjectSpace.Steal(DescrNative.PyMember_GetOne(ObjectSpace.ToNative(instance), (nint)def));
    }

    public void Set(PyObject instance, PyObject? value)
    {
        CheckInstance(instance);
        int rc = DescrNative.PyMember_SetOne(ObjectSpace.ToNative(instance), (nint)def, ObjectSpace.ToNativeOrNull(value));
        GC.KeepAlive(value);
        if (rc < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    internal override PyStr ReprCore() => new($"<member '{Name}' of '{Owner.Name}' objects>");
}

/// <summary>A tp_getset entry (getset_descriptor): the C getter and setter, each given
/// the definition's closure.</summary>
internal sealed unsafe class PyNativeGetSetDescriptor(PyType owner, PyGetSetDefLayout* def)
    : PyNativeDescriptor(owner, def->name, def->doc, BuiltinTypes.Get("getset_descriptor")), IDescriptor
{
    public bool IsData => true;

    public PyObject Get(PyObject? instance, PyType type)
    {
        if (instance is null)
        {
            return this;
        }
        CheckInstance(instance);
        if (def->get == 0)
        {
            throw new PythonException(PyExc.AttributeError, $"attribute '{Name}' of '{Owner.Name}' objects is not readable");
        }
        return ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)def->get)(ObjectSpace.ToNative(instance), def->closure));
    }

    public void Set(PyObject instance, PyObject? value)
    {
        CheckInstance(instance);
        if (def->set == 0)
        {
            throw new PythonException(PyExc.AttributeError, $"attribute '{Name}' of '{Owner.Name}' objects is not writable");
        }
        int rc = ((delegate* unmanaged<nint, nint, nint, int>)def->set)(ObjectSpace.ToNative(instance),
            ObjectSpace.ToNativeOrNull(value), def->closure);
        GC.KeepAlive(value);
        if (rc < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    internal override PyStr ReprCore() => new($"<attribute '{Name}' of '{Owner.Name}' objects>");
}

/// <summary>A METH_CLASS entry of tp_methods (classmethod_descriptor): binds the C
/// function to the class it is looked up on, or to an instance's class.</summary>
internal sealed unsafe class PyClassMethodDescriptor(PyType owner, PyMethodDefLayout* def)
    : PyNativeDescriptor(owner, def->ml_name, def->ml_doc, BuiltinTypes.Get("classmethod_descriptor")), IDescriptor
{
    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType type) => Bind(type);

    private PyCFunction Bind(PyObject cls) =>
        new(def, BoundClass(Name, Owner, cls), null, (def->ml_flags & MethFlags.Method) != 0 ? Owner : null);

    /// <summary>classmethod_get: the class must be the owner or a subclass.</summary>
    internal static PyType BoundClass(string name, PyType owner, PyObject cls)
    {
        if (cls is not PyType type)
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{name}' for type '{owner.Name}' needs a type, not a '{cls.Type.Name}' as arg 2");
        }
        return type.IsSubtypeOf(owner) ? type : throw new PythonException(PyExc.TypeError,
            $"descriptor '{name}' requires a subtype of '{owner.Name}' but received '{type.Name}'");
    }

    /// <summary>classmethoddescr_call: the first argument is the class to bind to.</summary>
    internal static PyObject CallBound(string name, PyType owner, PyTuple args, PyDict? kwargs, Func<PyObject, PyObject> bind) =>
        args.Count == 0
            ? throw new PythonException(PyExc.TypeError, $"descriptor '{name}' of '{owner.Name}' object needs an argument")
            : bind(args[0]).Call(PyTuple.Create(args.ToArray().AsSpan(1)), kwargs);

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => CallBound(Name, Owner, args, kwargs, Bind);

    internal override PyStr ReprCore() => new($"<method '{Name}' of '{Owner.Name}' objects>");
}

/// <summary>The C part the descriptors call (src/native/structmember.c).</summary>
internal static partial class DescrNative
{
    private const string Lib = "pycapi_native";

    [LibraryImport(Lib)]
    internal static partial nint PyMember_GetOne(nint objAddr, nint member);

    [LibraryImport(Lib)]
    internal static partial int PyMember_SetOne(nint objAddr, nint member, nint value);
}

internal static unsafe class DescrApi
{
    /// <summary>A wrapper descriptor bound to an object of its class (what attribute access does).</summary>
    [CApi]
    internal static NewReference PyWrapper_New(BorrowedReference descr, BorrowedReference self)
    {
        var wrapper = ObjectSpace.FromNativeOrNull(descr) as PySlotWrapper ?? throw Abstract.BadInternalCall();
        var obj = ObjectSpace.FromNative(self);
        if (!obj.Type.IsSubtypeOf(wrapper.Owner))
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{wrapper.SlotName}' for '{wrapper.Owner.Name}' objects doesn't apply to a '{obj.Type.Name}' object");
        }
        return ObjectSpace.NewRef(new PyMethodWrapper(wrapper, obj));
    }

    /// <summary>A data descriptor's type has tp_descr_set.</summary>
    [CApi(Error = "0")]
    internal static int PyDescr_IsData(BorrowedReference descr) =>
        ((PyTypeObjectLayout*)((PyObjectHead*)descr.Address)->ob_type)->tp_descr_set != 0 ? 1 : 0;

    private static PyType Type(BorrowedReference t) =>
        ObjectSpace.FromNativeOrNull(t) as PyType ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyDescr_NewMember(BorrowedReference type, nint member) =>
        ObjectSpace.NewRef(new PyMemberDescriptor(Type(type), (PyMemberDefLayout*)member));

    [CApi]
    internal static NewReference PyDescr_NewGetSet(BorrowedReference type, nint getset) =>
        ObjectSpace.NewRef(new PyNativeGetSetDescriptor(Type(type), (PyGetSetDefLayout*)getset));

    [CApi]
    internal static NewReference PyDescr_NewClassMethod(BorrowedReference type, nint method) =>
        ObjectSpace.NewRef(new PyClassMethodDescriptor(Type(type), (PyMethodDefLayout*)method));

    [CApi]
    internal static NewReference PyDescr_NewMethod(BorrowedReference type, nint method) =>
        ObjectSpace.NewRef(new PyMethodDescriptor(Type(type), (PyMethodDefLayout*)method));
}
