using System.Buffers.Binary;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The built-in error handlers of the codecs (codecs.register_error's standard set).</summary>
internal enum ErrorHandler
{
    Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, NameReplace, Unknown,
}

/// <summary>The text codecs the object space implements (utf-8, utf-16, utf-32, ascii,
/// latin-1, with their aliases) and the standard error handlers, with CPython's exceptions
/// and messages.
/// A handler name is only looked up when an error happens, as in CPython: valid input with
/// an unknown handler name succeeds.</summary>
internal static class Codecs
{
    internal const string Utf8Name = "utf-8", AsciiName = "ascii", Latin1Name = "latin-1";
    internal const string Utf16Name = "utf-16", Utf16LeName = "utf-16-le", Utf16BeName = "utf-16-be";
    internal const string Utf32Name = "utf-32", Utf32LeName = "utf-32-le", Utf32BeName = "utf-32-be";

    /// <summary>encodings.aliases for the codecs we have, keyed by normalized name.</summary>
    private static readonly Dictionary<string, string> aliases = new()
    {
        ["utf_8"] = Utf8Name, ["utf8"] = Utf8Name, ["u8"] = Utf8Name, ["utf"] = Utf8Name, ["cp65001"] = Utf8Name,
        ["utf8_ucs2"] = Utf8Name, ["utf8_ucs4"] = Utf8Name,
        ["ascii"] = AsciiName, ["us_ascii"] = AsciiName, ["646"] = AsciiName, ["us"] = AsciiName, ["cp367"] = AsciiName,
        ["csascii"] = AsciiName, ["ibm367"] = AsciiName, ["iso646_us"] = AsciiName, ["iso_646.irv_1991"] = AsciiName,
        ["iso_ir_6"] = AsciiName, ["ansi_x3.4_1968"] = AsciiName, ["ansi_x3_4_1968"] = AsciiName, ["ansi_x3.4_1986"] = AsciiName,
        ["latin_1"] = Latin1Name, ["latin1"] = Latin1Name, ["latin"] = Latin1Name, ["l1"] = Latin1Name,
        ["iso8859_1"] = Latin1Name, ["iso_8859_1"] = Latin1Name, ["iso8859"] = Latin1Name, ["8859"] = Latin1Name,
        ["cp819"] = Latin1Name, ["ibm819"] = Latin1Name, ["csisolatin1"] = Latin1Name, ["iso_8859_1_1987"] = Latin1Name,
        ["iso_ir_100"] = Latin1Name,
        ["utf_16"] = Utf16Name, ["utf16"] = Utf16Name, ["u16"] = Utf16Name,
        ["utf_16_le"] = Utf16LeName, ["utf_16le"] = Utf16LeName, ["unicodelittleunmarked"] = Utf16LeName,
        ["utf_16_be"] = Utf16BeName, ["utf_16be"] = Utf16BeName, ["unicodebigunmarked"] = Utf16BeName,
        ["utf_32"] = Utf32Name, ["utf32"] = Utf32Name, ["u32"] = Utf32Name,
        ["utf_32_le"] = Utf32LeName, ["utf_32le"] = Utf32LeName,
        ["utf_32_be"] = Utf32BeName, ["utf_32be"] = Utf32BeName,
    };

    /// <summary>The normalized names PyUnicode_Decode / AsEncodedString serve directly; any
    /// other name goes through CPython's codec registry, which rewraps a plain exception
    /// (TypeError, LookupError...) as "decoding with 'name' codec failed (Type: message)".</summary>
    private static readonly HashSet<string> directNames =
        ["utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1"];

    /// <summary>The codec an encoding name denotes (encodings.normalize_encoding, lower-cased),
    /// or LookupError "unknown encoding: name". NULL means UTF-8, as in the C API.</summary>
    internal static string Lookup(string? encoding) =>
        encoding is null ? Utf8Name
        : aliases.TryGetValue(Normalize(encoding), out var codec) ? codec
        : throw new PythonException(PyExc.Get("LookupError"), $"unknown encoding: {encoding}");

    /// <summary>Lower case, each run of other characters than letters, digits and '.' made one '_'.</summary>
    private static string Normalize(string encoding)
    {
        var key = new StringBuilder(encoding.Length);
        bool pendingUnderscore = false;
        foreach (char c in encoding)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (pendingUnderscore && key.Length > 0)
                {
                    key.Append('_');
                }
                pendingUnderscore = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingUnderscore = true;
            }
        }
        return key.ToString();
    }

    internal static ErrorHandler Handler(string? errors) => errors switch
    {
        null or "strict" => ErrorHandler.Strict,
        "ignore" => ErrorHandler.Ignore,
        "replace" => ErrorHandler.Replace,
        "surrogateescape" => ErrorHandler.SurrogateEscape,
        "surrogatepass" => ErrorHandler.SurrogatePass,
        "backslashreplace" => ErrorHandler.BackslashReplace,
        "xmlcharrefreplace" => ErrorHandler.XmlCharRefReplace,
        "namereplace" => ErrorHandler.NameReplace,
        _ => ErrorHandler.Unknown,
    };

    private static PythonException UnknownHandler(string? errors) =>
        new(PyExc.Get("LookupError"), $"unknown error handler name '{errors}'");

    internal static string Decode(ReadOnlySpan<byte> data, string? encoding, string? errors)
    {
        string codec = Lookup(encoding);
        try
        {
            int byteorder = 0;
            return codec switch
            {
                Utf8Name => DecodeUtf8(data, errors),
                AsciiName => DecodeAscii(data, errors),
                Latin1Name => DecodeLatin1(data),
                _ => DecodeUtf16Or32(data, errors, ref byteorder, codec, out _),
            };
        }
        catch (PythonException e) when (encoding is not null && !directNames.Contains(Normalize(encoding)))
        {
            throw Rewrapped(e, "decoding", encoding);
        }
    }

    internal static byte[] Encode(PyStr str, string? encoding, string? errors) => Encode(str.Value, encoding, errors, str);

    /// <summary>Encodes <paramref name="text"/>; an error names <paramref name="source"/>, the
    /// str being encoded (made from the text when null).</summary>
    internal static byte[] Encode(string text, string? encoding, string? errors, PyStr? source = null)
    {
        string codec = Lookup(encoding);
        try
        {
            return codec switch
            {
                Utf8Name => EncodeUtf8(text, errors, source),
                AsciiName => EncodeCharmap(text, AsciiName, 128, errors, source),
                Latin1Name => EncodeCharmap(text, Latin1Name, 256, errors, source),
                _ => EncodeUtf16Or32(text, codec, errors, source),
            };
        }
        catch (PythonException e) when (encoding is not null && !directNames.Contains(Normalize(encoding)))
        {
            throw Rewrapped(e, "encoding", encoding);
        }
    }

    /// <summary>The registry's rewrap: only an exception whose class takes just a message
    /// (not UnicodeError's five fields) is replaced, by one of the same class with the
    /// original as its cause.</summary>
    private static PythonException Rewrapped(PythonException e, string operation, string encoding)
    {
        if (e.Type is not PyType type || type.IsSubtypeOf(PyExc.Get("UnicodeError")))
        {
            return e;
        }
        var original = PyBaseException.Normalize(type, e.Value);
        var wrapped = PyBaseException.Create(type,
            [new PyStr($"{operation} with '{encoding}' codec failed ({type.Name}: {original.StrString()})")]);
        wrapped.Cause = original;
        wrapped.SuppressContext = true;
        return new PythonException(wrapped);
    }

    /// <summary>The code unit size (2 or 4) and byte order of a UTF-16 or UTF-32 codec name.</summary>
    private static (int UnitSize, bool BigEndian) UnitOf(string utf) =>
        (utf.StartsWith("utf-16", StringComparison.Ordinal) ? 2 : 4, utf.EndsWith("-be", StringComparison.Ordinal));

    /// <summary>The codec's name with the byte order, as the errors of a decoder name it.</summary>
    private static string OrderedName(int unitSize, bool bigEndian) =>
        unitSize == 2 ? (bigEndian ? Utf16BeName : Utf16LeName) : (bigEndian ? Utf32BeName : Utf32LeName);

    // ---- decoding ----

    internal static string DecodeLatin1(ReadOnlySpan<byte> data)
    {
        var chars = new char[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            chars[i] = (char)data[i];
        }
        return new string(chars);
    }

    internal static string DecodeAscii(ReadOnlySpan<byte> data, string? errors)
    {
        var sb = new StringBuilder(data.Length);
        for (int i = 0; i < data.Length;)
        {
            if (data[i] < 0x80)
            {
                sb.Append((char)data[i++]);
                continue;
            }
            i = DecodeError(sb, data, AsciiName, i, i + 1, "ordinal not in range(128)", errors);
        }
        return sb.ToString();
    }

    /// <summary>One step of a decoder: the code point at data[i] and where the next one starts,
    /// or (reason set) an error over data[i:returned index].</summary>
    internal delegate int DecodeStep(ReadOnlySpan<byte> data, int i, out int cp, out string? reason);

    private static string DecodeWith(ReadOnlySpan<byte> data, string encoding, string? errors, DecodeStep step, int start = 0) =>
        DecodeWith(data, encoding, errors, step, start, final: true, out _);

    /// <summary>Decodes step by step; unless <paramref name="final"/>, an incomplete sequence at
    /// the end is left for the next call (<paramref name="consumed"/> stops before it).</summary>
    private static string DecodeWith(ReadOnlySpan<byte> data, string encoding, string? errors, DecodeStep step, int start,
        bool final, out int consumed)
    {
        var sb = new StringBuilder(data.Length);
        int i = start;
        while (i < data.Length)
        {
            int next = step(data, i, out int cp, out string? reason);
            if (reason is not null)
            {
                if (!final && next == data.Length && reason is "truncated data" or "unexpected end of data")
                {
                    break;
                }
                i = DecodeError(sb, data, encoding, i, next, reason, errors);
                continue;
            }
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
            i = next;
        }
        consumed = Math.Min(i, data.Length);
        return sb.ToString();
    }

    internal static string DecodeUtf8(ReadOnlySpan<byte> data, string? errors) =>
        System.Text.Unicode.Utf8.IsValid(data) ? Encoding.UTF8.GetString(data) : DecodeWith(data, Utf8Name, errors, Utf8Step);

    /// <summary>UTF-8 as CPython decodes it: an error covers the maximal invalid prefix of a
    /// sequence (start byte plus the valid continuation bytes before the bad one).</summary>
    internal static int Utf8Step(ReadOnlySpan<byte> data, int i, out int cp, out string? reason)
    {
        byte b = data[i];
        reason = null;
        cp = b;
        if (b < 0x80)
        {
            return i + 1;
        }
        int need;
        byte lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
        {
            need = 1;
            cp = b & 0x1F;
        }
        else if (b >= 0xE0 && b <= 0xEF)
        {
            need = 2;
            cp = b & 0x0F;
            lo = b == 0xE0 ? (byte)0xA0 : lo;
            hi = b == 0xED ? (byte)0x9F : hi;
        }
        else if (b >= 0xF0 && b <= 0xF4)
        {
            need = 3;
            cp = b & 0x07;
            lo = b == 0xF0 ? (byte)0x90 : lo;
            hi = b == 0xF4 ? (byte)0x8F : hi;
        }
        else
        {
            reason = "invalid start byte";
            return i + 1;
        }
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= data.Length)
            {
                reason = "unexpected end of data";
                return data.Length;
            }
            byte c = data[i + k];
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
            {
                reason = "invalid continuation byte";
                return i + k;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        return i + need + 1;
    }

    /// <summary>utf-16 and utf-32 and their -le and -be forms (which keep a mark as U+FEFF).
    /// <paramref name="byteorder"/> is the C API's: -1 little-endian, 1 big-endian, 0 read a
    /// byte order mark (little-endian, the machine's order, without one); it returns the order
    /// found. Unless <paramref name="final"/>, a partial unit at the end is left unconsumed.</summary>
    internal static string DecodeUtf16Or32(ReadOnlySpan<byte> data, string? errors, ref int byteorder, string utf,
        out int consumed, bool final = true)
    {
        var (unitSize, _) = UnitOf(utf);
        int order = utf.EndsWith("-le", StringComparison.Ordinal) ? -1 : utf.EndsWith("-be", StringComparison.Ordinal) ? 1 : byteorder;
        int start = 0;
        if (order == 0 && data.Length >= unitSize)
        {
            uint mark = ReadUnit(data, 0, unitSize, bigEndian: false);
            if (mark == 0xFEFF)
            {
                (start, order) = (unitSize, -1);
            }
            else if (mark == (unitSize == 2 ? 0xFFFEu : 0xFFFE0000u))
            {
                (start, order) = (unitSize, 1);
            }
        }
        bool bigEndian = order > 0;
        if (utf is Utf16Name or Utf32Name)
        {
            byteorder = order;
        }
        return DecodeWith(data, OrderedName(unitSize, bigEndian), errors,
            (ReadOnlySpan<byte> d, int i, out int cp, out string? reason) => Utf16Or32Step(d, i, unitSize, bigEndian, out cp, out reason),
            start, final, out consumed);
    }

    private static uint ReadUnit(ReadOnlySpan<byte> data, int i, int unitSize, bool bigEndian) => unitSize == 2
        ? (bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data[i..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[i..]))
        : (bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]));

    /// <summary>A UTF-32 unit, or a UTF-16 unit or surrogate pair; a partial last unit is
    /// "truncated data". In UTF-32 a surrogate or a unit past U+10FFFF is an error. In UTF-16 a
    /// lone low surrogate is "illegal encoding", a high one not followed by a low one "illegal
    /// UTF-16 surrogate" (over its own two bytes), a high one at the end "unexpected end of data".</summary>
    internal static int Utf16Or32Step(ReadOnlySpan<byte> data, int i, int unitSize, bool bigEndian, out int cp, out string? reason)
    {
        cp = 0;
        reason = null;
        if (i + unitSize > data.Length)
        {
            reason = "truncated data";
            return data.Length;
        }
        uint unit = ReadUnit(data, i, unitSize, bigEndian);
        cp = (int)unit;
        if (unitSize == 4)
        {
            reason = unit >= 0x110000 ? "code point not in range(0x110000)"
                : IsSurrogate(cp) ? "code point in surrogate code point range(0xd800, 0xe000)" : null;
            return i + 4;
        }
        if (!IsSurrogate(cp))
        {
            return i + 2;
        }
        if (cp >= 0xDC00)
        {
            reason = "illegal encoding";
            return i + 2;
        }
        if (i + 4 > data.Length)
        {
            reason = "unexpected end of data";
            return data.Length;
        }
        int low = (int)ReadUnit(data, i + 2, 2, bigEndian);
        if (low < 0xDC00 || low > 0xDFFF)
        {
            reason = "illegal UTF-16 surrogate";
            return i + 2;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        return i + 4;
    }

    /// <summary>Applies the error handler to data[start:end] and returns where decoding resumes.</summary>
    private static int DecodeError(StringBuilder output, ReadOnlySpan<byte> data, string encoding, int start, int end,
        string reason, string? errors)
    {
        switch (Handler(errors))
        {
            case ErrorHandler.Ignore:
                return end;
            case ErrorHandler.Replace:
                output.Append('\uFFFD');
                return end;
            case ErrorHandler.BackslashReplace:
                for (int i = start; i < end; i++)
                {
                    output.Append($"\\x{data[i]:x2}");
                }
                return end;
            case ErrorHandler.SurrogateEscape:
                // The bytes from start up to the first ASCII one are escaped; decoding resumes there.
                int escaped = start;
                while (escaped < end && data[escaped] >= 0x80)
                {
                    output.Append((char)(0xDC00 + data[escaped++]));
                }
                return escaped > start ? escaped : throw DecodeException(data, encoding, start, end, reason);
            case ErrorHandler.SurrogatePass:
                // A surrogate encoded as UTF-8 (ED A0..BF 80..BF) or as one UTF-16/32 unit passes through.
                if (encoding == Utf8Name && start + 2 < data.Length && data[start] == 0xED
                    && data[start + 1] >= 0xA0 && data[start + 1] <= 0xBF && (data[start + 2] & 0xC0) == 0x80)
                {
                    output.Append((char)(0xD000 | ((data[start + 1] & 0x3F) << 6) | (data[start + 2] & 0x3F)));
                    return start + 3;
                }
                if (encoding.StartsWith("utf-", StringComparison.Ordinal) && encoding != Utf8Name)
                {
                    var (unitSize, bigEndian) = UnitOf(encoding);
                    if (start + unitSize <= data.Length && ReadUnit(data, start, unitSize, bigEndian) is var unit and >= 0xD800 and <= 0xDFFF)
                    {
                        output.Append((char)unit);
                        return start + unitSize;
                    }
                }
                throw DecodeException(data, encoding, start, end, reason);
            case ErrorHandler.XmlCharRefReplace or ErrorHandler.NameReplace:
                throw new PythonException(PyExc.TypeError, "don't know how to handle UnicodeDecodeError in error callback");
            case ErrorHandler.Unknown:
                throw UnknownHandler(errors);
            default:
                throw DecodeException(data, encoding, start, end, reason);
        }
    }

    internal static PythonException DecodeException(ReadOnlySpan<byte> data, string encoding, int start, int end, string reason) =>
        new(PyBaseException.Create(PyExc.UnicodeDecodeError,
            [new PyStr(encoding), new PyBytes(data.ToArray()), new PyInt(start), new PyInt(end), new PyStr(reason)]));

    // ---- encoding ----

    private static bool IsSurrogate(int cp) => cp >= 0xD800 && cp <= 0xDFFF;

    /// <summary>Writes one code point in a codec's form: the replacement text of an error
    /// handler (ASCII) and, for surrogatepass, a surrogate.</summary>
    private delegate void CodePointWriter(List<byte> output, int cp);

    /// <summary>ascii (limit 128) and latin-1 (limit 256): one byte per code point below the limit.</summary>
    internal static byte[] EncodeCharmap(PyStr str, string encoding, int limit, string? errors) =>
        EncodeCharmap(str.Value, encoding, limit, errors, str);

    private static byte[] EncodeCharmap(string text, string encoding, int limit, string? errors, PyStr? source)
    {
        var cps = PyStr.CodePoints(text);
        var output = new List<byte>(cps.Length);
        for (int i = 0; i < cps.Length;)
        {
            if (cps[i] < limit)
            {
                output.Add((byte)cps[i++]);
                continue;
            }
            int end = i + 1;
            while (end < cps.Length && cps[end] >= limit)
            {
                end++;
            }
            EncodeError(output, (o, cp) => o.Add((byte)cp), text, source, cps, encoding, i, end, $"ordinal not in range({limit})", errors);
            i = end;
        }
        return [.. output];
    }

    internal static byte[] EncodeUtf8(PyStr str, string? errors) => EncodeUtf8(str.Value, errors, str);

    private static byte[] EncodeUtf8(string text, string? errors, PyStr? source)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 || !HasLoneSurrogate(text))
        {
            return Encoding.UTF8.GetBytes(text);
        }
        var cps = PyStr.CodePoints(text);
        var output = new List<byte>(cps.Length * 2);
        for (int i = 0; i < cps.Length;)
        {
            if (!IsSurrogate(cps[i]))
            {
                WriteUtf8(output, cps[i++]);
                continue;
            }
            int end = i + 1;
            while (end < cps.Length && IsSurrogate(cps[end]))
            {
                end++;
            }
            EncodeError(output, WriteUtf8, text, source, cps, Utf8Name, i, end, "surrogates not allowed", errors);
            i = end;
        }
        return [.. output];
    }

    /// <summary>The UTF-8 bytes of a code point, a surrogate as its three bytes (ED A0 80...).</summary>
    private static void WriteUtf8(List<byte> output, int cp)
    {
        if (cp < 0x80)
        {
            output.Add((byte)cp);
        }
        else if (cp < 0x800)
        {
            output.Add((byte)(0xC0 | (cp >> 6)));
            output.Add((byte)(0x80 | (cp & 0x3F)));
        }
        else if (cp < 0x10000)
        {
            output.Add((byte)(0xE0 | (cp >> 12)));
            output.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (cp & 0x3F)));
        }
        else
        {
            output.Add((byte)(0xF0 | (cp >> 18)));
            output.Add((byte)(0x80 | ((cp >> 12) & 0x3F)));
            output.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (cp & 0x3F)));
        }
    }

    internal static byte[] EncodeUtf16Or32(PyStr str, string? errors, string utf) => EncodeUtf16Or32(str.Value, utf, errors, str);

    /// <summary>utf-16 and utf-32 (a byte order mark, then little-endian, the machine's order)
    /// and their -le and -be forms. Each lone surrogate is an error of its own.</summary>
    private static byte[] EncodeUtf16Or32(string text, string utf, string? errors, PyStr? source)
    {
        var (unitSize, bigEndian) = UnitOf(utf);
        void WriteUnit(List<byte> output, int unit)
        {
            for (int k = 0; k < unitSize; k++)
            {
                output.Add((byte)(unit >> (8 * (bigEndian ? unitSize - 1 - k : k))));
            }
        }
        void Write(List<byte> output, int cp)
        {
            if (unitSize == 2 && cp > 0xFFFF)
            {
                WriteUnit(output, 0xD800 + ((cp - 0x10000) >> 10));
                WriteUnit(output, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            else
            {
                WriteUnit(output, cp);
            }
        }
        var cps = PyStr.CodePoints(text);
        var output = new List<byte>((cps.Length + 1) * unitSize);
        if (utf is Utf16Name or Utf32Name)
        {
            WriteUnit(output, 0xFEFF);
        }
        for (int i = 0; i < cps.Length; i++)
        {
            if (IsSurrogate(cps[i]))
            {
                EncodeError(output, Write, text, source, cps, utf, i, i + 1, "surrogates not allowed", errors);
            }
            else
            {
                Write(output, cps[i]);
            }
        }
        return [.. output];
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Applies the error handler to the unencodable code points cps[start:end], whose
    /// replacement <paramref name="write"/> puts in the codec's form.</summary>
    private static void EncodeError(List<byte> output, CodePointWriter write, string text, PyStr? source, int[] cps,
        string encoding, int start, int end, string reason, string? errors)
    {
        void WriteText(string replacement)
        {
            foreach (char c in replacement)
            {
                write(output, c);
            }
        }
        // surrogateescape's bytes fit one-byte codecs only; surrogatepass is for the UTFs.
        bool wide = encoding.StartsWith("utf-", StringComparison.Ordinal) && encoding != Utf8Name;
        switch (Handler(errors))
        {
            case ErrorHandler.Ignore:
                return;
            case ErrorHandler.Replace:
                WriteText(new string('?', end - start));
                return;
            case ErrorHandler.BackslashReplace:
            // Surrogates have no name: namereplace falls back to backslash escapes.
            case ErrorHandler.NameReplace when cps.AsSpan(start, end - start).IndexOfAnyExceptInRange(0xD800, 0xDFFF) < 0:
                for (int i = start; i < end; i++)
                {
                    WriteText(BackslashEscape(cps[i]));
                }
                return;
            case ErrorHandler.XmlCharRefReplace:
                for (int i = start; i < end; i++)
                {
                    WriteText($"&#{cps[i]};");
                }
                return;
            case ErrorHandler.SurrogateEscape when !wide:
                for (int i = start; i < end; i++)
                {
                    if (cps[i] < 0xDC80 || cps[i] > 0xDCFF)
                    {
                        throw EncodeException(source ?? new PyStr(text), encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    output.Add((byte)(cps[i] - 0xDC00));
                }
                return;
            case ErrorHandler.SurrogatePass when encoding == Utf8Name || wide:
                for (int i = start; i < end; i++)
                {
                    if (!IsSurrogate(cps[i]))
                    {
                        throw EncodeException(source ?? new PyStr(text), encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    write(output, cps[i]);
                }
                return;
            case ErrorHandler.NameReplace:
                throw new PythonException(PyExc.SystemError, "the namereplace error handler is not implemented");
            case ErrorHandler.Unknown:
                throw UnknownHandler(errors);
            default:
                throw EncodeException(source ?? new PyStr(text), encoding, start, end, reason);
        }
    }

    internal static PythonException EncodeException(PyStr str, string encoding, int start, int end, string reason) =>
        new(PyBaseException.Create(PyExc.UnicodeEncodeError,
            [new PyStr(encoding), str, new PyInt(start), new PyInt(end), new PyStr(reason)]));

    /// <summary>\xNN, \uNNNN or \UNNNNNNNN: backslashreplace's (and ascii()'s) escape of a code point.</summary>
    internal static string BackslashEscape(int cp) =>
        cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
}
