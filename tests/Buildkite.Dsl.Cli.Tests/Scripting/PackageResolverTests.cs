using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class PackageResolverTests : IDisposable
{
    private readonly ScriptFolder _cache = new();
    private readonly string? _previousCache = Environment.GetEnvironmentVariable("BUILDKITE_DSL_CACHE");

    public PackageResolverTests() => Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _cache.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _previousCache);
        _cache.Dispose();
    }

    [Fact]
    public async Task A_package_that_does_not_ship_with_the_runner_is_restored_once_with_output_on_stderr()
    {
        // Given: JsonSchema.Net and its dependencies, which the solution's tests use (so they are in the global
        // packages folder already and no feed is asked).
        using var folder = new ScriptFolder();
        var script = folder.Write("package.csx", """
            #r "nuget: JsonSchema.Net, 8.0.5"
            var schema = Json.Schema.JsonSchema.FromText("{\"type\": \"object\"}");
            Console.Write(schema.Evaluate(System.Text.Json.JsonDocument.Parse("{}").RootElement).IsValid);
            """);

        // When
        var first = await InProcess.RunAsync("run", script);
        var second = await InProcess.RunAsync("run", script);

        // Then
        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Be("True");
        first.Error.Should().StartWith("Restoring JsonSchema.Net 8.0.5 ...");
        second.Output.Should().Be("True");
        second.Error.Should().BeEmpty("the restore result is kept in the cache folder");
        Directory.GetFiles(_cache.Path, "project.assets.json", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task A_truncated_restore_result_in_the_cache_is_detected_and_restored_again()
    {
        // Given: a restore result in the cache, cut in half
        using var folder = new ScriptFolder();
        var script = folder.Write("package.csx", "#r \"nuget: JsonSchema.Net, 8.0.5\"\nConsole.Write(Json.Schema.JsonSchema.FromText(\"{}\") is not null);\n");
        (await InProcess.RunAsync("run", script)).ExitCode.Should().Be(0);
        var assets = Directory.GetFiles(_cache.Path, "project.assets.json", SearchOption.AllDirectories).Single();
        var text = await File.ReadAllTextAsync(assets);
        await File.WriteAllTextAsync(assets, text[..(text.Length / 2)]);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Be("True");
        result.Error.Should().StartWith("Restoring JsonSchema.Net 8.0.5 ...").And.NotContain("   at ");
        (await File.ReadAllTextAsync(assets)).Should().Be(text);
    }

    [Fact]
    public async Task A_package_that_cannot_be_restored_fails_at_the_directive_with_nothing_on_stdout()
    {
        // Given: a local-only feed, so that the missing package is not looked for on the network.
        using var folder = new ScriptFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "feed"));
        folder.Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="feed" />
              </packageSources>
            </configuration>
            """);
        var script = folder.Write("missing.csx", "#r \"nuget: No.Such.Package.For.Tests, 9.9.9\"\nConsole.Write(1);\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"{script}(1,1): error: No.Such.Package.For.Tests 9.9.9 could not be restored")
            .And.Contain("NU1101");
    }
}
