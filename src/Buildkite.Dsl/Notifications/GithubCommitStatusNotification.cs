namespace Buildkite.Dsl;

/// <summary>
/// Reports the step as a GitHub commit status (<c>github_commit_status</c>).
/// </summary>
/// <remarks>Written as the plain string <c>github_commit_status</c> when nothing else is set.</remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#github-commit-status"/>
public sealed record GithubCommitStatusNotification : StepNotification
{
    /// <summary>The status's name on GitHub (<c>context</c>).</summary>
    /// <value>The default is <see langword="null"/>: Buildkite derives it from the pipeline and step.</value>
    public string? Context { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
