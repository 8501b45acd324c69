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

    internal static bool IsTraceback(PyObject o) => o.Type.Name == "traceback";

    /// <summary>"Traceback (most recent call last):" and one "File" line per entry, oldest
    /// first, keeping the newest sys.tracebacklimit entries. The source lines CPython adds
    /// when it can read the file are not printed.</summary>
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
                text.Append($"  File \"{file.StrString()}\", line {line}, in {name.StrString()}\n");
            }
        }
        Repeated(count, text);
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
