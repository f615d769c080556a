using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Sources;

/// <summary>The text of a pipeline: a YAML or JSON file as it is, or what a script printed.</summary>
/// <param name="Text">The pipeline's YAML or JSON text, one or more documents.</param>
/// <param name="Name">The name diagnostics give the text: the file's path, or <c>&lt;output of script.csx&gt;</c>.</param>
/// <param name="Path">The file the user named.</param>
internal sealed record PipelineText(string Text, string Name, string Path)
{
    /// <summary>Whether the text is what a script printed, rather than a file's contents.</summary>
    public bool FromScript => Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The outcome of loading a pipeline: its text, or the exit code to end with (the reason is on standard error).</summary>
/// <param name="Pipeline">The text; <see langword="null"/> when it could not be had.</param>
/// <param name="ExitCode">The exit code when <paramref name="Pipeline"/> is <see langword="null"/>.</param>
internal sealed record LoadResult(PipelineText? Pipeline, int ExitCode);

/// <summary>
/// Loads the pipeline a tool command works on: reads a YAML or JSON file, or runs a C# script (<c>.csx</c>) with
/// the runner and takes what it prints, so that every command accepts the same inputs.
/// </summary>
internal static class PipelineSource
{
    /// <summary>Reads <paramref name="path"/>, or runs it when it is a script; problems go to <paramref name="error"/>.</summary>
    public static async Task<LoadResult> LoadAsync(string path, TextWriter error, CancellationToken cancellationToken)
    {
        if (path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase))
        {
            using var output = new StringWriter { NewLine = "\n" };
            var exitCode = ScriptRunner.Run(new ScriptRequest(path, []), output, error, cancellationToken);
            return exitCode == ExitCodes.Success
                ? new LoadResult(new PipelineText(output.ToString(), $"<output of {DisplayPath.Of(path)}>", path), ExitCodes.Success)
                : new LoadResult(null, exitCode);
        }

        // UTF-8 or UTF-16 text of at most 16 MiB; anything else is an I/O error that says what is wrong and where.
        var input = InputText.Read(path, "the pipeline");
        if (input.Text is not { } text)
        {
            await error.WriteLineAsync(input.Error).ConfigureAwait(false);
            return new LoadResult(null, ExitCodes.UsageOrIOError);
        }

        return new LoadResult(new PipelineText(text, DisplayPath.Of(path), path), ExitCodes.Success);
    }
}
