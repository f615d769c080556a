using System.ComponentModel;
using System.Diagnostics;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>Runs the <c>dotnet</c> command of the SDK, with all its output sent to a log (standard error).</summary>
internal static class DotNet
{
    /// <summary>Runs dotnet and returns its exit code, or <see langword="null"/> when it cannot be started.</summary>
    public static async Task<int?> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        log = TextWriter.Synchronized(log);
        var start = new ProcessStartInfo(Executable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // MSBuild settings of a parent build (a test run, dotnet run) would point the child at the wrong SDK files.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = CopyAsync(process.StandardOutput, log, cancellationToken);
            var error = CopyAsync(process.StandardError, log, cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The run was cancelled (--timeout): leave no restore running behind it.
                process.Kill(entireProcessTree: true);
                throw;
            }

            await Task.WhenAll(output, error).ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    /// <summary>
    /// The dotnet executable: the one that runs this process when it is the dotnet host, else the host beside
    /// the shared framework, else <c>dotnet</c> on <c>PATH</c>.
    /// </summary>
    private static string Executable()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    private static async Task CopyAsync(StreamReader reader, TextWriter log, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            await log.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
