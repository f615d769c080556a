using System.CommandLine;
using System.Globalization;
using Buildkite.Dsl.Cli.Import;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl import &lt;pipeline.yml&gt; [-o pipeline.csx]</c>: turns a YAML pipeline into a C# script.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("pipeline")
        {
            Description = "The YAML (or JSON) pipeline to import.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the script to this file instead of standard output.",
            HelpName = "script.csx",
        };
        var command = new Command(
            "import",
            "Turns a YAML pipeline into a C# script (pipeline.csx's dialect) that prints a pipeline of the same meaning: typed " +
            "steps, typed plugin bindings where the configuration fits one, depends_on as references to step variables, " +
            "shared variables for what several steps repeat (what YAML anchors did), if conditions through the typed " +
            "builder where they mean the same, and the YAML's comments. Check the result with: buildkite-dsl diff " +
            "pipeline.yml pipeline.csx. Exit code 0 when written, 1 when the pipeline has errors (listed on standard " +
            "error; nothing is written), 2 when a file cannot be read or written.")
        {
            file,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file)!,
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, string? outputPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var input = InputText.Read(file, "the pipeline");
        if (input.Text is not { } text)
        {
            await error.WriteLineAsync(input.Error).ConfigureAwait(false);
            return ExitCodes.UsageOrIOError;
        }

        var result = PipelineImporter.Import(text, DisplayPath.Of(file), outputPath is null ? null : DisplayPath.Of(outputPath));
        foreach (var diagnostic in result.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        if (result.Script is not { } script)
        {
            await error.WriteLineAsync($"error: {file} was not imported; fix the errors above first (buildkite-dsl validate {file} lists them with the schema's).").ConfigureAwait(false);
            return ExitCodes.ProblemFound;
        }

        if (outputPath is null)
        {
            await output.WriteAsync(script).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            // Written beside it and renamed, so that a failed write never leaves half a script behind.
            var temporary = outputPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            try
            {
                await File.WriteAllTextAsync(temporary, script, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, outputPath, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"error: cannot write '{outputPath}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIOError;
        }

        await error.WriteLineAsync($"Wrote {outputPath}. Check it with: buildkite-dsl diff {file} {outputPath}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
