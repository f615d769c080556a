namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>Runs <c>buildkite-dsl</c> in-process, with string writers for standard output and error.</summary>
internal static class InProcess
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>A temporary folder with script files, deleted at the end of the test.</summary>
internal sealed class ScriptFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("buildkite-dsl-test-").FullName;

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
