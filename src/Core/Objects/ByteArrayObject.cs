using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>bytearray: a view of the native PyByteArrayObject, whose buffer is the storage
/// both worlds read and write (bytearrayobject.c). Every change of size goes through
/// PyByteArray_Resize, so exported buffers pin the size for managed code too.</summary>
internal sealed unsafe class PyByteArray : PyObject
{
    private PyByteArray(nint native) : base(BuiltinTypes.ByteArray) => Native = native;

    internal static PyByteArray FromNative(nint p) => new(p);

    internal static PyByteArray Create(ReadOnlySpan<byte> data)
    {
        nint p;
        fixed (byte* s = data)
        {
            p = CPart.PyByteArray_FromStringAndSize(s, data.Length);
        }
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        var array = (PyByteArray)ObjectSpace.FromNative(p);
        ObjectSpace.DecRef(p);
        return array;
    }

    internal override nint CreateNative() => throw new InvalidOperationException("a bytearray is born native");

    private PyByteArrayLayout* Layout => (PyByteArrayLayout*)Native;

    internal int Count => (int)Layout->ob_base.ob_size;

    /// <summary>The bytes allocated (ob_alloc): bytearray.__alloc__().</summary>
    internal long Allocated => Layout->ob_alloc;

    /// <summary>The bytes in use (they move when the array is resized: take the span anew after a change).</summary>
    internal Span<byte> Bytes => Count == 0 ? [] : new Span<byte>((byte*)Layout->ob_start, Count);

    internal void Resize(int size)
    {
        if (CPart.PyByteArray_Resize(Native, size) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    /// <summary>Replaces the <paramref name="count"/> bytes at <paramref name="start"/> by
    /// <paramref name="data"/> (which must not be a view of this array's own bytes).</summary>
    internal void Splice(int start, int count, ReadOnlySpan<byte> data)
    {
        int oldCount = Count, tail = oldCount - start - count, newCount = oldCount - count + data.Length;
        if (newCount > oldCount || (newCount < oldCount && Layout->ob_exports > 0))
        {
            Resize(newCount); // growing first; an exported array refuses before anything moves
        }
        var bytes = new Span<byte>((byte*)Layout->ob_start, Math.Max(oldCount, newCount));
        bytes.Slice(start + count, tail).CopyTo(bytes[(start + data.Length)..]);
        data.CopyTo(bytes[start..]);
        if (newCount < oldCount)
        {
            Resize(newCount);
        }
    }

    internal void Append(byte b) => Splice(Count, 0, [b]);

    /// <summary>self[key] = value, or del self[key] when value is null (bytearray_ass_subscript).</summary>
    internal void AssignSubscript(PyObject key, PyObject? value)
    {
        long start, stop, step, count;
        if (Abstract.IsIndex(key))
        {
            long i = Abstract.AsSsize(key, PyExc.IndexError);
            // The value is converted before the index is checked: its __index__ may resize the array.
            byte? b = value is null ? null : ByteArrayMethods.Byte(value);
            i = i < 0 ? i + Count : i;
            if (i < 0 || i >= Count)
            {
                throw new PythonException(PyExc.IndexError, "bytearray index out of range");
            }
            if (b is { } set)
            {
                Bytes[(int)i] = set;
                return;
            }
            (start, stop, step, count) = (i, i + 1, 1, 1);
        }
        else if (key is PySlice slice)
        {
            (start, stop, step) = slice.Unpack();
            count = PySlice.AdjustIndices(Count, ref start, ref stop, step);
        }
        else
        {
            throw new PythonException(PyExc.TypeError, $"bytearray indices must be integers or slices, not {key.Type.Name}");
        }
        byte[] data = [];
        if (value is not null)
        {
            if (Number.IsNumber(value) || value is PyStr)
            {
                throw new PythonException(PyExc.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            }
            // Anything but another bytearray is converted as bytearray(value) is (a copy for self).
            data = value is PyByteArray other && !ReferenceEquals(other, this) ? other.Bytes.ToArray()
                : ByteArrayMethods.InitialBytes([value, null, null]);
        }
        if ((step < 0 && start < stop) || (step > 0 && start > stop))
        {
            stop = start; // b[5:2] = x inserts at 5
        }
        if (step == 1)
        {
            Splice((int)start, (int)(stop - start), data);
        }
        else if (data.Length == 0)
        {
            DeleteExtended(start, step, count);
        }
        else if (data.Length != count)
        {
            throw new PythonException(PyExc.ValueError, $"attempt to assign bytes of size {data.Length} to extended slice of size {count}");
        }
        else
        {
            var bytes = Bytes;
            for (long k = 0; k < count; k++)
            {
                bytes[(int)(start + k * step)] = data[k];
            }
        }
    }

    /// <summary>Removes the <paramref name="count"/> bytes at start, start + step, ...: the
    /// kept bytes close up in order (an exported array refuses even an empty deletion).</summary>
    private void DeleteExtended(long start, long step, long count)
    {
        if (Layout->ob_exports > 0)
        {
            throw new PythonException(PyExc.BufferError, "Existing exports of data: object cannot be re-sized");
        }
        if (count == 0)
        {
            return;
        }
        var removed = new HashSet<long>();
        for (long k = 0; k < count; k++)
        {
            removed.Add(start + k * step);
        }
        var bytes = Bytes;
        int kept = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (!removed.Contains(i))
            {
                bytes[kept++] = bytes[i];
            }
        }
        Resize(kept);
    }

    internal override PyStr ReprCore() => new($"bytearray({PyBytes.Quote(Bytes, smartQuotes: true, alwaysEscapeApostrophe: true)})");

    internal override bool IsTrue() => Count != 0;

    internal override long HashCore() => throw Abstract.Unhashable(this);

    /// <summary>Compares with any bytes-like object; anything else is not comparable.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => BufferApi.BytesOfOrNull(other) is { } data
        ? PyBool.Of(NumericCompare.Apply(((ReadOnlySpan<byte>)Bytes).SequenceCompareTo(data), op))
        : PyNotImplemented.Instance;
}

/// <summary>The methods of bytearray beyond those it shares with bytes (BytesMethods), and its constructor.</summary>
internal static class ByteArrayMethods
{
    private static PyType Type => BuiltinTypes.ByteArray;

    private static void Add(string name, int min, int max, ArgStyle style, Func<PyByteArray, PyObject[], PyObject> body) =>
        PyBuiltinMethodDescriptor.Add(Type, name, (self, args, kwargs) =>
        {
            MethodArgs.Check(Type, name, args, kwargs, min, max, style);
            return body((PyByteArray)self!, args);
        });

    /// <summary>A byte argument: an int (or __index__) in range(256).</summary>
    internal static byte Byte(PyObject o)
    {
        var v = PyInt.Index(o);
        return v >= 0 && v <= 255 ? (byte)v : throw new PythonException(PyExc.ValueError, "byte must be in range(0, 256)");
    }

    /// <summary>The bytes of an iterable of ints, for the constructor and extend.</summary>
    private static byte[] IterableBytes(PyObject o, Func<PythonException> notIterable)
    {
        IEnumerable<PyObject> items;
        try
        {
            items = Abstract.Iterate(o);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw notIterable();
        }
        return items.Select(Byte).ToArray();
    }

    /// <summary>bytearray(source, encoding, errors) as bytearray_init reads its arguments.</summary>
    internal static byte[] InitialBytes(PyObject?[] a)
    {
        if (a[0] is PyStr text)
        {
            if (a[1] is not PyStr encoding)
            {
                throw new PythonException(PyExc.TypeError, a[1] is null ? "string argument without an encoding"
                    : $"bytearray() argument 'encoding' must be str, not {a[1]!.Type.Name}");
            }
            return Codecs.Encode(text, encoding.Value, (a[2] as PyStr)?.Value);
        }
        if (a[1] is not null)
        {
            throw new PythonException(PyExc.TypeError, "encoding without a string argument");
        }
        if (a[2] is not null)
        {
            throw new PythonException(PyExc.TypeError, "errors without a string argument");
        }
        if (a[0] is null)
        {
            return [];
        }
        if (BufferApi.BytesOf(a[0]!) is { } data)
        {
            return data;
        }
        if (Abstract.IsIndex(a[0]!))
        {
            long n = Abstract.AsSsize(a[0]!, PyExc.OverflowError);
            return n < 0 ? throw new PythonException(PyExc.ValueError, "negative count") : new byte[n];
        }
        return IterableBytes(a[0]!, () => new PythonException(PyExc.TypeError, $"cannot convert '{a[0]!.Type.Name}' object to bytearray"));
    }

    /// <summary>_common_reduce: protocols before 3 rebuild from a latin-1 str, later ones
    /// from bytes; the third item is the instance's __dict__, or None.</summary>
    private static PyObject Reduce(PyByteArray a, long protocol)
    {
        PyObject args = a.Count == 0 ? PyTuple.Empty
            : protocol < 3 ? PyTuple.Create([new PyStr(System.Text.Encoding.Latin1.GetString(a.Bytes)), new PyStr("latin-1")])
            : PyTuple.Create([new PyBytes(a.Bytes.ToArray())]);
        return PyTuple.Create([a.Type, args, a.Dict ?? (PyObject)PyNone.Instance]);
    }

    internal static void Register()
    {
        // bytearray.__new__ makes an empty array; __init__ (bytearray___init__) empties it and fills it anew.
        Type.Constructor = (_, _, _) => PyByteArray.Create([]);
        Type.Initializer = (self, args, kwargs) =>
        {
            var given = MethodArgs.WithKeywords("bytearray", args.ToArray(), kwargs, ["source", "encoding", "errors"]);
            var a = (PyByteArray)self;
            if (a.Count != 0)
            {
                a.Resize(0); // before the source is looked at: a bad one leaves the array empty
            }
            a.Splice(0, 0, InitialBytes(given));
        };
        Add("append", 1, 1, ArgStyle.One, (a, args) =>
        {
            a.Append(Byte(args[0]));
            return PyNone.Instance;
        });
        Add("extend", 1, 1, ArgStyle.One, (a, args) =>
        {
            var data = BufferApi.BytesOf(args[0])
                ?? IterableBytes(args[0], () => new PythonException(PyExc.TypeError, $"can't extend bytearray with {args[0].Type.Name}"));
            a.Splice(a.Count, 0, data);
            return PyNone.Instance;
        });
        Add("insert", 2, 2, ArgStyle.Clinic, (a, args) =>
        {
            long i = Abstract.AsSsize(args[0], PyExc.OverflowError);
            byte b = Byte(args[1]);
            i = i < 0 ? Math.Max(0, i + a.Count) : Math.Min(i, a.Count);
            a.Splice((int)i, 0, [b]);
            return PyNone.Instance;
        });
        Add("pop", 0, 1, ArgStyle.Clinic, (a, args) =>
        {
            long i = args.Length == 1 ? Abstract.AsSsize(args[0], PyExc.OverflowError) : -1;
            if (a.Count == 0)
            {
                throw new PythonException(PyExc.IndexError, "pop from empty bytearray");
            }
            if (i < 0)
            {
                i += a.Count;
            }
            if (i < 0 || i >= a.Count)
            {
                throw new PythonException(PyExc.IndexError, "pop index out of range");
            }
            byte b = a.Bytes[(int)i];
            a.Splice((int)i, 1, []);
            return new PyInt(b);
        });
        Add("remove", 1, 1, ArgStyle.One, (a, args) =>
        {
            int at = a.Bytes.IndexOf(Byte(args[0]));
            if (at < 0)
            {
                throw new PythonException(PyExc.ValueError, "value not found in bytearray");
            }
            a.Splice(at, 1, []);
            return PyNone.Instance;
        });
        Add("clear", 0, 0, ArgStyle.NoArgs, (a, _) =>
        {
            a.Resize(0);
            return PyNone.Instance;
        });
        Add("copy", 0, 0, ArgStyle.NoArgs, (a, _) => PyByteArray.Create(a.Bytes));
        Add("__alloc__", 0, 0, ArgStyle.NoArgs, (a, _) => new PyInt(a.Allocated));
        Add("__sizeof__", 0, 0, ArgStyle.NoArgs, (a, _) => new PyInt(a.Type.BasicSize + a.Allocated));
        Add("__reduce__", 0, 0, ArgStyle.NoArgs, (a, _) => Reduce(a, 0));
        Add("__reduce_ex__", 0, 1, ArgStyle.Clinic, (a, args) => Reduce(a, args.Length == 0 ? 0 : Abstract.AsSsize(args[0], PyExc.OverflowError)));
        Add("reverse", 0, 0, ArgStyle.NoArgs, (a, _) =>
        {
            a.Bytes.Reverse();
            return PyNone.Instance;
        });
    }
}
