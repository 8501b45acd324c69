using System.Globalization;
using System.Text;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>float(str) against CPython 3.11 over many random strings (seeded): the same
/// bits for what parses, the same ValueError message for what does not.</summary>
public sealed class FloatParseTests
{
    private static string RandomDigits(Random rng, int max, bool underscores)
    {
        var sb = new StringBuilder();
        int n = rng.Next(1, max);
        for (int i = 0; i < n; i++)
        {
            if (underscores && i > 0 && rng.Next(6) == 0)
            {
                sb.Append('_');
            }
            // Runs of 0 and 9 push long mantissas onto rounding boundaries.
            sb.Append(rng.Next(3) switch { 0 => '0', 1 => '9', _ => (char)('0' + rng.Next(10)) });
        }
        return sb.ToString();
    }

    /// <summary>A well-formed decimal: sign, digits (up to 800, past double's 767
    /// significant ones), fraction, exponent near the edges of the range.</summary>
    private static string RandomDecimal(Random rng)
    {
        bool underscores = rng.Next(4) == 0;
        string sign = rng.Next(3) switch { 0 => "-", 1 => "+", _ => "" };
        string mantissa = rng.Next(5) switch
        {
            0 => RandomDigits(rng, 800, underscores),
            1 => "." + RandomDigits(rng, 30, underscores),
            2 => RandomDigits(rng, 20, underscores) + ".",
            _ => RandomDigits(rng, 25, underscores) + "." + RandomDigits(rng, 25, underscores),
        };
        string exponent = rng.Next(4) switch
        {
            0 => "",
            1 => "e" + rng.Next(-30, 30),
            2 => (rng.Next(2) == 0 ? "E" : "e") + (rng.Next(2) == 0 ? "+" : "") + rng.Next(290, 330),
            _ => "e-" + rng.Next(300, 1200) + (underscores ? "_0" : ""),
        };
        string space = rng.Next(5) == 0 ? " \t\n\u00a0\u2003"[rng.Next(5)].ToString() : "";
        return space + sign + mantissa + exponent + space;
    }

    private static readonly string[] Specials =
    {
        "inf", "-inf", "+inf", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "-0", "-0.0", "+0e-999", "0e99999999999999999999",
        "1e99999999999999999999", "1e-99999999999999999999", "4.9406564584124654e-324", "2.4703282292062328e-324",
        "2.4703282292062327e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807e308",
        "2.2250738585072011e-308", "\u0661\u0662.\u0663", "\U0001d7cf.5", "1_000.000_1", "0_0", "00.5e0_1",
        // rejected
        "", " ", "1_", "_1", "1__0", "1._5", "1_.5", "1e", "1e+", ".", ".e1", "e1", "0x10", "1e1.5", "infinit", "infinityy",
        "nan(1)", "in f", "- 1", "1 2", "1,5", "١٢x", "1e_5", "1e5_", "++1", "--1", "1.5j", "\x1c1", "1\0", "'\"", "\\",
    };

    [Fact]
    public void ParseMatchesCPython()
    {
        var rng = new Random(51);
        var texts = Specials.ToList();
        for (int i = 0; i < 3000; i++)
        {
            string s = RandomDecimal(rng);
            if (i % 5 == 0)
            {
                // A random mutation makes most of these invalid, some still valid.
                int at = rng.Next(s.Length + 1);
                s = s.Insert(at, "_.e+- x0"[rng.Next(8)].ToString());
            }
            texts.Add(s);
        }
        var expected = CPythonOracle.Map(
            "import sys, struct\nfor l in sys.stdin:\n    t = bytes.fromhex(l.strip()).decode()\n    try:\n        print(struct.pack('>d', float(t)).hex())\n" +
            "    except ValueError as e:\n        print(ascii(str(e)))",
            texts.Select(t => t.Length == 0 ? "" : Convert.ToHexString(Encoding.UTF8.GetBytes(t))));
        Assert.Equal(texts.Count, expected.Length);
        for (int i = 0; i < texts.Count; i++)
        {
            string ours = FloatParser.TryParse(texts[i], out double d)
                ? BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture)
                : IntPropertyTests.Ascii("could not convert string to float: " + PyStr.Quote(texts[i]));
            Assert.True(expected[i] == ours, $"float({IntPropertyTests.Ascii(texts[i])}): CPython {expected[i]}, ours {ours}");
        }
    }
}
