using System.Globalization;
using PyCApi.Objects;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>repr(str) and the per-code-point str predicates against CPython 3.11 for every
/// code point: which characters are printable, digits or spaces is Unicode 14.0 data.</summary>
public sealed class StrReprTests
{
    [Fact]
    public void ReprOfEveryCodePointMatchesCPython()
    {
        const int Run = 64;
        var starts = Enumerable.Range(0, 0x110000 / Run).Select(k => k * Run).ToList();
        var expected = CPythonOracle.Map(
            $"import sys\nfor l in sys.stdin:\n    a = int(l)\n    print(ascii(repr(''.join(map(chr, range(a, a + {Run}))))))",
            starts.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(starts.Count, expected.Length);
        var mismatches = new List<string>();
        for (int k = 0; k < starts.Count; k++)
        {
            var cps = Enumerable.Range(starts[k], Run).ToArray();
            string ours = IntPropertyTests.Ascii(PyStr.Quote(PyStr.FromCodePoints(cps)));
            if (ours != expected[k])
            {
                mismatches.Add($"U+{starts[k]:X4}: CPython {expected[k]}, ours {ours}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} runs differ:\n" + string.Join('\n', mismatches.Take(20)));
    }

    /// <summary>str.isprintable, isdigit, isspace, isalpha, isdecimal, isnumeric and isalnum of every code point, as the object space's
    /// per-code-point predicates answer them.</summary>
    [Fact]
    public void CodePointPredicatesMatchCPython()
    {
        const int Run = 4096;
        var starts = Enumerable.Range(0, 0x110000 / Run).Select(k => k * Run).ToList();
        var expected = CPythonOracle.Map(
            $"import sys\nfor l in sys.stdin:\n    a = int(l)\n    cs = [chr(c) for c in range(a, a + {Run})]\n" +
            "    print(*(''.join('1' if p(c) else '0' for c in cs) for p in (str.isprintable, str.isdigit, str.isspace, str.isalpha, " +
            "str.isdecimal, str.isnumeric, str.isalnum)))",
            starts.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(starts.Count, expected.Length);
        var predicates = new (string Name, Func<int, bool> Ours)[] { ("isprintable", PyStr.IsPrintable), ("isdigit", StrOps.IsDigit), ("isspace", StrOps.IsSpace),
            ("isalpha", StrOps.IsAlpha), ("isdecimal", StrOps.IsDecimal), ("isnumeric", StrOps.IsNumeric), ("isalnum", StrOps.IsAlnum) };
        var mismatches = new List<string>();
        for (int k = 0; k < starts.Count; k++)
        {
            string[] answer = expected[k].Split(' ');
            for (int p = 0; p < predicates.Length; p++)
            {
                for (int i = 0; i < Run; i++)
                {
                    bool ours = predicates[p].Ours(starts[k] + i);
                    if (ours != (answer[p][i] == '1'))
                    {
                        mismatches.Add($"U+{starts[k] + i:X4}.{predicates[p].Name}(): CPython {!ours}, ours {ours}");
                    }
                }
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ:\n" + string.Join('\n', mismatches.Take(30)));
    }

    /// <summary>_PyUnicode_ToLowercase (Py_UNICODE_TOLOWER), the simple lowercase mapping: the
    /// first code point of str.lower(), which has more than one only for U+0130.</summary>
    [Fact]
    public void SimpleLowercaseMatchesCPython()
    {
        var expected = CPythonOracle.Map(
            "import sys\nfor l in sys.stdin:\n    print(*('%x:%x' % (c, ord(chr(c).lower()[0])) for c in range(0x110000) if chr(c).lower() != chr(c)))",
            new[] { "" })[0].Split(' ');
        var ours = Enumerable.Range(0, 0x110000).Where(c => UnicodeCTypeApi._PyUnicode_ToLowercase((uint)c) != c)
            .Select(c => $"{c:x}:{UnicodeCTypeApi._PyUnicode_ToLowercase((uint)c):x}").ToArray();
        Assert.Equal(expected.Except(ours), ours.Except(expected));
        Assert.Equal(expected.Length, ours.Length);
    }
}
