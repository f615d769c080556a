using System.CommandLine;
using Buildkite.Dsl.Cli.Sources;
using Buildkite.Dsl.Cli.Validate;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl validate &lt;file&gt;…</c>: reports every problem of each pipeline, as YAML, JSON or a script's output.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Pipelines to check: YAML or JSON files, or C# scripts (.csx), which are run and their output checked.",
            Arity = ArgumentArity.OneOrMore,
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Fail (exit code 1) on warnings too.",
        };
        var command = new Command(
            "validate",
            "Checks pipelines and reports every problem with file:line:col: YAML syntax, what Buildkite's official schema " +
            "rejects, and every check of Buildkite.Dsl (keys, dependencies, conditions, $ interpolation, plugins, limits). " +
            "Problems go to standard error, one line per file to standard output. Exit code 0 when there is no error, " +
            "1 when there is one, 2 when a file cannot be read.")
        {
            files,
            warningsAsErrors,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(warningsAsErrors),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool warningsAsErrors, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        foreach (var file in files)
        {
            var loaded = await PipelineSource.LoadAsync(file, error, cancellationToken).ConfigureAwait(false);
            if (loaded.Pipeline is not { } pipeline)
            {
                await output.WriteLineAsync($"{file}: {(loaded.ExitCode == ExitCodes.UsageOrIOError ? "not read" : "the script failed")}").ConfigureAwait(false);
                exitCode = Math.Max(exitCode, loaded.ExitCode);
                continue;
            }

            var diagnostics = PipelineChecker.Check(pipeline.Text, pipeline.Name);
            foreach (var diagnostic in diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            var errors = diagnostics.Count(d => d.IsError);
            var warnings = diagnostics.Count - errors;
            await output.WriteLineAsync($"{file}: {Summary(errors, warnings)}").ConfigureAwait(false);
            if (errors > 0 || (warningsAsErrors && warnings > 0))
            {
                exitCode = Math.Max(exitCode, ExitCodes.ProblemFound);
            }
        }

        return exitCode;
    }

    internal static string Summary(int errors, int warnings) => (errors, warnings) switch
    {
        (0, 0) => "valid",
        (0, _) => $"valid, {Count(warnings, "warning")}",
        (_, 0) => Count(errors, "error"),
        _ => $"{Count(errors, "error")}, {Count(warnings, "warning")}",
    };

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
