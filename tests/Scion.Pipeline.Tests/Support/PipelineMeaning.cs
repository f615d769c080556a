using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Scion.Pipeline.Tests.Support;

/// <summary>
/// Reduces a pipeline's YAML to what the agent makes of it, independently of Buildkite.Dsl: parsed with
/// YamlDotNet's representation model (aliases expanded), upload-time interpolation applied (<c>$$</c> is
/// <c>$</c>; <c>${NAME}</c> and <c>$NAME</c> stay as the same text), <c>command</c> and <c>commands</c>
/// as one script, one-element lists and plain strings alike for <c>depends_on</c> and
/// <c>artifact_paths</c>, <c>- wait</c> and <c>- wait: ~</c> alike, and trailing white space at line ends
/// ignored. The result is JSON text with sorted keys, so that two pipelines mean the same when their texts
/// are equal.
/// </summary>
internal static class PipelineMeaning
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        stream.Documents.Should().HaveCount(1, "a pipeline is one YAML document");
        var root = Convert(stream.Documents[0].RootNode);
        if (root is JsonObject pipeline && pipeline["steps"] is JsonArray steps)
        {
            pipeline["steps"] = new JsonArray([.. steps.Select(s => NormalizeStep(s))]);
        }

        return Sorted(root)?.ToJsonString(Indented) ?? "null";
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => IsNull(scalar) ? null : JsonValue.Create(Text(scalar.Value ?? string.Empty)),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(Text(((YamlScalarNode)entry.Key).Value ?? string.Empty), Convert(entry.Value)))),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "" or "Null" or "NULL";

    /// <summary>The agent's upload-time interpolation, for texts that only use <c>$$</c> and plain variables.</summary>
    private static string Text(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                text.Append('$');
                i++;
                continue;
            }

            if (value[i] == '$' && i + 1 < value.Length && (char.IsLetter(value[i + 1]) || value[i + 1] == '_'))
            {
                var end = i + 1;
                while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] == '_'))
                {
                    end++;
                }

                text.Append("${").Append(value, i + 1, end - i - 1).Append('}');
                i = end - 1;
                continue;
            }

            text.Append(value[i]);
        }

        return string.Join('\n', text.ToString().Split('\n').Select(line => line.TrimEnd(' ', '\t')));
    }

    private static JsonNode? NormalizeStep(JsonNode? step)
    {
        if (step is JsonValue value && value.GetValue<string>() is "wait" or "waiter")
        {
            return new JsonObject { ["wait"] = null };
        }

        if (step is not JsonObject map)
        {
            return step?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, node) in map)
        {
            switch (key)
            {
                case "command" or "commands":
                    result["command"] = Script(node);
                    break;
                case "depends_on" or "artifact_paths" when node is JsonValue:
                    result[key] = new JsonArray(node.DeepClone());
                    break;
                case "steps" when node is JsonArray nested:
                    result[key] = new JsonArray([.. nested.Select(s => NormalizeStep(s))]);
                    break;
                default:
                    result[key] = node?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static JsonValue Script(JsonNode? node)
    {
        var text = node is JsonArray lines ? string.Join('\n', lines.Select(l => l!.GetValue<string>())) : node!.GetValue<string>();
        return JsonValue.Create(text.TrimEnd('\n'));
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
