using System.Globalization;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Decides what a plain (unquoted) YAML scalar means, by the rules of gopkg.in/yaml.v3 v3.0.1, the library
/// <c>buildkite-agent</c> parses pipelines with; and which strings must be quoted so that they stay strings.
/// </summary>
/// <remarks>
/// The three patterns below (YAML floats, the start of a timestamp, YAML 1.1 base-60 numbers) are matched by hand
/// rather than with regular expressions: the writer asks about many strings of every pipeline, and loading the regex
/// engine costs the pipeline generator, which runs first in every build, a few milliseconds of start-up. Each
/// matcher follows its pattern exactly, including .NET's <c>$</c>, which also matches before a final line feed;
/// the tests hold them to the regular expressions.
/// </remarks>
internal static class ScalarResolver
{
    /// <summary>The pattern <see cref="IsYamlStyleFloat"/> matches.</summary>
    internal const string YamlStyleFloatPattern = @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$";

    /// <summary>The pattern <see cref="HasTimestampStart"/> matches.</summary>
    internal const string TimestampStartPattern = @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)";

    /// <summary>The pattern <see cref="IsSexagesimal"/> matches: YAML 1.1 integers in base 60 (1:20) and floats like 1:20.5, which older YAML libraries still read as numbers.</summary>
    internal const string SexagesimalPattern = @"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$";

    /// <summary>Resolves a plain scalar: its kind and its canonical text.</summary>
    public static (ScalarKind Kind, string Canonical) ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (ScalarKind.Null, string.Empty);
            case "true" or "True" or "TRUE":
                return (ScalarKind.Boolean, "true");
            case "false" or "False" or "FALSE":
                return (ScalarKind.Boolean, "false");
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (ScalarKind.Float, "+Inf");
            case "-.inf" or "-.Inf" or "-.INF":
                return (ScalarKind.Float, "-Inf");
            case ".nan" or ".NaN" or ".NAN":
                return (ScalarKind.Float, "NaN");
            default:
                break;
        }

        var first = text[0];
        if (first is not ('-' or '+' or '.' or (>= '0' and <= '9')))
        {
            return (ScalarKind.String, text);
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryParseGoInteger(plain, out var integer))
        {
            return (ScalarKind.Integer, integer);
        }

        if (text.StartsWith("0b", StringComparison.Ordinal) || text.StartsWith("-0b", StringComparison.Ordinal))
        {
            // yaml.v3 also accepts YAML 1.1 binary integers; TryParseGoInteger covers them.
            return (ScalarKind.String, text);
        }

        // Go's ParseFloat fails on a value out of range (1e400), and yaml.v3 then keeps the text as a string;
        // .NET parses it as infinity instead.
        if (IsYamlStyleFloat(plain)
            && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return (ScalarKind.Float, FormatGoFloat(number));
        }

        if (first is >= '0' and <= '9' && HasTimestampStart(text) && IsTimestamp(text))
        {
            return (ScalarKind.Timestamp, text);
        }

        return (ScalarKind.String, text);
    }

    /// <summary>
    /// Whether a string must be quoted to stay a string: it would resolve to another type in yaml.v3, or in
    /// YAML 1.1 (<c>yes</c>, <c>on</c>, <c>1:20</c>), which other tools reading the pipeline may follow.
    /// </summary>
    public static bool NeedsQuotes(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (ResolvePlain(text).Kind != ScalarKind.String)
        {
            return true;
        }

        return text switch
        {
            "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
                or "on" or "On" or "ON" or "off" or "Off" or "OFF" or "=" or "<<" => true,
            _ => text[0] is >= '0' and <= '9' or '-' or '+' && IsSexagesimal(text),
        };
    }

    /// <summary>
    /// Parses an integer like Go's <c>strconv.ParseInt(s, 0, 64)</c>, falling back to unsigned; gives its canonical
    /// decimal text. In 64-bit arithmetic (no <c>Int128</c>/<c>BigInteger</c>, which ReadyToRun cannot precompile or
    /// which load another assembly at start-up).
    /// </summary>
    private static bool TryParseGoInteger(string text, out string canonical)
    {
        canonical = string.Empty;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.IsEmpty)
        {
            return false;
        }

        var numberBase = 10;
        if (span.Length > 1 && span[0] == '0')
        {
            switch (span[1])
            {
                case 'x' or 'X':
                    numberBase = 16;
                    span = span[2..];
                    break;
                case 'o' or 'O':
                    numberBase = 8;
                    span = span[2..];
                    break;
                case 'b' or 'B':
                    numberBase = 2;
                    span = span[2..];
                    break;
                default:
                    numberBase = 8;
                    span = span[1..];
                    break;
            }

            if (span.IsEmpty)
            {
                return false;
            }
        }

        // The magnitude: past ulong.MaxValue the text is out of range whatever follows.
        ulong magnitude = 0;
        foreach (var c in span)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= numberBase)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)numberBase) + (ulong)digit;
        }

        if (negative && magnitude > (ulong)long.MaxValue + 1)
        {
            return false;
        }

        canonical = negative && magnitude > 0
            ? "-" + magnitude.ToString(CultureInfo.InvariantCulture)
            : magnitude.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Matches <see cref="YamlStyleFloatPattern"/>.</summary>
    internal static bool IsYamlStyleFloat(ReadOnlySpan<char> text) => FloatBody(BeforeEnd(text));

    /// <summary>Matches <see cref="TimestampStartPattern"/> (a prefix of the text).</summary>
    internal static bool HasTimestampStart(ReadOnlySpan<char> text)
    {
        var i = Digits(text, 0, 4, 4);
        if (i < 0 || i >= text.Length || text[i] != '-')
        {
            return false;
        }

        i = Digits(text, i + 1, 1, 2);
        if (i < 0 || i >= text.Length || text[i] != '-')
        {
            return false;
        }

        // [0-9]{1,2} may take one digit or two; then ([Tt ]|$). Backtracking to one digit matters when the second
        // digit is followed by something else, but then the one-digit choice is followed by a digit: no match either.
        var start = i + 1;
        for (var count = 2; count >= 1; count--)
        {
            var end = Digits(text, start, count, count);
            if (end >= 0 && (end == text.Length || text[end] is 'T' or 't' or ' ' || (end == text.Length - 1 && text[end] == '\n')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Matches <see cref="SexagesimalPattern"/>.</summary>
    internal static bool IsSexagesimal(ReadOnlySpan<char> text)
    {
        var body = BeforeEnd(text);
        var i = body.Length > 0 && body[0] is '-' or '+' ? 1 : 0;
        if (i >= body.Length || !char.IsAsciiDigit(body[i]))
        {
            return false;
        }

        i++;
        while (i < body.Length && (char.IsAsciiDigit(body[i]) || body[i] == '_'))
        {
            i++;
        }

        // (:[0-5]?[0-9])+ : each group is ':' then one digit, or two digits of which the first is 0-5. The groups
        // are followed by the end or by '.', so a group takes two digits exactly when two digits stand before the
        // next ':' , '.' or the end.
        var groups = 0;
        while (i < body.Length && body[i] == ':')
        {
            var digits = 0;
            while (i + 1 + digits < body.Length && char.IsAsciiDigit(body[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 2 || (digits == 2 && body[i + 1] > '5'))
            {
                return false;
            }

            i += 1 + digits;
            groups++;
        }

        if (groups == 0)
        {
            return false;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && (char.IsAsciiDigit(body[i]) || body[i] == '_'))
            {
                i++;
            }
        }

        return i == body.Length;
    }

    /// <summary>
    /// The part of the text that a pattern ending in <c>$</c> must match whole: .NET's <c>$</c> matches at the end and
    /// before a final line feed, and none of these patterns matches a line feed itself.
    /// </summary>
    private static ReadOnlySpan<char> BeforeEnd(ReadOnlySpan<char> text) => text.Length > 0 && text[^1] == '\n' ? text[..^1] : text;

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, the whole span.</summary>
    private static bool FloatBody(ReadOnlySpan<char> body)
    {
        var i = body.Length > 0 && body[0] is '-' or '+' ? 1 : 0;
        if (i < body.Length && body[i] == '.')
        {
            var end = Digits(body, i + 1, 1, int.MaxValue);
            if (end < 0)
            {
                return false;
            }

            i = end;
        }
        else
        {
            var end = Digits(body, i, 1, int.MaxValue);
            if (end < 0)
            {
                return false;
            }

            i = end;
            if (i < body.Length && body[i] == '.')
            {
                i = Digits(body, i + 1, 0, int.MaxValue);
            }
        }

        if (i < body.Length && body[i] is 'e' or 'E')
        {
            var at = i + 1 < body.Length && body[i + 1] is '-' or '+' ? i + 2 : i + 1;
            i = Digits(body, at, 1, int.MaxValue);
            if (i < 0)
            {
                return false;
            }
        }

        return i == body.Length;
    }

    /// <summary>Reads at least <paramref name="min"/> and at most <paramref name="max"/> ASCII digits from <paramref name="start"/>; the index after them, or -1.</summary>
    private static int Digits(ReadOnlySpan<char> text, int start, int min, int max)
    {
        var i = start;
        while (i < text.Length && i - start < max && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start >= min ? i : -1;
    }

    private static bool IsTimestamp(string text)
    {
        string[] formats =
        [
            "yyyy-M-d", "yyyy-M-d'T'H:m:s.FFFFFFFK", "yyyy-M-d't'H:m:s.FFFFFFFK", "yyyy-M-d H:m:s.FFFFFFF",
            "yyyy-M-d'T'H:m:sK", "yyyy-M-d't'H:m:sK", "yyyy-M-d H:m:s",
        ];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    /// <summary>Formats a float as Go's <c>%v</c> does (<c>1000</c>, <c>1.1</c>, <c>1e+06</c>), which the agent uses when a number lands in a string field.</summary>
    public static string FormatGoFloat(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // Shortest round-trip digits and the position of the decimal point, as strconv computes them.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var shift = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var allDigits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        var decimalPoint = integerDigits - leadingZeros + shift;

        var exponent = decimalPoint - 1;
        var precision = digits.Length < 6 && digits.Length >= decimalPoint ? digits.Length : 6;
        var sign = value < 0 ? "-" : string.Empty;
        if (exponent < -4 || exponent >= precision)
        {
            var tail = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{sign}{digits[0]}{tail}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }

        if (decimalPoint <= 0)
        {
            return sign + "0." + new string('0', -decimalPoint) + digits;
        }

        if (decimalPoint >= digits.Length)
        {
            return sign + digits + new string('0', decimalPoint - digits.Length);
        }

        return sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
    }
}
