using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scion.Pipeline.Tests.Support;

/// <summary>Buildkite's official pipeline schema (<c>tests/Buildkite.Dsl.Tests/Schema/pipeline-schema.json</c>).</summary>
internal static class PipelineSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "pipeline-schema.json"))));

    /// <summary>Returns the schema's complaints about a pipeline's JSON, empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid")];
    }

    /// <summary>Asserts that a pipeline's YAML, read as the agent reads it, is valid against the schema.</summary>
    public static void ShouldAccept(string json) => Check(json).Should().BeEmpty("the pipeline must validate against Buildkite's schema");

    /// <summary>Asserts that a pipeline written as YAML is valid against the schema, read with YAML 1.2 core types.</summary>
    public static void ShouldAcceptYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        ShouldAccept(ToJson(stream.Documents[0].RootNode)?.ToJsonString() ?? "null");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(e =>
            KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? string.Empty, ToJson(e.Value)))),
        _ => throw new InvalidOperationException($"Unexpected YAML node at {node.Start}."),
    };

    private static JsonValue? Plain(string value) => value switch
    {
        "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
