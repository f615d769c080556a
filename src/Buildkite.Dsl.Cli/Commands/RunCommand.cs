using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Sources;
using Buildkite.Dsl.Cli.Validate;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl run &lt;script.csx&gt; [--format yaml|json] [--validate-only] [--timeout duration] [-- args]</c>: runs a pipeline script and prints its pipeline.</summary>
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
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long the whole run (restore, compile, the script) may take: 90s, 10m, 1h, or seconds; 0 for no limit. " +
                "A script still running then is stopped, nothing is printed and the exit code is 1. The default is 10m.",
            HelpName = "duration",
            CustomParser = ParseTimeout,
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
            timeout,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ScriptRequest(parseResult.GetValue(script)!, parseResult.GetValue(arguments) ?? []) { Timeout = TimeoutOf(parseResult.GetValue(timeout)) },
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

    /// <summary>The timeout of a run: the one given, else <see cref="ScriptRequest.DefaultTimeout"/>.</summary>
    /// <param name="given">The parsed <c>--timeout</c>: <see cref="TimeSpan.Zero"/> when it is not given (0 reads as no limit).</param>
    internal static TimeSpan TimeoutOf(TimeSpan given) => given == TimeSpan.Zero ? ScriptRequest.DefaultTimeout : given;

    /// <summary>Reads a duration: a whole number with <c>s</c>, <c>m</c> or <c>h</c>, or seconds alone; 0 for no limit.</summary>
    internal static TimeSpan ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        var (number, unit) = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? (text[..^1], char.ToLowerInvariant(text[^1])) : (text, 's');
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || unit is not ('s' or 'm' or 'h'))
        {
            result.AddError($"'{text}' is not a duration for --timeout; use a whole number of seconds, or one with s, m or h (90s, 10m, 1h), or 0 for no limit.");
            return default;
        }

        return value == 0 ? Timeout.InfiniteTimeSpan : unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromHours(value),
        };
    }
}
