using System.CommandLine;
using Buildkite.Dsl.Cli.Commands;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli;

/// <summary>The entry point of <c>buildkite-dsl</c>: builds the root command from the command classes and runs it.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // Standard output is the pipeline's alone: its writer holds the real descriptor, and later writes to descriptor 1
        // (child processes, Console.OpenStandardOutput()) go to standard error (StrayOutput). Both streams are UTF-8
        // whatever the locale, without the console's encoding set-up; standard error is opened on first use
        // (StandardStreams). Every command gets the same two writers, so `run` behaves the same on both paths below.
        var output = StrayOutput.KeepStandardOutputForThePipeline(StandardStreams.Output());
        var error = StandardStreams.Error();
        RunnerTrace.Write(error, "main");
        try
        {
            // `run <script> [-- args]`, the first step of every build, skips the parser (RunCommand.TryParseFast).
            if (RunCommand.TryParseFast(args) is { } request)
            {
                return RunCommand.RunFast(request, output, error);
            }

            Console.SetOut(output);
            Console.SetError(error);
            return RunAsync(args, output, error).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fault(error, e);
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    /// <summary>Runs the command line with the given output and error writers (tests pass string writers).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Buildkite pipelines as typed C#: runs pipeline scripts and prints the pipeline for buildkite-agent pipeline upload; validates, imports, compares and draws pipelines.")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            ImportCommand.Create(),
            DiffCommand.Create(),
            GraphCommand.Create(),
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
