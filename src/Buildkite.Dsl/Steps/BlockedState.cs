namespace Buildkite.Dsl;

/// <summary>
/// The state a build shows while a block or input step waits (<c>blocked_state</c>).
/// </summary>
public enum BlockedState
{
    /// <summary>The build shows as passed (<c>passed</c>), Buildkite's default.</summary>
    Passed,

    /// <summary>The build shows as failed (<c>failed</c>).</summary>
    Failed,

    /// <summary>The build shows as running (<c>running</c>).</summary>
    Running,
}
