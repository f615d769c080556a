using System.Text;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Sources;

/// <summary>Turns a pipeline a script printed as YAML into the same pipeline as JSON.</summary>
internal static class PipelineJson
{
    /// <summary>
    /// Converts one YAML document to JSON with the library's JSON writer (emoji raw, no <c>\/</c>), keeping every
    /// key, its order and every string exactly, <c>$$</c> escapes included.
    /// </summary>
    /// <returns>The JSON text ending with a line break, or <see langword="null"/> with the reasons in <paramref name="problems"/>.</returns>
    public static string? FromYaml(string yaml, string name, out IReadOnlyList<string> problems)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = YamlNodeReader.ReadDocuments(yaml, name, diagnostics);
        var errors = diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        if (errors.Count > 0)
        {
            problems = errors;
            return null;
        }

        if (documents.Count != 1)
        {
            problems =
            [
                documents.Count == 0
                    ? $"error: {name} holds no pipeline to write as JSON."
                    : $"error: {name} holds {documents.Count} YAML documents (one upload each); JSON holds one pipeline. Use --format yaml.",
            ];
            return null;
        }

        var json = new StringBuilder();
        JsonPipelineWriter.Write(json, documents[0]);
        problems = [];
        return json.Append('\n').ToString();
    }
}
