namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>The assemblies of the shared framework the runner runs on (Microsoft.NETCore.App).</summary>
internal static class FrameworkAssemblies
{
    private static readonly Lazy<IReadOnlyList<string>> LazyPaths = new(() =>
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. trusted.Where(p => string.Equals(Path.GetDirectoryName(p), directory, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    });

    private static readonly Lazy<HashSet<string>> LazyNames = new(() =>
        new HashSet<string>(LazyPaths.Value.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase));

    /// <summary>The framework's assembly files, in a stable order.</summary>
    public static IReadOnlyList<string> Paths => LazyPaths.Value;

    /// <summary>Whether the framework has an assembly of this simple name.</summary>
    public static bool Contains(string name) => LazyNames.Value.Contains(name);
}
