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
    private const string Name = "run";

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
            Name,
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
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            new ScriptRequest(parseResult.GetValue(script)!, parseResult.GetValue(arguments) ?? []) { Timeout = TimeoutOf(parseResult.GetValue(timeout)) },
            parseResult.GetValue(format) ?? "yaml",
            parseResult.GetValue(validateOnly),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    /// <summary>
    /// Runs a request that <see cref="TryParseFast"/> made, exactly as the parser's action runs the same command line
    /// (the default <c>--timeout</c> included); the console is left writing to the given writers.
    /// </summary>
    public static int RunFast(ScriptRequest request, TextWriter output, TextWriter error) =>
        ScriptRunner.Run(request, output, error, CancellationToken.None, new ConsoleWriters(output, error));

    /// <summary>
    /// The request of <c>run &lt;script&gt;</c> or <c>run &lt;script&gt; -- args…</c>, read without the command-line
    /// parser, which costs a cached run (the first step of every build) a good part of its start-up; any other command
    /// line, options and mistakes included, gives <see langword="null"/> and goes through the parser. The request is
    /// exactly what the parser makes of the same command line (a test holds them to that): <c>run</c>, a script path
    /// that cannot be mistaken for an option, a response file or a directive, then nothing or <c>--</c> and the
    /// script's arguments, taken as they are; its timeout is the default, as <see cref="TimeoutOf"/> gives it when
    /// <c>--timeout</c> is not given.
    /// </summary>
    internal static ScriptRequest? TryParseFast(string[] args)
    {
        if (args.Length < 2 || args[0] != Name || args[1].Length == 0 || args[1][0] is '-' or '@' or '['
            || (args.Length > 2 && args[2] != "--"))
        {
            return null;
        }

        return new ScriptRequest(args[1], args.Length > 3 ? args[3..] : []);
    }

    // The plain run is the start-up path of every build: it goes straight to the runner and touches nothing else.
    private static int Run(ScriptRequest request, string format, bool validateOnly, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        !validateOnly && format == "yaml"
            ? ScriptRunner.Run(request, output, error, cancellationToken)
            : RunAndConvert(request, validateOnly, output, error, cancellationToken);

    private static int RunAndConvert(ScriptRequest request, bool validateOnly, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var held = new StringWriter { NewLine = "\n" };
        var exitCode = ScriptRunner.Run(request, held, error, cancellationToken);
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
                error.WriteLine(diagnostic.ToString());
            }

            return diagnostics.Any(d => d.IsError) ? ExitCodes.ProblemFound : ExitCodes.Success;
        }

        var json = PipelineJson.FromYaml(held.ToString(), name, out var problems);
        if (json is null)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.ProblemFound;
        }

        output.Write(json);
        output.Flush();
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
