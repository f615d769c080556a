using System.Runtime.CompilerServices;

namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>
/// Points the runner's cache (<c>BUILDKITE_DSL_CACHE</c>) at a temporary folder for the whole test run, so that
/// in-process runs never read or fill the user's own cache.
/// </summary>
internal static class TestCache
{
    public static string Folder { get; } = Directory.CreateTempSubdirectory("buildkite-dsl-test-cache-").FullName;

    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", Folder);
}
