using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>list: a view of the native PyListObject, whose ob_item is the storage both
/// worlds read and write (PyList_SET_ITEM from C is seen here at once, and back).</summary>
internal sealed unsafe class PyList : PyNativeSequence
{
    private PyList(nint native) : base(BuiltinTypes.List) => Native = native;

    internal static PyList FromNative(nint p) => new(p);

    internal static PyList Create(IEnumerable<PyObject> items)
    {
        nint p = CPart.PyList_New(0);
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        var list = (PyList)ObjectSpace.FromNative(p);
        ObjectSpace.DecRef(p);
        foreach (var item in items)
        {
            list.Append(item);
        }
        return list;
    }

    internal override nint CreateNative() => throw new InvalidOperationException("a list is born native");

    private PyListLayout* Layout => (PyListLayout*)Native;

    /// <summary>The item slots allocated (list.__sizeof__ counts them).</summary>
    internal long Allocated => Layout->allocated;

    protected override nint* ItemArray => (nint*)Layout->ob_item;

    internal void Append(PyObject item)
    {
        if (CPart.PyList_Append(Native, ObjectSpace.ToNative(item)) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    /// <summary>Replaces item i: the list takes a reference to the new item and drops the old one.</summary>
    internal void SetItem(int i, PyObject value)
    {
        nint* items = (nint*)Layout->ob_item;
        nint old = items[i];
        items[i] = ObjectSpace.NewRef(value).Address;
        ObjectSpace.XDecRef(old);
    }

    internal void Insert(long where, PyObject item)
    {
        if (CPart.PyList_Insert(Native, (nint)where, ObjectSpace.ToNative(item)) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    /// <summary>del self[lo:hi] (bounds already within the list).</summary>
    internal void RemoveRange(int lo, int hi) => ReplaceRange(lo, hi, null);

    /// <summary>self[lo:hi] = the items of an iterable, or deleted (null); bounds are
    /// clamped to the list, as list_ass_slice does.</summary>
    internal void ReplaceRange(long lo, long hi, PyObject? items)
    {
        if (CPart.PyList_SetSlice(Native, (nint)lo, (nint)hi, ObjectSpace.ToNativeOrNull(items)) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    internal void RemoveAt(int i) => RemoveRange(i, i + 1);

    internal void Clear() => RemoveRange(0, Count);

    /// <summary>list.extend: the items of any iterable (of itself too: a snapshot is taken first).</summary>
    internal void Extend(PyObject iterable)
    {
        foreach (var item in Abstract.Items(iterable))
        {
            Append(item);
        }
    }

    /// <summary>list.sort: a stable sort by "&lt;" of the items (or of their keys), CPython's
    /// way: the list looks empty while it is sorted, and mutating it meanwhile is an error.
    /// When a comparison fails, the list keeps the partly sorted order reached so far.</summary>
    internal void Sort(PyObject? key, bool reverse)
    {
        var layout = Layout;
        nint* savedItems = (nint*)layout->ob_item;
        int n = Count;
        nint savedAllocated = layout->allocated;
        layout->ob_item = 0;
        layout->ob_base.ob_size = 0;
        layout->allocated = -1;

        var values = new nint[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = savedItems[i];
        }
        PythonException? error = null;
        try
        {
            var keys = new PyObject[n];
            for (int i = 0; i < n; i++)
            {
                var item = ObjectSpace.FromNative(values[i]);
                keys[i] = key is null ? item : Abstract.Call(key, PyTuple.Create([item]), null);
            }
            if (reverse)
            {
                Array.Reverse(keys);
                Array.Reverse(values);
            }
            try
            {
                new ListSorter(keys, values).Sort();
            }
            finally
            {
                if (reverse)
                {
                    Array.Reverse(values);
                }
            }
        }
        catch (PythonException e)
        {
            error = e;
        }
        for (int i = 0; i < n; i++)
        {
            savedItems[i] = values[i]; // a permutation of the items, also after a failure
        }

        // What was put into the list while it was being sorted is dropped.
        bool modified = layout->allocated != -1;
        nint* finalItems = (nint*)layout->ob_item;
        int finalCount = (int)layout->ob_base.ob_size;
        layout->ob_item = (nint)savedItems;
        layout->ob_base.ob_size = n;
        layout->allocated = savedAllocated;
        if (finalItems != null)
        {
            for (int i = finalCount - 1; i >= 0; i--)
            {
                ObjectSpace.XDecRef(finalItems[i]);
            }
            CPart.PyMem_Free((nint)finalItems);
        }
        if (error is not null)
        {
            throw error;
        }
        if (modified)
        {
            throw new PythonException(PyExc.ValueError, "list modified during sort");
        }
    }

    internal override PyStr ReprCore() => ReprItems('[', ']', commaAfterSingleItem: false);

    internal override long HashCore() => throw Abstract.Unhashable(this);

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other is PyList l
        ? SequenceCompare.Compare(ToArray(), l.ToArray(), op)
        : PyNotImplemented.Instance;
}

/// <summary>CPython's listsort as far as it decides what is compared with what on short
/// lists: natural runs (strictly descending ones reversed), extended to minrun by binary
/// insertion, then stable merges of adjacent runs (without galloping). Keys and values
/// move together; a failed comparison leaves both arrays a permutation of what they were.</summary>
internal sealed class ListSorter(PyObject[] keys, nint[] values)
{
    private static bool Less(PyObject a, PyObject b) => Abstract.RichCompareBool(a, b, CompareOp.Lt);

    internal void Sort()
    {
        int n = keys.Length;
        if (n < 2)
        {
            return;
        }
        int minRun = MinRun(n);
        var runs = new List<(int Start, int Length)>();
        for (int lo = 0; lo < n;)
        {
            int run = CountRun(lo, n, out bool descending);
            if (descending)
            {
                Array.Reverse(keys, lo, run);
                Array.Reverse(values, lo, run);
            }
            if (run < minRun)
            {
                int forced = Math.Min(n - lo, minRun);
                BinarySort(lo, lo + forced, lo + run);
                run = forced;
            }
            runs.Add((lo, run));
            MergeCollapse(runs);
            lo += run;
        }
        while (runs.Count > 1)
        {
            MergeAt(runs, runs.Count - 2);
        }
    }

    /// <summary>merge_compute_minrun: n itself below 64, else a length in [32, 64].</summary>
    private static int MinRun(int n)
    {
        int r = 0;
        while (n >= 64)
        {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    /// <summary>The length of the run starting at lo: non-descending, or strictly descending.</summary>
    private int CountRun(int lo, int hi, out bool descending)
    {
        descending = false;
        if (lo + 1 == hi)
        {
            return 1;
        }
        int n = 2;
        if (Less(keys[lo + 1], keys[lo]))
        {
            descending = true;
            for (int k = lo + 2; k < hi && Less(keys[k], keys[k - 1]); k++)
            {
                n++;
            }
        }
        else
        {
            for (int k = lo + 2; k < hi && !Less(keys[k], keys[k - 1]); k++)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Sorts [lo, hi) whose prefix [lo, start) is already sorted, inserting each next
    /// item after the equal ones before it (stability).</summary>
    private void BinarySort(int lo, int hi, int start)
    {
        if (start == lo)
        {
            start++;
        }
        for (; start < hi; start++)
        {
            var pivot = keys[start];
            var pivotValue = values[start];
            int l = lo, r = start;
            while (l < r)
            {
                int p = l + ((r - l) >> 1);
                if (Less(pivot, keys[p]))
                {
                    r = p;
                }
                else
                {
                    l = p + 1;
                }
            }
            Array.Copy(keys, l, keys, l + 1, start - l);
            Array.Copy(values, l, values, l + 1, start - l);
            keys[l] = pivot;
            values[l] = pivotValue;
        }
    }

    /// <summary>Keeps run lengths decreasing fast enough that merges stay balanced.</summary>
    private void MergeCollapse(List<(int Start, int Length)> runs)
    {
        while (runs.Count > 1)
        {
            int i = runs.Count - 2;
            if (i > 0 && runs[i - 1].Length <= runs[i].Length + runs[i + 1].Length)
            {
                if (runs[i - 1].Length < runs[i + 1].Length)
                {
                    i--;
                }
                MergeAt(runs, i);
            }
            else if (runs[i].Length <= runs[i + 1].Length)
            {
                MergeAt(runs, i);
            }
            else
            {
                break;
            }
        }
    }

    private void MergeAt(List<(int Start, int Length)> runs, int i)
    {
        var (start, na) = runs[i];
        int nb = runs[i + 1].Length;
        Merge(start, na, nb);
        runs[i] = (start, na + nb);
        runs.RemoveAt(i + 1);
    }

    /// <summary>Merges [start, start+na) and the following nb items, taking from the right
    /// run only when its item is strictly less (stability).</summary>
    private void Merge(int start, int na, int nb)
    {
        var leftKeys = keys.AsSpan(start, na).ToArray();
        var leftValues = values.AsSpan(start, na).ToArray();
        int i = 0, j = start + na, end = start + na + nb, dest = start;
        try
        {
            while (i < na && j < end)
            {
                if (Less(keys[j], leftKeys[i]))
                {
                    keys[dest] = keys[j];
                    values[dest++] = values[j++];
                }
                else
                {
                    keys[dest] = leftKeys[i];
                    values[dest++] = leftValues[i++];
                }
            }
        }
        finally
        {
            // The rest of the left run goes just before what is left of the right run.
            for (; i < na; i++, dest++)
            {
                keys[dest] = leftKeys[i];
                values[dest] = leftValues[i];
            }
        }
    }
}

/// <summary>The methods of list, its constructor and PyList_Sort.</summary>
/// <summary>reversed(list) (list_reverseiterator): an index from the end; an item past the
/// list's current end ends the iteration.</summary>
internal sealed class PyListReverseIterator(PyList list) : PyIterator(BuiltinTypes.Get("list_reverseiterator"))
{
    private PyList? list = list;
    private long index = list.Count - 1;

    internal override PyObject? Next()
    {
        if (list is not null && index >= 0 && index < list.Count)
        {
            return list[(int)index--];
        }
        (list, index) = (null, -1);
        return null;
    }

    internal override long? LengthHint() => list is null || list.Count < index + 1 ? 0 : index + 1;
}

internal static class ListMethods
{
    private static PyList Self(PyObject? self) => (PyList)self!;

    /// <summary>An index argument (list.pop, list.insert): an int or an object with __index__.</summary>
    internal static long IndexArgument(PyObject o) => Abstract.AsSsize(o, PyExc.OverflowError);

    /// <summary>_PyEval_SliceIndexNotNone for index()'s start and stop: clamped, not an error.</summary>
    internal static long SliceIndex(PyObject o) => Abstract.IsIndex(o) ? Abstract.AsSsize(o, null)
        : throw new PythonException(PyExc.TypeError, "slice indices must be integers or have an __index__ method");

    /// <summary>index(value[, start[, stop]])'s search range within a sequence of n items.</summary>
    internal static (int Start, int Stop) SearchRange(PyObject[] args, int n)
    {
        long start = args.Length > 1 ? SliceIndex(args[1]) : 0, stop = args.Length > 2 ? SliceIndex(args[2]) : long.MaxValue;
        if (start < 0)
        {
            start = Math.Max(0, start + n);
        }
        if (stop < 0)
        {
            stop = Math.Max(0, stop + n);
        }
        return ((int)Math.Min(start, n), (int)Math.Min(stop, n));
    }

    /// <summary>The constructor of list and tuple: at most one positional argument, no keywords.</summary>
    internal static PyObject? SingleIterableArgument(string type, PyTuple args, PyDict? kwargs)
    {
        if (kwargs is not null && kwargs.Count > 0)
        {
            throw new PythonException(PyExc.TypeError, $"{type}() takes no keyword arguments");
        }
        var a = args.ToArray();
        ArgCheck.Range(type, a, 0, 1);
        return a.Length == 1 ? a[0] : null;
    }

    internal static void Register()
    {
        var list = BuiltinTypes.List;
        list.Constructor = (type, args, kwargs) =>
            SingleIterableArgument("list", args, kwargs) is { } iterable ? Abstract.ToList(iterable) : PyList.Create([]);
        void Add(string name, BuiltinBody body) => PyBuiltinMethodDescriptor.Add(list, name, body);
        void AddOne(string name, Func<PyList, PyObject, PyObject> body) =>
            Add(name, (self, args, kwargs) => body(Self(self), ArgCheck.One($"list.{name}", args, kwargs)));
        void AddNoArgs(string name, Func<PyList, PyObject> body) => Add(name, (self, args, kwargs) =>
        {
            ArgCheck.None($"list.{name}", args, kwargs);
            return body(Self(self));
        });

        AddOne("append", (l, item) =>
        {
            l.Append(item);
            return PyNone.Instance;
        });
        AddOne("extend", (l, iterable) =>
        {
            l.Extend(iterable);
            return PyNone.Instance;
        });
        AddOne("count", (l, value) => new PyInt(l.ToArray().Count(x => Abstract.RichCompareBool(x, value, CompareOp.Eq))));
        AddOne("remove", (l, value) =>
        {
            for (int i = 0; i < l.Count; i++)
            {
                if (Abstract.RichCompareBool(l[i], value, CompareOp.Eq))
                {
                    l.RemoveAt(i);
                    return PyNone.Instance;
                }
            }
            throw new PythonException(PyExc.ValueError, "list.remove(x): x not in list");
        });
        AddNoArgs("reverse", l =>
        {
            var items = l.ToArray();
            for (int i = 0; i < items.Length; i++)
            {
                l.SetItem(i, items[items.Length - 1 - i]);
            }
            return PyNone.Instance;
        });
        AddNoArgs("copy", l => PyList.Create(l.ToArray()));
        AddNoArgs("__sizeof__", l => new PyInt(l.Type.BasicSize + IntPtr.Size * l.Allocated));
        AddNoArgs("clear", l =>
        {
            l.Clear();
            return PyNone.Instance;
        });
        Add("pop", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("pop", kwargs);
            ArgCheck.Range("pop", args, 0, 1);
            var l = Self(self);
            long i = args.Length == 1 ? IndexArgument(args[0]) : -1;
            if (l.Count == 0)
            {
                throw new PythonException(PyExc.IndexError, "pop from empty list");
            }
            if (i < 0)
            {
                i += l.Count;
            }
            if (i < 0 || i >= l.Count)
            {
                throw new PythonException(PyExc.IndexError, "pop index out of range");
            }
            var item = l[(int)i];
            l.RemoveAt((int)i);
            return item;
        });
        Add("insert", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("insert", kwargs);
            ArgCheck.Range("insert", args, 2, 2);
            Self(self).Insert(Math.Clamp(IndexArgument(args[0]), int.MinValue, int.MaxValue), args[1]);
            return PyNone.Instance;
        });
        Add("index", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords("index", kwargs);
            ArgCheck.Range("index", args, 1, 3);
            var l = Self(self);
            var (start, stop) = SearchRange(args, l.Count);
            // The list may shrink while items are compared: its current length bounds the search.
            for (int i = start; i < stop && i < l.Count; i++)
            {
                if (Abstract.RichCompareBool(l[i], args[0], CompareOp.Eq))
                {
                    return new PyInt(i);
                }
            }
            throw new PythonException(PyExc.ValueError, $"{args[0].ReprString()} is not in list");
        });
        Add("sort", (self, args, kwargs) =>
        {
            if (args.Length != 0)
            {
                throw new PythonException(PyExc.TypeError, "sort() takes no positional arguments");
            }
            var (key, reverse) = SortOptions(kwargs);
            Self(self).Sort(key, reverse);
            return PyNone.Instance;
        });
        Add("__reversed__", (self, args, kwargs) =>
        {
            ArgCheck.None("list.__reversed__", args, kwargs);
            return new PyListReverseIterator(Self(self));
        });
        PyIterator.AddLengthHint(BuiltinTypes.Get("list_reverseiterator"));
        // A method, not mp_subscript's slot wrapper (METH_COEXIST in CPython).
        Add("__getitem__", (self, args, kwargs) => Abstract.GetItemOfKind(Self(self), ArgCheck.One("list.__getitem__", args, kwargs)));
    }

    /// <summary>sort()'s keyword-only key and reverse.</summary>
    internal static (PyObject? Key, bool Reverse) SortOptions(PyDict? kwargs)
    {
        PyObject? key = null;
        bool reverse = false;
        foreach (var (name, value) in kwargs?.Items() ?? [])
        {
            switch ((name as PyStr)?.Value)
            {
                case "key":
                    key = value is PyNone ? null : value;
                    break;
                case "reverse":
                    reverse = PyInt.Index(value) != 0;
                    break;
                default:
                    throw new PythonException(PyExc.TypeError, $"'{name.StrString()}' is an invalid keyword argument for sort()");
            }
        }
        return (key, reverse);
    }

    /// <summary>list.extend for C (Cython's list += iterable); returns None.</summary>
    [CApi]
    internal static NewReference _PyList_Extend(BorrowedReference list, BorrowedReference iterable)
    {
        if (ObjectSpace.FromNativeOrNull(list) is not PyList l || iterable.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        l.Extend(ObjectSpace.FromNativeForCall(iterable));
        return ObjectSpace.NewRef(PyNone.Instance);
    }

    [CApi]
    internal static int PyList_Sort(BorrowedReference list)
    {
        if (ObjectSpace.FromNativeOrNull(list) is not PyList l)
        {
            throw Abstract.BadInternalCall();
        }
        l.Sort(null, false);
        return 0;
    }
}
