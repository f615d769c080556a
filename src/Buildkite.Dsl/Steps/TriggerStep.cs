namespace Buildkite.Dsl;

/// <summary>
/// A step that starts a build of another pipeline (a trigger step).
/// </summary>
/// <example>
/// <code>
/// new TriggerStep { Trigger = "deploy-production", Label = ":rocket: Deploy", Async = true }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/trigger-step"/>
public sealed record TriggerStep : GroupableStep
{
    /// <summary>The slug of the pipeline to build (<c>trigger</c>).</summary>
    public required string Trigger { get; init; }

    /// <summary>The name shown in the build (<c>label</c>).</summary>
    /// <value>The default is <see langword="null"/>: Buildkite shows the triggered pipeline's name.</value>
    public string? Label { get; init; }

    /// <summary>Whether the step passes as soon as the build is created, without waiting for it (<c>async</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; the step waits for the triggered build.</value>
    public bool? Async { get; init; }

    /// <summary>The triggered build's branch, commit, message, environment and meta-data (<c>build</c>).</summary>
    /// <value>The default is <see langword="null"/>: Buildkite's defaults.</value>
    public TriggerBuild? Build { get; init; }

    /// <summary>Whether the step is skipped (<c>skip</c>).</summary>
    /// <value>The default is <see langword="null"/>: the step runs.</value>
    public Skip? Skip { get; init; }

    /// <summary>Whether a failed triggered build counts as passed (<c>soft_fail</c>).</summary>
    /// <value>The default is <see langword="null"/>: a failure fails this build.</value>
    public SoftFail? SoftFail { get; init; }

    /// <summary>Runs the step only when matching files changed (<c>if_changed</c>).</summary>
    /// <value>The default is <see langword="null"/>: the step always runs.</value>
    public IfChanged? IfChanged { get; init; }
}
