using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Buildkite's official pipeline schema (<c>Schema/pipeline-schema.json</c>, JSON Schema draft-07),
/// evaluated with JsonSchema.Net. YAML is parsed by <see cref="IndependentYaml"/>, not by the library.
/// </summary>
internal static class PipelineSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema file as copied into the test project.</summary>
    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Schema", "pipeline-schema.json");

    /// <summary>The property names the schema lists for a definition (<c>commandStep</c>), or at top level for <see langword="null"/>.</summary>
    public static IReadOnlyList<string> PropertiesOf(string? definition)
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var node = definition is null ? schema : schema["definitions"]![definition]!;
        return node["properties"]!.AsObject().Select(p => p.Key).ToList();
    }

    /// <summary>Every property name the schema lists anywhere.</summary>
    public static IReadOnlySet<string> AllPropertyNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SchemaPath)), names);
        return names;

        static void Collect(System.Text.Json.Nodes.JsonNode? node, HashSet<string> names)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "properties" && value is System.Text.Json.Nodes.JsonObject properties)
                        {
                            names.UnionWith(properties.Select(p => p.Key));
                        }

                        if (key is not ("examples" or "default" or "enum"))
                        {
                            Collect(value, names);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, names);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Evaluates YAML text against the schema.</summary>
    public static EvaluationResults EvaluateYaml(string yaml)
    {
        var json = IndependentYaml.ToJson(yaml)?.ToJsonString() ?? "null";
        return EvaluateJson(json);
    }

    /// <summary>Evaluates JSON text against the schema.</summary>
    public static EvaluationResults EvaluateJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>Asserts that YAML text is valid; on failure the message lists every evaluation error.</summary>
    public static void ShouldAcceptYaml(string yaml) => ShouldBeValid(EvaluateYaml(yaml), yaml);

    /// <summary>Asserts that JSON text is valid; on failure the message lists every evaluation error.</summary>
    public static void ShouldAcceptJson(string json) => ShouldBeValid(EvaluateJson(json), json);

    /// <summary>Asserts that the text is valid YAML or JSON by its first character.</summary>
    public static void ShouldAccept(string text, string extension)
    {
        if (extension == "json")
        {
            ShouldAcceptJson(text);
        }
        else
        {
            ShouldAcceptYaml(text);
        }
    }

    /// <summary>The evaluation errors as lines of <c>instance location (schema location): message</c>.</summary>
    public static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                text.Append(detail.InstanceLocation).Append(" (").Append(detail.EvaluationPath).Append(") ")
                    .Append(keyword).Append(": ").AppendLine(message);
            }
        }

        foreach (var (keyword, message) in results.Errors ?? new Dictionary<string, string>())
        {
            text.Append("/ ").Append(keyword).Append(": ").AppendLine(message);
        }

        return text.ToString();
    }

    private static void ShouldBeValid(EvaluationResults results, string text)
    {
        if (!results.IsValid)
        {
            throw new Xunit.Sdk.XunitException(
                "Expected the pipeline to be valid against Buildkite's schema, but it is not:\n" + Describe(results) + "\nThe pipeline:\n" + text);
        }
    }

    private static JsonSchema Load()
    {
        // The file says draft-07; the dialect is also given explicitly, so JsonSchema.Net never evaluates it by
        // newer drafts' rules (where "$ref" siblings count and unknown keywords may be refused).
        var options = new BuildOptions { Dialect = Dialect.Draft07 };
        return JsonSchema.FromFile(SchemaPath, options);
    }
}
