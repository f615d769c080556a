using Buildkite.Dsl;

namespace Scion.Pipeline.Shared;

/// <summary>
/// The retry rules SCION's steps share (the <c>&amp;automatic-retry</c> anchor of the YAML version).
/// </summary>
public static class ScionRetry
{
    /// <summary>Exit status of a job whose agent was lost (<c>-1</c>).</summary>
    public const int AgentLost = -1;

    /// <summary>Exit status of a job whose agent was shut down by force, for example a reclaimed spot instance (<c>255</c>).</summary>
    public const int ForcedAgentShutdown = 255;

    /// <summary>Exit status of <c>bazel test</c> when a test failed, which may be a flaky test (<c>3</c>).</summary>
    public const int TestFailed = 3;

    /// <summary>How often a failed integration test is retried automatically.</summary>
    public const int FlakyTestLimit = 2;

    /// <summary>
    /// Retries a job automatically when its agent was lost or shut down (exit status -1 and 255),
    /// with Buildkite's default limit.
    /// </summary>
    public static AutomaticRetry InfrastructureFailures { get; } =
    [
        new() { ExitStatus = AgentLost },
        new() { ExitStatus = ForcedAgentShutdown },
    ];

    /// <summary>
    /// The <c>retry</c> of almost every SCION step: <see cref="InfrastructureFailures"/> only.
    /// </summary>
    public static Retry Automatic { get; } = new() { Automatic = InfrastructureFailures };

    /// <summary>
    /// The <c>retry</c> of an integration test: <see cref="InfrastructureFailures"/>, a failed test
    /// (exit status 3) up to <see cref="FlakyTestLimit"/> times, and a manual retry that is allowed even
    /// after the job passed.
    /// </summary>
    public static Retry IntegrationTest { get; } = new()
    {
        Manual = new() { PermitOnPassed = true },
        Automatic = [.. InfrastructureFailures, new() { ExitStatus = TestFailed, Limit = FlakyTestLimit }],
    };
}
