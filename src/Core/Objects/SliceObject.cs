using System.Numerics;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>slice: start, stop and step as given, None for an omitted one. Its native half
/// is CPython's PySliceObject, holding references to the three.</summary>
internal sealed class PySlice(PyObject start, PyObject stop, PyObject step) : PyObject(BuiltinTypes.Slice)
{
    internal readonly PyObject Start = start, Stop = stop, Step = step;

    /// <summary>_PySlice_FromIndices: [start:stop].</summary>
    internal PySlice(long start, long stop) : this(new PyInt(start), new PyInt(stop), PyNone.Instance) { }

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PySliceLayout), Type);
        var layout = (PySliceLayout*)p;
        layout->start = ObjectSpace.NewRef(Start).Address;
        layout->stop = ObjectSpace.NewRef(Stop).Address;
        layout->step = ObjectSpace.NewRef(Step).Address;
        return p;
    }

    internal override PyStr ReprCore() => new($"slice({Start.ReprString()}, {Stop.ReprString()}, {Step.ReprString()})");

    internal override long HashCore() => throw Abstract.Unhashable(this);

    /// <summary>Slices compare as the tuples (start, stop, step); a slice equals itself.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (other is not PySlice s)
        {
            return PyNotImplemented.Instance;
        }
        if (ReferenceEquals(this, s))
        {
            return PyBool.Of(op is CompareOp.Eq or CompareOp.Le or CompareOp.Ge);
        }
        return SequenceCompare.Compare([Start, Stop, Step], [s.Start, s.Stop, s.Step], op);
    }

    private const string IndexError = "slice indices must be integers or None or have an __index__ method";

    /// <summary>_PyEval_SliceIndex: null for None; an index clamped to Py_ssize_t.</summary>
    internal static long? Index(PyObject o) => o switch
    {
        PyNone => null,
        _ when Abstract.IsIndex(o) => Abstract.AsSsize(o, null),
        _ => throw new PythonException(PyExc.TypeError, IndexError),
    };

    /// <summary>PySlice_Unpack: the omitted parts filled in for the step's direction.</summary>
    internal (long Start, long Stop, long Step) Unpack()
    {
        long step = Index(Step) ?? 1;
        if (step == 0)
        {
            throw new PythonException(PyExc.ValueError, "slice step cannot be zero");
        }
        // -step must not overflow, so the most negative step is -PY_SSIZE_T_MAX.
        step = Math.Max(step, -long.MaxValue);
        long start = Index(Start) ?? (step < 0 ? long.MaxValue : 0);
        long stop = Index(Stop) ?? (step < 0 ? long.MinValue : long.MaxValue);
        return (start, stop, step);
    }

    /// <summary>PySlice_AdjustIndices: start and stop moved into a sequence of <paramref name="length"/>
    /// items; the number of items the slice selects.</summary>
    internal static long AdjustIndices(long length, ref long start, ref long stop, long step)
    {
        static long Adjust(long i, long length, long step) => i < 0
            ? Math.Max(i + length, step < 0 ? -1 : 0)
            : i >= length ? (step < 0 ? length - 1 : length) : i;
        start = Adjust(start, length, step);
        stop = Adjust(stop, length, step);
        if (step < 0)
        {
            return stop < start ? (start - stop - 1) / -step + 1 : 0;
        }
        return start < stop ? (stop - start - 1) / step + 1 : 0;
    }

    /// <summary>Where the slice starts in a sequence of <paramref name="length"/> items, its step
    /// and how many items it selects.</summary>
    internal (long Start, long Step, long Count) Indices(long length)
    {
        var (start, stop, step) = Unpack();
        long count = AdjustIndices(length, ref start, ref stop, step);
        return (start, step, count);
    }

    /// <summary>The items at <paramref name="at"/> (what <see cref="Indices"/> answered), in order.</summary>
    internal static T[] Pick<T>(ReadOnlySpan<T> items, (long Start, long Step, long Count) at)
    {
        var result = new T[at.Count];
        for (long k = 0; k < at.Count; k++)
        {
            result[k] = items[(int)(at.Start + k * at.Step)];
        }
        return result;
    }

    /// <summary>slice.indices(length) (_PySlice_GetLongIndices): exact for any int.</summary>
    internal PyTuple LongIndices(PyObject lengthArg)
    {
        static BigInteger? LongIndex(PyObject o) => o switch
        {
            PyNone => null,
            _ when Abstract.IsIndex(o) => Number.Index(o).Value,
            _ => throw new PythonException(PyExc.TypeError, IndexError),
        };
        BigInteger step = LongIndex(Step) ?? BigInteger.One;
        if (step.IsZero)
        {
            throw new PythonException(PyExc.ValueError, "slice step cannot be zero");
        }
        BigInteger length = Number.Index(lengthArg).Value;
        if (length.Sign < 0)
        {
            throw new PythonException(PyExc.ValueError, "length should not be negative");
        }
        bool backwards = step.Sign < 0;
        BigInteger lower = backwards ? BigInteger.MinusOne : BigInteger.Zero;
        BigInteger upper = backwards ? length - 1 : length;
        BigInteger Bound(BigInteger? given, BigInteger omitted)
        {
            if (given is not { } i)
            {
                return omitted;
            }
            return i.Sign < 0 ? BigInteger.Max(i + length, lower) : BigInteger.Min(i, upper);
        }
        var start = Bound(LongIndex(Start), backwards ? upper : lower);
        var stop = Bound(LongIndex(Stop), backwards ? lower : upper);
        return PyTuple.Create([new PyInt(start), new PyInt(stop), new PyInt(step)]);
    }

    /// <summary>The arguments of slice() and range(): (stop) or (start, stop[, step]).</summary>
    internal static (PyObject? Start, PyObject Stop, PyObject? Step) Arguments(string name, PyTuple args, PyDict? kwargs)
    {
        ArgCheck.NoKeywords(name, kwargs);
        var a = args.ToArray();
        ArgCheck.Range(name, a, 1, 3);
        return a.Length == 1 ? (null, a[0], null) : (a[0], a[1], a.Length == 3 ? a[2] : null);
    }

    /// <summary>slice(stop) or slice(start, stop[, step]), its attributes and indices().</summary>
    internal static void Register()
    {
        var type = BuiltinTypes.Slice;
        type.Constructor = (_, args, kwargs) =>
        {
            var (start, stop, step) = Arguments("slice", args, kwargs);
            return new PySlice(start ?? PyNone.Instance, stop, step ?? PyNone.Instance);
        };
        PyManagedMember.Add(type, "start", o => ((PySlice)o).Start);
        PyManagedMember.Add(type, "stop", o => ((PySlice)o).Stop);
        PyManagedMember.Add(type, "step", o => ((PySlice)o).Step);
        PyBuiltinMethodDescriptor.Add(type, "indices", (self, args, kwargs) =>
            ((PySlice)self!).LongIndices(ArgCheck.One("slice.indices", args, kwargs)));
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__reduce__", self =>
        {
            var s = (PySlice)self;
            return PyTuple.Create([type, PyTuple.Create([s.Start, s.Stop, s.Step])]);
        });
    }
}

/// <summary>Subscripts with a slice key: every built-in sequence slices here.</summary>
internal static partial class Abstract
{
    /// <summary>o[slice] for the built-in sequences; an exact sequence sliced whole is itself.</summary>
    internal static PyObject GetSlice(PyObject o, PySlice slice)
    {
        bool Whole((long Start, long Step, long Count) at, long length, PyType exact) =>
            at.Step == 1 && at.Count == length && ReferenceEquals(o.Type, exact);
        switch (o)
        {
            case PyTuple t:
            {
                var at = slice.Indices(t.Count);
                return Whole(at, t.Count, BuiltinTypes.Tuple) ? t : PyTuple.Create(PySlice.Pick<PyObject>(t.ToArray(), at));
            }
            case PyList l:
                return PyList.Create(PySlice.Pick<PyObject>(l.ToArray(), slice.Indices(l.Count)));
            case PyStr s:
            {
                var cps = PyStr.CodePoints(s.Value);
                var at = slice.Indices(cps.Length);
                return Whole(at, cps.Length, BuiltinTypes.Str) ? s : new PyStr(PyStr.FromCodePoints(PySlice.Pick<int>(cps, at)));
            }
            case PyBytes b:
            {
                var at = slice.Indices(b.Value.Length);
                return Whole(at, b.Value.Length, BuiltinTypes.Bytes) ? b : new PyBytes(PySlice.Pick<byte>(b.Value, at));
            }
            case PyByteArray a:
                return PyByteArray.Create(PySlice.Pick<byte>(a.Bytes.ToArray(), slice.Indices(a.Count)));
            case PyRange r:
                return r.Slice(slice);
        }
        throw new InvalidOperationException($"{o.Type.Name} is not a built-in sequence");
    }

    /// <summary>list[slice] = value, or del list[slice] when value is null (list_ass_subscript).</summary>
    internal static void SetSlice(PyList list, PySlice slice, PyObject? value)
    {
        var (start, stop, step) = slice.Unpack();
        long count = PySlice.AdjustIndices(list.Count, ref start, ref stop, step);
        if (step == 1)
        {
            list.ReplaceRange(start, stop, value);
            return;
        }
        if (value is null)
        {
            // The highest position first, so that the lower ones do not move.
            foreach (int position in Enumerable.Range(0, (int)count).Select(k => (int)(start + k * step)).OrderDescending())
            {
                list.RemoveAt(position);
            }
            return;
        }
        var items = ReferenceEquals(value, list) ? list.ToArray() : Items(Fast(value, "must assign iterable to extended slice"));
        if (items.Length != count)
        {
            throw new PythonException(PyExc.ValueError,
                $"attempt to assign sequence of size {items.Length} to extended slice of size {count}");
        }
        for (long k = 0; k < count; k++)
        {
            list.SetItem((int)(start + k * step), items[k]);
        }
    }
}

/// <summary>The PySlice_* functions.</summary>
internal static unsafe class SliceApi
{
    private static PySlice Slice(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) as PySlice ?? throw Abstract.BadInternalCall();

    private static PyObject OrNone(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o) ?? PyNone.Instance;

    [CApi]
    internal static NewReference PySlice_New(BorrowedReference start, BorrowedReference stop, BorrowedReference step) =>
        ObjectSpace.NewRef(new PySlice(OrNone(start), OrNone(stop), OrNone(step)));

    [CApi]
    internal static int PySlice_Unpack(BorrowedReference slice, nint* start, nint* stop, nint* step)
    {
        var (a, b, c) = Slice(slice).Unpack();
        (*start, *stop, *step) = ((nint)a, (nint)b, (nint)c);
        return 0;
    }

    [CApi(Error = "0")]
    internal static nint PySlice_AdjustIndices(nint length, nint* start, nint* stop, nint step)
    {
        long a = *start, b = *stop;
        long count = PySlice.AdjustIndices(length, ref a, ref b, step);
        (*start, *stop) = ((nint)a, (nint)b);
        return (nint)count;
    }

    /// <summary>The function behind the macro, for binaries that call it by name.</summary>
    [CApi]
    internal static int PySlice_GetIndicesEx(BorrowedReference slice, nint length, nint* start, nint* stop, nint* step,
        nint* slicelength)
    {
        *slicelength = 0;
        var (a, b, c) = Slice(slice).Unpack();
        long count = PySlice.AdjustIndices(length, ref a, ref b, c);
        (*start, *stop, *step, *slicelength) = ((nint)a, (nint)b, (nint)c, (nint)count);
        return 0;
    }

    /// <summary>The old form: ints or None only (-1 without an exception for anything else),
    /// negative counted from the end once, and -1 for what falls outside the sequence.</summary>
    [CApi]
    internal static int PySlice_GetIndices(BorrowedReference slice, nint length, nint* start, nint* stop, nint* step)
    {
        var s = Slice(slice);
        bool Part(PyObject o, nint omitted, bool fromEnd, out nint value)
        {
            value = o is PyInt ? LongApi.PyLong_AsSsize_t(ObjectSpace.Borrow(o)) : omitted;
            value += fromEnd && o is PyInt && value < 0 ? length : 0;
            return o is PyNone or PyInt;
        }
        if (!Part(s.Step, 1, false, out *step) || !Part(s.Start, *step < 0 ? length - 1 : 0, true, out *start)
            || !Part(s.Stop, *step < 0 ? -1 : length, true, out *stop))
        {
            return -1;
        }
        return *stop > length || *start >= length || *step == 0 ? -1 : 0;
    }

    [CApi(Error = "0")]
    internal static int _PyEval_SliceIndex(BorrowedReference v, nint* pi)
    {
        if (PySlice.Index(ObjectSpace.FromNative(v.Address)) is { } i)
        {
            *pi = (nint)i;
        }
        return 1;
    }
}
