using System.Globalization;
using System.Numerics;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>Property tests of float repr and numeric hashes against CPython 3.11, over
/// many random values (seeded, so a failure reproduces).</summary>
public sealed class NumberFormattingTests
{
    private static IEnumerable<double> RandomDoubles(int count)
    {
        var rng = new Random(20261125);
        var special = new[] { 0.0, -0.0, 0.1, 1e16, 1e15, 1e-4, 1e-5, 123456789012345678.0, 5e-324, double.MaxValue,
            double.Epsilon, 1.0 / 3, 2.0 / 3, 100.0, 1e22, 1e23, -1.5, 9007199254740993.0, double.NaN,
            double.PositiveInfinity, double.NegativeInfinity };
        foreach (var d in special)
        {
            yield return d;
        }
        for (int i = 0; i < count; i++)
        {
            // Random bit patterns cover every exponent; random decimals cover "nice" values.
            yield return i % 2 == 0
                ? BitConverter.Int64BitsToDouble(rng.NextInt64())
                : Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(-8, 20)), rng.Next(0, 6));
        }
    }

    private static string Hex(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);

    private const string FromHexScript =
        "import sys, struct\nfor l in sys.stdin:\n    x = struct.unpack('>d', bytes.fromhex(l.strip()))[0]\n    print(repr(x), hash(x) if x == x else 'nan')";

    [Fact]
    public void FloatReprAndHashMatchCPython()
    {
        var values = RandomDoubles(3000).ToArray();
        var expected = CPythonOracle.Map(FromHexScript, values.Select(Hex));
        Assert.Equal(values.Length, expected.Length);
        for (int i = 0; i < values.Length; i++)
        {
            string[] parts = expected[i].Split(' ');
            Assert.True(parts[0] == FloatFormat.Repr(values[i]), $"repr of {Hex(values[i])}: CPython {parts[0]}, ours {FloatFormat.Repr(values[i])}");
            if (parts[1] != "nan")
            {
                Assert.Equal(long.Parse(parts[1], CultureInfo.InvariantCulture), NumericHash.OfDouble(values[i], null!));
            }
        }
    }

    [Fact]
    public void FloatReprRoundTrips()
    {
        foreach (var d in RandomDoubles(20000).Where(double.IsFinite))
        {
            Assert.Equal(d, double.Parse(FloatFormat.Repr(d), CultureInfo.InvariantCulture));
        }
    }

    private const string ComplexFromHexScript =
        "import sys, struct\nfor l in sys.stdin:\n    re, im = struct.unpack('>dd', bytes.fromhex(l.strip()))\n    z = complex(re, im)\n    print(repr(z), hash(z) if z == z else 'nan')";

    /// <summary>repr(complex) and hash as CPython computes them, and the repr read back by
    /// complex(str) to the same parts (a NaN to a NaN).</summary>
    [Fact]
    public void ComplexReprAndHashMatchCPythonAndRoundTrip()
    {
        var doubles = RandomDoubles(4000).ToArray();
        var rng = new Random(6);
        var pairs = doubles.Select(re => (Re: re, Im: doubles[rng.Next(doubles.Length)])).ToArray();
        var expected = CPythonOracle.Map(ComplexFromHexScript, pairs.Select(p => Hex(p.Re) + Hex(p.Im)));
        Assert.Equal(pairs.Length, expected.Length);
        for (int i = 0; i < pairs.Length; i++)
        {
            var (re, im) = pairs[i];
            string[] answer = expected[i].Split(' ');
            string repr = ComplexFormat.Repr(re, im);
            Assert.True(answer[0] == repr, $"repr of complex({Hex(re)}, {Hex(im)}): CPython {answer[0]}, ours {repr}");
            if (answer[1] != "nan")
            {
                Assert.Equal(long.Parse(answer[1], CultureInfo.InvariantCulture), PyComplex.HashOf(re, im, null!));
            }
            var parsed = ComplexParser.Parse(repr);
            Assert.True(SameValue(re, parsed.Real) && SameValue(im, parsed.Imag), $"complex('{repr}') gave {parsed}");
        }
    }

    private static bool SameValue(double a, double b) => double.IsNaN(a) ? double.IsNaN(b) : a.Equals(b) && double.IsNegative(a) == double.IsNegative(b);

    [Fact]
    public void IntHashMatchesCPython()
    {
        var rng = new Random(7);
        var values = new List<BigInteger> { 0, 1, -1, -2, (BigInteger.One << 61) - 1, BigInteger.One << 61, -(BigInteger.One << 61) };
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[rng.Next(1, 40)];
            rng.NextBytes(bytes);
            values.Add(new BigInteger(bytes));
        }
        var expected = CPythonOracle.Map("import sys\nfor l in sys.stdin:\n    print(hash(int(l)))", values.Select(v => v.ToString()));
        for (int i = 0; i < values.Count; i++)
        {
            Assert.Equal(long.Parse(expected[i], CultureInfo.InvariantCulture), NumericHash.OfInteger(values[i]));
        }
    }

    [Fact]
    public void IntDigitsRoundTrip()
    {
        var rng = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[rng.Next(1, 64)];
            rng.NextBytes(bytes);
            var v = new BigInteger(bytes);
            Assert.Equal(v, IntParser.Parse(v.ToString(), 10, out _, wholeString: true));
            Assert.Equal(v, IntParser.Parse((v.Sign < 0 ? "-0x" : "0x") + BigInteger.Abs(v).ToString("x"), 0, out _, wholeString: true));
        }
    }
}
