using System.Globalization;
using System.Numerics;
using System.Text;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>hash() of str, bytes, tuple and mixed numbers against CPython 3.11 with
/// PYTHONHASHSEED=0, and int/float comparison, over many random values (seeded).</summary>
public sealed class HashTests
{
    /// <summary>Random code points with the largest in the range that selects a PEP 393 kind
    /// (ASCII, Latin-1, UCS-2 with lone surrogates, UCS-4), so each kind is hashed.</summary>
    internal static int[] RandomCodePoints(Random rng, int kind)
    {
        int limit = kind switch { 0 => 0x80, 1 => 0x100, 2 => 0x10000, _ => 0x110000 };
        var cps = new int[rng.Next(0, 40)];
        for (int i = 0; i < cps.Length; i++)
        {
            // Mostly small code points, as real text is, with the kind's range represented.
            cps[i] = rng.Next(4) == 0 ? rng.Next(limit) : rng.Next(Math.Min(limit, 0x80));
        }
        if (cps.Length > 0 && kind > 0)
        {
            cps[rng.Next(cps.Length)] = rng.Next(limit / 2, limit);
        }
        // A high surrogate followed by a low one is two code points in CPython but one astral
        // character in the object space's UTF-16 text (a known limit of PyStr): not generated.
        for (int i = 1; i < cps.Length; i++)
        {
            if (cps[i - 1] is >= 0xD800 and < 0xDC00 && cps[i] is >= 0xDC00 and < 0xE000)
            {
                cps[i] = 0xE000;
            }
        }
        return cps;
    }

    private static string HexCodePoints(int[] cps) => cps.Length == 0 ? "-" : string.Join(' ', cps.Select(c => c.ToString("x", CultureInfo.InvariantCulture)));

    [Fact]
    public void StrHashMatchesCPythonForEveryKind()
    {
        var rng = new Random(31);
        var strings = Enumerable.Range(0, 4000).Select(i => RandomCodePoints(rng, i % 4)).ToList();
        strings.Add(new[] { 0xD800 });
        strings.Add(new[] { 0xDFFF, 0xD800 });
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    l = l.strip()\n    s = '' if l == '-' else ''.join(chr(int(c, 16)) for c in l.split())\n" +
            "    print(hash(s), hash(s.encode('latin-1')) if max(s, default='\\0') < '\\u0100' else '-')",
            strings.Select(HexCodePoints));
        Assert.Equal(strings.Count, expected.Length);
        for (int i = 0; i < strings.Count; i++)
        {
            string[] answer = expected[i].Split(' ');
            string s = PyStr.FromCodePoints(strings[i]);
            long ours = PyStr.HashOf(s);
            Assert.True(long.Parse(answer[0], CultureInfo.InvariantCulture) == ours,
                $"hash of str [{HexCodePoints(strings[i])}]: CPython {answer[0]}, ours {ours}");
            if (answer[1] != "-")
            {
                // A Latin-1 str hashes as its one-byte-per-character bytes.
                Assert.Equal(long.Parse(answer[1], CultureInfo.InvariantCulture), PyHash.Bytes(Encoding.Latin1.GetBytes(s)));
            }
        }
    }

    [Fact]
    public void BytesHashMatchesCPython()
    {
        var rng = new Random(32);
        var values = Enumerable.Range(0, 3000).Select(i =>
        {
            var b = new byte[i < 100 ? i % 20 : rng.Next(0, 200)];
            rng.NextBytes(b);
            return b;
        }).ToList();
        var expected = CPythonOracle.Map("import sys\nfor l in sys.stdin:\n    print(hash(bytes.fromhex(l.strip())))",
            values.Select(Convert.ToHexString));
        Assert.Equal(values.Count, expected.Length);
        for (int i = 0; i < values.Count; i++)
        {
            Assert.True(long.Parse(expected[i], CultureInfo.InvariantCulture) == PyHash.Bytes(values[i]),
                $"hash(bytes.fromhex('{Convert.ToHexString(values[i])}'))");
        }
    }

    /// <summary>A random hashable value for tuples: an int, a str, a finite float, a bool or a
    /// nested tuple, as (Python literal, hash by the object space's own functions).</summary>
    private static (string Literal, long Hash) RandomItem(Random rng, int depth)
    {
        switch (rng.Next(depth > 2 ? 4 : 5))
        {
            case 0:
                var bytes = new byte[rng.Next(1, 20)];
                rng.NextBytes(bytes);
                var big = new BigInteger(bytes) >> rng.Next(0, 8 * bytes.Length);
                return (big.ToString(CultureInfo.InvariantCulture), NumericHash.OfInteger(big));
            case 1:
                var cps = RandomCodePoints(rng, rng.Next(4));
                return ("'" + string.Concat(cps.Select(c => $"\\U{c:x8}")) + "'", PyStr.HashOf(PyStr.FromCodePoints(cps)));
            case 2:
                double d = rng.Next(3) == 0 ? rng.Next(-5, 5) : BitConverter.Int64BitsToDouble(rng.NextInt64() & ~(0x7FFL << 52)
                    | ((long)rng.Next(900, 1200) << 52)) * (rng.Next(2) == 0 ? -1 : 1);
                return (FloatFormat.Repr(d), NumericHash.OfDouble(d, null!));
            case 3:
                bool b = rng.Next(2) == 0;
                return (b ? "True" : "False", NumericHash.OfInteger(b ? 1 : 0));
            default:
                var items = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => RandomItem(rng, depth + 1)).ToArray();
                string literal = "(" + string.Concat(items.Select(it => it.Literal + ",")) + ")";
                return (literal, PyTuple.HashOfItems(items.Select(it => it.Hash).ToArray()));
        }
    }

    [Fact]
    public void TupleHashMatchesCPython()
    {
        var rng = new Random(33);
        var tuples = new List<(string Literal, long Hash)> { ("()", PyTuple.HashOfItems([])), ("(-1,)", PyTuple.HashOfItems([-2])) };
        while (tuples.Count < 3000)
        {
            var item = RandomItem(rng, 0);
            if (item.Literal.StartsWith('('))
            {
                tuples.Add(item);
            }
        }
        var expected = CPythonOracle.Map("import sys, ast\nfor l in sys.stdin:\n    print(hash(ast.literal_eval(l)))", tuples.Select(t => t.Literal));
        Assert.Equal(tuples.Count, expected.Length);
        for (int i = 0; i < tuples.Count; i++)
        {
            Assert.True(long.Parse(expected[i], CultureInfo.InvariantCulture) == tuples[i].Hash,
                $"hash({tuples[i].Literal}): CPython {expected[i]}, ours {tuples[i].Hash}");
        }
    }

    /// <summary>int against float near 2**53 and beyond, where the float cannot hold the int:
    /// the object space's exact comparison gives CPython's answer, and equal values hash alike.</summary>
    [Fact]
    public void IntFloatComparisonAndHashesMatchCPython()
    {
        var rng = new Random(34);
        var pairs = new List<(BigInteger I, double F)> { (1, 1.0), (0, -0.0), (-1, -1.0), (2, double.NaN),
            (BigInteger.Pow(2, 1024), double.PositiveInfinity), (BigInteger.Pow(2, 1024), double.MaxValue) };
        for (int i = 0; i < 3000; i++)
        {
            var center = BigInteger.One << rng.Next(0, 1100);
            var n = (center + rng.Next(-3, 4)) * (rng.Next(2) == 0 ? 1 : -1);
            double f = rng.Next(3) switch
            {
                0 => (double)n,
                1 => Math.BitIncrement((double)n),
                _ => (double)n + rng.Next(-2, 3) * 0.5,
            };
            pairs.Add((n, f));
        }
        var expected = CPythonOracle.Map(
            "import sys, struct\nfor l in sys.stdin:\n    i, h = l.split()\n    i = int(i)\n    f = struct.unpack('>d', bytes.fromhex(h))[0]\n" +
            "    c = 'nan' if f != f else (i > f) - (i < f)\n    print(c, hash(f) if f == f else '-', hash(i), i == f and hash(i) == hash(f))",
            pairs.Select(p => p.I.ToString(CultureInfo.InvariantCulture) + " " + BitConverter.DoubleToInt64Bits(p.F).ToString("x16", CultureInfo.InvariantCulture)));
        Assert.Equal(pairs.Count, expected.Length);
        for (int k = 0; k < pairs.Count; k++)
        {
            var (i, f) = pairs[k];
            string[] answer = expected[k].Split(' ');
            string ours = NumericCompare.CompareIntFloat(i, f)?.ToString(CultureInfo.InvariantCulture) ?? "nan";
            Assert.True(answer[0] == ours, $"compare {i} with {f:R}: CPython {answer[0]}, ours {ours}");
            if (answer[1] != "-")
            {
                Assert.Equal(long.Parse(answer[1], CultureInfo.InvariantCulture), NumericHash.OfDouble(f, null!));
            }
            Assert.Equal(long.Parse(answer[2], CultureInfo.InvariantCulture), NumericHash.OfInteger(i));
            Assert.Equal(answer[3] == "True", ours == "0" && NumericHash.OfInteger(i) == NumericHash.OfDouble(f, null!));
        }
    }
}
