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
        // a legacy string (PyUnicode_FromUnicode(NULL, size)) gets its PEP 393 form first
        if ((u->state & PyCompactUnicodeLayout.ReadyBit) == 0 && CPart._PyUnicode_Ready(p) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        byte* data = Data(p, out int kind);
        int n = (int)u->length;
        var cps = new int[n];
        for (int i = 0; i < n; i++)
        {
            cps[i] = kind == 1 ? data[i] : kind == 2 ? ((ushort*)data)[i] : (int)((uint*)data)[i];
        }
        return new PyStr(FromCodePoints(cps));
    }

    /// <summary>Text without surrogate pairs (the common case) is written from its UTF-16
    /// units directly; pairs go through code points.</summary>
    internal override unsafe nint CreateNative()
    {
        nint p = FillNative();
        ((PyCompactUnicodeLayout*)p)->hash = (nint)(hash ?? -1);
        return p;
    }

    private unsafe nint FillNative()
    {
        int max = 0;
        foreach (char c in Value)
        {
            if (char.IsSurrogate(c))
            {
                return Allocate(CodePoints(Value), Type);
            }
            max = Math.Max(max, c);
        }
        nint p = AllocateEmpty(Value.Length, max, Type);
        byte* data = Data(p, out int kind);
        if (kind == 1)
        {
            Encoding.Latin1.GetBytes(Value, new Span<byte>(data, Value.Length));
        }
        else
        {
            Value.AsSpan().CopyTo(new Span<char>(data, Value.Length));
        }
        return p;
    }

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

    /// <summary>A compact str object with zeroed data (pycapi_unicode_alloc, unicodeobject.c).</summary>
    internal static unsafe nint AllocateEmpty(nint length, int maxChar, PyType type)
    {
        ObjectSpace.ReleaseDeadPairsIfAny();
        nint p = CPart.pycapi_unicode_alloc(ObjectSpace.ToNative(type), length, (uint)maxChar);
        return p != 0 ? p : throw new PythonException(PyExc.MemoryError);
    }

    /// <summary>The characters: after the header of a compact str, else (an instance of a str
    /// subclass, a PyUnicodeObject) where data.any, just after the header, points.</summary>
    internal static unsafe byte* Data(nint p, out int kind)
    {
        var u = (PyCompactUnicodeLayout*)p;
        kind = (int)((u->state >> (int)PyCompactUnicodeLayout.KindShift) & 7);
        if ((u->state & PyCompactUnicodeLayout.CompactBit) == 0)
        {
            return *(byte**)((byte*)p + PyCompactUnicodeLayout.CompactSize);
        }
        bool ascii = (u->state & PyCompactUnicodeLayout.AsciiBit) != 0;
        return (byte*)p + (ascii ? PyCompactUnicodeLayout.AsciiSize : PyCompactUnicodeLayout.CompactSize);
    }

    internal override PyStr ReprCore() => new(Quote(Value));

    internal override PyStr StrCore() => this;

    internal override bool IsTrue() => Value.Length != 0;

    /// <summary>CPython's str hash: SipHash-1-3 over the PEP 393 data (1, 2 or 4 bytes a
    /// code point), with the key PYTHONHASHSEED=0 gives; so equal to hash(bytes) for latin-1 text.</summary>
    internal override unsafe long HashCore()
    {
        long h = hash ??= HashOf(Value);
        if (Native != 0)
        {
            // CPython caches it in the object, where C reads it (Cython's _PyDict_GetItem_KnownHash
            // with ((PyASCIIObject *)name)->hash).
            ((PyCompactUnicodeLayout*)Native)->hash = (nint)h;
        }
        return h;
    }

    internal static long HashOf(string value)
    {
        var cps = CodePoints(value);
        int max = 0;
        foreach (int cp in cps)
        {
            max = Math.Max(max, cp);
        }
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        var data = new byte[cps.Length * kind];
        for (int i = 0; i < cps.Length; i++)
        {
            for (int k = 0; k < kind; k++)
            {
                data[i * kind + k] = (byte)(cps[i] >> (8 * k));
            }
        }
        return PyHash.Bytes(data);
    }

    private long? hash;

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other is PyStr s
        ? PyBool.Of(NumericCompare.Apply(CompareCodePoints(Value, s.Value), op))
        : PyNotImplemented.Instance;

    /// <summary>Code point order (not UTF-16 order: an astral character sorts after U+FFFF).</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        int i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }
        return CodePointAround(a, i).CompareTo(CodePointAround(b, i));
    }

    /// <summary>The code point the UTF-16 unit at i belongs to.</summary>
    private static int CodePointAround(string s, int i)
    {
        if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))
        {
            return char.ConvertToUtf32(s[i - 1], s[i]);
        }
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }
        return s[i];
    }

    /// <summary>True when every code point is one UTF-16 unit, so both index spaces coincide.</summary>
    internal bool IsBmp => Length == Value.Length;

    /// <summary>The UTF-16 index of code point index <paramref name="cp"/> (0..Length).</summary>
    internal int Utf16Index(long cp)
    {
        if (IsBmp)
        {
            return (int)cp;
        }
        int i = 0;
        for (long n = 0; n < cp && i < Value.Length; n++)
        {
            i += char.IsHighSurrogate(Value[i]) && i + 1 < Value.Length && char.IsLowSurrogate(Value[i + 1]) ? 2 : 1;
        }
        return i;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="u"/>.</summary>
    internal int CodePointIndex(int u) => IsBmp ? u : CountCodePoints(Value[..u]);

    /// <summary>Code points [start, end) as a string (indices already clamped).</summary>
    internal string Slice(long start, long end)
    {
        int s = Utf16Index(start);
        return Value[s..Utf16Index(end)];
    }

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
        var cat = CharUnicodeInfo.GetUnicodeCategory(Unicode14.Queryable(cp));
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

/// <summary>CPython 3.11 answers Unicode questions from Unicode 14.0; .NET's data is newer.</summary>
internal static class Unicode14
{
    /// <summary>The code points assigned after Unicode 14.0 that .NET's data knows, as
    /// inclusive (first, last) pairs in order (from comparing the two versions' categories).</summary>
    private static readonly int[] assignedLater =
    {
        0x897, 0x897, 0xCF3, 0xCF3, 0xECE, 0xECE, 0x1B4E, 0x1B4F, 0x1B7F, 0x1B7F, 0x1C89, 0x1C8A, 0x2427, 0x2429,
        0x2FFC, 0x2FFF, 0x31E4, 0x31E5, 0x31EF, 0x31EF, 0xA7CB, 0xA7CD, 0xA7DA, 0xA7DC, 0x105C0, 0x105F3,
        0x10D40, 0x10D65, 0x10D69, 0x10D85, 0x10D8E, 0x10D8F, 0x10EC2, 0x10EC4, 0x10EFC, 0x10EFF, 0x1123F, 0x11241,
        0x11380, 0x11389, 0x1138B, 0x1138B, 0x1138E, 0x1138E, 0x11390, 0x113B5, 0x113B7, 0x113C0, 0x113C2, 0x113C2,
        0x113C5, 0x113C5, 0x113C7, 0x113CA, 0x113CC, 0x113D5, 0x113D7, 0x113D8, 0x113E1, 0x113E2, 0x116D0, 0x116E3,
        0x11B00, 0x11B09, 0x11BC0, 0x11BE1, 0x11BF0, 0x11BF9, 0x11F00, 0x11F10, 0x11F12, 0x11F3A, 0x11F3E, 0x11F5A,
        0x1342F, 0x1342F, 0x13439, 0x13455, 0x13460, 0x143FA, 0x16100, 0x16139, 0x16D40, 0x16D79, 0x18CFF, 0x18CFF,
        0x1B132, 0x1B132, 0x1B155, 0x1B155, 0x1CC00, 0x1CCF9, 0x1CD00, 0x1CEB3, 0x1D2C0, 0x1D2D3, 0x1DF25, 0x1DF2A,
        0x1E030, 0x1E06D, 0x1E08F, 0x1E08F, 0x1E4D0, 0x1E4F9, 0x1E5D0, 0x1E5FA, 0x1E5FF, 0x1E5FF, 0x1F6DC, 0x1F6DC,
        0x1F774, 0x1F776, 0x1F77B, 0x1F77F, 0x1F7D9, 0x1F7D9, 0x1F8B2, 0x1F8BB, 0x1F8C0, 0x1F8C1, 0x1FA75, 0x1FA77,
        0x1FA87, 0x1FA89, 0x1FA8F, 0x1FA8F, 0x1FAAD, 0x1FAAF, 0x1FABB, 0x1FABF, 0x1FAC6, 0x1FAC6, 0x1FACE, 0x1FACF,
        0x1FADA, 0x1FADC, 0x1FADF, 0x1FADF, 0x1FAE8, 0x1FAE9, 0x1FAF7, 0x1FAF8, 0x1FBCB, 0x1FBEF, 0x2B739, 0x2B739,
        0x2EBF0, 0x2EE5D, 0x31350, 0x323AF
    };

    /// <summary>The code point to ask .NET's Unicode data about in CPython 3.11's stead: U+FFFF
    /// (unassigned in every version) for a surrogate, which a Rune cannot hold, and for a code
    /// point Unicode 14.0 had not assigned yet.</summary>
    internal static int Queryable(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF)
        {
            return 0xFFFF;
        }
        int lo = 0, hi = assignedLater.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (cp < assignedLater[2 * mid])
            {
                hi = mid - 1;
            }
            else if (cp > assignedLater[2 * mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return 0xFFFF;
            }
        }
        return cp;
    }
}

/// <summary>CPython's _Py_HashBytes: SipHash-1-3 keyed with the zero key of PYTHONHASHSEED=0.</summary>
internal static class PyHash
{
    internal static long Bytes(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return 0;
        }
        ulong v0 = 0x736f6d6570736575UL, v1 = 0x646f72616e646f6dUL, v2 = 0x6c7967656e657261UL, v3 = 0x7465646279746573UL;
        ulong b = (ulong)data.Length << 56;
        int whole = data.Length & ~7;
        for (int i = 0; i < whole; i += 8)
        {
            ulong m = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }
        for (int i = whole; i < data.Length; i++)
        {
            b |= (ulong)data[i] << (8 * (i - whole));
        }
        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        long h = (long)(v0 ^ v1 ^ v2 ^ v3);
        return h == -1 ? -2 : h;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v1 = ulong.RotateLeft(v1, 13); v1 ^= v0; v0 = ulong.RotateLeft(v0, 32);
        v2 += v3; v3 = ulong.RotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = ulong.RotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = ulong.RotateLeft(v1, 17); v1 ^= v2; v2 = ulong.RotateLeft(v2, 32);
    }
}

/// <summary>The str operations shared by the PyUnicode_* functions and the str methods.
/// Indices are code point indices, as Python's.</summary>
internal static class StrOps
{
    /// <summary>"must be str, not int" (CPython's ensure_unicode).</summary>
    internal static PyStr Ensure(PyObject o) =>
        o as PyStr ?? throw new PythonException(PyExc.TypeError, $"must be str, not {o.Type.Name}");

    /// <summary>Slice indices as str.find takes them: negative from the end, clamped.</summary>
    internal static (long Start, long End) Adjust(long start, long end, long length)
    {
        if (end > length)
        {
            end = length;
        }
        else if (end < 0)
        {
            end = Math.Max(end + length, 0);
        }
        if (start < 0)
        {
            start = Math.Max(start + length, 0);
        }
        return (start, end);
    }

    /// <summary>str.find / rfind: the code point index of sub in s[start:end], or -1.</summary>
    internal static long Find(PyStr s, PyStr sub, long start, long end, bool reverse)
    {
        (start, end) = Adjust(start, end, s.Length);
        if (end - start < sub.Length)
        {
            return -1;
        }
        int from = s.Utf16Index(start), to = s.Utf16Index(end);
        var window = s.Value.AsSpan(from, to - from);
        int at = reverse ? window.LastIndexOf(sub.Value.AsSpan()) : window.IndexOf(sub.Value.AsSpan());
        if (sub.Value.Length == 0)
        {
            at = reverse ? window.Length : 0;
        }
        return at < 0 ? -1 : s.CodePointIndex(from + at);
    }

    internal static long Count(PyStr s, PyStr sub, long start, long end)
    {
        (start, end) = Adjust(start, end, s.Length);
        if (end - start < sub.Length)
        {
            return 0;
        }
        if (sub.Value.Length == 0)
        {
            return end - start + 1;
        }
        int from = s.Utf16Index(start), to = s.Utf16Index(end);
        var window = s.Value.AsSpan(from, to - from);
        long n = 0;
        for (int at; (at = window.IndexOf(sub.Value.AsSpan())) >= 0; window = window[(at + sub.Value.Length)..])
        {
            n++;
        }
        return n;
    }

    /// <summary>endswith (direction &gt; 0) / startswith (otherwise) on s[start:end].</summary>
    internal static bool TailMatch(PyStr s, PyStr sub, long start, long end, int direction)
    {
        (start, end) = Adjust(start, end, s.Length);
        if (end - start < sub.Length || start > s.Length)
        {
            return false;
        }
        string window = s.Slice(start, end);
        return direction > 0 ? window.EndsWith(sub.Value, StringComparison.Ordinal)
            : window.StartsWith(sub.Value, StringComparison.Ordinal);
    }

    internal static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            count = long.MaxValue;
        }
        var sb = new StringBuilder();
        if (old.Length == 0)
        {
            // Between every code point, and at both ends.
            long done = 0;
            for (int i = 0; ; )
            {
                if (done < count)
                {
                    sb.Append(replacement);
                    done++;
                }
                if (i >= s.Length)
                {
                    return sb.ToString();
                }
                int step = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                sb.Append(s, i, step);
                i += step;
            }
        }
        int pos = 0;
        for (long n = 0; n < count; n++)
        {
            int at = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            sb.Append(s, pos, at - pos).Append(replacement);
            pos = at + old.Length;
        }
        return sb.Append(s, pos, s.Length - pos).ToString();
    }

    /// <summary>Python's str.isdigit for one code point: a decimal digit, or another number
    /// with a digit value (superscripts, circled digits).</summary>
    internal static bool IsDigit(int cp)
    {
        int valid = Unicode14.Queryable(cp);
        return Rune.IsDigit(new Rune(valid)) || CharUnicodeInfo.GetUnicodeCategory(valid) == UnicodeCategory.OtherNumber
            && CharUnicodeInfo.GetDigitValue(char.ConvertFromUtf32(valid), 0) >= 0;
    }

    internal static bool IsAlpha(int cp) => Rune.IsLetter(new Rune(Unicode14.Queryable(cp)));

    internal static bool IsDecimal(int cp) => Rune.IsDigit(new Rune(Unicode14.Queryable(cp)));

    /// <summary>str.isnumeric for one code point: a number (Nd, Nl, No), or a CJK ideograph
    /// with a numeric value in Unihan (一, 万...), which CPython's data includes and .NET's not.</summary>
    internal static bool IsNumeric(int cp) => Rune.IsNumber(new Rune(Unicode14.Queryable(cp))) || Array.BinarySearch(unihanNumerics, cp) >= 0;

    /// <summary>The code points of category Lo with a Unihan numeric value (kPrimaryNumeric,
    /// kAccountingNumeric, kOtherNumeric) in Unicode 14.0, in order.</summary>
    private static readonly int[] unihanNumerics =
    {
        0x3405, 0x3483, 0x382A, 0x3B4D, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94, 0x4E96, 0x4EBF, 0x4EC0,
        0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x5104, 0x5146, 0x5169, 0x516B, 0x516D, 0x5341, 0x5343, 0x5344, 0x5345, 0x534C,
        0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB, 0x58F1, 0x58F9, 0x5E7A, 0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D, 0x5F0E, 0x5F10,
        0x62FE, 0x634C, 0x67D2, 0x6F06, 0x7396, 0x767E, 0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x9621, 0x9646, 0x964C,
        0x9678, 0x96F6, 0xF96B, 0xF973, 0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x20001, 0x20064, 0x200E2, 0x20121,
        0x2092A, 0x20983, 0x2098C, 0x2099C, 0x20AEA, 0x20AFD, 0x20B19, 0x22390, 0x22998, 0x23B1B, 0x2626D, 0x2F890
    };

    /// <summary>str.isalnum for one code point: isalpha, isdecimal, isdigit or isnumeric.</summary>
    internal static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);

    /// <summary>Python's str.isspace for one code point (Py_UNICODE_ISSPACE).</summary>
    internal static bool IsSpace(int cp) => cp is >= 0x1C and <= 0x1F || (cp <= 0xFFFF && char.IsWhiteSpace((char)cp));

    /// <summary>str.split; bytes.split too, over the Latin-1 text of the bytes with its own whitespace.</summary>
    internal static PyList Split(PyStr s, PyStr? sep, long maxsplit, Func<int, bool>? isSpace = null)
    {
        isSpace ??= cp => IsSpace(cp);
        if (maxsplit < 0)
        {
            maxsplit = long.MaxValue;
        }
        var parts = new List<PyObject>();
        string v = s.Value;
        if (sep is null)
        {
            int i = 0;
            while (true)
            {
                while (i < v.Length && isSpace(v[i]))
                {
                    i++;
                }
                if (i == v.Length)
                {
                    break;
                }
                if (parts.Count == maxsplit)
                {
                    parts.Add(new PyStr(v[i..]));
                    break;
                }
                int j = i;
                while (j < v.Length && !isSpace(v[j]))
                {
                    j++;
                }
                parts.Add(new PyStr(v[i..j]));
                i = j;
            }
            return PyList.Create(parts);
        }
        if (sep.Value.Length == 0)
        {
            throw new PythonException(PyExc.ValueError, "empty separator");
        }
        int pos = 0;
        for (long n = 0; n < maxsplit; n++)
        {
            int at = v.IndexOf(sep.Value, pos, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            parts.Add(new PyStr(v[pos..at]));
            pos = at + sep.Value.Length;
        }
        parts.Add(new PyStr(v[pos..]));
        return PyList.Create(parts);
    }

    internal static PyList RSplit(PyStr s, PyStr? sep, long maxsplit, Func<int, bool>? isSpace = null)
    {
        isSpace ??= cp => IsSpace(cp);
        if (maxsplit < 0)
        {
            maxsplit = long.MaxValue;
        }
        var parts = new List<PyObject>();
        string v = s.Value;
        if (sep is null)
        {
            int i = v.Length;
            while (true)
            {
                while (i > 0 && isSpace(v[i - 1]))
                {
                    i--;
                }
                if (i == 0)
                {
                    break;
                }
                if (parts.Count == maxsplit)
                {
                    parts.Add(new PyStr(v[..i]));
                    break;
                }
                int j = i;
                while (j > 0 && !isSpace(v[j - 1]))
                {
                    j--;
                }
                parts.Add(new PyStr(v[j..i]));
                i = j;
            }
        }
        else
        {
            if (sep.Value.Length == 0)
            {
                throw new PythonException(PyExc.ValueError, "empty separator");
            }
            int end = v.Length;
            for (long n = 0; n < maxsplit && end >= sep.Value.Length; n++)
            {
                int at = v.LastIndexOf(sep.Value, end - 1, end, StringComparison.Ordinal);
                if (at < 0 || at + sep.Value.Length > end)
                {
                    break;
                }
                parts.Add(new PyStr(v[(at + sep.Value.Length)..end]));
                end = at;
            }
            parts.Add(new PyStr(v[..end]));
        }
        parts.Reverse();
        return PyList.Create(parts);
    }

    /// <summary>str.strip and its kin; bytes' too, over Latin-1 text with its own whitespace.</summary>
    internal static string Strip(string s, PyObject? chars, bool left, bool right, string method, Func<int, bool>? isSpace = null)
    {
        Func<char, bool> strip = chars switch
        {
            null or PyNone => c => (isSpace ?? IsSpace)(c),
            PyStr set => c => set.Value.Contains(c),
            _ => throw new PythonException(PyExc.TypeError, $"{method} arg must be None or str"),
        };
        int i = 0, j = s.Length;
        while (left && i < j && strip(s[i]))
        {
            i++;
        }
        while (right && j > i && strip(s[j - 1]))
        {
            j--;
        }
        return s[i..j];
    }

    /// <summary>PySequence_Fast's view of an iterable: "not iterable" becomes <paramref name="notIterable"/>.</summary>
    internal static PyObject[] Items(PyObject o, string notIterable)
    {
        if (o is PyList or PyTuple)
        {
            return Abstract.Items(o);
        }
        IEnumerable<PyObject> items;
        try
        {
            items = Abstract.Iterate(o);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw new PythonException(PyExc.TypeError, notIterable);
        }
        return items.ToArray();
    }

    internal static PyStr Join(PyStr separator, PyObject iterable)
    {
        var items = Items(iterable, "can only join an iterable");
        if (items.Length == 1 && items[0] is PyStr { Type: var t } only && ReferenceEquals(t, BuiltinTypes.Str))
        {
            return only;
        }
        var sb = new StringBuilder();
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is not PyStr s)
            {
                throw new PythonException(PyExc.TypeError, $"sequence item {i}: expected str instance, {items[i].Type.Name} found");
            }
            if (i > 0)
            {
                sb.Append(separator.Value);
            }
            sb.Append(s.Value);
        }
        return new PyStr(sb.ToString());
    }

    /// <summary>Python's str.isidentifier: XID_Start (or '_') then XID_Continue, approximated
    /// by the Unicode general categories those properties are derived from.</summary>
    internal static bool IsIdentifier(string s)
    {
        var cps = PyStr.CodePoints(s);
        if (cps.Length == 0 || !(cps[0] == '_' || IsIdStart(cps[0])))
        {
            return false;
        }
        return cps.Skip(1).All(cp => IsIdStart(cp) || cp is 0xB7 or 0x387 or (>= 0x1369 and <= 0x1371) or 0x19DA // Other_ID_Continue
            || CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
    }

    private static bool IsIdStart(int cp) => cp < 0xD800 || cp > 0xDFFF
        ? cp is 0x1885 or 0x1886 or 0x2118 or 0x212E // Other_ID_Start
            || CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.LetterNumber
        : false;

    /// <summary>ascii(): repr with every non-ASCII code point backslash-escaped.</summary>
    internal static PyStr Ascii(PyObject o)
    {
        string repr = o.Repr().Value;
        if (System.Text.Ascii.IsValid(repr))
        {
            return new PyStr(repr);
        }
        var sb = new StringBuilder(repr.Length + 8);
        foreach (int cp in PyStr.CodePoints(repr))
        {
            sb.Append(cp < 0x80 ? ((char)cp).ToString() : Codecs.BackslashEscape(cp));
        }
        return new PyStr(sb.ToString());
    }
}

internal static unsafe class UnicodeApi
{
    private static PyStr RequireStr(BorrowedReference o) =>
        ObjectSpace.FromNative(o) as PyStr ?? throw BadArgument();

    private static PythonException BadArgument() => new(PyExc.TypeError, "bad argument type for built-in operation");

    private static PyStr EnsureStr(BorrowedReference o) => StrOps.Ensure(ObjectSpace.FromNative(o));

    private static NewReference Str(string s) => ObjectSpace.NewFresh(new PyStr(s));

    private static ReadOnlySpan<byte> Span(byte* s, nint size) =>
        size < 0 ? throw new PythonException(PyExc.SystemError, "Negative size passed to PyUnicode_Decode")
            : new ReadOnlySpan<byte>(s, checked((int)size));

    [CApi(SlowPath = true)]
    internal static NewReference PyUnicode_FromStringAndSize(byte* u, nint size)
    {
        if (size < 0)
        {
            throw new PythonException(PyExc.SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        }
        if (u == null && size != 0)
        {
            nint p = PyStr.AllocateEmpty(size, 127, BuiltinTypes.Str);
            ObjectSpace.IncRef(p);
            return new NewReference(p);
        }
        return Str(Codecs.DecodeUtf8(Span(u, size), null));
    }

    [CApi(SlowPath = true)]
    internal static NewReference PyUnicode_FromString(byte* u) =>
        Str(Codecs.DecodeUtf8(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(u), null));

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF8(byte* s, nint size, string? errors) =>
        Str(Codecs.DecodeUtf8(Span(s, size), errors));

    [CApi]
    internal static NewReference PyUnicode_DecodeASCII(byte* s, nint size, string? errors) =>
        Str(Codecs.DecodeAscii(Span(s, size), errors));

    [CApi]
    internal static NewReference PyUnicode_DecodeLatin1(byte* s, nint size, string? errors) =>
        Str(Codecs.DecodeLatin1(Span(s, size)));

    [CApi]
    internal static NewReference PyUnicode_Decode(byte* s, nint size, string? encoding, string? errors) =>
        Str(Codecs.Decode(Span(s, size), encoding, errors));

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF16(byte* s, nint size, string? errors, int* byteorder) =>
        PyUnicode_DecodeUTF16Stateful(s, size, errors, byteorder, null);

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF16Stateful(byte* s, nint size, string? errors, int* byteorder, nint* consumed) =>
        DecodeUtf16Or32(Codecs.Utf16Name, s, size, errors, byteorder, consumed);

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF32(byte* s, nint size, string? errors, int* byteorder) =>
        PyUnicode_DecodeUTF32Stateful(s, size, errors, byteorder, null);

    [CApi]
    internal static NewReference PyUnicode_DecodeUTF32Stateful(byte* s, nint size, string? errors, int* byteorder, nint* consumed) =>
        DecodeUtf16Or32(Codecs.Utf32Name, s, size, errors, byteorder, consumed);

    /// <summary>byteorder NULL means 0 (BOM or native order); consumed NULL means the input is final.</summary>
    private static NewReference DecodeUtf16Or32(string codec, byte* s, nint size, string? errors, int* byteorder, nint* consumed)
    {
        int bo = byteorder != null ? *byteorder : 0;
        var text = Codecs.DecodeUtf16Or32(Span(s, size), errors, ref bo, codec, out int used, final: consumed == null);
        if (byteorder != null)
        {
            *byteorder = bo;
        }
        if (consumed != null)
        {
            *consumed = used;
        }
        return Str(text);
    }

    [CApi]
    internal static NewReference PyUnicode_AsUTF16String(BorrowedReference unicode) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.EncodeUtf16Or32(RequireStr(unicode), null, Codecs.Utf16Name)));

    [CApi]
    internal static NewReference PyUnicode_AsUTF32String(BorrowedReference unicode) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.EncodeUtf16Or32(RequireStr(unicode), null, Codecs.Utf32Name)));

    /// <summary>Decodes a bytes-like object; a str is refused, as in CPython.</summary>
    [CApi]
    internal static NewReference PyUnicode_FromEncodedObject(BorrowedReference obj, string? encoding, string? errors) =>
        ObjectSpace.FromNativeOrNull(obj) switch
        {
            null => throw Abstract.BadInternalCall(),
            PyBytes b => Str(Codecs.Decode(b.Value, encoding, errors)),
            PyStr => throw new PythonException(PyExc.TypeError, "decoding str is not supported"),
            var o when BufferApi.BytesOf(o) is { } data => Str(Codecs.Decode(data, encoding, errors)),
            var other => throw new PythonException(PyExc.TypeError,
                $"decoding to str: need a bytes-like object, {other.Type.Name} found"),
        };

    [CApi]
    internal static NewReference PyUnicode_AsEncodedString(BorrowedReference unicode, string? encoding, string? errors) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.Encode(RequireStr(unicode), encoding, errors)));

    [CApi]
    internal static NewReference PyUnicode_AsASCIIString(BorrowedReference unicode) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.EncodeCharmap(RequireStr(unicode), Codecs.AsciiName, 128, null)));

    [CApi]
    internal static NewReference PyUnicode_AsLatin1String(BorrowedReference unicode) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.EncodeCharmap(RequireStr(unicode), Codecs.Latin1Name, 256, null)));

    [CApi]
    internal static NewReference PyUnicode_FromKindAndData(int kind, void* buffer, nint size)
    {
        if (size < 0)
        {
            throw new PythonException(PyExc.ValueError, "size must be positive");
        }
        var cps = new int[size];
        for (nint i = 0; i < size; i++)
        {
            cps[i] = kind switch
            {
                1 => ((byte*)buffer)[i],
                2 => ((ushort*)buffer)[i],
                4 => (int)((uint*)buffer)[i],
                _ => throw new PythonException(PyExc.SystemError, "invalid kind"),
            };
            if ((uint)cps[i] > 0x10FFFF)
            {
                throw new PythonException(PyExc.ValueError, "character U+" + ((uint)cps[i]).ToString("x") + " is not in range [U+0000; U+10ffff]");
            }
        }
        return Str(PyStr.FromCodePoints(cps));
    }

    /// <summary>wchar_t is UCS-4 on Linux; size -1 means NUL-terminated.</summary>
    [CApi]
    internal static NewReference PyUnicode_FromWideChar(int* w, nint size)
    {
        if (w == null && size != 0)
        {
            throw Abstract.BadInternalCall();
        }
        if (size == -1)
        {
            size = 0;
            while (w[size] != 0)
            {
                size++;
            }
        }
        return PyUnicode_FromKindAndData(4, w, size);
    }

    [CApi]
    internal static nint PyUnicode_AsWideChar(BorrowedReference unicode, int* w, nint size)
    {
        if (unicode.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        var cps = PyStr.CodePoints(RequireStr(unicode).Value);
        if (w == null)
        {
            return cps.Length + 1;
        }
        nint copied = Math.Min(size, cps.Length);
        for (nint i = 0; i < copied; i++)
        {
            w[i] = cps[i];
        }
        if (size > cps.Length)
        {
            w[cps.Length] = 0;
        }
        return copied;
    }

    [CApi]
    internal static int* PyUnicode_AsWideCharString(BorrowedReference unicode, nint* size)
    {
        if (unicode.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        var cps = PyStr.CodePoints(RequireStr(unicode).Value);
        if (size == null && Array.IndexOf(cps, 0) >= 0)
        {
            throw new PythonException(PyExc.ValueError, "embedded null character");
        }
        return (int*)CopyUcs4(cps, size);
    }

    /// <summary>The code points into the caller's buffer (and a NUL when asked for).</summary>
    [CApi]
    internal static uint* PyUnicode_AsUCS4(BorrowedReference unicode, uint* buffer, nint buflen, int copy_null)
    {
        if (buffer == null || buflen < 0)
        {
            throw Abstract.BadInternalCall();
        }
        var cps = PyStr.CodePoints(RequireStr(unicode).Value);
        if (buflen < cps.Length + (copy_null != 0 ? 1 : 0))
        {
            if (copy_null != 0 && buflen > 0)
            {
                buffer[0] = 0;
            }
            throw new PythonException(PyExc.SystemError, "string is longer than the buffer");
        }
        MemoryMarshal.Cast<int, uint>(cps).CopyTo(new Span<uint>(buffer, cps.Length));
        if (copy_null != 0)
        {
            buffer[cps.Length] = 0;
        }
        return buffer;
    }

    [CApi]
    internal static uint* PyUnicode_AsUCS4Copy(BorrowedReference unicode) =>
        (uint*)CopyUcs4(PyStr.CodePoints(RequireStr(unicode).Value), null);

    /// <summary>A NUL-terminated PyMem copy of the code points.</summary>
    private static nint CopyUcs4(int[] cps, nint* size)
    {
        nint buffer = CPart.PyMem_Malloc((nuint)(cps.Length + 1) * 4);
        if (buffer == 0)
        {
            throw new PythonException(PyExc.MemoryError);
        }
        cps.AsSpan().CopyTo(new Span<int>((void*)buffer, cps.Length));
        ((int*)buffer)[cps.Length] = 0;
        if (size != null)
        {
            *size = cps.Length;
        }
        return buffer;
    }

    [CApi]
    internal static NewReference PyUnicode_FromOrdinal(int ordinal)
    {
        if (ordinal < 0 || ordinal > 0x10FFFF)
        {
            throw new PythonException(PyExc.ValueError, "chr() arg not in range(0x110000)");
        }
        return Str(PyStr.FromCodePoints([ordinal]));
    }

    [CApi]
    internal static nint PyUnicode_GetLength(BorrowedReference o) => RequireStr(o).Length;

    /// <summary>The UTF-8 form, cached in the native object as CPython does (the data
    /// itself for an ASCII string).</summary>
    [CApi(SlowPath = true)]
    internal static byte* PyUnicode_AsUTF8AndSize(BorrowedReference o, nint* size)
    {
        var str = RequireStr(o);
        nint p = o.Address;
        var u = (PyCompactUnicodeLayout*)p;
        byte* utf8;
        nint length;
        if ((u->state & PyCompactUnicodeLayout.AsciiBit) != 0)
        {
            utf8 = PyStr.Data(p, out _);
            length = u->length;
        }
        else
        {
            if (u->utf8 == 0)
            {
                var bytes = Codecs.EncodeUtf8(str, null);
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
    internal static NewReference PyUnicode_AsUTF8String(BorrowedReference o) =>
        ObjectSpace.NewFresh(new PyBytes(Codecs.EncodeUtf8(RequireStr(o), null)));

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
        return Str(ls.Value + rs.Value);
    }

    /// <summary>*pleft = *pleft + right; on error *pleft is released and set to NULL.</summary>
    [CApi]
    internal static void PyUnicode_Append(nint* pleft, BorrowedReference right)
    {
        if (pleft == null || *pleft == 0)
        {
            return;
        }
        nint left = *pleft;
        try
        {
            if (right.IsNull || ObjectSpace.FromNative(left) is not PyStr l || ObjectSpace.FromNative(right) is not PyStr r)
            {
                throw Abstract.BadInternalCall();
            }
            *pleft = ObjectSpace.NewFresh(new PyStr(l.Value + r.Value)).Address;
        }
        catch
        {
            *pleft = 0;
            throw;
        }
        finally
        {
            ObjectSpace.DecRef(left);
        }
    }

    [CApi]
    internal static void PyUnicode_AppendAndDel(nint* pleft, BorrowedReference right)
    {
        try
        {
            PyUnicode_Append(pleft, right);
        }
        finally
        {
            ObjectSpace.XDecRef(right.Address);
        }
    }

    [CApi]
    internal static NewReference PyUnicode_Join(BorrowedReference separator, BorrowedReference seq)
    {
        var sep = separator.IsNull ? new PyStr(" ") : ObjectSpace.FromNative(separator) as PyStr
            ?? throw new PythonException(PyExc.TypeError,
                $"separator: expected str instance, {ObjectSpace.FromNative(separator).Type.Name} found");
        return ObjectSpace.NewRef(StrOps.Join(sep, ObjectSpace.FromNative(seq)));
    }

    [CApi]
    internal static NewReference PyUnicode_Split(BorrowedReference s, BorrowedReference sep, nint maxsplit) =>
        ObjectSpace.NewRef(StrOps.Split(EnsureStr(s), sep.IsNull ? null : EnsureStr(sep), maxsplit));

    [CApi]
    internal static NewReference PyUnicode_Replace(BorrowedReference str, BorrowedReference substr, BorrowedReference replstr, nint maxcount) =>
        Str(StrOps.Replace(EnsureStr(str).Value, EnsureStr(substr).Value, EnsureStr(replstr).Value, maxcount));

    [CApi(Error = "-2")]
    internal static nint PyUnicode_Find(BorrowedReference str, BorrowedReference substr, nint start, nint end, int direction) =>
        (nint)StrOps.Find(EnsureStr(str), EnsureStr(substr), start, end, direction <= 0);

    [CApi(Error = "-2")]
    internal static nint PyUnicode_FindChar(BorrowedReference str, uint ch, nint start, nint end, int direction) =>
        ch > 0x10FFFF ? -1 : (nint)StrOps.Find(EnsureStr(str), new PyStr(PyStr.FromCodePoints([(int)ch])), start, end, direction <= 0);

    [CApi]
    internal static nint PyUnicode_Count(BorrowedReference str, BorrowedReference substr, nint start, nint end) =>
        (nint)StrOps.Count(EnsureStr(str), EnsureStr(substr), start, end);

    [CApi]
    internal static nint PyUnicode_Tailmatch(BorrowedReference str, BorrowedReference substr, nint start, nint end, int direction) =>
        StrOps.TailMatch(EnsureStr(str), EnsureStr(substr), start, end, direction) ? 1 : 0;

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

    [CApi]
    internal static NewReference PyUnicode_RichCompare(BorrowedReference left, BorrowedReference right, int op)
    {
        var (l, r) = (ObjectSpace.FromNative(left), ObjectSpace.FromNative(right));
        if (l is not PyStr || r is not PyStr)
        {
            return ObjectSpace.NewRef(PyNotImplemented.Instance);
        }
        if (op < 0 || op > 5)
        {
            throw Abstract.BadInternalCall();
        }
        return ObjectSpace.NewRef(l.RichCompare(r, (CompareOp)op));
    }

    [CApi(Error = "0")]
    internal static int _PyUnicode_EqualToASCIIString(BorrowedReference left, string right) =>
        ObjectSpace.FromNative(left) is PyStr s && s.Value == right ? 1 : 0;

    [CApi(Error = "0")]
    internal static int _PyUnicode_EQ(BorrowedReference a, BorrowedReference b) =>
        ((PyStr)ObjectSpace.FromNative(a)).Value == ((PyStr)ObjectSpace.FromNative(b)).Value ? 1 : 0;

    /// <summary>The interned strings, by value: interning makes equal strings one object.</summary>
    private static readonly Dictionary<string, PyStr> interned = new(StringComparer.Ordinal);

    private static PyStr Intern(PyStr s)
    {
        if (!ReferenceEquals(s.Type, BuiltinTypes.Str))
        {
            return s;
        }
        if (interned.TryGetValue(s.Value, out var known))
        {
            return known;
        }
        interned[s.Value] = s;
        s.HashCore(); // an interned str has its hash, as a key of CPython's interned dict
        return s;
    }

    [CApi]
    internal static NewReference PyUnicode_InternFromString(byte* u)
    {
        var s = (PyStr)ObjectSpace.Steal(PyUnicode_FromString(u).Address);
        return ObjectSpace.NewRef(Intern(s));
    }

    /// <summary>Replaces *p by the interned string equal to it (a reference moves from one to the other).</summary>
    [CApi]
    internal static void PyUnicode_InternInPlace(nint* p)
    {
        if (p == null || *p == 0 || ObjectSpace.FromNative(*p) is not PyStr s)
        {
            return;
        }
        var canonical = Intern(s);
        if (!ReferenceEquals(canonical, s))
        {
            nint old = *p;
            *p = ObjectSpace.NewRef(canonical).Address;
            ObjectSpace.DecRef(old);
        }
    }

    [CApi]
    internal static NewReference PyUnicode_FromObject(BorrowedReference o) => ObjectSpace.FromNative(o) switch
    {
        PyStr s when ReferenceEquals(s.Type, BuiltinTypes.Str) => ObjectSpace.NewRef(s),
        PyStr s => Str(s.Value),
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

    /// <summary>Writes into a string C is still building: only a C-born string that managed
    /// code has not seen (no twin, which would hold the old value), with one reference.</summary>
    [CApi]
    internal static int PyUnicode_WriteChar(BorrowedReference unicode, nint index, uint character)
    {
        nint p = unicode.Address;
        if (p == 0 || ((PyObjectHead*)p)->ob_type != ObjectSpace.ToNative(BuiltinTypes.Str))
        {
            throw Abstract.BadInternalCall();
        }
        var u = (PyCompactUnicodeLayout*)p;
        if (index < 0 || index >= u->length)
        {
            throw new PythonException(PyExc.IndexError, "string index out of range");
        }
        bool hasTwin = PreHeader.Of(p)->Link != 0;
        if (u->ob_base.ob_refcnt != 1 || u->hash != -1 || hasTwin)
        {
            throw new PythonException(PyExc.SystemError, "Cannot modify a string currently used");
        }
        byte* data = PyStr.Data(p, out int kind);
        uint max = (u->state & PyCompactUnicodeLayout.AsciiBit) != 0 ? 0x7F : kind == 1 ? 0xFFu : kind == 2 ? 0xFFFFu : 0x10FFFFu;
        if (character > max)
        {
            throw new PythonException(PyExc.ValueError, "character out of range");
        }
        switch (kind)
        {
            case 1: data[index] = (byte)character; break;
            case 2: ((ushort*)data)[index] = (ushort)character; break;
            default: ((uint*)data)[index] = character; break;
        }
        return 0;
    }

    [CApi]
    internal static NewReference PyUnicode_Substring(BorrowedReference o, nint start, nint end)
    {
        var s = RequireStr(o);
        if (start < 0 || end < 0)
        {
            throw new PythonException(PyExc.IndexError, "string index out of range");
        }
        end = Math.Min(end, s.Length);
        start = Math.Min(start, end);
        return Str(s.Slice(start, end));
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
        return StrOps.Find(cs, es, 0, long.MaxValue, false) >= 0 ? 1 : 0;
    }

    [CApi]
    internal static int PyUnicode_IsIdentifier(BorrowedReference s) => StrOps.IsIdentifier(RequireStr(s).Value) ? 1 : 0;

    [CApi]
    internal static NewReference PyObject_ASCII(BorrowedReference o) =>
        o.IsNull ? Str("<NULL>") : ObjectSpace.NewRef(StrOps.Ascii(ObjectSpace.FromNative(o)));
}

/// <summary>How a built-in method of str or bytes reports wrong argument counts: METH_NOARGS,
/// METH_O, Argument Clinic ("center expected at most 2 arguments, got 3") or
/// PyArg_ParseTuple ("find() takes at least 1 argument (0 given)"). Keywords are refused naming
/// the method with its type ("str.center()"), except by a METH_VARARGS one called bound ("find()").</summary>
internal enum ArgStyle { NoArgs, One, Clinic, ParseTuple }

/// <summary>The character-type functions of CPython's unicodectype.c that extensions
/// call (Py_UNICODE_ISSPACE and friends expand to them).</summary>
internal static class UnicodeCTypeApi
{
    [CApi]
    internal static int _PyUnicode_IsWhitespace(uint ch) => StrOps.IsSpace((int)ch) ? 1 : 0;

    [CApi]
    internal static int _PyUnicode_IsDigit(uint ch) => ch <= 0x10FFFF && StrOps.IsDigit((int)ch) ? 1 : 0;

    /// <summary>The simple (one code point) lowercase mapping of UnicodeData.txt 14.0. .NET's
    /// invariant casing leaves out the Turkish capital dotted I, which maps to 'i'.</summary>
    [CApi]
    internal static uint _PyUnicode_ToLowercase(uint ch) => ch == 0x130 ? 'i'
        : Rune.IsValid(ch) && Unicode14.Queryable((int)ch) == ch ? (uint)Rune.ToLowerInvariant(new Rune(ch)).Value : ch;
}

internal static class MethodArgs
{
    internal static void Check(PyType owner, string name, PyObject[] args, PyDict? kwargs, int min, int max, ArgStyle style)
    {
        string qualified = $"{owner.Name}.{name}";
        if (kwargs is not null && kwargs.Count > 0)
        {
            throw new PythonException(PyExc.TypeError,
                $"{(style is ArgStyle.ParseTuple ? name : qualified)}() takes no keyword arguments");
        }
        if (args.Length >= min && args.Length <= max)
        {
            return;
        }
        string message = style switch
        {
            ArgStyle.NoArgs => $"{qualified}() takes no arguments ({args.Length} given)",
            ArgStyle.One => $"{qualified}() takes exactly one argument ({args.Length} given)",
            ArgStyle.ParseTuple => args.Length < min
                ? $"{name}() takes at least {min} argument{(min == 1 ? "" : "s")} ({args.Length} given)"
                : $"{name}() takes at most {max} argument{(max == 1 ? "" : "s")} ({args.Length} given)",
            _ => min == max
                ? $"{name} expected {min} argument{(min == 1 ? "" : "s")}, got {args.Length}"
                : args.Length < min
                    ? $"{name} expected at least {min} argument{(min == 1 ? "" : "s")}, got {args.Length}"
                    : $"{name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {args.Length}",
        };
        throw new PythonException(PyExc.TypeError, message);
    }

    /// <summary>Positional arguments merged with keywords for methods that accept both
    /// (str.split(sep=None, maxsplit=-1)), checked in _PyArg_UnpackKeywords's order; missing
    /// optional ones are null. The names after the first <paramref name="positional"/> are keyword-only.</summary>
    internal static PyObject?[] WithKeywords(string name, PyObject[] args, PyDict? kwargs, string[] names, int required = 0,
        int positional = int.MaxValue)
    {
        positional = Math.Min(positional, names.Length);
        int given = args.Length + (kwargs?.Count ?? 0);
        if (given > names.Length)
        {
            throw new PythonException(PyExc.TypeError, $"{name}() takes at most {names.Length} {(args.Length == 0 ? "keyword " : "")}" +
                $"argument{(names.Length == 1 ? "" : "s")} ({given} given)");
        }
        if (args.Length > positional)
        {
            throw new PythonException(PyExc.TypeError, $"{name}() takes {(required < positional ? "at most" : "exactly")} " +
                $"{positional} positional argument{(positional == 1 ? "" : "s")} ({args.Length} given)");
        }
        var result = new PyObject?[names.Length];
        args.CopyTo(result, 0);
        int matched = 0;
        for (int i = args.Length; i < names.Length; i++)
        {
            result[i] = kwargs?.GetItem(new PyStr(names[i]));
            if (result[i] is not null)
            {
                matched++;
            }
            else if (i < required)
            {
                throw new PythonException(PyExc.TypeError, $"{name}() missing required argument '{names[i]}' (pos {i + 1})");
            }
        }
        // A keyword left over is unknown or names an argument given by position.
        foreach (var (key, _) in matched < (kwargs?.Count ?? 0) ? kwargs!.Items() : Enumerable.Empty<(PyObject, PyObject)>())
        {
            int index = key is PyStr k ? Array.IndexOf(names, k.Value)
                : throw new PythonException(PyExc.TypeError, "keywords must be strings");
            if (index < 0)
            {
                throw new PythonException(PyExc.TypeError, $"'{((PyStr)key).Value}' is an invalid keyword argument for {name}()");
            }
            if (index < args.Length)
            {
                throw new PythonException(PyExc.TypeError,
                    $"argument for {name}() given by name ('{names[index]}') and position ({index + 1})");
            }
        }
        return result;
    }

    /// <summary>An integer argument (an int or an object with __index__).</summary>
    internal static long Index(PyObject o) => PyInt.Index(o) is var v && (v > long.MaxValue || v < long.MinValue)
        ? throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C ssize_t") : (long)v;

    /// <summary>A start/end slice argument: None or an integer.</summary>
    internal static long SliceIndex(PyObject? o, long absent) => o switch
    {
        null or PyNone => absent,
        PyInt i => i.Value > long.MaxValue ? long.MaxValue : i.Value < long.MinValue ? long.MinValue : (long)i.Value,
        _ => throw new PythonException(PyExc.TypeError, "slice indices must be integers or None or have an __index__ method"),
    };

    /// <summary>An integer argument converted to a C int (Argument Clinic's "i").</summary>
    internal static int Int(PyObject o) => PyInt.Index(o) is var v && v >= int.MinValue && v <= int.MaxValue ? (int)v
        : throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C int");

    /// <summary>A str argument of an Argument Clinic method: "replace() argument 1 must be str, not int".</summary>
    internal static string Str(string name, int position, PyObject o) => o is PyStr s ? s.Value
        : throw new PythonException(PyExc.TypeError, $"{name}() argument {position} must be str, not {o.Type.Name}");
}

/// <summary>The methods of str implemented in managed code.</summary>
internal static class StrMethods
{
    private static void Add(string name, int min, int max, ArgStyle style, Func<PyStr, PyObject[], PyObject> body) =>
        PyBuiltinMethodDescriptor.Add(BuiltinTypes.Str, name, (self, args, kwargs) =>
        {
            MethodArgs.Check(BuiltinTypes.Str, name, args, kwargs, min, max, style);
            return body((PyStr)self!, args);
        });

    private static void AddWithKeywords(string name, string[] names, Func<PyStr, PyObject?[], PyObject> body) =>
        PyBuiltinMethodDescriptor.Add(BuiltinTypes.Str, name, (self, args, kwargs) =>
            body((PyStr)self!, MethodArgs.WithKeywords(name, args, kwargs, names)));

    private static void Transform(string name, Func<string, string> f) =>
        Add(name, 0, 0, ArgStyle.NoArgs, (s, _) => new PyStr(f(s.Value)));

    private static void Predicate(string name, Func<PyStr, bool> f) =>
        Add(name, 0, 0, ArgStyle.NoArgs, (s, _) => PyBool.Of(f(s)));

    internal static void Register()
    {
        BuiltinTypes.Str.Constructor = (type, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("str", args.ToArray(), kwargs, ["object", "encoding", "errors"]);
            if (!ReferenceEquals(type, BuiltinTypes.Str))
            {
                throw new PythonException(PyExc.TypeError, $"cannot create '{type.Name}' instances");
            }
            if (a[1] is null && a[2] is null)
            {
                return a[0] is null ? new PyStr("") : a[0]!.Str();
            }
            string? Text(string name, PyObject? o) => o is null ? null : o as PyStr is { } t ? t.Value
                : throw new PythonException(PyExc.TypeError, $"str() argument '{name}' must be str, not {o.Type.Name}");
            return a[0] switch
            {
                null => new PyStr(""),
                PyBytes b => new PyStr(Codecs.Decode(b.Value, Text("encoding", a[1]), Text("errors", a[2]))),
                PyStr => throw new PythonException(PyExc.TypeError, "decoding str is not supported"),
                var o when BufferApi.BytesOf(o) is { } data => new PyStr(Codecs.Decode(data, Text("encoding", a[1]), Text("errors", a[2]))),
                var other => throw new PythonException(PyExc.TypeError, $"decoding to str: need a bytes-like object, {other.Type.Name} found"),
            };
        };
        Transform("upper", UnicodeCasing.Upper);
        Transform("lower", UnicodeCasing.Lower);
        Transform("casefold", UnicodeCasing.CaseFold);
        Transform("swapcase", UnicodeCasing.SwapCase);
        Transform("capitalize", UnicodeCasing.Capitalize);
        Transform("title", UnicodeCasing.Title);
        Predicate("isascii", s => System.Text.Ascii.IsValid(s.Value));
        Predicate("isidentifier", s => StrOps.IsIdentifier(s.Value));
        Predicate("isspace", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsSpace));
        Predicate("isalpha", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsAlpha));
        Predicate("isalnum", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsAlnum));
        Predicate("isdecimal", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsDecimal));
        Predicate("isdigit", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsDigit));
        Predicate("isnumeric", s => s.Value.Length > 0 && PyStr.CodePoints(s.Value).All(StrOps.IsNumeric));
        Predicate("isupper", s => UnicodeCasing.IsAllCase(s.Value, upper: true));
        Predicate("islower", s => UnicodeCasing.IsAllCase(s.Value, upper: false));

        foreach (var (name, left, right) in new[] { ("strip", true, true), ("lstrip", true, false), ("rstrip", false, true) })
        {
            Add(name, 0, 1, ArgStyle.Clinic, (s, a) => new PyStr(StrOps.Strip(s.Value, a.Length > 0 ? a[0] : null, left, right, name)));
        }
        AddWithKeywords("split", ["sep", "maxsplit"], (s, a) => StrOps.Split(s, SplitSeparator(a[0]), a[1] is null ? -1 : MethodArgs.Index(a[1]!)));
        AddWithKeywords("rsplit", ["sep", "maxsplit"], (s, a) => StrOps.RSplit(s, SplitSeparator(a[0]), a[1] is null ? -1 : MethodArgs.Index(a[1]!)));
        AddWithKeywords("splitlines", ["keepends"], (s, a) => SplitLines(s.Value, a[0] is not null && MethodArgs.Int(a[0]!) != 0));
        Add("join", 1, 1, ArgStyle.One, (s, a) => StrOps.Join(s, a[0]));
        Add("replace", 2, 3, ArgStyle.Clinic, (s, a) => new PyStr(StrOps.Replace(s.Value,
            MethodArgs.Str("replace", 1, a[0]), MethodArgs.Str("replace", 2, a[1]), a.Length > 2 ? MethodArgs.Index(a[2]) : -1)));

        foreach (var (name, reverse, raise) in new[] { ("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true) })
        {
            Add(name, 1, 3, ArgStyle.ParseTuple, (s, a) =>
            {
                long at = StrOps.Find(s, StrOps.Ensure(a[0]), MethodArgs.SliceIndex(a.ElementAtOrDefault(1), 0),
                    MethodArgs.SliceIndex(a.ElementAtOrDefault(2), long.MaxValue), reverse);
                return at < 0 && raise ? throw new PythonException(PyExc.ValueError, "substring not found") : new PyInt(at);
            });
        }
        Add("count", 1, 3, ArgStyle.ParseTuple, (s, a) => new PyInt(StrOps.Count(s, StrOps.Ensure(a[0]),
            MethodArgs.SliceIndex(a.ElementAtOrDefault(1), 0), MethodArgs.SliceIndex(a.ElementAtOrDefault(2), long.MaxValue))));
        foreach (var (name, direction) in new[] { ("startswith", -1), ("endswith", 1) })
        {
            Add(name, 1, 3, ArgStyle.ParseTuple, (s, a) =>
            {
                long start = MethodArgs.SliceIndex(a.ElementAtOrDefault(1), 0), end = MethodArgs.SliceIndex(a.ElementAtOrDefault(2), long.MaxValue);
                var candidates = a[0] is PyTuple t ? t.ToArray() : [a[0]];
                foreach (var c in candidates)
                {
                    if (c is not PyStr sub)
                    {
                        throw new PythonException(PyExc.TypeError, a[0] is PyTuple
                            ? $"tuple for {name} must only contain str, not {c.Type.Name}"
                            : $"{name} first arg must be str or a tuple of str, not {c.Type.Name}");
                    }
                    if (StrOps.TailMatch(s, sub, start, end, direction))
                    {
                        return PyBool.True;
                    }
                }
                return PyBool.False;
            });
        }
        AddWithKeywords("encode", ["encoding", "errors"], (s, a) => new PyBytes(Codecs.Encode(s,
            KeywordStr("encode", "encoding", a[0]), KeywordStr("encode", "errors", a[1]))));
        foreach (var (name, align) in new[] { ("center", '^'), ("ljust", '<'), ("rjust", '>') })
        {
            Add(name, 1, 2, ArgStyle.Clinic, (s, a) => new PyStr(Justify(s, MethodArgs.Index(a[0]), a.Length > 1 ? FillChar(a[1]) : " ", align)));
        }
        Add("zfill", 1, 1, ArgStyle.One, (s, a) => new PyStr(ZFill(s, MethodArgs.Index(a[0]))));
        Add("partition", 1, 1, ArgStyle.One, (s, a) => Partition(s, a[0], reverse: false));
        Add("rpartition", 1, 1, ArgStyle.One, (s, a) => Partition(s, a[0], reverse: true));
        Add("removeprefix", 1, 1, ArgStyle.One, (s, a) => new PyStr(s.Value.StartsWith(OneStr("removeprefix", a[0]), StringComparison.Ordinal)
            ? s.Value[((PyStr)a[0]).Value.Length..] : s.Value));
        Add("removesuffix", 1, 1, ArgStyle.One, (s, a) => new PyStr(s.Value.EndsWith(OneStr("removesuffix", a[0]), StringComparison.Ordinal)
            ? s.Value[..^((PyStr)a[0]).Value.Length] : s.Value));
        PyBuiltinMethodDescriptor.Add(BuiltinTypes.Str, "format", (self, args, kwargs) =>
            new PyStr(Formatter.StrFormat(((PyStr)self!).Value, args, kwargs)));
        Add("format_map", 1, 1, ArgStyle.One, (s, a) => new PyStr(Formatter.StrFormat(s.Value, null, a[0])));
        AddWithKeywords("expandtabs", ["tabsize"], (s, a) => new PyStr(ExpandTabs(s.Value, a[0] is null ? 8 : MethodArgs.Int(a[0]!))));
        Predicate("isprintable", s => PyStr.CodePoints(s.Value).All(PyStr.IsPrintable));
        Predicate("istitle", s => IsTitle(PyStr.CodePoints(s.Value), cp => UnicodeCasing.IsUpper(cp) || UnicodeCasing.IsTitle(cp), UnicodeCasing.IsLower));
        Add("translate", 1, 1, ArgStyle.One, (s, a) => new PyStr(Translate(s.Value, a[0])));
        AddStatic(BuiltinTypes.Str, "maketrans", (_, args, kwargs) =>
        {
            MethodArgs.Check(BuiltinTypes.Str, "maketrans", args, kwargs, 1, 3, ArgStyle.Clinic);
            return MakeTrans(args);
        });
        Add("__getnewargs__", 0, 0, ArgStyle.NoArgs, (s, _) => PyTuple.Create([new PyStr(s.Value)]));
        Add("__sizeof__", 0, 0, ArgStyle.NoArgs, (s, _) => new PyInt(SizeOf(s)));
        Formatter.AddFormatMethod(BuiltinTypes.Str);
    }

    /// <summary>A static method of a built-in type implemented in managed code (str.maketrans).</summary>
    internal static void AddStatic(PyType type, string name, BuiltinBody body) =>
        type.TypeDict.SetItem(new PyStr(name), new PyStaticMethod(new PyBuiltinFunction(name, null, body, null)));

    /// <summary>str.expandtabs (bytes' too, over Latin-1 text): the column restarts after \n and \r;
    /// a tab size of 0 or less removes tabs.</summary>
    internal static string ExpandTabs(string s, int tabSize)
    {
        var sb = new StringBuilder(s.Length);
        long column = 0;
        foreach (int cp in PyStr.CodePoints(s))
        {
            if (cp == '\t')
            {
                if (tabSize > 0)
                {
                    long spaces = tabSize - column % tabSize;
                    sb.Append(' ', (int)spaces);
                    column += spaces;
                }
                continue;
            }
            sb.Append(PyStr.FromCodePoints([cp]));
            column = cp is '\n' or '\r' ? 0 : column + 1;
        }
        return sb.ToString();
    }

    /// <summary>istitle (str's and bytes'): every cased run starts with an upper (or title) case
    /// character followed by lower case ones, and there is at least one cased character.</summary>
    internal static bool IsTitle(IEnumerable<int> cps, Func<int, bool> isUpperOrTitle, Func<int, bool> isLower)
    {
        bool cased = false, previousCased = false;
        foreach (int cp in cps)
        {
            if (isUpperOrTitle(cp))
            {
                if (previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else if (isLower(cp))
            {
                if (!previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }
        return cased;
    }

    /// <summary>str.translate: each code point looked up in the table by its ordinal; a LookupError
    /// keeps it, None deletes it, an int or a str replaces it.</summary>
    private static string Translate(string s, PyObject table)
    {
        var sb = new StringBuilder(s.Length);
        foreach (int cp in PyStr.CodePoints(s))
        {
            PyObject? mapped;
            try
            {
                mapped = Abstract.GetItem(table, new PyInt(cp));
            }
            catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.Get("LookupError")))
            {
                mapped = null;
            }
            switch (mapped)
            {
                case null:
                    sb.Append(PyStr.FromCodePoints([cp]));
                    break;
                case PyNone:
                    break;
                case PyStr text:
                    sb.Append(text.Value);
                    break;
                case PyInt i when i.Value >= 0 && i.Value < 0x110000:
                    sb.Append(PyStr.FromCodePoints([(int)i.Value]));
                    break;
                case PyInt:
                    throw new PythonException(PyExc.ValueError, "character mapping must be in range(0x110000)");
                default:
                    throw new PythonException(PyExc.TypeError, "character mapping must return integer, None or str");
            }
        }
        return sb.ToString();
    }

    /// <summary>str.maketrans(dict) or str.maketrans(from, to[, delete]): a dict from ordinals.</summary>
    private static PyDict MakeTrans(PyObject[] args)
    {
        var result = new PyDict();
        if (args.Length == 1)
        {
            if (args[0] is not PyDict source || !ReferenceEquals(source.Type, BuiltinTypes.Dict))
            {
                throw new PythonException(PyExc.TypeError, "if you give only one argument to maketrans it must be a dict");
            }
            foreach (var (key, value) in source.Items())
            {
                PyObject ordinal = key switch
                {
                    PyStr { Length: 1 } k => new PyInt(PyStr.CodePoints(k.Value)[0]),
                    PyStr => throw new PythonException(PyExc.ValueError, "string keys in translate table must be of length 1"),
                    PyInt => key,
                    _ => throw new PythonException(PyExc.TypeError, "keys in translate table must be strings or integers"),
                };
                result.SetItem(ordinal, value);
            }
            return result;
        }
        string to = MethodArgs.Str("maketrans", 2, args[1]);
        string? delete = args.Length > 2 ? MethodArgs.Str("maketrans", 3, args[2]) : null;
        if (args[0] is not PyStr from)
        {
            throw new PythonException(PyExc.TypeError, "first maketrans argument must be a string if there is a second argument");
        }
        int[] fromCps = PyStr.CodePoints(from.Value), toCps = PyStr.CodePoints(to);
        if (fromCps.Length != toCps.Length)
        {
            throw new PythonException(PyExc.ValueError, "the first two maketrans arguments must have equal length");
        }
        for (int i = 0; i < fromCps.Length; i++)
        {
            result.SetItem(new PyInt(fromCps[i]), new PyInt(toCps[i]));
        }
        foreach (int cp in delete is null ? [] : PyStr.CodePoints(delete))
        {
            result.SetItem(new PyInt(cp), PyNone.Instance);
        }
        return result;
    }

    /// <summary>str.__sizeof__: CPython's compact object (ASCII header or full one, NUL included, 1, 2
    /// or 4 bytes a character), plus the UTF-8 copy a non-ASCII str keeps once C asked for it.</summary>
    private static unsafe long SizeOf(PyStr s)
    {
        int max = PyStr.CodePoints(s.Value).DefaultIfEmpty(0).Max();
        long size = max < 0x80 ? PyCompactUnicodeLayout.AsciiSize + s.Length + 1
            : PyCompactUnicodeLayout.CompactSize + (s.Length + 1L) * (max < 0x100 ? 1 : max < 0x10000 ? 2 : 4);
        if (max >= 0x80 && s.Native != 0 && ((PyCompactUnicodeLayout*)s.Native)->utf8 is var utf8 and not 0
            && utf8 != (nint)PyStr.Data(s.Native, out _))
        {
            size += ((PyCompactUnicodeLayout*)s.Native)->utf8_length + 1;
        }
        return size;
    }

    /// <summary>The str argument of a METH_O Argument Clinic method: "removeprefix() argument must be str, not int".</summary>
    private static string OneStr(string method, PyObject o) => o is PyStr s ? s.Value
        : throw new PythonException(PyExc.TypeError, $"{method}() argument must be str, not {o.Type.Name}");

    private static string? KeywordStr(string method, string name, PyObject? o) => o switch
    {
        null => null,
        PyStr s => s.Value,
        _ => throw new PythonException(PyExc.TypeError, $"{method}() argument '{name}' must be str, not {o.Type.Name}"),
    };

    private static PyStr? SplitSeparator(PyObject? o) => o switch
    {
        null or PyNone => null,
        PyStr s => s,
        _ => throw new PythonException(PyExc.TypeError, $"must be str or None, not {o.Type.Name}"),
    };

    private static string FillChar(PyObject o) => o is PyStr { Length: 1 } s ? s.Value
        : o is PyStr ? throw new PythonException(PyExc.TypeError, "The fill character must be exactly one character long")
        : throw new PythonException(PyExc.TypeError, $"The fill character must be a unicode character, not {o.Type.Name}");

    internal static string Justify(PyStr s, long width, string fill, char align)
    {
        long pad = width - s.Length;
        if (pad <= 0)
        {
            return s.Value;
        }
        if (width > Array.MaxLength)
        {
            throw new PythonException(PyExc.MemoryError); // more than any string can hold
        }
        long left = align switch
        {
            '<' => 0,
            '>' => pad,
            _ => pad / 2 + (pad & width & 1),
        };
        return string.Concat(Enumerable.Repeat(fill, (int)left)) + s.Value + string.Concat(Enumerable.Repeat(fill, (int)(pad - left)));
    }

    internal static string ZFill(PyStr s, long width)
    {
        long pad = width - s.Length;
        if (pad <= 0)
        {
            return s.Value;
        }
        if (width > Array.MaxLength)
        {
            throw new PythonException(PyExc.MemoryError); // more than any string can hold
        }
        string v = s.Value;
        string zeros = new('0', (int)pad);
        return v.Length > 0 && v[0] is '+' or '-' ? v[0] + zeros + v[1..] : zeros + v;
    }

    private static PyTuple Partition(PyStr s, PyObject sepObject, bool reverse)
    {
        var sep = StrOps.Ensure(sepObject);
        if (sep.Value.Length == 0)
        {
            throw new PythonException(PyExc.ValueError, "empty separator");
        }
        int at = reverse ? s.Value.LastIndexOf(sep.Value, StringComparison.Ordinal) : s.Value.IndexOf(sep.Value, StringComparison.Ordinal);
        if (at < 0)
        {
            var empty = new PyStr("");
            return reverse ? PyTuple.Create([empty, empty, s]) : PyTuple.Create([s, empty, empty]);
        }
        return PyTuple.Create([new PyStr(s.Value[..at]), sep, new PyStr(s.Value[(at + sep.Value.Length)..])]);
    }

    /// <summary>str.splitlines: the line boundaries of Python's str (\n \r \r\n \v \f \x1c-\x1e \x85 \u2028 \u2029);
    /// bytes.splitlines over Latin-1 text with only \n and \r.</summary>
    internal static PyList SplitLines(string s, bool keepEnds, bool asciiOnly = false)
    {
        var lines = new List<PyObject>();
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (asciiOnly ? c is not ('\n' or '\r') : c is not ('\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029'))
            {
                continue;
            }
            int end = c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
            lines.Add(new PyStr(s[start..(keepEnds ? end : i)]));
            start = end;
            i = end - 1;
        }
        if (start < s.Length)
        {
            lines.Add(new PyStr(s[start..]));
        }
        return PyList.Create(lines);
    }
}
