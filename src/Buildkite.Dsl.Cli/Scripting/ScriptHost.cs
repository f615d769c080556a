using System.Globalization;
using System.Reflection;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>How a script run ended: its return value, or the exception it threw.</summary>
/// <param name="ReturnValue">The value of a top-level <c>return</c>, or <see langword="null"/>.</param>
/// <param name="Exception">The exception that ended the script, or <see langword="null"/>.</param>
internal sealed record ScriptOutcome(object? ReturnValue, Exception? Exception);

/// <summary>
/// Runs a compiled script: loads its image into a <see cref="ScriptLoadContext"/> and calls the factory
/// method of its submission class, with <see cref="ScriptGlobals"/> in the first slot of the submission
/// array. Uses no compiler types, so running a cached script never loads Roslyn.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The script runs on a thread of its own, so that a script that never returns can be left behind when
/// the run is cancelled (<c>--timeout</c>). Such a script keeps writing into a sink: the console is never
/// handed back to it.</item>
/// <item>A script that ends the process with <see cref="Environment.Exit(int)"/> does not finish: what it wrote
/// stays held back, the process exits with <see cref="ExitCodes.ProblemFound"/> whatever code it gave, and
/// standard error says why.</item>
/// </list>
/// </remarks>
internal static class ScriptHost
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    /// <summary>The standard error of the script that runs now, for the process-exit handler; null between runs.</summary>
    private static volatile TextWriter? _runningScriptError;

    static ScriptHost() => AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

    /// <summary>
    /// Runs the script with <see cref="Console.Out"/> going to <paramref name="output"/> and
    /// <see cref="Console.Error"/> to <paramref name="error"/>, and puts the console back afterwards.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static async Task<ScriptOutcome> RunAsync(
        CompiledScript script,
        IReadOnlyDictionary<string, string> assemblies,
        ScriptGlobals globals,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var context = new ScriptLoadContext(assemblies);
        using var image = new MemoryStream(script.Image, writable: false);
        var assembly = context.LoadFromStream(image);
        var factory = assembly.GetType(script.EntryTypeName, throwOnError: true)!
            .GetMethod(script.EntryMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(script.EntryTypeName, script.EntryMethodName);

        // The console is process-wide: one script at a time.
        await ConsoleLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var (originalOutput, originalError) = (Console.Out, Console.Error);
        var finished = false;
        Console.SetOut(output);
        Console.SetError(error);
        _runningScriptError = error;
        try
        {
            // Slot 0 holds the globals; the factory fills slot 1 with the submission itself.
            object?[] submissions = [globals, null];
            var run = Task.Factory.StartNew(
                () => (Task<object>)factory.Invoke(null, [submissions])!,
                CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default).Unwrap();
            try
            {
                await run.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!run.IsCompleted)
            {
                throw;
            }
            catch (Exception)
            {
                // The script's own failure: read from the task below.
            }

            finished = true;
            return run.IsCompletedSuccessfully
                ? new ScriptOutcome(run.Result, null)
                : new ScriptOutcome(null, Unwrap(run.Exception) ?? new OperationCanceledException("The script was cancelled."));
        }
        finally
        {
            _runningScriptError = null;
            if (finished)
            {
                await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                Console.SetOut(originalOutput);
                Console.SetError(originalError);
            }
            else
            {
                // Left behind (cancelled): whatever the script still writes goes nowhere.
                Console.SetOut(TextWriter.Null);
                Console.SetError(TextWriter.Null);
            }

            ConsoleLock.Release();
        }
    }

    private static Exception? Unwrap(Exception? exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    /// <summary>The script called <see cref="Environment.Exit(int)"/>: fail the run instead of ending it quietly.</summary>
    private static void OnProcessExit(object? sender, EventArgs e)
    {
        if (_runningScriptError is not { } error)
        {
            return;
        }

        var code = Environment.ExitCode;
        try
        {
            var help = code == 0
                ? "To end a script early, return from it (return;)."
                : string.Create(CultureInfo.InvariantCulture, $"Return the exit code from the script instead (return {code};), or throw.");
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"error: the script ended the process with Environment.Exit({code}) before it finished; what it wrote to standard output was held back. {help}"));
            error.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Standard error is gone; the exit code still tells.
        }

        Environment.ExitCode = ExitCodes.ProblemFound;
    }
}
