using Buildkite.Dsl.Generators.Tests.Support;

namespace Buildkite.Dsl.Generators.Tests;

public class BundledBindingsTests
{
    [Fact]
    public void Every_bundled_plugin_definition_generates_without_errors()
    {
        // When
        var result = Bundled.Generate();

        // Then
        result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        result.Files.Should().HaveCount(15);
    }

    [Fact]
    public void Regenerated_bindings_equal_the_committed_g_cs_files()
    {
        // Given
        var result = Bundled.Generate();

        // When
        var committed = Directory.GetFiles(Repository.Bindings, "*.g.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();

        // Then
        foreach (var file in result.Files)
        {
            Golden.Match(Path.Combine(Repository.Bindings, file.HintName), file.Source);
        }

        committed.Should().BeEquivalentTo(result.Files.Select(f => f.HintName), "every committed binding must come from a definition");
    }
}
