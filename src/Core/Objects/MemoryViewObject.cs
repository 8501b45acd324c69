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

    internal long Length()
    {
        var view = View;
        return view->ndim == 0 ? throw new PythonException(PyExc.TypeError, "0-dim memory has no length") : view->shape[0];
    }

    internal void Release()
    {
        if (CPart.pycapi_memoryview_release(Native) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    /// <summary>The address of item i of a one-dimensional view (negative from the end).</summary>
    private byte* ItemAddress(long i)
    {
        var view = View;
        if (view->ndim == 0)
        {
            throw new PythonException(PyExc.TypeError, "invalid indexing of 0-dim memory");
        }
        if (view->ndim > 1)
        {
            throw new PythonException(PyExc.Get("NotImplementedError"), "multi-dimensional sub-views are not implemented");
        }
        if (i < 0)
        {
            i += view->shape[0];
        }
        if (i < 0 || i >= view->shape[0])
        {
            throw new PythonException(PyExc.IndexError, "index out of bounds on dimension 1");
        }
        byte* p = (byte*)view->buf + view->strides[0] * i;
        return view->suboffsets != null && view->suboffsets[0] >= 0 ? *(byte**)p + view->suboffsets[0] : p;
    }

    internal PyObject GetItem(long i) => Unpack(Format, ItemAddress(i));

    internal void SetItem(long i, PyObject? value)
    {
        var view = View;
        if (view->@readonly != 0)
        {
            throw new PythonException(PyExc.TypeError, "cannot modify read-only memory");
        }
        if (value is null)
        {
            throw new PythonException(PyExc.TypeError, "cannot delete memory");
        }
        Pack(Format, ItemAddress(i), value);
    }

    /// <summary>The items, nested by dimension (a 0-dim view gives its single item).</summary>
    internal PyObject ToList()
    {
        var view = View;
        string format = Format;
        PyObject Build(int dimension, byte* p)
        {
            if (dimension == view->ndim)
            {
                return Unpack(format, view->suboffsets != null && dimension > 0 && view->suboffsets[dimension - 1] >= 0
                    ? *(byte**)p + view->suboffsets[dimension - 1] : p);
            }
            var items = new PyObject[view->shape[dimension]];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Build(dimension + 1, p + view->strides[dimension] * i);
            }
            return PyList.Create(items);
        }
        return Build(0, (byte*)view->buf);
    }

    internal byte[] ToBytes()
    {
        _ = View;
        return BufferApi.BytesOf(this)!;
    }

    private static PythonException Unsupported(string format) =>
        new(PyExc.Get("NotImplementedError"), $"memoryview: format {format} not supported");

    /// <summary>One item of a native struct format ('@' prefix allowed).</summary>
    private static PyObject Unpack(string format, byte* p) => format.TrimStart('@') switch
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
        "L" or "Q" or "N" => new PyInt(*(ulong*)p),
        "f" => new PyFloat(*(float*)p),
        "d" => new PyFloat(*(double*)p),
        _ => throw Unsupported(format),
    };

    private static void Pack(string format, byte* p, PyObject value)
    {
        string code = format.TrimStart('@');
        var invalidType = new PythonException(PyExc.TypeError, $"memoryview: invalid type for format '{format}'");
        var invalidValue = new PythonException(PyExc.ValueError, $"memoryview: invalid value for format '{format}'");
        BigInteger Integer(BigInteger min, BigInteger max)
        {
            BigInteger v = Abstract.IsIndex(value) ? PyInt.Index(value) : throw invalidType;
            return v >= min && v <= max ? v : throw invalidValue;
        }
        double Real() => value switch
        {
            PyFloat f => f.Value,
            PyInt i => (double)i.Value,
            _ => throw invalidType,
        };
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
            case "f": *(float*)p = (float)Real(); break;
            case "d": *(double*)p = Real(); break;
            default: throw Unsupported(format);
        }
    }

    internal override PyStr ReprCore() =>
        new($"<{(IsReleased ? "released " : "")}memory at 0x{Native:x}>");

    /// <summary>bool(view) is len(view) != 0, with len's errors (a released or 0-dim view raises).</summary>
    internal override bool IsTrue() => Length() != 0;

    /// <summary>Read-only views of bytes-like formats hash as their bytes do.</summary>
    internal override long HashCore()
    {
        var view = View;
        if (view->@readonly == 0)
        {
            throw new PythonException(PyExc.ValueError, "cannot hash writable memoryview object");
        }
        return Format.TrimStart('@') is "B" or "b" or "c" ? PyHash.Bytes(ToBytes())
            : throw new PythonException(PyExc.ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }

    /// <summary>== and != only: equal shapes and equal items (a released view equals only itself).</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Instance;
        }
        bool equal;
        if (ReferenceEquals(this, other) || IsReleased || other is PyMemoryView { IsReleased: true })
        {
            equal = ReferenceEquals(this, other);
        }
        else if (other is PyMemoryView || BufferApi.BytesOf(other) is not null)
        {
            var view = other as PyMemoryView ?? Of(other);
            equal = Abstract.RichCompareBool(ToList(), view.ToList(), CompareOp.Eq);
        }
        else
        {
            return PyNotImplemented.Instance;
        }
        return PyBool.Of(equal == (op == CompareOp.Eq));
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
        Add("tobytes", 0, 0, ArgStyle.Clinic, (m, _) => new PyBytes(m.ToBytes()));
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
        ContainerSlots.Add(Type);
    }
}
