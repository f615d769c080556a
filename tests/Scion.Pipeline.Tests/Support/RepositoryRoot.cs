namespace Scion.Pipeline.Tests.Support;

/// <summary>The checkout the tests run in, found by walking up to <c>Dsl.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Dsl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Dsl.sln above {AppContext.BaseDirectory}.");
    }
}
