using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class LibraryWarmUpTests
{
    [Fact]
    public void The_warm_up_pipeline_is_valid_and_goes_through_plugins_conditions_and_groups()
    {
        // When
        var yaml = LibraryWarmUp.WriteSample();

        // Then
        var diagnostics = Pipeline.FromYaml(yaml).Validate();
        diagnostics.Should().BeEmpty();
        yaml.Should().Contain("docker#").And.Contain("example/example#v1.0.0").And.Contain("if: build.branch == \"main\"")
            .And.Contain("group: More").And.Contain("depends_on:");
    }
}
