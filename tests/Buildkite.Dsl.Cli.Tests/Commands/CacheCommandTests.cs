using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

public sealed class CacheCommandTests : IDisposable
{
    private readonly ScriptFolder _cache = new();
    private readonly string? _previousCache = Environment.GetEnvironmentVariable("BUILDKITE_DSL_CACHE");

    public CacheCommandTests() => Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _cache.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _previousCache);
        _cache.Dispose();
    }

    [Fact]
    public async Task Info_prints_the_location_and_the_entries()
    {
        // Given
        using var folder = new ScriptFolder();
        await InProcess.RunAsync("run", folder.Write("a.csx", "Console.Write(1);\n"));
        await InProcess.RunAsync("run", folder.Write("b.csx", "Console.Write(2);\n"));

        // When
        var result = await InProcess.RunAsync("cache", "info");

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        result.Output.Should().StartWith($"location: {_cache.Path}\ncompiled scripts: 2 entries, ")
            .And.Contain("package restores: 0 entries, 0 B");
    }

    [Fact]
    public async Task Info_of_an_empty_cache_says_so()
    {
        // When
        var result = await InProcess.RunAsync("cache", "info");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be($"location: {_cache.Path}\ncompiled scripts: 0 entries, 0 B\npackage restores: 0 entries, 0 B\n");
    }

    [Fact]
    public async Task Clear_removes_the_entries_and_the_next_run_compiles_again()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("a.csx", "Console.Write(1);\n");
        await InProcess.RunAsync("run", script);

        // When
        var result = await InProcess.RunAsync("cache", "clear");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be($"Removed 1 compiled script and 0 package restores from {_cache.Path}.\n");
        Directory.GetFiles(Path.Combine(_cache.Path, "scripts")).Should().BeEmpty();
        var again = await InProcess.RunAsync("run", script);
        again.Output.Should().Be("1");
        Directory.GetFiles(Path.Combine(_cache.Path, "scripts")).Should().ContainSingle();
    }
}
