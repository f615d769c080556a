using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.Loader;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// A hidden diagnostic: with <c>BUILDKITE_DSL_TRACE=1</c> the runner tells on standard error whether the compiled
/// script came from the cache and, at the end of a run, every assembly the process loaded. Tests use it to prove
/// that a cached run never loads the compiler; people can use it to see why a run is slow.
/// </summary>
internal static class RunnerTrace
{
    /// <summary>The variable that turns the trace on.</summary>
    public const string Variable = "BUILDKITE_DSL_TRACE";

    /// <summary>Whether the trace is on (read on every call, so that in-process tests can turn it on).</summary>
    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) is "1" or "true";

    /// <summary>Writes one trace line when the trace is on.</summary>
    public static void Write(TextWriter error, string message)
    {
        if (IsOn)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trace: {Elapsed():0.0} ms: {message}"));
        }
    }

    private static DateTime? _processStart;

    /// <summary>Milliseconds since the process started (asked of the system once: it costs a few milliseconds).</summary>
    private static double Elapsed()
    {
        if (_processStart is not { } start)
        {
            using var process = Process.GetCurrentProcess();
            start = process.StartTime.ToUniversalTime();
            _processStart = start;
        }

        return (DateTime.UtcNow - start).TotalMilliseconds;
    }

    /// <summary>Writes the simple name of every assembly loaded in any load context, sorted, when the trace is on.</summary>
    public static void WriteLoadedAssemblies(TextWriter error)
    {
        if (!IsOn)
        {
            return;
        }

        Write(error, string.Create(
            CultureInfo.InvariantCulture,
            $"end of run; {JitInfo.GetCompiledMethodCount()} methods compiled by the JIT in {JitInfo.GetCompilationTime().TotalMilliseconds:0.0} ms"));
        var names = AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies)
            .Select(assembly => assembly.GetName().Name ?? string.Empty)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            error.WriteLine("trace: loaded " + name);
        }
    }
}
