using System.Globalization;
using System.Reflection;
using System.Text;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>What a compiled script depends on besides its own files: the runner, its Buildkite.Dsl and the runtime.</summary>
/// <param name="Runner">The runner assembly's module version id.</param>
/// <param name="Dsl">Buildkite.Dsl's module version id.</param>
/// <param name="Runtime">The runtime's version.</param>
/// <param name="Framework">The folder of the shared framework the runner runs on.</param>
internal sealed record RunnerIdentity(string Runner, string Dsl, string Runtime, string Framework)
{
    /// <summary>The identity of this process.</summary>
    public static RunnerIdentity Current { get; } = new(
        Identity(typeof(RunnerIdentity).Assembly),
        Identity(typeof(Pipeline).Assembly),
        Environment.Version.ToString(),
        Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty);

    // Hex of the bytes, not Guid.ToString: the framework's Guid formatter is vector code the JIT compiles at start-up.
    private static string Identity(Assembly assembly) => ContentHash.Hex(assembly.ManifestModule.ModuleVersionId.ToByteArray());
}

/// <summary>
/// The key of a compiled script in the <see cref="ScriptCache"/>: a hash of everything the compiled image
/// depends on, so that a changed input is a different key and a stale image is never run.
/// </summary>
/// <remarks>
/// The key covers:
/// <list type="bullet">
/// <item>the script and every file it <c>#load</c>s: full path (the image names it, for error lines) and content;</item>
/// <item>its <c>#r "nuget: …"</c> and <c>#r "path.dll"</c> directives;</item>
/// <item>the version of every assembly it compiles against besides the framework (restored packages, bundled
/// packages, <c>#r</c> paths): its path and module version id (<see cref="ModuleVersionId"/>), read from its headers;
/// the content of a file that is not a .NET assembly;</item>
/// <item>the runner and its Buildkite.Dsl (module version ids, which a deterministic build changes exactly when the
/// code changes; they also cover the compiler, its options and the script's imports);</item>
/// <item>the runtime (version and folder), which the framework references come from.</item>
/// </list>
/// Reading these costs well under a millisecond: no compiler, no metadata reader, no cryptography, and only the
/// headers of referenced assemblies (hashing their content would read megabytes on every run).
/// </remarks>
internal static class ScriptCacheKey
{
    /// <summary>Changes when the layout of the key or of a cache entry changes.</summary>
    private const string Format = "buildkite-dsl compiled script v2";

    /// <summary>
    /// Makes the key of a script, or returns <see langword="null"/> when an input cannot be read (a missing
    /// <c>#r</c> file), in which case the script is compiled without the cache and the compiler reports the problem.
    /// </summary>
    /// <param name="directives">The script's directives, with the bytes of every file read.</param>
    /// <param name="compileReferences">The assemblies it compiles against besides the framework and Buildkite.Dsl.</param>
    /// <param name="runner">The runner and runtime; <see cref="RunnerIdentity.Current"/> but in tests.</param>
    public static string? Create(ScriptDirectiveSet directives, IReadOnlyList<string> compileReferences, RunnerIdentity runner)
    {
        var text = new StringBuilder(1024);
        text.Append(Format).Append('\n');
        Append(text, "runner", runner.Runner);
        Append(text, "dsl", runner.Dsl);
        Append(text, "runtime", runner.Runtime, runner.Framework);
        foreach (var file in directives.Files)
        {
            if (!directives.Sources.TryGetValue(file, out var bytes))
            {
                return null;
            }

            Append(text, "source", file, ContentHash.Of(bytes));
        }

        foreach (var package in directives.Packages)
        {
            Append(text, "package", package.Id.ToUpperInvariant(), package.Version.ToUpperInvariant());
        }

        foreach (var assembly in directives.Assemblies)
        {
            Append(text, "assembly", assembly.Path);
        }

        foreach (var reference in compileReferences)
        {
            try
            {
                Append(text, "reference", reference, ModuleVersionId.TryRead(reference, out var mvid)
                    ? "mvid:" + ContentHash.Hex(mvid.ToByteArray())
                    : "content:" + ContentHash.Of(File.ReadAllBytes(reference)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return ContentHash.Of(text.ToString());
    }

    /// <summary>Appends one line; fields are separated by a character no path or version holds.</summary>
    private static void Append(StringBuilder text, string kind, string field, string? second = null)
    {
        text.Append(kind).Append('\0').Append(field);
        if (second is not null)
        {
            text.Append('\0').Append(second);
        }

        text.Append('\n');
    }
}
