using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>bytes: an immutable byte string. Construction from C buffers is C
/// (bytesobject.c); the twin of a C-born bytes object is read from ob_sval.</summary>
internal sealed class PyBytes(byte[] value) : PyObject(BuiltinTypes.Bytes)
{
    internal readonly byte[] Value = value;

    internal static unsafe PyBytes FromNative(nint p)
    {
        nint size = ((PyVarObjectHead*)p)->ob_size;
        return new PyBytes(new ReadOnlySpan<byte>((byte*)p + sizeof(PyBytesLayout), (int)size).ToArray());
    }

    internal override unsafe nint CreateNative()
    {
        nint p;
        fixed (byte* s = Value)
        {
            p = CPart.PyBytes_FromStringAndSize(s, Value.Length);
        }
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        ((PyObjectHead*)p)->ob_refcnt = 0; // the twin holds the pair, not a C reference
        return p;
    }

    internal override PyStr Repr()
    {
        char quote = Array.IndexOf(Value, (byte)'\'') >= 0 && Array.IndexOf(Value, (byte)'"') < 0 ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (byte b in Value)
        {
            sb.Append(b switch
            {
                (byte)'\\' => "\\\\",
                (byte)'\t' => "\\t",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                _ when b == quote => "\\" + quote,
                _ when b < 0x20 || b >= 0x7f => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }
        return new PyStr(sb.Append(quote).ToString());
    }

    internal override bool IsTrue() => Value.Length != 0;

    internal override long Hash()
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Value)
        {
            h = (h ^ b) * 1099511628211UL;
        }
        long r = (long)h;
        return r == -1 ? -2 : r;
    }

    internal override PyObject RichCompare(PyObject other, CompareOp op) => other is PyBytes b
        ? PyBool.Of(NumericCompare.Apply(Value.AsSpan().SequenceCompareTo(b.Value), op))
        : PyNotImplemented.Instance;
}
