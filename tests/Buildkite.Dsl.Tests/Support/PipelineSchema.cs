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
