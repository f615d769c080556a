using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Validates plugin configurations against the plugin's own <c>configuration</c> schema from its
/// plugin.yml (plus its overlay, for a plugin.yml without one), with JsonSchema.Net in draft-07 mode,
/// as the plugin linter (Ajv, draft-07) does.
/// </summary>
internal static partial class PluginSchemas
{
    public static string Definitions { get; } = Path.Combine(FindRoot(), "src", "Buildkite.Dsl", "Plugins", "Definitions");

    /// <summary>Returns the schema errors of <paramref name="configuration"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string stem, JsonObject? configuration)
    {
        var schema = JsonSchema.FromText(Schema(stem).ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 });
        using var document = JsonDocument.Parse((configuration ?? []).ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>The plugin's <c>configuration</c> as JSON; the overlay's when the plugin.yml has none.</summary>
    public static JsonObject Schema(string stem)
    {
        var plugin = Load(Path.Combine(Definitions, stem + ".plugin.yml"));
        if (plugin["configuration"] is JsonObject configuration)
        {
            return configuration;
        }

        return Load(Path.Combine(Definitions, stem + ".overlay.yml"))["configuration"]!.AsObject();
    }

    private static JsonObject Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    /// <summary>YAML 1.2 core schema: plain scalars resolve to null, booleans and numbers; quoted ones stay strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ToJson(e.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonValue? Plain(string text) =>
        text is "" or "~" or "null" ? null
        : text is "true" or "false" ? JsonValue.Create(text == "true")
        : IntegerPattern().IsMatch(text) ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture))
        : FloatPattern().IsMatch(text) ? JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture))
        : JsonValue.Create(text);

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dsl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dsl.sln not found.");
    }
}
