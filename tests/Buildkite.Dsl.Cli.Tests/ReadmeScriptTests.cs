using System.Text.RegularExpressions;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests;

/// <summary>
/// The script in README.md is samples/QuickStart/pipeline.csx and the tool's package README shows it; it runs
/// and prints samples/QuickStart/expected.yml (what CI compares the installed tool's output with). Every
/// version the READMEs name is the version the repository builds.
/// </summary>
public partial class ReadmeScriptTests
{
    private static readonly string Version = PackageResolver.DslVersion;

    private static string RepositoryFile(params string[] parts) => File.ReadAllText(Path.Combine([RepositoryRoot.Path, .. parts]));

    [GeneratedRegex(@"```csharp\n(?<code>#r ""nuget: Buildkite\.Dsl, [^""]+""\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex(@"(?:--version |nuget: (?:Buildkite\.Dsl|Scion\.Pipeline), )(?<version>\d+\.\d+\.\d+[^\s""`]*)")]
    private static partial Regex NamedVersion();

    [Fact]
    public void The_readme_script_is_the_quick_start_sample()
    {
        // When
        var readme = ScriptBlock().Match(RepositoryFile("README.md")).Groups["code"].Value;

        // Then
        readme.Should().Be(RepositoryFile("samples", "QuickStart", "pipeline.csx"));
    }

    [Fact]
    public void The_tool_package_readme_shows_the_quick_start_sample()
    {
        // When
        var package = ScriptBlock().Match(RepositoryFile("src", "Buildkite.Dsl.Cli", "PACKAGE.md")).Groups["code"].Value;

        // Then
        package.Should().Be(RepositoryFile("samples", "QuickStart", "pipeline.csx"));
    }

    [Fact]
    public async Task The_quick_start_sample_prints_the_expected_pipeline()
    {
        // Given
        var script = Path.Combine(RepositoryRoot.Path, "samples", "QuickStart", "pipeline.csx");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be(RepositoryFile("samples", "QuickStart", "expected.yml"));
        PipelineSchema.ShouldAcceptYaml(result.Output);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/Buildkite.Dsl/PACKAGE.md")]
    [InlineData("src/Buildkite.Dsl.Cli/PACKAGE.md")]
    [InlineData("src/Scion.Pipeline/PACKAGE.md")]
    [InlineData("samples/QuickStart/pipeline.csx")]
    public void Every_install_command_and_package_reference_names_the_built_version(string file)
    {
        // When
        var named = NamedVersion().Matches(RepositoryFile(file.Split('/'))).Select(m => m.Groups["version"].Value).ToList();

        // Then
        named.Should().NotBeEmpty().And.OnlyContain(v => v == Version, $"{file} must name the version in Directory.Build.props ({Version})");
    }
}
