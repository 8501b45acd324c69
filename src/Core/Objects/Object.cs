using PyCApi.Runtime;

namespace PyCApi.Objects;

internal enum CompareOp { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 }

/// <summary>A Python object in the managed object space. Subclasses hold the state of
/// the built-in types; <see cref="Native"/> is the linked <c>PyObject*</c> (0 until the
/// object first crosses into C). The virtual members are the type's slots as the object
/// space sees them (CPython's tp_repr, tp_hash, tp_richcompare, tp_getattro, tp_call ...).</summary>
public abstract class PyObject
{
    internal nint Native;

    /// <summary>Keeps the pair's link (and its finalizer) alive exactly as long as this object.</summary>
    internal ObjectSpace.PairLink? PairLink;

    internal PyType Type { get; set; }

    protected PyObject(PyType type) => Type = type;

    /// <summary>Allocates and fills the native half with the CPython layout of the type.
    /// The default is a bare header of the type's basic size.</summary>
    internal virtual nint CreateNative() => ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);

    /// <summary>An instance of a C subclass of a built-in type has the built-in's kind of
    /// twin, whose methods give the built-in's behaviour; the subclass's own slots come
    /// first (NativeSlot leaves out the built-in's, which lead back here). The entry points
    /// below (repr, str, hash, rich comparison) check them; the *Core methods are the
    /// object space's behaviour of each kind.</summary>
    private bool HasSubclassSlots => !Type.IsBuiltin && this is not PyNativeInstance;

    internal PyStr Repr() => HasSubclassSlots && Type.CallReprSlot(this) is { } own ? own : ReprCore();

    /// <summary>str(o): a subclass's own tp_str; else, where the built-in has no tp_str of
    /// its own (object_str), the repr, which may be the subclass's.</summary>
    internal PyStr Str()
    {
        if (HasSubclassSlots)
        {
            if (Type.CallStrSlot(this) is { } own)
            {
                return own;
            }
            if (!Type.BuiltinAncestorHasOwnStr)
            {
                return Repr();
            }
        }
        return StrCore();
    }

    internal long Hash() => HasSubclassSlots && Type.CallHashSlot(this) is { } own ? own : HashCore();

    internal PyObject RichCompare(PyObject other, CompareOp op) =>
        HasSubclassSlots && Type.CallRichCompareSlot(this, other, op) is { } own ? own : RichCompareCore(other, op);

    internal virtual PyStr ReprCore() => ObjectRepr();

    /// <summary>object's own repr (object_repr), whatever the type overrides.</summary>
    internal PyStr ObjectRepr() => new($"<{Type.DisplayName} object at 0x{ObjectSpace.ToNative(this):x}>");

    internal virtual PyStr StrCore() => Repr();

    /// <summary>Identity hash: CPython's _Py_HashPointer (the address rotated by 4 bits).</summary>
    internal virtual long HashCore() => IdentityHash();

    internal long IdentityHash() => NumericHash.OfPointer(ObjectSpace.ToNative(this));

    /// <summary>Returns <see cref="PyNotImplemented.Instance"/> for comparisons the type
    /// does not define. object's default answers == and != only for the object itself, so
    /// that the other operand's reflected slot is tried before the identity fallback.</summary>
    internal virtual PyObject RichCompareCore(PyObject other, CompareOp op) => op switch
    {
        CompareOp.Eq when ReferenceEquals(this, other) => PyBool.True,
        CompareOp.Ne when ReferenceEquals(this, other) => PyBool.False,
        _ => PyNotImplemented.Instance,
    };

    internal virtual bool IsTrue() => true;

    /// <summary>The instance dictionary as a lookup reads it: for an object whose dict is
    /// made on first store, null until then (a lookup does not make it, as in CPython).</summary>
    internal virtual PyDict? DictForLookup => Dict;

    /// <summary>The instance dictionary, for objects that have one. An instance of a type
    /// defined in C (or made by type()) has it where pycapi_instance_dict_slot says, made on
    /// first use as CPython does; the object's native memory owns the reference.</summary>
    internal virtual unsafe PyDict? Dict
    {
        get
        {
            if (Type.IsBuiltin)
            {
                return null;
            }
            nint* slot = InstanceDictApi.pycapi_dict_slot(ObjectSpace.ToNative(this));
            if (slot == null)
            {
                return null;
            }
            if (*slot == 0)
            {
                var dict = new PyDict();
                *slot = ObjectSpace.NewRef(dict).Address;
                return dict;
            }
            return ObjectSpace.FromNative(*slot) as PyDict;
        }
    }

    internal virtual PyObject GetAttr(PyStr name) => Attributes.GenericGetAttr(this, name);

    internal virtual void SetAttr(PyStr name, PyObject? value) => Attributes.GenericSetAttr(this, name, value);

    internal virtual PyObject Call(PyTuple args, PyDict? kwargs) =>
        throw new PythonException(PyExc.TypeError, $"'{Type.Name}' object is not callable");

    internal virtual bool IsCallable => false;

    internal string StrString() => Str().Value;

    internal string ReprString() => Repr().Value;

    public override string ToString() => ReprString();
}

/// <summary>Instances of types defined in C whose native layout is authoritative: the
/// twin only points at it, and every slot goes to the type's C function. Any of them may
/// be a descriptor (tp_descr_get / tp_descr_set) in another type's dict.</summary>
internal sealed class PyNativeInstance(PyType type) : PyObject(type), IDescriptor
{
    internal override nint CreateNative() =>
        throw new InvalidOperationException("a C-born object always has its native half");

    internal override PyStr ReprCore() => Type.CallReprSlot(this) ?? base.ReprCore();

    internal override PyStr StrCore() => Type.CallStrSlot(this) ?? Repr();

    internal override long HashCore() => Type.CallHashSlot(this) ?? base.HashCore();

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) =>
        Type.CallRichCompareSlot(this, other, op) ?? base.RichCompareCore(other, op);

    internal override PyObject Call(PyTuple args, PyDict? kwargs) =>
        Type.CallCallSlot(this, args, kwargs) ?? base.Call(args, kwargs);

    internal override bool IsCallable => Type.HasCallSlot;

    internal override bool IsTrue() => NativeSlots.IsTrue(this);

    internal override PyObject GetAttr(PyStr name) => NativeAttributeSlots.GetAttr(this, name) ?? base.GetAttr(name);

    internal override void SetAttr(PyStr name, PyObject? value)
    {
        if (!NativeAttributeSlots.SetAttr(this, name, value))
        {
            base.SetAttr(name, value);
        }
    }

    public bool IsData => NativeAttributeSlots.HasDescrSet(this);

    public PyObject Get(PyObject? instance, PyType owner) => NativeAttributeSlots.DescrGet(this, instance, owner) ?? this;

    public void Set(PyObject instance, PyObject? value) => NativeAttributeSlots.DescrSet(this, instance, value);

}
