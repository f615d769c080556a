namespace Buildkite.Dsl.Generators.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding Dsl.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The plugin.yml copies and overlays the bundled bindings are generated from.</summary>
    public static string Definitions => Path.Combine(Root, "src", "Buildkite.Dsl", "Plugins", "Definitions");

    /// <summary>The committed bundled bindings.</summary>
    public static string Bindings => Path.Combine(Root, "src", "Buildkite.Dsl", "Plugins", "Bindings");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dsl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dsl.sln not found above " + AppContext.BaseDirectory);
    }
}
