using Buildkite.Dsl.Plugins;
using PluginConsumer;

namespace Buildkite.Dsl.Generators.Tests;

/// <summary>samples/PluginConsumer adds its own plugin.yml as AdditionalFiles; the generator runs at its build.</summary>
public class SampleConsumerTests
{
    [Fact]
    public void The_sample_pipeline_uses_the_binding_generated_from_its_own_plugin_yml()
    {
        // When
        var yaml = SamplePipeline.Create().ToYaml();

        // Then
        yaml.Should().Be("""
            steps:
            - label: ':wave: Greet'
              command: make greet
              plugins:
              - my-org/hello#v1.2.0:
                  greeting: howdy
                  names:
                  - Ada
                  - Grace
                  repeat: 2
              - docker#v5.13.0:
                  image: alpine:3.20

            """);
    }

    [Fact]
    public void The_generated_binding_checks_the_rules_of_its_schema_and_overlay()
    {
        // Given
        var hello = new HelloPlugin { Names = new string[] { "Ada", "" }, Repeat = 0 };

        // When
        var diagnostics = hello.Validate();

        // Then
        diagnostics.Select(d => (d.Code, d.Field)).Should().BeEquivalentTo([("BKD404", "names[1]"), ("BKD403", "repeat")]);
    }
}
