using System.Numerics;
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
        var magnitude = BigInteger.Abs(Value);
        int ndigits = magnitude.IsZero ? 0 : (int)((magnitude.GetBitLength() + 29) / 30);
        nint p = ObjectSpace.AllocateObject((nuint)(sizeof(PyVarObjectHead) + 4 * Math.Max(ndigits, 1)), Type);
        uint* digits = (uint*)(p + sizeof(PyVarObjectHead));
        for (int i = 0; i < ndigits; i++)
        {
            digits[i] = (uint)(magnitude & 0x3FFFFFFF);
            magnitude >>= 30;
        }
        ((PyVarObjectHead*)p)->ob_size = Value.Sign < 0 ? -ndigits : ndigits;
        return p;
    }

    internal override PyStr Repr() => new(Value.ToString());

    internal override bool IsTrue() => !Value.IsZero;

    /// <summary>CPython's numeric hash: the value modulo 2**61 - 1, sign kept, -1 → -2.</summary>
    internal override long Hash() => NumericHash.OfInteger(Value);

    internal override PyObject RichCompare(PyObject other, CompareOp op) => other switch
    {
        PyInt i => PyBool.Of(NumericCompare.Apply(Value.CompareTo(i.Value), op)),
        PyFloat f => NumericCompare.IntWithFloat(Value, f.Value, op),
        _ => PyNotImplemented.Instance,
    };

    /// <summary>The integer a C API call wants: an int, or an object with __index__.</summary>
    internal static BigInteger Index(PyObject o) => o switch
    {
        PyInt i => i.Value,
        _ => throw new PythonException(PyExc.TypeError, $"'{o.Type.Name}' object cannot be interpreted as an integer"),
    };

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

    [CApi]
    internal static long PyLong_AsLong(BorrowedReference o) =>
        InRange(PyInt.Index(ObjectSpace.FromNative(o)), long.MinValue, long.MaxValue, "long");

    [CApi]
    internal static long PyLong_AsLongLong(BorrowedReference o) =>
        InRange(PyInt.Index(ObjectSpace.FromNative(o)), long.MinValue, long.MaxValue, "long long");

    [CApi]
    internal static long PyLong_AsLongAndOverflow(BorrowedReference o, int* overflow) =>
        AsLongAndOverflow(o, overflow);

    [CApi]
    internal static long PyLong_AsLongLongAndOverflow(BorrowedReference o, int* overflow) =>
        AsLongAndOverflow(o, overflow);

    private static long AsLongAndOverflow(BorrowedReference o, int* overflow)
    {
        *overflow = 0;
        var v = PyInt.Index(ObjectSpace.FromNative(o));
        if (v > long.MaxValue || v < long.MinValue)
        {
            *overflow = v.Sign;
            return -1;
        }
        return (long)v;
    }

    [CApi]
    internal static nint PyLong_AsSsize_t(BorrowedReference o) =>
        InRange(PyInt.RequireInt(ObjectSpace.FromNative(o)), nint.MinValue, nint.MaxValue, "ssize_t");

    [CApi]
    internal static nuint PyLong_AsSize_t(BorrowedReference o)
    {
        var v = PyInt.RequireInt(ObjectSpace.FromNative(o));
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative value to size_t");
        }
        return InRange(v, nuint.MinValue, nuint.MaxValue, "size_t");
    }

    [CApi]
    internal static ulong PyLong_AsUnsignedLong(BorrowedReference o)
    {
        var v = PyInt.RequireInt(ObjectSpace.FromNative(o));
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative value to unsigned int");
        }
        return InRange(v, ulong.MinValue, ulong.MaxValue, "unsigned long");
    }

    [CApi]
    internal static ulong PyLong_AsUnsignedLongLong(BorrowedReference o)
    {
        var v = PyInt.RequireInt(ObjectSpace.FromNative(o));
        if (v.Sign < 0)
        {
            throw new PythonException(PyExc.OverflowError, "can't convert negative int to unsigned");
        }
        return v > ulong.MaxValue ? throw new PythonException(PyExc.OverflowError, "int too big to convert") : (ulong)v;
    }

    [CApi]
    internal static ulong PyLong_AsUnsignedLongMask(BorrowedReference o) =>
        (ulong)(PyInt.Index(ObjectSpace.FromNative(o)) & ulong.MaxValue);

    [CApi]
    internal static ulong PyLong_AsUnsignedLongLongMask(BorrowedReference o) =>
        (ulong)(PyInt.Index(ObjectSpace.FromNative(o)) & ulong.MaxValue);

    [CApi]
    internal static double PyLong_AsDouble(BorrowedReference o)
    {
        var v = PyInt.RequireInt(ObjectSpace.FromNative(o));
        double d = (double)v;
        return double.IsInfinity(d)
            ? throw new PythonException(PyExc.OverflowError, "int too large to convert to float") : d;
    }

    [CApi]
    internal static nint PyLong_AsVoidPtr(BorrowedReference o)
    {
        var v = PyInt.Index(ObjectSpace.FromNative(o));
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
        return ObjectSpace.NewRef(new PyInt(new BigInteger(Math.Truncate(v))));
    }

    [CApi]
    internal static NewReference PyLong_FromString(byte* str, byte** pend, int @base)
    {
        var text = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)str) ?? "";
        var value = IntParser.Parse(text, @base, out int consumedChars, wholeString: pend == null);
        if (pend != null)
        {
            *pend = str + System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, consumedChars));
        }
        return ObjectSpace.NewRef(new PyInt(value));
    }

    [CApi]
    internal static NewReference PyLong_FromUnicodeObject(BorrowedReference u, int @base)
    {
        var text = ((PyStr)ObjectSpace.FromNative(u)).Value;
        return ObjectSpace.NewRef(new PyInt(IntParser.Parse(text, @base, out _, wholeString: true)));
    }

    [CApi(Error = "0")]
    internal static int _PyLong_Sign(BorrowedReference o) => ((PyInt)ObjectSpace.FromNative(o)).Value.Sign;

    [CApi(Error = "unchecked((nuint)(-1L))")]
    internal static nuint _PyLong_NumBits(BorrowedReference o) =>
        (nuint)BigInteger.Abs(((PyInt)ObjectSpace.FromNative(o)).Value).GetBitLength();
}

/// <summary>int(text, base) parsing, with CPython's literal rules and error text.</summary>
internal static class IntParser
{
    internal static BigInteger Parse(string text, int @base, out int consumed, bool wholeString)
    {
        if ((@base != 0 && @base < 2) || @base > 36)
        {
            throw new PythonException(PyExc.ValueError, "int() arg 2 must be >= 2 and <= 36");
        }
        int i = 0, n = text.Length;
        while (i < n && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        bool negative = false;
        if (i < n && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        int b = @base;
        if (i + 1 < n && text[i] == '0')
        {
            char p = char.ToLowerInvariant(text[i + 1]);
            int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixBase != 0 && (b == 0 || b == prefixBase))
            {
                b = prefixBase;
                i += 2;
                if (i < n && text[i] == '_')
                {
                    i++;
                }
            }
        }
        bool zeroBase = b == 0;
        if (b == 0)
        {
            b = 10;
        }
        int start = i;
        BigInteger v = BigInteger.Zero;
        bool ok = i < n, lastUnderscore = false;
        for (; i < n; i++)
        {
            char c = text[i];
            if (c == '_' && i > start && !lastUnderscore)
            {
                lastUnderscore = true;
                continue;
            }
            int d = DigitValue(c);
            if (d < 0 || d >= b)
            {
                break;
            }
            lastUnderscore = false;
            v = v * b + d;
        }
        ok &= i > start && !lastUnderscore;
        // A base-0 literal may not have leading zeros ("010"), except zero itself.
        if (ok && zeroBase && text[start] == '0' && !v.IsZero && b == 10)
        {
            ok = false;
        }
        int end = i;
        while (i < n && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (!ok || (wholeString && i != n))
        {
            var literal = new PyStr(text).ReprString();
            throw new PythonException(PyExc.ValueError, $"invalid literal for int() with base {@base}: {literal}");
        }
        consumed = end;
        return negative ? -v : v;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
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
    internal static PyObject IntWithFloat(BigInteger i, double f, CompareOp op)
    {
        if (double.IsNaN(f))
        {
            return PyBool.Of(op == CompareOp.Ne);
        }
        if (double.IsInfinity(f))
        {
            return PyBool.Of(Apply(f > 0 ? -1 : 1, op));
        }
        var floor = new BigInteger(Math.Floor(f));
        int c = i.CompareTo(floor);
        if (c == 0 && f != Math.Floor(f))
        {
            c = -1;
        }
        return PyBool.Of(Apply(c, op));
    }
}

/// <summary>CPython's hashes of numbers, so that equal int, float and bool keys collide.</summary>
internal static class NumericHash
{
    private const int Bits = 61;
    private const ulong Modulus = (1UL << Bits) - 1;

    internal static long OfInteger(BigInteger v)
    {
        var h = (long)(BigInteger.Abs(v) % Modulus);
        h = v.Sign < 0 ? -h : h;
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
