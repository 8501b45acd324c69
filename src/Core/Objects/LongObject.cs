using System.Globalization;
using System.Numerics;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>int: an arbitrary-precision integer. The native half holds CPython's 30-bit
/// digits; C-born ints (PyLong_FromLong, in longobject.c) get this twin read from them.</summary>
internal class PyInt : PyObject
{
    internal readonly BigInteger Value;

    internal PyInt(BigInteger value) : this(BuiltinTypes.Int, value) { }

    protected PyInt(PyType type, BigInteger value) : base(type) => Value = value;

    internal static PyInt FromNative(nint p) => new(ReadDigits(p));

    internal static unsafe BigInteger ReadDigits(nint p)
    {
        nint size = ((PyVarObjectHead*)p)->ob_size;
        uint* digits = (uint*)(p + sizeof(PyVarObjectHead));
        BigInteger v = BigInteger.Zero;
        for (nint i = Math.Abs(size) - 1; i >= 0; i--)
        {
            v = (v << 30) | digits[i];
        }
        return size < 0 ? -v : v;
    }

    internal override unsafe nint CreateNative()
    {
        int ndigits = DigitCount(Value);
        nint p = ObjectSpace.AllocateObject((nuint)(sizeof(PyVarObjectHead) + 4 * Math.Max(ndigits, 1)), Type);
        ((PyVarObjectHead*)p)->ob_size = WriteDigits(Value, new Span<uint>((uint*)(p + sizeof(PyVarObjectHead)), ndigits));
        return p;
    }

    /// <summary>How many 30-bit digits hold |v| (none for 0).</summary>
    internal static int DigitCount(BigInteger v) => v.IsZero ? 0 : (int)((BigInteger.Abs(v).GetBitLength() + 29) / 30);

    /// <summary>Writes |v| as 30-bit digits, least significant first, and returns ob_size:
    /// the digit count, negated for a negative v.</summary>
    internal static nint WriteDigits(BigInteger v, Span<uint> digits)
    {
        var magnitude = BigInteger.Abs(v);
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = (uint)(magnitude & 0x3FFFFFFF);
            magnitude >>= 30;
        }
        return v.Sign < 0 ? -digits.Length : digits.Length;
    }

    internal override PyStr ReprCore() => new(IntFormat.Decimal(Value));

    internal override bool IsTrue() => !Value.IsZero;

    /// <summary>Hash() once computed (never -1, which marks "not yet"): ints are dict keys.</summary>
    private long hash = -1;

    /// <summary>CPython's numeric hash: the value modulo 2**61 - 1, sign kept, -1 → -2.</summary>
    internal override long HashCore() => hash != -1 ? hash : hash = NumericHash.OfInteger(Value);

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other switch
    {
        PyInt i => PyBool.Of(NumericCompare.Apply(Value.CompareTo(i.Value), op)),
        PyFloat f => NumericCompare.IntWithFloat(Value, f.Value, op),
        _ => PyNotImplemented.Instance,
    };

    /// <summary>The integer a C API call wants: an int, or an object with __index__.</summary>
    internal static BigInteger Index(PyObject o) => Number.Index(o).Value;

    internal static BigInteger RequireInt(PyObject o) =>
        o is PyInt i ? i.Value : throw new PythonException(PyExc.TypeError, "an integer is required");
}

/// <summary>The PyLong_* functions that need the value's semantics (constructors from C
/// values are C, in longobject.c).</summary>
internal static unsafe class LongApi
{
    private static T InRange<T>(BigInteger v, T min, T max, string ctype) where T : INumber<T>
    {
        if (v < BigInteger.CreateChecked(min) || v > BigInteger.CreateChecked(max))
        {
            throw new PythonException(PyExc.OverflowError, $"Python int too large to convert to C {ctype}");
        }
        return T.CreateChecked(v);
    }

    /// <summary>The value of an exact int read from its digits: converting a C-born int
    /// needs no managed twin (and so no pair to collect later).</summary>
    private static unsafe bool TryReadExactInt(BorrowedReference o, out BigInteger value)
    {
        nint type = o.IsNull ? 0 : ((PyObjectHead*)o.Address)->ob_type;
        if (type != 0 && (type == BuiltinTypes.Int.Native || type == BuiltinTypes.Bool.Native))
        {
            value = PyInt.ReadDigits(o.Address);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>An int, or an object with __index__ (the As* functions that accept those).</summary>
    private static BigInteger IndexOf(BorrowedReference o) =>
        TryReadExactInt(o, out var v) ? v : PyInt.Index(ObjectSpace.FromNative(o));

    /// <summary>An int only (the As* functions that raise "an integer is required").</summary>
    private static BigInteger IntOf(BorrowedReference o) =>
        TryReadExactInt(o, out var v) ? v : PyInt.RequireInt(ObjectSpace.FromNative(o));

    [CApi(SlowPath = true)]
    internal static long PyLong_AsLong(BorrowedReference o) =>
        InRange(IndexOf(o), long.MinValue, long.MaxValue, "long");

    [CApi(SlowPath = true)]
    internal static long PyLong_AsLongLong(BorrowedReference o)
    {
        var v = IndexOf(o);
        // CPython converts through _PyLong_AsByteArray, hence its wording.
        return v >= long.MinValue && v <= long.MaxValue ? (long)v
            : throw new PythonException(PyExc.OverflowError, "int too big to convert");
    }

    [CApi(SlowPath = true)]
    internal static long PyLong_AsLongAndOverflow(BorrowedReference o, int* overflow) =>
        AsLongAndOverflow(o, overflow);

    [CApi]
    internal static long PyLong_AsLongLongAndOverflow(BorrowedReference o, int* overflow) =>
        AsLongAndOverflow(o, overflow);

    private static long AsLongAndOverflow(BorrowedReference o, int* overflow)
    {
        *overflow = 0;
        var v = IndexOf(o);
        if (v > long.MaxValue || v < long.MinValue)
        {
            *overflow = v.Sign;
            return -1;
        }
        return (long)v;
    }

    [CApi(SlowPath = true)]
    internal static nint PyLong_AsSsize_t(BorrowedReference o) =>
        InRange(IntOf(o), nint.MinValue, nint.MaxValue, "ssize_t");

    [CApi(SlowPath = true)]
    internal static nuint PyLong_AsSize_t(BorrowedReference o)
    {
        var v = IntOf(o);
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative value to size_t");
        }
        return InRange(v, nuint.MinValue, nuint.MaxValue, "size_t");
    }

    [CApi(SlowPath = true)]
    internal static ulong PyLong_AsUnsignedLong(BorrowedReference o)
    {
        var v = IntOf(o);
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative value to unsigned int");
        }
        return InRange(v, ulong.MinValue, ulong.MaxValue, "unsigned long");
    }

    [CApi(SlowPath = true)]
    internal static ulong PyLong_AsUnsignedLongLong(BorrowedReference o)
    {
        var v = IntOf(o);
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative int to unsigned");
        }
        return v > ulong.MaxValue ? throw new PythonException(PyExc.OverflowError, "int too big to convert") : (ulong)v;
    }

    [CApi]
    internal static ulong PyLong_AsUnsignedLongMask(BorrowedReference o) =>
        (ulong)(IndexOf(o) & ulong.MaxValue);

    [CApi]
    internal static ulong PyLong_AsUnsignedLongLongMask(BorrowedReference o) =>
        (ulong)(IndexOf(o) & ulong.MaxValue);

    [CApi(SlowPath = true)]
    internal static double PyLong_AsDouble(BorrowedReference o)
    {
        return IntArithmetic.ToDouble(IntOf(o));
    }

    [CApi]
    internal static nint PyLong_AsVoidPtr(BorrowedReference o)
    {
        var v = IntOf(o);
        return v.Sign < 0 ? (nint)InRange(v, long.MinValue, long.MaxValue, "long")
            : (nint)InRange(v, ulong.MinValue, ulong.MaxValue, "unsigned long");
    }

    [CApi]
    internal static NewReference PyLong_FromDouble(double v)
    {
        if (double.IsNaN(v))
        {
            throw new PythonException(PyExc.ValueError, "cannot convert float NaN to integer");
        }
        if (double.IsInfinity(v))
        {
            throw new PythonException(PyExc.OverflowError, "cannot convert float infinity to integer");
        }
        return ObjectSpace.NewFresh(new PyInt(new BigInteger(Math.Truncate(v))));
    }

    [CApi]
    internal static NewReference PyLong_FromString(byte* str, byte** pend, int @base)
    {
        var text = new ReadOnlySpan<byte>(str, System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(str).Length);
        int end = 0;
        try
        {
            return ObjectSpace.NewFresh(new PyInt(IntParser.FromString(text, @base, out end)));
        }
        finally
        {
            if (pend != null)
            {
                *pend = str + end;
            }
        }
    }

    [CApi]
    internal static NewReference PyLong_FromUnicodeObject(BorrowedReference u, int @base) =>
        ObjectSpace.NewRef(IntParser.FromUnicode(ObjectSpace.FromNative(u) as PyStr ?? throw Abstract.BadInternalCall(), @base));

    /// <summary>The value as n bytes of (two's complement if signed) binary.</summary>
    [CApi]
    internal static int _PyLong_AsByteArray(BorrowedReference o, byte* bytes, nuint n, int littleEndian, int isSigned)
    {
        var v = ((PyInt)ObjectSpace.FromNative(o)).Value;
        var span = new Span<byte>(bytes, (int)n);
        try
        {
            IntMethods.ToBytes(v, (long)n, littleEndian != 0, isSigned != 0).CopyTo(span);
        }
        catch (PythonException) when (isSigned != 0 || v.Sign >= 0)
        {
            // Too big: CPython has written the low n bytes (two's complement) by the time it finds out.
            span.Clear();
            var low = (v & ((BigInteger.One << (int)(n * 8)) - 1)).ToByteArray(isUnsigned: true, isBigEndian: false);
            low.AsSpan(0, Math.Min(low.Length, span.Length)).CopyTo(span);
            if (littleEndian == 0)
            {
                span.Reverse();
            }
            throw;
        }
        return 0;
    }

    [CApi]
    internal static NewReference _PyLong_FromByteArray(byte* bytes, nuint n, int littleEndian, int isSigned) =>
        ObjectSpace.NewFresh(new PyInt(new BigInteger(new ReadOnlySpan<byte>(bytes, (int)n), isUnsigned: isSigned == 0,
            isBigEndian: littleEndian == 0)));

    [CApi(Error = "0")]
    internal static int _PyLong_Sign(BorrowedReference o) => ((PyInt)ObjectSpace.FromNative(o)).Value.Sign;

    [CApi(Error = "unchecked((nuint)(-1L))")]
    internal static nuint _PyLong_NumBits(BorrowedReference o) =>
        (nuint)BigInteger.Abs(((PyInt)ObjectSpace.FromNative(o)).Value).GetBitLength();
}

/// <summary>int's own methods and attributes (int.bit_length, int.to_bytes, int.from_bytes,
/// int.real, ...), with Argument Clinic's argument handling.</summary>
internal static class IntMethods
{
    private static BigInteger ValueOf(PyObject? self) => ((PyInt)self!).Value;

    /// <summary>long_long: the value as an exact int (a subclass's instance or a bool is copied).</summary>
    private static PyObject Exact(PyObject self) =>
        ReferenceEquals(self.Type, BuiltinTypes.Int) ? self : new PyInt(((PyInt)self).Value);

    private static void NoArgs(string name, Func<PyObject, PyObject> body) => PyBuiltinMethodDescriptor.AddNoArgs(BuiltinTypes.Int, name, body);

    internal static void Register()
    {
        var type = BuiltinTypes.Int;
        NoArgs("conjugate", Exact);
        NoArgs("bit_length", self => new PyInt(BigInteger.Abs(ValueOf(self)).GetBitLength()));
        NoArgs("bit_count", self => new PyInt(BigInteger.PopCount(BigInteger.Abs(ValueOf(self)))));
        NoArgs("as_integer_ratio", self => PyTuple.Create([Exact(self), new PyInt(1)]));
        NoArgs("__trunc__", Exact);
        NoArgs("__floor__", Exact);
        NoArgs("__ceil__", Exact);
        NoArgs("__getnewargs__", self => PyTuple.Create([new PyInt(ValueOf(self))]));
        NoArgs("__sizeof__", self => new PyInt(SizeOf(ValueOf(self))));
        PyBuiltinMethodDescriptor.Add(type, "__round__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__round__", args, kwargs, 0, 1, ArgStyle.Clinic);
            return args.Length == 0 ? Exact(self!) : Round(self!, Number.Index(args[0]).Value);
        });
        Formatter.AddFormatMethod(type);
        PyBuiltinMethodDescriptor.Add(type, "to_bytes", (self, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("to_bytes", args, kwargs, ["length", "byteorder", "signed"], positional: 2);
            long length = a[0] is null ? 1 : MethodArgs.Index(a[0]!);
            bool little = LittleEndian("to_bytes", a[1]);
            if (length < 0)
            {
                throw new PythonException(PyExc.ValueError, "length argument must be non-negative");
            }
            // The bytes object is made first (PyBytes_FromStringAndSize's errors), then filled.
            if (length > Array.MaxLength)
            {
                throw length > long.MaxValue - 33 ? new PythonException(PyExc.OverflowError, "byte string is too large")
                    : new PythonException(PyExc.MemoryError);
            }
            return new PyBytes(ToBytes(ValueOf(self), length, little, a[2]?.IsTrue() ?? false));
        });
        PyBuiltinClassMethodDescriptor.Add(type, "from_bytes", (cls, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("from_bytes", args, kwargs, ["bytes", "byteorder", "signed"], required: 1, positional: 2);
            bool little = LittleEndian("from_bytes", a[1]);
            var data = ((PyBytes)BytesOps.Bytes(a[0]!)).Value;
            var value = new PyInt(new BigInteger(data, isUnsigned: !(a[2]?.IsTrue() ?? false), isBigEndian: !little));
            return ReferenceEquals(cls, type) ? value : Abstract.Call(cls!, PyTuple.Create([value]), null);
        });
        PyGetSetDescriptor.Add(type, "real", Exact);
        PyGetSetDescriptor.Add(type, "imag", _ => new PyInt(0));
        PyGetSetDescriptor.Add(type, "numerator", Exact);
        PyGetSetDescriptor.Add(type, "denominator", _ => new PyInt(1));
    }

    /// <summary>The byteorder argument of to_bytes and from_bytes ('big' when absent).</summary>
    private static bool LittleEndian(string method, PyObject? order) => order switch
    {
        null or PyStr { Value: "big" } => false,
        PyStr { Value: "little" } => true,
        PyStr => throw new PythonException(PyExc.ValueError, "byteorder must be either 'little' or 'big'"),
        _ => throw new PythonException(PyExc.TypeError, $"{method}() argument 'byteorder' must be str, not {order.Type.Name}"),
    };

    /// <summary>int.__sizeof__: the header and the 30-bit digits, at least one.</summary>
    private static long SizeOf(BigInteger v) => 24 + 4 * Math.Max(1, (BigInteger.Abs(v).GetBitLength() + 29) / 30);

    /// <summary>int.__round__(ndigits): unchanged for ndigits >= 0, else to the nearest
    /// multiple of 10**-ndigits, halves to the even multiple (_PyLong_DivmodNear).</summary>
    private static PyObject Round(PyObject self, BigInteger ndigits)
    {
        var v = ValueOf(self);
        if (ndigits >= 0)
        {
            return Exact(self);
        }
        // 10**k > 2**(k+1) > 2*|v| once k reaches the bit length: 0, without computing a huge power.
        if (-ndigits >= BigInteger.Abs(v).GetBitLength())
        {
            return new PyInt(0);
        }
        var unit = BigInteger.Pow(10, (int)-ndigits);
        var quotient = BigInteger.DivRem(v, unit, out var remainder);
        if (remainder.Sign < 0)
        {
            quotient -= 1;
            remainder += unit;
        }
        int half = (2 * remainder).CompareTo(unit);
        if (half > 0 || (half == 0 && !quotient.IsEven))
        {
            quotient += 1;
        }
        return new PyInt(quotient * unit);
    }

    /// <summary>The value in <paramref name="length"/> bytes, two's complement when signed
    /// (_PyLong_AsByteArray's checks and messages).</summary>
    internal static byte[] ToBytes(BigInteger v, long length, bool little, bool signed)
    {
        if (!signed && v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative int to unsigned");
        }
        // 0 and, signed, -1 are all sign bits: CPython stores them in no bytes at all.
        long needed = v.IsZero || (signed && v == BigInteger.MinusOne) ? 0 : v.GetByteCount(isUnsigned: !signed);
        if (needed > length)
        {
            throw new PythonException(PyExc.OverflowError, "int too big to convert");
        }
        var result = new byte[length];
        Array.Fill(result, v.Sign < 0 ? (byte)0xFF : (byte)0);
        v.TryWriteBytes(result, out _, isUnsigned: !signed, isBigEndian: false);
        if (!little)
        {
            Array.Reverse(result);
        }
        return result;
    }
}

/// <summary>int(text, base) parsing with CPython's literal rules, error texts and end
/// positions (PyLong_FromString works on the bytes of a C string).</summary>
internal static class IntParser
{
    /// <summary>sys.int_info.default_max_str_digits: the longest decimal text int() and
    /// str() convert (CVE-2020-10735).</summary>
    internal const int MaxStrDigits = 4300;

    internal static void CheckBase(int @base)
    {
        if ((@base != 0 && @base < 2) || @base > 36)
        {
            throw new PythonException(PyExc.ValueError, "int() arg 2 must be >= 2 and <= 36");
        }
    }

    /// <summary>Py_ISSPACE: the C locale's white space.</summary>
    internal static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    internal static int DigitValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'Z' => c - 'A' + 10,
        _ => 37,
    };

    /// <summary>The byte at k, or the C string's terminating NUL past the end.</summary>
    private static byte At(ReadOnlySpan<byte> text, int k) => k < text.Length ? text[k] : (byte)0;

    /// <summary>Parses <paramref name="text"/> (which ends where the C string's NUL is) as
    /// PyLong_FromString does. On a syntax error returns false with <paramref name="end"/> where
    /// parsing stopped and <paramref name="base"/> the base the message names (the one the
    /// literal's prefix chose, or 0 for a decimal literal with leading zeros).</summary>
    internal static bool TryParse(ReadOnlySpan<byte> text, ref int @base, out BigInteger value, out int end)
    {
        value = BigInteger.Zero;
        int i = 0;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }
        bool negative = At(text, i) == '-';
        if (At(text, i) is (byte)'+' or (byte)'-')
        {
            i++;
        }
        bool errorIfNonzero = false; // "0123": C-style octal, an error unless the value is 0
        byte prefix = (byte)(At(text, i + 1) | 0x20);
        if (@base == 0)
        {
            @base = At(text, i) != '0' ? 10 : prefix switch { (byte)'x' => 16, (byte)'o' => 8, (byte)'b' => 2, _ => 0 };
            if (@base == 0)
            {
                errorIfNonzero = true;
                @base = 10;
            }
        }
        if (At(text, i) == '0' && ((@base == 16 && prefix == 'x') || (@base == 8 && prefix == 'o') || (@base == 2 && prefix == 'b')))
        {
            i += 2;
            if (At(text, i) == '_')
            {
                i++; // one underscore may follow the prefix
            }
        }
        end = i;
        if (At(text, i) == '_')
        {
            return false;
        }
        int start = i, digits = 0;
        bool afterUnderscore = false;
        for (; DigitValue(At(text, i)) < @base || At(text, i) == '_'; i++)
        {
            if (At(text, i) == '_')
            {
                if (afterUnderscore)
                {
                    end = i - 1; // at the first underscore of the pair
                    return false;
                }
                afterUnderscore = true;
            }
            else
            {
                afterUnderscore = false;
                digits++;
            }
        }
        if (afterUnderscore)
        {
            end = i - 1;
            return false;
        }
        if ((@base & (@base - 1)) != 0 && digits > MaxStrDigits)
        {
            throw new PythonException(PyExc.ValueError, $"Exceeds the limit ({MaxStrDigits} digits) for integer string " +
                $"conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        value = Accumulate(text[start..i], @base);
        end = i;
        if (errorIfNonzero)
        {
            @base = 0; // the message names the base the caller gave
            if (!value.IsZero)
            {
                return false;
            }
        }
        if (i == start)
        {
            return false;
        }
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }
        end = i;
        if (i < text.Length)
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>The value of validated digits (underscores skipped), a machine word of
    /// digits at a time.</summary>
    private static BigInteger Accumulate(ReadOnlySpan<byte> digits, int @base)
    {
        var value = BigInteger.Zero;
        ulong chunk = 0, scale = 1;
        foreach (byte c in digits)
        {
            if (c == '_')
            {
                continue;
            }
            chunk = chunk * (ulong)@base + (ulong)DigitValue(c);
            scale *= (ulong)@base;
            if (scale > ulong.MaxValue / 36 / 36)
            {
                value = value * scale + chunk;
                (chunk, scale) = (0, 1);
            }
        }
        return scale == 1 ? value : value * scale + chunk;
    }

    private static PythonException InvalidLiteral(int @base, string literalRepr) =>
        new(PyExc.ValueError, InvalidLiteralMessage(@base, literalRepr));

    /// <summary>int()'s ValueError text: the literal's repr cut at 200 characters (%.200R).</summary>
    internal static string InvalidLiteralMessage(int @base, string literalRepr) =>
        $"invalid literal for int() with base {@base}: {Truncate(literalRepr, 200)}";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>PyLong_FromString: <paramref name="end"/> is set on success and on syntax errors.</summary>
    internal static BigInteger FromString(ReadOnlySpan<byte> text, int @base, out int end)
    {
        CheckBase(@base);
        if (TryParse(text, ref @base, out var value, out end))
        {
            return value;
        }
        var shown = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 200)]);
        throw InvalidLiteral(@base, new PyStr(shown).ReprString());
    }

    /// <summary>PyLong_FromUnicodeObject: Unicode digits and spaces count as their ASCII
    /// forms; any failure is reported with the whole string and the base given.</summary>
    internal static PyInt FromUnicode(PyStr text, int @base) => new(ParseUnicode(text.Value, @base));

    internal static BigInteger ParseUnicode(string text, int @base)
    {
        CheckBase(@base);
        return TryParseUnicode(text, @base, out var value) ? value : throw InvalidLiteral(@base, PyStr.Quote(text));
    }

    /// <summary>int(text, base) for a valid base: false when the text is no literal of it.</summary>
    internal static bool TryParseUnicode(string text, int @base, out BigInteger value)
    {
        var ascii = ToAsciiDigits(text);
        value = BigInteger.Zero;
        return ascii is not null && TryParse(ascii, ref @base, out value, out int end) && end == ascii.Length;
    }

    /// <summary>int(text, base) from managed code: the whole text, or (not <paramref name="wholeString"/>)
    /// a literal followed by white space only, with <paramref name="consumed"/> characters used.</summary>
    internal static BigInteger Parse(string text, int @base, out int consumed, bool wholeString)
    {
        if (wholeString)
        {
            consumed = text.Length;
            return ParseUnicode(text, @base);
        }
        var ascii = ToAsciiDigits(text) ?? throw InvalidLiteral(@base, new PyStr(text).ReprString());
        return FromString(ascii, @base, out consumed);
    }

    /// <summary>_PyLong_FromBytes: an embedded NUL ends the text, which is then invalid.</summary>
    internal static PyInt FromBytes(byte[] bytes, int @base)
    {
        CheckBase(@base);
        int nul = Array.IndexOf(bytes, (byte)0);
        var text = nul < 0 ? bytes : bytes[..nul];
        int parsedBase = @base;
        if (TryParse(text, ref parsedBase, out var value, out int end) && end == bytes.Length)
        {
            return new PyInt(value);
        }
        throw InvalidLiteral(@base, new PyBytes(bytes[..Math.Min(bytes.Length, 200)]).ReprString());
    }

    /// <summary>_PyUnicode_TransformDecimalAndSpaceToASCII: null when a code point is
    /// neither ASCII, a space nor a decimal digit of Unicode 14.0 (such text can only be
    /// invalid). Astral digits (U+1D7CE...) are one code point of two UTF-16 units.</summary>
    internal static byte[]? ToAsciiDigits(string s)
    {
        var result = new byte[s.Length];
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 128)
            {
                result[n++] = (byte)c;
            }
            else if (char.IsWhiteSpace(c))
            {
                result[n++] = (byte)' ';
            }
            else if (Unicode14.Queryable(char.IsSurrogatePair(s, i) ? char.ConvertToUtf32(s, i) : c) != 0xFFFF
                && CharUnicodeInfo.GetDecimalDigitValue(s, i) is var d and >= 0)
            {
                result[n++] = (byte)('0' + d);
                i += char.IsHighSurrogate(c) ? 1 : 0;
            }
            else
            {
                return null;
            }
        }
        return n == s.Length ? result : result[..n];
    }
}

/// <summary>int to text: str() in decimal (with CPython's digit limit) and the 0b/0o/0x forms.</summary>
internal static class IntFormat
{
    internal static string Decimal(BigInteger v)
    {
        // CPython refuses before converting when the size alone shows the text is too long.
        if (BigInteger.Abs(v).GetBitLength() > 478L * 30 || (v.ToString(CultureInfo.InvariantCulture) is var s
            && s.Length - (v.Sign < 0 ? 1 : 0) > IntParser.MaxStrDigits))
        {
            throw new PythonException(PyExc.ValueError, $"Exceeds the limit ({IntParser.MaxStrDigits} digits) for " +
                "integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        return s;
    }

    /// <summary>bin(), oct(), hex() and str(): the sign, the prefix, the digits.</summary>
    internal static string ToBase(BigInteger v, int @base)
    {
        if (@base == 10)
        {
            return Decimal(v);
        }
        string prefix = @base switch { 2 => "0b", 8 => "0o", _ => "0x" };
        var magnitude = BigInteger.Abs(v);
        // 60 bits make a whole number of binary, octal and hex digits.
        int digitsPerChunk = 60 / (@base == 2 ? 1 : @base == 8 ? 3 : 4);
        var chunks = new List<string>();
        do
        {
            var chunk = (long)(magnitude & ((BigInteger.One << 60) - 1));
            magnitude >>= 60;
            var text = Convert.ToString(chunk, @base);
            chunks.Add(magnitude.IsZero ? text : text.PadLeft(digitsPerChunk, '0'));
        }
        while (!magnitude.IsZero);
        chunks.Reverse();
        return (v.Sign < 0 ? "-" : "") + prefix + string.Concat(chunks);
    }
}

/// <summary>int's arithmetic slots, with Python's semantics: floor division, a remainder
/// with the divisor's sign, correctly rounded true division, negative powers as floats.</summary>
internal static class IntArithmetic
{
    internal static readonly NumberSlots Slots = CreateSlots();

    private static PyObject NotImplemented => PyNotImplemented.Instance;

    private static BinarySlot Op(Func<BigInteger, BigInteger, PyObject> f) =>
        (v, w) => v is PyInt a && w is PyInt b ? f(a.Value, b.Value) : NotImplemented;

    private static UnarySlot Unary(Func<PyInt, PyObject> f) => o => o is PyInt i ? f(i) : NotImplemented;

    private static NumberSlots CreateSlots()
    {
        var s = new NumberSlots();
        s.Binary[(int)NumberOp.Add] = Op((a, b) => new PyInt(a + b));
        s.Binary[(int)NumberOp.Subtract] = Op((a, b) => new PyInt(a - b));
        s.Binary[(int)NumberOp.Multiply] = Op((a, b) => new PyInt(a * b));
        s.Binary[(int)NumberOp.FloorDivide] = Op((a, b) => new PyInt(FloorDivRem(a, b, "integer division or modulo by zero").Quotient));
        s.Binary[(int)NumberOp.Remainder] = Op((a, b) => new PyInt(FloorDivRem(a, b, "integer modulo by zero").Remainder));
        s.Binary[(int)NumberOp.Divmod] = Op((a, b) => FloorDivRem(a, b, "integer division or modulo by zero") is var (q, r)
            ? PyTuple.Create([new PyInt(q), new PyInt(r)]) : null!);
        s.Binary[(int)NumberOp.TrueDivide] = Op((a, b) => new PyFloat(TrueDivide(a, b)));
        s.Binary[(int)NumberOp.Lshift] = Op((a, b) => new PyInt(ShiftLeft(a, b)));
        s.Binary[(int)NumberOp.Rshift] = Op((a, b) => new PyInt(ShiftRight(a, b)));
        s.Binary[(int)NumberOp.And] = Op((a, b) => new PyInt(a & b));
        s.Binary[(int)NumberOp.Or] = Op((a, b) => new PyInt(a | b));
        s.Binary[(int)NumberOp.Xor] = Op((a, b) => new PyInt(a ^ b));
        s.Power = Power;
        s.Unary[(int)UnaryOp.Negative] = Unary(i => new PyInt(-i.Value));
        s.Unary[(int)UnaryOp.Positive] = Unary(Number.ExactInt);
        s.Unary[(int)UnaryOp.Absolute] = Unary(i => new PyInt(BigInteger.Abs(i.Value)));
        s.Unary[(int)UnaryOp.Invert] = Unary(i => new PyInt(-i.Value - 1));
        s.Unary[(int)UnaryOp.Int] = Unary(Number.ExactInt);
        s.Unary[(int)UnaryOp.Index] = Unary(Number.ExactInt);
        s.Unary[(int)UnaryOp.Float] = Unary(i => new PyFloat(ToDouble(i.Value)));
        return s;
    }

    /// <summary>Floor division and the remainder that goes with it (the divisor's sign).</summary>
    internal static (BigInteger Quotient, BigInteger Remainder) FloorDivRem(BigInteger a, BigInteger b, string zeroMessage)
    {
        if (b.IsZero)
        {
            throw new PythonException(PyExc.ZeroDivisionError, zeroMessage);
        }
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && r.Sign != b.Sign)
        {
            q -= 1;
            r += b;
        }
        return (q, r);
    }

    private static BigInteger ShiftLeft(BigInteger a, BigInteger count)
    {
        if (count.Sign < 0)
        {
            throw new PythonException(PyExc.ValueError, "negative shift count");
        }
        if (a.IsZero)
        {
            return a;
        }
        // CPython's size check, in its 30-bit digits: past what Py_ssize_t counts is an
        // OverflowError; short of that, a MemoryError when it cannot be allocated.
        const long maxDigits = (long.MaxValue - 24) / 4, clip = long.MaxValue / 4;
        var wordShift = BigInteger.Min(count / 30, clip);
        var newSize = (a.GetBitLength() + 29) / 30 + wordShift + (wordShift == clip || count % 30 == 0 ? 0 : 1);
        if (newSize > maxDigits)
        {
            throw new PythonException(PyExc.OverflowError, "too many digits in integer");
        }
        if (count > int.MaxValue - a.GetBitLength())
        {
            throw new PythonException(PyExc.MemoryError);
        }
        return a << (int)count;
    }

    private static BigInteger ShiftRight(BigInteger a, BigInteger count)
    {
        if (count.Sign < 0)
        {
            throw new PythonException(PyExc.ValueError, "negative shift count");
        }
        // An arithmetic shift: it rounds toward minus infinity, so everything shifted out leaves -1 or 0.
        return count >= a.GetBitLength() + 1 ? (a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero) : a >> (int)count;
    }

    /// <summary>int ** int [% int]; a negative exponent without a modulus is float arithmetic.</summary>
    private static PyObject Power(PyObject v, PyObject w, PyObject z)
    {
        if (v is not PyInt a || w is not PyInt e)
        {
            return NotImplemented;
        }
        if (z is PyNone)
        {
            return e.Value.Sign < 0 ? FloatArithmetic.Slots.Power!(v, w, z) : new PyInt(Pow(a.Value, e.Value));
        }
        return z is PyInt m ? new PyInt(ModPow(a.Value, e.Value, m.Value)) : NotImplemented;
    }

    private static BigInteger Pow(BigInteger a, BigInteger e)
    {
        if (a.IsZero || a.IsOne || e.IsZero)
        {
            return e.IsZero ? BigInteger.One : a;
        }
        if (a == BigInteger.MinusOne)
        {
            return e.IsEven ? BigInteger.One : a;
        }
        // Results past a few gigabits cannot be allocated; CPython fails the same way.
        if (e > int.MaxValue || (long)e * (long)BigInteger.Abs(a).GetBitLength() > 1L << 34)
        {
            throw new PythonException(PyExc.MemoryError);
        }
        return BigInteger.Pow(a, (int)e);
    }

    /// <summary>pow(a, e, m): a negative exponent uses the inverse of a modulo m; the result
    /// has m's sign.</summary>
    private static BigInteger ModPow(BigInteger a, BigInteger e, BigInteger m)
    {
        if (m.IsZero)
        {
            throw new PythonException(PyExc.ValueError, "pow() 3rd argument cannot be 0");
        }
        bool negativeModulus = m.Sign < 0;
        m = BigInteger.Abs(m);
        if (m.IsOne)
        {
            return BigInteger.Zero;
        }
        a = FloorDivRem(a, m, "").Remainder;
        if (e.Sign < 0)
        {
            a = Inverse(a, m) ?? throw new PythonException(PyExc.ValueError, "base is not invertible for the given modulus");
            e = -e;
        }
        var r = BigInteger.ModPow(a, e, m);
        return negativeModulus && !r.IsZero ? r - m : r;
    }

    /// <summary>The inverse of a modulo m (0 &lt;= a &lt; m), by the extended Euclidean algorithm.</summary>
    private static BigInteger? Inverse(BigInteger a, BigInteger m)
    {
        var (r0, r1, s0, s1) = (m, a, BigInteger.Zero, BigInteger.One);
        while (!r1.IsZero)
        {
            var q = BigInteger.DivRem(r0, r1, out var r);
            (r0, r1) = (r1, r);
            (s0, s1) = (s1, s0 - q * s1);
        }
        return r0.IsOne ? FloorDivRem(s0, m, "").Remainder : null;
    }

    /// <summary>int / int, correctly rounded (CPython's long_true_divide).</summary>
    internal static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
        {
            throw new PythonException(PyExc.ZeroDivisionError, "division by zero");
        }
        const long exact = 1L << 53;
        if (BigInteger.Abs(a) <= exact && BigInteger.Abs(b) <= exact)
        {
            return (double)(long)a / (long)b; // both exact as doubles: one IEEE rounding
        }
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        var (x, y) = (BigInteger.Abs(a), BigInteger.Abs(b));
        long shift = x.GetBitLength() - y.GetBitLength();
        if (x.IsZero || shift < -1080)
        {
            return negative ? -0.0 : 0.0; // under half the smallest subnormal
        }
        if (shift > 1025)
        {
            throw new PythonException(PyExc.OverflowError, "integer division result too large for a float");
        }
        // A quotient of at least 55 bits plus a sticky bit rounds exactly like the true one.
        int scale = (int)shift - 55;
        var q = scale >= 0 ? BigInteger.DivRem(x, y << scale, out var r) : BigInteger.DivRem(x << -scale, y, out r);
        double d = RoundToDouble(q, !r.IsZero, scale);
        if (double.IsInfinity(d))
        {
            throw new PythonException(PyExc.OverflowError, "integer division result too large for a float");
        }
        return negative ? -d : d;
    }

    /// <summary>float(int), rounded half to even.</summary>
    internal static double ToDouble(BigInteger v)
    {
        if (v >= long.MinValue && v <= long.MaxValue)
        {
            return (long)v;
        }
        double d = RoundToDouble(BigInteger.Abs(v), false, 0);
        return double.IsInfinity(d) ? throw new PythonException(PyExc.OverflowError, "int too large to convert to float")
            : v.Sign < 0 ? -d : d;
    }

    /// <summary>The double nearest (m + a fraction that is non-zero if <paramref name="sticky"/>)
    /// * 2**exp, ties to even, with the precision subnormals have; infinity past the range.</summary>
    internal static double RoundToDouble(BigInteger m, bool sticky, int exp)
    {
        long bits = m.GetBitLength();
        if (bits == 0)
        {
            return 0.0;
        }
        long top = bits - 1 + exp; // the leading bit's exponent
        if (top > 1023)
        {
            return double.PositiveInfinity;
        }
        long precision = top >= -1022 ? 53 : 53 - (-1022 - top);
        long drop = bits - precision;
        if (drop > 0)
        {
            var kept = m >> (int)drop;
            var rest = m - (kept << (int)drop);
            var half = BigInteger.One << (int)(drop - 1);
            if (rest > half || (rest == half && (sticky || !kept.IsEven)))
            {
                kept += 1;
            }
            m = kept;
            exp += (int)drop;
        }
        return Math.ScaleB((double)(ulong)m, exp);
    }
}

/// <summary>Comparison helpers shared by the numeric types.</summary>
internal static class NumericCompare
{
    internal static bool Apply(int c, CompareOp op) => op switch
    {
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    /// <summary>An exact comparison of an int with a float, as CPython does it.</summary>
    internal static PyObject IntWithFloat(BigInteger i, double f, CompareOp op) =>
        PyBool.Of(CompareIntFloat(i, f) is { } c ? Apply(c, op) : op == CompareOp.Ne);

    /// <summary>The sign of i - f computed exactly, or null when f is a NaN (unordered).</summary>
    internal static int? CompareIntFloat(BigInteger i, double f)
    {
        if (double.IsNaN(f))
        {
            return null;
        }
        if (double.IsInfinity(f))
        {
            return f > 0 ? -1 : 1;
        }
        var floor = new BigInteger(Math.Floor(f));
        int c = i.CompareTo(floor);
        return c == 0 && f != Math.Floor(f) ? -1 : c;
    }
}

/// <summary>CPython's hashes of numbers, so that equal int, float and bool keys collide.</summary>
internal static class NumericHash
{
    private const int Bits = 61;
    private const ulong Modulus = (1UL << Bits) - 1;

    internal static long OfInteger(BigInteger v)
    {
        if (v >= long.MinValue + 1 && v <= long.MaxValue)
        {
            long small = (long)v;
            long m = (long)((ulong)Math.Abs(small) % Modulus);
            m = small < 0 ? -m : m;
            return m == -1 ? -2 : m;
        }
        var h = (long)(BigInteger.Abs(v) % Modulus);
        h = v.Sign < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    /// <summary>_Py_HashPointer: the address rotated by 4 bits (its low bits are alignment).</summary>
    internal static long OfPointer(nint p)
    {
        ulong a = (ulong)p;
        long h = (long)((a >> 4) | (a << 60));
        return h == -1 ? -2 : h;
    }

    internal static long OfDouble(double v, PyObject identity)
    {
        if (double.IsNaN(v))
        {
            return identity.IdentityHash();
        }
        if (double.IsInfinity(v))
        {
            return v > 0 ? 314159 : -314159;
        }
        int sign = 1;
        double m = Frexp(v, out int e);
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | x >> (Bits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus)
            {
                x -= Modulus;
            }
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & Modulus) | x >> (Bits - e);
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    private static double Frexp(double d, out int e)
    {
        if (d == 0)
        {
            e = 0;
            return d;
        }
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            d *= 18014398509481984.0; // 2**54, to normalize a subnormal
            bits = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bits >> 52) & 0x7FF) - 54;
        }
        e = exp - 1022;
        bits = (bits & unchecked((long)0x800FFFFFFFFFFFFFUL)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(bits);
    }
}

internal static class HashApi
{
    /// <summary>float's hash; a NaN hashes as the identity of <paramref name="inst"/>.</summary>
    [CApi]
    internal static nint _Py_HashDouble(nint inst, double v) =>
        (nint)(double.IsNaN(v) ? NumericHash.OfPointer(inst) : NumericHash.OfDouble(v, identity: PyNone.Instance)); // identity serves NaN only
}
