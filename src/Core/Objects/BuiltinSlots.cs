using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The slots of our built-in type objects as C calls them directly
/// (PyLong_Type.tp_as_number->nb_add, PyBaseObject_Type.tp_repr, PySequence_ITEM on a
/// list; src/native/builtinslots.c). Each is that type's own behaviour: int's nb_add
/// answers NotImplemented for a float, and nothing here dispatches on the type's C slots
/// again, so that a C subclass whose slot calls its base's does not come back to itself.
/// The slots that do not depend on whose slot was called find the behaviour from the
/// object's managed class (a list's twin is a PyList whatever its type).</summary>
internal static unsafe partial class BuiltinSlots
{
    /// <summary>Whose slot was called (builtinslots.c has the same order); Type only here,
    /// for type's own slots.</summary>
    private enum Kind { Int, Bool, Float, Str, Bytes, Tuple, List, Dict, Type, Complex, Set, FrozenSet, ByteArray, DictKeys, DictItems }

    /// <summary>The binary operations past NumberOp's (builtinslots.c).</summary>
    private const int Concat = 13, InPlaceConcat = 14, InPlace = 15;

    private static readonly string[] unaryNames =
        ["__neg__", "__pos__", "__abs__", "__invert__", "__int__", "__float__", "__index__"];

    /// <summary>pycapi_builtin_hooks, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Hooks
    {
        public delegate* unmanaged<int, int, nint, nint, nint> Binary;
        public delegate* unmanaged<int, nint, nint, nint, nint> Power;
        public delegate* unmanaged<int, int, nint, nint> Unary;
        public delegate* unmanaged<int, int, nint, nint, nint> Repeat;
        public delegate* unmanaged<nint, nint> ObjectRepr, ObjectStr, ObjectHash, IntRepr;
        public delegate* unmanaged<nint, nint, int, nint> IntRichCompare;
        public delegate* unmanaged<nint, nint> ExceptionStr;
        public delegate* unmanaged<nint, nint, nint> TypeGetAttr;
        public delegate* unmanaged<nint, nint, nint, int> TypeSetAttr;
        public delegate* unmanaged<nint, nint, nint, nint> TypeCall;
        public delegate* unmanaged<nint, nint> Repr, Str;
        public delegate* unmanaged<nint, nint, nint> GetAttr;
        public delegate* unmanaged<nint, nint, nint, int> SetAttr;
        public delegate* unmanaged<nint, nint> Hash;
        public delegate* unmanaged<nint, nint, int, nint> RichCompare;
        public delegate* unmanaged<nint, int> Truth;
        public delegate* unmanaged<nint, nint> Iter, Length;
        public delegate* unmanaged<nint, nint, nint> Item;
        public delegate* unmanaged<nint, nint, nint, int> AssItem;
        public delegate* unmanaged<nint, nint, int> Contains;
        public delegate* unmanaged<nint, nint, nint> Subscript;
        public delegate* unmanaged<nint, nint, nint, int> AssSubscript;
        public delegate* unmanaged<nint, void> AddOperators;
    }

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_fill_builtin_slots(Hooks* hooks);

    /// <summary>Fills the built-in type objects' slots; once, when the statics are linked.</summary>
    internal static void Install()
    {
        var hooks = new Hooks
        {
            Binary = &Binary, Power = &Power, Unary = &Unary, Repeat = &Repeat,
            ObjectRepr = &ObjectRepr, ObjectStr = &ObjectStr, ObjectHash = &ObjectHash,
            IntRepr = &IntRepr, IntRichCompare = &IntRichCompare, ExceptionStr = &ExceptionStr,
            TypeGetAttr = &TypeGetAttr, TypeSetAttr = &TypeSetAttr, TypeCall = &TypeCall,
            Repr = &Repr, Str = &Str, GetAttr = &GetAttr, SetAttr = &SetAttr, Hash = &Hash, RichCompare = &RichCompare,
            Truth = &Truth, Iter = &Iter, Length = &Length, Item = &Item, AssItem = &AssItem, Contains = &Contains,
            Subscript = &Subscript, AssSubscript = &AssSubscript, AddOperators = &AddOperators,
        };
        pycapi_fill_builtin_slots(&hooks);
    }

    // ---- Entry points: a managed exception becomes the Python error and the slot's error value.

    private static nint Guard(Func<PyObject> body)
    {
        ManagedActivity.Calls++;
        try
        {
            return ObjectSpace.NewRef(body()).Address;
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return 0;
        }
    }

    private static T Guard<T>(Func<T> body, T error)
    {
        ManagedActivity.Calls++;
        try
        {
            return body();
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return error;
        }
    }

    private static PyObject O(nint p) => ObjectSpace.FromNative(p);

    private static PyType TypeOf(Kind kind) => kind switch
    {
        Kind.Int => BuiltinTypes.Int,
        Kind.Bool => BuiltinTypes.Bool,
        Kind.Float => BuiltinTypes.Float,
        Kind.Str => BuiltinTypes.Str,
        Kind.Bytes => BuiltinTypes.Bytes,
        Kind.Tuple => BuiltinTypes.Tuple,
        Kind.List => BuiltinTypes.List,
        Kind.Dict => BuiltinTypes.Dict,
        Kind.Complex => BuiltinTypes.Complex,
        Kind.Set => BuiltinTypes.Set,
        Kind.FrozenSet => BuiltinTypes.FrozenSet,
        Kind.ByteArray => BuiltinTypes.ByteArray,
        Kind.DictKeys => BuiltinTypes.Get("dict_keys"),
        Kind.DictItems => BuiltinTypes.Get("dict_items"),
        _ => BuiltinTypes.Type,
    };

    private static bool IsOfKind(Kind kind, PyObject o) => kind switch
    {
        Kind.Int => o is PyInt,
        Kind.Bool => o is PyBool,
        Kind.Float => o is PyFloat,
        Kind.Str => o is PyStr,
        Kind.Bytes => o is PyBytes,
        Kind.Tuple => o is PyTuple,
        Kind.List => o is PyList,
        Kind.Dict => o is PyDict,
        Kind.Complex => o is PyComplex,
        Kind.Set or Kind.FrozenSet => o is PySet,
        Kind.ByteArray => o is PyByteArray,
        Kind.DictKeys => o is PyDictView { Kind: DictViewKind.Keys },
        Kind.DictItems => o is PyDictView { Kind: DictViewKind.Items },
        _ => o is PyType,
    };

    /// <summary>The instance a unary slot of <paramref name="kind"/> works on; another object
    /// gets the error CPython's slot wrapper gives (int.__neg__(1.5)).</summary>
    private static PyObject Self(Kind kind, nint p, string dunder)
    {
        var o = O(p);
        return IsOfKind(kind, o) ? o : throw new PythonException(PyExc.TypeError,
            $"descriptor '{dunder}' requires a '{TypeOf(kind).Name}' object but received a '{o.Type.Name}'");
    }

    /// <summary>An object whose own behaviour is managed: a C type's instance has none here.</summary>
    private static PyObject Builtin(nint p) => O(p) is var o and not PyNativeInstance ? o : throw Abstract.BadInternalCall();

    private static NumberSlots NumberSlotsOf(int kind) => NumberSlots.OwnSlots(TypeOf((Kind)kind))!;

    // ---- The number slots and sq_concat / sq_repeat of the type C called them on.

    [UnmanagedCallersOnly]
    private static nint Binary(int kind, int op, nint v, nint w) => Guard(() =>
    {
        var slots = NumberSlotsOf(kind);
        var slot = op switch
        {
            Concat => slots.Concat,
            InPlaceConcat => slots.InPlaceConcat,
            >= InPlace => slots.InPlace[op - InPlace],
            _ => slots.Binary[op],
        };
        return slot!(O(v), O(w));
    });

    [UnmanagedCallersOnly]
    private static nint Power(int kind, nint v, nint w, nint z) => Guard(() => NumberSlotsOf(kind).Power!(O(v), O(w), O(z)));

    [UnmanagedCallersOnly]
    private static nint Unary(int kind, int op, nint o) =>
        Guard(() => NumberSlotsOf(kind).Unary[op]!(Self((Kind)kind, o, unaryNames[op])));

    [UnmanagedCallersOnly]
    private static nint Repeat(int kind, int inPlace, nint o, nint n) => Guard(() =>
    {
        var slots = NumberSlotsOf(kind);
        var self = Self((Kind)kind, o, inPlace != 0 ? "__imul__" : "__mul__");
        return (inPlace != 0 ? slots.InPlaceRepeat : slots.Repeat)!(self, n);
    });

    // ---- object's own slots.

    [UnmanagedCallersOnly]
    private static nint ObjectRepr(nint o) => Guard(() => O(o).ObjectRepr());

    /// <summary>object_str: the repr of the object's type.</summary>
    [UnmanagedCallersOnly]
    private static nint ObjectStr(nint o) => Guard(() => O(o).Repr());

    [UnmanagedCallersOnly]
    private static nint ObjectHash(nint o) => Guard(() => (nint)O(o).IdentityHash(), -1);

    /// <summary>int's tp_repr: a bool is shown as its number.</summary>
    [UnmanagedCallersOnly]
    private static nint IntRepr(nint o) => Guard(() => new PyStr(IntFormat.Decimal(((PyInt)Self(Kind.Int, o, "__repr__")).Value)));

    /// <summary>int's tp_richcompare: two ints, else NotImplemented (float compares with ints itself).</summary>
    [UnmanagedCallersOnly]
    private static nint IntRichCompare(nint v, nint w, int op) =>
        Guard(() => (O(v), O(w)) is (PyInt a, PyInt b) ? a.RichCompareCore(b, (CompareOp)op) : PyNotImplemented.Instance);

    /// <summary>BaseException_str: the arguments, whatever the class shows.</summary>
    [UnmanagedCallersOnly]
    private static nint ExceptionStr(nint o) => Guard(() => O(o) is PyBaseException e ? new PyStr(e.ArgsStr())
        : throw new PythonException(PyExc.TypeError,
            $"descriptor '__str__' requires a 'BaseException' object but received a '{O(o).Type.Name}'"));

    // ---- type's own slots.

    [UnmanagedCallersOnly]
    private static nint TypeGetAttr(nint type, nint name) =>
        Guard(() => Self(Kind.Type, type, "__getattribute__").GetAttr(Abstract.AttributeName(O(name))));

    [UnmanagedCallersOnly]
    private static int TypeSetAttr(nint type, nint name, nint value) => Guard(() =>
    {
        Self(Kind.Type, type, "__setattr__").SetAttr(Abstract.AttributeName(O(name)), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }, -1);

    /// <summary>type_call: what calling a class does, whatever its metaclass's __call__ (which
    /// reaches here through super().__call__).</summary>
    [UnmanagedCallersOnly]
    private static nint TypeCall(nint type, nint args, nint kwargs) => Guard(() =>
        ((PyType)Self(Kind.Type, type, "__call__")).CallType((PyTuple)O(args), (PyDict?)ObjectSpace.FromNativeOrNull(kwargs)));

    // ---- The slots whose behaviour the object's managed class gives.

    [UnmanagedCallersOnly]
    private static nint Repr(nint o) => Guard(() => Builtin(o).ReprCore());

    [UnmanagedCallersOnly]
    private static nint Str(nint o) => Guard(() => Builtin(o).StrCore());

    [UnmanagedCallersOnly]
    private static nint GetAttr(nint o, nint name) => Guard(() => Builtin(o).GetAttr(Abstract.AttributeName(O(name))));

    [UnmanagedCallersOnly]
    private static int SetAttr(nint o, nint name, nint value) => Guard(() =>
    {
        Builtin(o).SetAttr(Abstract.AttributeName(O(name)), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }, -1);

    [UnmanagedCallersOnly]
    private static nint Hash(nint o) => Guard(() => (nint)Builtin(o).HashCore(), -1);

    /// <summary>Operands the type does not compare with give NotImplemented.</summary>
    [UnmanagedCallersOnly]
    private static nint RichCompare(nint v, nint w, int op) =>
        Guard(() => O(v) is var self and not PyNativeInstance ? self.RichCompareCore(O(w), (CompareOp)op) : PyNotImplemented.Instance);

    [UnmanagedCallersOnly]
    private static int Truth(nint o) => Guard(() => Builtin(o).IsTrue() ? 1 : 0, -1);

    [UnmanagedCallersOnly]
    private static nint Iter(nint o) => Guard(() => Abstract.GetIterOfKind(Builtin(o)));

    [UnmanagedCallersOnly]
    private static nint Length(nint o) => Guard(() => (nint)Abstract.BuiltinLength(Builtin(o)), -1);

    /// <summary>sq_item of str, bytes and bytearray (the index as given, a negative one out
    /// of range) and of memoryview (a negative one from the end).</summary>
    [UnmanagedCallersOnly]
    private static nint Item(nint o, nint i) => Guard(() => Builtin(o) is var self and (PyStr or PyBytes or PyByteArray or PyMemoryView)
        ? Abstract.SequenceItemSlot(self, i) : throw Abstract.BadInternalCall());

    /// <summary>sq_ass_item of list and bytearray.</summary>
    [UnmanagedCallersOnly]
    private static int AssItem(nint o, nint i, nint value) => Guard(() =>
    {
        var sequence = Builtin(o) is var self and (PyList or PyByteArray) ? self : throw Abstract.BadInternalCall();
        Abstract.SequenceAssItemSlot(sequence, i, ObjectSpace.FromNativeOrNull(value));
        return 0;
    }, -1);

    [UnmanagedCallersOnly]
    private static int Contains(nint o, nint item) => Guard(() => Abstract.ContainsOfKind(Builtin(o), O(item)) ? 1 : 0, -1);

    [UnmanagedCallersOnly]
    private static nint Subscript(nint o, nint key) => Guard(() => Abstract.GetItemOfKind(Builtin(o), O(key)));

    [UnmanagedCallersOnly]
    private static int AssSubscript(nint o, nint key, nint value) => Guard(() =>
    {
        Abstract.SetItemOfKind(Builtin(o), O(key), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }, -1);

    // ---- The type's own slots as methods (add_operators), before it inherits its base's.

    [UnmanagedCallersOnly]
    private static void AddOperators(nint type) => Guard(() =>
    {
        var t = (PyType)O(type);
        SlotWrappers.Add(t);
        if (t.Layout->tp_new is var tpNew and not 0)
        {
            SlotWrappers.AddNew(t, tpNew);
        }
        return 0;
    }, 0);
}
