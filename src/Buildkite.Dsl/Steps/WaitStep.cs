namespace Buildkite.Dsl;

/// <summary>
/// A step that waits until every earlier step has finished, and has passed unless
/// <see cref="ContinueOnFailure"/> is set (a wait step, <c>- wait</c>).
/// </summary>
/// <example>
/// <code>
/// Steps = [build, Step.Wait, deploy];
/// Steps = [tests, new WaitStep { ContinueOnFailure = true }, report];
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/wait-step"/>
public sealed record WaitStep : GroupableStep
{
    /// <summary>The name shown in the build, written as the value of <c>wait</c>.</summary>
    /// <value>The default is <see langword="null"/>: no name (<c>wait: ~</c>, or <c>- wait</c>).</value>
    public string? Label { get; init; }

    /// <summary>Whether later steps run even when earlier steps failed (<c>continue_on_failure</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; the build stops at a failure.</value>
    public bool? ContinueOnFailure { get; init; }
}
