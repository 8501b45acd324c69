using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>complex: two C doubles, as CPython's PyComplexObject holds them.</summary>
internal sealed class PyComplex(double real, double imag) : PyObject(BuiltinTypes.Complex)
{
    internal readonly double Real = real, Imag = imag;

    internal static unsafe PyComplex FromNative(nint p) => new(((PyComplexLayout*)p)->real, ((PyComplexLayout*)p)->imag);

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyComplexLayout), Type);
        ((PyComplexLayout*)p)->real = Real;
        ((PyComplexLayout*)p)->imag = Imag;
        return p;
    }

    internal override PyStr ReprCore() => new(ComplexFormat.Repr(Real, Imag));

    internal override bool IsTrue() => Real != 0 || Imag != 0;

    internal override long HashCore() => HashOf(Real, Imag, this);

    /// <summary>The real part's hash plus 1000003 times the imaginary part's, wrapping as
    /// Py_uhash_t (a NaN part hashes as <paramref name="identity"/>).</summary>
    internal static long HashOf(double real, double imag, PyObject identity)
    {
        ulong combined = unchecked((ulong)NumericHash.OfDouble(real, identity) + 1000003UL * (ulong)NumericHash.OfDouble(imag, identity));
        return combined == ulong.MaxValue ? -2 : (long)combined;
    }

    /// <summary>Only == and != are defined; an int is compared exactly when the imaginary part is 0.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Instance;
        }
        bool equal;
        switch (other)
        {
            case PyInt i when Imag == 0:
                return new PyFloat(Real).RichCompare(i, op);
            case PyInt:
                equal = false;
                break;
            case PyFloat f:
                equal = Real == f.Value && Imag == 0;
                break;
            case PyComplex c:
                equal = Real == c.Real && Imag == c.Imag;
                break;
            default:
                return PyNotImplemented.Instance;
        }
        return PyBool.Of(equal == (op == CompareOp.Eq));
    }
}

internal static class ComplexFormat
{
    /// <summary>repr(complex): each part is the shortest repr of its double without a ".0";
    /// a real part of +0 is left out, and then so are the parentheses.</summary>
    internal static string Repr(double real, double imag)
    {
        var im = Part(imag);
        if (real == 0 && !double.IsNegative(real))
        {
            return im + "j";
        }
        return $"({Part(real)}{(im.StartsWith('-') ? "" : "+")}{im}j)";
    }

    private static string Part(double d)
    {
        var repr = FloatFormat.Repr(d);
        return repr.EndsWith(".0", StringComparison.Ordinal) ? repr[..^2] : repr;
    }
}

/// <summary>complex's arithmetic slots. int and float operands take part as complex numbers
/// with imaginary part 0; //, % and divmod() are not defined.</summary>
internal static class ComplexArithmetic
{
    internal static readonly NumberSlots Slots = CreateSlots();

    private readonly record struct C(double Re, double Im)
    {
        public static C operator +(C a, C b) => new(a.Re + b.Re, a.Im + b.Im);

        public static C operator -(C a, C b) => new(a.Re - b.Re, a.Im - b.Im);

        public static C operator *(C a, C b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);
    }

    private static readonly C One = new(1, 0);

    /// <summary>TO_COMPLEX: complex, int (OverflowError beyond the double range) and float operands.</summary>
    private static bool TryComplex(PyObject o, out C c)
    {
        c = o switch
        {
            PyComplex z => new C(z.Real, z.Imag),
            PyInt i => new C(IntArithmetic.ToDouble(i.Value), 0),
            PyFloat f => new C(f.Value, 0),
            _ => default,
        };
        return o is PyComplex or PyInt or PyFloat;
    }

    private static BinarySlot Op(Func<C, C, C> f) => (v, w) =>
        TryComplex(v, out var a) && TryComplex(w, out var b) && f(a, b) is var r ? new PyComplex(r.Re, r.Im) : PyNotImplemented.Instance;

    private static UnarySlot Unary(Func<PyComplex, PyObject> f) => o => o is PyComplex z ? f(z) : PyNotImplemented.Instance;

    private static NumberSlots CreateSlots()
    {
        var s = new NumberSlots();
        s.Binary[(int)NumberOp.Add] = Op((a, b) => a + b);
        s.Binary[(int)NumberOp.Subtract] = Op((a, b) => a - b);
        s.Binary[(int)NumberOp.Multiply] = Op((a, b) => a * b);
        s.Binary[(int)NumberOp.TrueDivide] = Op((a, b) =>
            Quotient(a, b) ?? throw new PythonException(PyExc.ZeroDivisionError, "complex division by zero"));
        s.Power = Power;
        s.Unary[(int)UnaryOp.Negative] = Unary(z => new PyComplex(-z.Real, -z.Imag));
        s.Unary[(int)UnaryOp.Positive] = Unary(z => ReferenceEquals(z.Type, BuiltinTypes.Complex) ? z : new PyComplex(z.Real, z.Imag));
        s.Unary[(int)UnaryOp.Absolute] = Unary(z => new PyFloat(Abs(z.Real, z.Imag)));
        return s;
    }

    /// <summary>a / b, scaled by the larger part of b so that neither product overflows
    /// needlessly (Smith's method); null when b is 0.</summary>
    private static C? Quotient(C a, C b)
    {
        double absRe = Math.Abs(b.Re), absIm = Math.Abs(b.Im);
        if (absRe >= absIm)
        {
            if (absRe == 0)
            {
                return null;
            }
            double ratio = b.Im / b.Re, denominator = b.Re + b.Im * ratio;
            return new C((a.Re + a.Im * ratio) / denominator, (a.Im - a.Re * ratio) / denominator);
        }
        if (absIm >= absRe)
        {
            double ratio = b.Re / b.Im, denominator = b.Re * ratio + b.Im;
            return new C((a.Re * ratio + a.Im) / denominator, (a.Im * ratio - a.Re) / denominator);
        }
        return new C(PyFloat.NaN, PyFloat.NaN); // a part of b is a NaN
    }

    /// <summary>|z|: an infinite part makes it infinite even beside a NaN.</summary>
    private static double Abs(double re, double im)
    {
        if (!double.IsFinite(re) || !double.IsFinite(im))
        {
            return double.IsInfinity(re) ? Math.Abs(re) : double.IsInfinity(im) ? Math.Abs(im) : PyFloat.NaN;
        }
        double r = double.Hypot(re, im);
        return double.IsFinite(r) ? r : throw new PythonException(PyExc.OverflowError, "absolute value too large");
    }

    private static PythonException ZeroPower() => new(PyExc.ZeroDivisionError, "0.0 to a negative or complex power");

    /// <summary>complex ** complex: repeated squaring for a small integral exponent (more
    /// exact), the polar form otherwise; an infinite result is an OverflowError.</summary>
    private static PyObject Power(PyObject v, PyObject w, PyObject z)
    {
        if (!TryComplex(v, out var a) || !TryComplex(w, out var b))
        {
            return PyNotImplemented.Instance;
        }
        if (z is not PyNone)
        {
            throw new PythonException(PyExc.ValueError, "complex modulo");
        }
        C p;
        if (b.Im == 0 && b.Re == Math.Floor(b.Re) && Math.Abs(b.Re) <= 100)
        {
            int n = (int)b.Re;
            p = n >= 0 ? IntegerPower(a, n) : Quotient(One, IntegerPower(a, -n)) ?? throw ZeroPower();
        }
        else
        {
            p = PolarPower(a, b);
        }
        if (double.IsInfinity(p.Re) || double.IsInfinity(p.Im))
        {
            throw new PythonException(PyExc.OverflowError, "complex exponentiation");
        }
        return new PyComplex(p.Re, p.Im);
    }

    private static C IntegerPower(C x, int n)
    {
        C result = One, square = x;
        for (int mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0)
            {
                result *= square;
            }
            square *= square;
        }
        return result;
    }

    private static C PolarPower(C a, C b)
    {
        if (b.Re == 0 && b.Im == 0)
        {
            return One;
        }
        if (a.Re == 0 && a.Im == 0)
        {
            return b.Im != 0 || b.Re < 0 ? throw ZeroPower() : new C(0, 0);
        }
        double modulus = double.Hypot(a.Re, a.Im), angle = Math.Atan2(a.Im, a.Re);
        double length = Math.Pow(modulus, b.Re), phase = angle * b.Re;
        if (b.Im != 0)
        {
            length /= Math.Exp(angle * b.Im);
            phase += b.Im * Math.Log(modulus);
        }
        return new C(length * Math.Cos(phase), length * Math.Sin(phase));
    }
}

/// <summary>complex(real=0, imag=0) and complex(string), the attributes and the methods.</summary>
internal static class ComplexTypes
{
    internal static void Register()
    {
        var type = BuiltinTypes.Complex;
        type.Constructor = (t, args, kwargs) => ReferenceEquals(t, type) ? New(args.ToArray(), kwargs)
            : throw new PythonException(PyExc.TypeError, $"cannot create '{t.DisplayName}' instances");
        PyManagedMember.Add(type, "real", o => new PyFloat(((PyComplex)o).Real));
        PyManagedMember.Add(type, "imag", o => new PyFloat(((PyComplex)o).Imag));
        PyBuiltinMethodDescriptor.Add(type, "conjugate", (self, args, kwargs) =>
        {
            ArgCheck.None("complex.conjugate", args, kwargs);
            var z = (PyComplex)self!;
            return new PyComplex(z.Real, -z.Imag);
        });
        PyBuiltinMethodDescriptor.Add(type, "__complex__", (self, args, kwargs) =>
        {
            ArgCheck.None("complex.__complex__", args, kwargs);
            var z = (PyComplex)self!;
            return ReferenceEquals(z.Type, type) ? z : new PyComplex(z.Real, z.Imag);
        });
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__getnewargs__", self =>
            PyTuple.Create([new PyFloat(((PyComplex)self).Real), new PyFloat(((PyComplex)self).Imag)]));
        Formatter.AddFormatMethod(type);
    }

    private static PyObject New(PyObject[] args, PyDict? kwargs)
    {
        if (args.Length > 2)
        {
            throw new PythonException(PyExc.TypeError, $"complex() takes at most 2 arguments ({args.Length} given)");
        }
        PyObject? real = args.Length > 0 ? args[0] : null, imag = args.Length > 1 ? args[1] : null;
        foreach (var (key, value) in kwargs?.Items() ?? [])
        {
            int position = (key as PyStr)?.Value switch { "real" => 0, "imag" => 1, _ => -1 };
            if (position < 0)
            {
                throw new PythonException(PyExc.TypeError, $"'{key.StrString()}' is an invalid keyword argument for complex()");
            }
            if (position < args.Length)
            {
                throw new PythonException(PyExc.TypeError,
                    $"argument for complex() given by name ('{((PyStr)key).Value}') and position ({position + 1})");
            }
            (position == 0 ? ref real : ref imag) = value;
        }
        return FromParts(real ?? new PyInt(0), imag);
    }

    /// <summary>complex_new: a string alone is parsed; otherwise real + imag*1j, where either
    /// may itself be complex.</summary>
    private static PyObject FromParts(PyObject real, PyObject? imag)
    {
        if (real is PyComplex exact && ReferenceEquals(exact.Type, BuiltinTypes.Complex) && imag is null)
        {
            return exact;
        }
        if (real is PyStr text)
        {
            if (imag is not null)
            {
                throw new PythonException(PyExc.TypeError, "complex() can't take second arg if first is a string");
            }
            var parsed = ComplexParser.Parse(text.Value);
            return new PyComplex(parsed.Real, parsed.Imag);
        }
        if (imag is PyStr)
        {
            throw new PythonException(PyExc.TypeError, "complex() second arg can't be a string");
        }
        real = FromSpecialMethod(real) ?? real;
        if (!IsNumber(real))
        {
            throw new PythonException(PyExc.TypeError,
                $"complex() first argument must be a string or a number, not '{real.Type.Name}'");
        }
        if (imag is not null && !IsNumber(imag))
        {
            throw new PythonException(PyExc.TypeError, $"complex() second argument must be a number, not '{imag.Type.Name}'");
        }
        var (re, reIm) = real is PyComplex r ? (r.Real, r.Imag) : (Number.Float(real).Value, 0.0);
        var (im, imIm) = imag switch
        {
            null => (reIm, 0.0),
            PyComplex i => (i.Real, i.Imag),
            _ => (Number.Float(imag).Value, 0.0),
        };
        // (a+bj) + (c+dj)*1j = (a-d) + (b+c)j
        return new PyComplex(re - imIm, imag is null ? im : im + reIm);
    }

    private static bool IsNumber(PyObject o) =>
        o is PyComplex || NumberSlots.UnaryOf(o.Type, UnaryOp.Float) is not null || NumberSlots.HasIndex(o);

    /// <summary>o.__complex__() when the type defines it; it must return a complex.</summary>
    private static PyComplex? FromSpecialMethod(PyObject o)
    {
        if (o.Type.Lookup(new PyStr("__complex__")) is not { } method)
        {
            return null;
        }
        var result = Abstract.Call(method is IDescriptor d ? d.Get(o, o.Type) : method, PyTuple.Empty, null);
        return result as PyComplex
            ?? throw new PythonException(PyExc.TypeError, $"__complex__ returned non-complex (type {result.Type.Name})");
    }
}

/// <summary>complex(text): "[(] [real] [(+|-)imag j] [)]" with Python's float literals for the
/// parts, surrounded by white space; underscores only between digits.</summary>
internal static class ComplexParser
{
    private static PythonException Malformed() => new(PyExc.ValueError, "complex() arg is a malformed string");

    internal static (double Real, double Imag) Parse(string text)
    {
        var s = IntParser.ToAsciiDigits(text) ?? throw Malformed();
        if (Array.IndexOf(s, (byte)'_') >= 0)
        {
            s = WithoutUnderscores(s) ?? throw new PythonException(PyExc.ValueError,
                $"could not convert string to complex: {new PyStr(text).ReprString()}");
        }
        int i = 0, end = s.Length;
        SkipSpace(s, ref i);
        bool bracket = i < end && s[i] == '(';
        if (bracket)
        {
            i++;
            SkipSpace(s, ref i);
        }
        double re = 0, im;
        if (TryFloat(s, ref i, out double first))
        {
            if (i < end && s[i] is (byte)'+' or (byte)'-')
            {
                re = first;
                im = TryFloat(s, ref i, out double second) ? second : s[i++] == '+' ? 1.0 : -1.0;
                ExpectJ(s, ref i);
            }
            else if (i < end && (s[i] | 0x20) == 'j')
            {
                i++;
                im = first;
            }
            else
            {
                (re, im) = (first, 0.0);
            }
        }
        else
        {
            im = i < end && s[i] is (byte)'+' or (byte)'-' ? (s[i++] == '+' ? 1.0 : -1.0) : 1.0;
            ExpectJ(s, ref i);
        }
        SkipSpace(s, ref i);
        if (bracket)
        {
            if (i >= end || s[i] != ')')
            {
                throw Malformed();
            }
            i++;
            SkipSpace(s, ref i);
        }
        return i == end ? (re, im) : throw Malformed();
    }

    private static void SkipSpace(byte[] s, ref int i)
    {
        while (i < s.Length && IntParser.IsSpace(s[i]))
        {
            i++;
        }
    }

    private static void ExpectJ(byte[] s, ref int i)
    {
        if (i >= s.Length || (s[i] | 0x20) != 'j')
        {
            throw Malformed();
        }
        i++;
    }

    /// <summary>The longest float literal at <paramref name="i"/> (PyOS_string_to_double's
    /// prefix): a sign, then inf, infinity, nan or digits with a point and an exponent.</summary>
    private static bool TryFloat(byte[] s, ref int i, out double value)
    {
        int j = i;
        if (j < s.Length && s[j] is (byte)'+' or (byte)'-')
        {
            j++;
        }
        int end = -1;
        foreach (var word in new[] { "infinity", "inf", "nan" })
        {
            if (j + word.Length <= s.Length && System.Text.Encoding.ASCII.GetString(s, j, word.Length).ToLowerInvariant() == word)
            {
                end = j + word.Length;
                break;
            }
        }
        if (end < 0)
        {
            int digits = Digits(s, ref j);
            if (j < s.Length && s[j] == '.')
            {
                j++;
                digits += Digits(s, ref j);
            }
            if (digits > 0 && j < s.Length && (s[j] | 0x20) == 'e')
            {
                int k = j + 1;
                if (k < s.Length && s[k] is (byte)'+' or (byte)'-')
                {
                    k++;
                }
                j = Digits(s, ref k) > 0 ? k : j;
            }
            end = digits > 0 ? j : -1;
        }
        value = 0;
        if (end < 0 || !FloatParser.TryParse(s.AsSpan(i, end - i), out value))
        {
            return false;
        }
        i = end;
        return true;
    }

    private static int Digits(byte[] s, ref int j)
    {
        int start = j;
        while (j < s.Length && s[j] is >= (byte)'0' and <= (byte)'9')
        {
            j++;
        }
        return j - start;
    }

    /// <summary>The text without its underscores, or null when one is not between two digits.</summary>
    private static byte[]? WithoutUnderscores(byte[] s)
    {
        static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
        var kept = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '_')
            {
                kept.Add(s[i]);
            }
            else if (i == 0 || i + 1 == s.Length || !IsDigit(s[i - 1]) || !IsDigit(s[i + 1]))
            {
                return null;
            }
        }
        return [.. kept];
    }
}
