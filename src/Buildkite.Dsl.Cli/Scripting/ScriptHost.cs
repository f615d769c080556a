using System.Globalization;
using System.Reflection;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>Writers to give the console back after a script run.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record ConsoleWriters(TextWriter Output, TextWriter Error);

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
/// <item>Synchronous, like <see cref="ScriptRunner"/>: the caller's thread waits on an event, not on a task.</item>
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
    /// <param name="script">The compiled script.</param>
    /// <param name="assemblies">The assemblies the script may load, by simple name.</param>
    /// <param name="globals">The script's globals (<c>Args</c>).</param>
    /// <param name="output">What the script writes to standard output.</param>
    /// <param name="error">What the script writes to standard error.</param>
    /// <param name="restore">
    /// What to give the console back afterwards; <see langword="null"/> to give back what it had. A caller that never
    /// set the console up says what to put back, so that the console's encoding set-up (see
    /// <see cref="StandardStreams"/>) is not paid just to be restored.
    /// </param>
    /// <param name="timeout">
    /// How long to wait for the script (then it is left behind, writing into a sink); <see langword="null"/> to wait for
    /// as long as it takes.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the script, as <paramref name="timeout"/> does.</param>
    /// <exception cref="TimeoutException">The script did not end within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static ScriptOutcome Run(
        CompiledScript script,
        IReadOnlyDictionary<string, string> assemblies,
        ScriptGlobals globals,
        TextWriter output,
        TextWriter error,
        ConsoleWriters? restore = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var context = new ScriptLoadContext(assemblies);
        using var image = new MemoryStream(script.Image, writable: false);
        var assembly = context.LoadFromStream(image);
        var factory = FactoryOf(assembly, script);

        // The console is process-wide: one script at a time.
        ConsoleLock.Wait(cancellationToken);
        var (originalOutput, originalError) = restore is null ? (Console.Out, Console.Error) : (restore.Output, restore.Error);
        var finished = false;
        Console.SetOut(output);
        Console.SetError(error);
        _runningScriptError = error;
        try
        {
            var run = new ScriptThread(factory, globals);
            run.Start();
            if (!run.Done.Wait(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken))
            {
                throw new TimeoutException("The script did not end in time.");
            }

            finished = true;
            return run.Outcome!;
        }
        finally
        {
            _runningScriptError = null;
            if (finished)
            {
                Console.Out.Flush();
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

    /// <summary>The factory method, found by its token and checked by its names.</summary>
    private static MethodBase FactoryOf(Assembly assembly, CompiledScript script)
    {
        MethodBase? method;
        try
        {
            method = assembly.ManifestModule.ResolveMethod(script.EntryMethodToken);
        }
        catch (ArgumentException)
        {
            method = null;
        }

        return method is { IsStatic: true } && method.Name == script.EntryMethodName && method.DeclaringType?.FullName == script.EntryTypeName
            ? method
            : throw new MissingMethodException(script.EntryTypeName, script.EntryMethodName);
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

    /// <summary>The script's own background thread; <see cref="Done"/> is set once <see cref="Outcome"/> is known.</summary>
    private sealed class ScriptThread(MethodBase factory, ScriptGlobals globals)
    {
        public ManualResetEventSlim Done { get; } = new();

        public ScriptOutcome? Outcome { get; private set; }

        public void Start() => new Thread(Run) { IsBackground = true, Name = "pipeline script" }.Start();

        private void Run()
        {
            try
            {
                // Slot 0 holds the globals; the factory fills slot 1 with the submission itself.
                object?[] submissions = [globals, null];
                // The script's body is async (it may await); waiting on it blocks this thread, which has nothing else to do.
                var task = (Task<object>)factory.Invoke(null, [submissions])!;
                Outcome = new ScriptOutcome(task.GetAwaiter().GetResult(), null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                Outcome = new ScriptOutcome(null, e.InnerException);
            }
            catch (Exception e)
            {
                Outcome = new ScriptOutcome(null, e);
            }
            finally
            {
                Done.Set();
            }
        }
    }
}
