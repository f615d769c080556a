namespace Scion.Pipeline.Shared;

/// <summary>
/// Artifact paths SCION's steps share (the <c>&amp;scion-run-artifact-paths</c> anchor of the YAML version),
/// with the hook commands that make them.
/// </summary>
public static class ScionArtifacts
{
    /// <summary>The archive of <c>bazel-testlogs</c> that test steps upload.</summary>
    public const string TestLogs = "bazel-testlogs.tar.gz";

    /// <summary>The archive of logs, traces and generated files that topology (end-to-end) steps upload.</summary>
    public const string TestOutput = "test-out.tar.gz";

    /// <summary>Packs <c>bazel-testlogs</c> (following its symlinks) into <see cref="TestLogs"/>.</summary>
    public const string PackTestLogs = "tar -chaf " + TestLogs + " bazel-testlogs";

    /// <summary>The <c>artifact_paths</c> of a topology step: <see cref="TestOutput"/>.</summary>
    public static IReadOnlyList<string> TopologyRun { get; } = [TestOutput];

    /// <summary>The <c>artifact_paths</c> of a bazel test step: <see cref="TestLogs"/>.</summary>
    public static IReadOnlyList<string> BazelTest { get; } = [TestLogs];
}
