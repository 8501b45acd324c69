using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>add_operators for a static C type: each slot the type fills itself becomes a
/// wrapper_descriptor (PySlotWrapper) under its dunder name, calling the C slot with
/// CPython's slot-wrapper argument checks. The table follows CPython's slotdefs order, so
/// where two slots share a name (mp_length and sq_length for __len__) the first wins.</summary>
internal static unsafe partial class SlotWrappers
{
    /// <summary>How a wrapper turns its arguments into a call of the slot.</summary>
    private enum Kind
    {
        Unary, BinaryLeft, BinaryRight, Power, PowerRight, Hash, Call, RichCompare, Next, Init, Inquiry, Length,
        Finalize, SetAttr, DelAttr, DescrGet, DescrSet, DescrDelete, ObjObjArg, DelItem, SqItem, SqAssItem, SqDelItem, Contains, Repeat,
    }

    // Slot ids (typeslots.h), the keys of typespec.c's slot table.
    private const int MpAssSubscript = 3, MpLength = 4, MpSubscript = 5, NbAbsolute = 6, NbAdd = 7, NbAnd = 8, NbBool = 9,
        NbDivmod = 10, NbFloat = 11, NbFloorDivide = 12, NbIndex = 13, NbInplaceAdd = 14, NbInplaceAnd = 15,
        NbInplaceFloorDivide = 16, NbInplaceLshift = 17, NbInplaceMultiply = 18, NbInplaceOr = 19, NbInplacePower = 20, NbInplaceRemainder = 21,
        NbInplaceRshift = 22, NbInplaceSubtract = 23, NbInplaceTrueDivide = 24, NbInplaceXor = 25, NbInt = 26, NbInvert = 27,
        NbLshift = 28, NbMultiply = 29, NbNegative = 30, NbOr = 31, NbPositive = 32, NbPower = 33, NbRemainder = 34, NbRshift = 35,
        NbSubtract = 36, NbTrueDivide = 37, NbXor = 38, SqAssItemSlot = 39, SqConcat = 40, SqContains = 41,
        SqInplaceConcat = 42, SqInplaceRepeat = 43, SqItemSlot = 44, SqLength = 45, SqRepeat = 46, TpCall = 50,
        TpDescrGet = 54, TpDescrSet = 55, TpGetattro = 58, TpHash = 59, TpInit = 60, TpIter = 62, TpIternext = 63,
        TpRepr = 66, TpRichcompare = 67, TpSetattro = 69, TpStr = 70, NbMatrixMultiply = 75, NbInplaceMatrixMultiply = 76,
        AmAwait = 77, AmAiter = 78, AmAnext = 79, TpFinalize = 80;

    private static readonly (string Name, int Slot, Kind Kind, int Op)[] SlotDefs =
    [
        ("__repr__", TpRepr, Kind.Unary, 0),
        ("__hash__", TpHash, Kind.Hash, 0),
        ("__call__", TpCall, Kind.Call, 0),
        ("__str__", TpStr, Kind.Unary, 0),
        ("__getattribute__", TpGetattro, Kind.BinaryLeft, 0),
        ("__setattr__", TpSetattro, Kind.SetAttr, 0),
        ("__delattr__", TpSetattro, Kind.DelAttr, 0),
        ("__lt__", TpRichcompare, Kind.RichCompare, 0),
        ("__le__", TpRichcompare, Kind.RichCompare, 1),
        ("__eq__", TpRichcompare, Kind.RichCompare, 2),
        ("__ne__", TpRichcompare, Kind.RichCompare, 3),
        ("__gt__", TpRichcompare, Kind.RichCompare, 4),
        ("__ge__", TpRichcompare, Kind.RichCompare, 5),
        ("__iter__", TpIter, Kind.Unary, 0),
        ("__next__", TpIternext, Kind.Next, 0),
        ("__get__", TpDescrGet, Kind.DescrGet, 0),
        ("__set__", TpDescrSet, Kind.DescrSet, 0),
        ("__delete__", TpDescrSet, Kind.DescrDelete, 0),
        ("__init__", TpInit, Kind.Init, 0),
        ("__del__", TpFinalize, Kind.Finalize, 0),
        ("__await__", AmAwait, Kind.Unary, 0),
        ("__aiter__", AmAiter, Kind.Unary, 0),
        ("__anext__", AmAnext, Kind.Unary, 0),
        ("__add__", NbAdd, Kind.BinaryLeft, 0),
        ("__radd__", NbAdd, Kind.BinaryRight, 0),
        ("__sub__", NbSubtract, Kind.BinaryLeft, 0),
        ("__rsub__", NbSubtract, Kind.BinaryRight, 0),
        ("__mul__", NbMultiply, Kind.BinaryLeft, 0),
        ("__rmul__", NbMultiply, Kind.BinaryRight, 0),
        ("__mod__", NbRemainder, Kind.BinaryLeft, 0),
        ("__rmod__", NbRemainder, Kind.BinaryRight, 0),
        ("__divmod__", NbDivmod, Kind.BinaryLeft, 0),
        ("__rdivmod__", NbDivmod, Kind.BinaryRight, 0),
        ("__pow__", NbPower, Kind.Power, 0),
        ("__rpow__", NbPower, Kind.PowerRight, 0),
        ("__neg__", NbNegative, Kind.Unary, 0),
        ("__pos__", NbPositive, Kind.Unary, 0),
        ("__abs__", NbAbsolute, Kind.Unary, 0),
        ("__bool__", NbBool, Kind.Inquiry, 0),
        ("__invert__", NbInvert, Kind.Unary, 0),
        ("__lshift__", NbLshift, Kind.BinaryLeft, 0),
        ("__rlshift__", NbLshift, Kind.BinaryRight, 0),
        ("__rshift__", NbRshift, Kind.BinaryLeft, 0),
        ("__rrshift__", NbRshift, Kind.BinaryRight, 0),
        ("__and__", NbAnd, Kind.BinaryLeft, 0),
        ("__rand__", NbAnd, Kind.BinaryRight, 0),
        ("__xor__", NbXor, Kind.BinaryLeft, 0),
        ("__rxor__", NbXor, Kind.BinaryRight, 0),
        ("__or__", NbOr, Kind.BinaryLeft, 0),
        ("__ror__", NbOr, Kind.BinaryRight, 0),
        ("__int__", NbInt, Kind.Unary, 0),
        ("__float__", NbFloat, Kind.Unary, 0),
        ("__iadd__", NbInplaceAdd, Kind.BinaryLeft, 0),
        ("__isub__", NbInplaceSubtract, Kind.BinaryLeft, 0),
        ("__imul__", NbInplaceMultiply, Kind.BinaryLeft, 0),
        ("__imod__", NbInplaceRemainder, Kind.BinaryLeft, 0),
        ("__ipow__", NbInplacePower, Kind.Power, 0),
        ("__ilshift__", NbInplaceLshift, Kind.BinaryLeft, 0),
        ("__irshift__", NbInplaceRshift, Kind.BinaryLeft, 0),
        ("__iand__", NbInplaceAnd, Kind.BinaryLeft, 0),
        ("__ixor__", NbInplaceXor, Kind.BinaryLeft, 0),
        ("__ior__", NbInplaceOr, Kind.BinaryLeft, 0),
        ("__floordiv__", NbFloorDivide, Kind.BinaryLeft, 0),
        ("__rfloordiv__", NbFloorDivide, Kind.BinaryRight, 0),
        ("__truediv__", NbTrueDivide, Kind.BinaryLeft, 0),
        ("__rtruediv__", NbTrueDivide, Kind.BinaryRight, 0),
        ("__ifloordiv__", NbInplaceFloorDivide, Kind.BinaryLeft, 0),
        ("__itruediv__", NbInplaceTrueDivide, Kind.BinaryLeft, 0),
        ("__index__", NbIndex, Kind.Unary, 0),
        ("__matmul__", NbMatrixMultiply, Kind.BinaryLeft, 0),
        ("__rmatmul__", NbMatrixMultiply, Kind.BinaryRight, 0),
        ("__imatmul__", NbInplaceMatrixMultiply, Kind.BinaryLeft, 0),
        ("__len__", MpLength, Kind.Length, 0),
        ("__getitem__", MpSubscript, Kind.BinaryLeft, 0),
        ("__setitem__", MpAssSubscript, Kind.ObjObjArg, 0),
        ("__delitem__", MpAssSubscript, Kind.DelItem, 0),
        ("__len__", SqLength, Kind.Length, 0),
        ("__add__", SqConcat, Kind.BinaryLeft, 0),
        ("__mul__", SqRepeat, Kind.Repeat, 0),
        ("__rmul__", SqRepeat, Kind.Repeat, 0),
        ("__getitem__", SqItemSlot, Kind.SqItem, 0),
        ("__setitem__", SqAssItemSlot, Kind.SqAssItem, 0),
        ("__delitem__", SqAssItemSlot, Kind.SqDelItem, 0),
        ("__contains__", SqContains, Kind.Contains, 0),
        ("__iadd__", SqInplaceConcat, Kind.BinaryLeft, 0),
        ("__imul__", SqInplaceRepeat, Kind.Repeat, 0),
    ];

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial nint PyType_GetSlot(nint type, int slot);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial nint pycapi_hash_not_implemented();

    private static readonly nint HashNotImplemented = pycapi_hash_not_implemented();

    /// <summary>Adds the wrappers for the slots the type's native layout fills (before
    /// inheritance, so only its own); a name already in the dict stays.</summary>
    internal static void Add(PyType type)
    {
        nint p = ObjectSpace.ToNative(type);
        foreach (var (name, slot, kind, op) in SlotDefs)
        {
            nint f = PyType_GetSlot(p, slot);
            var key = new PyStr(name);
            if (f == 0 || type.TypeDict.GetItem(key) is not null)
            {
                continue;
            }
            // A type made unhashable on purpose gets __hash__ = None, not a wrapper.
            type.TypeDict.SetItem(key, f == HashNotImplemented ? PyNone.Instance : Wrapper(type, name, f, kind, op));
        }
    }

    private static nint N(PyObject o) => ObjectSpace.ToNative(o);

    private static PyObject Status(int status) => status < 0 ? throw PythonException.FetchOrSystemError() : PyNone.Instance;

    private static PyObject Wrapper(PyType type, string name, nint f, Kind kind, int op) => kind switch
    {
        Kind.Unary => Fixed(type, name, 0, (self, _) => ObjectSpace.Steal(((delegate* unmanaged<nint, nint>)f)(N(self)))),
        Kind.BinaryLeft => Fixed(type, name, 1, (self, a) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(self), N(a[0])))),
        Kind.BinaryRight => Fixed(type, name, 1, (self, a) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(a[0]), N(self)))),
        // wrap_ternaryfunc: __pow__(other, mod=None); the modulus stays last when reflected.
        Kind.Power => Optional(type, name, (self, other, third) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint, nint>)f)(N(self), N(other), N(third ?? PyNone.Instance)))),
        Kind.PowerRight => Optional(type, name, (self, other, third) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint, nint>)f)(N(other), N(self), N(third ?? PyNone.Instance)))),
        Kind.RichCompare => Fixed(type, name, 1, (self, a) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, int, nint>)f)(N(self), N(a[0]), op))),
        Kind.Hash => Fixed(type, name, 0, (self, _) =>
        {
            long h = ((delegate* unmanaged<nint, nint>)f)(N(self));
            return h == -1 && PythonException.Fetch() is { } e ? throw e : new PyInt(h);
        }),
        Kind.Length => Fixed(type, name, 0, (self, _) =>
        {
            long n = ((delegate* unmanaged<nint, nint>)f)(N(self));
            return n == -1 && PythonException.Fetch() is { } e ? throw e : new PyInt(n);
        }),
        Kind.Inquiry => Fixed(type, name, 0, (self, _) =>
        {
            int r = ((delegate* unmanaged<nint, int>)f)(N(self));
            return r < 0 ? throw PythonException.FetchOrSystemError() : PyBool.Of(r != 0);
        }),
        // wrap_next: NULL without an exception is the end of the iteration.
        Kind.Next => Fixed(type, name, 0, (self, _) =>
        {
            nint r = ((delegate* unmanaged<nint, nint>)f)(N(self));
            return r != 0 ? ObjectSpace.Steal(r) : throw (PythonException.Fetch() ?? new PythonException(PyExc.StopIteration));
        }),
        Kind.Call => new PySlotWrapper(type, name, (self, args, kwargs) =>
        {
            var tuple = PyTuple.Create(args);
            nint r = ((delegate* unmanaged<nint, nint, nint, nint>)f)(N(self!), N(tuple), ObjectSpace.ToNativeOrNull(kwargs));
            GC.KeepAlive(tuple);
            return ObjectSpace.Steal(r);
        }),
        Kind.Init => new PySlotWrapper(type, name, (self, args, kwargs) =>
        {
            var tuple = PyTuple.Create(args);
            int r = ((delegate* unmanaged<nint, nint, nint, int>)f)(N(self!), N(tuple), ObjectSpace.ToNativeOrNull(kwargs));
            GC.KeepAlive(tuple);
            return Status(r);
        }),
        Kind.Finalize => Fixed(type, name, 0, (self, _) =>
        {
            ((delegate* unmanaged<nint, void>)f)(N(self));
            return PyNone.Instance;
        }),
        Kind.SetAttr or Kind.ObjObjArg or Kind.DescrSet => Fixed(type, name, 2, (self, a) =>
            Status(((delegate* unmanaged<nint, nint, nint, int>)f)(N(self), N(a[0]), N(a[1])))),
        Kind.DelAttr or Kind.DelItem or Kind.DescrDelete => Fixed(type, name, 1, (self, a) =>
            Status(((delegate* unmanaged<nint, nint, nint, int>)f)(N(self), N(a[0]), 0))),
        // wrap_descr_get: None stands for NULL, and one of the two must be given.
        Kind.DescrGet => Optional(type, name, (self, obj, owner) =>
        {
            nint o = obj is PyNone ? 0 : N(obj);
            nint t = owner is null or PyNone ? 0 : N(owner);
            if (o == 0 && t == 0)
            {
                throw new PythonException(PyExc.TypeError, "__get__(None, None) is invalid");
            }
            return ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint, nint>)f)(N(self), o, t));
        }),
        Kind.SqItem => Fixed(type, name, 1, (self, a) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(self), SequenceIndex(type, self, a[0])))),
        Kind.SqAssItem => Fixed(type, name, 2, (self, a) =>
            Status(((delegate* unmanaged<nint, nint, nint, int>)f)(N(self), SequenceIndex(type, self, a[0]), N(a[1])))),
        Kind.SqDelItem => Fixed(type, name, 1, (self, a) =>
            Status(((delegate* unmanaged<nint, nint, nint, int>)f)(N(self), SequenceIndex(type, self, a[0]), 0))),
        Kind.Contains => Fixed(type, name, 1, (self, a) =>
        {
            int r = ((delegate* unmanaged<nint, nint, int>)f)(N(self), N(a[0]));
            return r < 0 ? throw PythonException.FetchOrSystemError() : PyBool.Of(r != 0);
        }),
        Kind.Repeat => Fixed(type, name, 1, (self, a) =>
            ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(self), Number.AsSsize(a[0], PyExc.OverflowError)))),
        _ => throw new InvalidOperationException(kind.ToString()),
    };

    /// <summary>wrapperdescr_raw_call: only __init__ and __call__ take keywords.</summary>
    private static void NoKeywords(string name, PyDict? kwargs)
    {
        if (kwargs is not null && kwargs.Count > 0)
        {
            throw new PythonException(PyExc.TypeError, $"wrapper {name}() takes no keyword arguments");
        }
    }

    /// <summary>A wrapper with a fixed number of positional arguments: check_num_args, or for
    /// two PyArg_UnpackTuple(args, "", 2, 2, ...), whose message starts with the empty name.</summary>
    private static PySlotWrapper Fixed(PyType type, string name, int arity, Func<PyObject, PyObject[], PyObject> body) =>
        new(type, name, (self, args, kwargs) =>
        {
            NoKeywords(name, kwargs);
            if (args.Length != arity)
            {
                throw new PythonException(PyExc.TypeError,
                    $"{(arity == 2 ? " " : "")}expected {arity} argument{(arity == 1 ? "" : "s")}, got {args.Length}");
            }
            return body(self!, args);
        });

    /// <summary>A wrapper taking one argument and an optional second one, unpacked as
    /// PyArg_UnpackTuple(args, "", 1, 2, ...) does (its messages start with the empty name).</summary>
    private static PySlotWrapper Optional(PyType type, string name, Func<PyObject, PyObject, PyObject?, PyObject> body) =>
        new(type, name, (self, args, kwargs) =>
        {
            NoKeywords(name, kwargs);
            if (args.Length is < 1 or > 2)
            {
                string bound = args.Length < 1 ? "at least 1 argument" : "at most 2 arguments";
                throw new PythonException(PyExc.TypeError, $" expected {bound}, got {args.Length}");
            }
            return body(self!, args[0], args.Length == 2 ? args[1] : null);
        });

    /// <summary>getindex: an index, counted from the end when negative and the type has sq_length.</summary>
    private static nint SequenceIndex(PyType type, PyObject self, PyObject arg)
    {
        nint i = Number.AsSsize(arg, PyExc.OverflowError);
        if (i < 0 && PyType_GetSlot(ObjectSpace.ToNative(self.Type), SqLength) is var length and not 0)
        {
            long n = ((delegate* unmanaged<nint, nint>)length)(N(self));
            if (n < 0)
            {
                throw PythonException.FetchOrSystemError();
            }
            i += (nint)n;
        }
        return i;
    }

    /// <summary>type_ready_set_hash: a type left without tp_hash after inheritance because it
    /// compares but does not hash is unhashable (tp_hash PyObject_HashNotImplemented, __hash__
    /// None) rather than hashing by identity.</summary>
    internal static void MakeUnhashableIfComparing(PyType type, PyTypeObjectLayout* l)
    {
        var key = new PyStr("__hash__");
        if (l->tp_hash == 0 && l->tp_richcompare != 0 && type.TypeDict.GetItem(key) is null)
        {
            type.TypeDict.SetItem(key, PyNone.Instance);
            l->tp_hash = HashNotImplemented;
        }
    }

    /// <summary>tp_new_wrapper: T.__new__(S, ...) calls T's tp_new for a subtype S of T.</summary>
    internal static void AddNew(PyType type, nint tpNew)
    {
        var key = new PyStr("__new__");
        if (type.TypeDict.GetItem(key) is not null)
        {
            return;
        }
        type.TypeDict.SetItem(key, new PyBuiltinFunction("__new__", type, (_, args, kwargs) =>
        {
            if (args.Length < 1)
            {
                throw new PythonException(PyExc.TypeError, $"{type.Name}.__new__(): not enough arguments");
            }
            if (args[0] is not PyType subtype)
            {
                throw new PythonException(PyExc.TypeError, $"{type.Name}.__new__(X): X is not a type object ({args[0].Type.Name})");
            }
            if (!subtype.IsSubtypeOf(type))
            {
                throw new PythonException(PyExc.TypeError, $"{type.Name}.__new__({subtype.Name}): {subtype.Name} is not a subtype of {type.Name}");
            }
            var rest = PyTuple.Create(args[1..]);
            nint r = ((delegate* unmanaged<nint, nint, nint, nint>)tpNew)(N(subtype), N(rest), ObjectSpace.ToNativeOrNull(kwargs));
            GC.KeepAlive(rest);
            return ObjectSpace.Steal(r);
        }, null));
    }
}
