using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>bytes: an immutable byte string. Construction from C buffers is C
/// (bytesobject.c); the twin of a C-born bytes object is read from ob_sval.</summary>
internal sealed class PyBytes(byte[] value) : PyObject(BuiltinTypes.Bytes)
{
    internal readonly byte[] Value = value;

    internal static unsafe PyBytes FromNative(nint p)
    {
        nint size = ((PyVarObjectHead*)p)->ob_size;
        return new PyBytes(new ReadOnlySpan<byte>((byte*)p + sizeof(PyBytesLayout), (int)size).ToArray());
    }

    internal override unsafe nint CreateNative()
    {
        nint p;
        fixed (byte* s = Value)
        {
            p = CPart.PyBytes_FromStringAndSize(s, Value.Length);
        }
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        ((PyObjectHead*)p)->ob_refcnt = 0; // the twin holds the pair, not a C reference
        return p;
    }

    internal override PyStr ReprCore() => new(Quote(Value, smartQuotes: true));

    /// <summary>repr(bytes): b'...' (double quotes when only ' occurs, with smart quotes);
    /// bytearray's repr escapes ' inside double quotes too.</summary>
    internal static string Quote(ReadOnlySpan<byte> value, bool smartQuotes, bool alwaysEscapeApostrophe = false)
    {
        char quote = smartQuotes && value.IndexOf((byte)'\'') >= 0 && value.IndexOf((byte)'"') < 0 ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (byte b in value)
        {
            sb.Append(b switch
            {
                (byte)'\\' => "\\\\",
                (byte)'\t' => "\\t",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                _ when b == quote || (alwaysEscapeApostrophe && b == '\'') => "\\" + (char)b,
                _ when b < 0x20 || b >= 0x7f => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }
        return sb.Append(quote).ToString();
    }

    internal override bool IsTrue() => Value.Length != 0;

    /// <summary>CPython's bytes hash (equal to the hash of the latin-1 str of the same bytes).</summary>
    internal override long HashCore() => PyHash.Bytes(Value);

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) => other is PyBytes b
        ? PyBool.Of(NumericCompare.Apply(Value.AsSpan().SequenceCompareTo(b.Value), op))
        : PyNotImplemented.Instance;
}

internal static class BytesApi
{
    [CApi]
    internal static NewReference PyBytes_Repr(BorrowedReference o, int smartquotes) =>
        ObjectSpace.FromNative(o) is PyBytes b ? ObjectSpace.NewFresh(new PyStr(PyBytes.Quote(b.Value, smartquotes != 0)))
            : throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyBytes_FromObject(BorrowedReference o) =>
        ObjectSpace.NewRef(BytesOps.FromObject(ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall()));

    /// <summary>bytes(o): __bytes__ first, then the buffer / iterable-of-ints conversion.</summary>
    [CApi]
    internal static NewReference PyObject_Bytes(BorrowedReference o)
    {
        if (o.IsNull)
        {
            return ObjectSpace.NewFresh(new PyBytes("<NULL>"u8.ToArray()));
        }
        return ObjectSpace.NewRef(BytesOps.Bytes(ObjectSpace.FromNative(o)));
    }
}

internal static class BytesOps
{
    /// <summary>bytes(o) for an object: __bytes__ first, then <see cref="FromObject"/>.</summary>
    internal static PyObject Bytes(PyObject obj)
    {
        if (obj is PyBytes && ReferenceEquals(obj.Type, BuiltinTypes.Bytes))
        {
            return obj;
        }
        if (obj.Type.Lookup(new PyStr("__bytes__")) is { } method)
        {
            var bound = method is IDescriptor d ? d.Get(obj, obj.Type) : method;
            var result = Abstract.Call(bound, PyTuple.Empty, null);
            return result is PyBytes ? result
                : throw new PythonException(PyExc.TypeError, $"__bytes__ returned non-bytes (type {result.Type.Name})");
        }
        return FromObject(obj);
    }

    /// <summary>PyBytes_FromObject: bytes as they are, a list, tuple or iterable of ints in range(256).</summary>
    internal static PyBytes FromObject(PyObject o)
    {
        switch (o)
        {
            case PyBytes b when ReferenceEquals(b.Type, BuiltinTypes.Bytes):
                return b;
            case PyBytes b:
                return new PyBytes(b.Value);
            case PyStr:
                throw new PythonException(PyExc.TypeError, $"cannot convert '{o.Type.Name}' object to bytes");
        }
        if (BufferApi.BytesOf(o) is { } data)
        {
            return new PyBytes(data);
        }
        IEnumerable<PyObject> items;
        try
        {
            items = o is PyList or PyTuple ? Abstract.Items(o) : Abstract.Iterate(o);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw new PythonException(PyExc.TypeError, $"cannot convert '{o.Type.Name}' object to bytes");
        }
        var result = new List<byte>();
        foreach (var item in items)
        {
            var v = PyInt.Index(item);
            if (v < 0 || v > 255)
            {
                throw new PythonException(PyExc.ValueError, "bytes must be in range(0, 256)");
            }
            result.Add((byte)v);
        }
        return new PyBytes([.. result]);
    }

    /// <summary>bytes.find / count / startswith argument: bytes-like or an int in range(256).</summary>
    internal static byte[] Needle(PyObject o) => o switch
    {
        PyInt i when i.Value >= 0 && i.Value <= 255 => [(byte)i.Value],
        PyInt => throw new PythonException(PyExc.ValueError, "byte must be in range(0, 256)"),
        _ => BufferApi.BytesOf(o) ?? throw new PythonException(PyExc.TypeError,
            $"argument should be integer or bytes-like object, not '{o.Type.Name}'"),
    };

    /// <summary>hex(sep=None, bytes_per_sep=1): two digits a byte, sep (one ASCII character,
    /// str or bytes) between groups counted from the right, or from the left when negative.</summary>
    internal static string Hex(ReadOnlySpan<byte> data, PyObject? sep, PyObject? bytesPerSep)
    {
        string digits = Convert.ToHexString(data).ToLowerInvariant();
        if (sep is null || sep is PyNone)
        {
            return digits;
        }
        long group = bytesPerSep is null ? 1 : Abstract.AsSsize(bytesPerSep, PyExc.OverflowError);
        string separator = sep is PyStr s ? s.Value : BufferApi.BytesOf(sep) is { } b ? Encoding.Latin1.GetString(b)
            : throw new PythonException(PyExc.TypeError, $"object of type '{sep.Type.Name}' has no len()");
        if (separator.Length != 1)
        {
            throw new PythonException(PyExc.ValueError, "sep must be length 1.");
        }
        if (separator[0] > 127)
        {
            throw new PythonException(PyExc.ValueError, "sep must be ASCII.");
        }
        if (group == 0 || data.Length == 0)
        {
            return digits;
        }
        int size = (int)Math.Min(Math.Abs(group), data.Length), first = group > 0 ? (data.Length - 1) % size + 1 : size;
        var sb = new StringBuilder(digits, 0, 2 * first, digits.Length * 2);
        for (int i = first; i < data.Length; i += size)
        {
            sb.Append(separator).Append(digits, 2 * i, 2 * Math.Min(size, data.Length - i));
        }
        return sb.ToString();
    }

    /// <summary>The bytes of self in a method bytes and bytearray share (a bytearray's
    /// own storage: read it before anything can resize the array).</summary>
    internal static ReadOnlySpan<byte> Data(PyObject self) => self is PyByteArray a ? a.Bytes : ((PyBytes)self).Value;

    /// <summary>A result of the same kind as self: bytes from bytes, bytearray from bytearray.</summary>
    internal static PyObject Like(PyObject self, ReadOnlySpan<byte> data) =>
        self is PyByteArray ? PyByteArray.Create(data) : new PyBytes(data.ToArray());
}

/// <summary>The methods of bytes implemented in managed code; all but the constructor are
/// bytearray's too, over the bytes of either.</summary>
internal static class BytesMethods
{
    private static void Add(string name, int min, int max, ArgStyle style, Func<PyObject, PyObject[], PyObject> body)
    {
        foreach (var type in new[] { BuiltinTypes.Bytes, BuiltinTypes.ByteArray })
        {
            PyBuiltinMethodDescriptor.Add(type, name, (self, args, kwargs) =>
            {
                MethodArgs.Check(type, name, args, kwargs, min, max, style);
                return body(self!, args);
            });
        }
    }

    private static string? KeywordStr(string name, PyObject? o) => o switch
    {
        null => null,
        PyStr s => s.Value,
        _ => throw new PythonException(PyExc.TypeError, $"decode() argument '{name}' must be str, not {o.Type.Name}"),
    };

    internal static void Register()
    {
        BuiltinTypes.Bytes.Constructor = (type, args, kwargs) =>
        {
            var a = MethodArgs.WithKeywords("bytes", args.ToArray(), kwargs, ["source", "encoding", "errors"]);
            if (!ReferenceEquals(type, BuiltinTypes.Bytes))
            {
                throw new PythonException(PyExc.TypeError, $"cannot create '{type.Name}' instances");
            }
            if (a[0] is PyStr text)
            {
                if (a[1] is not PyStr encoding)
                {
                    throw new PythonException(PyExc.TypeError, a[1] is null ? "string argument without an encoding"
                        : $"bytes() argument 'encoding' must be str, not {a[1]!.Type.Name}");
                }
                return new PyBytes(Codecs.Encode(text, encoding.Value, (a[2] as PyStr)?.Value));
            }
            if (a[1] is not null)
            {
                throw new PythonException(PyExc.TypeError, "encoding without a string argument");
            }
            if (a[2] is not null)
            {
                throw new PythonException(PyExc.TypeError, "errors without a string argument");
            }
            return a[0] switch
            {
                null => new PyBytes([]),
                PyInt n => n.Value < 0 ? throw new PythonException(PyExc.ValueError, "negative count")
                    : new PyBytes(new byte[(int)n.Value]),
                var source => BytesOps.Bytes(source),
            };
        };
        foreach (var type in new[] { BuiltinTypes.Bytes, BuiltinTypes.ByteArray })
        {
            PyBuiltinMethodDescriptor.Add(type, "decode", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("decode", args, kwargs, ["encoding", "errors"]);
                return new PyStr(Codecs.Decode(BytesOps.Data(self!).ToArray(), KeywordStr("encoding", a[0]), KeywordStr("errors", a[1])));
            });
            PyBuiltinMethodDescriptor.Add(type, "split", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("split", args, kwargs, ["sep", "maxsplit"]);
                var sep = a[0] is null or PyNone ? null : new PyStr(Latin1(BytesArgument(a[0]!)));
                return FromLatin1(self!, StrOps.Split(new PyStr(Latin1(BytesOps.Data(self!))), sep, a[1] is null ? -1 : MethodArgs.Index(a[1]!), IsAsciiSpace));
            });
            PyBuiltinMethodDescriptor.Add(type, "rsplit", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("rsplit", args, kwargs, ["sep", "maxsplit"]);
                var sep = a[0] is null or PyNone ? null : new PyStr(Latin1(BytesArgument(a[0]!)));
                return FromLatin1(self!, StrOps.RSplit(new PyStr(Latin1(BytesOps.Data(self!))), sep, a[1] is null ? -1 : MethodArgs.Index(a[1]!), IsAsciiSpace));
            });
            PyBuiltinMethodDescriptor.Add(type, "splitlines", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("splitlines", args, kwargs, ["keepends"]);
                bool keepEnds = a[0] is not null && MethodArgs.Index(a[0]!) != 0;
                return FromLatin1(self!, StrMethods.SplitLines(Latin1(BytesOps.Data(self!)), keepEnds, asciiOnly: true));
            });
            PyBuiltinMethodDescriptor.Add(type, "expandtabs", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("expandtabs", args, kwargs, ["tabsize"]);
                int tabSize = a[0] is null ? 8 : MethodArgs.Int(a[0]!);
                return FromLatin1(self!, StrMethods.ExpandTabs(Latin1(BytesOps.Data(self!)), tabSize));
            });
            PyBuiltinMethodDescriptor.Add(type, "translate", (self, args, kwargs) =>
            {
                if (args.Length == 0)
                {
                    throw new PythonException(PyExc.TypeError, "translate() takes at least 1 positional argument (0 given)");
                }
                var a = MethodArgs.WithKeywords("translate", args, kwargs, ["table", "delete"]);
                return BytesOps.Like(self!, Translate(BytesOps.Data(self!), a[0]!, a[1]));
            });
            var owner = type;
            PyBuiltinClassMethodDescriptor.Add(type, "fromhex", (cls, args, kwargs) =>
            {
                MethodArgs.Check(owner, "fromhex", args, kwargs, 1, 1, ArgStyle.One);
                var data = FromHex(args[0] is PyStr text ? text.Value
                    : throw new PythonException(PyExc.TypeError, $"fromhex() argument must be str, not {args[0].Type.Name}"));
                PyObject result = ReferenceEquals(owner, BuiltinTypes.Bytes) ? new PyBytes(data) : PyByteArray.Create(data);
                return ReferenceEquals(cls, owner) ? result : Abstract.Call(cls!, PyTuple.Create([result]), null);
            });
            StrMethods.AddStatic(type, "maketrans", (_, args, kwargs) =>
            {
                MethodArgs.Check(owner, "maketrans", args, kwargs, 2, 2, ArgStyle.Clinic);
                byte[] from = BytesArgument(args[0]), to = BytesArgument(args[1]);
                if (from.Length != to.Length)
                {
                    throw new PythonException(PyExc.ValueError, "maketrans arguments must have same length");
                }
                var table = new byte[256];
                for (int i = 0; i < 256; i++)
                {
                    table[i] = (byte)i;
                }
                for (int i = 0; i < from.Length; i++)
                {
                    table[from[i]] = to[i];
                }
                return new PyBytes(table);
            });
            PyBuiltinMethodDescriptor.Add(type, "hex", (self, args, kwargs) =>
            {
                var a = MethodArgs.WithKeywords("hex", args, kwargs, ["sep", "bytes_per_sep"]);
                return new PyStr(BytesOps.Hex(BytesOps.Data(self!), a[0], a[1]));
            });
        }
        foreach (var (name, body) in new (string, Func<PyBytes, PyObject>)[]
        {
            ("__bytes__", b => BytesOps.FromObject(b)),
            ("__getnewargs__", b => PyTuple.Create([BytesOps.FromObject(b)])),
        })
        {
            PyBuiltinMethodDescriptor.Add(BuiltinTypes.Bytes, name, (self, args, kwargs) =>
            {
                MethodArgs.Check(BuiltinTypes.Bytes, name, args, kwargs, 0, 0, ArgStyle.NoArgs);
                return body((PyBytes)self!);
            });
        }
        Add("upper", 0, 0, ArgStyle.NoArgs, (b, _) => BytesOps.Like(b, Map(BytesOps.Data(b), ToUpper)));
        Add("lower", 0, 0, ArgStyle.NoArgs, (b, _) => BytesOps.Like(b, Map(BytesOps.Data(b), ToLower)));
        Add("swapcase", 0, 0, ArgStyle.NoArgs, (b, _) => BytesOps.Like(b, Map(BytesOps.Data(b), c => IsUpper(c) || IsLower(c) ? (byte)(c ^ 0x20) : c)));
        Add("capitalize", 0, 0, ArgStyle.NoArgs, (b, _) => BytesOps.Like(b, Capitalize(BytesOps.Data(b))));
        Add("title", 0, 0, ArgStyle.NoArgs, (b, _) => BytesOps.Like(b, Title(BytesOps.Data(b))));
        Predicate("isalnum", data => data.Length > 0 && All(data, c => IsUpper(c) || IsLower(c) || IsDigit(c)));
        Predicate("isalpha", data => data.Length > 0 && All(data, c => IsUpper(c) || IsLower(c)));
        Predicate("isdigit", data => data.Length > 0 && All(data, IsDigit));
        Predicate("isspace", data => data.Length > 0 && All(data, c => IsAsciiSpace(c)));
        Predicate("isascii", data => All(data, c => c < 0x80));
        Predicate("islower", data => data.IndexOfAnyInRange((byte)'a', (byte)'z') >= 0 && data.IndexOfAnyInRange((byte)'A', (byte)'Z') < 0);
        Predicate("isupper", data => data.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0 && data.IndexOfAnyInRange((byte)'a', (byte)'z') < 0);
        Predicate("istitle", data => StrMethods.IsTitle(data.ToArray().Select(c => (int)c), c => IsUpper((byte)c), c => IsLower((byte)c)));
        foreach (var (name, align) in new[] { ("center", '^'), ("ljust", '<'), ("rjust", '>') })
        {
            Add(name, 1, 2, ArgStyle.Clinic, (b, a) =>
            {
                long width = MethodArgs.Index(a[0]);
                string fill = a.Length > 1 ? FillByte(name, a[1]) : " ";
                return FromLatin1(b, StrMethods.Justify(new PyStr(Latin1(BytesOps.Data(b))), width, fill, align));
            });
        }
        Add("zfill", 1, 1, ArgStyle.One, (b, a) =>
        {
            long width = MethodArgs.Index(a[0]);
            return FromLatin1(b, StrMethods.ZFill(new PyStr(Latin1(BytesOps.Data(b))), width));
        });
        Add("removeprefix", 1, 1, ArgStyle.One, (b, a) =>
        {
            var prefix = BytesArgument(a[0]);
            var data = BytesOps.Data(b);
            return BytesOps.Like(b, data.StartsWith(prefix) ? data[prefix.Length..] : data);
        });
        Add("removesuffix", 1, 1, ArgStyle.One, (b, a) =>
        {
            var suffix = BytesArgument(a[0]);
            var data = BytesOps.Data(b);
            return BytesOps.Like(b, data.EndsWith(suffix) ? data[..^suffix.Length] : data);
        });
        Add("partition", 1, 1, ArgStyle.One, (b, a) => Partition(b, a[0], reverse: false));
        Add("rpartition", 1, 1, ArgStyle.One, (b, a) => Partition(b, a[0], reverse: true));
        Add("replace", 2, 3, ArgStyle.Clinic, (b, a) => FromLatin1(b, StrOps.Replace(Latin1(BytesOps.Data(b)),
            Latin1(BytesArgument(a[0])), Latin1(BytesArgument(a[1])), a.Length > 2 ? MethodArgs.Index(a[2]) : -1)));
        foreach (var (name, left, right) in new[] { ("strip", true, true), ("lstrip", true, false), ("rstrip", false, true) })
        {
            Add(name, 0, 1, ArgStyle.Clinic, (b, a) => FromLatin1(b, StrOps.Strip(Latin1(BytesOps.Data(b)),
                a.Length == 0 || a[0] is PyNone ? null : new PyStr(Latin1(BytesArgument(a[0]))), left, right, name, IsAsciiSpace)));
        }
        foreach (var (name, reverse, raise) in new[] { ("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true) })
        {
            Add(name, 1, 3, ArgStyle.ParseTuple, (b, a) => Find(b, a, reverse) is var at && (at >= 0 || !raise) ? new PyInt(at)
                : throw new PythonException(PyExc.ValueError, "subsection not found"));
        }
        Add("count", 1, 3, ArgStyle.ParseTuple, (b, a) =>
        {
            var needle = BytesOps.Needle(a[0]);
            var (start, end) = Window(b, a);
            if (needle.Length == 0)
            {
                return new PyInt(end >= start ? end - start + 1 : 0);
            }
            long n = 0;
            for (var span = BytesOps.Data(b).Slice((int)start, (int)Math.Max(0, end - start)); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..])
            {
                n++;
            }
            return new PyInt(n);
        });
        foreach (var (name, suffix) in new[] { ("startswith", false), ("endswith", true) })
        {
            Add(name, 1, 3, ArgStyle.ParseTuple, (b, a) =>
            {
                var (start, end) = Window(b, a);
                var candidates = a[0] is PyTuple t ? t.ToArray() : [a[0]];
                foreach (var c in candidates)
                {
                    var prefix = a[0] is PyTuple ? BytesArgument(c) : BufferApi.BytesOf(c) ?? throw new PythonException(PyExc.TypeError,
                        $"{name} first arg must be bytes or a tuple of bytes, not {c.Type.Name}");
                    var data = BytesOps.Data(b);
                    if (end - start >= prefix.Length && start <= data.Length)
                    {
                        var window = data.Slice((int)start, (int)(end - start));
                        if (suffix ? window.EndsWith(prefix) : window.StartsWith(prefix))
                        {
                            return PyBool.True;
                        }
                    }
                }
                return PyBool.False;
            });
        }
        Add("join", 1, 1, ArgStyle.One, (b, a) =>
        {
            var items = StrOps.Items(a[0], "can only join an iterable");
            var result = new List<byte>();
            for (int i = 0; i < items.Length; i++)
            {
                var part = BufferApi.BytesOf(items[i]) ?? throw new PythonException(PyExc.TypeError,
                    $"sequence item {i}: expected a bytes-like object, {items[i].Type.Name} found");
                if (i > 0)
                {
                    result.AddRange(BytesOps.Data(b));
                }
                result.AddRange(part);
            }
            return BytesOps.Like(b, [.. result]);
        });
    }

    private static string Latin1(ReadOnlySpan<byte> data) => Encoding.Latin1.GetString(data);

    private static PyObject FromLatin1(PyObject self, string text) => BytesOps.Like(self, Encoding.Latin1.GetBytes(text));

    /// <summary>A list of str parts (from split, rsplit and splitlines) as parts of the kind of self.</summary>
    private static PyList FromLatin1(PyObject self, PyList parts) =>
        PyList.Create(parts.ToArray().Select(part => FromLatin1(self, ((PyStr)part).Value)));

    /// <summary>bytes.isspace's whitespace: ASCII only.</summary>
    private static bool IsAsciiSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\x0b' or '\x0c';

    private static byte[] BytesArgument(PyObject o) => BufferApi.BytesOf(o)
        ?? throw new PythonException(PyExc.TypeError, $"a bytes-like object is required, not '{o.Type.Name}'");

    private static byte[] Map(ReadOnlySpan<byte> data, Func<byte, byte> f)
    {
        var result = new byte[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            result[i] = f(data[i]);
        }
        return result;
    }

    private static (long Start, long End) Window(PyObject b, PyObject[] a) => StrOps.Adjust(
        MethodArgs.SliceIndex(a.ElementAtOrDefault(1), 0), MethodArgs.SliceIndex(a.ElementAtOrDefault(2), long.MaxValue), BytesOps.Data(b).Length);

    private static long Find(PyObject b, PyObject[] a, bool reverse)
    {
        var needle = BytesOps.Needle(a[0]);
        var (start, end) = Window(b, a);
        if (end - start < needle.Length)
        {
            return -1;
        }
        var window = BytesOps.Data(b).Slice((int)start, (int)(end - start));
        int at = reverse ? window.LastIndexOf(needle) : window.IndexOf(needle);
        return at < 0 ? -1 : start + at;
    }

    private static void Predicate(string name, Func<ReadOnlySpan<byte>, bool> test) =>
        Add(name, 0, 0, ArgStyle.NoArgs, (b, _) => PyBool.Of(test(BytesOps.Data(b))));

    private static bool All(ReadOnlySpan<byte> data, Func<byte, bool> test)
    {
        foreach (byte c in data)
        {
            if (!test(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsUpper(byte c) => c is >= (byte)'A' and <= (byte)'Z';

    private static bool IsLower(byte c) => c is >= (byte)'a' and <= (byte)'z';

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    private static byte ToUpper(byte c) => IsLower(c) ? (byte)(c - 32) : c;

    private static byte ToLower(byte c) => IsUpper(c) ? (byte)(c + 32) : c;

    private static byte[] Capitalize(ReadOnlySpan<byte> data)
    {
        var result = Map(data, ToLower);
        if (result.Length > 0)
        {
            result[0] = ToUpper(data[0]);
        }
        return result;
    }

    /// <summary>bytes.title: ASCII letters after a letter are lower-cased, the others upper-cased.</summary>
    private static byte[] Title(ReadOnlySpan<byte> data)
    {
        var result = new byte[data.Length];
        bool previousCased = false;
        for (int i = 0; i < data.Length; i++)
        {
            byte c = data[i];
            result[i] = previousCased ? ToLower(c) : ToUpper(c);
            previousCased = IsUpper(c) || IsLower(c);
        }
        return result;
    }

    /// <summary>The fill byte of center/ljust/rjust: a bytes or bytearray of length 1.</summary>
    private static string FillByte(string method, PyObject o) => o switch
    {
        PyBytes { Value.Length: 1 } b => Latin1(b.Value),
        PyByteArray { Count: 1 } a => Latin1(a.Bytes),
        _ => throw new PythonException(PyExc.TypeError, $"{method}() argument 2 must be a byte string of length 1, not {(o is PyNone ? "None" : o.Type.Name)}"),
    };

    /// <summary>partition/rpartition: bytes give back the separator object itself, bytearray a copy.</summary>
    private static PyTuple Partition(PyObject b, PyObject sepObject, bool reverse)
    {
        var sep = BytesArgument(sepObject);
        if (sep.Length == 0)
        {
            throw new PythonException(PyExc.ValueError, "empty separator");
        }
        var data = BytesOps.Data(b);
        int at = reverse ? data.LastIndexOf(sep) : data.IndexOf(sep);
        if (at < 0)
        {
            var (empty1, empty2) = (BytesOps.Like(b, []), BytesOps.Like(b, []));
            return reverse ? PyTuple.Create([empty1, empty2, BytesOps.Like(b, data)]) : PyTuple.Create([BytesOps.Like(b, data), empty1, empty2]);
        }
        var middle = b is PyByteArray ? PyByteArray.Create(sep) : sepObject;
        return PyTuple.Create([BytesOps.Like(b, data[..at]), middle, BytesOps.Like(b, data[(at + sep.Length)..])]);
    }

    /// <summary>bytes.translate: drop the bytes in delete, then map the others through the 256-byte table (None: as they are).</summary>
    private static byte[] Translate(ReadOnlySpan<byte> data, PyObject tableObject, PyObject? deleteObject)
    {
        var table = tableObject is PyNone ? null : BytesArgument(tableObject);
        if (table is not null && table.Length != 256)
        {
            throw new PythonException(PyExc.ValueError, "translation table must be 256 characters long");
        }
        var delete = deleteObject is null ? [] : BytesArgument(deleteObject);
        var result = new List<byte>(data.Length);
        foreach (byte c in data)
        {
            if (delete.AsSpan().IndexOf(c) < 0)
            {
                result.Add(table is null ? c : table[c]);
            }
        }
        return [.. result];
    }

    /// <summary>bytes.fromhex: pairs of hex digits, ASCII whitespace allowed before each pair;
    /// an error names the position of the first character that is not a digit where one is due.</summary>
    private static byte[] FromHex(string text)
    {
        var result = new List<byte>(text.Length / 2);
        int i = 0;
        while (true)
        {
            while (i < text.Length && IsAsciiSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                return [.. result];
            }
            int high = HexDigit(text, i), low = HexDigit(text, i + 1);
            result.Add((byte)(high * 16 + low));
            i += 2;
        }
    }

    private static int HexDigit(string text, int i) =>
        i < text.Length && char.IsAsciiHexDigit(text[i]) ? Convert.ToInt32(text[i].ToString(), 16)
            : throw new PythonException(PyExc.ValueError, $"non-hexadecimal number found in fromhex() arg at position {i}");
}
