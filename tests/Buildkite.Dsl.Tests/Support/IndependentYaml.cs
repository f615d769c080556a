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
    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex CoreDecimal();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex CoreOctal();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex CoreHex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreFloat();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex CoreSpecialFloat();

    // yaml.v3 (like YAML 1.1): 0b binary, leading-zero octal, underscores between digits, signed hex.
    [GeneratedRegex(@"^[-+]?0b[01_]+$|^[-+]?0[0-7_]+$|^[-+]?(0|[1-9][0-9_]*)$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0o[0-7_]+$")]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?$")]
    private static partial Regex GoFloat();

    // YAML 1.1 timestamp (the forms yaml.v3 resolves).
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|\s+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?(\s*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$")]
    private static partial Regex Timestamp();

    // YAML 1.1 only: booleans, sexagesimal numbers, the value and merge keys.
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$|^(=|<<)$")]
    private static partial Regex Yaml11Special();

    /// <summary>What a plain scalar means to the agent (YAML 1.2 core schema and yaml.v3's extensions).</summary>
    public static PlainKind Resolve(string plain)
    {
        switch (plain)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return PlainKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return PlainKind.Boolean;
            default:
                break;
        }

        if (CoreDecimal().IsMatch(plain) || CoreOctal().IsMatch(plain) || CoreHex().IsMatch(plain)
            || (GoInteger().IsMatch(plain) && plain.Any(char.IsDigit) && !plain.EndsWith('_')))
        {
            return PlainKind.Integer;
        }

        if (CoreFloat().IsMatch(plain) || CoreSpecialFloat().IsMatch(plain)
            || (GoFloat().IsMatch(plain) && plain.Any(char.IsDigit) && plain.Contains('_', StringComparison.Ordinal)))
        {
            return PlainKind.Float;
        }

        return Timestamp().IsMatch(plain) ? PlainKind.Timestamp : PlainKind.String;
    }

    /// <summary>Whether a plain scalar is a string under every YAML version a tool might read it with (1.1 and 1.2).</summary>
    public static bool IsUnambiguousString(string plain) =>
        Resolve(plain) == PlainKind.String && !Yaml11Special().IsMatch(plain);

    /// <summary>Parses exactly one YAML document.</summary>
    public static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
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
        var digits = text.TrimStart('-', '+');
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
