using System.Globalization;
using System.Text;

namespace PyCApi.Objects;

/// <summary>str's case operations as CPython 3.11 does them (unicodeobject.c over the Unicode 14.0
/// tables of unicodectype.c): .NET's invariant simple mappings, with the code points where
/// CPython's answer differs from them listed below — SpecialCasing.txt's full mappings (ß → SS),
/// titlecase forms (ǆ → ǅ), full case folding (ß → ss), .NET's Turkic exclusions (ı, ſ) and
/// characters later Unicode versions (.NET's) gave a case CPython 3.11 does not know; plus the
/// Other_Uppercase / Other_Lowercase characters Python counts as upper / lower case.</summary>
internal static class UnicodeCasing
{
    internal static bool IsUpper(int cp) => Category(cp) == UnicodeCategory.UppercaseLetter || In(otherUppercase, cp);

    internal static bool IsLower(int cp) => Category(cp) == UnicodeCategory.LowercaseLetter || In(otherLowercase, cp);

    internal static bool IsTitle(int cp) => Category(cp) == UnicodeCategory.TitlecaseLetter;

    internal static bool IsCased(int cp) => IsUpper(cp) || IsLower(cp) || IsTitle(cp);

    /// <summary>Case_Ignorable: marks, format characters, modifiers and the Word_Break
    /// MidLetter/MidNumLet/Single_Quote characters (apostrophes, periods, colons, middle dots).</summary>
    private static bool IsCaseIgnorable(int cp) =>
        cp is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A
        || Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    // ASCII text maps one to one, and only its letters change (the common case, kept fast).
    internal static string Upper(string s) =>
        Ascii.IsValid(s) ? s.ToUpperInvariant() : Map(s, (sb, _, i, cp) => AppendUpper(sb, cp));

    internal static string Lower(string s) =>
        Ascii.IsValid(s) ? s.ToLowerInvariant() : Map(s, (sb, cps, i, cp) => AppendLower(sb, cps, i));

    internal static string CaseFold(string s) => Ascii.IsValid(s) ? s.ToLowerInvariant() : Map(s, (sb, _, i, cp) =>
        Append(sb, foldExceptions.TryGetValue(cp, out var folded) ? folded : null, cp, Rune.ToLowerInvariant));

    /// <summary>str.capitalize: the first character title-cased (not upper-cased), the rest lower-cased.</summary>
    internal static string Capitalize(string s) => Map(s, (sb, cps, i, cp) =>
    {
        if (i == 0)
        {
            AppendTitle(sb, cp);
        }
        else
        {
            AppendLower(sb, cps, i);
        }
    });

    internal static string SwapCase(string s) => Map(s, (sb, cps, i, cp) =>
    {
        if (IsUpper(cp))
        {
            AppendLower(sb, cps, i);
        }
        else if (IsLower(cp))
        {
            AppendUpper(sb, cp);
        }
        else
        {
            sb.Append(PyStr.FromCodePoints([cp]));
        }
    });

    /// <summary>str.title: a character after a cased one is lower-cased, any other title-cased.</summary>
    internal static string Title(string s)
    {
        bool previousCased = false;
        return Map(s, (sb, cps, i, cp) =>
        {
            if (previousCased)
            {
                AppendLower(sb, cps, i);
            }
            else
            {
                AppendTitle(sb, cp);
            }
            previousCased = IsCased(cp);
        });
    }

    /// <summary>str.isupper / str.islower: some cased character, none of the other case nor title case.</summary>
    internal static bool IsAllCase(string s, bool upper)
    {
        bool cased = false;
        foreach (int cp in PyStr.CodePoints(s))
        {
            if ((upper ? IsLower(cp) : IsUpper(cp)) || IsTitle(cp))
            {
                return false;
            }
            cased |= upper ? IsUpper(cp) : IsLower(cp);
        }
        return cased;
    }

    private static string Map(string s, Action<StringBuilder, int[], int, int> append)
    {
        var cps = PyStr.CodePoints(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < cps.Length; i++)
        {
            append(sb, cps, i, cps[i]);
        }
        return sb.ToString();
    }

    private static void AppendUpper(StringBuilder sb, int cp) =>
        Append(sb, upperExceptions.TryGetValue(cp, out var mapped) ? mapped : null, cp, Rune.ToUpperInvariant);

    private static void AppendTitle(StringBuilder sb, int cp) =>
        Append(sb, titleExceptions.TryGetValue(cp, out var mapped) ? mapped : null, cp, Rune.ToUpperInvariant);

    /// <summary>Lower case, with the capital sigma final (ς) after a cased letter not followed by one.</summary>
    private static void AppendLower(StringBuilder sb, int[] cps, int i)
    {
        int cp = cps[i];
        if (cp == 0x3A3)
        {
            sb.Append(IsFinalSigma(cps, i) ? 'ς' : 'σ');
            return;
        }
        Append(sb, lowerExceptions.TryGetValue(cp, out var mapped) ? mapped : null, cp, Rune.ToLowerInvariant);
    }

    private static bool IsFinalSigma(int[] cps, int i)
    {
        int j = i - 1;
        while (j >= 0 && IsCaseIgnorable(cps[j]))
        {
            j--;
        }
        if (j < 0 || !IsCased(cps[j]))
        {
            return false;
        }
        j = i + 1;
        while (j < cps.Length && IsCaseIgnorable(cps[j]))
        {
            j++;
        }
        return j == cps.Length || !IsCased(cps[j]);
    }

    private static void Append(StringBuilder sb, int[]? exception, int cp, Func<Rune, Rune> simple)
    {
        if (exception is not null)
        {
            sb.Append(PyStr.FromCodePoints(exception));
        }
        else if (Rune.IsValid(cp))
        {
            sb.Append(simple(new Rune(cp)).ToString());
        }
        else
        {
            sb.Append((char)cp); // a lone surrogate has no case
        }
    }

    private static UnicodeCategory Category(int cp) =>
        Rune.IsValid(cp) ? Rune.GetUnicodeCategory(new Rune(cp)) : UnicodeCategory.Surrogate;

    private static bool In((int First, int Last)[] ranges, int cp)
    {
        foreach (var (first, last) in ranges)
        {
            if (cp >= first && cp <= last)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"CP:M1.M2 ..." in hex: code point CP maps to M1 M2.</summary>
    private static Dictionary<int, int[]> Parse(string entries) => entries.Split(' ').Select(e => e.Split(':')).ToDictionary(
        e => Convert.ToInt32(e[0], 16), e => e[1].Split('.').Select(m => Convert.ToInt32(m, 16)).ToArray());

    private static readonly Dictionary<int, int[]> upperExceptions = Parse(
        "DF:53.53 131:49 149:2BC.4E 17F:53 19B:19B 1F0:4A.30C 264:264 390:399.308.301 3B0:3A5.308.301 " +
        "587:535.552 1C8A:1C8A 1E96:48.331 1E97:54.308 1E98:57.30A 1E99:59.30A 1E9A:41.2BE 1F50:3A5.313 " +
        "1F52:3A5.313.300 1F54:3A5.313.301 1F56:3A5.313.342 1F80:1F08.399 1F81:1F09.399 1F82:1F0A.399 " +
        "1F83:1F0B.399 1F84:1F0C.399 1F85:1F0D.399 1F86:1F0E.399 1F87:1F0F.399 1F88:1F08.399 " +
        "1F89:1F09.399 1F8A:1F0A.399 1F8B:1F0B.399 1F8C:1F0C.399 1F8D:1F0D.399 1F8E:1F0E.399 " +
        "1F8F:1F0F.399 1F90:1F28.399 1F91:1F29.399 1F92:1F2A.399 1F93:1F2B.399 1F94:1F2C.399 " +
        "1F95:1F2D.399 1F96:1F2E.399 1F97:1F2F.399 1F98:1F28.399 1F99:1F29.399 1F9A:1F2A.399 " +
        "1F9B:1F2B.399 1F9C:1F2C.399 1F9D:1F2D.399 1F9E:1F2E.399 1F9F:1F2F.399 1FA0:1F68.399 " +
        "1FA1:1F69.399 1FA2:1F6A.399 1FA3:1F6B.399 1FA4:1F6C.399 1FA5:1F6D.399 1FA6:1F6E.399 " +
        "1FA7:1F6F.399 1FA8:1F68.399 1FA9:1F69.399 1FAA:1F6A.399 1FAB:1F6B.399 1FAC:1F6C.399 " +
        "1FAD:1F6D.399 1FAE:1F6E.399 1FAF:1F6F.399 1FB2:1FBA.399 1FB3:391.399 1FB4:386.399 1FB6:391.342 " +
        "1FB7:391.342.399 1FBC:391.399 1FC2:1FCA.399 1FC3:397.399 1FC4:389.399 1FC6:397.342 " +
        "1FC7:397.342.399 1FCC:397.399 1FD2:399.308.300 1FD3:399.308.301 1FD6:399.342 1FD7:399.308.342 " +
        "1FE2:3A5.308.300 1FE3:3A5.308.301 1FE4:3A1.313 1FE6:3A5.342 1FE7:3A5.308.342 1FF2:1FFA.399 " +
        "1FF3:3A9.399 1FF4:38F.399 1FF6:3A9.342 1FF7:3A9.342.399 1FFC:3A9.399 A7CD:A7CD A7DB:A7DB " +
        "FB00:46.46 FB01:46.49 FB02:46.4C FB03:46.46.49 FB04:46.46.4C FB05:53.54 FB06:53.54 FB13:544.546 " +
        "FB14:544.535 FB15:544.53B FB16:54E.546 FB17:544.53D 10D70:10D70 10D71:10D71 10D72:10D72 " +
        "10D73:10D73 10D74:10D74 10D75:10D75 10D76:10D76 10D77:10D77 10D78:10D78 10D79:10D79 10D7A:10D7A " +
        "10D7B:10D7B 10D7C:10D7C 10D7D:10D7D 10D7E:10D7E 10D7F:10D7F 10D80:10D80 10D81:10D81 10D82:10D82 " +
        "10D83:10D83 10D84:10D84 10D85:10D85");

    private static readonly Dictionary<int, int[]> lowerExceptions = Parse(
        "130:69.307 1C89:1C89 A7CB:A7CB A7CC:A7CC A7DA:A7DA A7DC:A7DC 10D50:10D50 10D51:10D51 10D52:10D52 " +
        "10D53:10D53 10D54:10D54 10D55:10D55 10D56:10D56 10D57:10D57 10D58:10D58 10D59:10D59 10D5A:10D5A " +
        "10D5B:10D5B 10D5C:10D5C 10D5D:10D5D 10D5E:10D5E 10D5F:10D5F 10D60:10D60 10D61:10D61 10D62:10D62 " +
        "10D63:10D63 10D64:10D64 10D65:10D65");

    private static readonly Dictionary<int, int[]> titleExceptions = Parse(
        "DF:53.73 131:49 149:2BC.4E 17F:53 19B:19B 1C4:1C5 1C5:1C5 1C6:1C5 1C7:1C8 1C8:1C8 1C9:1C8 " +
        "1CA:1CB 1CB:1CB 1CC:1CB 1F0:4A.30C 1F1:1F2 1F2:1F2 1F3:1F2 264:264 390:399.308.301 " +
        "3B0:3A5.308.301 587:535.582 10D0:10D0 10D1:10D1 10D2:10D2 10D3:10D3 10D4:10D4 10D5:10D5 " +
        "10D6:10D6 10D7:10D7 10D8:10D8 10D9:10D9 10DA:10DA 10DB:10DB 10DC:10DC 10DD:10DD 10DE:10DE " +
        "10DF:10DF 10E0:10E0 10E1:10E1 10E2:10E2 10E3:10E3 10E4:10E4 10E5:10E5 10E6:10E6 10E7:10E7 " +
        "10E8:10E8 10E9:10E9 10EA:10EA 10EB:10EB 10EC:10EC 10ED:10ED 10EE:10EE 10EF:10EF 10F0:10F0 " +
        "10F1:10F1 10F2:10F2 10F3:10F3 10F4:10F4 10F5:10F5 10F6:10F6 10F7:10F7 10F8:10F8 10F9:10F9 " +
        "10FA:10FA 10FD:10FD 10FE:10FE 10FF:10FF 1C8A:1C8A 1E96:48.331 1E97:54.308 1E98:57.30A " +
        "1E99:59.30A 1E9A:41.2BE 1F50:3A5.313 1F52:3A5.313.300 1F54:3A5.313.301 1F56:3A5.313.342 " +
        "1FB2:1FBA.345 1FB4:386.345 1FB6:391.342 1FB7:391.342.345 1FC2:1FCA.345 1FC4:389.345 1FC6:397.342 " +
        "1FC7:397.342.345 1FD2:399.308.300 1FD3:399.308.301 1FD6:399.342 1FD7:399.308.342 " +
        "1FE2:3A5.308.300 1FE3:3A5.308.301 1FE4:3A1.313 1FE6:3A5.342 1FE7:3A5.308.342 1FF2:1FFA.345 " +
        "1FF4:38F.345 1FF6:3A9.342 1FF7:3A9.342.345 A7CD:A7CD A7DB:A7DB FB00:46.66 FB01:46.69 FB02:46.6C " +
        "FB03:46.66.69 FB04:46.66.6C FB05:53.74 FB06:53.74 FB13:544.576 FB14:544.565 FB15:544.56B " +
        "FB16:54E.576 FB17:544.56D 10D70:10D70 10D71:10D71 10D72:10D72 10D73:10D73 10D74:10D74 " +
        "10D75:10D75 10D76:10D76 10D77:10D77 10D78:10D78 10D79:10D79 10D7A:10D7A 10D7B:10D7B 10D7C:10D7C " +
        "10D7D:10D7D 10D7E:10D7E 10D7F:10D7F 10D80:10D80 10D81:10D81 10D82:10D82 10D83:10D83 10D84:10D84 " +
        "10D85:10D85");

    private static readonly Dictionary<int, int[]> foldExceptions = Parse(
        "B5:3BC DF:73.73 130:69.307 149:2BC.6E 17F:73 1F0:6A.30C 345:3B9 390:3B9.308.301 3B0:3C5.308.301 " +
        "3C2:3C3 3D0:3B2 3D1:3B8 3D5:3C6 3D6:3C0 3F0:3BA 3F1:3C1 3F5:3B5 587:565.582 13A0:13A0 13A1:13A1 " +
        "13A2:13A2 13A3:13A3 13A4:13A4 13A5:13A5 13A6:13A6 13A7:13A7 13A8:13A8 13A9:13A9 13AA:13AA " +
        "13AB:13AB 13AC:13AC 13AD:13AD 13AE:13AE 13AF:13AF 13B0:13B0 13B1:13B1 13B2:13B2 13B3:13B3 " +
        "13B4:13B4 13B5:13B5 13B6:13B6 13B7:13B7 13B8:13B8 13B9:13B9 13BA:13BA 13BB:13BB 13BC:13BC " +
        "13BD:13BD 13BE:13BE 13BF:13BF 13C0:13C0 13C1:13C1 13C2:13C2 13C3:13C3 13C4:13C4 13C5:13C5 " +
        "13C6:13C6 13C7:13C7 13C8:13C8 13C9:13C9 13CA:13CA 13CB:13CB 13CC:13CC 13CD:13CD 13CE:13CE " +
        "13CF:13CF 13D0:13D0 13D1:13D1 13D2:13D2 13D3:13D3 13D4:13D4 13D5:13D5 13D6:13D6 13D7:13D7 " +
        "13D8:13D8 13D9:13D9 13DA:13DA 13DB:13DB 13DC:13DC 13DD:13DD 13DE:13DE 13DF:13DF 13E0:13E0 " +
        "13E1:13E1 13E2:13E2 13E3:13E3 13E4:13E4 13E5:13E5 13E6:13E6 13E7:13E7 13E8:13E8 13E9:13E9 " +
        "13EA:13EA 13EB:13EB 13EC:13EC 13ED:13ED 13EE:13EE 13EF:13EF 13F0:13F0 13F1:13F1 13F2:13F2 " +
        "13F3:13F3 13F4:13F4 13F5:13F5 13F8:13F0 13F9:13F1 13FA:13F2 13FB:13F3 13FC:13F4 13FD:13F5 " +
        "1C80:432 1C81:434 1C82:43E 1C83:441 1C84:442 1C85:442 1C86:44A 1C87:463 1C88:A64B 1C89:1C89 " +
        "1E96:68.331 1E97:74.308 1E98:77.30A 1E99:79.30A 1E9A:61.2BE 1E9B:1E61 1E9E:73.73 1F50:3C5.313 " +
        "1F52:3C5.313.300 1F54:3C5.313.301 1F56:3C5.313.342 1F80:1F00.3B9 1F81:1F01.3B9 1F82:1F02.3B9 " +
        "1F83:1F03.3B9 1F84:1F04.3B9 1F85:1F05.3B9 1F86:1F06.3B9 1F87:1F07.3B9 1F88:1F00.3B9 " +
        "1F89:1F01.3B9 1F8A:1F02.3B9 1F8B:1F03.3B9 1F8C:1F04.3B9 1F8D:1F05.3B9 1F8E:1F06.3B9 " +
        "1F8F:1F07.3B9 1F90:1F20.3B9 1F91:1F21.3B9 1F92:1F22.3B9 1F93:1F23.3B9 1F94:1F24.3B9 " +
        "1F95:1F25.3B9 1F96:1F26.3B9 1F97:1F27.3B9 1F98:1F20.3B9 1F99:1F21.3B9 1F9A:1F22.3B9 " +
        "1F9B:1F23.3B9 1F9C:1F24.3B9 1F9D:1F25.3B9 1F9E:1F26.3B9 1F9F:1F27.3B9 1FA0:1F60.3B9 " +
        "1FA1:1F61.3B9 1FA2:1F62.3B9 1FA3:1F63.3B9 1FA4:1F64.3B9 1FA5:1F65.3B9 1FA6:1F66.3B9 " +
        "1FA7:1F67.3B9 1FA8:1F60.3B9 1FA9:1F61.3B9 1FAA:1F62.3B9 1FAB:1F63.3B9 1FAC:1F64.3B9 " +
        "1FAD:1F65.3B9 1FAE:1F66.3B9 1FAF:1F67.3B9 1FB2:1F70.3B9 1FB3:3B1.3B9 1FB4:3AC.3B9 1FB6:3B1.342 " +
        "1FB7:3B1.342.3B9 1FBC:3B1.3B9 1FBE:3B9 1FC2:1F74.3B9 1FC3:3B7.3B9 1FC4:3AE.3B9 1FC6:3B7.342 " +
        "1FC7:3B7.342.3B9 1FCC:3B7.3B9 1FD2:3B9.308.300 1FD3:3B9.308.301 1FD6:3B9.342 1FD7:3B9.308.342 " +
        "1FE2:3C5.308.300 1FE3:3C5.308.301 1FE4:3C1.313 1FE6:3C5.342 1FE7:3C5.308.342 1FF2:1F7C.3B9 " +
        "1FF3:3C9.3B9 1FF4:3CE.3B9 1FF6:3C9.342 1FF7:3C9.342.3B9 1FFC:3C9.3B9 A7CB:A7CB A7CC:A7CC " +
        "A7DA:A7DA A7DC:A7DC AB70:13A0 AB71:13A1 AB72:13A2 AB73:13A3 AB74:13A4 AB75:13A5 AB76:13A6 " +
        "AB77:13A7 AB78:13A8 AB79:13A9 AB7A:13AA AB7B:13AB AB7C:13AC AB7D:13AD AB7E:13AE AB7F:13AF " +
        "AB80:13B0 AB81:13B1 AB82:13B2 AB83:13B3 AB84:13B4 AB85:13B5 AB86:13B6 AB87:13B7 AB88:13B8 " +
        "AB89:13B9 AB8A:13BA AB8B:13BB AB8C:13BC AB8D:13BD AB8E:13BE AB8F:13BF AB90:13C0 AB91:13C1 " +
        "AB92:13C2 AB93:13C3 AB94:13C4 AB95:13C5 AB96:13C6 AB97:13C7 AB98:13C8 AB99:13C9 AB9A:13CA " +
        "AB9B:13CB AB9C:13CC AB9D:13CD AB9E:13CE AB9F:13CF ABA0:13D0 ABA1:13D1 ABA2:13D2 ABA3:13D3 " +
        "ABA4:13D4 ABA5:13D5 ABA6:13D6 ABA7:13D7 ABA8:13D8 ABA9:13D9 ABAA:13DA ABAB:13DB ABAC:13DC " +
        "ABAD:13DD ABAE:13DE ABAF:13DF ABB0:13E0 ABB1:13E1 ABB2:13E2 ABB3:13E3 ABB4:13E4 ABB5:13E5 " +
        "ABB6:13E6 ABB7:13E7 ABB8:13E8 ABB9:13E9 ABBA:13EA ABBB:13EB ABBC:13EC ABBD:13ED ABBE:13EE " +
        "ABBF:13EF FB00:66.66 FB01:66.69 FB02:66.6C FB03:66.66.69 FB04:66.66.6C FB05:73.74 FB06:73.74 " +
        "FB13:574.576 FB14:574.565 FB15:574.56B FB16:57E.576 FB17:574.56D 10D50:10D50 10D51:10D51 " +
        "10D52:10D52 10D53:10D53 10D54:10D54 10D55:10D55 10D56:10D56 10D57:10D57 10D58:10D58 10D59:10D59 " +
        "10D5A:10D5A 10D5B:10D5B 10D5C:10D5C 10D5D:10D5D 10D5E:10D5E 10D5F:10D5F 10D60:10D60 10D61:10D61 " +
        "10D62:10D62 10D63:10D63 10D64:10D64 10D65:10D65");

    private static readonly (int First, int Last)[] otherUppercase =
    [
        (0x2160, 0x216F), (0x24B6, 0x24CF), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189),
    ];
    private static readonly (int First, int Last)[] otherLowercase =
    [
        (0xAA, 0xAA), (0xBA, 0xBA), (0x2B0, 0x2B8), (0x2C0, 0x2C1), (0x2E0, 0x2E4), (0x345, 0x345),
        (0x37A, 0x37A), (0x1D2C, 0x1D6A), (0x1D78, 0x1D78), (0x1D9B, 0x1DBF), (0x2071, 0x2071), (0x207F, 0x207F),
        (0x2090, 0x209C), (0x2170, 0x217F), (0x24D0, 0x24E9), (0x2C7C, 0x2C7D), (0xA69C, 0xA69D), (0xA770, 0xA770),
        (0xA7F8, 0xA7F9), (0xAB5C, 0xAB5F), (0x10780, 0x10780), (0x10783, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA),
    ];
}
