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
internal static class ScriptRunner
{
    public static async Task<int> RunAsync(ScriptRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            return await RunCoreAsync(request, output, error, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(
                $"error: {DisplayPath.Of(Path.GetFullPath(request.ScriptPath))} did not finish within {DescribeDuration(request.Timeout)} (--timeout); it was stopped and nothing was printed.")
                .ConfigureAwait(false);
            return ExitCodes.ProblemFound;
        }
        finally
        {
            RunnerTrace.WriteLoadedAssemblies(error);
        }
    }

    private static async Task<int> RunCoreAsync(ScriptRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        RunnerTrace.Write(error, "run");
        var scriptPath = Path.GetFullPath(request.ScriptPath);

        // The script file first on its own: too large, not text, not UTF-8 or empty is said plainly, before
        // anything else reads it.
        var input = InputText.Read(request.ScriptPath, "the script");
        if (input.Text is not { } code)
        {
            await error.WriteLineAsync(input.Error).ConfigureAwait(false);
            return ExitCodes.UsageOrIOError;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            await error.WriteLineAsync($"error: the script '{request.ScriptPath}' is empty; there is nothing to run.").ConfigureAwait(false);
            return ExitCodes.ProblemFound;
        }

        ScriptDirectiveSet directives;
        try
        {
            directives = ScriptDirectives.Read(scriptPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read the script '{request.ScriptPath}': {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrIOError;
        }

        if (directives.Errors.Count > 0)
        {
            return await FailAsync(error, directives.Errors).ConfigureAwait(false);
        }

        var (references, resolveErrors, resolveExitCode) = await PackageResolver
            .ResolveAsync(directives.Packages, Path.GetDirectoryName(scriptPath)!, error, cancellationToken)
            .ConfigureAwait(false);
        if (references is null)
        {
            await FailAsync(error, resolveErrors).ConfigureAwait(false);
            return resolveExitCode;
        }

        RunnerTrace.Write(error, "packages resolved");
        IReadOnlyList<string> compileReferences = [.. references.CompileReferences, .. directives.Assemblies.Select(a => a.Path)];
        var (script, compileErrors) = LoadOrCompile(scriptPath, directives, compileReferences, error, cancellationToken);
        if (script is null)
        {
            return await FailAsync(error, compileErrors).ConfigureAwait(false);
        }

        var assemblies = new Dictionary<string, string>(references.RuntimeAssemblies, StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in directives.Assemblies)
        {
            assemblies.TryAdd(Path.GetFileNameWithoutExtension(assembly.Path), assembly.Path);
        }

        RunnerTrace.Write(error, "running the script");
        using var held = new StringWriter { NewLine = output.NewLine };
        var outcome = await ScriptHost.RunAsync(script, assemblies, new ScriptGlobals([.. request.Arguments]), held, error, cancellationToken)
            .ConfigureAwait(false);
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

            return await FailAsync(error, problems).ConfigureAwait(false);
        }

        RunnerTrace.Write(error, "the script ended");
        var pipeline = held.ToString();
        if (pipeline.Length == 0)
        {
            await error.WriteLineAsync($"warning: {DisplayPath.Of(scriptPath)} wrote nothing to standard output; there is no pipeline to upload.").ConfigureAwait(false);
        }

        await output.WriteAsync(pipeline).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
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
        CancellationToken cancellationToken)
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
        var compiled = ScriptCompiler.Compile(scriptPath, ScriptDirectives.Decode(directives.Sources[scriptPath]), directives.Sources, compileReferences, cancellationToken);
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

    private static async Task<int> FailAsync(TextWriter error, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
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
