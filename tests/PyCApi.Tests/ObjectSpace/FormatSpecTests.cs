using System.Globalization;
using System.Numerics;
using System.Text;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>format(int, spec) and format(float, spec) against CPython 3.11 over random
/// format specifications and values (seeded): the same text, or an error on both sides.</summary>
public sealed class FormatSpecTests
{
    /// <summary>[[fill]align][sign][z][#][0][width][grouping][.precision][type], each part
    /// present or not, now and then a part out of place or doubled.</summary>
    private static string RandomSpec(Random rng, string types)
    {
        var sb = new StringBuilder();
        if (rng.Next(3) == 0)
        {
            if (rng.Next(2) == 0)
            {
                sb.Append(new[] { "*", "0", "x", " ", "\u00e9", "\u20ac", "\U0001F600" }[rng.Next(7)]);
            }
            sb.Append("<>=^"[rng.Next(4)]);
        }
        string[] parts =
        {
            rng.Next(3) == 0 ? "+- "[rng.Next(3)].ToString() : "",
            rng.Next(8) == 0 ? "z" : "",
            rng.Next(4) == 0 ? "#" : "",
            rng.Next(4) == 0 ? "0" : "",
            rng.Next(2) == 0 ? rng.Next(0, 40).ToString(CultureInfo.InvariantCulture) : "",
            rng.Next(4) == 0 ? ",_"[rng.Next(2)].ToString() : "",
            rng.Next(3) == 0 ? "." + rng.Next(0, 25).ToString(CultureInfo.InvariantCulture) : "",
            rng.Next(5) == 0 ? "" : types[rng.Next(types.Length)].ToString(),
        };
        foreach (var part in parts)
        {
            sb.Append(part);
        }
        if (rng.Next(30) == 0)
        {
            sb.Insert(rng.Next(sb.Length + 1), "#,_.0z"[rng.Next(6)]);
        }
        return sb.ToString();
    }

    private static string Ours(Func<string> format)
    {
        try
        {
            return IntPropertyTests.Ascii(format());
        }
        catch (TypeInitializationException)
        {
            // A PythonException needs the runtime, which this process has not: the formatter raised.
            return "ERR";
        }
    }

    private const string Script =
        "import sys, struct\nfor l in sys.stdin:\n    kind, v, spec = l.rstrip('\\n').split(' ', 2)\n    spec = bytes.fromhex(spec).decode()\n" +
        "    x = int(v) if kind == 'i' else struct.unpack('>d', bytes.fromhex(v))[0]\n" +
        "    try:\n        print(ascii(format(x, spec)))\n    except (ValueError, OverflowError):\n        print('ERR')";

    [Fact]
    public void IntFormatMatchesCPython()
    {
        var rng = new Random(71);
        var cases = new List<(BigInteger Value, string Spec)>();
        for (int i = 0; i < 4000; i++)
        {
            var bytes = new byte[rng.Next(1, i % 7 == 0 ? 3 : 20)];
            rng.NextBytes(bytes);
            cases.Add((new BigInteger(bytes), RandomSpec(rng, "dnbxXocdeEfFgG%s")));
        }
        var expected = CPythonOracle.Map(Script,
            cases.Select(c => "i " + c.Value.ToString(CultureInfo.InvariantCulture) + " " + Convert.ToHexString(Encoding.UTF8.GetBytes(c.Spec))));
        Assert.Equal(cases.Count, expected.Length);
        for (int i = 0; i < cases.Count; i++)
        {
            var (value, spec) = cases[i];
            string ours = Ours(() => Formatter.FormatInt(value, spec));
            Assert.True(expected[i] == ours, $"format({value}, {IntPropertyTests.Ascii(spec)}): CPython {expected[i]}, ours {ours}");
        }
    }

    [Fact]
    public void FloatFormatMatchesCPython()
    {
        var rng = new Random(72);
        var cases = new List<(double Value, string Spec)>();
        double[] special = { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, 1.5, 2.5, -0.0001, 1e16, 1e-5, 123456.789 };
        for (int i = 0; i < 4000; i++)
        {
            double d = i % 3 == 0 ? special[rng.Next(special.Length)]
                : i % 3 == 1 ? BitConverter.Int64BitsToDouble(rng.NextInt64())
                : Math.Round((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 18)), rng.Next(0, 8));
            cases.Add((d, RandomSpec(rng, "eEfFgGn%ds")));
        }
        var expected = CPythonOracle.Map(Script,
            cases.Select(c => "f " + BitConverter.DoubleToInt64Bits(c.Value).ToString("x16", CultureInfo.InvariantCulture) + " "
                + Convert.ToHexString(Encoding.UTF8.GetBytes(c.Spec))));
        Assert.Equal(cases.Count, expected.Length);
        for (int i = 0; i < cases.Count; i++)
        {
            var (value, spec) = cases[i];
            string ours = Ours(() => Formatter.FormatFloat(value, spec));
            Assert.True(expected[i] == ours, $"format({FloatFormat.Repr(value)}, {IntPropertyTests.Ascii(spec)}): CPython {expected[i]}, ours {ours}");
        }
    }
}
