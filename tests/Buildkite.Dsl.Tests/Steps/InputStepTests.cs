using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class InputStepTests
{
    public static TheoryData<string> Attributes() => AttributeSamples.Properties<InputStep>();

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new InputStep(), property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal(property == nameof(InputStep.Input) ? ["input"] : ["type", AttributeSamples.SnakeCase(property)]);
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: the label is the value of input (label and name are its aliases); id and identifier alias key.
        var schema = PipelineSchema.PropertiesOf("inputStep").Except(["id", "identifier", "name", "label", "type"]);

        // When
        var modelled = AttributeSamples.PropertyNames<InputStep>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Input_without_attributes_is_the_string_input()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new InputStep()] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- input\n");
    }

    // Issue #2: "input: ~" is invalid against the schema, which types input as a string.
    [Fact]
    public void Input_with_attributes_but_no_label_is_written_with_type_and_is_valid()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new InputStep { Key = "details", Fields = [new TextField { Key = "notes" }] }] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- type: input\n  key: details\n  fields:\n  - key: notes\n");
        PipelineSchema.ShouldAcceptYaml(yaml);
        Pipeline.FromYaml(yaml).Steps.Should().ContainSingle().Which.Should().BeOfType<InputStep>().Which.Input.Should().BeNull();
    }

    [Fact]
    public void Text_field_attributes_are_written_in_the_documented_order()
    {
        // Given
        var step = new InputStep { Input = "i", Fields = [new TextField { Required = true, Default = "d", Format = "[a-z]+", Hint = "h", Key = "k", Text = "t" }] };

        // When
        var field = (YamlDotNet.RepresentationModel.YamlMappingNode)IndependentYaml.Find(Written.Step(step), "fields/0");

        // Then
        field.Children.Keys.Select(k => k.ToString()).Should().Equal("text", "key", "hint", "format", "default", "required");
    }
}
