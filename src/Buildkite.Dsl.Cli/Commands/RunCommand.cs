using System.CommandLine;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl run &lt;script.csx&gt; [-- args]</c>: runs a pipeline script and prints its pipeline.</summary>
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
        var command = new Command(
            Name,
            "Runs a C# script in dotnet-script's dialect (#r \"nuget: Id, Version\", #load, Args) and prints what it writes " +
            "to standard output, only when it succeeds. Errors go to standard error; the exit code is 0 on success, " +
            "1 when the script or its pipeline has a problem, 2 for usage and I/O errors.")
        {
            script,
            arguments,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(ScriptRunner.Run(
            new ScriptRequest(parseResult.GetValue(script)!, parseResult.GetValue(arguments) ?? []),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    /// <summary>Runs a request that <see cref="TryParseFast"/> made; the console is left writing to the given writers.</summary>
    public static int RunFast(ScriptRequest request, TextWriter output, TextWriter error) =>
        ScriptRunner.Run(request, output, error, CancellationToken.None, new ConsoleWriters(output, error));

    /// <summary>
    /// The request of <c>run &lt;script&gt;</c> or <c>run &lt;script&gt; -- args…</c>, read without the command-line
    /// parser, which costs a cached run (the first step of every build) a good part of its start-up; any other command
    /// line, options and mistakes included, gives <see langword="null"/> and goes through the parser. The request is
    /// exactly what the parser makes of the same command line (a test holds them to that): <c>run</c>, a script path
    /// that cannot be mistaken for an option, a response file or a directive, then nothing or <c>--</c> and the
    /// script's arguments, taken as they are.
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
}
