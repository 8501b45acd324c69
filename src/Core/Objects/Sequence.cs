using System.Numerics;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The slots of a C type's PySequenceMethods and PyMappingMethods (word offsets
/// into the tables; nb_bool's in PyNumberMethods too), read along tp_base, and calls
/// through them. Only types defined in C (and their subclasses of built-ins) have them;
/// our built-in types keep their semantics in managed code.</summary>
internal static unsafe class NativeSlots
{
    internal const int SqLength = 0, SqItem = 3, SqAssItem = 5, SqContains = 7;
    internal const int MpLength = 0, MpSubscript = 1, MpAssSubscript = 2;
    private const int NbBool = 9;

    internal static nint Sequence(PyObject o, int slot) => !o.Type.IsBuiltin
        ? o.Type.NativeSlot(l => l->tp_as_sequence == 0 ? 0 : ((nint*)l->tp_as_sequence)[slot])
        : 0;

    internal static nint Mapping(PyObject o, int slot) => !o.Type.IsBuiltin
        ? o.Type.NativeSlot(l => l->tp_as_mapping == 0 ? 0 : ((nint*)l->tp_as_mapping)[slot])
        : 0;

    /// <summary>A mapping slot a class gets from a metaclass made by type().</summary>
    internal static nint ClassMapping(PyType cls, int slot) => TypeNew.LaysOut(cls.Type)
        ? cls.Type.NativeSlot(l => l->tp_as_mapping == 0 ? 0 : ((nint*)l->tp_as_mapping)[slot])
        : 0;

    private static nint Number(PyObject o, int slot) => !o.Type.IsBuiltin
        ? o.Type.NativeSlot(l => l->tp_as_number == 0 ? 0 : ((nint*)l->tp_as_number)[slot])
        : 0;

    internal static nint Iter(PyObject o) => !o.Type.IsBuiltin ? o.Type.NativeSlot(l => l->tp_iter) : 0;

    internal static nint IterNext(PyObject o) => !o.Type.IsBuiltin ? o.Type.NativeSlot(l => l->tp_iternext) : 0;

    private static nint N(PyObject o) => ObjectSpace.ToNative(o);

    /// <summary>A slot returning a new reference (NULL with an exception set on failure).</summary>
    internal static PyObject Call(nint f, PyObject o) => ObjectSpace.Steal(((delegate* unmanaged<nint, nint>)f)(N(o)));

    internal static PyObject Call(nint f, PyObject o, PyObject a) =>
        ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(o), N(a)));

    internal static PyObject Call(nint f, PyObject o, long i) =>
        ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(o), (nint)i));

    internal static long CallLength(nint f, PyObject o)
    {
        long n = ((delegate* unmanaged<nint, nint>)f)(N(o));
        return n < 0 ? throw PythonException.FetchOrSystemError() : n;
    }

    /// <summary>PyObject_IsTrue of a C type's instance: nb_bool, then mp_length, then
    /// sq_length; true without any of them.</summary>
    internal static bool IsTrue(PyObject o)
    {
        if (Number(o, NbBool) is var nbBool and not 0)
        {
            return CheckStatus(((delegate* unmanaged<nint, int>)nbBool)(N(o))) != 0;
        }
        nint length = Mapping(o, MpLength) is var mpLength and not 0 ? mpLength : Sequence(o, SqLength);
        return length == 0 || CallLength(length, o) != 0;
    }

    /// <summary>An int-returning slot: -1 means failure.</summary>
    internal static int CheckStatus(int status) => status < 0 ? throw PythonException.FetchOrSystemError() : status;

    internal static int CallAssItem(nint f, PyObject o, long i, PyObject? v) =>
        CheckStatus(((delegate* unmanaged<nint, nint, nint, int>)f)(N(o), (nint)i, ObjectSpace.ToNativeOrNull(v)));

    internal static int CallAssSubscript(nint f, PyObject o, PyObject key, PyObject? v) =>
        CheckStatus(((delegate* unmanaged<nint, nint, nint, int>)f)(N(o), N(key), ObjectSpace.ToNativeOrNull(v)));

    internal static bool CallContains(nint f, PyObject o, PyObject v) =>
        CheckStatus(((delegate* unmanaged<nint, nint, int>)f)(N(o), N(v))) != 0;
}

/// <summary>The sequence protocol and item access (CPython's abstract.c), over the
/// built-in containers and the slots of C types.</summary>
internal static partial class Abstract
{
    private static PythonException TypeError(string message) => new(PyExc.TypeError, message);

    /// <summary>len(o): sq_length, then mp_length.</summary>
    internal static long Length(PyObject o) => o switch
    {
        _ when NativeSlots.Sequence(o, NativeSlots.SqLength) is var f and not 0 => NativeSlots.CallLength(f, o),
        _ when NativeSlots.Mapping(o, NativeSlots.MpLength) is var f and not 0 => NativeSlots.CallLength(f, o),
        _ => BuiltinLength(o),
    };

    /// <summary>The length the object space keeps for a built-in kind of object.</summary>
    internal static long BuiltinLength(PyObject o) => o switch
    {
        PyTuple t => t.Count,
        PyList l => l.Count,
        PyDict d => d.Count,
        PySet s => s.Count,
        PyStr s => s.Length,
        PyBytes b => b.Value.Length,
        PyByteArray a => a.Count,
        PyMemoryView m => m.Length(),
        PyDictView v => v.Source.Count,
        PyMappingProxy p => Length(p.Mapping),
        PyRange r => r.Length(),
        _ => throw TypeError($"object of type '{o.Type.Name}' has no len()"),
    };

    private static bool HasSequenceLength(PyObject o) =>
        o is PyTuple or PyList or PyStr or PyBytes or PyByteArray or PyMemoryView or PySet or PyRange
        || NativeSlots.Sequence(o, NativeSlots.SqLength) != 0;

    private static bool HasMappingLength(PyObject o) =>
        o is PyTuple or PyList or PyStr or PyBytes or PyByteArray or PyMemoryView or PyDict or PyMappingProxy or PyRange
        || NativeSlots.Mapping(o, NativeSlots.MpLength) != 0;

    /// <summary>PySequence_Size: a mapping without sq_length is "not a sequence".</summary>
    internal static long SequenceLength(PyObject o) => HasSequenceLength(o) ? Length(o)
        : HasMappingLength(o) ? throw TypeError($"{o.Type.Name} is not a sequence")
        : throw TypeError($"object of type '{o.Type.Name}' has no len()");

    /// <summary>PyMapping_Size: mp_length even where sq_length differs; a sequence without
    /// mp_length is "not a mapping".</summary>
    internal static long MappingLength(PyObject o) =>
        NativeSlots.Mapping(o, NativeSlots.MpLength) is var mpLength and not 0 ? NativeSlots.CallLength(mpLength, o)
        : HasMappingLength(o) ? Length(o)
        : HasSequenceLength(o) ? throw TypeError($"{o.Type.Name} is not a mapping")
        : throw TypeError($"object of type '{o.Type.Name}' has no len()");

    /// <summary>PySequence_Check: sq_item, and never a dict.</summary>
    internal static bool IsSequence(PyObject o) =>
        o is PyTuple or PyList or PyStr or PyBytes or PyByteArray or PyMemoryView or PyRange
        || NativeSlots.Sequence(o, NativeSlots.SqItem) != 0;

    /// <summary>PyMapping_Check: mp_subscript (sequences have one too).</summary>
    internal static bool IsMapping(PyObject o) =>
        o is PyTuple or PyList or PyStr or PyBytes or PyByteArray or PyMemoryView or PyDict or PyMappingProxy or PyRange
        || NativeSlots.Mapping(o, NativeSlots.MpSubscript) != 0;

    private static bool HasMappingSubscript(PyObject o) => IsMapping(o);

    private static bool HasMappingAssignment(PyObject o) =>
        o is PyList or PyDict or PyByteArray or PyMemoryView || NativeSlots.Mapping(o, NativeSlots.MpAssSubscript) != 0;

    private static bool HasSequenceAssignment(PyObject o) =>
        o is PyList or PyByteArray || NativeSlots.Sequence(o, NativeSlots.SqAssItem) != 0;

    /// <summary>_PyIndex_Check: objects usable as an index (int, or __index__).</summary>
    internal static bool IsIndex(PyObject o) => o is PyInt || NumberSlots.HasIndex(o);

    /// <summary>PyNumber_AsSsize_t.</summary>
    internal static long AsSsize(PyObject o, PyType? overflow) => Number.AsSsize(o, overflow);

    /// <summary>sq_item of the built-in sequences: the index is used as given.</summary>
    internal static PyObject SequenceItemSlot(PyObject o, long i)
    {
        switch (o)
        {
            case PyTuple t:
                return (ulong)i < (ulong)t.Count ? t[(int)i] : throw new PythonException(PyExc.IndexError, "tuple index out of range");
            case PyList l:
                return (ulong)i < (ulong)l.Count ? l[(int)i] : throw new PythonException(PyExc.IndexError, "list index out of range");
            case PyStr s:
                var cps = PyStr.CodePoints(s.Value);
                return (ulong)i < (ulong)cps.Length ? new PyStr(PyStr.FromCodePoints(cps.AsSpan((int)i, 1)))
                    : throw new PythonException(PyExc.IndexError, "string index out of range");
            case PyBytes b:
                return (ulong)i < (ulong)b.Value.Length ? new PyInt(b.Value[i]) : throw new PythonException(PyExc.IndexError, "index out of range");
            case PyRange r:
                return r.Item(i);
            case PyByteArray a:
                return (ulong)i < (ulong)a.Count ? new PyInt(a.Bytes[(int)i]) : throw new PythonException(PyExc.IndexError, "bytearray index out of range");
            case PyMemoryView m:
                return m.GetItem(i);
        }
        return NativeSlots.Call(NativeSlots.Sequence(o, NativeSlots.SqItem), o, i);
    }

    /// <summary>PySequence_GetItem: a negative index counts from the end (once).</summary>
    internal static PyObject SequenceGetItem(PyObject o, long i)
    {
        if (IsSequence(o))
        {
            if (i < 0 && HasSequenceLength(o))
            {
                i += Length(o);
            }
            // A C subclass of a built-in may have an sq_item of its own.
            return NativeSlots.Sequence(o, NativeSlots.SqItem) is var item and not 0 ? NativeSlots.Call(item, o, i)
                : SequenceItemSlot(o, i);
        }
        throw HasMappingSubscript(o) ? TypeError($"{o.Type.Name} is not a sequence")
            : TypeError($"'{o.Type.Name}' object does not support indexing");
    }

    /// <summary>sq_ass_item (value null: deletion); the index is used as given.</summary>
    internal static void SequenceAssItemSlot(PyObject o, long i, PyObject? value)
    {
        if (o is PyList l)
        {
            if ((ulong)i >= (ulong)l.Count)
            {
                throw new PythonException(PyExc.IndexError, "list assignment index out of range");
            }
            if (value is null)
            {
                l.RemoveAt((int)i);
            }
            else
            {
                l.SetItem((int)i, value);
            }
            return;
        }
        if (o is PyByteArray a)
        {
            // The value first (its __index__ may resize the array); a negative index counts from the end.
            byte? b = value is null ? null : ByteArrayMethods.Byte(value);
            i = i < 0 ? i + a.Count : i;
            if ((ulong)i >= (ulong)a.Count)
            {
                throw new PythonException(PyExc.IndexError, "bytearray index out of range");
            }
            if (b is { } set)
            {
                a.Bytes[(int)i] = set;
            }
            else
            {
                a.Splice((int)i, 1, []);
            }
            return;
        }
        NativeSlots.CallAssItem(NativeSlots.Sequence(o, NativeSlots.SqAssItem), o, i, value);
    }

    /// <summary>PySequence_SetItem / PySequence_DelItem (value null).</summary>
    internal static void SequenceSetItem(PyObject o, long i, PyObject? value)
    {
        if (HasSequenceAssignment(o))
        {
            if (i < 0 && HasSequenceLength(o))
            {
                i += Length(o);
            }
            SequenceAssItemSlot(o, i, value);
            return;
        }
        if (HasMappingAssignment(o))
        {
            throw TypeError($"{o.Type.Name} is not a sequence");
        }
        throw TypeError(value is null ? $"'{o.Type.Name}' object doesn't support item deletion"
            : $"'{o.Type.Name}' object does not support item assignment");
    }

    /// <summary>An index key of a built-in sequence's subscript, counted from the end if negative.</summary>
    private static long SubscriptIndex(PyObject o, PyObject key, string what)
    {
        if (!IsIndex(key))
        {
            throw TypeError(o is PyStr ? $"string indices must be integers, not '{key.Type.Name}'"
                : $"{what} indices must be integers or slices, not {key.Type.Name}");
        }
        long i = AsSsize(key, PyExc.IndexError);
        return i < 0 ? i + Length(o) : i;
    }

    private static string SubscriptName(PyObject o) => o is PyBytes ? "byte" : o.Type.Name;

    /// <summary>o[key] (PyObject_GetItem).</summary>
    internal static PyObject GetItem(PyObject o, PyObject key) =>
        NativeSlots.Mapping(o, NativeSlots.MpSubscript) is var subscript and not 0
            ? NativeSlots.Call(subscript, o, key) // a C type's, or a C subclass's of a built-in
            : GetItemOfKind(o, key);

    /// <summary>o[key] as the object space serves o's kind of object (a built-in's mp_subscript).</summary>
    internal static PyObject GetItemOfKind(PyObject o, PyObject key)
    {
        switch (o)
        {
            case PyDict d:
                return d.GetItem(key) ?? throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key]));
            case PyMappingProxy p:
                return GetItem(p.Mapping, key);
            case PyTuple or PyList or PyStr or PyBytes or PyByteArray or PyRange when key is PySlice slice:
                return GetSlice(o, slice);
            case PyTuple or PyList or PyStr or PyBytes or PyByteArray:
                return SequenceItemSlot(o, SubscriptIndex(o, key, SubscriptName(o)));
            case PyRange r:
                return r.Subscript(key);
            case PyGenericAlias alias:
                return alias.Subscript(key);
            case PyMemoryView m:
                return m.Subscript(key);
        }
        if (IsSequence(o))
        {
            return IsIndex(key) ? SequenceGetItem(o, AsSsize(key, PyExc.IndexError))
                : throw TypeError($"sequence index must be integer, not '{key.Type.Name}'");
        }
        if (o is PyType t)
        {
            if (NativeSlots.ClassMapping(t, NativeSlots.MpSubscript) is var metaSubscript and not 0)
            {
                return NativeSlots.Call(metaSubscript, o, key); // the metaclass's __getitem__
            }
            if (ReferenceEquals(t, BuiltinTypes.Type))
            {
                return new PyGenericAlias(t, key); // type[int]; other classes need their own __class_getitem__
            }
            // PEP 560: a class subscripted is its __class_getitem__ called.
            return Attributes.Lookup(t, "__class_getitem__") is { } classGetItem
                ? Abstract.Call(classGetItem, PyTuple.Create([key]), null)
                : throw TypeError($"type '{t.Name}' is not subscriptable");
        }
        throw TypeError($"'{o.Type.Name}' object is not subscriptable");
    }

    /// <summary>o[key] = value, or del o[key] when value is null (PyObject_SetItem / DelItem).</summary>
    internal static void SetItem(PyObject o, PyObject key, PyObject? value)
    {
        if (NativeSlots.Mapping(o, NativeSlots.MpAssSubscript) is var assign and not 0)
        {
            NativeSlots.CallAssSubscript(assign, o, key, value); // a C type's, or a C subclass's of a built-in
            return;
        }
        SetItemOfKind(o, key, value);
    }

    /// <summary>o[key] = value as the object space serves o's kind of object (a built-in's mp_ass_subscript).</summary>
    internal static void SetItemOfKind(PyObject o, PyObject key, PyObject? value)
    {
        switch (o)
        {
            case PyDict d:
                if (value is not null)
                {
                    d.SetItem(key, value);
                }
                else if (!d.DelItem(key))
                {
                    throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key]));
                }
                return;
            case PyList l when key is PySlice slice:
                SetSlice(l, slice, value);
                return;
            case PyList:
                SequenceAssItemSlot(o, SubscriptIndex(o, key, o.Type.Name), value);
                return;
            case PyByteArray a:
                a.AssignSubscript(key, value);
                return;
            case PyMemoryView m:
                m.SetItem(key, value);
                return;
        }
        if (o is PyTuple or PyStr or PyBytes || NativeSlots.Sequence(o, NativeSlots.SqItem) != 0 || HasSequenceAssignment(o))
        {
            if (IsIndex(key))
            {
                SequenceSetItem(o, AsSsize(key, PyExc.IndexError), value);
                return;
            }
            if (HasSequenceAssignment(o))
            {
                throw TypeError($"sequence index must be integer, not '{key.Type.Name}'");
            }
        }
        throw TypeError(value is null ? $"'{o.Type.Name}' object does not support item deletion"
            : $"'{o.Type.Name}' object does not support item assignment");
    }

    /// <summary>PySequence_GetSlice: o[lo:hi], through the mapping subscript.</summary>
    internal static PyObject GetSlice(PyObject o, long lo, long hi) => HasMappingSubscript(o)
        ? GetItem(o, new PySlice(lo, hi))
        : throw TypeError($"'{o.Type.Name}' object is unsliceable");

    /// <summary>PySequence_SetSlice / PySequence_DelSlice (value null): o[lo:hi] = value.</summary>
    internal static void SetSlice(PyObject o, long lo, long hi, PyObject? value)
    {
        if (!HasMappingAssignment(o))
        {
            throw TypeError($"'{o.Type.Name}' object doesn't support slice {(value is null ? "deletion" : "assignment")}");
        }
        SetItem(o, new PySlice(lo, hi), value);
    }

    /// <summary>PySequence_Concat: sq_concat, else + if both are sequences.</summary>
    internal static PyObject SequenceConcat(PyObject a, PyObject b)
    {
        if (NumberSlots.Find(a.Type, s => s.Concat) is { } concat)
        {
            return concat(a, b);
        }
        if (IsSequence(a) && IsSequence(b) && Number.BinaryOp1(a, b, NumberOp.Add) is var sum and not PyNotImplemented)
        {
            return sum;
        }
        throw TypeError($"'{a.Type.Name}' object can't be concatenated");
    }

    /// <summary>PySequence_Repeat: sq_repeat, else * with an int if it is a sequence.</summary>
    internal static PyObject SequenceRepeat(PyObject o, long count)
    {
        if (NumberSlots.Find(o.Type, s => s.Repeat) is { } repeat)
        {
            return repeat(o, (nint)count);
        }
        if (IsSequence(o) && Number.BinaryOp1(o, new PyInt(count), NumberOp.Multiply) is var product and not PyNotImplemented)
        {
            return product;
        }
        throw TypeError($"'{o.Type.Name}' object can't be repeated");
    }

    /// <summary>PySequence_InPlaceConcat: sq_inplace_concat, sq_concat, else += if both
    /// are sequences.</summary>
    internal static PyObject SequenceInPlaceConcat(PyObject a, PyObject b)
    {
        if ((NumberSlots.Find(a.Type, s => s.InPlaceConcat) ?? NumberSlots.Find(a.Type, s => s.Concat)) is { } concat)
        {
            return concat(a, b);
        }
        if (IsSequence(a) && IsSequence(b) && Number.InPlaceOp1(a, b, NumberOp.Add) is var sum and not PyNotImplemented)
        {
            return sum;
        }
        throw TypeError($"'{a.Type.Name}' object can't be concatenated");
    }

    /// <summary>PySequence_InPlaceRepeat: sq_inplace_repeat, sq_repeat, else *= with an
    /// int if it is a sequence.</summary>
    internal static PyObject SequenceInPlaceRepeat(PyObject o, long count)
    {
        if ((NumberSlots.Find(o.Type, s => s.InPlaceRepeat) ?? NumberSlots.Find(o.Type, s => s.Repeat)) is { } repeat)
        {
            return repeat(o, (nint)count);
        }
        if (IsSequence(o) && Number.InPlaceOp1(o, new PyInt(count), NumberOp.Multiply) is var product and not PyNotImplemented)
        {
            return product;
        }
        throw TypeError($"'{o.Type.Name}' object can't be repeated");
    }

    /// <summary>item in o (PySequence_Contains): sq_contains, else a search by iteration.</summary>
    internal static bool Contains(PyObject o, PyObject item) =>
        NativeSlots.Sequence(o, NativeSlots.SqContains) is var contains and not 0
            ? NativeSlots.CallContains(contains, o, item) // a C type's, or a C subclass's of a built-in
            : ContainsOfKind(o, item);

    /// <summary>item in o as the object space serves o's kind of object (a built-in's sq_contains).</summary>
    internal static bool ContainsOfKind(PyObject o, PyObject item)
    {
        switch (o)
        {
            case PyDict d:
                return d.GetItem(item) is not null;
            case PyDictView v:
                return v.Contains(item);
            case PySet s:
                return s.Contains(item);
            case PyMappingProxy p:
                return Contains(p.Mapping, item);
            case PyTuple or PyList:
                var items = o is PyTuple t ? t.ToArray() : ((PyList)o).ToArray();
                return items.Any(x => RichCompareBool(x, item, CompareOp.Eq));
            case PyStr s:
                return item is PyStr needle ? s.Value.Contains(needle.Value, StringComparison.Ordinal)
                    : throw TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
            case PyBytes b:
                return BytesContains(b.Value, item);
            case PyByteArray a:
                return BytesContains(a.Bytes.ToArray(), item);
            case PyRange r when r.HoldsInt(item) is { } holds:
                return holds;
        }
        return IterSearch(o, item, stopAtFirst: true) > 0;
    }

    private static bool BytesContains(byte[] data, PyObject item)
    {
        if (IsIndex(item))
        {
            var v = PyInt.Index(item);
            return v >= 0 && v <= 255 ? Array.IndexOf(data, (byte)v) >= 0
                : throw new PythonException(PyExc.ValueError, "byte must be in range(0, 256)");
        }
        return BufferApi.BytesOf(item) is { } needle ? data.AsSpan().IndexOf(needle) >= 0
            : throw TypeError($"a bytes-like object is required, not '{item.Type.Name}'");
    }

    /// <summary>The items of the object a search goes through; a non-iterable is reported
    /// as an argument ("argument of type 'int' is not iterable"), as _PySequence_IterSearch does.</summary>
    private static IEnumerable<PyObject> IterateSearched(PyObject o)
    {
        try
        {
            return Iterate(o);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw TypeError($"argument of type '{o.Type.Name}' is not iterable");
        }
    }

    /// <summary>_PySequence_IterSearch: how many items equal <paramref name="item"/> (at most
    /// one when <paramref name="stopAtFirst"/>); a non-iterable "is not iterable" as an argument.</summary>
    private static long IterSearch(PyObject o, PyObject item, bool stopAtFirst)
    {
        var items = IterateSearched(o);
        long n = 0;
        foreach (var x in items)
        {
            if (RichCompareBool(x, item, CompareOp.Eq))
            {
                n++;
                if (stopAtFirst)
                {
                    break;
                }
            }
        }
        return n;
    }

    /// <summary>PySequence_Count.</summary>
    internal static long Count(PyObject o, PyObject item) => IterSearch(o, item, stopAtFirst: false);

    /// <summary>PySequence_Index: the position of the first equal item.</summary>
    internal static long IndexOf(PyObject o, PyObject item)
    {
        var items = IterateSearched(o);
        long i = 0;
        foreach (var x in items)
        {
            if (RichCompareBool(x, item, CompareOp.Eq))
            {
                return i;
            }
            i++;
        }
        throw new PythonException(PyExc.ValueError, "sequence.index(x): x not in sequence");
    }

    /// <summary>tuple(o): an exact tuple as it is.</summary>
    internal static PyTuple ToTuple(PyObject o) => o switch
    {
        PyTuple t when ReferenceEquals(t.Type, BuiltinTypes.Tuple) => t,
        PyList l => PyTuple.Create(l.ToArray()),
        _ => PyTuple.Create(Iterate(o).ToArray()),
    };

    /// <summary>list(o): always a new list.</summary>
    internal static PyList ToList(PyObject o) => PyList.Create(Iterate(o).ToArray());

    /// <summary>PySequence_Fast: an exact list or tuple as it is, anything iterable as a new
    /// list, else TypeError with the caller's message.</summary>
    internal static PyObject Fast(PyObject o, string message)
    {
        if (ReferenceEquals(o.Type, BuiltinTypes.List) || ReferenceEquals(o.Type, BuiltinTypes.Tuple))
        {
            return o;
        }
        PyObject it;
        try
        {
            it = GetIter(o);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw new PythonException(PyExc.TypeError, message);
        }
        return ToList(it);
    }

    /// <summary>The items of a list or tuple, or of any iterable (PySequence_Fast's view).</summary>
    internal static PyObject[] Items(PyObject o) => o switch
    {
        PyTuple t => t.ToArray(),
        PyList l => l.ToArray(),
        _ => Iterate(o).ToArray(),
    };
}

/// <summary>The PySequence_* functions and the generic item access of the object API.</summary>
internal static class SequenceApi
{
    private static PyObject Arg(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o) ?? throw NullError();

    /// <summary>null_error: a NULL argument where CPython expects an object.</summary>
    internal static PythonException NullError() => new(PyExc.SystemError, "null argument to internal routine");

    [CApi]
    internal static nint PyObject_Size(BorrowedReference o) => (nint)Abstract.Length(Arg(o));

    [CApi]
    internal static nint PyObject_Length(BorrowedReference o) => PyObject_Size(o);

    /// <summary>len(o) if it has one, else __length_hint__, else the default.</summary>
    [CApi]
    internal static nint PyObject_LengthHint(BorrowedReference o, nint defaultValue)
    {
        var obj = Arg(o);
        try
        {
            return (nint)Abstract.Length(obj);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
        }
        if (obj is PyIterator it)
        {
            return (nint)(it.LengthHint() ?? defaultValue);
        }
        return defaultValue;
    }

    [CApi]
    internal static NewReference PyObject_GetItem(BorrowedReference o, BorrowedReference key) =>
        ObjectSpace.NewRef(Abstract.GetItem(Arg(o), Arg(key)));

    [CApi]
    internal static int PyObject_SetItem(BorrowedReference o, BorrowedReference key, BorrowedReference value)
    {
        Abstract.SetItem(Arg(o), Arg(key), Arg(value));
        return 0;
    }

    [CApi]
    internal static int PyObject_DelItem(BorrowedReference o, BorrowedReference key)
    {
        Abstract.SetItem(Arg(o), Arg(key), null);
        return 0;
    }

    [CApi]
    internal static int PyObject_DelItemString(BorrowedReference o, string key)
    {
        Abstract.SetItem(Arg(o), new PyStr(key), null);
        return 0;
    }

    [CApi(Error = "0")]
    internal static int PySequence_Check(BorrowedReference o) => !o.IsNull && Abstract.IsSequence(Arg(o)) ? 1 : 0;

    [CApi]
    internal static nint PySequence_Size(BorrowedReference o) => (nint)Abstract.SequenceLength(Arg(o));

    [CApi]
    internal static nint PySequence_Length(BorrowedReference o) => PySequence_Size(o);

    [CApi]
    internal static NewReference PySequence_GetItem(BorrowedReference o, nint i) =>
        ObjectSpace.NewRef(Abstract.SequenceGetItem(Arg(o), i));

    [CApi]
    internal static int PySequence_SetItem(BorrowedReference o, nint i, BorrowedReference value)
    {
        if (value.IsNull)
        {
            throw NullError();
        }
        Abstract.SequenceSetItem(Arg(o), i, Arg(value));
        return 0;
    }

    [CApi]
    internal static int PySequence_DelItem(BorrowedReference o, nint i)
    {
        Abstract.SequenceSetItem(Arg(o), i, null);
        return 0;
    }

    [CApi]
    internal static NewReference PySequence_GetSlice(BorrowedReference o, nint lo, nint hi) =>
        ObjectSpace.NewRef(Abstract.GetSlice(Arg(o), lo, hi));

    [CApi]
    internal static int PySequence_SetSlice(BorrowedReference o, nint lo, nint hi, BorrowedReference value)
    {
        Abstract.SetSlice(Arg(o), lo, hi, ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    [CApi]
    internal static int PySequence_DelSlice(BorrowedReference o, nint lo, nint hi)
    {
        Abstract.SetSlice(Arg(o), lo, hi, null);
        return 0;
    }

    [CApi]
    internal static NewReference PySequence_Concat(BorrowedReference a, BorrowedReference b) =>
        ObjectSpace.NewRef(Abstract.SequenceConcat(Arg(a), Arg(b)));

    [CApi]
    internal static NewReference PySequence_Repeat(BorrowedReference o, nint count) =>
        ObjectSpace.NewRef(Abstract.SequenceRepeat(Arg(o), count));

    [CApi]
    internal static NewReference PySequence_InPlaceConcat(BorrowedReference a, BorrowedReference b) =>
        ObjectSpace.NewRef(Abstract.SequenceInPlaceConcat(Arg(a), Arg(b)));

    [CApi]
    internal static NewReference PySequence_InPlaceRepeat(BorrowedReference o, nint count) =>
        ObjectSpace.NewRef(Abstract.SequenceInPlaceRepeat(Arg(o), count));

    [CApi]
    internal static int PySequence_Contains(BorrowedReference seq, BorrowedReference item) =>
        Abstract.Contains(Arg(seq), Arg(item)) ? 1 : 0;

    [CApi]
    internal static nint PySequence_Count(BorrowedReference o, BorrowedReference value) =>
        (nint)Abstract.Count(Arg(o), Arg(value));

    [CApi]
    internal static nint PySequence_Index(BorrowedReference o, BorrowedReference value) =>
        (nint)Abstract.IndexOf(Arg(o), Arg(value));

    [CApi]
    internal static NewReference PySequence_Tuple(BorrowedReference o) => ObjectSpace.NewRef(Abstract.ToTuple(Arg(o)));

    [CApi]
    internal static NewReference PySequence_List(BorrowedReference o) => ObjectSpace.NewRef(Abstract.ToList(Arg(o)));

    [CApi]
    internal static NewReference PySequence_Fast(BorrowedReference o, string message) =>
        ObjectSpace.NewRef(Abstract.Fast(Arg(o), message));
}

/// <summary>The containers' methods; their dunders come from their C slots (SlotWrappers.Add,
/// called by builtinslots.c).</summary>
internal static class ContainerTypes
{
    /// <summary>Methods and constructors of the containers, added once the static types are linked.</summary>
    internal static void RegisterContainerTypes()
    {
        ListMethods.Register();
        TupleMethods.Register();
        DictMethods.Register();
        foreach (var name in new[] { "tuple_iterator", "list_iterator", "str_iterator", "bytes_iterator", "iterator", "callable_iterator" })
        {
            PyIterator.AddLengthHint(BuiltinTypes.Get(name));
        }
        PyIterator.AddLengthHint(BuiltinTypes.Get("bytearray_iterator"));
    }
}
