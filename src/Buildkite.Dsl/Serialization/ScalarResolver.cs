using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Decides what a plain (unquoted) YAML scalar means, by the rules of gopkg.in/yaml.v3 v3.0.1, the library
/// <c>buildkite-agent</c> parses pipelines with; and which strings must be quoted so that they stay strings.
/// </summary>
internal static partial class ScalarResolver
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampStart();

    // YAML 1.1 integers in base 60 (1:20) and floats like 1:20.5, which older YAML libraries still read as numbers.
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Sexagesimal();

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
            return (ScalarKind.Integer, integer.ToString(CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0b", StringComparison.Ordinal) || text.StartsWith("-0b", StringComparison.Ordinal))
        {
            // yaml.v3 also accepts YAML 1.1 binary integers; TryParseGoInteger covers them.
            return (ScalarKind.String, text);
        }

        // Go's ParseFloat fails on a value out of range (1e400), and yaml.v3 then keeps the text as a string;
        // .NET parses it as infinity instead.
        if (YamlStyleFloat().IsMatch(plain)
            && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return (ScalarKind.Float, FormatGoFloat(number));
        }

        if (first is >= '0' and <= '9' && TimestampStart().IsMatch(text) && IsTimestamp(text))
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
            _ => text[0] is >= '0' and <= '9' or '-' or '+' && Sexagesimal().IsMatch(text),
        };
    }

    /// <summary>Parses an integer like Go's <c>strconv.ParseInt(s, 0, 64)</c>, falling back to unsigned.</summary>
    private static bool TryParseGoInteger(string text, out BigInteger value)
    {
        value = default;
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

        BigInteger result = 0;
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

            result = (result * numberBase) + digit;
        }

        if (negative)
        {
            result = -result;
        }

        if (result < long.MinValue || result > ulong.MaxValue || (negative && result > 0))
        {
            return false;
        }

        value = result;
        return true;
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
