using System.Buffers.Binary;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The built-in error handlers of the codecs (codecs.register_error's standard set).</summary>
internal enum ErrorHandler
{
    Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, NameReplace, Unknown,
}

/// <summary>The text codecs the object space implements (utf-8, utf-16, utf-32, ascii, latin-1,
/// with their aliases) and the standard error handlers, with CPython's exceptions and messages.
/// A handler name is only looked up when an error happens, as in CPython: valid input with
/// an unknown handler name succeeds.</summary>
internal static class Codecs
{
    internal const string Utf8Name = "utf-8", AsciiName = "ascii", Latin1Name = "latin-1",
        Utf16Name = "utf-16", Utf16LeName = "utf-16-le", Utf16BeName = "utf-16-be",
        Utf32Name = "utf-32", Utf32LeName = "utf-32-le", Utf32BeName = "utf-32-be";

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
        ["utf_32_le"] = Utf32LeName, ["utf_32le"] = Utf32LeName, ["utf_32_be"] = Utf32BeName, ["utf_32be"] = Utf32BeName,
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

    internal static byte[] Encode(PyStr str, string? encoding, string? errors)
    {
        string codec = Lookup(encoding);
        try
        {
            return codec switch
            {
                Utf8Name => EncodeUtf8(str, errors),
                AsciiName => EncodeCharmap(str, AsciiName, 128, errors),
                Latin1Name => EncodeCharmap(str, Latin1Name, 256, errors),
                _ => EncodeUtf16Or32(str, errors, codec),
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

    /// <summary>UTF-8 as CPython decodes it: an error covers the maximal invalid prefix of a
    /// sequence (start byte plus the valid continuation bytes before the bad one).</summary>
    internal static string DecodeUtf8(ReadOnlySpan<byte> data, string? errors)
    {
        var sb = new StringBuilder(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }
            int need, cp;
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
                i = DecodeError(sb, data, Utf8Name, i, i + 1, "invalid start byte", errors);
                continue;
            }
            int bad = 0;
            string? reason = null;
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= data.Length)
                {
                    (bad, reason) = (data.Length, "unexpected end of data");
                    break;
                }
                byte c = data[i + k];
                if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
                {
                    (bad, reason) = (i + k, "invalid continuation byte");
                    break;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (reason is not null)
            {
                i = DecodeError(sb, data, Utf8Name, i, bad, reason, errors);
                continue;
            }
            sb.Append(char.ConvertFromUtf32(cp));
            i += need + 1;
        }
        return sb.ToString();
    }

    private static uint ReadUnit(ReadOnlySpan<byte> data, int unit, bool bigEndian) => (unit, bigEndian) switch
    {
        (2, false) => BinaryPrimitives.ReadUInt16LittleEndian(data),
        (2, true) => BinaryPrimitives.ReadUInt16BigEndian(data),
        (_, false) => BinaryPrimitives.ReadUInt32LittleEndian(data),
        _ => BinaryPrimitives.ReadUInt32BigEndian(data),
    };

    /// <summary>UTF-16 or UTF-32 (the codec names the unit and the byte order; utf-16/utf-32
    /// take *byteorder: 0 lets a leading BOM decide, else native little-endian). With
    /// <paramref name="final"/> false an incomplete unit or pair at the end is left
    /// unconsumed instead of being an error. byteorder returns the order in effect.</summary>
    internal static string DecodeUtf16Or32(ReadOnlySpan<byte> data, string? errors, ref int byteorder, string codec,
        out int consumed, bool final = true)
    {
        int unit = codec.StartsWith("utf-16") ? 2 : 4;
        int bo = codec.EndsWith("le") ? -1 : codec.EndsWith("be") ? 1 : byteorder;
        int pos = 0;
        if (bo == 0 && data.Length >= unit)
        {
            uint bom = ReadUnit(data, unit, false);
            if (bom == 0xFEFF)
            {
                (bo, pos) = (-1, unit);
            }
            else if (bom == (unit == 2 ? 0xFFFEu : 0xFFFE0000u))
            {
                (bo, pos) = (1, unit);
            }
        }
        bool big = bo > 0;
        string name = unit == 2 ? (big ? Utf16BeName : Utf16LeName) : (big ? Utf32BeName : Utf32LeName);
        var sb = new StringBuilder(data.Length / unit);
        while (pos < data.Length)
        {
            string reason;
            int start = pos, end;
            if (data.Length - pos < unit)
            {
                if (!final)
                {
                    break;
                }
                (reason, end) = ("truncated data", data.Length);
            }
            else if (unit == 4)
            {
                uint cp = ReadUnit(data[pos..], 4, big);
                if (cp < 0x110000 && !IsSurrogate((int)cp))
                {
                    sb.Append(char.ConvertFromUtf32((int)cp));
                    pos += 4;
                    continue;
                }
                reason = cp < 0x110000 ? "code point in surrogate code point range(0xd800, 0xe000)"
                    : "code point not in range(0x110000)";
                end = pos + 4;
            }
            else
            {
                char cu = (char)ReadUnit(data[pos..], 2, big);
                if (!char.IsSurrogate(cu))
                {
                    sb.Append(cu);
                    pos += 2;
                    continue;
                }
                if (char.IsLowSurrogate(cu))
                {
                    (reason, end) = ("illegal encoding", pos + 2);
                }
                else if (data.Length - pos < 4)
                {
                    if (!final)
                    {
                        break;
                    }
                    (reason, end) = ("unexpected end of data", data.Length);
                }
                else if (ReadUnit(data[(pos + 2)..], 2, big) is var low && char.IsLowSurrogate((char)low))
                {
                    sb.Append(cu).Append((char)low);
                    pos += 4;
                    continue;
                }
                else
                {
                    (reason, end) = ("illegal UTF-16 surrogate", pos + 2);
                }
            }
            pos = DecodeError(sb, data, name, start, end, reason, errors);
        }
        consumed = pos;
        byteorder = bo;
        return sb.ToString();
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
                for (int i = start; i < end; i++)
                {
                    if (data[i] < 0x80)
                    {
                        throw DecodeException(data, encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    output.Append((char)(0xDC00 + data[i]));
                }
                return end;
            case ErrorHandler.SurrogatePass:
                // A surrogate encoded as UTF-8 (ED A0..BF 80..BF) or as one UTF-16/32 code unit passes through.
                if (encoding == Utf8Name && start + 2 < data.Length && data[start] == 0xED
                    && data[start + 1] >= 0xA0 && data[start + 1] <= 0xBF && (data[start + 2] & 0xC0) == 0x80)
                {
                    output.Append((char)(0xD000 | ((data[start + 1] & 0x3F) << 6) | (data[start + 2] & 0x3F)));
                    return start + 3;
                }
                if (encoding is Utf16LeName or Utf16BeName or Utf32LeName or Utf32BeName)
                {
                    int unit = encoding.StartsWith("utf-16") ? 2 : 4;
                    if (start + unit <= data.Length
                        && ReadUnit(data[start..], unit, encoding.EndsWith("be")) is var cu && IsSurrogate((int)cu))
                    {
                        output.Append((char)cu);
                        return start + unit;
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

    /// <summary>ascii (limit 128) and latin-1 (limit 256): one byte per code point below the limit.</summary>
    internal static byte[] EncodeCharmap(PyStr str, string encoding, int limit, string? errors)
    {
        var cps = PyStr.CodePoints(str.Value);
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
            EncodeError(output, str, cps, encoding, i, end, $"ordinal not in range({limit})", errors);
            i = end;
        }
        return [.. output];
    }

    internal static byte[] EncodeUtf8(PyStr str, string? errors)
    {
        string s = str.Value;
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 || !HasLoneSurrogate(s))
        {
            return Encoding.UTF8.GetBytes(s);
        }
        var cps = PyStr.CodePoints(s);
        var output = new List<byte>(cps.Length * 2);
        Span<byte> buffer = stackalloc byte[4];
        for (int i = 0; i < cps.Length;)
        {
            if (!IsSurrogate(cps[i]))
            {
                int n = new Rune(cps[i++]).EncodeToUtf8(buffer);
                output.AddRange(buffer[..n]);
                continue;
            }
            int end = i + 1;
            while (end < cps.Length && IsSurrogate(cps[end]))
            {
                end++;
            }
            EncodeError(output, str, cps, Utf8Name, i, end, "surrogates not allowed", errors);
            i = end;
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

    /// <summary>UTF-16 or UTF-32 (utf-16 and utf-32 write a BOM, then little-endian). A
    /// surrogate is an error on its own: CPython hands the handler one code point at a time.</summary>
    internal static byte[] EncodeUtf16Or32(PyStr str, string? errors, string codec)
    {
        int unit = codec.StartsWith("utf-16") ? 2 : 4;
        bool big = codec.EndsWith("be");
        var cps = PyStr.CodePoints(str.Value);
        var output = new List<byte>((cps.Length + 1) * unit);
        if (codec is Utf16Name or Utf32Name)
        {
            PutUnit(output, 0xFEFF, unit, big);
        }
        for (int i = 0; i < cps.Length; i++)
        {
            if (IsSurrogate(cps[i]))
            {
                EncodeError(output, str, cps, codec, i, i + 1, "surrogates not allowed", errors, unit, big);
            }
            else if (unit == 2 && cps[i] > 0xFFFF)
            {
                PutUnit(output, 0xD800 + ((cps[i] - 0x10000) >> 10), 2, big);
                PutUnit(output, 0xDC00 + ((cps[i] - 0x10000) & 0x3FF), 2, big);
            }
            else
            {
                PutUnit(output, cps[i], unit, big);
            }
        }
        return [.. output];
    }

    private static void PutUnit(List<byte> output, int value, int unit, bool bigEndian)
    {
        for (int k = 0; k < unit; k++)
        {
            output.Add((byte)(value >> (8 * (bigEndian ? unit - 1 - k : k))));
        }
    }

    private static void PutAscii(List<byte> output, string text, int unit, bool bigEndian)
    {
        foreach (char c in text)
        {
            PutUnit(output, c, unit, bigEndian);
        }
    }

    /// <summary>Applies the error handler to the unencodable code points cps[start:end]; a
    /// text replacement is written in the codec's units (unit bytes each, in its byte order).</summary>
    private static void EncodeError(List<byte> output, PyStr str, int[] cps, string encoding, int start, int end,
        string reason, string? errors, int unit = 1, bool bigEndian = false)
    {
        var handler = Handler(errors);
        switch (handler)
        {
            case ErrorHandler.Ignore:
                return;
            case ErrorHandler.Replace:
                PutAscii(output, new string('?', end - start), unit, bigEndian);
                return;
            case ErrorHandler.BackslashReplace:
                for (int i = start; i < end; i++)
                {
                    PutAscii(output, BackslashEscape(cps[i]), unit, bigEndian);
                }
                return;
            case ErrorHandler.XmlCharRefReplace:
                for (int i = start; i < end; i++)
                {
                    PutAscii(output, $"&#{cps[i]};", unit, bigEndian);
                }
                return;
            case ErrorHandler.SurrogateEscape when unit == 1:
                for (int i = start; i < end; i++)
                {
                    if (cps[i] < 0xDC80 || cps[i] > 0xDCFF)
                    {
                        throw EncodeException(str, encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    output.Add((byte)(cps[i] - 0xDC00));
                }
                return;
            case ErrorHandler.SurrogatePass when encoding == Utf8Name || unit > 1:
                for (int i = start; i < end; i++)
                {
                    if (!IsSurrogate(cps[i]))
                    {
                        throw EncodeException(str, encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    if (unit > 1)
                    {
                        PutUnit(output, cps[i], unit, bigEndian);
                        continue;
                    }
                    output.Add((byte)(0xE0 | (cps[i] >> 12)));
                    output.Add((byte)(0x80 | ((cps[i] >> 6) & 0x3F)));
                    output.Add((byte)(0x80 | (cps[i] & 0x3F)));
                }
                return;
            case ErrorHandler.NameReplace when cps.AsSpan(start, end - start).IndexOfAnyExceptInRange(0xD800, 0xDFFF) < 0:
                // Surrogates have no name: namereplace falls back to backslash escapes.
                goto case ErrorHandler.BackslashReplace;
            case ErrorHandler.NameReplace:
                throw new PythonException(PyExc.SystemError, "the namereplace error handler is not implemented");
            case ErrorHandler.Unknown:
                throw UnknownHandler(errors);
            default:
                throw EncodeException(str, encoding, start, end, reason);
        }
    }

    internal static PythonException EncodeException(PyStr str, string encoding, int start, int end, string reason) =>
        new(PyBaseException.Create(PyExc.UnicodeEncodeError,
            [new PyStr(encoding), str, new PyInt(start), new PyInt(end), new PyStr(reason)]));

    /// <summary>\xNN, \uNNNN or \UNNNNNNNN: backslashreplace's (and ascii()'s) escape of a code point.</summary>
    internal static string BackslashEscape(int cp) =>
        cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
}
