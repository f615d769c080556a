using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// The garbage collector settings the published runner gives a pipeline script (Buildkite.Dsl.Cli.csproj): a large
/// pipeline's text stays in the young generation, and freed memory is kept. Read from the running script, so they are
/// the settings the runtime applied, not just what the project file asks for.
/// </summary>
[Collection(PublishedCliTests.Name)]
public sealed class CollectorSettingsTests(PublishedCli cli) : IDisposable
{
    private static readonly string DotNetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_script_runs_with_a_young_generation_that_holds_the_text_of_a_5000_step_pipeline()
    {
        // Given: the YAML of bench/compare.sh's 5,000 steps is 1.41 million characters, 2.8 MB as a string.
        var script = _folder.Write(
            "settings.csx",
            """
            var settings = GC.GetConfigurationVariables();
            Console.WriteLine($"{settings["LOHThreshold"]} {settings["RetainVM"]} {settings["ConcurrentGC"]} {settings["ServerGC"]}");
            """);
        var environment = new Dictionary<string, string?> { ["DOTNET_ROOT"] = DotNetRoot, ["BUILDKITE_DSL_CACHE"] = Path.Combine(_folder.Path, "cache") };

        // When
        var result = await ProcessRun.RunAsync(cli.Executable, ["run", script], _folder.Path, environment);

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        var values = result.Output.Trim().Split(' ');
        long.Parse(values[0], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(2 * 1_411_098 + 64, "a string of that pipeline must stay below the large object heap's threshold");
        values[1..].Should().Equal(["True", "False", "False"], "freed memory is kept; no background or server collector to start");
    }
}
