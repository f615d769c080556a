namespace Buildkite.Dsl;

/// <summary>
/// Why the agent stopped a job, as matched by an automatic retry rule (<c>signal_reason</c>).
/// </summary>
/// <remarks>
/// The known values are static properties. Buildkite may add reasons; pass a new one with the public
/// constructor until the library names it.
/// </remarks>
/// <param name="Value">The reason as Buildkite writes it, for example <c>agent_stop</c>.</param>
public readonly record struct SignalReason(string Value)
{
    /// <summary>Any reason (<c>*</c>).</summary>
    public static SignalReason Any { get; } = new("*");

    /// <summary>No reason: the job was not stopped by the agent (<c>none</c>).</summary>
    public static SignalReason None { get; } = new("none");

    /// <summary>The agent could not run the job (<c>agent_incompatible</c>).</summary>
    public static SignalReason AgentIncompatible { get; } = new("agent_incompatible");

    /// <summary>The agent refused the job (<c>agent_refused</c>).</summary>
    public static SignalReason AgentRefused { get; } = new("agent_refused");

    /// <summary>The agent was stopped while running the job (<c>agent_stop</c>).</summary>
    public static SignalReason AgentStop { get; } = new("agent_stop");

    /// <summary>The job was cancelled (<c>cancel</c>).</summary>
    public static SignalReason Cancel { get; } = new("cancel");

    /// <summary>The job's process could not be started (<c>process_run_error</c>).</summary>
    public static SignalReason ProcessRunError { get; } = new("process_run_error");

    /// <summary>The agent rejected the job's signature (<c>signature_rejected</c>).</summary>
    public static SignalReason SignatureRejected { get; } = new("signature_rejected");

    /// <summary>The agent stack failed to run the job (<c>stack_error</c>).</summary>
    public static SignalReason StackError { get; } = new("stack_error");

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
