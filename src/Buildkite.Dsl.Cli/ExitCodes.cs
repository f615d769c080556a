namespace Buildkite.Dsl.Cli;

/// <summary>The exit codes of <c>buildkite-dsl</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the pipeline is on standard output.</summary>
    public const int Success = 0;

    /// <summary>
    /// A problem was found in the script or the pipeline it makes: a compile error, an exception, a failed
    /// pipeline check, a package that cannot be restored. Nothing is on standard output.
    /// </summary>
    public const int ProblemFound = 1;

    /// <summary>The command line is wrong, or a file or program the runner needs cannot be used.</summary>
    public const int UsageOrIOError = 2;
}
