using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>str: a sequence of code points, kept as a .NET string (astral code points
/// as surrogate pairs). The native half is PEP 393's compact layout. C-born strings
/// (PyUnicode_New, filled through PyUnicode_WRITE) get this twin read from their data.</summary>
internal sealed class PyStr : PyObject
{
    internal readonly string Value;
    private int codePointCount = -1;

    internal PyStr(string value) : base(BuiltinTypes.Str) => Value = value;

    internal int Length => codePointCount >= 0 ? codePointCount : codePointCount = CountCodePoints(Value);

    private static int CountCodePoints(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++, n++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
        }
        return n;
    }

    internal static int[] CodePoints(string s)
    {
        var cps = new int[CountCodePoints(s)];
        for (int i = 0, j = 0; i < s.Length; i++, j++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cps[j] = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                cps[j] = s[i];
            }
        }
        return cps;
    }

    internal static string FromCodePoints(ReadOnlySpan<int> cps)
    {
        var sb = new StringBuilder(cps.Length);
        foreach (int cp in cps)
        {
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }
        return sb.ToString();
    }

    internal static unsafe PyStr FromNative(nint p)
    {
        var u = (PyCompactUnicodeLayout*)p;
        int kind = (int)((u->state >> (int)PyCompactUnicodeLayout.KindShift) & 7);
        bool ascii = (u->state & PyCompactUnicodeLayout.AsciiBit) != 0;
        byte* data = (byte*)p + (ascii ? PyCompactUnicodeLayout.AsciiSize : PyCompactUnicodeLayout.CompactSize);
        int n = (int)u->length;
        var cps = new int[n];
        for (int i = 0; i < n; i++)
        {
            cps[i] = kind == 1 ? data[i] : kind == 2 ? ((ushort*)data)[i] : (int)((uint*)data)[i];
        }
        return new PyStr(FromCodePoints(cps));
    }

    internal override nint CreateNative() => Allocate(CodePoints(Value), Type);

    /// <summary>A compact str object holding <paramref name="cps"/> (PyUnicode_New's layout).</summary>
    internal static unsafe nint Allocate(ReadOnlySpan<int> cps, PyType type)
    {
        int max = 0;
        foreach (int cp in cps)
        {
            max = Math.Max(max, cp);
        }
        nint p = AllocateEmpty(cps.Length, max, type);
        byte* data = Data(p, out int kind);
        for (int i = 0; i < cps.Length; i++)
        {
            switch (kind)
            {
                case 1: data[i] = (byte)cps[i]; break;
                case 2: ((ushort*)data)[i] = (ushort)cps[i]; break;
                default: ((uint*)data)[i] = (uint)cps[i]; break;
            }
        }
        return p;
    }

    internal static unsafe nint AllocateEmpty(nint length, int maxChar, PyType type)
    {
        bool ascii = maxChar < 0x80;
        int kind = maxChar < 0x100 ? 1 : maxChar < 0x10000 ? 2 : 4;
        int header = ascii ? PyCompactUnicodeLayout.AsciiSize : PyCompactUnicodeLayout.CompactSize;
        nint p = ObjectSpace.AllocateObject((nuint)(header + (length + 1) * kind), type);
        var u = (PyCompactUnicodeLayout*)p;
        u->length = length;
        u->hash = -1;
        u->state = ((uint)kind << (int)PyCompactUnicodeLayout.KindShift) | PyCompactUnicodeLayout.CompactBit
            | PyCompactUnicodeLayout.ReadyBit | (ascii ? PyCompactUnicodeLayout.AsciiBit : 0);
        return p;
    }

    internal static unsafe byte* Data(nint p, out int kind)
    {
        var u = (PyCompactUnicodeLayout*)p;
        kind = (int)((u->state >> (int)PyCompactUnicodeLayout.KindShift) & 7);
        bool ascii = (u->state & PyCompactUnicodeLayout.AsciiBit) != 0;
        return (byte*)p + (ascii ? PyCompactUnicodeLayout.AsciiSize : PyCompactUnicodeLayout.CompactSize);
    }

    internal override PyStr Repr() => new(Quote(Value));

    internal override PyStr Str() => this;

    internal override bool IsTrue() => Value.Length != 0;

    /// <summary>FNV-1a over the code units. Stable within a process, as Python requires;
    /// CPython's SipHash values are not reproduced yet.</summary>
    internal override long Hash()
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in Value)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        long r = (long)h;
        return r == -1 ? -2 : r;
    }

    internal override PyObject RichCompare(PyObject other, CompareOp op) => other is PyStr s
        ? PyBool.Of(NumericCompare.Apply(CompareCodePoints(Value, s.Value), op))
        : PyNotImplemented.Instance;

    internal static int CompareCodePoints(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        return CodePointComparer.Compare(a, b);
    }

    private static readonly StringComparer CodePointComparer = StringComparer.Ordinal;

    public override bool Equals(object? obj) => obj is PyStr s && s.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>repr(str): CPython's quote choice and escapes.</summary>
    internal static string Quote(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (int cp in CodePoints(s))
        {
            switch (cp)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (cp == quote)
                    {
                        sb.Append('\\').Append(quote);
                    }
                    else if (cp < 0x20 || cp == 0x7f)
                    {
                        sb.Append($"\\x{cp:x2}");
                    }
                    else if (cp < 0x7f || IsPrintable(cp))
                    {
                        sb.Append(cp > 0xFFFF ? char.ConvertFromUtf32(cp) : ((char)cp).ToString());
                    }
                    else if (cp <= 0xff)
                    {
                        sb.Append($"\\x{cp:x2}");
                    }
                    else if (cp <= 0xffff)
                    {
                        sb.Append($"\\u{cp:x4}");
                    }
                    else
                    {
                        sb.Append($"\\U{cp:x8}");
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    internal static bool IsPrintable(int cp)
    {
        if (cp >= 0xD800 && cp <= 0xDFFF)
        {
            return false;
        }
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cp == ' ' || cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}

/// <summary>UTF-8 with CPython's strict error reporting (start, end, reason).</summary>
internal static class Utf8
{
    internal static unsafe string Decode(byte* s, nint size)
    {
        var cps = new List<int>((int)size);
        nint i = 0;
        while (i < size)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                cps.Add(b);
                i++;
                continue;
            }
            int need, cp;
            byte lo = 0x80, hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                need = 2; cp = b & 0x0F;
                if (b == 0xE0) { lo = 0xA0; }
                if (b == 0xED) { hi = 0x9F; }
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                need = 3; cp = b & 0x07;
                if (b == 0xF0) { lo = 0x90; }
                if (b == 0xF4) { hi = 0x8F; }
            }
            else
            {
                throw DecodeError(s, size, i, i + 1, "invalid start byte");
            }
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= size)
                {
                    throw DecodeError(s, size, i, size, "unexpected end of data");
                }
                byte c = s[i + k];
                byte min = k == 1 ? lo : (byte)0x80, max = k == 1 ? hi : (byte)0xBF;
                if (c < min || c > max)
                {
                    throw DecodeError(s, size, i, i + k, "invalid continuation byte");
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            cps.Add(cp);
            i += need + 1;
        }
        return PyStr.FromCodePoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cps));
    }

    private static unsafe PythonException DecodeError(byte* s, nint size, nint start, nint end, string reason)
    {
        var bytes = new PyBytes(new ReadOnlySpan<byte>(s, (int)size).ToArray());
        var exc = PyBaseException.Create(PyExc.UnicodeDecodeError,
            [new PyStr("utf-8"), bytes, new PyInt(start), new PyInt(end), new PyStr(reason)]);
        return new PythonException(exc);
    }

    /// <summary>Strict UTF-8: a lone surrogate is an error, as in CPython.</summary>
    internal static byte[] Encode(PyStr str)
    {
        var cps = PyStr.CodePoints(str.Value);
        for (int i = 0; i < cps.Length; i++)
        {
            if (cps[i] >= 0xD800 && cps[i] <= 0xDFFF)
            {
                int end = i + 1;
                while (end < cps.Length && cps[end] >= 0xD800 && cps[end] <= 0xDFFF)
                {
                    end++;
                }
                var exc = PyBaseException.Create(PyExc.UnicodeEncodeError,
                    [new PyStr("utf-8"), str, new PyInt(i), new PyInt(end), new PyStr("surrogates not allowed")]);
                throw new PythonException(exc);
            }
        }
        return Encoding.UTF8.GetBytes(str.Value);
    }
}

internal static unsafe class UnicodeApi
{
    private static PyStr RequireStr(BorrowedReference o) =>
        ObjectSpace.FromNative(o) as PyStr ?? throw new PythonException(PyExc.TypeError, "bad argument type for built-in operation");

    [CApi]
    internal static NewReference PyUnicode_FromStringAndSize(byte* u, nint size)
    {
        if (size < 0)
        {
            throw new PythonException(PyExc.SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        }
        if (u == null && size != 0)
        {
            return new NewReference(NewNative(size, 127));
        }
        return ObjectSpace.NewRef(new PyStr(Utf8.Decode(u, size)));
    }

    [CApi]
    internal static NewReference PyUnicode_FromString(byte* u) =>
        ObjectSpace.NewRef(new PyStr(Utf8.Decode(u, (nint)System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(u).Length)));

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF8(byte* s, nint size, byte* errors) =>
        ObjectSpace.NewRef(new PyStr(Utf8.Decode(s, size)));

    /// <summary>A C-born string for C to fill (PyUnicode_New): no twin until one is needed.</summary>
    private static nint NewNative(nint size, int maxChar)
    {
        nint p = PyStr.AllocateEmpty(size, maxChar, BuiltinTypes.Str);
        ObjectSpace.IncRef(p);
        return p;
    }

    [CApi]
    internal static NewReference PyUnicode_New(nint size, uint maxchar)
    {
        if (size < 0)
        {
            throw new PythonException(PyExc.SystemError, "Negative size passed to PyUnicode_New");
        }
        if (maxchar > 0x10FFFF)
        {
            throw new PythonException(PyExc.SystemError, "invalid maximum character passed to PyUnicode_New");
        }
        return new NewReference(NewNative(size, (int)maxchar));
    }

    [CApi]
    internal static NewReference PyUnicode_FromOrdinal(int ordinal)
    {
        if (ordinal < 0 || ordinal > 0x10FFFF)
        {
            throw new PythonException(PyExc.ValueError, "chr() arg not in range(0x110000)");
        }
        return ObjectSpace.NewRef(new PyStr(PyStr.FromCodePoints([ordinal])));
    }

    [CApi]
    internal static nint PyUnicode_GetLength(BorrowedReference o) => RequireStr(o).Length;

    /// <summary>The UTF-8 form, cached in the native object as CPython does (the data
    /// itself for an ASCII string).</summary>
    [CApi]
    internal static byte* PyUnicode_AsUTF8AndSize(BorrowedReference o, nint* size)
    {
        var str = RequireStr(o);
        nint p = o.Address;
        var u = (PyCompactUnicodeLayout*)p;
        byte* utf8;
        nint length;
        if ((u->state & PyCompactUnicodeLayout.AsciiBit) != 0)
        {
            utf8 = (byte*)p + PyCompactUnicodeLayout.AsciiSize;
            length = u->length;
        }
        else
        {
            if (u->utf8 == 0)
            {
                var bytes = Utf8.Encode(str);
                nint buffer = CPart.PyMem_Malloc((nuint)bytes.Length + 1);
                Marshal.Copy(bytes, 0, buffer, bytes.Length);
                ((byte*)buffer)[bytes.Length] = 0;
                u->utf8 = buffer;
                u->utf8_length = bytes.Length;
            }
            utf8 = (byte*)u->utf8;
            length = u->utf8_length;
        }
        if (size != null)
        {
            *size = length;
        }
        return utf8;
    }

    [CApi]
    internal static byte* PyUnicode_AsUTF8(BorrowedReference o) => PyUnicode_AsUTF8AndSize(o, null);

    [CApi]
    internal static NewReference PyUnicode_AsUTF8String(BorrowedReference o)
    {
        var bytes = Utf8.Encode(RequireStr(o));
        return ObjectSpace.NewRef(new PyBytes(bytes));
    }

    [CApi]
    internal static NewReference PyUnicode_Concat(BorrowedReference left, BorrowedReference right)
    {
        var (l, r) = (ObjectSpace.FromNative(left), ObjectSpace.FromNative(right));
        if (l is not PyStr ls)
        {
            throw new PythonException(PyExc.TypeError, $"must be str, not {l.Type.Name}");
        }
        if (r is not PyStr rs)
        {
            throw new PythonException(PyExc.TypeError, $"can only concatenate str (not \"{r.Type.Name}\") to str");
        }
        return ObjectSpace.NewRef(new PyStr(ls.Value + rs.Value));
    }

    [CApi]
    internal static int PyUnicode_Compare(BorrowedReference left, BorrowedReference right)
    {
        var (l, r) = (ObjectSpace.FromNative(left), ObjectSpace.FromNative(right));
        if (l is PyStr ls && r is PyStr rs)
        {
            return Math.Sign(PyStr.CompareCodePoints(ls.Value, rs.Value));
        }
        throw new PythonException(PyExc.TypeError, $"Can't compare {l.Type.Name} and {r.Type.Name}");
    }

    [CApi(Error = "0")]
    internal static int PyUnicode_CompareWithASCIIString(BorrowedReference left, string right) =>
        Math.Sign(PyStr.CompareCodePoints(RequireStr(left).Value, right));

    [CApi(Error = "0")]
    internal static int _PyUnicode_EqualToASCIIString(BorrowedReference left, string right) =>
        ObjectSpace.FromNative(left) is PyStr s && s.Value == right ? 1 : 0;

    [CApi]
    internal static NewReference PyUnicode_InternFromString(byte* u) => PyUnicode_FromString(u);

    [CApi]
    internal static void PyUnicode_InternInPlace(nint* p)
    {
    }

    [CApi]
    internal static NewReference PyUnicode_FromObject(BorrowedReference o) => ObjectSpace.FromNative(o) switch
    {
        PyStr s => ObjectSpace.NewRef(s),
        var other => throw new PythonException(PyExc.TypeError, $"Can't convert '{other.Type.Name}' object to str implicitly"),
    };

    [CApi(Error = "unchecked((uint)(-1))")]
    internal static uint PyUnicode_ReadChar(BorrowedReference o, nint index)
    {
        var cps = PyStr.CodePoints(RequireStr(o).Value);
        if (index < 0 || index >= cps.Length)
        {
            throw new PythonException(PyExc.IndexError, "string index out of range");
        }
        return (uint)cps[index];
    }

    [CApi]
    internal static NewReference PyUnicode_Substring(BorrowedReference o, nint start, nint end)
    {
        var cps = PyStr.CodePoints(RequireStr(o).Value);
        if (start < 0 || end < 0)
        {
            throw new PythonException(PyExc.IndexError, "string index out of range");
        }
        end = Math.Min(end, cps.Length);
        start = Math.Min(start, end);
        return ObjectSpace.NewRef(new PyStr(PyStr.FromCodePoints(cps.AsSpan((int)start, (int)(end - start)))));
    }

    [CApi]
    internal static int PyUnicode_Contains(BorrowedReference container, BorrowedReference element)
    {
        var c = ObjectSpace.FromNative(container);
        var e = ObjectSpace.FromNative(element);
        if (e is not PyStr es)
        {
            throw new PythonException(PyExc.TypeError, $"'in <string>' requires string as left operand, not {e.Type.Name}");
        }
        if (c is not PyStr cs)
        {
            throw new PythonException(PyExc.TypeError, $"must be str, not {c.Type.Name}");
        }
        return cs.Value.Contains(es.Value, StringComparison.Ordinal) ? 1 : 0;
    }
}
