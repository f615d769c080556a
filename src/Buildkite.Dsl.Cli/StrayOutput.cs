using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// The runner's only native call (dup2 below) passes and returns plain ints. Without the runtime's marshalling its stub
// is compiled ahead of time (ReadyToRun) instead of by the JIT on every run.
[assembly: DisableRuntimeMarshalling]

namespace Buildkite.Dsl.Cli;

/// <summary>
/// Keeps the process's standard output for the pipeline alone. The pipeline's writer, made first, holds a duplicate
/// of the standard output descriptor (<see cref="Console.OpenStandardOutput()"/> duplicates it); then descriptor 1 is
/// pointed at standard error, so that what else writes to it (a child process a script starts without redirecting
/// its output, a script that writes to <see cref="Console.OpenStandardOutput()"/>) goes to standard error instead of
/// into the pipeline.
/// </summary>
/// <remarks>Linux and macOS; on Windows nothing changes.</remarks>
internal static class StrayOutput
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    /// <summary>Sends later writes to descriptor 1 to standard error; <paramref name="output"/> keeps the real output.</summary>
    /// <param name="output">
    /// A writer of standard output made before this call (<see cref="Scripting.StandardStreams.Output"/>, or
    /// <see cref="Console.Out"/>), so that it holds its own duplicate of the descriptor.
    /// </param>
    /// <returns><paramref name="output"/>, the writer of the real standard output.</returns>
    public static TextWriter KeepStandardOutputForThePipeline(TextWriter output)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            output.Flush();
            _ = Dup2(StandardError, StandardOutput);
        }

        return output;
    }

    // DllImport rather than LibraryImport, which would need unsafe code for this plain int signature. The result is not
    // looked at (a failure leaves descriptor 1 as it was), so errno is not kept (SetLastError would need a stub).
    [DllImport("libc", EntryPoint = "dup2")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
    private static extern int Dup2(int oldDescriptor, int newDescriptor);
#pragma warning restore SYSLIB1054
}
