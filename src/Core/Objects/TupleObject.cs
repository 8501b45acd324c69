using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>tuple: a view of the native PyTupleObject, which is the storage (C fills it
/// with PyTuple_SET_ITEM before it is shared; after that it is immutable).</summary>
internal sealed unsafe class PyTuple : PyNativeSequence
{
    private PyTuple(nint native) : base(BuiltinTypes.Tuple) => Native = native;

    internal static PyTuple FromNative(nint p) => new(p);

    internal static PyTuple Empty => Create([]);

    /// <summary>A new tuple holding references to the items (built natively, then adopted).</summary>
    internal static PyTuple Create(ReadOnlySpan<PyObject> items)
    {
        nint p = CPart.PyTuple_New(items.Length);
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        for (int i = 0; i < items.Length; i++)
        {
            Items(p)[i] = ObjectSpace.NewRef(items[i]).Address;
        }
        var tuple = (PyTuple)ObjectSpace.FromNative(p);
        ObjectSpace.DecRef(p); // the pair is now held by the twin
        return tuple;
    }

    internal static nint* Items(nint p) => (nint*)(p + sizeof(PyVarObjectHead));

    internal override nint CreateNative() => throw new InvalidOperationException("a tuple is born native");

    protected override nint* ItemArray => Items(Native);

    internal override PyStr ReprCore() => ReprItems('(', ')', commaAfterSingleItem: true);

    /// <summary>CPython 3.11's tuple hash (an xxHash-style combination of the item hashes).</summary>
    internal override long HashCore()
    {
        Span<long> hashes = Count <= 32 ? stackalloc long[Count] : new long[Count];
        for (int i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Abstract.Hash(this[i]);
        }
        return HashOfItems(hashes);
    }

    internal static long HashOfItems(ReadOnlySpan<long> itemHashes)
    {
        const ulong Prime1 = 11400714785074694791UL, Prime2 = 14029467366897019727UL, Prime5 = 2870177450012600261UL;
        ulong acc = Prime5;
        foreach (long hash in itemHashes)
        {
            acc += (ulong)hash * Prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= Prime1;
        }
        acc += (ulong)itemHashes.Length ^ (Prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other is PyTuple t
        ? SequenceCompare.Compare(ToArray(), t.ToArray(), op)
        : PyNotImplemented.Instance;
}

/// <summary>Lexicographic comparison of sequences, as tuple and list compare.</summary>
internal static class SequenceCompare
{
    internal static PyObject Compare(PyObject[] a, PyObject[] b, CompareOp op)
    {
        int i = 0;
        for (; i < a.Length && i < b.Length; i++)
        {
            if (!Abstract.RichCompareBool(a[i], b[i], CompareOp.Eq))
            {
                break;
            }
        }
        if (i >= a.Length || i >= b.Length)
        {
            return PyBool.Of(NumericCompare.Apply(a.Length.CompareTo(b.Length), op));
        }
        return op switch
        {
            CompareOp.Eq => PyBool.False,
            CompareOp.Ne => PyBool.True,
            _ => Abstract.RichCompare(a[i], b[i], op),
        };
    }
}

/// <summary>Guards repr() of containers against recursion, as Py_ReprEnter does.</summary>
internal readonly struct ReprGuard : IDisposable
{
    [ThreadStatic] private static HashSet<PyObject>? active;
    private readonly PyObject? entered;

    internal bool Recursive => entered is null;

    private ReprGuard(PyObject? entered) => this.entered = entered;

    internal static ReprGuard Enter(PyObject o) => TryEnter(o) ? new ReprGuard(o) : new ReprGuard(null);

    public void Dispose()
    {
        if (entered is not null)
        {
            active!.Remove(entered);
        }
    }

    /// <summary>Py_ReprEnter: false when o's repr is already running on this thread.</summary>
    internal static bool TryEnter(PyObject o)
    {
        active ??= new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        return active.Add(o);
    }

    internal static void Leave(PyObject o) => active?.Remove(o);
}

/// <summary>Py_ReprEnter / Py_ReprLeave: how a C container's tp_repr stops recursion.</summary>
internal static class ReprApi
{
    /// <summary>0 on entering, 1 if the object's repr is already in progress.</summary>
    [CApi]
    internal static int Py_ReprEnter(BorrowedReference o) => ReprGuard.TryEnter(ObjectSpace.FromNative(o)) ? 0 : 1;

    [CApi]
    internal static void Py_ReprLeave(BorrowedReference o) => ReprGuard.Leave(ObjectSpace.FromNative(o));
}

/// <summary>The methods of tuple and its constructor.</summary>
internal static class TupleMethods
{
    internal static void Register()
    {
        var tuple = BuiltinTypes.Tuple;
        tuple.Constructor = (type, args, kwargs) =>
            ListMethods.SingleIterableArgument("tuple", args, kwargs) is { } iterable ? Abstract.ToTuple(iterable) : PyTuple.Empty;
        PyBuiltinMethodDescriptor.Add(tuple, "count", (self, args, kwargs) =>
        {
            var value = ArgCheck.One("tuple.count", args, kwargs);
            return new PyInt(((PyTuple)self!).ToArray().Count(x => Abstract.RichCompareBool(x, value, CompareOp.Eq)));
        });
        PyBuiltinMethodDescriptor.Add(tuple, "index", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("index", kwargs);
            ArgCheck.Range("index", args, 1, 3);
            var items = ((PyTuple)self!).ToArray();
            var (start, stop) = ListMethods.SearchRange(args, items.Length);
            for (int i = start; i < stop; i++)
            {
                if (Abstract.RichCompareBool(items[i], args[0], CompareOp.Eq))
                {
                    return new PyInt(i);
                }
            }
            throw new PythonException(PyExc.ValueError, "tuple.index(x): x not in tuple");
        });
    }
}
