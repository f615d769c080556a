using Buildkite.Dsl.Cli.Tests.Support;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// <c>buildkite-dsl</c> as users get it: published once per test run into a temporary folder from the build the
/// tests run against (same configuration, no second build).
/// </summary>
public sealed class PublishedCli : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("buildkite-dsl-published-");

    /// <summary>
    /// The .NET installation the tests run on, for the published executable's <c>DOTNET_ROOT</c> (its apphost looks for
    /// the runtime there).
    /// </summary>
    public static string DotNetRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>The published executable.</summary>
    public string Executable => Path.Combine(_folder.FullName, OperatingSystem.IsWindows() ? "buildkite-dsl.exe" : "buildkite-dsl");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "Buildkite.Dsl.Cli", "Buildkite.Dsl.Cli.csproj");
        var result = await ProcessRun.RunAsync(
            "dotnet",
            ["publish", project, "-c", Configuration, "--no-build", "-o", _folder.FullName, "-nologo", "-v:q", "-nodeReuse:false"],
            RepositoryRoot.Path,
            new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        result.ExitCode.Should().Be(0, $"dotnet publish must succeed:\n{result.Output}\n{result.Error}");
        File.Exists(Executable).Should().BeTrue("dotnet publish -o DIR gives an executable DIR/buildkite-dsl");
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The end-to-end test classes share one published runner.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedCliTests : ICollectionFixture<PublishedCli>
{
    public const string Name = "Published buildkite-dsl";
}
