using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl;

/// <summary>
/// A step that runs a script on an agent (a command step).
/// </summary>
/// <example>
/// <code>
/// var build = new CommandStep
/// {
///     Label = "Build :bazel:",
///     Key = "build",
///     Command = "bazel build //:scion",
///     ArtifactPaths = ["scion.tar.gz"],
///     TimeoutInMinutes = 10,
/// };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/command-step"/>
public sealed record CommandStep : GroupableStep
{
    /// <summary>The name shown in the build (<c>label</c>); emoji codes such as <c>:bazel:</c> work.</summary>
    /// <value>The default is <see langword="null"/>: Buildkite shows the command.</value>
    public string? Label { get; init; }

    /// <summary>
    /// The script the job runs (<c>command</c>); several lines run as one shell script.
    /// </summary>
    /// <value>The default is <see langword="null"/>: no command, as in a step that only runs plugins.</value>
    /// <remarks>
    /// Literal text: <c>$</c> reaches the shell unchanged. Use <see cref="Env.Upload(string)"/> for values the
    /// agent substitutes at upload. Set this or <see cref="Commands"/>, not both (check BKD201).
    /// </remarks>
    public string? Command { get; init; }

    /// <summary>
    /// The script as a list of lines (<c>commands</c>), which the agent joins with line breaks.
    /// </summary>
    /// <value>The default is empty: see <see cref="Command"/>.</value>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>Which agents may run the job (<c>agents</c>).</summary>
    /// <value>The default is <see langword="null"/>: the pipeline's <c>agents</c>, else the default queue.</value>
    public Agents? Agents { get; init; }

    /// <summary>The container image the job runs in, on agents that support it (<c>image</c>).</summary>
    /// <value>The default is <see langword="null"/>: the pipeline's <c>image</c>, if any.</value>
    public string? Image { get; init; }

    /// <summary>Environment variables of the job (<c>env</c>).</summary>
    /// <value>The default is empty.</value>
    /// <remarks>
    /// These exist when the job runs, not at upload: <c>$NAME</c> in the command reads them, an
    /// <see cref="EnvVar"/> does not. Check BKD240 reports literal secrets under secret-like names.
    /// </remarks>
    public IReadOnlyDictionary<string, string> Env { get; init; } = StepDefaults.EmptyMap;

    /// <summary>Buildkite secrets exposed to the job as environment variables (<c>secrets</c>).</summary>
    /// <value>The default is <see langword="null"/>: none.</value>
    public Secrets? Secrets { get; init; }

    /// <summary>The plugins the job runs, in order (<c>plugins</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<Plugin> Plugins { get; init; } = [];

    /// <summary>Glob patterns of files the agent uploads when the command ends (<c>artifact_paths</c>).</summary>
    /// <value>The default is empty: nothing is uploaded.</value>
    public IReadOnlyList<string> ArtifactPaths { get; init; } = [];

    /// <summary>Paths kept between builds on hosted agents (<c>cache</c>).</summary>
    /// <value>The default is <see langword="null"/>: no cache.</value>
    public Cache? Cache { get; init; }

    /// <summary>How many copies of the job run at once (<c>parallelism</c>), at least 1.</summary>
    /// <value>The default is <see langword="null"/>: one job.</value>
    /// <remarks>Check BKD202 reports values below 1; each copy counts towards the 500 jobs per upload.</remarks>
    public int? Parallelism { get; init; }

    /// <summary>Runs the step once per combination of values (<c>matrix</c>).</summary>
    /// <value>The default is <see langword="null"/>: one job.</value>
    public Matrix? Matrix { get; init; }

    /// <summary>How many jobs of <see cref="ConcurrencyGroup"/> may run at once (<c>concurrency</c>).</summary>
    /// <value>The default is <see langword="null"/>: no limit.</value>
    /// <remarks>Needs <see cref="ConcurrencyGroup"/> (check BKD207).</remarks>
    public int? Concurrency { get; init; }

    /// <summary>The name of the group the <see cref="Concurrency"/> limit applies to (<c>concurrency_group</c>).</summary>
    /// <value>The default is <see langword="null"/>: no group.</value>
    /// <remarks>At most 200 characters; needs <see cref="Concurrency"/> (check BKD207).</remarks>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>The order in which jobs of the concurrency group start (<c>concurrency_method</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite uses <see cref="Dsl.ConcurrencyMethod.Ordered"/>.</value>
    /// <remarks>Needs <see cref="Concurrency"/> and <see cref="ConcurrencyGroup"/> (check BKD208).</remarks>
    public ConcurrencyMethod? ConcurrencyMethod { get; init; }

    /// <summary>Minutes after which the job is cancelled (<c>timeout_in_minutes</c>), at least 1.</summary>
    /// <value>The default is <see langword="null"/>: the pipeline's or organisation's default timeout.</value>
    public int? TimeoutInMinutes { get; init; }

    /// <summary>The job's priority; higher runs first (<c>priority</c>).</summary>
    /// <value>The default is <see langword="null"/>: the pipeline's <c>priority</c>, else 0.</value>
    public int? Priority { get; init; }

    /// <summary>When the job is retried (<c>retry</c>).</summary>
    /// <value>The default is <see langword="null"/>: no automatic retry; manual retry allowed.</value>
    public Retry? Retry { get; init; }

    /// <summary>Whether a failure counts as passed (<c>soft_fail</c>).</summary>
    /// <value>The default is <see langword="null"/>: failures fail the build.</value>
    public SoftFail? SoftFail { get; init; }

    /// <summary>Whether the job is cancelled as soon as the build starts failing (<c>cancel_on_build_failing</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; the job runs to the end.</value>
    public bool? CancelOnBuildFailing { get; init; }

    /// <summary>Whether the step is skipped (<c>skip</c>).</summary>
    /// <value>The default is <see langword="null"/>: the step runs.</value>
    public Skip? Skip { get; init; }

    /// <summary>Runs the step only when matching files changed (<c>if_changed</c>).</summary>
    /// <value>The default is <see langword="null"/>: the step always runs.</value>
    public IfChanged? IfChanged { get; init; }

    /// <summary>Notifications sent when the step finishes (<c>notify</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<StepNotification> Notify { get; init; } = [];

    /// <summary>The agent's signature of a signed step (<c>signature</c>).</summary>
    /// <value>The default is <see langword="null"/>: unsigned; the agent signs at upload when configured to.</value>
    public Signature? Signature { get; init; }
}
