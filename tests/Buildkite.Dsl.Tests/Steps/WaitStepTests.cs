using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class WaitStepTests
{
    public static TheoryData<string> Attributes() => AttributeSamples.Properties<WaitStep>();

    private static string KeyOf(string property) => property == nameof(WaitStep.Label) ? "wait" : AttributeSamples.SnakeCase(property);

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new WaitStep(), property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal(property == nameof(WaitStep.Label) ? ["wait"] : ["wait", KeyOf(property)]);
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: the label is the value of wait (label and name are its aliases); id and identifier alias key.
        var schema = PipelineSchema.PropertiesOf("waitStep").Except(["id", "identifier", "name", "label", "type"]);

        // When
        var modelled = AttributeSamples.PropertyNames<WaitStep>().Select(KeyOf);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Wait_without_attributes_is_the_string_wait()
    {
        // Given
        var pipeline = new Pipeline { Steps = [Step.Wait, new WaitStep()] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- wait\n- wait\n");
    }

    [Fact]
    public void Wait_with_attributes_but_no_label_writes_wait_as_null()
    {
        // Given
        var step = new WaitStep { ContinueOnFailure = true };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be("steps:\n- wait: ~\n  continue_on_failure: true\n");
    }

    [Fact]
    public void Wait_with_a_label_writes_it_as_the_value_of_wait()
    {
        // Given
        var step = new WaitStep { Label = "Tests passed", Key = "tests-passed" };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be("steps:\n- wait: Tests passed\n  key: tests-passed\n");
    }

    [Fact]
    public void Extra_attributes_are_written_last()
    {
        // Given
        var step = new WaitStep { Extra = new Dictionary<string, JsonNode?> { ["x-note"] = "n" }, Key = "w" };

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal("wait", "key", "x-note");
    }
}
