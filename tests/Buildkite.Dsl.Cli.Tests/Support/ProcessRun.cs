using System.Diagnostics;

namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>Runs a program to its end and collects its exit code and output.</summary>
internal static class ProcessRun
{
    /// <summary>Variables of the test's own environment that must not reach the program under test.</summary>
    private static readonly string[] Scrubbed = ["SINGLE_TEST", "PARALLELISM", "SCION_TEST_TARGETS_FILE"];

    public static async Task<CliResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
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

        foreach (var name in start.Environment.Keys
            .Where(k => k.StartsWith("BUILDKITE", StringComparison.Ordinal) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || Scrubbed.Contains(k))
            .ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in 5 minutes.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
