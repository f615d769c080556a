using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Runs a pipeline script from start to end: reads its directives, resolves its packages, compiles it, runs
/// it, and prints what it wrote to standard output only when it succeeded. Everything else goes to standard
/// error, so that standard output can be piped into <c>buildkite-agent pipeline upload</c>.
/// </summary>
/// <remarks>
/// Synchronous on purpose: a cached run is the first step of every build, and every async method on its path costs
/// the JIT several methods per run (the state machines are value types of this assembly, which ReadyToRun code of
/// the framework's generic builders does not cover). Only a package restore, which starts <c>dotnet restore</c>,
/// waits on tasks.
/// </remarks>
internal static class ScriptRunner
{
    /// <param name="request">The script and its arguments.</param>
    /// <param name="output">Where the pipeline goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the run: a package restore, or waiting for the script.</param>
    /// <param name="consoleAfterRun">
    /// What the console is given back after the script ran; <see langword="null"/> to give back what it had.
    /// </param>
    public static int Run(ScriptRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken, ConsoleWriters? consoleAfterRun = null)
    {
        using var deadline = new RunDeadline(request.Timeout, cancellationToken);
        try
        {
            return RunCore(request, output, error, consoleAfterRun, deadline);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && deadline.HasPassed)
        {
            error.WriteLine(
                $"error: {DisplayPath.Of(Path.GetFullPath(request.ScriptPath))} did not finish within {DescribeDuration(request.Timeout)} (--timeout); it was stopped and nothing was printed.");
            return ExitCodes.ProblemFound;
        }
        finally
        {
            RunnerTrace.WriteLoadedAssemblies(error);
        }
    }

    private static int RunCore(ScriptRequest request, TextWriter output, TextWriter error, ConsoleWriters? consoleAfterRun, RunDeadline deadline)
    {
        RunnerTrace.Write(error, "run");
        var scriptPath = Path.GetFullPath(request.ScriptPath);

        // The script file first on its own: too large, not text, not UTF-8 or empty is said plainly, before
        // anything else reads it.
        var input = InputText.Read(request.ScriptPath, "the script");
        if (input.Text is not { } code)
        {
            error.WriteLine(input.Error);
            return ExitCodes.UsageOrIOError;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            error.WriteLine($"error: the script '{request.ScriptPath}' is empty; there is nothing to run.");
            return ExitCodes.ProblemFound;
        }

        ScriptDirectiveSet directives;
        try
        {
            directives = ScriptDirectives.Read(scriptPath, input.Bytes, code);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the script '{request.ScriptPath}': {e.Message}");
            return ExitCodes.UsageOrIOError;
        }

        if (directives.Errors.Count > 0)
        {
            return Fail(error, directives.Errors);
        }

        // A script whose packages all ship with the runner is looked up in the cache before their versions are checked.
        CompiledScript? script = null;
        var references = PackageResolver.UncheckedBundled(directives.Packages);
        if (references is not null)
        {
            script = TryReadCache(directives, CompileReferences(references, directives), error);
        }

        if (script is null || references is null)
        {
            var (resolved, resolveErrors, resolveExitCode) = PackageResolver
                .Resolve(directives.Packages, Path.GetDirectoryName(scriptPath)!, error, deadline);
            if (resolved is null)
            {
                Fail(error, resolveErrors);
                return resolveExitCode;
            }

            RunnerTrace.Write(error, "packages resolved");
            references = resolved;
            (script, var compileErrors) = LoadOrCompile(scriptPath, directives, CompileReferences(references, directives), error, deadline);
            if (script is null)
            {
                return Fail(error, compileErrors);
            }
        }

        var assemblies = new Dictionary<string, string>(references.RuntimeAssemblies, StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in directives.Assemblies)
        {
            assemblies.TryAdd(Path.GetFileNameWithoutExtension(assembly.Path), assembly.Path);
        }

        RunnerTrace.Write(error, "running the script");
        using var held = new StringWriter { NewLine = output.NewLine };
        var outcome = ScriptHost.Run(script, assemblies, new ScriptGlobals([.. request.Arguments]), held, error, consoleAfterRun, deadline.Remaining, deadline.CallerToken);
        var failure = outcome.Exception is { } exception
            ? Describe(exception, directives.Files)
            : outcome.ReturnValue is int returned && returned != 0 ? $"error: the script returned exit code {returned}." : null;
        if (failure is not null)
        {
            var problems = new List<string> { failure };
            if (held.GetStringBuilder().Length > 0)
            {
                problems.Add("note: what the script wrote to standard output was held back, because it failed.");
            }

            return Fail(error, problems);
        }

        RunnerTrace.Write(error, "the script ended");
        var pipeline = held.ToString();
        if (pipeline.Length == 0)
        {
            error.WriteLine($"warning: {DisplayPath.Of(scriptPath)} wrote nothing to standard output; there is no pipeline to upload.");
        }

        output.Write(pipeline);
        output.Flush();
        return ExitCodes.Success;
    }

    /// <summary>The assemblies the script compiles against: its packages', then its <c>#r "path.dll"</c> directives'.</summary>
    private static List<string> CompileReferences(ResolvedReferences references, ScriptDirectiveSet directives)
    {
        var compileReferences = new List<string>(references.CompileReferences.Count + directives.Assemblies.Count);
        compileReferences.AddRange(references.CompileReferences);
        foreach (var assembly in directives.Assemblies)
        {
            compileReferences.Add(assembly.Path);
        }

        return compileReferences;
    }

    /// <summary>The compiled script from the cache when an entry for its key is there and whole; else <see langword="null"/>, quietly.</summary>
    private static CompiledScript? TryReadCache(ScriptDirectiveSet directives, IReadOnlyList<string> compileReferences, TextWriter error)
    {
        var cache = ScriptCache.ForCurrentUser();
        if (ScriptCacheKey.Create(directives, compileReferences, RunnerIdentity.Current) is not { } key
            || cache.TryRead(key, out var cached) != CacheLookup.Hit)
        {
            return null;
        }

        RunnerTrace.Write(error, $"compiled script from the cache: {cache.PathOf(key)} (packages that ship with the runner: versions not checked again)");
        return cached;
    }

    /// <summary>
    /// Takes the compiled script from the cache when an entry for its key is there and whole; else compiles it and
    /// stores it. The compiler (Roslyn) is loaded only on the second path.
    /// </summary>
    private static (CompiledScript? Script, IReadOnlyList<string> Errors) LoadOrCompile(
        string scriptPath,
        ScriptDirectiveSet directives,
        IReadOnlyList<string> compileReferences,
        TextWriter error,
        RunDeadline deadline)
    {
        var cache = ScriptCache.ForCurrentUser();
        var key = ScriptCacheKey.Create(directives, compileReferences, RunnerIdentity.Current);
        if (key is not null)
        {
            switch (cache.TryRead(key, out var cached))
            {
                case CacheLookup.Hit:
                    RunnerTrace.Write(error, $"compiled script from the cache: {cache.PathOf(key)}");
                    return (cached, []);
                case CacheLookup.Damaged:
                    error.WriteLine($"warning: the cached compiled script {cache.PathOf(key)} is damaged; compiling the script again.");
                    break;
                default:
                    break;
            }
        }

        RunnerTrace.Write(error, key is null ? "compiling (an input cannot be read, so there is no cache key)" : "compiling (not in the cache)");
        var compiled = ScriptCompiler.Compile(scriptPath, ScriptDirectives.Decode(directives.Sources[scriptPath]), directives.Sources, compileReferences, deadline.Token);
        if (compiled.Script is null)
        {
            return (null, compiled.Errors);
        }

        if (key is not null && compiled.OtherSources.Count == 0)
        {
            try
            {
                cache.Write(key, scriptPath, compiled.Script);
                RunnerTrace.Write(error, $"stored in the cache: {cache.PathOf(key)}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"warning: cannot store the compiled script in the cache folder {cache.Folder}: {e.Message}");
            }
        }

        return (compiled.Script, []);
    }

    /// <summary>A timeout as people say it: "10 minutes", "90 seconds".</summary>
    internal static string DescribeDuration(TimeSpan timeout) =>
        timeout.TotalSeconds % 60 == 0 && timeout.TotalMinutes >= 1
            ? timeout.TotalMinutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMinutes:0} minutes")
            : timeout.TotalSeconds == 1 ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} seconds");

    private static int Fail(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        return ExitCodes.ProblemFound;
    }

    /// <summary>
    /// Describes an exception from the script by its message, at the script line that threw it when there is
    /// one; a failed pipeline check lists its diagnostics. No stack trace.
    /// </summary>
    internal static string Describe(Exception exception, IReadOnlyList<string> scriptFiles)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        if (exception is PipelineException)
        {
            return "error: " + exception.Message;
        }

        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() is { } file && scriptFiles.Contains(file, StringComparer.Ordinal));
        var location = frame is null ? string.Empty : $"{DisplayPath.Of(frame.GetFileName()!)}({frame.GetFileLineNumber()}): ";
        var message = string.IsNullOrWhiteSpace(exception.Message) ? exception.GetType().FullName : exception.Message;
        return $"{location}error: {message}";
    }
}
