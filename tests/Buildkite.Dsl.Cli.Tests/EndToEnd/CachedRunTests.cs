using Buildkite.Dsl.Cli.Tests.Support;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// The published runner and its cache of compiled scripts: a cached run of <c>pipeline.csx</c> prints the same
/// pipeline without loading the compiler (Roslyn), which the hidden <c>BUILDKITE_DSL_TRACE</c> shows by listing
/// every assembly the process loaded.
/// </summary>
[Collection(PublishedCliTests.Name)]
public sealed class CachedRunTests(PublishedCli cli) : IDisposable
{
    private static readonly string PipelineScript = Path.Combine(RepositoryRoot.Path, "pipeline.csx");

    private readonly ScriptFolder _cache = new();

    public void Dispose() => _cache.Dispose();

    private Task<CliResult> RunAsync(ScionCheckout checkout, params string[] arguments)
    {
        var environment = checkout.Environment(
            ("BUILDKITE_PIPELINE_SLUG", "scion"),
            ("SCION_TEST_TARGETS_FILE", Path.Combine(RepositoryRoot.Path, "samples", "integration-targets.txt")));
        environment["DOTNET_ROOT"] = PublishedCli.DotNetRoot;
        environment["BUILDKITE_DSL_CACHE"] = _cache.Path;
        environment["BUILDKITE_DSL_TRACE"] = "1";
        return ProcessRun.RunAsync(cli.Executable, arguments, checkout.Path, environment);
    }

    private static IEnumerable<string> Loaded(CliResult result) =>
        result.Error.Split('\n').Where(line => line.StartsWith("trace: loaded ", StringComparison.Ordinal)).Select(line => line["trace: loaded ".Length..]);

    [Fact]
    public async Task A_cached_run_prints_the_same_pipeline_without_loading_the_compiler()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        var first = await RunAsync(checkout, "run", PipelineScript);

        // When
        var second = await RunAsync(checkout, "run", PipelineScript);

        // Then
        first.ExitCode.Should().Be(0, first.Error);
        Loaded(first).Should().Contain("Microsoft.CodeAnalysis.CSharp", "the first run compiles the script");
        second.ExitCode.Should().Be(0, second.Error);
        second.Error.Should().Contain("compiled script from the cache");
        Loaded(second).Should().Contain("Scion.Pipeline").And.NotContain(name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Loaded(second).Should().NotContain(
            ["System.CommandLine", "System.Text.RegularExpressions", "System.IO.Hashing", "System.Runtime.Numerics", "YamlDotNet"],
            "a cached run of `run <script>` skips the command-line parser and needs neither regexes, big integers, a hashing library nor the YAML parser");
        second.Output.Should().Be(first.Output);
        PipelineSchema.ShouldAcceptYaml(second.Output);
    }

    [Fact]
    public async Task A_cached_run_of_a_script_whose_packages_ship_with_the_runner_does_not_resolve_them_again()
    {
        // Given: pipeline.csx references Scion.Pipeline, which ships with the runner.
        using var checkout = await ScionCheckout.CreateAsync();
        var first = await RunAsync(checkout, "run", PipelineScript);

        // When
        var second = await RunAsync(checkout, "run", PipelineScript);

        // Then
        first.Error.Should().Contain("trace: ").And.Contain("packages resolved");
        second.ExitCode.Should().Be(0, second.Error);
        second.Error.Should().Contain("versions not checked again").And.NotContain("packages resolved");
        second.Output.Should().Be(first.Output);
    }

    [Fact]
    public async Task Cache_info_and_clear_work_on_the_published_runner()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        await RunAsync(checkout, "run", PipelineScript);

        // When
        var info = await RunAsync(checkout, "cache", "info");
        var clear = await RunAsync(checkout, "cache", "clear");
        var after = await RunAsync(checkout, "cache", "info");

        // Then
        info.ExitCode.Should().Be(0);
        info.Output.Should().StartWith($"location: {_cache.Path}\ncompiled scripts: 1 entry, ");
        clear.ExitCode.Should().Be(0);
        clear.Output.Should().StartWith("Removed 1 compiled script");
        after.Output.Should().Contain("compiled scripts: 0 entries, 0 B");
    }
}
