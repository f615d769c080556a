namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>A script to run, the arguments it gets as <c>Args</c>, and how long the run may take.</summary>
/// <param name="ScriptPath">The script's path, as given (relative to the current directory or absolute).</param>
/// <param name="Arguments">The script's arguments.</param>
internal sealed record ScriptRequest(string ScriptPath, IReadOnlyList<string> Arguments)
{
    /// <summary>The default of <see cref="Timeout"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the whole run (restore, compile, the script itself) may take before the runner gives up, prints
    /// nothing and fails; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
