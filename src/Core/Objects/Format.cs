using System.Numerics;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A parsed format specification (the format-spec mini-language):
/// [[fill]align][sign][z][#][0][width][grouping][.precision][type].</summary>
internal sealed class FormatSpec
{
    internal string Fill = " "; // one code point, astral ones included
    internal char Align; // '\0' when not given
    internal char Sign; // '\0', '+', '-' or ' '
    internal bool NoNegativeZero;
    internal bool Alternate;
    internal int Width = -1;
    internal char Grouping; // '\0', ',' or '_'
    internal int Precision = -1;
    internal char Type; // '\0' when not given

    /// <summary>Parses <paramref name="spec"/> for a value of <paramref name="typeName"/>;
    /// <paramref name="defaultAlign"/> is '&gt;' for numbers and '&lt;' for strings.</summary>
    internal static FormatSpec Parse(string spec, string typeName, char defaultAlign)
    {
        var f = new FormatSpec();
        int i = 0, n = spec.Length;
        bool fillGiven = false;
        static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';
        int fillLength = n >= 2 && char.IsSurrogatePair(spec[0], spec[1]) ? 2 : 1;
        if (n > fillLength && IsAlign(spec[fillLength]))
        {
            (f.Fill, f.Align, fillGiven) = (spec[..fillLength], spec[fillLength], true);
            i = fillLength + 1;
        }
        else if (n >= 1 && IsAlign(spec[0]))
        {
            f.Align = spec[0];
            i = 1;
        }
        if (i < n && spec[i] is '+' or '-' or ' ')
        {
            f.Sign = spec[i++];
        }
        if (i < n && spec[i] == 'z')
        {
            f.NoNegativeZero = true;
            i++;
        }
        if (i < n && spec[i] == '#')
        {
            f.Alternate = true;
            i++;
        }
        if (!fillGiven && i < n && spec[i] == '0')
        {
            f.Fill = "0";
            if (f.Align == '\0' && defaultAlign == '>')
            {
                f.Align = '=';
            }
            i++;
        }
        f.Width = ReadNumber(spec, ref i);
        if (i < n && spec[i] is ',' or '_')
        {
            f.Grouping = spec[i++];
            if (i < n && spec[i] is ',' or '_')
            {
                throw new PythonException(PyExc.ValueError, f.Grouping == spec[i]
                    ? $"Cannot specify '{f.Grouping}' with '{spec[i]}'." : "Cannot specify both ',' and '_'.");
            }
        }
        if (i < n && spec[i] == '.')
        {
            i++;
            f.Precision = ReadNumber(spec, ref i);
            if (f.Precision < 0)
            {
                throw new PythonException(PyExc.ValueError, "Format specifier missing precision");
            }
        }
        if (n - i > 1)
        {
            throw new PythonException(PyExc.ValueError, $"Invalid format specifier '{spec}' for object of type '{typeName}'");
        }
        if (i < n)
        {
            f.Type = spec[i];
        }
        if (f.Grouping != '\0')
        {
            bool allowed = f.Type switch
            {
                'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F' or '\0' => true,
                'b' or 'o' or 'x' or 'X' => f.Grouping == '_',
                _ => false,
            };
            if (!allowed)
            {
                throw new PythonException(PyExc.ValueError, $"Cannot specify '{f.Grouping}' with '{f.Type}'.");
            }
        }
        return f;
    }

    private static int ReadNumber(string spec, ref int i)
    {
        int start = i;
        long value = 0;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            value = value * 10 + (spec[i++] - '0');
            if (value > int.MaxValue)
            {
                throw new PythonException(PyExc.ValueError, "Too many decimal digits in format string");
            }
        }
        return i == start ? -1 : (int)value;
    }

    /// <summary>Pads <paramref name="text"/> (already signed) to the width by the alignment.</summary>
    internal string Pad(string text, int length, char defaultAlign)
    {
        if (Width <= length)
        {
            return text;
        }
        int pad = Width - length;
        string Repeat(int k) => string.Concat(Enumerable.Repeat(Fill, k));
        return (Align == '\0' ? defaultAlign : Align) switch
        {
            '<' => text + Repeat(pad),
            '^' => Repeat(pad / 2) + text + Repeat(pad - pad / 2),
            _ => Repeat(pad) + text,
        };
    }
}

/// <summary>format(value, spec) for the built-in types, str.format, %-formatting and
/// PyObject_Format, as CPython 3.11 renders them.</summary>
internal static class Formatter
{
    private static PythonException ValueError(string message) => new(PyExc.ValueError, message);

    /// <summary>PyObject_Format: the built-in types' __format__, a C type's __format__ method,
    /// or object.__format__ (str(self) for an empty spec).</summary>
    internal static PyStr Format(PyObject value, string spec)
    {
        switch (value)
        {
            case PyStr s:
                return spec.Length == 0 && ReferenceEquals(s.Type, BuiltinTypes.Str) ? s : new PyStr(FormatStr(s.Value, spec));
            case PyBool when spec.Length == 0:
                return value.Str();
            case PyInt i:
                return new PyStr(spec.Length == 0 ? i.Value.ToString() : FormatInt(i.Value, spec, value.Type.Name));
            case PyFloat f:
                return spec.Length == 0 ? f.Str() : new PyStr(FormatFloat(f.Value, spec, value.Type.Name));
            case PyComplex c:
                return spec.Length == 0 ? c.Str() : new PyStr(FormatComplex(c.Real, c.Imag, spec, value.Type.Name));
        }
        if (value.Type.Lookup(new PyStr("__format__")) is { } method and not PyBuiltinMethodDescriptor)
        {
            var bound = method is IDescriptor d ? d.Get(value, value.Type) : method;
            var result = Abstract.Call(bound, PyTuple.Create([new PyStr(spec)]), null);
            return result as PyStr ?? throw new PythonException(PyExc.TypeError,
                $"__format__ must return a str, not {result.Type.Name}");
        }
        if (spec.Length > 0)
        {
            throw new PythonException(PyExc.TypeError, $"unsupported format string passed to {value.Type.Name}.__format__");
        }
        return value.Str();
    }

    /// <summary>The built-in types' __format__(format_spec, /) method.</summary>
    internal static void AddFormatMethod(PyType type) =>
        PyBuiltinMethodDescriptor.Add(type, "__format__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__format__", args, kwargs, 1, 1, ArgStyle.One);
            return Format(self!, args[0] is PyStr spec ? spec.Value
                : throw new PythonException(PyExc.TypeError, $"__format__() argument must be str, not {args[0].Type.Name}"));
        });

    // ---- str ----

    internal static string FormatStr(string value, string specText)
    {
        var spec = FormatSpec.Parse(specText, "str", '<');
        if (spec.Type is not ('\0' or 's'))
        {
            throw UnknownCode(spec.Type, "str");
        }
        if (spec.Sign != '\0')
        {
            throw ValueError(spec.Sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        }
        if (spec.NoNegativeZero)
        {
            throw ValueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (spec.Alternate)
        {
            throw ValueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.Align == '=')
        {
            throw ValueError("'=' alignment not allowed in string format specifier");
        }
        if (spec.Grouping != '\0')
        {
            throw ValueError($"Cannot specify '{spec.Grouping}' with 's'.");
        }
        var str = new PyStr(value);
        int length = str.Length;
        if (spec.Precision >= 0 && spec.Precision < length)
        {
            value = str.Slice(0, spec.Precision);
            length = spec.Precision;
        }
        return spec.Pad(value, length, '<');
    }

    private static PythonException UnknownCode(char code, string typeName) =>
        code is >= ' ' and < (char)0x7F
            ? ValueError($"Unknown format code '{code}' for object of type '{typeName}'")
            : ValueError($"Unknown format code '\\x{(int)code:x}' for object of type '{typeName}'");

    // ---- int ----

    internal static string FormatInt(BigInteger value, string specText, string typeName = "int")
    {
        var spec = FormatSpec.Parse(specText, typeName, '>');
        switch (spec.Type)
        {
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%':
                return FormatFloat(IntArithmetic.ToDouble(value), spec);
            case not ('\0' or 'd' or 'n' or 'b' or 'o' or 'x' or 'X' or 'c'):
                throw UnknownCode(spec.Type, typeName);
        }
        if (spec.Precision >= 0)
        {
            throw ValueError("Precision not allowed in integer format specifier");
        }
        if (spec.NoNegativeZero)
        {
            throw ValueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (spec.Type == 'c')
        {
            if (spec.Sign != '\0')
            {
                throw ValueError("Sign not allowed with integer format specifier 'c'");
            }
            if (spec.Alternate)
            {
                throw ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (value < long.MinValue || value > long.MaxValue)
            {
                throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C long");
            }
            if (value < 0 || value > 0x10FFFF)
            {
                throw new PythonException(PyExc.OverflowError, "%c arg not in range(0x110000)");
            }
            return spec.Pad(PyStr.FromCodePoints([(int)value]), 1, '>');
        }
        var magnitude = BigInteger.Abs(value);
        string digits = spec.Type switch
        {
            'b' => ToBase(magnitude, 2),
            'o' => ToBase(magnitude, 8),
            'x' => ToBase(magnitude, 16),
            'X' => ToBase(magnitude, 16).ToUpperInvariant(),
            _ => magnitude.ToString(),
        };
        string prefix = spec.Alternate ? spec.Type switch { 'b' => "0b", 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" } : "";
        int groupSize = spec.Type is 'b' or 'o' or 'x' or 'X' ? 4 : 3;
        return Assemble(spec, value.Sign < 0, prefix, digits, "", groupSize);
    }

    /// <summary>The digits of a non-negative integer in base 2, 8 or 16 (lower case).</summary>
    internal static string ToBase(BigInteger magnitude, int @base)
    {
        if (magnitude.IsZero)
        {
            return "0";
        }
        int bits = @base == 2 ? 1 : @base == 8 ? 3 : 4;
        var sb = new StringBuilder();
        for (var m = magnitude; !m.IsZero; m >>= bits)
        {
            sb.Append("0123456789abcdef"[(int)(m & (@base - 1))]);
        }
        var chars = sb.ToString().ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>CPython's fill_number: sign, prefix, grouped integer digits (zero padding
    /// grouped too; no grouping for a <paramref name="groupSize"/> of 0), then the rest
    /// (fraction, exponent, '%'), aligned in the width.</summary>
    private static string Assemble(FormatSpec spec, bool negative, string prefix, string intDigits, string rest, int groupSize)
    {
        string sign = negative ? "-" : spec.Sign is '+' or ' ' ? spec.Sign.ToString() : "";
        bool zeroPad = spec.Fill == "0" && spec.Align == '=';
        if (spec.Grouping != '\0' && groupSize > 0)
        {
            int target = zeroPad ? spec.Width - sign.Length - prefix.Length - rest.Length : 0;
            string grouped = Group(intDigits, spec.Grouping, groupSize);
            while (grouped.Length < target)
            {
                intDigits = "0" + intDigits;
                grouped = Group(intDigits, spec.Grouping, groupSize);
            }
            intDigits = grouped;
        }
        string body = intDigits + rest; // ASCII: its length is its code point count
        int length = sign.Length + prefix.Length + body.Length;
        if (spec.Align == '=' && spec.Width > length)
        {
            return sign + prefix + string.Concat(Enumerable.Repeat(spec.Fill, spec.Width - length)) + body;
        }
        return spec.Pad(sign + prefix + body, length, '>');
    }

    private static string Group(string digits, char separator, int size)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % size == 0)
            {
                sb.Append(separator);
            }
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    // ---- float ----

    internal static string FormatFloat(double value, string specText, string typeName = "float") =>
        FormatFloat(value, FormatSpec.Parse(specText, typeName, '>'), typeName);

    private static string FormatFloat(double value, FormatSpec spec, string typeName = "float")
    {
        char type = spec.Type;
        if (type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%'))
        {
            throw UnknownCode(type, typeName);
        }
        // '%' is 'f' of the value times 100; with no type, an integral value keeps its ".0".
        bool percent = type == '%';
        var (style, precision) = Presentation(spec, percent ? 'f' : type);
        var (negative, body) = FloatDigits.Text(percent ? value * 100 : value, style, precision, spec.Alternate,
            addDot0: type == '\0', spec.NoNegativeZero);
        return AssembleNumber(spec, negative, percent ? body + "%" : body);
    }

    /// <summary>The style a float (or a complex part) is written in, as format_float_internal and
    /// format_complex_internal choose it: no type is repr, or 'g' once a precision is given;
    /// 'n' is 'g'; the default precision is 6 (0, unused, for repr).</summary>
    private static (char Type, int Precision) Presentation(FormatSpec spec, char type) => type switch
    {
        '\0' when spec.Precision < 0 => ('r', 0),
        '\0' or 'n' => ('g', spec.Precision < 0 ? 6 : spec.Precision),
        _ => (type, spec.Precision < 0 ? 6 : spec.Precision),
    };

    /// <summary>A float's text with its sign, grouped and padded as the spec says.</summary>
    private static string AssembleNumber(FormatSpec spec, bool negative, string body)
    {
        if (!char.IsAsciiDigit(body[0]))
        {
            return Assemble(spec, negative, "", body, "", groupSize: 0); // inf and nan are never grouped
        }
        int split = body.IndexOfAny(['.', 'e', 'E', '%']);
        return split < 0 ? Assemble(spec, negative, "", body, "", 3) : Assemble(spec, negative, "", body[..split], body[split..], 3);
    }

    // ---- complex ----

    /// <summary>complex.__format__ (CPython's format_complex_internal): each part formatted as a
    /// float, the imaginary one always signed unless the real one is left out; no type is
    /// str()'s form (parentheses, a +0 real part omitted), and the width pads the whole.</summary>
    internal static string FormatComplex(double re, double im, string specText, string typeName)
    {
        var spec = FormatSpec.Parse(specText, typeName, '>');
        char type = spec.Type;
        if (type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n'))
        {
            throw UnknownCode(type, typeName);
        }
        if (spec.Fill == "0")
        {
            throw ValueError("Zero padding is not allowed in complex format specifier");
        }
        if (spec.Align == '=')
        {
            throw ValueError("'=' alignment flag is not allowed in complex format specifier");
        }
        bool noType = type == '\0';
        bool skipRe = noType && re == 0 && !double.IsNegative(re);
        (type, int precision) = Presentation(spec, type);
        var part = new FormatSpec { Sign = spec.Sign, Grouping = spec.Grouping };
        var text = new StringBuilder();
        if (!skipRe)
        {
            var (reNegative, reBody) = FloatDigits.Text(re, type, precision, spec.Alternate, addDot0: false, spec.NoNegativeZero);
            text.Append(AssembleNumber(part, reNegative, reBody));
            part.Sign = '+';
        }
        var (imNegative, imBody) = FloatDigits.Text(im, type, precision, spec.Alternate, addDot0: false, spec.NoNegativeZero);
        text.Append(AssembleNumber(part, imNegative, imBody)).Append('j');
        string result = noType && !skipRe ? $"({text})" : text.ToString();
        return spec.Pad(result, result.Length, '>');
    }

    // ---- str.format ----

    /// <summary>str.format: replacement fields {name!conv:spec}, auto or manual numbering;
    /// str.format_map when args is null (named fields looked up in any mapping, no positional ones).</summary>
    internal static string StrFormat(string format, PyObject[]? args, PyObject? kwargs)
    {
        int autoIndex = 0;
        return StrFormat(format, args, kwargs, ref autoIndex, 2);
    }

    private static string StrFormat(string format, PyObject[]? args, PyObject? kwargs, ref int autoIndex, int depth)
    {
        if (depth < 0)
        {
            throw ValueError("Max string recursion exceeded");
        }
        var sb = new StringBuilder();
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    sb.Append('}');
                    i += 2;
                    continue;
                }
                throw ValueError("Single '}' encountered in format string");
            }
            if (c != '{')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                sb.Append('{');
                i += 2;
                continue;
            }
            if (i + 1 >= format.Length)
            {
                throw ValueError("Single '{' encountered in format string");
            }
            i = ReplacementField(format, i + 1, sb, args, kwargs, ref autoIndex, depth);
        }
        return sb.ToString();
    }

    /// <summary>Parses and renders the field starting after its '{' as CPython's
    /// MarkupIterator does (name, then !conversion, then :spec with nested fields);
    /// returns the index after its closing '}'.</summary>
    private static int ReplacementField(string format, int i, StringBuilder output, PyObject[]? args, PyObject? kwargs,
        ref int autoIndex, int depth)
    {
        int j = i;
        while (j < format.Length && format[j] is not ('}' or ':' or '!'))
        {
            if (format[j] == '[')
            {
                int close = format.IndexOf(']', j + 1);
                j = close < 0 ? format.Length : close;
            }
            j++;
        }
        if (j >= format.Length)
        {
            throw ValueError("expected '}' before end of string");
        }
        string name = format[i..j];
        char conversion = '\0';
        if (format[j] == '!')
        {
            if (++j >= format.Length)
            {
                throw ValueError("end of string while looking for conversion specifier");
            }
            conversion = format[j++];
            if (j >= format.Length)
            {
                throw ValueError("unmatched '{' in format spec");
            }
            if (format[j] is not (':' or '}'))
            {
                throw ValueError("expected ':' after conversion specifier");
            }
        }
        string spec = "";
        if (format[j] == ':')
        {
            int specStart = ++j;
            for (int nesting = 1; ; j++)
            {
                if (j >= format.Length)
                {
                    throw ValueError("unmatched '{' in format spec");
                }
                if (format[j] == '{')
                {
                    nesting++;
                }
                else if (format[j] == '}' && --nesting == 0)
                {
                    break;
                }
            }
            spec = format[specStart..j];
        }
        var value = Lookup(name, args, kwargs, ref autoIndex);
        value = conversion switch
        {
            '\0' => value,
            'r' => value.Repr(),
            's' => value.Str(),
            'a' => StrOps.Ascii(value),
            _ => throw ValueError($"Unknown conversion specifier {conversion}"),
        };
        if (spec.Contains('{'))
        {
            spec = StrFormat(spec, args, kwargs, ref autoIndex, depth - 1);
        }
        output.Append(Format(value, spec).Value);
        return j + 1;
    }

    private const int ManualNumbering = -1;

    private static PyObject Lookup(string name, PyObject[]? args, PyObject? kwargs, ref int autoIndex)
    {
        int firstEnd = name.IndexOfAny(['.', '[']);
        if (firstEnd < 0)
        {
            firstEnd = name.Length;
        }
        string first = name[..firstEnd];
        PyObject value;
        if (first.Length == 0 || first.All(char.IsAsciiDigit))
        {
            int index;
            if (first.Length == 0)
            {
                if (autoIndex == ManualNumbering)
                {
                    throw ValueError("cannot switch from manual field specification to automatic field numbering");
                }
                index = autoIndex++;
            }
            else
            {
                if (autoIndex > 0)
                {
                    throw ValueError("cannot switch from automatic field numbering to manual field specification");
                }
                autoIndex = ManualNumbering;
                index = int.TryParse(first, out var n) ? n : int.MaxValue;
            }
            if (args is null)
            {
                throw ValueError("Format string contains positional fields");
            }
            if (index >= args.Length)
            {
                throw new PythonException(PyExc.IndexError, $"Replacement index {index} out of range for positional args tuple");
            }
            value = args[index];
        }
        else
        {
            var key = new PyStr(first);
            value = kwargs is null ? throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key])) : Abstract.GetItem(kwargs, key);
        }
        int i = firstEnd;
        while (i < name.Length)
        {
            if (name[i] == '.')
            {
                int next = name.IndexOfAny(['.', '['], i + 1);
                next = next < 0 ? name.Length : next;
                if (next == i + 1)
                {
                    throw ValueError("Empty attribute in format string");
                }
                value = value.GetAttr(new PyStr(name[(i + 1)..next]));
                i = next;
            }
            else if (name[i] == '[')
            {
                int close = name.IndexOf(']', i + 1);
                if (close < 0)
                {
                    throw ValueError("Missing ']' in format string");
                }
                string key = name[(i + 1)..close];
                value = GetItem(value, key.Length > 0 && key.All(char.IsAsciiDigit) ? new PyInt(BigInteger.Parse(key)) : new PyStr(key));
                i = close + 1;
                if (i < name.Length && name[i] is not ('.' or '['))
                {
                    throw ValueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            else
            {
                throw ValueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private static PyObject GetItem(PyObject container, PyObject key)
    {
        switch (container, key)
        {
            case (PyDict d, _):
                return d.GetItem(key) ?? throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key]));
            case (PyList or PyTuple, PyInt i):
                var items = container is PyList l ? l.ToArray() : ((PyTuple)container).ToArray();
                return i.Value < items.Length ? items[(int)i.Value]
                    : throw new PythonException(PyExc.IndexError, $"{container.Type.Name} index out of range");
            case (PyStr s, PyInt i):
                return i.Value < s.Length ? new PyStr(s.Slice((long)i.Value, (long)i.Value + 1))
                    : throw new PythonException(PyExc.IndexError, "string index out of range");
            default:
                throw new PythonException(PyExc.TypeError, $"'{container.Type.Name}' object is not subscriptable");
        }
    }

    // ---- %-formatting ----

    /// <summary>format % args (PyUnicode_Format): CPython's conversions, flags, '*' widths
    /// and %(key) mappings, with its error messages.</summary>
    /// <summary>format % args. With <paramref name="bytes"/>, the format and the result are
    /// the Latin-1 text of bytes (PEP 461): %s and %b take bytes-like objects, %c an int in
    /// range(256) or one byte, %r and %a give ascii(), mapping keys are bytes.</summary>
    internal static string Percent(string format, PyObject args, bool bytes = false)
    {
        PyObject[] positional = args is PyTuple t ? t.ToArray() : [args];
        int argIndex = 0;
        bool mappingAllowed = args is PyDict or PyList && args is not PyTuple;
        PyObject? single = null; // the value a %(key) picked
        PyObject NextArg()
        {
            if (single is not null)
            {
                return single;
            }
            if (argIndex >= positional.Length)
            {
                throw new PythonException(PyExc.TypeError, "not enough arguments for format string");
            }
            return positional[argIndex++];
        }
        var sb = new StringBuilder();
        int i = 0;
        while (i < format.Length)
        {
            if (format[i] != '%')
            {
                int next = format.IndexOf('%', i);
                next = next < 0 ? format.Length : next;
                sb.Append(format, i, next - i);
                i = next;
                continue;
            }
            i++;
            if (i >= format.Length)
            {
                throw ValueError("incomplete format");
            }
            if (format[i] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }
            single = null;
            if (format[i] == '(')
            {
                int depth = 1, start = ++i;
                while (i < format.Length && depth > 0)
                {
                    depth += format[i] == '(' ? 1 : format[i] == ')' ? -1 : 0;
                    i++;
                }
                if (depth > 0)
                {
                    throw ValueError("incomplete format key");
                }
                if (!mappingAllowed)
                {
                    throw new PythonException(PyExc.TypeError, "format requires a mapping");
                }
                PyObject key = bytes ? new PyBytes(Encoding.Latin1.GetBytes(format[start..(i - 1)])) : new PyStr(format[start..(i - 1)]);
                single = args is PyDict d ? d.GetItem(key) ?? throw new PythonException(PyBaseException.Create(PyExc.KeyError, [key]))
                    : throw new PythonException(PyExc.TypeError, "list indices must be integers or slices, not str");
            }
            bool left = false, plus = false, space = false, alt = false, zero = false;
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '-': left = true; continue;
                    case '+': plus = true; continue;
                    case ' ': space = true; continue;
                    case '#': alt = true; continue;
                    case '0': zero = true; continue;
                }
                break;
            }
            int width = -1, precision = -1;
            if (i < format.Length && format[i] == '*')
            {
                width = StarArgument(NextArg());
                if (width < 0)
                {
                    left = true;
                    width = -width;
                }
                i++;
            }
            else
            {
                width = ReadDigits(format, ref i);
            }
            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (i < format.Length && format[i] == '*')
                {
                    precision = Math.Max(StarArgument(NextArg()), 0);
                    i++;
                }
                else
                {
                    precision = Math.Max(ReadDigits(format, ref i), 0);
                }
            }
            while (i < format.Length && format[i] is 'h' or 'l' or 'L')
            {
                i++;
            }
            if (i >= format.Length)
            {
                throw ValueError("incomplete format");
            }
            char conversion = format[i];
            int conversionIndex = i++;
            if (conversion == '%')
            {
                NextArg(); // CPython takes the argument before it refuses '%' after flags or a width.
            }
            if (conversion is not ('s' or 'r' or 'a' or 'd' or 'i' or 'u' or 'o' or 'x' or 'X' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'c')
                && !(bytes && conversion == 'b'))
            {
                int cp = char.IsHighSurrogate(conversion) && i < format.Length ? char.ConvertToUtf32(conversion, format[i]) : conversion;
                throw ValueError($"unsupported format character '{(cp is >= 32 and <= 126 ? (char)cp : '?')}' (0x{cp:x}) " +
                    $"at index {new PyStr(format).CodePointIndex(conversionIndex)}");
            }
            var arg = NextArg();
            string text;
            bool numeric = false, negative = false;
            string prefix = "";
            switch (conversion)
            {
                case 's' or 'b' when bytes:
                    text = Encoding.Latin1.GetString(PercentBytes(arg));
                    text = precision >= 0 && precision < text.Length ? text[..precision] : text;
                    break;
                case 's' or 'r' or 'a':
                    var str = conversion == 's' ? arg.Str() : conversion == 'r' && !bytes ? arg.Repr() : StrOps.Ascii(arg);
                    text = precision >= 0 && precision < str.Length ? str.Slice(0, precision) : str.Value;
                    break;
                case 'c':
                    text = bytes ? PercentByte(arg) : PercentChar(arg);
                    break;
                case 'd' or 'i' or 'u' or 'o' or 'x' or 'X':
                    var n = PercentInteger(arg, conversion);
                    negative = n.Sign < 0;
                    var magnitude = BigInteger.Abs(n);
                    text = conversion switch
                    {
                        'o' => ToBase(magnitude, 8),
                        'x' => ToBase(magnitude, 16),
                        'X' => ToBase(magnitude, 16).ToUpperInvariant(),
                        _ => magnitude.ToString(),
                    };
                    if (precision > text.Length)
                    {
                        text = new string('0', precision - text.Length) + text;
                    }
                    if (alt && conversion is 'o' or 'x' or 'X')
                    {
                        prefix = "0" + (conversion == 'o' ? 'o' : conversion);
                    }
                    numeric = true;
                    break;
                default:
                    double value = arg switch
                    {
                        PyFloat f => f.Value,
                        PyInt big => IntArithmetic.ToDouble(big.Value),
                        _ => throw new PythonException(PyExc.TypeError, $"must be real number, not {arg.Type.Name}"),
                    };
                    (negative, text) = FloatDigits.Text(value, conversion, precision < 0 ? 6 : precision, alt,
                        addDot0: false, noNegativeZero: false);
                    numeric = true;
                    break;
            }
            string sign = numeric ? negative ? "-" : plus ? "+" : space ? " " : "" : "";
            int length = sign.Length + prefix.Length + new PyStr(text).Length;
            if (width > length)
            {
                int pad = width - length;
                if (left)
                {
                    text = sign + prefix + text + new string(' ', pad);
                }
                else if (zero && numeric)
                {
                    text = sign + prefix + new string('0', pad) + text;
                }
                else
                {
                    text = new string(' ', pad) + sign + prefix + text;
                }
            }
            else
            {
                text = sign + prefix + text;
            }
            sb.Append(text);
        }
        if (argIndex < positional.Length && !mappingAllowed)
        {
            throw new PythonException(PyExc.TypeError, $"not all arguments converted during {(bytes ? "bytes" : "string")} formatting");
        }
        return sb.ToString();
    }

    private static int ReadDigits(string s, ref int i)
    {
        int start = i;
        long v = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            v = v * 10 + (s[i++] - '0');
            if (v > int.MaxValue)
            {
                throw ValueError("width too big");
            }
        }
        return i == start ? -1 : (int)v;
    }

    private static int StarArgument(PyObject arg) => arg is PyInt i
        ? (i.Value > int.MaxValue || i.Value < int.MinValue
            ? throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C int") : (int)i.Value)
        : throw new PythonException(PyExc.TypeError, "* wants int");

    private static string PercentChar(PyObject arg)
    {
        if (arg is PyStr s)
        {
            return s.Length == 1 ? s.Value : throw new PythonException(PyExc.TypeError, "%c requires int or char");
        }
        if (arg is not PyInt i)
        {
            throw new PythonException(PyExc.TypeError, "%c requires int or char");
        }
        return i.Value < 0 || i.Value > 0x10FFFF
            ? throw new PythonException(PyExc.OverflowError, "%c arg not in range(0x110000)")
            : PyStr.FromCodePoints([(int)i.Value]);
    }

    /// <summary>bytes' %b / %s: a bytes-like object, or one with __bytes__.</summary>
    private static byte[] PercentBytes(PyObject arg)
    {
        if (BufferApi.BytesOf(arg) is { } data)
        {
            return data;
        }
        if (arg.Type.Lookup(new PyStr("__bytes__")) is { } method)
        {
            var bound = method is IDescriptor d ? d.Get(arg, arg.Type) : method;
            return Abstract.Call(bound, PyTuple.Empty, null) is PyBytes b ? b.Value
                : throw new PythonException(PyExc.TypeError, "__bytes__ returned non-bytes");
        }
        throw new PythonException(PyExc.TypeError,
            $"%b requires a bytes-like object, or an object that implements __bytes__, not '{arg.Type.Name}'");
    }

    /// <summary>bytes' %c: an int in range(256) or a single byte.</summary>
    private static string PercentByte(PyObject arg) => arg switch
    {
        PyInt i => i.Value < 0 || i.Value > 255
            ? throw new PythonException(PyExc.OverflowError, "%c arg not in range(256)") : ((char)(int)i.Value).ToString(),
        PyBytes { Value.Length: 1 } b => ((char)b.Value[0]).ToString(),
        PyByteArray { Count: 1 } a => ((char)a.Bytes[0]).ToString(),
        _ => throw new PythonException(PyExc.TypeError, "%c requires an integer in range(256) or a single byte"),
    };

    private static BigInteger PercentInteger(PyObject arg, char conversion)
    {
        switch (arg)
        {
            case PyInt i:
                return i.Value;
            case PyFloat f when conversion is 'd' or 'i' or 'u':
                if (double.IsNaN(f.Value))
                {
                    throw ValueError("cannot convert float NaN to integer");
                }
                if (double.IsInfinity(f.Value))
                {
                    throw new PythonException(PyExc.OverflowError, "cannot convert float infinity to integer");
                }
                return new BigInteger(Math.Truncate(f.Value));
            default:
                throw new PythonException(PyExc.TypeError, conversion is 'd' or 'i' or 'u'
                    ? $"%{conversion} format: a real number is required, not {arg.Type.Name}"
                    : $"%{conversion} format: an integer is required, not {arg.Type.Name}");
        }
    }
}

/// <summary>Correctly rounded decimal digits of a double (round-half-even on the exact
/// binary value, as CPython's dtoa), for the 'e', 'f' and 'g' presentations. Arguments
/// are finite and non-negative; the sign is the caller's.</summary>
internal static class FloatDigits
{
    /// <summary>CPython's PyOS_double_to_string without the sign: <paramref name="type"/> is
    /// e, f, g (upper case for upper-case text) or r (repr's shortest digits); returns whether
    /// a '-' belongs in front (never for a NaN, nor for a zero text under 'z').</summary>
    internal static (bool Negative, string Body) Text(double value, char type, int precision, bool alternate, bool addDot0,
        bool noNegativeZero)
    {
        double a = Math.Abs(value);
        string body = double.IsNaN(a) ? "nan" : double.IsInfinity(a) ? "inf" : char.ToLowerInvariant(type) switch
        {
            'e' => Exponent(a, precision, alternate),
            'f' => Fixed(a, precision, alternate),
            'g' => General(a, precision, alternate, addDot0),
            _ => Shortest(a, alternate, addDot0),
        };
        if (type is 'E' or 'F' or 'G')
        {
            body = body.ToUpperInvariant();
        }
        bool negative = double.IsNegative(value) && !double.IsNaN(value)
            && !(noNegativeZero && body.All(c => c is '0' or '.' or 'e' or 'E' or '+' or '-'));
        return (negative, body);
    }

    /// <summary>'r': repr's digits; an integral value keeps ".0" only when asked for, and the
    /// alternate form always shows the point ("1.e+22", "3.").</summary>
    private static string Shortest(double a, bool alternate, bool addDot0)
    {
        string repr = FloatFormat.Repr(a);
        if (!addDot0 && repr.EndsWith(".0", StringComparison.Ordinal))
        {
            return alternate ? repr[..^1] : repr[..^2];
        }
        int exponent = repr.IndexOf('e');
        return !alternate || repr.Contains('.') ? repr : exponent < 0 ? repr + "." : repr.Insert(exponent, ".");
    }

    /// <summary>a = num / den exactly.</summary>
    private static (BigInteger Num, BigInteger Den) Exact(double a)
    {
        long bits = BitConverter.DoubleToInt64Bits(a);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075;
        return exponent >= 0 ? (new BigInteger(mantissa) << exponent, BigInteger.One) : (new BigInteger(mantissa), BigInteger.One << -exponent);
    }

    private static BigInteger RoundDiv(BigInteger num, BigInteger den)
    {
        var q = BigInteger.DivRem(num, den, out var r);
        int c = (r * 2).CompareTo(den);
        return c > 0 || (c == 0 && !q.IsEven) ? q + 1 : q;
    }

    /// <summary>round(a * 10**power), exactly.</summary>
    private static BigInteger Scaled(double a, int power)
    {
        var (num, den) = Exact(a);
        return power >= 0 ? RoundDiv(num * BigInteger.Pow(10, power), den) : RoundDiv(num, den * BigInteger.Pow(10, -power));
    }

    /// <summary>'f': <paramref name="precision"/> digits after the point.</summary>
    internal static string Fixed(double a, int precision, bool alternate)
    {
        string digits = Scaled(a, precision).ToString().PadLeft(precision + 1, '0');
        string intPart = digits[..^precision];
        return precision > 0 ? $"{intPart}.{digits[^precision..]}" : alternate ? intPart + "." : intPart;
    }

    /// <summary>The first n significant digits (rounded) and the decimal exponent of the first.</summary>
    private static (string Digits, int Exponent) Significant(double a, int n)
    {
        if (a == 0)
        {
            return (new string('0', n), 0);
        }
        int k = (int)Math.Floor(Math.Log10(a));
        for (int attempt = 0; ; attempt++)
        {
            var scaled = Scaled(a, n - 1 - k);
            string s = scaled.ToString();
            if (s.Length == n || attempt > 3)
            {
                return (s, k);
            }
            k += s.Length > n ? 1 : -1;
        }
    }

    /// <summary>'e': one digit, the point, <paramref name="precision"/> digits, e±XX.</summary>
    internal static string Exponent(double a, int precision, bool alternate)
    {
        var (digits, k) = Significant(a, precision + 1);
        string mantissa = precision > 0 ? $"{digits[0]}.{digits[1..]}" : alternate ? digits + "." : digits;
        return mantissa + ExponentSuffix(k);
    }

    private static string ExponentSuffix(int k) => "e" + (k < 0 ? "-" : "+") + Math.Abs(k).ToString("00");

    /// <summary>'g' (and the no-type presentation with a precision, which adds ".0" to
    /// integers and switches to exponent one digit earlier, as CPython's Py_DTSF_ADD_DOT_0).</summary>
    internal static string General(double a, int precision, bool alternate, bool addDot0)
    {
        int p = precision == 0 ? 1 : precision;
        var (digits, k) = Significant(a, p);
        bool useExponent = k < -4 || k >= (addDot0 ? p - 1 : p);
        string result;
        if (useExponent)
        {
            string fraction = digits[1..];
            if (!alternate)
            {
                fraction = fraction.TrimEnd('0');
            }
            result = (fraction.Length > 0 || alternate ? $"{digits[0]}.{fraction}" : digits[..1]) + ExponentSuffix(k);
        }
        else
        {
            string intPart, fraction;
            if (k >= 0)
            {
                intPart = digits[..(k + 1)];
                fraction = digits[(k + 1)..];
            }
            else
            {
                intPart = "0";
                fraction = new string('0', -k - 1) + digits;
            }
            if (!alternate)
            {
                fraction = fraction.TrimEnd('0');
            }
            result = fraction.Length > 0 || alternate ? $"{intPart}.{fraction}" : intPart;
            if (addDot0 && fraction.Length == 0 && !alternate)
            {
                result += ".0";
            }
        }
        return result;
    }
}

internal static class FormatApi
{
    [CApi]
    internal static NewReference PyObject_Format(BorrowedReference obj, BorrowedReference formatSpec)
    {
        var value = ObjectSpace.FromNative(obj);
        var spec = ObjectSpace.FromNativeOrNull(formatSpec);
        if (spec is not null and not PyStr)
        {
            throw new PythonException(PyExc.SystemError, "Format specifier must be a string, not " + spec.Type.Name);
        }
        return ObjectSpace.NewRef(Formatter.Format(value, (spec as PyStr)?.Value ?? ""));
    }

    [CApi]
    internal static NewReference PyUnicode_Format(BorrowedReference format, BorrowedReference args)
    {
        if (format.IsNull || args.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        var fmt = ObjectSpace.FromNative(format) as PyStr ?? throw Abstract.BadInternalCall();
        return ObjectSpace.NewFresh(new PyStr(Formatter.Percent(fmt.Value, ObjectSpace.FromNative(args))));
    }
}
