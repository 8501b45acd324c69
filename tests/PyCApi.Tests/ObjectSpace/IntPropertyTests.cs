using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>int against CPython 3.11 over many random values (seeded): the native 30-bit
/// digit layout, text in bases 2 to 36, and int()'s rejections with their messages.</summary>
public sealed class IntPropertyTests
{
    /// <summary>Digit-boundary values, then random ints of up to ~1300 decimal digits.</summary>
    private static List<BigInteger> RandomInts(int seed, int count)
    {
        var rng = new Random(seed);
        var values = new List<BigInteger>();
        foreach (int bits in new[] { 0, 1, 29, 30, 31, 59, 60, 61, 62, 63, 64, 90, 120 })
        {
            var p = BigInteger.One << bits;
            values.AddRange(new[] { p - 1, p, p + 1, 1 - p, -p, -p - 1 });
        }
        for (int i = 0; i < count; i++)
        {
            var bytes = new byte[i % 10 == 0 ? rng.Next(100, 540) : rng.Next(1, 30)];
            rng.NextBytes(bytes);
            values.Add(new BigInteger(bytes));
        }
        return values;
    }

    private static string Dec(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The digits the object space writes into a native PyLongObject are CPython's
    /// (ob_size = ±digit count, 30-bit digits least significant first), and reading such an
    /// object back gives the value.</summary>
    [Fact]
    public void NativeDigitsMatchCPythonAndRoundTrip()
    {
        var values = RandomInts(41, 2000);
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    x = int(l)\n    d = []\n    m = abs(x)\n    while m:\n        d.append(m & (2**30 - 1))\n        m >>= 30\n" +
            "    print(len(d) * (-1 if x < 0 else 1), *d)",
            values.Select(Dec));
        Assert.Equal(values.Count, expected.Length);
        const int HeadSize = 24; // ob_refcnt, ob_type, ob_size; ob_digit follows
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var digits = new uint[PyInt.DigitCount(v)];
            nint size = PyInt.WriteDigits(v, digits);
            string ours = string.Join(' ', new[] { size.ToString(CultureInfo.InvariantCulture) }
                .Concat(digits.Select(d => d.ToString(CultureInfo.InvariantCulture))));
            Assert.True(expected[i] == ours, $"digits of {v}: CPython {expected[i]}, ours {ours}");

            nint native = Marshal.AllocHGlobal(HeadSize + 4 * Math.Max(digits.Length, 1));
            try
            {
                Marshal.WriteInt64(native, 16, size);
                Marshal.Copy((int[])(object)digits, 0, native + HeadSize, digits.Length);
                Assert.Equal(v, PyInt.ReadDigits(native));
            }
            finally
            {
                Marshal.FreeHGlobal(native);
            }
        }
    }

    /// <summary>bin, oct, hex and str of the object space against CPython's, and each text read
    /// back by int(text, base) (with base 0 for the prefixed forms); base 36 text (random case,
    /// underscores) read by both.</summary>
    [Fact]
    public void TextInBasesMatchesCPython()
    {
        var values = RandomInts(42, 1500);
        var rng = new Random(43);
        var base36 = values.Select(v => Base36Text(v, rng)).ToList();
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    x, t = l.split()\n    x = int(x)\n" +
            "    print(bin(x), oct(x), hex(x), str(x), format(x, 'b'), format(x, 'o'), format(x, 'x'), int(t, 36))",
            values.Select((v, i) => Dec(v) + " " + base36[i]));
        Assert.Equal(values.Count, expected.Length);
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            string[] answer = expected[i].Split(' ');
            string ours = string.Join(' ', IntFormat.ToBase(v, 2), IntFormat.ToBase(v, 8), IntFormat.ToBase(v, 16), IntFormat.ToBase(v, 10));
            Assert.True(string.Join(' ', answer[..4]) == ours, $"text of {v}: CPython {string.Join(' ', answer[..4])}, ours {ours}");
            for (int k = 0; k < 4; k++)
            {
                Assert.True(IntParser.TryParseUnicode(answer[k], 0, out var back) && back == v, $"int('{answer[k]}', 0)");
            }
            foreach (var (text, b) in new[] { (answer[4], 2), (answer[5], 8), (answer[6], 16), (answer[3], 10) })
            {
                Assert.True(IntParser.TryParseUnicode(text, b, out var back) && back == v, $"int('{text}', {b})");
            }
            Assert.True(IntParser.TryParseUnicode(base36[i], 36, out var from36) && Dec(from36) == answer[7],
                $"int('{base36[i]}', 36): CPython {answer[7]}, ours {from36}");
        }
    }

    /// <summary>str(int) and int(str) at the 4300-digit limit (sys.int_info.default_max_str_digits):
    /// the same text, or an error on both sides.</summary>
    [Fact]
    public void DecimalDigitLimitMatchesCPython()
    {
        var rng = new Random(45);
        var values = new List<BigInteger>();
        for (int digits = 4295; digits <= 4305; digits++)
        {
            var low = BigInteger.Pow(10, digits - 1);
            values.AddRange(new[] { low, low * 10 - 1, -low, low + rng.Next() });
        }
        values.Add(BigInteger.One << 14340);
        values.Add((BigInteger.One << 14341) - 1);
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    x = int(l, 16)\n    try:\n        t = str(x)\n    except ValueError:\n        t = 'ERR'\n" +
            "    try:\n        int('7' * len(t))\n        back = 'ok'\n    except ValueError:\n        back = 'ERR'\n    print(len(t), back)",
            values.Select(v => (v.Sign < 0 ? "-" : "") + BigInteger.Abs(v).ToString("x", CultureInfo.InvariantCulture)));
        Assert.Equal(values.Count, expected.Length);
        for (int i = 0; i < values.Count; i++)
        {
            string text;
            try
            {
                text = IntFormat.Decimal(values[i]);
            }
            catch (TypeInitializationException)
            {
                text = "ERR"; // a PythonException needs the runtime, which this process has not
            }
            string back;
            try
            {
                back = IntParser.TryParseUnicode(new string('7', text.Length), 10, out _) ? "ok" : "invalid";
            }
            catch (TypeInitializationException)
            {
                back = "ERR";
            }
            string ours = text.Length + " " + back;
            Assert.True(expected[i] == ours, $"str() of a {values[i].GetBitLength()}-bit int: CPython {expected[i]}, ours {ours}");
        }
    }

    private static string Base36Text(BigInteger v, Random rng)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var sb = new StringBuilder();
        var m = BigInteger.Abs(v);
        do
        {
            char c = Digits[(int)(m % 36)];
            sb.Insert(0, rng.Next(2) == 0 ? char.ToUpperInvariant(c) : c);
            m /= 36;
            if (!m.IsZero && rng.Next(8) == 0)
            {
                sb.Insert(0, '_');
            }
        }
        while (!m.IsZero);
        return (v.Sign < 0 ? "-" : rng.Next(4) == 0 ? "+" : "") + sb;
    }

    /// <summary>Pieces of int literals, valid and not: signs, prefixes, underscores, white
    /// space (ASCII and Unicode), Unicode decimal digits (BMP and astral), letters.</summary>
    private static readonly string[] LiteralPieces =
    {
        "0", "1", "7", "9", "12", "00", "_", "__", " ", "\t", "\n", "\u00a0", "\u3000", "\u2003", "+", "-", "0x", "0X", "0o", "0b", "0B",
        "a", "f", "F", "z", "Z", "g", ".", "e", "\u0661", "\u0669", "\u0966", "\uff11", "\U0001d7ce", "\U0001d7d7", "\U000104a3", "\U00011f51", "\U0001e4f1", "\u00b2", "\u2160",
        "\x1c", "\x7f", "\0", "é", "'", "\"", "\\",
    };

    /// <summary>int(text, base) over random strings: the same value, or the same ValueError message.</summary>
    [Fact]
    public void ParseAndRejectionsMatchCPython()
    {
        var rng = new Random(44);
        int[] bases = { 0, 2, 8, 10, 16, 36 };
        var cases = new List<(string Text, int Base)>();
        for (int i = 0; i < 4000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, rng.Next(0, 8)).Select(_ => LiteralPieces[rng.Next(LiteralPieces.Length)]));
            cases.Add((text, bases[rng.Next(bases.Length)]));
        }
        cases.Add((new string('7', 250) + "x", 10));
        cases.Add((new string('\'', 210), 10));
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    b, t = (l.split() + [''])[:2]\n    t = bytes.fromhex(t).decode()\n    try:\n        print(int(t, int(b)))\n" +
            "    except ValueError as e:\n        print(ascii(str(e)))",
            cases.Select(c => c.Base + " " + Convert.ToHexString(Encoding.UTF8.GetBytes(c.Text))));
        Assert.Equal(cases.Count, expected.Length);
        for (int i = 0; i < cases.Count; i++)
        {
            var (text, b) = cases[i];
            string ours = IntParser.TryParseUnicode(text, b, out var value) ? Dec(value)
                : Ascii(IntParser.InvalidLiteralMessage(b, PyStr.Quote(text)));
            Assert.True(expected[i] == ours, $"int({Ascii(text)}, {b}): CPython {expected[i]}, ours {ours}");
        }
    }

    /// <summary>ascii(str): how the oracle prints a message, so that any text fits on one line.</summary>
    internal static string Ascii(string s)
    {
        var quoted = PyStr.Quote(s);
        var sb = new StringBuilder();
        foreach (int cp in PyStr.CodePoints(quoted))
        {
            sb.Append(cp < 0x80 ? ((char)cp).ToString() : Codecs.BackslashEscape(cp));
        }
        return sb.ToString();
    }
}
