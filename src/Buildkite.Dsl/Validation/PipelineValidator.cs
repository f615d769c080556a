using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation.Rules;

namespace Buildkite.Dsl.Validation;

/// <summary>
/// Runs every check on a pipeline and collects all problems, in pipeline order, each with its place.
/// </summary>
/// <remarks>
/// The checks look at the model (and at the keys the writer derived), never at YAML. Each check is linear
/// in what it looks at, so a pipeline of many thousand steps is checked in time proportional to its steps
/// and dependencies.
/// </remarks>
internal static class PipelineValidator
{
    /// <summary>
    /// Checks one pipeline. <paramref name="mapped"/> carries what mapping it for output found (text that
    /// cannot be encoded, dependencies on steps outside the pipeline).
    /// </summary>
    public static List<Diagnostic> Validate(Pipeline pipeline, MappingNode root, IReadOnlyList<Diagnostic> mapped) =>
        Validate([pipeline], [root], mapped);

    /// <summary>Checks one pipeline, mapping it again to learn the keys the writer derives.</summary>
    public static List<Diagnostic> Validate(Pipeline pipeline, IReadOnlyList<Diagnostic> mapped) =>
        Validate(pipeline, StepMapper.Map(pipeline).Root, mapped);

    /// <summary>Checks a pipeline that <see cref="StepMapper.WriteYaml"/> mapped and wrote step by step.</summary>
    public static List<Diagnostic> Validate(Pipeline pipeline, StepMapper streamed) =>
        Validate([pipeline], new ValidationContext(pipeline, streamed), streamed.Diagnostics);

    /// <summary>Checks the pipelines of one output of several uploads, one YAML document each.</summary>
    public static List<Diagnostic> Validate(IReadOnlyList<Pipeline> uploads, IReadOnlyList<MappingNode> roots, IReadOnlyList<Diagnostic> mapped) =>
        Validate(uploads, new ValidationContext(uploads, roots), mapped);

    private static List<Diagnostic> Validate(IReadOnlyList<Pipeline> uploads, ValidationContext context, IReadOnlyList<Diagnostic> mapped)
    {
        for (var upload = 0; upload < uploads.Count; upload++)
        {
            SecretRules.CheckPipeline(context, upload);
            InterpolationRules.CheckPipeline(context, upload);
            ConditionRules.CheckPipeline(context, upload);
        }

        foreach (var step in context.Steps)
        {
            KeyRules.Check(context, step);
            GroupRules.Check(context, step);
            NumberRules.Check(context, step);
            ConcurrencyRules.Check(context, step);
            ConditionRules.Check(context, step);
            MatrixRules.Check(context, step);
            FieldRules.Check(context, step);
            LimitRules.Check(context, step);
            SecretRules.Check(context, step);
            InterpolationRules.Check(context, step);
        }

        DependencyRules.Check(context);
        LimitRules.CheckUploads(context);

        var found = new List<Diagnostic>(mapped.Count + context.Diagnostics.Count);
        found.AddRange(mapped);
        found.AddRange(context.Diagnostics);
        for (var u = 0; u < uploads.Count; u++)
        {
            var plugins = new List<Diagnostic>();
            PluginRules.Check(uploads[u], plugins);
            found.AddRange(context.IsSplit
                ? plugins.Select(d => d with { Path = d.Path is null ? context.PipelinePath(u) : $"uploads[{u}].{d.Path}" })
                : plugins);
        }

        if (found.Count == 0)
        {
            return found;
        }

        Locate(uploads, found);

        // Pipeline order: by step, then, within a step read from a file, by place in the file, else as found.
        var ranked = new List<Ranked>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var diagnostic = found[i];
            ranked.Add(new Ranked(diagnostic, context.OrderOf(diagnostic.Path), diagnostic.Location?.Line ?? int.MaxValue, diagnostic.Location?.Column ?? int.MaxValue, i));
        }

        ranked.Sort(Ranked.Compare);
        for (var i = 0; i < ranked.Count; i++)
        {
            found[i] = ranked[i].Diagnostic;
        }

        return found;
    }

    /// <summary>
    /// A diagnostic with its sort keys. A class compared by a static method, not a tuple sorted with LINQ: generic
    /// code over tuples of value types is compiled by the JIT on every run of a pipeline script with a warning.
    /// </summary>
    private sealed class Ranked(Diagnostic diagnostic, int order, int line, int column, int found)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;

        private int Order { get; } = order;

        private int Line { get; } = line;

        private int Column { get; } = column;

        private int Found { get; } = found;

        public static int Compare(Ranked? x, Ranked? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var byOrder = x.Order.CompareTo(y.Order);
            if (byOrder != 0)
            {
                return byOrder;
            }

            var byLine = x.Line.CompareTo(y.Line);
            if (byLine != 0)
            {
                return byLine;
            }

            var byColumn = x.Column.CompareTo(y.Column);
            return byColumn != 0 ? byColumn : x.Found.CompareTo(y.Found);
        }
    }

    /// <summary>Adds <c>file:line:col</c> to diagnostics of pipelines that were read from a file.</summary>
    private static void Locate(IReadOnlyList<Pipeline> uploads, List<Diagnostic> diagnostics)
    {
        var maps = new SourceMap?[uploads.Count];
        var any = false;
        for (var i = 0; i < uploads.Count; i++)
        {
            maps[i] = SourceMap.Of(uploads[i]);
            any |= maps[i] is not null;
        }

        if (!any)
        {
            return;
        }

        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            if (diagnostic.Location is not null)
            {
                continue;
            }

            var (upload, path) = SplitUpload(diagnostic.Path, uploads.Count);
            if (maps[upload]?.Find(path, diagnostic.Field) is { } location)
            {
                diagnostics[i] = diagnostic with { Location = location };
            }
        }
    }

    /// <summary>Splits <c>uploads[1].steps[0]</c> into the upload and the path inside it.</summary>
    private static (int Upload, string? Path) SplitUpload(string? path, int uploads)
    {
        const string Prefix = "uploads[";
        if (uploads == 1 || path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (0, path);
        }

        var close = path.IndexOf(']', Prefix.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(Prefix.Length, close - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var upload) || upload >= uploads)
        {
            return (0, path);
        }

        var rest = close + 2 <= path.Length ? path[Math.Min(path.Length, close + 2)..] : string.Empty;
        return (upload, rest.Length == 0 ? null : rest);
    }
}
