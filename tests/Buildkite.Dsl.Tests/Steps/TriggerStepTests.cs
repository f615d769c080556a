using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class TriggerStepTests
{
    public static TheoryData<string> Attributes() =>
        AttributeSamples.Properties<TriggerStep>(nameof(TriggerStep.Trigger));

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new TriggerStep { Trigger = "deploy" }, property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        var key = AttributeSamples.SnakeCase(property);
        keys.Should().BeEquivalentTo(["trigger", key]);
        keys.Should().Equal(key is "label" or "key" ? [key, "trigger"] : ["trigger", key], "label and key come first");
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: id, identifier and name are aliases the reader accepts; type is implied by the step type.
        var schema = PipelineSchema.PropertiesOf("triggerStep").Except(["id", "identifier", "name", "type"]);

        // When
        var modelled = AttributeSamples.PropertyNames<TriggerStep>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Build_attributes_are_written_under_their_keys()
    {
        // Given
        var step = new TriggerStep
        {
            Trigger = "deploy",
            Build = new()
            {
                Branch = "main",
                Commit = "abc123",
                Message = "Deploy",
                Env = new Dictionary<string, string> { ["A"] = "1" },
                MetaData = new Dictionary<string, string> { ["m"] = "2" },
            },
        };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be(
            "steps:\n- trigger: deploy\n  build:\n    branch: main\n    commit: abc123\n    message: Deploy\n    env:\n      A: \"1\"\n    meta_data:\n      m: \"2\"\n");
    }

    [Fact]
    public void Trigger_is_required()
    {
        // Given
        const string snippet = "var step = new TriggerStep { Label = \"Deploy\" };";

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().Contain(e => e.Id == "CS9035" && e.GetMessage(null).Contains("Trigger", StringComparison.Ordinal));
    }
}
