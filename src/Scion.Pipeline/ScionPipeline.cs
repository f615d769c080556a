using System.Globalization;
using Buildkite.Dsl;
using Scion.Pipeline.Steps;

namespace Scion.Pipeline;

/// <summary>
/// SCION's Buildkite pipelines, <c>scion</c> and <c>scion-nightly</c>, made from a <see cref="ScionContext"/>.
/// </summary>
/// <remarks>
/// Both pipelines have the same steps (SCION runs one generator for both). The <c>scion</c> pipeline of a
/// pull request that changes only <c>doc/</c> and Markdown files is the doc-only pipeline instead; the
/// nightly pipeline never is.
/// </remarks>
public static class ScionPipeline
{
    /// <summary>The Go module proxies jobs use: the agent's local proxy first, then the public one.</summary>
    public const string GoProxy = "http://localhost:3200|https://proxy.golang.org|direct";

    /// <summary>Creates the pipeline the context asks for.</summary>
    /// <param name="context">The inputs.</param>
    /// <returns>The pipeline with notes for standard error.</returns>
    /// <exception cref="ArgumentException">A target of <see cref="ScionContext.IntegrationTargets"/> is not a bazel label, or <see cref="ScionContext.Parallelism"/> is below 1.</exception>
    public static ScionPipelineResult Create(ScionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notes = new List<string>(context.Notes);
        if (context.Pipeline == ScionPipelineKind.Scion && context.DocOnly)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The pull request changes only doc/ and Markdown files (compared with '{context.PullRequestBaseBranch}'): printing the doc-only pipeline."));
            return new ScionPipelineResult(DocOnly(), notes);
        }

        var integrationTests = IntegrationTestSteps.Group(context.IntegrationTargets, context.SingleTest, context.Parallelism);
        var selected = integrationTests?.Steps.Count ?? 0;
        if (integrationTests is null)
        {
            notes.Add(string.IsNullOrEmpty(context.SingleTest) || context.IntegrationTargets.Count == 0
                ? $"There are no integration test targets: the group '{IntegrationTestSteps.GroupName}' is left out."
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"No integration test target contains SINGLE_TEST '{context.SingleTest}' (of {context.IntegrationTargets.Count}): the group '{IntegrationTestSteps.GroupName}' is left out."));
        }
        else if (!string.IsNullOrEmpty(context.SingleTest))
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"SINGLE_TEST '{context.SingleTest}': {selected} of {context.IntegrationTargets.Count} integration test targets."));
        }

        return new ScionPipelineResult(Full(integrationTests), notes);
    }

    /// <summary>
    /// Creates the full pipeline: build, packaging, release acceptance (tags only), unit tests, the "Check Src
    /// Tree" and "End to End" groups, then <paramref name="integrationTests"/>.
    /// </summary>
    /// <param name="integrationTests">The integration test group, or <see langword="null"/> to leave it out.</param>
    /// <returns>The pipeline.</returns>
    public static Buildkite.Dsl.Pipeline Full(GroupStep? integrationTests)
    {
        List<Step> steps =
        [
            BazelSteps.Build,
            Step.Wait,
            BazelSteps.Package,
            BazelSteps.ReleaseAcceptance,
            BazelSteps.UnitTests,
            Step.Wait,
            CheckSteps.Group,
            EndToEndSteps.Group,
        ];
        if (integrationTests is not null)
        {
            steps.Add(integrationTests);
        }

        return new Buildkite.Dsl.Pipeline
        {
            Env = new Dictionary<string, string> { ["GOPROXY"] = GoProxy },
            Steps = steps,
        };
    }

    /// <summary>Creates the doc-only pipeline: one step, "Lint doc :bash:".</summary>
    /// <returns>The pipeline.</returns>
    public static Buildkite.Dsl.Pipeline DocOnly() => new() { Steps = [DocSteps.LintDoc] };
}
