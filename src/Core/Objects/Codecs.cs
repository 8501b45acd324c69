using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The built-in error handlers of the codecs (codecs.register_error's standard set).</summary>
internal enum ErrorHandler
{
    Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, NameReplace, Unknown,
}

/// <summary>The text codecs the object space implements (utf-8, ascii, latin-1, with their
/// aliases) and the standard error handlers, with CPython's exceptions and messages.
/// A handler name is only looked up when an error happens, as in CPython: valid input with
/// an unknown handler name succeeds.</summary>
internal static class Codecs
{
    internal const string Utf8Name = "utf-8", AsciiName = "ascii", Latin1Name = "latin-1";

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
    };

    /// <summary>The codec an encoding name denotes (encodings.normalize_encoding, lower-cased),
    /// or LookupError "unknown encoding: name". NULL means UTF-8, as in the C API.</summary>
    internal static string Lookup(string? encoding)
    {
        if (encoding is null)
        {
            return Utf8Name;
        }
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
        return aliases.TryGetValue(key.ToString(), out var codec) ? codec
            : throw new PythonException(PyExc.Get("LookupError"), $"unknown encoding: {encoding}");
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

    internal static string Decode(ReadOnlySpan<byte> data, string? encoding, string? errors) => Lookup(encoding) switch
    {
        Utf8Name => DecodeUtf8(data, errors),
        AsciiName => DecodeAscii(data, errors),
        _ => DecodeLatin1(data),
    };

    internal static byte[] Encode(PyStr str, string? encoding, string? errors) => Lookup(encoding) switch
    {
        Utf8Name => EncodeUtf8(str, errors),
        AsciiName => EncodeCharmap(str, AsciiName, 128, errors),
        _ => EncodeCharmap(str, Latin1Name, 256, errors),
    };

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
                // A surrogate encoded as UTF-8 (ED A0..BF 80..BF) passes through.
                if (encoding == Utf8Name && start + 2 < data.Length && data[start] == 0xED
                    && data[start + 1] >= 0xA0 && data[start + 1] <= 0xBF && (data[start + 2] & 0xC0) == 0x80)
                {
                    output.Append((char)(0xD000 | ((data[start + 1] & 0x3F) << 6) | (data[start + 2] & 0x3F)));
                    return start + 3;
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

    /// <summary>Applies the error handler to the unencodable code points cps[start:end].</summary>
    private static void EncodeError(List<byte> output, PyStr str, int[] cps, string encoding, int start, int end,
        string reason, string? errors)
    {
        var handler = Handler(errors);
        switch (handler)
        {
            case ErrorHandler.Ignore:
                return;
            case ErrorHandler.Replace:
                output.AddRange(Enumerable.Repeat((byte)'?', end - start));
                return;
            case ErrorHandler.BackslashReplace:
                for (int i = start; i < end; i++)
                {
                    output.AddRange(Encoding.ASCII.GetBytes(BackslashEscape(cps[i])));
                }
                return;
            case ErrorHandler.XmlCharRefReplace:
                for (int i = start; i < end; i++)
                {
                    output.AddRange(Encoding.ASCII.GetBytes($"&#{cps[i]};"));
                }
                return;
            case ErrorHandler.SurrogateEscape:
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
            case ErrorHandler.SurrogatePass when encoding == Utf8Name:
                for (int i = start; i < end; i++)
                {
                    if (!IsSurrogate(cps[i]))
                    {
                        throw EncodeException(str, encoding, start, end, reason);
                    }
                }
                for (int i = start; i < end; i++)
                {
                    output.Add((byte)(0xE0 | (cps[i] >> 12)));
                    output.Add((byte)(0x80 | ((cps[i] >> 6) & 0x3F)));
                    output.Add((byte)(0x80 | (cps[i] & 0x3F)));
                }
                return;
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
