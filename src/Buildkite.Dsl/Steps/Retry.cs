namespace Buildkite.Dsl;

/// <summary>
/// The retry settings of a command step (<c>retry</c>).
/// </summary>
/// <example>
/// <code>
/// Retry = new()
/// {
///     Automatic = [new() { ExitStatus = -1 }, new() { ExitStatus = 255 }],
///     Manual = new() { PermitOnPassed = true },
/// };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/retry"/>
public sealed record Retry
{
    /// <summary>When Buildkite retries a failed job by itself (<c>automatic</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite does not retry automatically.</value>
    public AutomaticRetry? Automatic { get; init; }

    /// <summary>Whether people may retry the job by hand (<c>manual</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; manual retries are allowed.</value>
    public ManualRetry? Manual { get; init; }
}
