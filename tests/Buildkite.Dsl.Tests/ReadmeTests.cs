using System.Text.RegularExpressions;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests;

/// <summary>
/// The README's examples compile, run and print a pipeline Buildkite's schema accepts; the package README
/// (src/Buildkite.Dsl/PACKAGE.md) shows the same quick start.
/// </summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"## Writing a pipeline\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"## Quick start.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"```sh\s+dotnet add package Buildkite.Dsl[^`]*```\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PackageQuickStartBlock();

    private static string RepositoryFile(params string[] parts) =>
        File.ReadAllText(Path.Combine([Golden.ProjectDirectory, "..", "..", .. parts]));

    private static string Block(Regex block, string text, string what)
    {
        var match = block.Match(text);
        match.Success.Should().BeTrue(what);
        return match.Groups["code"].Value;
    }

    private static string Example() => Block(ExampleBlock(), RepositoryFile("README.md"), "README.md has a C# example under 'Writing a pipeline'");

    private static string QuickStart() => Block(QuickStartBlock(), RepositoryFile("README.md"), "README.md has a C# example under 'Quick start'");

    [Fact]
    public void Quick_start_example_prints_a_valid_pipeline()
    {
        // Given
        var code = QuickStart();

        // When
        var yaml = SnippetCompiler.Run(code);

        // Then
        Golden.Match(yaml, "Readme", "yml");
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void The_package_readme_shows_the_readmes_quick_start()
    {
        // Given
        var readme = QuickStart();

        // When
        var package = Block(PackageQuickStartBlock(), RepositoryFile("src", "Buildkite.Dsl", "PACKAGE.md"), "PACKAGE.md has a C# example after the install command");

        // Then
        package.Should().Be(readme);
    }

    [Fact]
    public void Writing_a_pipeline_example_compiles()
    {
        // Given
        var code = Example();

        // When
        var errors = SnippetCompiler.Errors(code);

        // Then
        errors.Should().BeEmpty();
    }

    [Fact]
    public void Writing_a_pipeline_example_prints_a_valid_pipeline()
    {
        // Given
        var code = Example();

        // When
        var yaml = SnippetCompiler.Run(code);

        // Then
        Golden.Match(yaml, "Readme", "yml");
        PipelineSchema.ShouldAcceptYaml(yaml);
    }
}
