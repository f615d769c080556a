using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation;

/// <summary>
/// Runs every check on a pipeline and collects all problems, in pipeline order, each with its place.
/// </summary>
internal static class PipelineValidator
{
    /// <summary>
    /// Checks the pipeline. <paramref name="mapped"/> carries what mapping it for output found (text that
    /// cannot be encoded, dependencies on steps outside the pipeline).
    /// </summary>
    public static List<Diagnostic> Validate(Pipeline pipeline, IReadOnlyList<Diagnostic> mapped)
    {
        var diagnostics = new List<Diagnostic>(mapped);
        PluginRules.Check(pipeline, diagnostics);
        Locate(pipeline, diagnostics);
        return diagnostics;
    }

    /// <summary>Adds <c>file:line:col</c> to diagnostics of a pipeline that was read from a file.</summary>
    private static void Locate(Pipeline pipeline, List<Diagnostic> diagnostics)
    {
        if (SourceMap.Of(pipeline) is not { } map)
        {
            return;
        }

        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Location is null && map.Find(diagnostics[i].Path, diagnostics[i].Field) is { } location)
            {
                diagnostics[i] = diagnostics[i] with { Location = location };
            }
        }
    }
}
