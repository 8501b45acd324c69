using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Py_buffer with CPython's layout (object.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBufferLayout
{
    public nint buf;
    public nint obj;
    public nint len;
    public nint itemsize;
    public int @readonly;
    public int ndim;
    public byte* format;
    public nint* shape;
    public nint* strides;
    public nint* suboffsets;
    public nint @internal;
}

/// <summary>The buffer protocol (PEP 3118) as CPython's abstract.c serves it: through the
/// type's tp_as_buffer, which our buffer-supporting static types (bytes) fill in C.</summary>
internal static unsafe class BufferApi
{
    private const int BufWritable = 0x1, BufFormat = 0x4, BufND = 0x8, BufStrides = 0x10 | BufND;
    internal const int BufFullReadOnly = 0x100 | BufStrides | BufFormat;

    /// <summary><see cref="BytesOf"/>, taking an exporter's refusal (a released memoryview) as
    /// "not bytes-like", as comparisons and concatenation do.</summary>
    internal static byte[]? BytesOfOrNull(PyObject o)
    {
        try
        {
            return BytesOf(o);
        }
        catch (PythonException)
        {
            return null;
        }
    }

    /// <summary>A copy of the bytes of a bytes-like object (bytes, bytearray, memoryview, an
    /// instance of a C type with bf_getbuffer), in C order; null for any other object.</summary>
    internal static byte[]? BytesOf(PyObject o)
    {
        switch (o)
        {
            case PyBytes b:
                return b.Value;
            case PyByteArray a:
                return a.Bytes.ToArray();
            case not (PyMemoryView or PyNativeInstance):
                return null;
        }
        var native = ObjectSpace.Borrow(o);
        if (Procs(native.Address).GetBuffer == 0)
        {
            return null;
        }
        PyBufferLayout view;
        PyObject_GetBuffer(native, &view, BufFullReadOnly);
        try
        {
            var data = new byte[view.len];
            fixed (byte* p = data)
            {
                if (CPart.PyBuffer_ToContiguous(p, &view, view.len, (sbyte)'C') < 0)
                {
                    throw PythonException.FetchOrSystemError();
                }
            }
            return data;
        }
        finally
        {
            PyBuffer_Release(&view);
        }
    }

    /// <summary>The type's PyBufferProcs slots (0 when the type has none).</summary>
    private static (nint GetBuffer, nint ReleaseBuffer) Procs(nint obj)
    {
        var type = (PyTypeObjectLayout*)((PyObjectHead*)obj)->ob_type;
        var procs = (PyHeapTypeLayout.BufferProcs*)type->tp_as_buffer;
        return procs == null ? (0, 0) : (procs->bf_getbuffer, procs->bf_releasebuffer);
    }

    [CApi(Error = "0")]
    internal static int PyObject_CheckBuffer(BorrowedReference obj) => !obj.IsNull && Procs(obj.Address).GetBuffer != 0 ? 1 : 0;

    [CApi]
    internal static int PyObject_GetBuffer(BorrowedReference obj, PyBufferLayout* view, int flags)
    {
        if (obj.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        nint getBuffer = Procs(obj.Address).GetBuffer;
        if (getBuffer == 0)
        {
            var type = (PyTypeObjectLayout*)((PyObjectHead*)obj.Address)->ob_type;
            string typeName = Marshal.PtrToStringUTF8((nint)type->tp_name)!;
            throw new PythonException(PyExc.TypeError, $"a bytes-like object is required, not '{typeName}'");
        }
        int rc = ((delegate* unmanaged<nint, PyBufferLayout*, int, int>)getBuffer)(obj.Address, view, flags);
        return rc == 0 ? 0 : throw PythonException.FetchOrSystemError();
    }

    /// <summary>Calls bf_releasebuffer and drops the view's reference to its object.</summary>
    [CApi]
    internal static void PyBuffer_Release(PyBufferLayout* view)
    {
        nint obj = view->obj;
        if (obj == 0)
        {
            return;
        }
        nint releaseBuffer = Procs(obj).ReleaseBuffer;
        if (releaseBuffer != 0)
        {
            ((delegate* unmanaged<nint, PyBufferLayout*, void>)releaseBuffer)(obj, view);
        }
        view->obj = 0;
        ObjectSpace.DecRef(obj);
    }

    private static readonly nint UnsignedByteFormat = Marshal.StringToCoTaskMemUTF8("B");

    /// <summary>A one-dimensional buffer of bytes over buf, holding a reference to obj.</summary>
    [CApi]
    internal static int PyBuffer_FillInfo(PyBufferLayout* view, BorrowedReference obj, nint buf, nint len, int @readonly, int flags)
    {
        if (view == null)
        {
            throw new PythonException(PyExc.Get("BufferError"), "PyBuffer_FillInfo: view==NULL argument is obsolete");
        }
        if ((flags & BufWritable) == BufWritable && @readonly == 1)
        {
            throw new PythonException(PyExc.Get("BufferError"), "Object is not writable.");
        }
        view->obj = obj.Address;
        if (!obj.IsNull)
        {
            ObjectSpace.IncRef(obj.Address);
        }
        view->buf = buf;
        view->len = len;
        view->@readonly = @readonly;
        view->itemsize = 1;
        view->format = (flags & BufFormat) == BufFormat ? (byte*)UnsignedByteFormat : null;
        view->ndim = 1;
        view->shape = (flags & BufND) == BufND ? &view->len : null;
        view->strides = (flags & BufStrides) == BufStrides ? &view->itemsize : null;
        view->suboffsets = null;
        view->@internal = 0;
        return 0;
    }

    /// <summary>'C', 'F' or 'A' (either) contiguity; anything with suboffsets is not.</summary>
    [CApi(Error = "0")]
    internal static int PyBuffer_IsContiguous(PyBufferLayout* view, sbyte order)
    {
        if (view->suboffsets != null)
        {
            return 0;
        }
        bool contiguous = order switch
        {
            (sbyte)'C' => IsCContiguous(view),
            (sbyte)'F' => IsFortranContiguous(view),
            (sbyte)'A' => IsCContiguous(view) || IsFortranContiguous(view),
            _ => false,
        };
        return contiguous ? 1 : 0;
    }

    private static bool IsCContiguous(PyBufferLayout* view)
    {
        if (view->len == 0 || view->strides == null)
        {
            return true;
        }
        return StridesMatch(view, Enumerable.Range(0, view->ndim).Reverse());
    }

    private static bool IsFortranContiguous(PyBufferLayout* view)
    {
        if (view->len == 0)
        {
            return true;
        }
        if (view->strides == null)
        {
            // C-contiguous by definition: Fortran-contiguous too when at most one dimension exceeds 1.
            if (view->ndim <= 1)
            {
                return true;
            }
            int longDimensions = 0;
            for (int i = 0; i < view->ndim; i++)
            {
                if (view->shape[i] > 1)
                {
                    longDimensions++;
                }
            }
            return longDimensions <= 1;
        }
        return StridesMatch(view, Enumerable.Range(0, view->ndim));
    }

    /// <summary>Each dimension longer than 1, in the given order, steps by the size of the ones before it.</summary>
    private static bool StridesMatch(PyBufferLayout* view, IEnumerable<int> dimensions)
    {
        nint expected = view->itemsize;
        foreach (int i in dimensions)
        {
            nint extent = view->shape[i];
            if (extent > 1 && view->strides[i] != expected)
            {
                return false;
            }
            expected *= extent;
        }
        return true;
    }
}
