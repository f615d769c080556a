using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl;

/// <summary>
/// The repository a pull request comes from (<c>build.pull_request.repository</c>): its URL, compared like any
/// <see cref="StringExpression"/>, and whether it is a fork (<see cref="Fork"/>).
/// </summary>
/// <example>
/// <code>
/// If = !Build.PullRequest.Repository.Fork;
/// If = Build.PullRequest.Repository == ThisPipeline.Repository;
/// </code>
/// </example>
// Instance members on purpose: they read as the variable's own (Build.PullRequest.Repository.Fork).
#pragma warning disable CA1822
public readonly struct PullRequestRepositoryExpression : IEquatable<PullRequestRepositoryExpression>
{
    private static readonly StringExpression Url = StringExpression.Variable("build.pull_request.repository");
    private static readonly Condition IsFork = new("build.pull_request.repository.fork", ConditionPrecedence.Primary);

    /// <summary>Whether the repository is a fork (<c>build.pull_request.repository.fork</c>).</summary>
    public Condition Fork => IsFork;

    /// <summary>Uses the repository's URL (<c>build.pull_request.repository</c>) as a string value.</summary>
    /// <param name="repository">The repository.</param>
    public static implicit operator StringExpression(PullRequestRepositoryExpression repository) => Url;

    /// <summary>True when the URL equals <paramref name="right"/> (written <c>build.pull_request.repository == right</c>).</summary>
    /// <param name="left">The repository.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator ==(PullRequestRepositoryExpression left, StringExpression right) => Url == right;

    /// <summary>True when the URL differs from <paramref name="right"/> (written <c>build.pull_request.repository != right</c>).</summary>
    /// <param name="left">The repository.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator !=(PullRequestRepositoryExpression left, StringExpression right) => Url != right;

    /// <summary>True when the URL matches <paramref name="regex"/>; see <see cref="StringExpression.Matches(Regex)"/>.</summary>
    /// <param name="regex">The pattern.</param>
    /// <exception cref="ArgumentException">The regex has options Buildkite cannot express, or is empty.</exception>
    public Condition Matches(Regex regex) => Url.Matches(regex);

    /// <summary>True when the URL matches <paramref name="pattern"/>; see <see cref="StringExpression.Matches(string, RegexOptions)"/>.</summary>
    /// <param name="pattern">The regex pattern.</param>
    /// <param name="options"><see cref="RegexOptions.IgnoreCase"/> or none.</param>
    /// <exception cref="ArgumentException">The pattern is invalid or empty, or the options cannot be expressed.</exception>
    public Condition Matches([StringSyntax(StringSyntaxAttribute.Regex)] string pattern, RegexOptions options = RegexOptions.None) => Url.Matches(pattern, options);

    /// <summary>True when the URL does not match <paramref name="regex"/>.</summary>
    /// <param name="regex">The pattern.</param>
    /// <exception cref="ArgumentException">The regex has options Buildkite cannot express, or is empty.</exception>
    public Condition DoesNotMatch(Regex regex) => Url.DoesNotMatch(regex);

    /// <summary>True when the URL does not match <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The regex pattern.</param>
    /// <param name="options"><see cref="RegexOptions.IgnoreCase"/> or none.</param>
    /// <exception cref="ArgumentException">The pattern is invalid or empty, or the options cannot be expressed.</exception>
    public Condition DoesNotMatch([StringSyntax(StringSyntaxAttribute.Regex)] string pattern, RegexOptions options = RegexOptions.None) => Url.DoesNotMatch(pattern, options);

    /// <summary>Returns <c>build.pull_request.repository</c>.</summary>
    public override string ToString() => Url.ToString();

    /// <summary>Whether <paramref name="obj"/> is the same variable.</summary>
    /// <param name="obj">The other object.</param>
    public override bool Equals(object? obj) => obj is PullRequestRepositoryExpression;

    /// <summary>Always true: there is one such variable.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(PullRequestRepositoryExpression other) => true;

    /// <summary>Returns a hash of the variable's name.</summary>
    public override int GetHashCode() => Url.GetHashCode();
}
#pragma warning restore CA1822
