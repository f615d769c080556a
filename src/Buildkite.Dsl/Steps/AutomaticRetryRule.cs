namespace Buildkite.Dsl;

/// <summary>
/// One rule of automatic retry: which failures to retry and how often.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/retry"/>
public sealed record AutomaticRetryRule
{
    /// <summary>The exit status that triggers the retry (<c>exit_status</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite matches every failure.</value>
    public ExitStatus? ExitStatus { get; init; }

    /// <summary>How many times to retry, 0 to 10 (<c>limit</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite retries 2 times.</value>
    /// <remarks>Check BKD204 reports a limit outside 0–10.</remarks>
    public int? Limit { get; init; }

    /// <summary>The signal that stopped the job, for example <c>SIGKILL</c> (<c>signal</c>).</summary>
    /// <value>The default is <see langword="null"/>: any signal.</value>
    public string? Signal { get; init; }

    /// <summary>Why the agent stopped the job (<c>signal_reason</c>).</summary>
    /// <value>The default is <see langword="null"/>: any reason.</value>
    public SignalReason? SignalReason { get; init; }
}
