namespace Buildkite.Dsl;

/// <summary>
/// Sends an email when the build finishes (<c>email</c>); build level only.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#email"/>
public sealed record EmailNotification : BuildNotification
{
    /// <summary>The address (<c>email</c>).</summary>
    public required string Email { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
