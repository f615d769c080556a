using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class BlockStepTests
{
    public static TheoryData<string> Attributes() => AttributeSamples.Properties<BlockStep>();

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new BlockStep(), property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal(property == nameof(BlockStep.Block) ? ["block"] : ["type", AttributeSamples.SnakeCase(property)]);
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: the label is the value of block (label and name are its aliases); id and identifier alias key.
        var schema = PipelineSchema.PropertiesOf("blockStep").Except(["id", "identifier", "name", "label", "type"]);

        // When
        var modelled = AttributeSamples.PropertyNames<BlockStep>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Block_without_attributes_is_the_string_block()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new BlockStep()] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- block\n");
    }

    // Issue #2: "block: ~" is invalid against the schema, which types block as a string.
    [Fact]
    public void Block_with_attributes_but_no_label_is_written_with_type_and_is_valid()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new BlockStep { Key = "approve", Prompt = "Go?" }] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- type: block\n  key: approve\n  prompt: Go?\n");
        PipelineSchema.ShouldAcceptYaml(yaml);
        Pipeline.FromYaml(yaml).Steps.Should().ContainSingle().Which.Should().BeOfType<BlockStep>().Which.Block.Should().BeNull();
    }

    [Fact]
    public void Select_field_with_one_default_and_single_choice_writes_the_default_as_a_string()
    {
        // Given
        var step = new BlockStep
        {
            Block = "Pick",
            Fields = [new SelectField { Key = "env", Default = ["staging"], Options = [new() { Label = "Staging", Value = "staging" }] }],
        };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("  - key: env\n    default: staging\n    options:\n");
    }

    [Fact]
    public void Select_field_with_multiple_choices_writes_the_default_as_a_list()
    {
        // Given
        var step = new BlockStep
        {
            Block = "Pick",
            Fields = [new SelectField { Key = "env", Multiple = true, Default = ["staging"], Options = [new() { Label = "Staging", Value = "staging" }] }],
        };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("    multiple: true\n    default:\n    - staging\n");
    }

    [Fact]
    public void Blocked_state_is_written_in_lower_case()
    {
        // Given
        var steps = new[] { BlockedState.Passed, BlockedState.Failed, BlockedState.Running }.Select(s => new BlockStep { Block = "b", BlockedState = s });

        // When
        var values = steps.Select(s => IndependentYaml.Find(Written.Step(s), "blocked_state").ToString());

        // Then
        values.Should().Equal("passed", "failed", "running");
    }
}
