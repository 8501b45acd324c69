using System.Globalization;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>float: a C double; repr is the shortest string that round-trips, in
/// Python's notation.</summary>
internal sealed class PyFloat(double value) : PyObject(BuiltinTypes.Float)
{
    internal readonly double Value = value;

    internal static unsafe PyFloat FromNative(nint p) => new(((PyFloatLayout*)p)->ob_fval);

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyFloatLayout), Type);
        ((PyFloatLayout*)p)->ob_fval = Value;
        return p;
    }

    internal override PyStr Repr() => new(FloatFormat.Repr(Value));

    internal override bool IsTrue() => Value != 0;

    internal override long Hash() => NumericHash.OfDouble(Value, this);

    internal override PyObject RichCompare(PyObject other, CompareOp op) => other switch
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

internal static class FloatApi
{
    [CApi]
    internal static double PyFloat_AsDouble(BorrowedReference o)
    {
        if (o.IsNull)
        {
            throw new PythonException(PyExc.TypeError, "bad argument type for built-in operation");
        }
        return ObjectSpace.FromNative(o) switch
        {
            PyFloat f => f.Value,
            PyInt i => (double)i.Value is var d && double.IsInfinity(d)
                ? throw new PythonException(PyExc.OverflowError, "int too large to convert to float") : (double)i.Value,
            var other => throw new PythonException(PyExc.TypeError, $"must be real number, not {other.Type.Name}"),
        };
    }
}
