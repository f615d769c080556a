using Buildkite.Dsl.Plugins;
namespace Scion.Pipeline.Shared;

/// <summary>
/// The <c>scionproto/metahook</c> plugins SCION's steps share (the <c>&amp;scion-run-hooks</c> anchor of the
/// YAML version and the hooks repeated on every bazel test step), as typed <see cref="MetahookPlugin"/> values.
/// </summary>
public static class ScionHooks
{
    /// <summary>Removes containers and files a previous job on the agent may have left behind.</summary>
    public const string CleanupLeftovers = ".buildkite/cleanup-leftovers.sh";

    /// <summary>
    /// Hooks of a step that only runs <c>bazel test</c> and keeps its logs: pack <c>bazel-testlogs</c>
    /// before the artifact upload.
    /// </summary>
    public static MetahookPlugin TestLogs { get; } = new() { PreArtifact = ScionArtifacts.PackTestLogs };

    /// <summary>
    /// Hooks of a test step that may start containers: clean up before and at the end, and pack
    /// <c>bazel-testlogs</c> before the artifact upload.
    /// </summary>
    public static MetahookPlugin CleanTestLogs { get; } = new()
    {
        PreCommand = CleanupLeftovers,
        PreArtifact = ScionArtifacts.PackTestLogs,
        PreExit = CleanupLeftovers,
    };

    /// <summary>
    /// Hooks of a step that runs a SCION topology: clean up, stop the topology after the command, collect
    /// its logs into <see cref="ScionArtifacts.TestOutput"/>, clean up at the end.
    /// </summary>
    public static MetahookPlugin TopologyRun { get; } = new()
    {
        PreCommand = CleanupLeftovers,
        PostCommand = Shell.Lines(
            "echo \"~~~ Shutting down SCION topology\"",
            "./scion.sh stop"),
        PreArtifact = Shell.Lines(
            "if [ -f \"gen/scion-dc.yml\" ]; then",
            "    tools/dc collect_logs scion logs/",
            "fi",
            $"tar -chaf {ScionArtifacts.TestOutput} $(ls -d logs traces gen gen-cache) # ls -d to filter missing directories"),
        PreExit = CleanupLeftovers,
    };
}
