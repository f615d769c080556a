using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl;

/// <summary>
/// A build's steps written as several uploads: one YAML document per pipeline, which a single
/// <c>buildkite-agent pipeline upload</c> reads and sends one after another. Use it when a pipeline creates
/// more jobs than Buildkite accepts in one upload (500, <see cref="Pipeline.MaxJobsPerUpload"/>).
/// </summary>
/// <remarks>
/// <para>
/// The output is checked as a whole before anything is written: keys are unique across all uploads (keys are
/// build-wide, check BKD104); a <c>depends_on</c> may name a step of the same or an earlier upload, or a key in
/// <see cref="Pipeline.ExternalKeys"/>, but not a step of a later upload, which does not exist yet when the
/// earlier one arrives (check BKD122); each upload stays within its job limit (check BKD501).
/// </para>
/// <para>
/// Wait and block steps are not allowed in an output of several uploads (check BKD502). Buildkite inserts
/// each upload right after the job that uploads it, so later uploads end up before earlier ones in the build,
/// and a wait or block step would also hold back steps of the other uploads. Order the steps with
/// <c>depends_on</c> instead: a step object or key of an earlier upload works as a dependency, because the
/// writer gives referenced step objects keys that are unique across all uploads.
/// </para>
/// <para>
/// Each pipeline keeps its own top-level settings: <c>env</c>, <c>agents</c> and the like apply to the steps of
/// that upload only.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var uploads = PipelineUploads.Split(pipeline);              // cut between top-level steps, each upload within the limit
/// Console.Write(uploads.ToYaml());                            // "---" before each document
///
/// var byHand = new PipelineUploads { Pipelines = [setup, tests] };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/agent/cli/reference/pipeline"/>
/// <seealso href="https://buildkite.com/docs/platform/limits"/>
public sealed record PipelineUploads
{
    /// <summary>The pipelines, one per upload (YAML document), in the order the agent sends them.</summary>
    public required IReadOnlyList<Pipeline> Pipelines { get; init; }

    /// <summary>
    /// Splits a pipeline between its top-level steps into consecutive uploads of at most
    /// <see cref="Pipeline.MaxJobsPerUpload"/> jobs each; a group stays whole. Every upload keeps the
    /// pipeline's settings, except that only the first carries its build notifications (<c>notify</c>), so
    /// they are sent once.
    /// </summary>
    /// <param name="pipeline">The pipeline to split.</param>
    /// <returns>The uploads; a single one when the pipeline is within the limit.</returns>
    /// <remarks>
    /// Splitting does not check the result; <see cref="Validate"/>, <see cref="ToYaml"/> do. A pipeline that
    /// orders its steps with wait or block steps cannot be split (check BKD502), and a dependency on a step
    /// that lands in a later upload is reported (check BKD122).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    public static PipelineUploads Split(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var limit = Math.Max(1, pipeline.MaxJobsPerUpload);
        var chunks = new List<List<Step>> { new() };
        long jobs = 0;
        foreach (var step in pipeline.Steps)
        {
            var count = step is null ? 0 : JobsOf(step);
            if (jobs + count > limit && chunks[^1].Count > 0)
            {
                chunks.Add([]);
                jobs = 0;
            }

            chunks[^1].Add(step!);
            jobs += count;
        }

        return new PipelineUploads
        {
            Pipelines = chunks
                .Select((steps, i) => pipeline with { Steps = steps, Notify = i == 0 ? pipeline.Notify : [] })
                .ToList(),
        };
    }

    /// <summary>
    /// Reads every YAML document of <paramref name="yaml"/> as one upload, as the agent does with a stream of
    /// several documents.
    /// </summary>
    /// <param name="yaml">The YAML text, one or more documents.</param>
    /// <param name="fileName">The file's name, used in error locations; <see langword="null"/> for none.</param>
    /// <returns>The uploads, in order; problems found later by <see cref="Validate"/> carry <c>file:line:col</c>.</returns>
    /// <exception cref="PipelineException">The text is not a stream of pipelines the agent accepts.</exception>
    public static PipelineUploads FromYaml(string yaml, string? fileName = null)
    {
        var result = YamlPipelineReader.Read(yaml, fileName);
        if (result.HasErrors)
        {
            throw new PipelineException(result.Diagnostics);
        }

        return new PipelineUploads { Pipelines = result.Pipelines };
    }

    /// <summary>
    /// Checks every upload and how they fit together, and returns every problem found, errors and warnings,
    /// without throwing.
    /// </summary>
    /// <returns>The problems in order; paths start with <c>uploads[i].</c> when there are several uploads.</returns>
    public IReadOnlyList<Diagnostic> Validate() => Prepare().Diagnostics;

    /// <summary>
    /// Checks every upload, then writes them as one YAML stream with one document per upload, each starting
    /// with <c>---</c>, for <c>buildkite-agent pipeline upload</c>.
    /// </summary>
    /// <returns>The YAML text, ending with a line break.</returns>
    /// <exception cref="PipelineException">An upload has errors; every problem is listed and nothing is written.</exception>
    public string ToYaml()
    {
        var (roots, diagnostics) = Prepare();
        if (diagnostics.Exists(d => d.IsError))
        {
            throw new PipelineException(diagnostics);
        }

        return YamlPipelineWriter.Write(roots);
    }

    private static long JobsOf(Step step) => step is GroupStep group
        ? (group.Steps ?? []).Where(child => child is not null).Sum(Validation.Rules.LimitRules.JobsOf)
        : Validation.Rules.LimitRules.JobsOf(step);

    private (List<MappingNode> Roots, List<Diagnostic> Diagnostics) Prepare()
    {
        var pipelines = Pipelines ?? [];
        if (pipelines.Count == 0 || pipelines.Any(pipeline => pipeline is null))
        {
            return ([], [new Diagnostic
            {
                Code = DiagnosticCodes.NoSteps,
                Severity = DiagnosticSeverity.Error,
                Message = pipelines.Count == 0 ? "There are no uploads to write." : "An upload is null.",
                Help = "Give PipelineUploads at least one pipeline, and no null entries.",
            }
            ]);
        }

        var (roots, mapped) = StepMapper.Map(pipelines);
        return (roots, PipelineValidator.Validate(pipelines, roots, mapped));
    }
}
