namespace Buildkite.Dsl;

/// <summary>The pull request of a build in conditions (<c>build.pull_request.*</c>); values are <c>null</c> when there is none.</summary>
public sealed class PullRequestVariables
{
    internal PullRequestVariables()
    {
    }

    /// <summary>The branch the pull request targets (<c>build.pull_request.base_branch</c>).</summary>
    public StringExpression BaseBranch { get; } = StringExpression.Variable("build.pull_request.base_branch");

    /// <summary>The pull request's number, as a string (<c>build.pull_request.id</c>).</summary>
    public StringExpression Id { get; } = StringExpression.Variable("build.pull_request.id");

    /// <summary>Whether the pull request is a draft (<c>build.pull_request.draft</c>); use it as a condition or negate it.</summary>
    /// <example><code>If = !Build.PullRequest.Draft;   // "!build.pull_request.draft"</code></example>
    public Condition Draft { get; } = new("build.pull_request.draft", ConditionPrecedence.Primary);

    /// <summary>The names of the pull request's labels (<c>build.pull_request.labels</c>).</summary>
    public ArrayExpression Labels { get; } = ArrayExpression.Variable("build.pull_request.labels");

    /// <summary>The URL of the repository the pull request comes from (<c>build.pull_request.repository</c>).</summary>
    public PullRequestRepositoryExpression Repository { get; }
}
