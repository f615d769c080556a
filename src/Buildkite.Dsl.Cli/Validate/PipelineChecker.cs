using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Validate;

/// <summary>
/// Finds every problem of a pipeline text: YAML syntax, what the agent rejects or reads oddly, what Buildkite's
/// official schema rejects, and every check of <see cref="Pipeline.Validate"/>, each with <c>file:line:col</c>.
/// </summary>
internal static class PipelineChecker
{
    /// <summary>Checks <paramref name="text"/> (one or more YAML or JSON documents) named <paramref name="name"/> in diagnostics.</summary>
    /// <returns>The problems, errors and warnings, in the order of the text.</returns>
    public static IReadOnlyList<Diagnostic> Check(string text, string name)
    {
        var read = YamlPipelineReader.Read(text, name);
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        var documents = YamlNodeReader.ReadDocuments(text, name, []);
        if (documents.Count == 0)
        {
            return Order(diagnostics);
        }

        var schema = new List<Diagnostic>();
        for (var i = 0; i < documents.Count; i++)
        {
            var found = SchemaValidator.Check(documents[i]);
            schema.AddRange(documents.Count == 1
                ? found
                : found.Select(d => d with { Path = d.Path is null ? string.Create(CultureInfo.InvariantCulture, $"uploads[{i}]") : string.Create(CultureInfo.InvariantCulture, $"uploads[{i}].{d.Path}") }));
        }

        if (read.Pipelines.Count > 0)
        {
            var checks = read.Pipelines.Count == 1 ? read.Pipelines[0].Validate() : new PipelineUploads { Pipelines = read.Pipelines }.Validate();

            // A step the reader could not read is missing from the model; a dependency on it is not a problem of its own.
            var stepsLost = documents.Sum(CountSteps) != read.Pipelines.Sum(p => StepWalker.All(p).Count());
            diagnostics.AddRange(stepsLost ? checks.Where(d => d.Code != DiagnosticCodes.UnknownDependency) : checks);
        }

        // The schema repeats what the reader or a check already says about the same attribute; theirs is more precise.
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var schemaPlaces = new HashSet<SourceLocation>();
        foreach (var diagnostic in schema)
        {
            if (errors.Exists(e => SamePlace(e, diagnostic)))
            {
                continue;
            }

            if (diagnostic.Location is { } place)
            {
                schemaPlaces.Add(place);
            }

            diagnostics.Add(diagnostic);
        }

        // The reader's warning about an unknown attribute becomes the schema's error at the same place.
        diagnostics.RemoveAll(d => !d.IsError && d.Code == DiagnosticCodes.UnknownAttribute && d.Location is { } location && schemaPlaces.Contains(location));
        return Order(diagnostics);
    }

    private static bool SamePlace(Diagnostic known, Diagnostic schema) =>
        (known.Location is { } location && location == schema.Location)
        || (known.Field is not null && known.Field == schema.Field && known.Path == schema.Path);

    private static int CountSteps(Node root)
    {
        var steps = root switch
        {
            MappingNode { } map => map["steps"] as SequenceNode,
            SequenceNode list => list,
            _ => null,
        };
        return steps?.Items.Sum(step => 1 + (step is MappingNode group && group["steps"] is SequenceNode children ? children.Items.Count : 0)) ?? 0;
    }

    private static List<Diagnostic> Order(List<Diagnostic> diagnostics) =>
        diagnostics
            .Select((diagnostic, index) => (Diagnostic: diagnostic, Index: index))
            .OrderBy(entry => entry.Diagnostic.Location?.Line ?? int.MaxValue)
            .ThenBy(entry => entry.Diagnostic.Location?.Column ?? int.MaxValue)
            .ThenBy(entry => entry.Index)
            .Select(entry => entry.Diagnostic)
            .Distinct()
            .ToList();
}
