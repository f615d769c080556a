using System.Globalization;
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
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Runs a script that prints the collector's setting <paramref name="name"/>, and returns what it printed.</summary>
    private async Task<string> SettingAsync(string name)
    {
        var script = _folder.Write("setting.csx", $"Console.Write(GC.GetConfigurationVariables()[\"{name}\"]);\n");
        var environment = new Dictionary<string, string?> { ["DOTNET_ROOT"] = PublishedCli.DotNetRoot, ["BUILDKITE_DSL_CACHE"] = Path.Combine(_folder.Path, "cache") };
        var result = await ProcessRun.RunAsync(cli.Executable, ["run", script], _folder.Path, environment);
        result.ExitCode.Should().Be(0, result.Error);
        return result.Output;
    }

    [Fact]
    public async Task The_text_of_a_5000_step_pipeline_stays_below_the_large_object_heap_threshold()
    {
        // Given: the YAML of bench/compare.sh's 5,000 steps is 1,411,098 characters, 2.8 MB as a string.
        const long TextOf5000Steps = (2 * 1_411_098) + 64;

        // When
        var threshold = await SettingAsync("LOHThreshold");

        // Then
        long.Parse(threshold, CultureInfo.InvariantCulture).Should().BeGreaterThan(TextOf5000Steps);
    }

    [Fact]
    public async Task Freed_memory_is_kept_for_reuse()
    {
        // When
        var retainVm = await SettingAsync("RetainVM");

        // Then
        retainVm.Should().Be("True");
    }
}
