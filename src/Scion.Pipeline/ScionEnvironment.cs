using System.Collections;
using System.Globalization;

namespace Scion.Pipeline;

/// <summary>
/// Gathers a <see cref="ScionContext"/> from what the pipeline-generating job really has: its environment
/// variables, git and bazel in the current directory (the SCION checkout). <c>pipeline.csx</c> uses it; the
/// rest of the library takes the context as values.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Variable</term><description>Meaning</description></listheader>
/// <item><term><c>BUILDKITE_PIPELINE_SLUG</c></term><description><c>scion</c> or <c>scion-nightly</c>; anything else is an error. Buildkite always sets it; unset or empty (a run outside Buildkite) means <c>scion</c>, with a note.</description></item>
/// <item><term><c>BUILDKITE_PULL_REQUEST_BASE_BRANCH</c></term><description>Set and not empty for a pull request: <c>git diff</c> against it decides the doc-only shortcut (<c>scion</c> only).</description></item>
/// <item><term><c>SINGLE_TEST</c></term><description>Runs only the integration tests whose target contains it. Empty by default.</description></item>
/// <item><term><c>PARALLELISM</c></term><description>Runs each integration test step this many times, a whole number of at least 1. 1 by default.</description></item>
/// <item><term><c>SCION_TEST_TARGETS_FILE</c></term><description>Reads the integration test targets from this file (see <see cref="TargetList"/>) instead of <c>bazel query</c>; a relative path is relative to the current directory.</description></item>
/// </list>
/// </remarks>
public static class ScionEnvironment
{
    /// <summary>The variable that names the pipeline.</summary>
    public const string PipelineSlugVariable = "BUILDKITE_PIPELINE_SLUG";

    /// <summary>The variable that holds a pull request's base branch.</summary>
    public const string PullRequestBaseBranchVariable = "BUILDKITE_PULL_REQUEST_BASE_BRANCH";

    /// <summary>The variable that selects integration tests by text.</summary>
    public const string SingleTestVariable = "SINGLE_TEST";

    /// <summary>The variable that repeats each integration test.</summary>
    public const string ParallelismVariable = "PARALLELISM";

    /// <summary>The variable that names a file of integration test targets, used instead of bazel.</summary>
    public const string TargetsFileVariable = "SCION_TEST_TARGETS_FILE";

    /// <summary>
    /// Creates the pipeline from the process's environment, with git and bazel run in the current directory.
    /// </summary>
    /// <returns>The pipeline and notes for standard error.</returns>
    /// <exception cref="ScionInputException">An input is missing or wrong; the message says which.</exception>
    public static ScionPipelineResult CreatePipeline() =>
        ScionPipeline.Create(CreateContext(ProcessVariables(), new ProcessGit(), new ProcessBazel()));

    /// <summary>Reads the process's environment variables.</summary>
    /// <returns>The variables by name.</returns>
    public static IReadOnlyDictionary<string, string> ProcessVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
#pragma warning disable RS0030 // The one place that reads the process environment.
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
#pragma warning restore RS0030
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return variables;
    }

    /// <summary>
    /// Creates the context from environment variables, running git only for a pull request of the <c>scion</c>
    /// pipeline and bazel only when the full pipeline is printed and no target file is named.
    /// </summary>
    /// <param name="variables">The environment variables.</param>
    /// <param name="git">Git in the checkout.</param>
    /// <param name="bazel">Bazel in the checkout.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ScionInputException">
    /// The slug is unknown, <c>PARALLELISM</c> is not a whole number of at least 1, the target file cannot be
    /// read or has a bad line, bazel cannot be started or its query fails.
    /// </exception>
    public static ScionContext CreateContext(IReadOnlyDictionary<string, string> variables, IGit git, IBazel bazel)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(bazel);

        var notes = new List<string>();
        var slug = Get(variables, PipelineSlugVariable);
        if (slug is null)
        {
            notes.Add($"{PipelineSlugVariable} is not set (not a Buildkite job): printing the '{ScionPipelineSlugs.Scion}' pipeline.");
        }

        var kind = ScionPipelineSlugs.Parse(slug ?? ScionPipelineSlugs.Scion);
        var singleTest = Get(variables, SingleTestVariable);
        var parallelism = ParseParallelism(Get(variables, ParallelismVariable));
        var baseBranch = Get(variables, PullRequestBaseBranchVariable);

        if (kind == ScionPipelineKind.Scion && baseBranch is not null)
        {
            var (docOnly, note) = DocOnlyChanges.Detect(git, baseBranch);
            if (note is not null)
            {
                notes.Add(note);
            }

            if (docOnly)
            {
                return new ScionContext { Pipeline = kind, PullRequestBaseBranch = baseBranch, DocOnly = true, Notes = notes };
            }
        }

        var targetsFile = Get(variables, TargetsFileVariable);
        var targets = targetsFile is null ? TargetList.Query(bazel) : ReadTargetsFile(targetsFile);
        return new ScionContext
        {
            Pipeline = kind,
            PullRequestBaseBranch = baseBranch,
            SingleTest = singleTest,
            Parallelism = parallelism,
            IntegrationTargets = targets,
            Notes = notes,
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static int ParseParallelism(string? text)
    {
        if (text is null)
        {
            return 1;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new ScionInputException(
                $"{ParallelismVariable} is '{text}': expected a whole number of at least 1 (the number of times each integration test runs).");
    }

    private static IReadOnlyList<string> ReadTargetsFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScionInputException($"{TargetsFileVariable} names '{path}', which cannot be read: {e.Message}", e);
        }

        return TargetList.Parse(text, path);
    }
}
