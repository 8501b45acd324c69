using System.Globalization;
using System.Numerics;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>frozenset's hash against CPython 3.11 over many random frozensets of ints
/// (seeded, so a failure reproduces): the elements' hashes are ints' own.</summary>
public sealed class FrozenSetHashTests
{
    [Fact]
    public void FrozenSetHashMatchesCPython()
    {
        var rng = new Random(20261126);
        var sets = new List<BigInteger[]> { Array.Empty<BigInteger>(), new BigInteger[] { -1 }, new BigInteger[] { -2, -1 },
            new BigInteger[] { 0 }, new BigInteger[] { (BigInteger.One << 61) - 1, 0 } };
        for (int i = 0; i < 2000; i++)
        {
            // Small ranges give duplicates and near hashes; a few wide ones reduce modulo 2**61 - 1.
            int span = i % 10 == 0 ? int.MaxValue : rng.Next(2, 300);
            sets.Add(Enumerable.Range(0, rng.Next(0, 40)).Select(_ => (BigInteger)rng.Next(-span / 2, span / 2) * (i % 10 == 0 ? rng.NextInt64() : 1))
                .Distinct().ToArray());
        }
        var expected = CPythonOracle.Map("import sys\nfor l in sys.stdin:\n    print(hash(frozenset(int(x) for x in l.split())))",
            sets.Select(s => string.Join(' ', s)));
        Assert.Equal(sets.Count, expected.Length);
        for (int i = 0; i < sets.Count; i++)
        {
            long ours = PySet.HashOfElements(sets[i].Select(NumericHash.OfInteger).ToArray());
            Assert.True(long.Parse(expected[i], CultureInfo.InvariantCulture) == ours,
                $"hash(frozenset({{{string.Join(", ", sets[i])}}})): CPython {expected[i]}, ours {ours}");
        }
    }
}
