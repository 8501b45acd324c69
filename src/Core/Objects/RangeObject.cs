using System.Numerics;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>range: an immutable arithmetic sequence of ints of any size; its length, items
/// and membership are computed, never stored.</summary>
internal sealed class PyRange : PyObject
{
    internal readonly BigInteger Start, Stop, Step, Count;

    internal PyRange(BigInteger start, BigInteger stop, BigInteger step) : base(BuiltinTypes.Range)
    {
        (Start, Stop, Step) = (start, stop, step);
        // compute_range_length: the items before stop, counted toward it.
        var (lo, hi, by) = step.Sign > 0 ? (start, stop, step) : (stop, start, -step);
        Count = lo < hi ? (hi - lo - 1) / by + 1 : BigInteger.Zero;
    }

    /// <summary>len(r): an OverflowError past Py_ssize_t.</summary>
    internal long Length() => Count <= long.MaxValue ? (long)Count
        : throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C ssize_t");

    internal override bool IsTrue() => !Count.IsZero;

    internal override PyStr ReprCore() => new(Step.IsOne ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})");

    private BigInteger At(BigInteger i) => Start + i * Step;

    /// <summary>sq_item: the index as given (a negative one was already counted from the end).</summary>
    internal PyInt Item(BigInteger i) => i.Sign >= 0 && i < Count ? new PyInt(At(i))
        : throw new PythonException(PyExc.IndexError, "range object index out of range");

    /// <summary>r[i] (negative from the end) or r[i:j:k] (a range again).</summary>
    internal PyObject Subscript(PyObject key)
    {
        if (!Abstract.IsIndex(key))
        {
            throw new PythonException(PyExc.TypeError, $"range indices must be integers or slices, not {key.Type.Name}");
        }
        var i = Number.Index(key).Value;
        return Item(i.Sign < 0 ? i + Count : i);
    }

    internal PyRange Slice(PySlice slice)
    {
        var bounds = slice.LongIndices(new PyInt(Count));
        BigInteger Part(int k) => ((PyInt)bounds[k]).Value;
        return new PyRange(At(Part(0)), At(Part(1)), Step * Part(2));
    }

    /// <summary>x in r for an exact int or a bool, in constant time; null for anything else
    /// (searched by iteration, as CPython does).</summary>
    internal bool? HoldsInt(PyObject item)
    {
        if (item is not PyInt i || !(ReferenceEquals(i.Type, BuiltinTypes.Int) || i is PyBool))
        {
            return null;
        }
        var x = i.Value;
        bool inside = Step.Sign > 0 ? Start <= x && x < Stop : Stop < x && x <= Start;
        return inside && ((x - Start) % Step).IsZero;
    }

    /// <summary>Ranges are equal when they hold the same items, whatever their bounds.</summary>
    private bool SameItems(PyRange other) =>
        ReferenceEquals(this, other) || (Count == other.Count
            && (Count.IsZero || (Start == other.Start && (Count.IsOne || Step == other.Step))));

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => (other, op) switch
    {
        (PyRange r, CompareOp.Eq) => PyBool.Of(SameItems(r)),
        (PyRange r, CompareOp.Ne) => PyBool.Of(!SameItems(r)),
        _ => PyNotImplemented.Instance,
    };

    /// <summary>The hash of (len, start, step), with None for what the items do not fix.</summary>
    internal override long HashCore()
    {
        PyObject none = PyNone.Instance;
        var key = PyTuple.Create([new PyInt(Count), Count.IsZero ? none : new PyInt(Start), Count <= 1 ? none : new PyInt(Step)]);
        return key.Hash();
    }

    internal PyIterator Iterate()
    {
        // CPython's iterator over C longs serves a range whose bounds, length and the step
        // past the last item fit; the other has a name of its own.
        bool fits = Count <= long.MaxValue && Fits(Start) && Fits(Stop) && Fits(Step)
            && (Count.IsZero || Fits(Step.Sign > 0 ? Stop + Step - 1 : Stop + Step + 1));
        return new PyRangeIterator(BuiltinTypes.Get(fits ? "range_iterator" : "longrange_iterator"), Start, Step, Count);
    }

    private static bool Fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;

    /// <summary>reversed(r): the items from the last, by -step. The iterator over C longs serves
    /// it when start, stop and step fit and neither -step nor start - step overflows.</summary>
    internal PyIterator Reverse()
    {
        bool fits = Count <= long.MaxValue && Fits(Start) && Fits(Stop) && Fits(Step) && Fits(-Step) && Fits(Start - Step);
        return new PyRangeIterator(BuiltinTypes.Get(fits ? "range_iterator" : "longrange_iterator"), Start + (Count - 1) * Step, -Step, Count);
    }

    /// <summary>range(stop) or range(start, stop[, step]), the attributes, count() and index().</summary>
    internal static void Register()
    {
        var type = BuiltinTypes.Range;
        type.Constructor = (_, args, kwargs) =>
        {
            var (start, stop, step) = PySlice.Arguments("range", args, kwargs);
            BigInteger Int(PyObject? o, int omitted) => o is null ? omitted : Number.Index(o).Value;
            var (begin, end, by) = (Int(start, 0), Int(stop, 0), Int(step, 1));
            return by.IsZero ? throw new PythonException(PyExc.ValueError, "range() arg 3 must not be zero") : new PyRange(begin, end, by);
        };
        PyManagedMember.Add(type, "start", o => new PyInt(((PyRange)o).Start));
        PyManagedMember.Add(type, "stop", o => new PyInt(((PyRange)o).Stop));
        PyManagedMember.Add(type, "step", o => new PyInt(((PyRange)o).Step));
        PyBuiltinMethodDescriptor.Add(type, "count", (self, args, kwargs) =>
        {
            var r = (PyRange)self!;
            var item = ArgCheck.One("count", args, kwargs);
            return new PyInt(r.HoldsInt(item) is { } holds ? (holds ? 1 : 0) : Abstract.Count(r, item));
        });
        PyBuiltinMethodDescriptor.Add(type, "index", (self, args, kwargs) =>
        {
            var r = (PyRange)self!;
            var item = ArgCheck.One("index", args, kwargs);
            return r.HoldsInt(item) switch
            {
                true => new PyInt((((PyInt)item).Value - r.Start) / r.Step),
                false => throw new PythonException(PyExc.ValueError, $"{item.ReprString()} is not in range"),
                null => new PyInt(Abstract.IndexOf(r, item)),
            };
        });
        PyBuiltinMethodDescriptor.Add(type, "__reversed__", (self, args, kwargs) =>
        {
            ArgCheck.None("range.__reversed__", args, kwargs);
            return ((PyRange)self!).Reverse();
        });
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__reduce__", self =>
        {
            var r = (PyRange)self;
            return PyTuple.Create([type, PyTuple.Create([new PyInt(r.Start), new PyInt(r.Stop), new PyInt(r.Step)])]);
        });
        PyIterator.AddLengthHint(BuiltinTypes.Get("range_iterator"));
        PyIterator.AddLengthHint(BuiltinTypes.Get("longrange_iterator"));
    }
}

/// <summary>range_iterator and longrange_iterator: the next item and how many are left.</summary>
internal sealed class PyRangeIterator(PyType type, BigInteger next, BigInteger step, BigInteger left) : PyIterator(type)
{
    internal override PyObject? Next()
    {
        if (left.IsZero)
        {
            return null;
        }
        var item = new PyInt(next);
        next += step;
        left -= 1;
        return item;
    }

    internal override long? LengthHint() => left <= long.MaxValue ? (long)left : long.MaxValue;
}
