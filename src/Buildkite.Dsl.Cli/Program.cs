using System.CommandLine;
using Buildkite.Dsl.Cli.Commands;

namespace Buildkite.Dsl.Cli;

/// <summary>The entry point of <c>buildkite-dsl</c>: builds the root command from the command classes and runs it.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // `run <script> [-- args]`, the first step of every build, skips the parser (RunCommand.TryParseFast) and the
        // console's set-up (StandardStreams).
        if (RunCommand.TryParseFast(args) is { } request)
        {
            var output = Scripting.StandardStreams.Output();
            var error = Scripting.StandardStreams.Error();
            Scripting.RunnerTrace.Write(error, "main");
            try
            {
                return RunCommand.RunFast(request, output, error);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Fault(error, e);
            }
            finally
            {
                error.Flush();
            }
        }

        return RunAsync(args, Console.Out, Console.Error).GetAwaiter().GetResult();
    }

    /// <summary>Runs the command line with the given output and error writers (tests pass string writers).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Buildkite pipelines as typed C#: runs pipeline scripts and prints the pipeline for buildkite-agent pipeline upload.")
        {
            RunCommand.Create(),
            CacheCommand.Create(),
        };
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'buildkite-dsl --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrIOError;
        }

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fault(error, e);
        }
    }

    /// <summary>A fault of the runner itself: says what failed, never with a stack trace, and prints no pipeline.</summary>
    private static int Fault(TextWriter error, Exception e)
    {
        error.WriteLine($"error: buildkite-dsl failed unexpectedly: {e.GetType().FullName}: {e.Message}");
        return ExitCodes.ProblemFound;
    }
}
