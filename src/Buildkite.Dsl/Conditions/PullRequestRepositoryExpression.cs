namespace Buildkite.Dsl;

/// <summary>
/// The repository a pull request comes from (<c>build.pull_request.repository</c>): its URL as a string, and
/// whether it is a fork.
/// </summary>
public sealed class PullRequestRepositoryExpression : StringExpression
{
    internal PullRequestRepositoryExpression()
        : base("build.pull_request.repository")
    {
    }

    /// <summary>Whether the repository is a fork (<c>build.pull_request.repository.fork</c>).</summary>
    /// <example><code>If = !Build.PullRequest.Repository.Fork;</code></example>
    public Condition Fork { get; } = new("build.pull_request.repository.fork", ConditionPrecedence.Primary);
}
