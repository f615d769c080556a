using System.ComponentModel;
using System.Diagnostics;

namespace Scion.Pipeline;

/// <summary>Runs a program without a shell and collects its exit code and output.</summary>
internal static class ProcessRunner
{
    public static CommandResult Run(string program, IEnumerable<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            return new CommandResult { ExitCode = -1, Started = false, StandardError = $"'{program}' could not be started; is it installed and on PATH? ({e.Message})" };
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new CommandResult
            {
                ExitCode = process.ExitCode,
                StandardOutput = output.GetAwaiter().GetResult(),
                StandardError = error.GetAwaiter().GetResult(),
            };
        }
    }
}
