using System.Numerics;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Printing a traceback as CPython 3.11's PyTraceBack_Print does. The traceback,
/// frame and code objects are C types (src/native/traceback.c, frameobject.c,
/// codeobject.c); their fields are read through the members those types expose.</summary>
internal static class Tracebacks
{
    /// <summary>CPython prints a run of identical entries (same file, line and function)
    /// this many times, then counts the rest.</summary>
    private const int RecursiveCutoff = 3;

    private const long DefaultLimit = 1000;

    /// <summary>An instance of PyTraceBack_Type: the static type named "traceback".</summary>
    internal static bool IsTraceback(PyObject o) => o.Type is { IsHeapType: false, Name: "traceback" };

    /// <summary>"Traceback (most recent call last):" and one "File" line per entry, oldest
    /// first, keeping the newest sys.tracebacklimit entries; under it, the source line when
    /// the file can be read. (CPython's carets need column positions, which the empty code
    /// objects made here do not have.)</summary>
    internal static void Format(PyObject tb, StringBuilder text)
    {
        long limit = DefaultLimit;
        if (Sys.Get("tracebacklimit") is PyInt l)
        {
            if (l.Value <= 0)
            {
                return;
            }
            limit = l.Value > long.MaxValue ? long.MaxValue : (long)l.Value;
        }
        var entries = new List<PyObject>();
        for (PyObject? cursor = tb; cursor is not null && cursor is not PyNone; cursor = Attr(cursor, "tb_next"))
        {
            entries.Add(cursor);
        }
        text.Append("Traceback (most recent call last):\n");
        PyObject? lastFile = null, lastName = null;
        BigInteger lastLine = -1;
        int count = 0;
        foreach (var entry in entries.Skip((int)Math.Max(0, entries.Count - limit)))
        {
            var code = Attr(Attr(entry, "tb_frame"), "f_code");
            var file = Attr(code, "co_filename");
            var name = Attr(code, "co_name");
            var line = ((PyInt)Attr(entry, "tb_lineno")).Value;
            // CPython compares the strings by identity, as here.
            if (!ReferenceEquals(file, lastFile) || line != lastLine || !ReferenceEquals(name, lastName))
            {
                Repeated(count, text);
                (lastFile, lastLine, lastName, count) = (file, line, name, 0);
            }
            if (++count <= RecursiveCutoff)
            {
                string fileName = file.StrString();
                text.Append($"  File \"{fileName}\", line {line}, in {name.StrString()}\n");
                if (line > 0 && line <= int.MaxValue && SourceLine(fileName, (int)line) is { } source)
                {
                    text.Append("    ").Append(source).Append('\n');
                }
            }
        }
        Repeated(count, text);
    }

    /// <summary>Line `lineno` of the file, without its indentation, as CPython finds it: the
    /// name as given, else its last component in each sys.path folder; decoded with the
    /// file's coding cookie (UTF-8 by default). Null when there is no such line.</summary>
    private static string? SourceLine(string fileName, int lineno)
    {
        if (fileName.StartsWith('<') && fileName.EndsWith('>'))
        {
            return null;
        }
        string? path = File.Exists(fileName) ? fileName : null;
        if (path is null && Sys.Get("path") is PyList folders)
        {
            string tail = fileName[(fileName.LastIndexOf('/') + 1)..];
            path = folders.ToArray().OfType<PyStr>().Select(f => Path.Combine(f.Value, tail)).FirstOrDefault(File.Exists);
        }
        if (path is null)
        {
            return null;
        }
        try
        {
            var lines = SplitLines(File.ReadAllBytes(path));
            if (lineno > lines.Count)
            {
                return null;
            }
            string encoding = CodingCookie(lines) ?? "utf-8";
            string source = "";
            // Decoded line by line up to the one wanted, as CPython's reader stops there.
            for (int i = 0; i < lineno; i++)
            {
                source = Codecs.Decode(lines[i], encoding, "strict");
            }
            return source.TrimStart(' ', '\t', '\f');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PythonException)
        {
            return null;
        }
    }

    /// <summary>The file's lines without their ends (\n, \r\n or \r: universal newlines),
    /// a UTF-8 byte order mark dropped.</summary>
    private static List<byte[]> SplitLines(byte[] data)
    {
        int start = data.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        var lines = new List<byte[]>();
        for (int i = start; i < data.Length; i++)
        {
            if (data[i] is (byte)'\n' or (byte)'\r')
            {
                lines.Add(data[start..i]);
                if (data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < data.Length)
        {
            lines.Add(data[start..]);
        }
        return lines;
    }

    /// <summary>PEP 263: "coding[:=] name" in a comment on the first line, or on the second
    /// when the first is only a comment or blank.</summary>
    private static string? CodingCookie(List<byte[]> lines)
    {
        for (int i = 0; i < Math.Min(2, lines.Count); i++)
        {
            string line = Codecs.DecodeLatin1(lines[i]);
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
            string trimmed = line.TrimStart(' ', '\t', '\f');
            if (trimmed.Length != 0 && trimmed[0] != '#')
            {
                return null;
            }
        }
        return null;
    }

    private static void Repeated(int count, StringBuilder text)
    {
        if (count > RecursiveCutoff)
        {
            int more = count - RecursiveCutoff;
            text.Append($"  [Previous line repeated {more} more time{(more > 1 ? "s" : "")}]\n");
        }
    }

    private static PyObject Attr(PyObject o, string name) => Attributes.GetAttr(o, new PyStr(name));

    /// <summary>Writes the traceback to a file object (anything with write()).</summary>
    [CApi]
    internal static int PyTraceBack_Print(BorrowedReference tb, BorrowedReference file)
    {
        var v = ObjectSpace.FromNativeOrNull(tb);
        if (v is null)
        {
            return 0;
        }
        if (!IsTraceback(v))
        {
            throw Abstract.BadInternalCall();
        }
        var text = new StringBuilder();
        Format(v, text);
        var write = Attr(ObjectSpace.FromNative(file), "write");
        // One write per line, as CPython's.
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Abstract.Call(write, PyTuple.Create([new PyStr(line + "\n")]), null);
        }
        return 0;
    }
}
