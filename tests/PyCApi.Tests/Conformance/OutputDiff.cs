using System.Globalization;
using System.Text;

namespace PyCApi.Tests.Conformance;

/// <summary>Compares two captured outputs and shows how they differ as a unified diff.</summary>
internal static class OutputDiff
{
    private const string NoNewline = "\u0000(no newline at end)";

    /// <summary>Above this many line pairs the diff stops looking for a minimal alignment.</summary>
    private const long MaxLcsCells = 4_000_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(byte[] bytes) => Utf8.GetString(bytes);

    /// <summary>
    /// Null when the two outputs are byte-for-byte identical; otherwise a unified diff headed
    /// "--- expectedLabel" / "+++ actualLabel", its first hunks up to <paramref name="maxLines"/> lines.
    /// </summary>
    public static string? Compare(
        byte[] expected, byte[] actual, string expectedLabel, string actualLabel, int context = 3, int maxLines = 60)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }
        string e = Decode(expected), a = Decode(actual);
        if (e == a)
        {
            int at = 0;
            while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            {
                at++;
            }
            return $"--- {expectedLabel}\n+++ {actualLabel}\n"
                + $"the outputs differ only in bytes that are not valid UTF-8, first at byte offset {at}\n";
        }
        return Compare(e, a, expectedLabel, actualLabel, context, maxLines);
    }

    /// <summary>As above, for text already decoded.</summary>
    public static string? Compare(
        string expected, string actual, string expectedLabel, string actualLabel, int context = 3, int maxLines = 60)
    {
        if (expected == actual)
        {
            return null;
        }
        string[] e = SplitLines(expected), a = SplitLines(actual);
        List<Op> ops = Align(e, a);

        var sb = new StringBuilder();
        sb.Append("--- ").Append(expectedLabel).Append(" (").Append(CountLines(e.Length)).Append(")\n");
        sb.Append("+++ ").Append(actualLabel).Append(" (").Append(CountLines(a.Length)).Append(")\n");

        int written = 0, changesLeft = ops.Count(o => o.Kind != ' ');
        int i = 0;
        while (i < ops.Count)
        {
            int firstChange = ops.FindIndex(i, o => o.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }
            // A hunk runs from `context` lines before its first change to `context` lines after
            // its last, taking in every change closer than 2 * context to the previous one.
            int start = Math.Max(i, firstChange - context);
            int end = firstChange;
            for (int k = firstChange; k < ops.Count && k <= end + 2 * context; k++)
            {
                if (ops[k].Kind != ' ')
                {
                    end = k;
                }
            }
            int stop = Math.Min(ops.Count, end + context + 1);

            if (written >= maxLines)
            {
                sb.Append("... diff truncated: ").Append(changesLeft).Append(" more changed lines\n");
                break;
            }
            AppendHunkHeader(sb, ops, start, stop, e.Length, a.Length);
            for (int k = start; k < stop; k++)
            {
                if (written >= maxLines)
                {
                    sb.Append("... diff truncated: ").Append(changesLeft).Append(" more changed lines\n");
                    return sb.ToString();
                }
                Op op = ops[k];
                string line = op.Kind == '+' ? a[op.A] : e[op.E];
                sb.Append(op.Kind).Append(Show(line)).Append('\n');
                written++;
                if (op.Kind != ' ')
                {
                    changesLeft--;
                }
            }
            i = stop;
        }
        return sb.ToString();
    }

    /// <summary>One line of the diff: ' ' in both, '-' only in expected, '+' only in actual.</summary>
    private readonly record struct Op(char Kind, int E, int A);

    /// <summary>A longest-common-subsequence alignment of the two line lists.</summary>
    private static List<Op> Align(string[] e, string[] a)
    {
        int pre = 0;
        while (pre < e.Length && pre < a.Length && e[pre] == a[pre])
        {
            pre++;
        }
        int suf = 0;
        while (suf < e.Length - pre && suf < a.Length - pre && e[e.Length - 1 - suf] == a[a.Length - 1 - suf])
        {
            suf++;
        }
        int n = e.Length - pre - suf, m = a.Length - pre - suf;

        var ops = new List<Op>(e.Length + a.Length);
        for (int k = 0; k < pre; k++)
        {
            ops.Add(new Op(' ', k, k));
        }
        if ((long)(n + 1) * (m + 1) <= MaxLcsCells)
        {
            // lcs[i, j]: length of the LCS of e[pre+i..] and a[pre+j..] (within the middle part).
            var lcs = new int[n + 1, m + 1];
            for (int x = n - 1; x >= 0; x--)
            {
                for (int y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = e[pre + x] == a[pre + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && e[pre + i] == a[pre + j])
                {
                    ops.Add(new Op(' ', pre + i++, pre + j++));
                }
                else if (j == m || (i < n && lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    ops.Add(new Op('-', pre + i++, pre + j));
                }
                else
                {
                    ops.Add(new Op('+', pre + i, pre + j++));
                }
            }
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                ops.Add(new Op('-', pre + k, pre));
            }
            for (int k = 0; k < m; k++)
            {
                ops.Add(new Op('+', pre + n, pre + k));
            }
        }
        for (int k = 0; k < suf; k++)
        {
            ops.Add(new Op(' ', e.Length - suf + k, a.Length - suf + k));
        }
        return ops;
    }

    private static void AppendHunkHeader(StringBuilder sb, List<Op> ops, int start, int stop, int eCount, int aCount)
    {
        int eLines = 0, aLines = 0;
        for (int k = start; k < stop; k++)
        {
            if (ops[k].Kind != '+')
            {
                eLines++;
            }
            if (ops[k].Kind != '-')
            {
                aLines++;
            }
        }
        // Unified diff numbering: 1-based first line, or the line before when the range is empty.
        int eStart = Math.Min(ops[start].E, eCount) + (eLines > 0 ? 1 : 0);
        int aStart = Math.Min(ops[start].A, aCount) + (aLines > 0 ? 1 : 0);
        sb.Append(CultureInfo.InvariantCulture, $"@@ -{eStart},{eLines} +{aStart},{aLines} @@\n");
    }

    /// <summary>Splits on '\n'; a final line without '\n' is marked so that it differs from one with it.</summary>
    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }
        string[] lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            return lines[..^1];
        }
        lines[^1] += NoNewline;
        return lines;
    }

    private static string CountLines(int n) => n == 1 ? "1 line" : $"{n} lines";

    /// <summary>A line with control characters made visible (the outputs are compared raw).</summary>
    private static string Show(string line)
    {
        if (line.EndsWith(NoNewline, StringComparison.Ordinal))
        {
            return Show(line[..^NoNewline.Length]) + "  \\ no newline at end";
        }
        var sb = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (c == '\t' || (c >= ' ' && c != '\u007f'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
