namespace Buildkite.Dsl;

/// <summary>
/// Whether people may retry the job from the Buildkite UI (<c>retry.manual</c>).
/// </summary>
/// <example>
/// <code>
/// Manual = false;                                                   // manual: {allowed: false}
/// Manual = new() { PermitOnPassed = true };
/// Manual = new() { Allowed = false, Reason = "Deploys are not retried" };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/retry#manual-retry-attributes"/>
public sealed record ManualRetry
{
    /// <summary>Whether the job may be retried by hand (<c>allowed</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite allows it.</value>
    public bool? Allowed { get; init; }

    /// <summary>Whether a job that passed may be retried too (<c>permit_on_passed</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite allows it.</value>
    public bool? PermitOnPassed { get; init; }

    /// <summary>The message shown when retrying is not allowed (<c>reason</c>).</summary>
    /// <value>The default is <see langword="null"/>: no message.</value>
    public string? Reason { get; init; }

    /// <summary>Allows or forbids manual retries.</summary>
    /// <param name="allowed">Whether the job may be retried by hand.</param>
    public static implicit operator ManualRetry(bool allowed) => new() { Allowed = allowed };
}
