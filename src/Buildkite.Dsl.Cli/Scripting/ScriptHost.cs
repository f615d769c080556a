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
internal static class ScriptHost
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    /// <summary>
    /// Runs the script with <see cref="Console.Out"/> going to <paramref name="output"/> and
    /// <see cref="Console.Error"/> to <paramref name="error"/>, and puts the console back afterwards.
    /// </summary>
    public static ScriptOutcome Run(
        CompiledScript script,
        IReadOnlyDictionary<string, string> assemblies,
        ScriptGlobals globals,
        TextWriter output,
        TextWriter error,
        ConsoleWriters? restore = null)
    {
        var context = new ScriptLoadContext(assemblies);
        using var image = new MemoryStream(script.Image, writable: false);
        var assembly = context.LoadFromStream(image);
        var factory = FactoryOf(assembly, script);

        // The console is process-wide: one script at a time.
        ConsoleLock.Wait();
        // The console is put back as it was; a caller that never set it up says what to put back instead, so that
        // the console's encoding set-up (see StandardStreams) is not paid just to be restored.
        var (originalOutput, originalError) = restore is null ? (Console.Out, Console.Error) : (restore.Output, restore.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            // Slot 0 holds the globals; the factory fills slot 1 with the submission itself.
            object?[] submissions = [globals, null];
            // The script's body is async (it may await); waiting on it blocks this thread, which has nothing else to do.
            var task = (Task<object>)factory.Invoke(null, [submissions])!;
            return new ScriptOutcome(task.GetAwaiter().GetResult(), null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return new ScriptOutcome(null, e.InnerException);
        }
        catch (Exception e)
        {
            return new ScriptOutcome(null, e);
        }
        finally
        {
            Console.Out.Flush();
            Console.SetOut(originalOutput);
            Console.SetError(originalError);
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
}
