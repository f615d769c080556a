using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Steps;

/// <summary>
/// The escape hatch for attributes the library does not model: written last, as given. The official schema
/// rejects unknown step attributes (<c>additionalProperties: false</c>), so a step using it is not valid against
/// the schema even when the agent accepts it, as with <c>checkout</c>.
/// </summary>
public class ExtraTests
{
    private static CommandStep WithCheckout() => new()
    {
        Label = "Build",
        Command = "make",
        Extra = new Dictionary<string, JsonNode?> { ["checkout"] = new JsonObject { ["skip"] = true, ["depth"] = 1, ["refs"] = new JsonArray("main") } },
    };

    [Fact]
    public void Checkout_is_written_last_as_given()
    {
        // Given
        var step = WithCheckout();

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be("steps:\n- label: Build\n  command: make\n  checkout:\n    skip: true\n    depth: 1\n    refs:\n    - main\n");
    }

    [Fact]
    public void Checkout_is_read_back_into_extra()
    {
        // Given
        var yaml = Written.Yaml(WithCheckout());

        // When
        var result = Buildkite.Dsl.Serialization.YamlPipelineReader.Read(yaml, null);

        // Then
        var step = result.Pipelines[0].Steps[0].Should().BeOfType<CommandStep>().Subject;
        step.Extra["checkout"]!.ToJsonString().Should().Be("""{"skip":true,"depth":1,"refs":["main"]}""");
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnknownAttribute, "the reader warns that the schema does not know it");
    }

    // The schema does not know checkout, so this documents why Extra is an escape hatch, not a feature.
    [Fact]
    public void Schema_rejects_checkout_on_a_step()
    {
        // Given
        var yaml = Written.Yaml(WithCheckout());

        // When
        var result = PipelineSchema.EvaluateYaml(yaml);

        // Then
        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_accepts_extra_keys_at_pipeline_level()
    {
        // Given
        var pipeline = new Pipeline
        {
            Steps = [new CommandStep { Command = "make" }],
            Extra = new Dictionary<string, JsonNode?> { ["checkout"] = new JsonObject { ["skip"] = true } },
        };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- command: make\ncheckout:\n  skip: true\n");
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Extra_repeating_a_modelled_attribute_is_reported_and_nothing_is_written()
    {
        // Given
        var pipeline = new Pipeline
        {
            Steps = [new CommandStep { Key = "build", Command = "make", Extra = new Dictionary<string, JsonNode?> { ["command"] = "other" } }],
        };

        // When
        var act = () => pipeline.ToYaml();

        // Then
        var diagnostic = act.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DuplicateAttribute);
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("command");
    }

    [Fact]
    public void Extra_may_hold_an_attribute_the_model_leaves_unset()
    {
        // Given: the schema knows 'name' as an alias of 'label'.
        var step = new CommandStep { Command = "make", Extra = new Dictionary<string, JsonNode?> { ["name"] = "Build" } };

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal("command", "name");
    }

    [Fact]
    public void Extra_values_of_every_json_kind_are_written()
    {
        // Given
        var step = new WaitStep
        {
            Extra = new Dictionary<string, JsonNode?>
            {
                ["x-null"] = null,
                ["x-bool"] = false,
                ["x-int"] = 7,
                ["x-float"] = 2.5,
                ["x-text"] = "yes",
                ["x-list"] = new JsonArray(1, "two", null),
                ["x-map"] = new JsonObject { ["nested"] = new JsonObject() },
            },
        };

        // When
        var json = IndependentYaml.ToJson(Written.Step(step))!.ToJsonString();

        // Then
        json.Should().Be("""{"wait":null,"x-null":null,"x-bool":false,"x-int":7,"x-float":2.5,"x-text":"yes","x-list":[1,"two",null],"x-map":{"nested":{}}}""");
    }
}
