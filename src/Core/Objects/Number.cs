using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

internal delegate PyObject BinarySlot(PyObject v, PyObject w);
internal delegate PyObject TernarySlot(PyObject v, PyObject w, PyObject z);
internal delegate PyObject UnarySlot(PyObject o);
internal delegate PyObject RepeatSlot(PyObject sequence, nint count);

/// <summary>The binary nb_* slots (nb_power is ternary and kept apart).</summary>
internal enum NumberOp { Add, Subtract, Multiply, Remainder, Divmod, Lshift, Rshift, And, Xor, Or, FloorDivide, TrueDivide, MatrixMultiply }

/// <summary>The unary nb_* slots that return an object.</summary>
internal enum UnaryOp { Negative, Positive, Absolute, Invert, Int, Float, Index }

/// <summary>A type's own arithmetic slots: CPython's tp_as_number plus the arithmetic part
/// of tp_as_sequence (sq_concat, sq_repeat and their in-place forms). A slot receives the
/// operands in their original order, whichever of them owns it, and answers
/// <see cref="PyNotImplemented.Instance"/> for operands it does not handle. A type without
/// a slot inherits it from the next type along its MRO that has one, as PyType_Ready's
/// inherit_slots does.</summary>
internal sealed class NumberSlots
{
    internal readonly BinarySlot?[] Binary = new BinarySlot?[13];
    internal readonly BinarySlot?[] InPlace = new BinarySlot?[13];
    internal readonly UnarySlot?[] Unary = new UnarySlot?[7];
    internal TernarySlot? Power, InPlacePower;
    internal BinarySlot? Concat, InPlaceConcat;
    internal RepeatSlot? Repeat, InPlaceRepeat;

    /// <summary>The managed built-in types' tables, by type (built on first use, after the
    /// built-in types are bound).</summary>
    private static readonly Dictionary<PyType, NumberSlots> builtin = new()
    {
        [BuiltinTypes.Int] = IntArithmetic.Slots,
        [BuiltinTypes.Bool] = BoolArithmetic.Slots,
        [BuiltinTypes.Float] = FloatArithmetic.Slots,
        [BuiltinTypes.Complex] = ComplexArithmetic.Slots,
        [BuiltinTypes.Str] = SequenceArithmetic.StrSlots,
        [BuiltinTypes.Bytes] = SequenceArithmetic.BytesSlots,
        [BuiltinTypes.ByteArray] = SequenceArithmetic.ByteArraySlots,
        [BuiltinTypes.Tuple] = SequenceArithmetic.TupleSlots,
        [BuiltinTypes.List] = SequenceArithmetic.ListSlots,
        [BuiltinTypes.Dict] = DictArithmetic.Slots,
        [BuiltinTypes.Get("dict_keys")] = DictViewArithmetic.Slots,
        [BuiltinTypes.Get("dict_items")] = DictViewArithmetic.Slots,
        [BuiltinTypes.Set] = SetArithmetic.Slots,
        [BuiltinTypes.FrozenSet] = SetArithmetic.FrozenSlots,
    };

    /// <summary>Types defined in C: their tp_as_number / tp_as_sequence, read once.</summary>
    private static readonly ConditionalWeakTable<PyType, NumberSlots> native = new();

    internal static NumberSlots? OwnSlots(PyType t) => Own(t);

    /// <summary>Drops a type's table read from C, after its slots changed (update_slot).</summary>
    internal static void Forget(PyType t) => native.Remove(t);

    private static NumberSlots? Own(PyType t)
    {
        if (builtin.TryGetValue(t, out var slots))
        {
            return slots;
        }
        return t.IsBuiltin || t.Native == 0 ? null : native.GetValue(t, NativeNumberSlots.Read);
    }

    /// <summary>The slot <paramref name="pick"/> selects, inherited along the MRO.</summary>
    internal static T? Find<T>(PyType type, Func<NumberSlots, T?> pick) where T : class
    {
        foreach (var t in type.Mro)
        {
            if (Own(t) is { } slots && pick(slots) is { } slot)
            {
                return slot;
            }
        }
        return null;
    }

    internal static BinarySlot? BinaryOf(PyType t, NumberOp op) => Find(t, s => s.Binary[(int)op]);

    internal static UnarySlot? UnaryOf(PyType t, UnaryOp op) => Find(t, s => s.Unary[(int)op]);

    internal static bool HasIndex(PyObject o) => UnaryOf(o.Type, UnaryOp.Index) is not null;
}

/// <summary>The slots of a type defined in C, wrapped as managed slots. One wrapper per C
/// function, so that a subtype inheriting its base's function is seen to have the same
/// slot (binary_op1 calls a shared slot once).</summary>
internal static unsafe class NativeNumberSlots
{
    // Offsets, in pointers, of the fields in PyNumberMethods and PySequenceMethods.
    private static readonly int[] binaryIndex = [0, 1, 2, 3, 4, 11, 12, 13, 14, 15, 29, 30, 34];
    private static readonly int[] inPlaceIndex = [19, 20, 21, 22, -1, 24, 25, 26, 27, 28, 31, 32, 35];
    private static readonly int[] unaryIndex = [6, 7, 8, 10, 16, 18, 33];
    private const int PowerIndex = 5, InPlacePowerIndex = 23;
    private const int ConcatIndex = 1, RepeatIndex = 2, InPlaceConcatIndex = 8, InPlaceRepeatIndex = 9;

    private static readonly ConcurrentDictionary<nint, BinarySlot> binaries = new();
    private static readonly ConcurrentDictionary<nint, TernarySlot> ternaries = new();
    private static readonly ConcurrentDictionary<nint, UnarySlot> unaries = new();
    private static readonly ConcurrentDictionary<nint, RepeatSlot> repeats = new();

    internal static NumberSlots Read(PyType type)
    {
        var slots = new NumberSlots();
        var nb = (nint*)type.Layout->tp_as_number;
        if (nb != null)
        {
            for (int i = 0; i < binaryIndex.Length; i++)
            {
                slots.Binary[i] = Binary(nb[binaryIndex[i]]);
                slots.InPlace[i] = inPlaceIndex[i] < 0 ? null : Binary(nb[inPlaceIndex[i]]);
            }
            for (int i = 0; i < unaryIndex.Length; i++)
            {
                slots.Unary[i] = Unary(nb[unaryIndex[i]]);
            }
            slots.Power = Ternary(nb[PowerIndex]);
            slots.InPlacePower = Ternary(nb[InPlacePowerIndex]);
        }
        var sq = (nint*)type.Layout->tp_as_sequence;
        if (sq != null)
        {
            slots.Concat = Binary(sq[ConcatIndex]);
            slots.InPlaceConcat = Binary(sq[InPlaceConcatIndex]);
            slots.Repeat = Repeat(sq[RepeatIndex]);
            slots.InPlaceRepeat = Repeat(sq[InPlaceRepeatIndex]);
        }
        return slots;
    }

    private static nint N(PyObject o) => ObjectSpace.ToNative(o);

    private static BinarySlot? Binary(nint f) => f == 0 ? null : binaries.GetOrAdd(f, static f =>
        (v, w) => ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(v), N(w))));

    private static TernarySlot? Ternary(nint f) => f == 0 ? null : ternaries.GetOrAdd(f, static f =>
        (v, w, z) => ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint, nint>)f)(N(v), N(w), N(z))));

    private static UnarySlot? Unary(nint f) => f == 0 ? null : unaries.GetOrAdd(f, static f =>
        o => ObjectSpace.Steal(((delegate* unmanaged<nint, nint>)f)(N(o))));

    private static RepeatSlot? Repeat(nint f) => f == 0 ? null : repeats.GetOrAdd(f, static f =>
        (o, n) => ObjectSpace.Steal(((delegate* unmanaged<nint, nint, nint>)f)(N(o), n)));
}

/// <summary>The number protocol's dispatch (CPython's abstract.c): binary_op1's order of
/// slots, the sequence fallbacks of + and *, the in-place forms and the conversions.</summary>
internal static class Number
{
    private static readonly string[] symbols = ["+", "-", "*", "%", "divmod()", "<<", ">>", "&", "^", "|", "//", "/", "@"];

    private static bool IsNotImplemented(PyObject o) => ReferenceEquals(o, PyNotImplemented.Instance);

    /// <summary>binary_op1: the left operand's slot, the right one's if it differs; the
    /// right one first when its type is a subtype of the left one's.</summary>
    internal static PyObject BinaryOp1(PyObject v, PyObject w, NumberOp op)
    {
        var slotv = NumberSlots.BinaryOf(v.Type, op);
        BinarySlot? slotw = null;
        if (!ReferenceEquals(v.Type, w.Type))
        {
            slotw = NumberSlots.BinaryOf(w.Type, op);
            if (ReferenceEquals(slotw, slotv))
            {
                slotw = null;
            }
        }
        if (slotv is not null)
        {
            if (slotw is not null && w.Type.IsSubtypeOf(v.Type))
            {
                var reflected = slotw(v, w);
                if (!IsNotImplemented(reflected))
                {
                    return reflected;
                }
                slotw = null;
            }
            var x = slotv(v, w);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        return slotw is not null ? slotw(v, w) : PyNotImplemented.Instance;
    }

    private static PythonException TypeError(PyObject v, PyObject w, string opName) =>
        new(PyExc.TypeError, $"unsupported operand type(s) for {opName}: '{v.Type.Name}' and '{w.Type.Name}'");

    internal static PyObject Binary(PyObject v, PyObject w, NumberOp op)
    {
        var result = BinaryOp1(v, w, op);
        return IsNotImplemented(result) ? throw TypeError(v, w, symbols[(int)op]) : result;
    }

    /// <summary>binary_iop1: the left operand's in-place slot, then the plain operation.</summary>
    internal static PyObject InPlaceOp1(PyObject v, PyObject w, NumberOp op)
    {
        if (NumberSlots.Find(v.Type, s => s.InPlace[(int)op]) is { } slot)
        {
            var x = slot(v, w);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        return BinaryOp1(v, w, op);
    }

    internal static PyObject InPlace(PyObject v, PyObject w, NumberOp op)
    {
        var result = InPlaceOp1(v, w, op);
        return IsNotImplemented(result) ? throw TypeError(v, w, symbols[(int)op] + "=") : result;
    }

    /// <summary>+: numbers first, then the left operand's sequence concatenation.</summary>
    internal static PyObject Add(PyObject v, PyObject w)
    {
        var result = BinaryOp1(v, w, NumberOp.Add);
        if (!IsNotImplemented(result))
        {
            return result;
        }
        var concat = NumberSlots.Find(v.Type, s => s.Concat);
        return concat is not null ? concat(v, w) : throw TypeError(v, w, "+");
    }

    internal static PyObject InPlaceAdd(PyObject v, PyObject w)
    {
        var result = InPlaceOp1(v, w, NumberOp.Add);
        if (!IsNotImplemented(result))
        {
            return result;
        }
        var concat = NumberSlots.Find(v.Type, s => s.InPlaceConcat) ?? NumberSlots.Find(v.Type, s => s.Concat);
        return concat is not null ? concat(v, w) : throw TypeError(v, w, "+=");
    }

    /// <summary>*: numbers first, then the sequence repetition of either operand.</summary>
    internal static PyObject Multiply(PyObject v, PyObject w)
    {
        var result = BinaryOp1(v, w, NumberOp.Multiply);
        if (!IsNotImplemented(result))
        {
            return result;
        }
        if (NumberSlots.Find(v.Type, s => s.Repeat) is { } repeatV)
        {
            return SequenceRepeat(repeatV, v, w);
        }
        if (NumberSlots.Find(w.Type, s => s.Repeat) is { } repeatW)
        {
            return SequenceRepeat(repeatW, w, v);
        }
        throw TypeError(v, w, "*");
    }

    internal static PyObject InPlaceMultiply(PyObject v, PyObject w)
    {
        var result = InPlaceOp1(v, w, NumberOp.Multiply);
        if (!IsNotImplemented(result))
        {
            return result;
        }
        // The right operand is never repeated in place: it must not change.
        if ((NumberSlots.Find(v.Type, s => s.InPlaceRepeat) ?? NumberSlots.Find(v.Type, s => s.Repeat)) is { } repeatV)
        {
            return SequenceRepeat(repeatV, v, w);
        }
        if (NumberSlots.Find(w.Type, s => s.Repeat) is { } repeatW)
        {
            return SequenceRepeat(repeatW, w, v);
        }
        throw TypeError(v, w, "*=");
    }

    private static PyObject SequenceRepeat(RepeatSlot repeat, PyObject sequence, PyObject count)
    {
        if (!NumberSlots.HasIndex(count))
        {
            throw new PythonException(PyExc.TypeError, $"can't multiply sequence by non-int of type '{count.Type.Name}'");
        }
        return repeat(sequence, AsSsize(count, PyExc.OverflowError));
    }

    /// <summary>ternary_op: v's slot, w's, then z's, each once; the same subtype rule as binary ops.</summary>
    internal static PyObject Power(PyObject v, PyObject w, PyObject z, string opName = "** or pow()")
    {
        var slotv = NumberSlots.Find(v.Type, s => s.Power);
        TernarySlot? slotw = null;
        if (!ReferenceEquals(v.Type, w.Type))
        {
            slotw = NumberSlots.Find(w.Type, s => s.Power);
            if (ReferenceEquals(slotw, slotv))
            {
                slotw = null;
            }
        }
        if (slotv is not null)
        {
            if (slotw is not null && w.Type.IsSubtypeOf(v.Type))
            {
                var reflected = slotw(v, w, z);
                if (!IsNotImplemented(reflected))
                {
                    return reflected;
                }
                slotw = null;
            }
            var x = slotv(v, w, z);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        if (slotw is not null)
        {
            var x = slotw(v, w, z);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        var slotz = NumberSlots.Find(z.Type, s => s.Power);
        if (slotz is not null && !ReferenceEquals(slotz, slotv) && !ReferenceEquals(slotz, slotw))
        {
            var x = slotz(v, w, z);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        throw new PythonException(PyExc.TypeError, z is PyNone
            ? $"unsupported operand type(s) for {opName}: '{v.Type.Name}' and '{w.Type.Name}'"
            : $"unsupported operand type(s) for {opName}: '{v.Type.Name}', '{w.Type.Name}', '{z.Type.Name}'");
    }

    internal static PyObject InPlacePower(PyObject v, PyObject w, PyObject z)
    {
        if (NumberSlots.Find(v.Type, s => s.InPlacePower) is { } slot)
        {
            var x = slot(v, w, z);
            if (!IsNotImplemented(x))
            {
                return x;
            }
        }
        return Power(v, w, z, "**=");
    }

    private static readonly string[] unaryErrors =
        ["bad operand type for unary -: '{0}'", "bad operand type for unary +: '{0}'",
         "bad operand type for abs(): '{0}'", "bad operand type for unary ~: '{0}'"];

    internal static PyObject Unary(PyObject o, UnaryOp op) =>
        NumberSlots.UnaryOf(o.Type, op) is { } slot ? slot(o)
            : throw new PythonException(PyExc.TypeError, string.Format(unaryErrors[(int)op], o.Type.Name));

    /// <summary>_PyNumber_Index: an int (possibly of a subclass) from an int or an object with __index__.</summary>
    internal static PyInt Index(PyObject o)
    {
        if (o is PyInt i)
        {
            return i;
        }
        var slot = NumberSlots.UnaryOf(o.Type, UnaryOp.Index)
            ?? throw new PythonException(PyExc.TypeError, $"'{o.Type.Name}' object cannot be interpreted as an integer");
        var result = slot(o);
        return result as PyInt ?? throw new PythonException(PyExc.TypeError,
            $"__index__ returned non-int (type {result.Type.Name})");
    }

    /// <summary>PyNumber_Index: the same, always of exact type int.</summary>
    internal static PyInt ExactIndex(PyObject o) => ExactInt(Index(o));

    internal static PyInt ExactInt(PyInt i) => ReferenceEquals(i.Type, BuiltinTypes.Int) ? i : new PyInt(i.Value);

    /// <summary>PyNumber_AsSsize_t: out-of-range values clamp when <paramref name="overflowError"/>
    /// is null, and raise it otherwise.</summary>
    internal static nint AsSsize(PyObject o, PyObject? overflowError)
    {
        var v = Index(o).Value;
        if (v >= nint.MinValue && v <= nint.MaxValue)
        {
            return (nint)v;
        }
        if (overflowError is null)
        {
            return v.Sign < 0 ? nint.MinValue : nint.MaxValue;
        }
        throw new PythonException(overflowError, new PyStr($"cannot fit '{o.Type.Name}' into an index-sized integer"));
    }

    /// <summary>int(o) with one argument (PyNumber_Long).</summary>
    internal static PyInt Long(PyObject o)
    {
        if (ReferenceEquals(o.Type, BuiltinTypes.Int))
        {
            return (PyInt)o;
        }
        if (NumberSlots.UnaryOf(o.Type, UnaryOp.Int) is { } toInt)
        {
            var result = toInt(o);
            return result is PyInt i ? ExactInt(i)
                : throw new PythonException(PyExc.TypeError, $"__int__ returned non-int (type {result.Type.Name})");
        }
        if (NumberSlots.HasIndex(o))
        {
            return ExactIndex(o);
        }
        return o switch
        {
            PyStr s => IntParser.FromUnicode(s, 10),
            PyBytes b => IntParser.FromBytes(b.Value, 10),
            PyByteArray b => IntParser.FromBytes(b.Bytes.ToArray(), 10),
            _ => throw new PythonException(PyExc.TypeError,
                $"int() argument must be a string, a bytes-like object or a real number, not '{o.Type.Name}'"),
        };
    }

    /// <summary>float(o) (PyNumber_Float).</summary>
    internal static PyFloat Float(PyObject o)
    {
        if (ReferenceEquals(o.Type, BuiltinTypes.Float))
        {
            return (PyFloat)o;
        }
        if (NumberSlots.UnaryOf(o.Type, UnaryOp.Float) is { } toFloat)
        {
            var result = toFloat(o);
            return result switch
            {
                PyFloat f when ReferenceEquals(f.Type, BuiltinTypes.Float) => f,
                PyFloat f => new PyFloat(f.Value),
                _ => throw new PythonException(PyExc.TypeError,
                    $"{o.Type.Name}.__float__ returned non-float (type {result.Type.Name})"),
            };
        }
        if (NumberSlots.HasIndex(o))
        {
            return new PyFloat(IntArithmetic.ToDouble(Index(o).Value));
        }
        return o is PyFloat same ? new PyFloat(same.Value) : FloatParser.FromObject(o);
    }

    /// <summary>PyNumber_Check: int(), float() or complex() would take it as a number.</summary>
    internal static bool IsNumber(PyObject o) => o is PyComplex ||
        NumberSlots.Find(o.Type, s => s.Unary[(int)UnaryOp.Index] ?? s.Unary[(int)UnaryOp.Int] ?? s.Unary[(int)UnaryOp.Float]) is not null;

    internal static PyStr ToBase(PyObject n, int @base)
    {
        if (@base is not (2 or 8 or 10 or 16))
        {
            throw new PythonException(PyExc.SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        }
        return new PyStr(IntFormat.ToBase(Index(n).Value, @base));
    }
}

/// <summary>+ and * of the built-in sequences (their sq_concat and sq_repeat).</summary>
internal static class SequenceArithmetic
{
    internal static readonly NumberSlots StrSlots = CreateStrSlots();

    /// <summary>str also has nb_remainder: format % args.</summary>
    private static NumberSlots CreateStrSlots()
    {
        var slots = new NumberSlots
        {
            Concat = (v, w) => (v, w) is (PyStr a, PyStr b) ? new PyStr(a.Value + b.Value) : throw ConcatError("str", w),
            Repeat = (v, n) => new PyStr(Repeat(((PyStr)v).Value, n, "repeated string is too long")),
        };
        slots.Binary[(int)NumberOp.Remainder] = (v, w) =>
            v is PyStr format ? new PyStr(Formatter.Percent(format.Value, w)) : PyNotImplemented.Instance;
        return slots;
    }

    internal static readonly NumberSlots BytesSlots = CreateBytesSlots();

    private static NumberSlots CreateBytesSlots()
    {
        var slots = new NumberSlots
        {
            Concat = (v, w) => new PyBytes([.. ((PyBytes)v).Value, .. ConcatOperand(v, w)]),
            Repeat = (v, n) => new PyBytes(RepeatItems(((PyBytes)v).Value, n, "repeated bytes are too long")),
        };
        slots.Binary[(int)NumberOp.Remainder] = (v, w) => v is PyBytes format ? new PyBytes(PercentFormat(format.Value, w)) : PyNotImplemented.Instance;
        return slots;
    }

    /// <summary>bytes % args and bytearray % args (PEP 461), over the Latin-1 text of the bytes.</summary>
    private static byte[] PercentFormat(ReadOnlySpan<byte> format, PyObject args) => System.Text.Encoding.Latin1.GetBytes(
        Formatter.Percent(System.Text.Encoding.Latin1.GetString(format), args, bytes: true));

    /// <summary>bytearray's + and * make a new array; += and *= change it in place.</summary>
    internal static readonly NumberSlots ByteArraySlots = CreateByteArraySlots();

    private static NumberSlots CreateByteArraySlots()
    {
        var slots = new NumberSlots
        {
            Concat = (v, w) => PyByteArray.Create([.. ((PyByteArray)v).Bytes, .. ConcatOperand(v, w)]),
            InPlaceConcat = (v, w) =>
            {
                var a = (PyByteArray)v;
                a.Splice(a.Count, 0, ConcatOperand(v, w));
                return a;
            },
            Repeat = (v, n) => PyByteArray.Create(RepeatItems(((PyByteArray)v).Bytes.ToArray(), n, null)),
            InPlaceRepeat = (v, n) =>
            {
                var a = (PyByteArray)v;
                var data = RepeatItems(a.Bytes.ToArray(), n, null);
                a.Splice(0, a.Count, data);
                return a;
            },
        };
        slots.Binary[(int)NumberOp.Remainder] = (v, w) => v is PyByteArray format
            ? PyByteArray.Create(PercentFormat(format.Bytes, w)) : PyNotImplemented.Instance;
        return slots;
    }

    /// <summary>The right operand of bytes + and bytearray +: any bytes-like object.</summary>
    private static byte[] ConcatOperand(PyObject v, PyObject w) => BufferApi.BytesOfOrNull(w)
        ?? throw new PythonException(PyExc.TypeError, $"can't concat {w.Type.Name} to {v.Type.Name}");

    internal static readonly NumberSlots TupleSlots = new()
    {
        Concat = (v, w) => (v, w) is (PyTuple a, PyTuple b) ? PyTuple.Create([.. a.ToArray(), .. b.ToArray()])
            : throw ConcatError("tuple", w),
        Repeat = (v, n) => PyTuple.Create(RepeatItems(((PyTuple)v).ToArray(), n, null)),
    };

    internal static readonly NumberSlots ListSlots = new()
    {
        Concat = (v, w) => (v, w) is (PyList a, PyList b) ? PyList.Create([.. a.ToArray(), .. b.ToArray()])
            : throw ConcatError("list", w),
        InPlaceConcat = ListExtend,
        Repeat = (v, n) => PyList.Create(RepeatItems(((PyList)v).ToArray(), n, null)),
        InPlaceRepeat = ListRepeatInPlace,
    };

    private static PythonException ConcatError(string type, PyObject w) =>
        new(PyExc.TypeError, $"can only concatenate {type} (not \"{w.Type.Name}\") to {type}");

    private static string Repeat(string s, nint n, string tooLong)
    {
        if (n <= 0 || s.Length == 0)
        {
            return "";
        }
        CheckRepeatSize(s.Length, n, tooLong);
        return new System.Text.StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString();
    }

    /// <summary>A size past Py_ssize_t is <paramref name="tooLong"/>'s OverflowError (MemoryError
    /// when null, as tuple and list say); one past what an array holds cannot be allocated.</summary>
    private static void CheckRepeatSize(long length, nint n, string? tooLong)
    {
        if (length != 0 && n > long.MaxValue / length)
        {
            throw tooLong is null ? new PythonException(PyExc.MemoryError) : new PythonException(PyExc.OverflowError, tooLong);
        }
        if (length * n > Array.MaxLength)
        {
            throw new PythonException(PyExc.MemoryError);
        }
    }

    /// <summary>The items n times; a null <paramref name="tooLong"/> means MemoryError (as tuple and list).</summary>
    private static T[] RepeatItems<T>(T[] items, nint n, string? tooLong)
    {
        if (n <= 0 || items.Length == 0)
        {
            return [];
        }
        CheckRepeatSize(items.Length, n, tooLong);
        var result = new T[items.Length * (int)n];
        for (int i = 0; i < n; i++)
        {
            items.CopyTo(result, i * items.Length);
        }
        return result;
    }

    /// <summary>list += iterable (list_inplace_concat), for the iterables the object space knows.</summary>
    private static PyObject ListExtend(PyObject v, PyObject w)
    {
        var list = (PyList)v;
        PyObject[] items = w switch
        {
            PyList l => l.ToArray(),
            PyTuple t => t.ToArray(),
            PyStr s => [.. s.Value.EnumerateRunes().Select(r => (PyObject)new PyStr(r.ToString()))],
            PyBytes b => [.. b.Value.Select(x => (PyObject)new PyInt(x))],
            PyByteArray b => [.. b.Bytes.ToArray().Select(x => (PyObject)new PyInt(x))],
            PyDict d => [.. d.Items().Select(kv => kv.Key)],
            _ => throw new PythonException(PyExc.TypeError, $"'{w.Type.Name}' object is not iterable"),
        };
        foreach (var item in items)
        {
            list.Append(item);
        }
        return list;
    }

    private static PyObject ListRepeatInPlace(PyObject v, nint n)
    {
        var list = (PyList)v;
        var items = list.ToArray();
        if (n <= 0)
        {
            if (CPart.PyList_SetSlice(ObjectSpace.ToNative(list), 0, items.Length, 0) < 0)
            {
                throw PythonException.FetchOrSystemError();
            }
            return list;
        }
        if (items.Length == 0 || n == 1)
        {
            return list;
        }
        CheckRepeatSize(items.Length, n, null);
        for (nint i = 1; i < n; i++)
        {
            foreach (var item in items)
            {
                list.Append(item);
            }
        }
        return list;
    }
}

/// <summary>The PyNumber_* functions.</summary>
internal static unsafe class NumberApi
{
    /// <summary>CPython's null_error: a NULL argument keeps the error that produced it, or
    /// becomes a SystemError.</summary>
    private static PyObject Arg(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o)
        ?? throw (PythonException.Fetch() ?? new PythonException(PyExc.SystemError, "null argument to internal routine"));

    private static NewReference Binary(BorrowedReference v, BorrowedReference w, NumberOp op) =>
        ObjectSpace.NewRef(Number.Binary(Arg(v), Arg(w), op));

    private static NewReference InPlace(BorrowedReference v, BorrowedReference w, NumberOp op) =>
        ObjectSpace.NewRef(Number.InPlace(Arg(v), Arg(w), op));

    private static NewReference Unary(BorrowedReference o, UnaryOp op) => ObjectSpace.NewRef(Number.Unary(Arg(o), op));

    [CApi(Error = "0")]
    internal static int PyNumber_Check(BorrowedReference o) => !o.IsNull && Number.IsNumber(Arg(o)) ? 1 : 0;

    [CApi(Error = "0")]
    internal static int PyIndex_Check(BorrowedReference o) => !o.IsNull && NumberSlots.HasIndex(Arg(o)) ? 1 : 0;

    [CApi]
    internal static NewReference PyNumber_Add(BorrowedReference v, BorrowedReference w) =>
        ObjectSpace.NewRef(Number.Add(Arg(v), Arg(w)));

    [CApi]
    internal static NewReference PyNumber_Subtract(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Subtract);

    [CApi]
    internal static NewReference PyNumber_Multiply(BorrowedReference v, BorrowedReference w) =>
        ObjectSpace.NewRef(Number.Multiply(Arg(v), Arg(w)));

    [CApi]
    internal static NewReference PyNumber_MatrixMultiply(BorrowedReference v, BorrowedReference w) =>
        Binary(v, w, NumberOp.MatrixMultiply);

    [CApi]
    internal static NewReference PyNumber_FloorDivide(BorrowedReference v, BorrowedReference w) =>
        Binary(v, w, NumberOp.FloorDivide);

    [CApi]
    internal static NewReference PyNumber_TrueDivide(BorrowedReference v, BorrowedReference w) =>
        Binary(v, w, NumberOp.TrueDivide);

    [CApi]
    internal static NewReference PyNumber_Remainder(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Remainder);

    [CApi]
    internal static NewReference PyNumber_Divmod(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Divmod);

    [CApi]
    internal static NewReference PyNumber_Power(BorrowedReference v, BorrowedReference w, BorrowedReference z) =>
        ObjectSpace.NewRef(Number.Power(Arg(v), Arg(w), Arg(z)));

    [CApi]
    internal static NewReference PyNumber_Lshift(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Lshift);

    [CApi]
    internal static NewReference PyNumber_Rshift(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Rshift);

    [CApi]
    internal static NewReference PyNumber_And(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.And);

    [CApi]
    internal static NewReference PyNumber_Xor(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Xor);

    [CApi]
    internal static NewReference PyNumber_Or(BorrowedReference v, BorrowedReference w) => Binary(v, w, NumberOp.Or);

    [CApi]
    internal static NewReference PyNumber_Negative(BorrowedReference o) => Unary(o, UnaryOp.Negative);

    [CApi]
    internal static NewReference PyNumber_Positive(BorrowedReference o) => Unary(o, UnaryOp.Positive);

    [CApi]
    internal static NewReference PyNumber_Absolute(BorrowedReference o) => Unary(o, UnaryOp.Absolute);

    [CApi]
    internal static NewReference PyNumber_Invert(BorrowedReference o) => Unary(o, UnaryOp.Invert);

    [CApi]
    internal static NewReference PyNumber_InPlaceAdd(BorrowedReference v, BorrowedReference w) =>
        ObjectSpace.NewRef(Number.InPlaceAdd(Arg(v), Arg(w)));

    [CApi]
    internal static NewReference PyNumber_InPlaceSubtract(BorrowedReference v, BorrowedReference w) =>
        InPlace(v, w, NumberOp.Subtract);

    [CApi]
    internal static NewReference PyNumber_InPlaceMultiply(BorrowedReference v, BorrowedReference w) =>
        ObjectSpace.NewRef(Number.InPlaceMultiply(Arg(v), Arg(w)));

    [CApi]
    internal static NewReference PyNumber_InPlaceMatrixMultiply(BorrowedReference v, BorrowedReference w) =>
        InPlace(v, w, NumberOp.MatrixMultiply);

    [CApi]
    internal static NewReference PyNumber_InPlaceTrueDivide(BorrowedReference v, BorrowedReference w) =>
        InPlace(v, w, NumberOp.TrueDivide);

    [CApi]
    internal static NewReference PyNumber_InPlaceFloorDivide(BorrowedReference v, BorrowedReference w) =>
        InPlace(v, w, NumberOp.FloorDivide);

    [CApi]
    internal static NewReference PyNumber_InPlaceRemainder(BorrowedReference v, BorrowedReference w) =>
        InPlace(v, w, NumberOp.Remainder);

    [CApi]
    internal static NewReference PyNumber_InPlacePower(BorrowedReference v, BorrowedReference w, BorrowedReference z) =>
        ObjectSpace.NewRef(Number.InPlacePower(Arg(v), Arg(w), Arg(z)));

    [CApi]
    internal static NewReference PyNumber_InPlaceLshift(BorrowedReference v, BorrowedReference w) => InPlace(v, w, NumberOp.Lshift);

    [CApi]
    internal static NewReference PyNumber_InPlaceRshift(BorrowedReference v, BorrowedReference w) => InPlace(v, w, NumberOp.Rshift);

    [CApi]
    internal static NewReference PyNumber_InPlaceAnd(BorrowedReference v, BorrowedReference w) => InPlace(v, w, NumberOp.And);

    [CApi]
    internal static NewReference PyNumber_InPlaceXor(BorrowedReference v, BorrowedReference w) => InPlace(v, w, NumberOp.Xor);

    [CApi]
    internal static NewReference PyNumber_InPlaceOr(BorrowedReference v, BorrowedReference w) => InPlace(v, w, NumberOp.Or);

    [CApi]
    internal static NewReference PyNumber_Index(BorrowedReference o) => ObjectSpace.NewRef(Number.ExactIndex(Arg(o)));

    [CApi]
    internal static nint PyNumber_AsSsize_t(BorrowedReference o, BorrowedReference exc) =>
        Number.AsSsize(Arg(o), ObjectSpace.FromNativeOrNull(exc));

    [CApi]
    internal static NewReference PyNumber_Long(BorrowedReference o) => ObjectSpace.NewRef(Number.Long(Arg(o)));

    [CApi]
    internal static NewReference PyNumber_Float(BorrowedReference o) => ObjectSpace.NewRef(Number.Float(Arg(o)));

    [CApi]
    internal static NewReference PyNumber_ToBase(BorrowedReference n, int @base) =>
        ObjectSpace.NewRef(Number.ToBase(Arg(n), @base));
}

/// <summary>Calling int, float and bool.</summary>
internal static class NumberTypes
{
    internal static void Register()
    {
        BuiltinTypes.Int.Constructor = (type, args, kwargs) => Exact(type, NewInt(args.ToArray(), kwargs));
        BuiltinTypes.Float.Constructor = (type, args, kwargs) => Exact(type, NewFloat(args.ToArray(), kwargs));
        BuiltinTypes.Bool.Constructor = (type, args, kwargs) => NewBool(args.ToArray(), kwargs);
    }

    /// <summary>Subclasses need their own layout, which only their C tp_new can give.</summary>
    private static PyObject Exact(PyType type, PyObject value) =>
        ReferenceEquals(type, value.Type) ? value : throw new PythonException(PyExc.TypeError, $"cannot create '{type.DisplayName}' instances");

    /// <summary>int(x=0, /, base=10).</summary>
    private static PyObject NewInt(PyObject[] args, PyDict? kwargs)
    {
        PyObject? x = args.Length > 0 ? args[0] : null, @base = args.Length > 1 ? args[1] : null;
        foreach (var (key, value) in kwargs?.Items() ?? [])
        {
            if (key is PyStr { Value: "base" } && args.Length < 2)
            {
                @base = value;
                continue;
            }
            throw new PythonException(PyExc.TypeError, key is PyStr { Value: "base" }
                ? "argument for int() given by name ('base') and position (2)"
                : $"'{key.StrString()}' is an invalid keyword argument for int()");
        }
        int given = args.Length + (kwargs?.Count ?? 0);
        if (given > 2)
        {
            throw new PythonException(PyExc.TypeError, $"int() takes at most 2 arguments ({given} given)");
        }
        if (x is null)
        {
            return @base is null ? new PyInt(0)
                : throw new PythonException(PyExc.TypeError, "int() missing string argument");
        }
        if (@base is null)
        {
            return Number.Long(x);
        }
        var b = Number.AsSsize(@base, null);
        if (b is not 0 and (< 2 or > 36))
        {
            throw new PythonException(PyExc.ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        return x switch
        {
            PyStr s => IntParser.FromUnicode(s, (int)b),
            PyBytes bytes => IntParser.FromBytes(bytes.Value, (int)b),
            _ => throw new PythonException(PyExc.TypeError, "int() can't convert non-string with explicit base"),
        };
    }

    /// <summary>float(x=0.0, /).</summary>
    private static PyObject NewFloat(PyObject[] args, PyDict? kwargs)
    {
        ArgCheck.NoKeywords("float", kwargs);
        ArgCheck.Range("float", args, 0, 1);
        return args.Length == 0 ? new PyFloat(0.0) : Number.Float(args[0]);
    }

    /// <summary>bool(x=False, /).</summary>
    private static PyObject NewBool(PyObject[] args, PyDict? kwargs)
    {
        ArgCheck.NoKeywords("bool", kwargs);
        ArgCheck.Range("bool", args, 0, 1);
        return PyBool.Of(args.Length == 1 && args[0].IsTrue());
    }
}
