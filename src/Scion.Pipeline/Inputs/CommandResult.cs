namespace Scion.Pipeline;

/// <summary>How a program run ended: its exit code and what it printed.</summary>
public sealed record CommandResult
{
    /// <summary>The exit code; 0 is success.</summary>
    public required int ExitCode { get; init; }

    /// <summary>What the program wrote to standard output.</summary>
    /// <value>The default is empty.</value>
    public string StandardOutput { get; init; } = string.Empty;

    /// <summary>What the program wrote to standard error.</summary>
    /// <value>The default is empty.</value>
    public string StandardError { get; init; } = string.Empty;

    /// <summary>
    /// Whether the program could be started at all; <see langword="false"/> when it is not installed, and then
    /// <see cref="StandardError"/> says why.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Started { get; init; } = true;
}
