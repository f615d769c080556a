using System.Text.RegularExpressions;
using Buildkite.Dsl.Cli.Scripting;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests;

public partial class PipelineScriptFileTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "pipeline.csx"));

    [Fact]
    public void Pipeline_csx_references_scion_pipeline_at_the_version_the_repository_builds()
    {
        // Given
        var built = PackageResolver.PackageVersionOf(typeof(Scion.Pipeline.ScionPipeline).Assembly.Location);

        // When
        var referenced = ScionReference().Match(Script).Groups["version"].Value;

        // Then
        referenced.Should().Be(built, "pipeline.csx must name the version in Directory.Build.props (VersionPrefix)");
    }

    [Fact]
    public void Pipeline_csx_stays_short()
    {
        // When
        var lines = Script.TrimEnd('\n').Split('\n');

        // Then
        lines.Should().HaveCountLessThanOrEqualTo(20);
    }

    [GeneratedRegex("""^#r "nuget: Scion\.Pipeline, (?<version>[^"]+)"$""", RegexOptions.Multiline)]
    private static partial Regex ScionReference();
}
