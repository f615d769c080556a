using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl run &lt;script.csx&gt; [-- args]</c>: runs a pipeline script and prints its pipeline.</summary>
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
            DefaultValueFactory = _ => ScriptRequest.DefaultTimeout,
            CustomParser = ParseTimeout,
        };
        var command = new Command(
            "run",
            "Runs a C# script in dotnet-script's dialect (#r \"nuget: Id, Version\", #load, Args) and prints what it writes " +
            "to standard output, only when it succeeds. Errors go to standard error; the exit code is 0 on success, " +
            "1 when the script or its pipeline has a problem, 2 for usage and I/O errors.")
        {
            script,
            arguments,
            timeout,
        };
        command.SetAction((parseResult, cancellationToken) => ScriptRunner.RunAsync(
            new ScriptRequest(parseResult.GetValue(script)!, parseResult.GetValue(arguments) ?? []) { Timeout = parseResult.GetValue(timeout) },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

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
