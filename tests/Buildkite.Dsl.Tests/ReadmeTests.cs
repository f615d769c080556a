using System.Text.RegularExpressions;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests;

/// <summary>The README's example compiles, runs and prints a pipeline Buildkite's schema accepts.</summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"## Writing a pipeline\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static string Example()
    {
        var readme = File.ReadAllText(Path.Combine(Golden.ProjectDirectory, "..", "..", "README.md"));
        var match = ExampleBlock().Match(readme);
        match.Success.Should().BeTrue("README.md has a C# example under 'Writing a pipeline'");
        return match.Groups["code"].Value;
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
