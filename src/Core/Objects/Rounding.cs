using System.Numerics;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The rounding protocol of int and float (__trunc__, __floor__, __ceil__,
/// __round__) and int's __sizeof__, as methods of the types.</summary>
internal static class Rounding
{
    internal static void Register()
    {
        var @int = BuiltinTypes.Int;
        var @float = BuiltinTypes.Float;
        static BigInteger IntValue(PyObject? self) => ((PyInt)self!).Value;
        // An int rounds to itself, as an exact int (True.__trunc__() is 1).
        foreach (var name in new[] { "__trunc__", "__floor__", "__ceil__" })
        {
            AddNoArgs(@int, name, self => new PyInt(IntValue(self)));
        }
        AddNoArgs(@float, "__trunc__", self => Number.Long(new PyFloat(((PyFloat)self).Value)));
        AddNoArgs(@float, "__floor__", self => Number.Long(new PyFloat(Math.Floor(((PyFloat)self).Value))));
        AddNoArgs(@float, "__ceil__", self => Number.Long(new PyFloat(Math.Ceiling(((PyFloat)self).Value))));
        PyBuiltinMethodDescriptor.Add(@int, "__round__", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords($"{self!.Type.QualName}.__round__", kwargs);
            ArgCheck.Range("__round__", args, 0, 1);
            return new PyInt(args.Length == 0 ? IntValue(self) : RoundInt(IntValue(self), Number.ExactIndex(args[0]).Value));
        });
        PyBuiltinMethodDescriptor.Add(@float, "__round__", (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords($"{self!.Type.QualName}.__round__", kwargs);
            ArgCheck.Range("__round__", args, 0, 1);
            double x = ((PyFloat)self).Value;
            return args.Length == 0 || args[0] is PyNone
                ? Number.Long(new PyFloat(Math.Round(x, MidpointRounding.ToEven)))
                : new PyFloat(RoundFloat(x, Number.AsSsize(args[0], null)));
        });
        // long___sizeof__: the header and at least one 30-bit digit.
        AddNoArgs(@int, "__sizeof__", self =>
        {
            long digits = (long)((BigInteger.Abs(IntValue(self)).GetBitLength() + 29) / 30);
            return new PyInt(BuiltinTypes.Int.BasicSize + Math.Max(digits, 1) * BuiltinTypes.Int.ItemSize);
        });
    }

    private static void AddNoArgs(PyType type, string name, Func<PyObject, PyObject> body) =>
        PyBuiltinMethodDescriptor.Add(type, name, (self, args, kwargs) =>
        {
            ArgCheck.None($"{self!.Type.QualName}.{name}", args, kwargs);
            return body(self);
        });

    /// <summary>long_round: to a multiple of 10**-ndigits when ndigits is negative, ties to
    /// the even multiple (_PyLong_DivmodNear); itself otherwise.</summary>
    private static BigInteger RoundInt(BigInteger value, BigInteger ndigits)
    {
        if (ndigits >= 0)
        {
            return value;
        }
        // 10**k beyond twice |value|: every such value rounds to 0.
        if (-ndigits > BigInteger.Abs(value).ToString().Length)
        {
            return BigInteger.Zero;
        }
        var unit = BigInteger.Pow(10, (int)-ndigits);
        var quotient = BigInteger.DivRem(value, unit, out var remainder);
        if (remainder < 0)
        {
            remainder += unit;
            quotient -= 1;
        }
        var twice = remainder * 2;
        if (twice > unit || (twice == unit && !quotient.IsEven))
        {
            quotient += 1;
        }
        return quotient * unit;
    }

    /// <summary>double_round: x rounded to ndigits decimal places, ties to even on its exact
    /// binary value (what _Py_dg_dtoa's mode 3 gives), read back as the nearest double.</summary>
    private static double RoundFloat(double x, long ndigits)
    {
        // Beyond these every double is already exact, or rounds to zero (keeping its sign).
        const int MostDigits = 323, FewestDigits = -308;
        if (!double.IsFinite(x) || x == 0.0 || ndigits > MostDigits)
        {
            return x;
        }
        if (ndigits < FewestDigits)
        {
            return 0.0 * x;
        }
        double rounded = double.Parse($"{FloatDigits.Scaled(Math.Abs(x), (int)ndigits)}E{-ndigits}", System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsInfinity(rounded))
        {
            throw new PythonException(PyExc.OverflowError, "rounded value too large to represent");
        }
        return x < 0 ? -rounded : rounded;
    }
}
