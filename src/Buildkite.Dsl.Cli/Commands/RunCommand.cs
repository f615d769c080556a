using System.CommandLine;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Sources;
using Buildkite.Dsl.Cli.Validate;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl run &lt;script.csx&gt; [--format yaml|json] [--validate-only] [-- args]</c>: runs a pipeline script and prints its pipeline.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var script = new Argument<string>("script")
        {
            Description = "The C# script (.csx) that writes the pipeline to standard output.",
        };
        var arguments = new Argument<string[]>("args")
        {
            Description = "Arguments for the script, after --; the script reads them as Args.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "How to print the pipeline: yaml (as the script wrote it) or json (the same pipeline as JSON).",
            DefaultValueFactory = _ => "yaml",
            HelpName = "yaml|json",
        };
        format.AcceptOnlyFromAmong("yaml", "json");
        var validateOnly = new Option<bool>("--validate-only")
        {
            Description = "Run the script and check what it prints, like validate, but print no pipeline: exit code 0 when it is valid, 1 when not.",
        };
        var command = new Command(
            "run",
            "Runs a C# script in dotnet-script's dialect (#r \"nuget: Id, Version\", #load, Args) and prints what it writes " +
            "to standard output, only when it succeeds. Errors go to standard error; the exit code is 0 on success, " +
            "1 when the script or its pipeline has a problem, 2 for usage and I/O errors.")
        {
            script,
            arguments,
            format,
            validateOnly,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ScriptRequest(parseResult.GetValue(script)!, parseResult.GetValue(arguments) ?? []),
            parseResult.GetValue(format) ?? "yaml",
            parseResult.GetValue(validateOnly),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    // The plain run is the start-up path of every build: it goes straight to the runner and touches nothing else.
    private static Task<int> RunAsync(ScriptRequest request, string format, bool validateOnly, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        !validateOnly && format == "yaml"
            ? ScriptRunner.RunAsync(request, output, error, cancellationToken)
            : RunAndConvertAsync(request, validateOnly, output, error, cancellationToken);

    private static async Task<int> RunAndConvertAsync(ScriptRequest request, bool validateOnly, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var held = new StringWriter { NewLine = "\n" };
        var exitCode = await ScriptRunner.RunAsync(request, held, error, cancellationToken).ConfigureAwait(false);
        if (exitCode != ExitCodes.Success)
        {
            return exitCode;
        }

        var name = $"<output of {DisplayPath.Of(request.ScriptPath)}>";
        if (validateOnly)
        {
            var diagnostics = PipelineChecker.Check(held.ToString(), name);
            foreach (var diagnostic in diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            return diagnostics.Any(d => d.IsError) ? ExitCodes.ProblemFound : ExitCodes.Success;
        }

        var json = PipelineJson.FromYaml(held.ToString(), name, out var problems);
        if (json is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.ProblemFound;
        }

        await output.WriteAsync(json).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
