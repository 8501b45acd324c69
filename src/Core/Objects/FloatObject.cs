using System.Globalization;
using System.Numerics;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>float: a C double; repr is the shortest string that round-trips, in
/// Python's notation.</summary>
internal sealed class PyFloat(double value) : PyObject(BuiltinTypes.Float)
{
    internal readonly double Value = value;

    /// <summary>Py_NAN, the quiet NaN CPython makes (sign bit clear; .NET's double.NaN has it set).</summary>
    internal static readonly double NaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    internal static unsafe PyFloat FromNative(nint p) => new(((PyFloatLayout*)p)->ob_fval);

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyFloatLayout), Type);
        ((PyFloatLayout*)p)->ob_fval = Value;
        return p;
    }

    internal override PyStr ReprCore() => new(FloatFormat.Repr(Value));

    internal override bool IsTrue() => Value != 0;

    internal override long HashCore() => NumericHash.OfDouble(Value, this);

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other switch
    {
        PyFloat f => PyBool.Of(Compare(Value, f.Value, op)),
        PyInt i => NumericCompare.IntWithFloat(i.Value, Value, Swap(op)),
        _ => PyNotImplemented.Instance,
    };

    private static bool Compare(double a, double b, CompareOp op) => op switch
    {
        CompareOp.Lt => a < b,
        CompareOp.Le => a <= b,
        CompareOp.Eq => a == b,
        CompareOp.Ne => a != b,
        CompareOp.Gt => a > b,
        _ => a >= b,
    };

    internal static CompareOp Swap(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };
}

internal static class FloatFormat
{
    /// <summary>repr(float): shortest round-trip digits; positional when the decimal
    /// exponent is in [-4, 16), scientific otherwise (CPython's 'r' format).</summary>
    internal static string Repr(double v)
    {
        if (double.IsNaN(v))
        {
            return "nan";
        }
        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }
        string sign = (v < 0 || (v == 0 && double.IsNegative(v))) ? "-" : "";
        if (v == 0)
        {
            return sign + "0.0";
        }
        // "R" gives the shortest round-trip digits; take them apart into digits and exponent.
        string shortest = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        int ePos = shortest.IndexOfAny(['E', 'e']);
        string mantissa = ePos < 0 ? shortest : shortest[..ePos];
        int exp10 = ePos < 0 ? 0 : int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        string digits = (intPart + fracPart).TrimStart('0');
        int leadingZerosRemoved = (intPart + fracPart).Length - digits.Length;
        // decimal point position relative to the start of `digits`
        int point = intPart.Length + exp10 - leadingZerosRemoved;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        int decpt = point; // value = 0.digits * 10**decpt
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                return sign + "0." + new string('0', -decpt) + digits;
            }
            if (decpt >= digits.Length)
            {
                return sign + digits + new string('0', decpt - digits.Length) + ".0";
            }
            return sign + digits[..decpt] + "." + digits[decpt..];
        }
        int e = decpt - 1;
        string m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        return sign + m + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
    }
}

/// <summary>float's arithmetic slots. An int operand is converted first (OverflowError
/// when it is beyond the double range); other operands are not handled.</summary>
internal static class FloatArithmetic
{
    internal static readonly NumberSlots Slots = CreateSlots();

    private static PyObject NotImplemented => PyNotImplemented.Instance;

    /// <summary>CONVERT_TO_DOUBLE: float and int operands only.</summary>
    private static bool TryDouble(PyObject o, out double d)
    {
        switch (o)
        {
            case PyFloat f:
                d = f.Value;
                return true;
            case PyInt i:
                d = IntArithmetic.ToDouble(i.Value);
                return true;
            default:
                d = 0;
                return false;
        }
    }

    private static BinarySlot Op(Func<double, double, PyObject> f) =>
        (v, w) => TryDouble(v, out double a) && TryDouble(w, out double b) ? f(a, b) : NotImplemented;

    private static UnarySlot Unary(Func<PyFloat, PyObject> f) => o => o is PyFloat x ? f(x) : NotImplemented;

    private static PyFloat Exact(PyFloat f) => ReferenceEquals(f.Type, BuiltinTypes.Float) ? f : new PyFloat(f.Value);

    private static double NonZero(double d, string message) =>
        d == 0 ? throw new PythonException(PyExc.ZeroDivisionError, message) : d;

    private static NumberSlots CreateSlots()
    {
        var s = new NumberSlots();
        s.Binary[(int)NumberOp.Add] = Op((a, b) => new PyFloat(a + b));
        s.Binary[(int)NumberOp.Subtract] = Op((a, b) => new PyFloat(a - b));
        s.Binary[(int)NumberOp.Multiply] = Op((a, b) => new PyFloat(a * b));
        s.Binary[(int)NumberOp.TrueDivide] = Op((a, b) => new PyFloat(a / NonZero(b, "float division by zero")));
        s.Binary[(int)NumberOp.Remainder] = Op((a, b) => new PyFloat(Modulo(a, NonZero(b, "float modulo"))));
        s.Binary[(int)NumberOp.FloorDivide] = Op((a, b) => new PyFloat(DivMod(a, NonZero(b, "float floor division by zero")).Quotient));
        s.Binary[(int)NumberOp.Divmod] = Op((a, b) => DivMod(a, NonZero(b, "float divmod()")) is var (q, r)
            ? PyTuple.Create([new PyFloat(q), new PyFloat(r)]) : null!);
        s.Power = Power;
        s.Unary[(int)UnaryOp.Negative] = Unary(f => new PyFloat(-f.Value));
        s.Unary[(int)UnaryOp.Positive] = Unary(Exact);
        s.Unary[(int)UnaryOp.Absolute] = Unary(f => new PyFloat(Math.Abs(f.Value)));
        s.Unary[(int)UnaryOp.Int] = Unary(f => new PyInt(FloatApi.Truncate(f.Value)));
        s.Unary[(int)UnaryOp.Float] = Unary(Exact);
        return s;
    }

    /// <summary>a % b with the sign of b (fmod, then moved into b's direction).</summary>
    private static double Modulo(double a, double b)
    {
        double mod = a % b; // C# % on doubles is C's fmod
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
            {
                mod += b;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, b);
        }
        return mod;
    }

    /// <summary>divmod(a, b) for floats: the floor quotient, made exact when a % b is.</summary>
    private static (double Quotient, double Remainder) DivMod(double a, double b)
    {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
            {
                mod += b;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, b);
        }
        double floorDiv;
        if (div != 0)
        {
            floorDiv = Math.Floor(div);
            if (div - floorDiv > 0.5)
            {
                floorDiv += 1.0;
            }
        }
        else
        {
            floorDiv = Math.CopySign(0.0, a / b);
        }
        return (floorDiv, mod);
    }

    private static bool IsOddInteger(double x) => Math.Abs(x) % 2.0 == 1.0;

    /// <summary>float ** float: C99's pow special cases, with Python's errors.</summary>
    internal static PyObject Power(PyObject v, PyObject w, PyObject z)
    {
        if (z is not PyNone)
        {
            throw new PythonException(PyExc.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        }
        if (!TryDouble(v, out double x) || !TryDouble(w, out double y))
        {
            return NotImplemented;
        }
        if (double.IsFinite(x) && x < 0 && double.IsFinite(y) && y != Math.Floor(y))
        {
            // A negative number to a fractional power is a complex number.
            return ComplexArithmetic.Slots.Power!(v, w, z);
        }
        return new PyFloat(Pow(x, y));
    }

    private static double Pow(double x, double y)
    {
        if (y == 0)
        {
            return 1.0;
        }
        if (double.IsNaN(x))
        {
            return x;
        }
        if (double.IsNaN(y))
        {
            return x == 1.0 ? 1.0 : y;
        }
        if (double.IsInfinity(y))
        {
            double ax = Math.Abs(x);
            return ax == 1.0 ? 1.0 : (y > 0) == (ax > 1.0) ? double.PositiveInfinity : 0.0;
        }
        if (double.IsInfinity(x))
        {
            bool odd = IsOddInteger(y);
            return y > 0 ? (odd ? x : Math.Abs(x)) : (odd ? Math.CopySign(0.0, x) : 0.0);
        }
        if (x == 0)
        {
            if (y < 0)
            {
                throw new PythonException(PyExc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
            }
            return IsOddInteger(y) ? x : 0.0;
        }
        bool negate = false;
        if (x < 0)
        {
            x = -x;
            negate = IsOddInteger(y);
        }
        if (x == 1.0)
        {
            return negate ? -1.0 : 1.0;
        }
        double result = Math.Pow(x, y);
        if (double.IsInfinity(result))
        {
            // errno ERANGE, raised as PyErr_SetFromErrno(OverflowError) does.
            throw new PythonException(PyExc.OverflowError,
                PyTuple.Create([new PyInt(34), new PyStr("Numerical result out of range")]));
        }
        return negate ? -result : result;
    }
}

/// <summary>float(text): Python's float literal syntax (underscores between digits,
/// inf/infinity/nan in any case), surrounded by white space.</summary>
internal static class FloatParser
{
    /// <summary>PyFloat_FromString: str and bytes are parsed, anything else is a TypeError.</summary>
    internal static PyFloat FromObject(PyObject o)
    {
        double d = 0;
        bool parsed = o switch
        {
            PyStr s => TryParse(s.Value, out d),
            PyBytes b => TryParse(b.Value, out d),
            PyByteArray b => TryParse(b.Bytes, out d),
            _ => throw new PythonException(PyExc.TypeError,
                $"float() argument must be a string or a real number, not '{o.Type.Name}'"),
        };
        return parsed ? new PyFloat(d) : throw new PythonException(PyExc.ValueError, $"could not convert string to float: {o.ReprString()}");
    }

    /// <summary>float(str): Unicode decimal digits and spaces count as their ASCII forms.</summary>
    internal static bool TryParse(string text, out double value)
    {
        value = 0;
        return IntParser.ToAsciiDigits(text) is { } ascii && TryParse(ascii, out value);
    }

    internal static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        int start = 0, end = text.Length;
        while (start < end && IntParser.IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IntParser.IsSpace(text[end - 1]))
        {
            end--;
        }
        var s = text[start..end];
        int i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        bool negative = i == 1 && s[0] == '-';
        var word = Encoding.ASCII.GetString(s[i..]).ToLowerInvariant();
        if (word is "inf" or "infinity" or "nan")
        {
            value = double.CopySign(word == "nan" ? PyFloat.NaN : double.PositiveInfinity, negative ? -1 : 1);
            return true;
        }
        // Validate digits [. digits] [e [sign] digits], underscores only between digits.
        var clean = new StringBuilder(s.Length);
        if (i == 1)
        {
            clean.Append((char)s[0]);
        }
        int intDigits = Digits(s, ref i, clean);
        int fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            clean.Append('.');
            i++;
            fracDigits = Digits(s, ref i, clean);
        }
        if (intDigits < 0 || fracDigits < 0 || intDigits + fracDigits == 0)
        {
            return false;
        }
        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            clean.Append('e');
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                clean.Append((char)s[i++]);
            }
            if (Digits(s, ref i, clean) <= 0)
            {
                return false;
            }
        }
        if (i != s.Length)
        {
            return false;
        }
        value = double.Parse(clean.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
            | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A run of digits with single underscores between them: the digit count, or -1
    /// for a misplaced underscore.</summary>
    private static int Digits(ReadOnlySpan<byte> s, ref int i, StringBuilder clean)
    {
        int count = 0;
        while (i < s.Length)
        {
            if (s[i] is >= (byte)'0' and <= (byte)'9')
            {
                clean.Append((char)s[i++]);
                count++;
            }
            else if (s[i] == '_')
            {
                if (count == 0 || i + 1 >= s.Length || s[i + 1] is < (byte)'0' or > (byte)'9')
                {
                    return -1;
                }
                i++;
            }
            else
            {
                break;
            }
        }
        return count;
    }
}

internal static class FloatApi
{
    /// <summary>int(float): truncation toward zero (PyLong_FromDouble's errors for inf and nan).</summary>
    internal static System.Numerics.BigInteger Truncate(double v)
    {
        if (double.IsNaN(v))
        {
            throw new PythonException(PyExc.ValueError, "cannot convert float NaN to integer");
        }
        if (double.IsInfinity(v))
        {
            throw new PythonException(PyExc.OverflowError, "cannot convert float infinity to integer");
        }
        return new System.Numerics.BigInteger(Math.Truncate(v));
    }

    /// <summary>PyOS_double_to_string: the text of val in a format_code's style, in
    /// PyMem_Malloc'ed memory (CPython's Python/pystrtod.c).</summary>
    [CApi]
    internal static unsafe byte* PyOS_double_to_string(double val, byte format_code, int precision, int flags, int* type)
    {
        const int Sign = 0x01, AddDot0 = 0x02, Alternate = 0x04, NoNegativeZero = 0x08;
        char code = (char)format_code;
        if (code is not ('e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'r') || (code == 'r' && precision != 0))
        {
            throw Abstract.BadInternalCall();
        }
        var (negative, body) = FloatDigits.Text(val, code, precision, (flags & Alternate) != 0, (flags & AddDot0) != 0,
            (flags & NoNegativeZero) != 0);
        string text = (negative ? "-" : (flags & Sign) != 0 ? "+" : "") + body;
        if (type != null)
        {
            *type = double.IsNaN(val) ? 2 : double.IsInfinity(val) ? 1 : 0;
        }
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        byte* result = (byte*)CPart.PyMem_Malloc((nuint)bytes.Length + 1);
        if (result == null)
        {
            throw new PythonException(PyExc.MemoryError, "");
        }
        bytes.CopyTo(new Span<byte>(result, bytes.Length));
        result[bytes.Length] = 0;
        return result;
    }

    [CApi]
    internal static NewReference PyFloat_FromString(BorrowedReference o) =>
        ObjectSpace.NewRef(FloatParser.FromObject(ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall()));

    /// <summary>A float's value; other objects through __float__, then __index__.</summary>
    [CApi(SlowPath = true)]
    internal static double PyFloat_AsDouble(BorrowedReference o)
    {
        if (o.IsNull)
        {
            throw new PythonException(PyExc.TypeError, "bad argument type for built-in operation");
        }
        var obj = ObjectSpace.FromNative(o);
        if (obj is PyFloat f)
        {
            return f.Value;
        }
        if (NumberSlots.UnaryOf(obj.Type, UnaryOp.Float) is { } toFloat)
        {
            var result = toFloat(obj);
            return result is PyFloat r ? r.Value : throw new PythonException(PyExc.TypeError,
                $"{obj.Type.Name}.__float__ returned non-float (type {result.Type.Name})");
        }
        if (NumberSlots.HasIndex(obj))
        {
            return IntArithmetic.ToDouble(Number.Index(obj).Value);
        }
        throw new PythonException(PyExc.TypeError, $"must be real number, not {obj.Type.Name}");
    }
}

/// <summary>float's own methods and attributes (float.hex, float.fromhex, float.__round__,
/// float.real, ...).</summary>
internal static class FloatMethods
{
    private static double ValueOf(PyObject self) => ((PyFloat)self).Value;

    /// <summary>float_float: the value as an exact float (a subclass's instance is copied).</summary>
    private static PyObject Exact(PyObject self) =>
        ReferenceEquals(self.Type, BuiltinTypes.Float) ? self : new PyFloat(ValueOf(self));

    private static void NoArgs(string name, Func<PyObject, PyObject> body) =>
        PyBuiltinMethodDescriptor.AddNoArgs(BuiltinTypes.Float, name, body);

    internal static void Register()
    {
        var type = BuiltinTypes.Float;
        NoArgs("conjugate", Exact);
        NoArgs("is_integer", self => PyBool.Of(double.IsFinite(ValueOf(self)) && Math.Floor(ValueOf(self)) == ValueOf(self)));
        NoArgs("as_integer_ratio", self => IntegerRatio(ValueOf(self)));
        NoArgs("hex", self => new PyStr(FloatHex.Format(ValueOf(self))));
        NoArgs("__trunc__", self => new PyInt(FloatApi.Truncate(ValueOf(self))));
        NoArgs("__floor__", self => new PyInt(FloatApi.Truncate(Math.Floor(ValueOf(self)))));
        NoArgs("__ceil__", self => new PyInt(FloatApi.Truncate(Math.Ceiling(ValueOf(self)))));
        NoArgs("__getnewargs__", self => PyTuple.Create([new PyFloat(ValueOf(self))]));
        PyBuiltinMethodDescriptor.Add(type, "__round__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__round__", args, kwargs, 0, 1, ArgStyle.Clinic);
            double x = ValueOf(self!);
            return args.Length == 0 || args[0] is PyNone
                ? new PyInt(FloatApi.Truncate(Math.Round(x, MidpointRounding.ToEven)))
                : new PyFloat(Round(x, Number.AsSsize(args[0], null)));
        });
        Formatter.AddFormatMethod(type);
        PyBuiltinClassMethodDescriptor.Add(type, "fromhex", (cls, args, kwargs) =>
        {
            MethodArgs.Check(type, "fromhex", args, kwargs, 1, 1, ArgStyle.One);
            var value = new PyFloat(FloatHex.Parse((args[0] as PyStr
                ?? throw new PythonException(PyExc.TypeError, "bad argument type for built-in operation")).Value));
            return ReferenceEquals(cls, type) ? value : Abstract.Call(cls!, PyTuple.Create([value]), null);
        });
        PyBuiltinClassMethodDescriptor.Add(type, "__getformat__", (cls, args, kwargs) =>
        {
            MethodArgs.Check(type, "__getformat__", args, kwargs, 1, 1, ArgStyle.One);
            return args[0] switch
            {
                PyStr { Value: "double" or "float" } => new PyStr("IEEE, little-endian"),
                PyStr => throw new PythonException(PyExc.ValueError, "__getformat__() argument 1 must be 'double' or 'float'"),
                var other => throw new PythonException(PyExc.TypeError, $"__getformat__() argument must be str, not {other.Type.Name}"),
            };
        });
        PyGetSetDescriptor.Add(type, "real", Exact);
        PyGetSetDescriptor.Add(type, "imag", _ => new PyFloat(0.0));
    }

    /// <summary>A finite double as mantissa * 2**exponent, both integers, the mantissa's sign the value's.</summary>
    internal static (BigInteger Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        return (bits < 0 ? -mantissa : mantissa, biased == 0 ? -1074 : biased - 1075);
    }

    /// <summary>float.as_integer_ratio: the lowest terms, the denominator a power of two.</summary>
    private static PyTuple IntegerRatio(double x)
    {
        if (double.IsInfinity(x))
        {
            throw new PythonException(PyExc.OverflowError, "cannot convert Infinity to integer ratio");
        }
        if (double.IsNaN(x))
        {
            throw new PythonException(PyExc.ValueError, "cannot convert NaN to integer ratio");
        }
        var (mantissa, exponent) = Decompose(x);
        if (mantissa.IsZero)
        {
            return PyTuple.Create([new PyInt(0), new PyInt(1)]);
        }
        int twos = Math.Min((int)BigInteger.TrailingZeroCount(mantissa), Math.Max(-exponent, 0));
        mantissa >>= twos;
        exponent += twos;
        return exponent >= 0
            ? PyTuple.Create([new PyInt(mantissa << exponent), new PyInt(1)])
            : PyTuple.Create([new PyInt(mantissa), new PyInt(BigInteger.One << -exponent)]);
    }

    /// <summary>The ndigits beyond which rounding changes nothing, or leaves only a zero
    /// (CPython's NDIGITS_MAX and NDIGITS_MIN).</summary>
    private const long MaxRoundDigits = 323, MinRoundDigits = -308;

    /// <summary>float.__round__(ndigits), correctly rounded: the exact value is rounded to
    /// ndigits decimals (halves to even), then that decimal is rounded to the nearest double.</summary>
    private static double Round(double x, long ndigits)
    {
        if (!double.IsFinite(x) || ndigits > MaxRoundDigits)
        {
            return x;
        }
        if (ndigits < MinRoundDigits)
        {
            return 0.0 * x;
        }
        var (mantissa, exponent) = Decompose(Math.Abs(x));
        BigInteger numerator = mantissa << Math.Max(exponent, 0), denominator = BigInteger.One << Math.Max(-exponent, 0);
        if (ndigits >= 0)
        {
            numerator *= BigInteger.Pow(10, (int)ndigits);
        }
        else
        {
            denominator *= BigInteger.Pow(10, (int)-ndigits);
        }
        var decimals = BigInteger.DivRem(numerator, denominator, out var remainder);
        int half = (2 * remainder).CompareTo(denominator);
        if (half > 0 || (half == 0 && !decimals.IsEven))
        {
            decimals += 1;
        }
        double rounded = decimals.IsZero ? 0.0 : double.Parse($"{decimals}e{-ndigits}", CultureInfo.InvariantCulture);
        if (double.IsInfinity(rounded))
        {
            throw new PythonException(PyExc.OverflowError, "rounded value too large to represent");
        }
        return double.IsNegative(x) ? -rounded : rounded;
    }
}

/// <summary>float.hex() and float.fromhex(): the exact value in hexadecimal, '[-]0x1.hhhhhhhhhhhhhp+e'.</summary>
internal static class FloatHex
{
    internal static string Format(double x)
    {
        if (!double.IsFinite(x))
        {
            return FloatFormat.Repr(x);
        }
        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0)
        {
            return sign + "0x0.0p+0";
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        int exponent = biased == 0 ? -1022 : biased - 1023;
        return $"{sign}0x{(biased == 0 ? 0 : 1)}.{bits & 0xFFFFFFFFFFFFFL:x13}p{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent)}";
    }

    private static PythonException Invalid() => new(PyExc.ValueError, "invalid hexadecimal floating-point string");

    private static int HexDigit(char c) => c is >= '0' and <= '9' ? c - '0'
        : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

    /// <summary>float.fromhex's grammar: [sign] ['0x'] digits ['.' digits] ['p' [sign] decimal
    /// digits], or inf / infinity / nan, with white space around; the value correctly rounded.</summary>
    internal static double Parse(string text)
    {
        var s = text.AsSpan().Trim(" \t\n\v\f\r");
        if (s.TrimStart("+-") is var word && (word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase) || word.Equals("nan", StringComparison.OrdinalIgnoreCase))
            && s.Length - word.Length <= 1)
        {
            double special = word[0] is 'n' or 'N' ? double.NaN : double.PositiveInfinity;
            return s[0] == '-' ? -special : special;
        }
        int i = 0;
        bool negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i++] == '-';
        }
        if (i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X')
        {
            i += 2;
        }
        var mantissa = BigInteger.Zero;
        int digits = 0, fractionDigits = 0;
        for (bool point = false; i < s.Length; i++)
        {
            if (s[i] == '.' && !point)
            {
                point = true;
                continue;
            }
            int d = HexDigit(s[i]);
            if (d < 0)
            {
                break;
            }
            mantissa = (mantissa << 4) | d;
            digits++;
            fractionDigits += point ? 1 : 0;
        }
        if (digits == 0)
        {
            throw Invalid();
        }
        long exponent = 0;
        if (i < s.Length && s[i] is 'p' or 'P')
        {
            i++;
            bool negativeExponent = i < s.Length && s[i] == '-';
            i += i < s.Length && s[i] is '+' or '-' ? 1 : 0;
            if (i == s.Length || !char.IsAsciiDigit(s[i]))
            {
                throw Invalid();
            }
            // Saturated: an exponent this large overflows or underflows whatever the digits.
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                exponent = Math.Min(exponent * 10 + (s[i] - '0'), 1L << 48);
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != s.Length)
        {
            throw Invalid();
        }
        double magnitude = mantissa.IsZero ? 0.0 : ScaleRounded(mantissa, exponent - 4L * fractionDigits);
        if (double.IsInfinity(magnitude))
        {
            throw new PythonException(PyExc.OverflowError, "hexadecimal value too large to represent as a float");
        }
        return negative ? -magnitude : magnitude;
    }

    /// <summary>mantissa * 2**exponent rounded to the nearest double, halves to even
    /// (infinity when that is 2**1024 or more).</summary>
    private static double ScaleRounded(BigInteger mantissa, long exponent)
    {
        long top = (long)mantissa.GetBitLength() + exponent;
        if (top > 1024)
        {
            return double.PositiveInfinity;
        }
        if (top < -1074)
        {
            return 0.0;
        }
        long unit = Math.Max(top - 53, -1074), shift = unit - exponent;
        if (shift > 0)
        {
            var remainder = mantissa & ((BigInteger.One << (int)shift) - 1);
            mantissa >>= (int)shift;
            int half = remainder.CompareTo(BigInteger.One << (int)(shift - 1));
            if (half > 0 || (half == 0 && !mantissa.IsEven))
            {
                mantissa += 1;
            }
        }
        else
        {
            mantissa <<= (int)-shift;
        }
        return Math.ScaleB((double)mantissa, (int)unit);
    }
}
