using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>What a plain YAML scalar resolves to.</summary>
internal enum PlainKind
{
    String,
    Null,
    Boolean,
    Integer,
    Float,
    Timestamp,
}

/// <summary>
/// Parses YAML without the library's own reader, so tests check the writer against a second opinion:
/// YamlDotNet's representation model (anchors and aliases resolved; merge keys are not used by the
/// writer), with plain scalars resolved by the YAML 1.2 core schema plus the
/// extensions of gopkg.in/yaml.v3 that the agent uses (<c>0123</c> octal, <c>0b101</c>, <c>1_000</c>,
/// timestamps). The rules are written here from the YAML specs, not taken from the library.
/// </summary>
internal static partial class IndependentYaml
{
    // yaml.v3's yamlStyleFloat, which is also the YAML 1.2 core schema's float (applied after removing '_').
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex StyleFloat();

    // Go's strconv.ParseInt(s, 0, 64) syntax: 0x, 0o, 0b prefixes, a leading 0 for octal, an optional sign.
    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInteger();

    // The layouts yaml.v3 tries with Go's time.Parse: 2006-1-2T15:4:5.999999999Z07:00 (T or t), 2006-1-2 15:4:5.999999999, 2006-1-2.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})| [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GoTimestamp();

    // YAML 1.1 (as PyYAML reads it): booleans, null, integers with '_' and base 60, floats, timestamps, merge and value keys.
    [GeneratedRegex(
        @"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|~|null|Null|NULL|=|<<)$"
        + @"|^[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$"
        + @"|^[-+]?([0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"
        + @"|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11NonString();

    /// <summary>
    /// What a plain scalar means to the agent, by gopkg.in/yaml.v3's <c>resolve</c>: a table of null, boolean and
    /// special float words; then by the first character, a digit or sign tries an integer (Go syntax, '_' removed),
    /// a float and, for a digit, a timestamp; a '.' tries a float; anything else is a string. This covers the YAML
    /// 1.2 core schema too.
    /// </summary>
    public static PlainKind Resolve(string plain)
    {
        switch (plain)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return PlainKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return PlainKind.Boolean;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return PlainKind.Float;
            default:
                break;
        }

        var first = plain[0];
        if (first == '.')
        {
            return IsGoFloat(plain) ? PlainKind.Float : PlainKind.String;
        }

        if (!char.IsAsciiDigit(first) && first is not ('+' or '-'))
        {
            return PlainKind.String;
        }

        var digits = plain.Replace("_", string.Empty, StringComparison.Ordinal);
        // ParseInt, then ParseUint: a value beyond 64 bits is not an integer (it may still be a float).
        if (GoInteger().IsMatch(digits) && ParseInteger(digits) is var value && value >= long.MinValue && value <= ulong.MaxValue)
        {
            return PlainKind.Integer;
        }

        if (IsGoFloat(digits))
        {
            return PlainKind.Float;
        }

        return char.IsAsciiDigit(first) && GoTimestamp().IsMatch(plain) ? PlainKind.Timestamp : PlainKind.String;
    }

    /// <summary>yamlStyleFloat, and Go's ParseFloat succeeds: a value out of range (1e400) stays a string.</summary>
    private static bool IsGoFloat(string text) =>
        StyleFloat().IsMatch(text) && double.IsFinite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Whether a plain scalar is a string for the agent and for YAML 1.1 tools alike.</summary>
    public static bool IsUnambiguousString(string plain) =>
        Resolve(plain) == PlainKind.String && !Yaml11NonString().IsMatch(plain);

    /// <summary>Parses exactly one YAML document.</summary>
    public static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new Xunit.Sdk.XunitException($"The YAML does not parse: {exception.Message}\n{yaml}");
        }

        stream.Documents.Should().HaveCount(1, "the text holds one YAML document");
        return stream.Documents[0].RootNode;
    }

    /// <summary>Parses YAML and converts it to JSON values the way the agent sees them.</summary>
    public static JsonNode? ToJson(string yaml) => ToJson(Parse(yaml));

    /// <summary>Converts a parsed YAML node to JSON: plain scalars resolved, everything else a string.</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : throw new InvalidOperationException("Non-scalar key.");
                    obj[name] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                return ScalarToJson(scalar);
            default:
                throw new InvalidOperationException($"Unexpected node {node.GetType().Name}.");
        }
    }

    /// <summary>Finds a node by a <c>/</c>-separated path of map keys and list indexes.</summary>
    public static YamlNode Find(YamlNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('/'))
        {
            node = node switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(part), out var child)
                    ? child
                    : throw new Xunit.Sdk.XunitException($"No key '{part}' on the way to {path}."),
                YamlSequenceNode list when int.TryParse(part, CultureInfo.InvariantCulture, out var index) && index < list.Children.Count => list.Children[index],
                _ => throw new Xunit.Sdk.XunitException($"Cannot go to '{part}' on the way to {path}."),
            };
        }

        return node;
    }

    /// <summary>Finds a JSON value by a <c>/</c>-separated path of object keys and array indexes.</summary>
    public static JsonNode? Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('/'))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(part, out var child) ? child : throw new Xunit.Sdk.XunitException($"No key '{part}' on the way to {path}."),
                JsonArray array when int.TryParse(part, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => throw new Xunit.Sdk.XunitException($"Cannot go to '{part}' on the way to {path}."),
            };
        }

        return node;
    }

    /// <summary>Whether the scalar is read as a string, whatever its style.</summary>
    public static bool IsString(YamlScalarNode scalar) =>
        scalar.Style != ScalarStyle.Plain || IsStringTag(scalar) || Resolve(scalar.Value ?? string.Empty) == PlainKind.String;

    private static bool IsStringTag(YamlScalarNode scalar) =>
        scalar.Tag is { IsEmpty: false, IsNonSpecific: false } tag && tag.Value == "tag:yaml.org,2002:str";

    private static JsonValue? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || IsStringTag(scalar))
        {
            return JsonValue.Create(text);
        }

        switch (Resolve(text))
        {
            case PlainKind.Null:
                return null;
            case PlainKind.Boolean:
                return JsonValue.Create(text is "true" or "True" or "TRUE");
            case PlainKind.Integer:
                var integer = ParseInteger(text.Replace("_", string.Empty, StringComparison.Ordinal));
                return integer >= long.MinValue && integer <= long.MaxValue ? JsonValue.Create((long)integer) : JsonValue.Create((decimal)integer);
            case PlainKind.Float:
                var number = double.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
                return JsonValue.Create(number);
            default:
                return JsonValue.Create(text);
        }
    }

    private static BigInteger ParseInteger(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+').ToLowerInvariant();
        var (numberBase, body) = digits switch
        {
            _ when digits.StartsWith("0x", StringComparison.Ordinal) => (16, digits[2..]),
            _ when digits.StartsWith("0o", StringComparison.Ordinal) => (8, digits[2..]),
            _ when digits.StartsWith("0b", StringComparison.Ordinal) => (2, digits[2..]),
            _ when digits.Length > 1 && digits[0] == '0' => (8, digits[1..]),
            _ => (10, digits),
        };
        BigInteger value = 0;
        foreach (var c in body)
        {
            value = (value * numberBase) + Convert.ToInt32(c.ToString(), 16);
        }

        return negative ? -value : value;
    }
}
