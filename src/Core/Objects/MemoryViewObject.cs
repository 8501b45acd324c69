using System.Numerics;
using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>memoryview: a view of the native PyMemoryViewObject, which holds the exporter's
/// buffer (memoryobject.c). Items are read and written in place, unpacked by the format
/// (the struct module's native codes without a count).</summary>
internal sealed unsafe class PyMemoryView : PyObject
{
    private PyMemoryView(nint native) : base(BuiltinTypes.MemoryView) => Native = native;

    internal static PyMemoryView FromNative(nint p) => new(p);

    internal static PyMemoryView Of(PyObject o)
    {
        nint p = CPart.PyMemoryView_FromObject(ObjectSpace.ToNative(o));
        return p == 0 ? throw PythonException.FetchOrSystemError() : (PyMemoryView)ObjectSpace.Steal(p);
    }

    internal override nint CreateNative() => throw new InvalidOperationException("a memoryview is born native");

    private PyMemoryViewLayout* Layout => (PyMemoryViewLayout*)Native;

    internal bool IsReleased => (Layout->flags & PyMemoryViewLayout.Released) != 0;

    /// <summary>The view, once checked not to be released.</summary>
    internal PyBufferLayout* View => IsReleased
        ? throw new PythonException(PyExc.ValueError, "operation forbidden on released memoryview object")
        : &Layout->view;

    internal string Format => Marshal.PtrToStringUTF8((nint)View->format)!;

    /// <summary>len(view): a 0-dim view has its one item.</summary>
    internal long Length()
    {
        var view = View;
        return view->ndim == 0 ? 1 : view->shape[0];
    }

    internal void Release()
    {
        if (CPart.pycapi_memoryview_release(Native) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    private static PythonException NotImplemented(string message) => new(PyExc.Get("NotImplementedError"), message);

    /// <summary>The view's format as a single character without its '@' (adjust_fmt): the
    /// formats whose items memoryview reads and writes.</summary>
    private string ItemFormat()
    {
        string format = Format;
        string code = format.StartsWith('@') ? format[1..] : format;
        return code.Length == 1 ? code : throw NotImplemented($"memoryview: unsupported format {format}");
    }

    /// <summary>The address of item <paramref name="index"/> (negative from the end) along
    /// dimension <paramref name="dim"/>, from <paramref name="p"/> (lookup_dimension).</summary>
    private static byte* Dimension(PyBufferLayout* view, byte* p, int dim, long index)
    {
        long count = view->shape[dim];
        index = index < 0 ? index + count : index;
        if (index < 0 || index >= count)
        {
            throw new PythonException(PyExc.IndexError, $"index out of bounds on dimension {dim + 1}");
        }
        p += view->strides[dim] * index;
        return view->suboffsets != null && view->suboffsets[dim] >= 0 ? *(byte**)p + view->suboffsets[dim] : p;
    }

    /// <summary>The address of the item a tuple of indices names (ptr_from_tuple).</summary>
    private static byte* TupleAddress(PyBufferLayout* view, PyTuple indices)
    {
        if (indices.Count < view->ndim)
        {
            throw NotImplemented("sub-views are not implemented");
        }
        if (indices.Count > view->ndim)
        {
            throw new PythonException(PyExc.TypeError, $"cannot index {view->ndim}-dimension view with {indices.Count}-element tuple");
        }
        byte* p = (byte*)view->buf;
        for (int dim = 0; dim < indices.Count; dim++)
        {
            p = Dimension(view, p, dim, Abstract.AsSsize(indices[dim], PyExc.IndexError));
        }
        return p;
    }

    private static bool IsMultiIndex(PyObject key) => key is PyTuple t && t.ToArray().All(Abstract.IsIndex);

    private static bool IsMultiSlice(PyObject key) => key is PyTuple t && t.ToArray().All(k => k is PySlice);

    /// <summary>view[i] (sq_item, memory_item).</summary>
    internal PyObject GetItem(long i)
    {
        var view = View;
        string format = ItemFormat();
        return view->ndim switch
        {
            0 => throw new PythonException(PyExc.TypeError, "invalid indexing of 0-dim memory"),
            1 => Unpack(format, Dimension(view, (byte*)view->buf, 0, i)),
            _ => throw NotImplemented("multi-dimensional sub-views are not implemented"),
        };
    }

    /// <summary>view[key] (memory_subscript): an item by index or tuple of indices, a
    /// sub-view by a slice of the first dimension; a 0-dim view takes () and ....</summary>
    internal PyObject Subscript(PyObject key)
    {
        var view = View;
        if (view->ndim == 0)
        {
            return key switch
            {
                PyTuple { Count: 0 } => Unpack(ItemFormat(), (byte*)view->buf),
                PyEllipsis => this,
                _ => throw new PythonException(PyExc.TypeError, "invalid indexing of 0-dim memory"),
            };
        }
        if (Abstract.IsIndex(key))
        {
            return GetItem(Abstract.AsSsize(key, PyExc.IndexError));
        }
        if (key is PySlice slice)
        {
            var (start, stop, step) = slice.Unpack();
            long count = PySlice.AdjustIndices(view->shape[0], ref start, ref stop, step);
            return Derived(CPart.pycapi_memoryview_slice(Native, (nint)start, (nint)step, (nint)count));
        }
        if (IsMultiIndex(key))
        {
            string format = ItemFormat();
            return Unpack(format, TupleAddress(view, (PyTuple)key));
        }
        throw IsMultiSlice(key) ? NotImplemented("multi-dimensional slicing is not implemented")
            : new PythonException(PyExc.TypeError, "memoryview: invalid slice key");
    }

    /// <summary>view[key] = value (memory_ass_sub); deleting is refused.</summary>
    internal void SetItem(PyObject key, PyObject? value)
    {
        var view = View;
        string format = ItemFormat();
        if (view->@readonly != 0)
        {
            throw new PythonException(PyExc.TypeError, "cannot modify read-only memory");
        }
        if (value is null)
        {
            throw new PythonException(PyExc.TypeError, "cannot delete memory");
        }
        if (view->ndim == 0)
        {
            Pack(format, key is PyEllipsis or PyTuple { Count: 0 } ? (byte*)view->buf
                : throw new PythonException(PyExc.TypeError, "invalid indexing of 0-dim memory"), value);
            return;
        }
        if (Abstract.IsIndex(key))
        {
            if (view->ndim > 1)
            {
                throw NotImplemented("sub-views are not implemented");
            }
            Pack(format, Dimension(view, (byte*)view->buf, 0, Abstract.AsSsize(key, PyExc.IndexError)), value);
            return;
        }
        if (key is PySlice && view->ndim == 1)
        {
            if (CPart.pycapi_memoryview_assign_slice(Native, ObjectSpace.ToNative(key), ObjectSpace.ToNative(value)) < 0)
            {
                throw PythonException.FetchOrSystemError();
            }
            return;
        }
        if (IsMultiIndex(key))
        {
            Pack(format, TupleAddress(view, (PyTuple)key), value);
            return;
        }
        throw key is PySlice || IsMultiSlice(key) ? NotImplemented("memoryview slice assignments are currently restricted to ndim = 1")
            : new PythonException(PyExc.TypeError, "memoryview: invalid slice key");
    }

    /// <summary>iter(view) (memory_iter): one-dimensional views of a single-character format
    /// only. A released view gives an iterator with no items (CPython's takes the length -1
    /// memory_length answers for it).</summary>
    internal PyIterator Iterate()
    {
        if (IsReleased)
        {
            return new PyMemoryIterator(this, "B", 0);
        }
        var view = View;
        return view->ndim switch
        {
            0 => throw new PythonException(PyExc.TypeError, "invalid indexing of 0-dim memory"),
            1 => new PyMemoryIterator(this, ItemFormat(), view->shape[0]),
            _ => throw NotImplemented("multi-dimensional sub-views are not implemented"),
        };
    }

    /// <summary>Item <paramref name="i"/> (in range) of a one-dimensional view, for its iterator.</summary>
    internal PyObject ItemForIterator(string format, long i) => Unpack(format, Dimension(View, (byte*)View->buf, 0, i));

    /// <summary>A new view made by memoryobject.c (cast, toreadonly, a slice).</summary>
    internal static PyMemoryView Derived(nint p) => p == 0 ? throw PythonException.FetchOrSystemError() : (PyMemoryView)ObjectSpace.Steal(p);

    /// <summary>The items, nested by dimension (a 0-dim view gives its single item).</summary>
    internal PyObject ToList()
    {
        var view = View;
        string format = ItemFormat();
        PyObject Build(int dimension, byte* p)
        {
            if (dimension == view->ndim)
            {
                return Unpack(format, p);
            }
            var items = new PyObject[view->shape[dimension]];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Build(dimension + 1, Dimension(view, p, dimension, i));
            }
            return PyList.Create(items);
        }
        return Build(0, (byte*)view->buf);
    }

    /// <summary>The bytes of the items in C, Fortran ('F') or either ('A') order.</summary>
    internal byte[] ToBytes(char order = 'C')
    {
        var view = View;
        var data = new byte[view->len];
        fixed (byte* p = data)
        {
            if (CPart.PyBuffer_ToContiguous(p, view, view->len, (sbyte)order) < 0)
            {
                throw PythonException.FetchOrSystemError();
            }
        }
        return data;
    }

    private static PythonException Unsupported(string format) => NotImplemented($"memoryview: format {format} not supported");

    /// <summary>One item of a native single-character struct format.</summary>
    private static PyObject Unpack(string code, byte* p) => code switch
    {
        "B" => new PyInt(*p),
        "b" => new PyInt((sbyte)*p),
        "c" => new PyBytes([*p]),
        "?" => PyBool.Of(*p != 0),
        "h" => new PyInt(*(short*)p),
        "H" => new PyInt(*(ushort*)p),
        "i" => new PyInt(*(int*)p),
        "I" => new PyInt(*(uint*)p),
        "l" or "q" or "n" => new PyInt(*(long*)p),
        "L" or "Q" or "N" or "P" => new PyInt(*(ulong*)p),
        "f" => new PyFloat(*(float*)p),
        "d" => new PyFloat(*(double*)p),
        _ => throw Unsupported(code),
    };

    /// <summary>Writes one item; a value of the wrong type or out of range gets the format's
    /// TypeError or ValueError, as pack_single's fix_error_int turns them.</summary>
    private static void Pack(string code, byte* p, PyObject value)
    {
        var invalidType = new PythonException(PyExc.TypeError, $"memoryview: invalid type for format '{code}'");
        var invalidValue = new PythonException(PyExc.ValueError, $"memoryview: invalid value for format '{code}'");
        T Convert<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
            {
                throw invalidType;
            }
            catch (PythonException e) when (e.Type is PyType t && (t.IsSubtypeOf(PyExc.OverflowError) || t.IsSubtypeOf(PyExc.ValueError)))
            {
                throw invalidValue;
            }
        }
        BigInteger Integer(BigInteger min, BigInteger max)
        {
            var v = Convert(() => Number.Index(value).Value);
            return v >= min && v <= max ? v : throw invalidValue;
        }
        double Real() => Convert(() => FloatApi.PyFloat_AsDouble(ObjectSpace.Borrow(value)));
        switch (code)
        {
            case "B": *p = (byte)Integer(byte.MinValue, byte.MaxValue); break;
            case "b": *(sbyte*)p = (sbyte)Integer(sbyte.MinValue, sbyte.MaxValue); break;
            case "c": *p = value is PyBytes { Value.Length: 1 } b ? b.Value[0] : throw (value is PyBytes ? invalidValue : invalidType); break;
            case "?": *p = (byte)(value.IsTrue() ? 1 : 0); break;
            case "h": *(short*)p = (short)Integer(short.MinValue, short.MaxValue); break;
            case "H": *(ushort*)p = (ushort)Integer(ushort.MinValue, ushort.MaxValue); break;
            case "i": *(int*)p = (int)Integer(int.MinValue, int.MaxValue); break;
            case "I": *(uint*)p = (uint)Integer(uint.MinValue, uint.MaxValue); break;
            case "l" or "q" or "n": *(long*)p = (long)Integer(long.MinValue, long.MaxValue); break;
            case "L" or "Q" or "N": *(ulong*)p = (ulong)Integer(ulong.MinValue, ulong.MaxValue); break;
            case "P": *(nint*)p = Convert(() => LongApi.PyLong_AsVoidPtr(ObjectSpace.Borrow(value))); break;
            case "f": *(float*)p = (float)Real(); break;
            case "d": *(double*)p = Real(); break;
            default: throw Unsupported(code);
        }
    }

    internal override PyStr ReprCore() =>
        new($"<{(IsReleased ? "released " : "")}memory at 0x{Native:x}>");

    /// <summary>bool(view) is len(view) != 0, with len's errors (a released view raises).</summary>
    internal override bool IsTrue() => Length() != 0;

    /// <summary>Read-only views of byte formats hash as their bytes do, once their exporter
    /// hashes; the hash is kept, so a released view still has it.</summary>
    internal override long HashCore()
    {
        if (Layout->hash != -1)
        {
            return Layout->hash;
        }
        var view = View;
        if (view->@readonly == 0)
        {
            throw new PythonException(PyExc.ValueError, "cannot hash writable memoryview object");
        }
        if (Format is not ("B" or "b" or "c" or "@B" or "@b" or "@c"))
        {
            throw new PythonException(PyExc.ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        }
        if (view->obj != 0)
        {
            ObjectSpace.FromNative(view->obj).Hash();
        }
        return Layout->hash = (nint)PyHash.Bytes(ToBytes());
    }

    /// <summary>== and != only: equal shapes and equal items, whatever the two formats (a
    /// released view equals only itself); an object without a buffer is not comparable.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Instance;
        }
        bool equal;
        if (IsReleased || other is PyMemoryView { IsReleased: true })
        {
            equal = ReferenceEquals(this, other);
        }
        else
        {
            PyMemoryView view;
            try
            {
                view = other as PyMemoryView ?? Of(other);
            }
            catch (PythonException)
            {
                return PyNotImplemented.Instance;
            }
            try
            {
                equal = Abstract.RichCompareBool(ToList(), view.ToList(), CompareOp.Eq);
            }
            catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.Get("NotImplementedError")))
            {
                return PyNotImplemented.Instance; // a format only the struct module reads
            }
        }
        return PyBool.Of(equal == (op == CompareOp.Eq));
    }
}

/// <summary>memory_iterator: the items of a one-dimensional view, read as it steps.</summary>
internal sealed class PyMemoryIterator(PyMemoryView view, string format, long length) : PyIterator(BuiltinTypes.Get("memory_iterator"))
{
    private PyMemoryView? view = view;
    private long index;

    internal override PyObject? Next()
    {
        if (view is not null && index < length)
        {
            return view.ItemForIterator(format, index++);
        }
        view = null;
        return null;
    }
}

/// <summary>memoryview's constructor, methods and attributes.</summary>
internal static unsafe class MemoryViewMethods
{
    private static PyType Type => BuiltinTypes.MemoryView;

    private static void Add(string name, int min, int max, ArgStyle style, Func<PyMemoryView, PyObject[], PyObject> body) =>
        PyBuiltinMethodDescriptor.Add(Type, name, (self, args, kwargs) =>
        {
            MethodArgs.Check(Type, name, args, kwargs, min, max, style);
            return body((PyMemoryView)self!, args);
        });

    private static void Attribute(string name, Func<PyMemoryView, PyObject> get) =>
        PyGetSetDescriptor.Add(Type, name, o => get((PyMemoryView)o));

    private static PyTuple Dimensions(PyMemoryView m, Func<nint> pointer)
    {
        var view = m.View;
        nint* values = (nint*)pointer();
        return PyTuple.Create(values == null ? [] : Enumerable.Range(0, view->ndim).Select(i => (PyObject)new PyInt(values[i])).ToArray());
    }

    internal static void Register()
    {
        Type.Constructor = (type, args, kwargs) =>
            PyMemoryView.Of(MethodArgs.WithKeywords("memoryview", args.ToArray(), kwargs, ["object"], required: 1)[0]!);
        PyBuiltinMethodDescriptor.Add(Type, "tobytes", (self, args, kwargs) =>
        {
            var order = MethodArgs.WithKeywords("tobytes", args, kwargs, ["order"])[0];
            return new PyBytes(((PyMemoryView)self!).ToBytes(order switch
            {
                null or PyNone or PyStr { Value: "C" } => 'C',
                PyStr { Value: "F" } => 'F',
                PyStr { Value: "A" } => 'A',
                PyStr => throw new PythonException(PyExc.ValueError, "order must be 'C', 'F' or 'A'"),
                _ => throw new PythonException(PyExc.TypeError, $"tobytes() argument 'order' must be str or None, not {order.Type.Name}"),
            }));
        });
        PyBuiltinMethodDescriptor.Add(Type, "cast", (self, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("cast", args, kwargs, ["format", "shape"], required: 1);
            var format = a[0] as PyStr ?? throw new PythonException(PyExc.TypeError, $"cast() argument 'format' must be str, not {a[0]!.Type.Name}");
            return PyMemoryView.Derived(CPart.pycapi_memoryview_cast(((PyMemoryView)self!).Native, ObjectSpace.ToNative(format),
                a[1] is null ? 0 : ObjectSpace.ToNative(a[1]!)));
        });
        Add("toreadonly", 0, 0, ArgStyle.NoArgs, (m, _) => PyMemoryView.Derived(CPart.pycapi_memoryview_toreadonly(m.Native)));
        Add("tolist", 0, 0, ArgStyle.NoArgs, (m, _) => m.ToList());
        PyBuiltinMethodDescriptor.Add(Type, "hex", (self, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("hex", args, kwargs, ["sep", "bytes_per_sep"]);
            return new PyStr(BytesOps.Hex(((PyMemoryView)self!).ToBytes(), a[0], a[1]));
        });
        Add("release", 0, 0, ArgStyle.NoArgs, (m, _) =>
        {
            m.Release();
            return PyNone.Instance;
        });
        Add("__enter__", 0, 0, ArgStyle.NoArgs, (m, args) =>
        {
            _ = m.View; // a released view cannot be entered
            return m;
        });
        Add("__exit__", 0, int.MaxValue, ArgStyle.ParseTuple, (m, _) =>
        {
            m.Release();
            return PyNone.Instance;
        });
        Attribute("obj", m => m.View->obj == 0 ? PyNone.Instance : ObjectSpace.FromNative(m.View->obj));
        Attribute("nbytes", m => new PyInt(m.View->len));
        Attribute("readonly", m => PyBool.Of(m.View->@readonly != 0));
        Attribute("itemsize", m => new PyInt(m.View->itemsize));
        Attribute("format", m => new PyStr(m.Format));
        Attribute("ndim", m => new PyInt(m.View->ndim));
        Attribute("shape", m => Dimensions(m, () => (nint)m.View->shape));
        Attribute("strides", m => Dimensions(m, () => (nint)m.View->strides));
        Attribute("suboffsets", m => Dimensions(m, () => (nint)m.View->suboffsets));
        Attribute("c_contiguous", m => PyBool.Of(BufferApi.PyBuffer_IsContiguous(m.View, (sbyte)'C') != 0));
        Attribute("f_contiguous", m => PyBool.Of(BufferApi.PyBuffer_IsContiguous(m.View, (sbyte)'F') != 0));
        Attribute("contiguous", m => PyBool.Of(BufferApi.PyBuffer_IsContiguous(m.View, (sbyte)'A') != 0));
        PyIterator.AddLengthHint(BuiltinTypes.Get("memory_iterator"));
    }
}
