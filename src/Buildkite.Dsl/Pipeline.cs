using System.Text;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl;

/// <summary>
/// A Buildkite pipeline: its steps and the settings that apply to all of them. Write it with
/// <see cref="ToYaml"/> or <see cref="ToJson"/> and pipe it into <c>buildkite-agent pipeline upload</c>.
/// </summary>
/// <example>
/// <code>
/// var build = new CommandStep { Label = "Build :bazel:", Key = "build", Command = "bazel build //:scion" };
/// var test = new CommandStep { Label = "Test", Command = "bazel test //...", DependsOn = [build] };
/// Console.Write(new Pipeline { Steps = [build, Step.Wait, test] }.ToYaml());
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/defining-steps"/>
public sealed record Pipeline
{
    /// <summary>The steps, in order (<c>steps</c>).</summary>
    /// <value>The default is empty; Buildkite warns about a pipeline without steps.</value>
    public IReadOnlyList<Step> Steps { get; init; } = [];

    /// <summary>
    /// Environment variables for every job (<c>env</c>), in order.
    /// </summary>
    /// <value>The default is empty.</value>
    /// <remarks>
    /// The agent also adds these, in order, to the environment it interpolates the rest of the pipeline
    /// with, so a later entry or an <see cref="EnvVar"/> elsewhere can refer to an earlier one. Use a
    /// dictionary that keeps insertion order (<see cref="Dictionary{TKey, TValue}"/> without removals, or
    /// <see cref="OrderedDictionary{TKey, TValue}"/>).
    /// </remarks>
    public IReadOnlyDictionary<string, string> Env { get; init; } = StepDefaults.EmptyMap;

    /// <summary>Which agents run the jobs of steps that set no <c>agents</c> of their own (<c>agents</c>).</summary>
    /// <value>The default is <see langword="null"/>: the default queue.</value>
    public Agents? Agents { get; init; }

    /// <summary>Notifications sent when the build finishes (<c>notify</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<BuildNotification> Notify { get; init; } = [];

    /// <summary>The container image jobs run in, on agents that support it (<c>image</c>).</summary>
    /// <value>The default is <see langword="null"/>: the agent's own environment.</value>
    public string? Image { get; init; }

    /// <summary>Buildkite secrets given to every job (<c>secrets</c>).</summary>
    /// <value>The default is <see langword="null"/>: none.</value>
    public Secrets? Secrets { get; init; }

    /// <summary>The priority of every job whose step sets none (<c>priority</c>); higher runs first.</summary>
    /// <value>The default is <see langword="null"/>: 0.</value>
    public int? Priority { get; init; }

    /// <summary>
    /// Top-level keys the library does not model, written after <c>steps</c> as they are.
    /// </summary>
    /// <value>The default is empty.</value>
    /// <remarks>The schema allows extra top-level keys; the agent interpolates them and passes them on.</remarks>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = StepDefaults.EmptyExtra;

    /// <summary>
    /// Keys of steps that other uploads add to the same build (the uploading step itself, a pipeline uploaded
    /// before this one), which <see cref="Step.DependsOn"/> may name. Not written.
    /// </summary>
    /// <value>The default is empty: every <c>depends_on</c> key must belong to a step of this pipeline.</value>
    /// <remarks>
    /// Keys are unique across the whole build, so a step of this pipeline must not use one of these keys
    /// (check BKD104), and a <c>depends_on</c> naming a key that is neither here nor on a step is an error
    /// (check BKD110).
    /// </remarks>
    /// <example><code>ExternalKeys = ["pipeline-upload", "setup"]</code></example>
    public IReadOnlyList<string> ExternalKeys { get; init; } = [];

    /// <summary>
    /// The most jobs one upload may create, which check BKD501 enforces and <see cref="PipelineUploads.Split(Pipeline)"/>
    /// splits by. Not written.
    /// </summary>
    /// <value>The default is 500, Buildkite's limit of jobs per pipeline upload.</value>
    /// <remarks>
    /// Buildkite can raise the limit for an organisation on request; set this to the raised limit then.
    /// Jobs count parallelism and matrix jobs; see <see cref="PipelineUploads"/> for splitting a larger pipeline.
    /// </remarks>
    public int MaxJobsPerUpload { get; init; } = StepDefaults.MaxJobsPerUpload;

    /// <summary>
    /// Checks the whole pipeline and returns every problem found, errors and warnings, without throwing.
    /// </summary>
    /// <returns>The problems in pipeline order; empty when the pipeline is fine.</returns>
    public IReadOnlyList<Diagnostic> Validate() => Prepare().Diagnostics;

    /// <summary>
    /// Checks the whole pipeline, then writes it as YAML that <c>buildkite-agent pipeline upload</c> reads
    /// exactly as meant.
    /// </summary>
    /// <returns>The YAML text, ending with a line break.</returns>
    /// <exception cref="PipelineException">The pipeline has errors; every problem is listed and nothing is written.</exception>
    public string ToYaml()
    {
        // Written step by step as each is mapped, then checked: nothing of a pipeline with errors leaves this method,
        // and a large pipeline's node tree is never held whole.
        using var yaml = new YamlPipelineWriter.Document();
        var mapper = StepMapper.WriteYaml(this, yaml);
        var diagnostics = PipelineValidator.Validate(this, mapper);
        return diagnostics.Exists(d => d.IsError) ? throw new PipelineException(diagnostics) : yaml.ToString();
    }

    /// <summary>
    /// Checks the whole pipeline, then writes it as JSON that <c>buildkite-agent pipeline upload</c>
    /// accepts: emoji raw in UTF-8, never as surrogate-pair escapes, and no <c>\/</c>.
    /// </summary>
    /// <returns>The JSON text, ending with a line break.</returns>
    /// <exception cref="PipelineException">The pipeline has errors; every problem is listed and nothing is written.</exception>
    public string ToJson()
    {
        var root = PrepareOrThrow();
        var output = new StringBuilder();
        JsonPipelineWriter.Write(output, root);
        return output.Append('\n').ToString();
    }

    /// <summary>
    /// Reads a pipeline from YAML in any form the agent accepts, with anchors, aliases, merge keys and
    /// every alias of Buildkite's attributes. Reading then writing keeps the meaning.
    /// </summary>
    /// <param name="yaml">The YAML text of one pipeline (one document).</param>
    /// <param name="fileName">The file's name, used in error locations; <see langword="null"/> for none.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="PipelineException">The text is not a pipeline the agent accepts, or holds several documents.</exception>
    public static Pipeline FromYaml(string yaml, string? fileName = null)
    {
        var result = YamlPipelineReader.Read(yaml, fileName);
        if (result.HasErrors)
        {
            throw new PipelineException(result.Diagnostics);
        }

        if (result.Pipelines.Count != 1)
        {
            throw new PipelineException(
            [
                new Diagnostic
                {
                    Code = DiagnosticCodes.Syntax,
                    Severity = DiagnosticSeverity.Error,
                    Message = $"The text holds {result.Pipelines.Count} YAML documents; each is a separate upload.",
                    Help = "Split the text at '---' and read each document on its own.",
                },
            ]);
        }

        return result.Pipelines[0];
    }

    /// <summary>
    /// Reads a pipeline from JSON. The agent parses JSON with its YAML parser, and so does this method.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file's name, used in error locations; <see langword="null"/> for none.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="PipelineException">The text is not a pipeline the agent accepts.</exception>
    public static Pipeline FromJson(string json, string? fileName = null) => FromYaml(json, fileName);

    private (MappingNode Root, List<Diagnostic> Diagnostics) Prepare()
    {
        var (root, mapped) = StepMapper.Map(this);
        return (root, PipelineValidator.Validate(this, root, mapped));
    }

    private MappingNode PrepareOrThrow()
    {
        var (root, diagnostics) = Prepare();
        return diagnostics.Exists(d => d.IsError) ? throw new PipelineException(diagnostics) : root;
    }
}
