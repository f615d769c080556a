namespace Scion.Pipeline;

/// <summary>
/// Everything the SCION pipeline depends on, as plain values. The library never reads the environment or runs
/// a program itself: <see cref="ScionEnvironment"/> gathers these from the job's environment, git and bazel,
/// and tests write them down directly.
/// </summary>
/// <example>
/// <code>
/// var context = new ScionContext { Pipeline = ScionPipelineKind.Scion, IntegrationTargets = ["//acceptance/stun:test"] };
/// Console.Write(ScionPipeline.Create(context).Pipeline.ToYaml());
/// </code>
/// </example>
public sealed record ScionContext
{
    /// <summary>Which pipeline is built (<c>BUILDKITE_PIPELINE_SLUG</c>).</summary>
    public required ScionPipelineKind Pipeline { get; init; }

    /// <summary>The branch a pull request is to be merged into (<c>BUILDKITE_PULL_REQUEST_BASE_BRANCH</c>).</summary>
    /// <value>The default is <see langword="null"/>: the build is not a pull request.</value>
    public string? PullRequestBaseBranch { get; init; }

    /// <summary>
    /// Whether the pull request changes only files under <c>doc/</c> and Markdown files, so that the doc-only
    /// pipeline is enough. <see cref="DocOnlyChanges.Detect(IGit, string)"/> computes it.
    /// </summary>
    /// <value>The default is <see langword="false"/>: the full pipeline.</value>
    /// <remarks>The nightly pipeline ignores it and always prints the full pipeline.</remarks>
    public bool DocOnly { get; init; }

    /// <summary>
    /// Runs only the integration tests whose target contains this text (<c>SINGLE_TEST</c>), without bazel's
    /// cached results.
    /// </summary>
    /// <value>The default is <see langword="null"/>: every integration test, cached results allowed.</value>
    public string? SingleTest { get; init; }

    /// <summary>
    /// How many times each integration test step runs (<c>PARALLELISM</c>); other than 1, each step gets
    /// <c>parallelism</c> and bazel's cached results are not used.
    /// </summary>
    /// <value>The default is 1.</value>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// The integration test targets, bazel labels such as <c>//acceptance/stun:test</c>, in the order the
    /// steps appear.
    /// </summary>
    /// <value>The default is empty: the integration test group is left out.</value>
    public IReadOnlyList<string> IntegrationTargets { get; init; } = [];

    /// <summary>
    /// What gathering the inputs found worth telling the person reading the build log, for example that
    /// <c>git diff</c> failed. <see cref="ScionPipeline.Create(ScionContext)"/> passes them on.
    /// </summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
