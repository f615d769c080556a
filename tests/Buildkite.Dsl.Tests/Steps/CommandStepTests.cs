using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class CommandStepTests
{
    public static TheoryData<string> Attributes() => AttributeSamples.Properties<CommandStep>();

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new CommandStep(), property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal(AttributeSamples.SnakeCase(property));
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: id, identifier and name are aliases the reader accepts; type is implied by the step type.
        var schema = PipelineSchema.PropertiesOf("commandStep").Except(["id", "identifier", "name", "type"]);

        // When
        var modelled = AttributeSamples.PropertyNames<CommandStep>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Label_and_key_come_first_and_extra_attributes_last()
    {
        // Given
        var step = new CommandStep
        {
            Extra = new Dictionary<string, JsonNode?> { ["checkout"] = new JsonObject { ["skip"] = true } },
            TimeoutInMinutes = 5,
            Command = "make",
            Key = "make",
            Label = "Make",
        };

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal("label", "key", "command", "timeout_in_minutes", "checkout");
    }

    [Fact]
    public void Command_and_commands_are_written_as_given()
    {
        // Given
        var step = new CommandStep { Commands = ["make build", "make test"] };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be("steps:\n- commands:\n  - make build\n  - make test\n");
    }

    [Fact]
    public void Empty_lists_and_maps_are_not_written()
    {
        // Given
        var step = new CommandStep { Command = "make", ArtifactPaths = [], Env = new Dictionary<string, string>(), Plugins = [], Notify = [], Commands = [] };

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().Equal("command");
    }

    [Fact]
    public void Plugin_only_step_is_a_command_step()
    {
        // Given
        var step = new CommandStep { Plugins = [new Dsl.Plugins.UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "alpine" })] };

        // When
        var again = Pipeline.FromYaml(Written.Yaml(step));

        // Then
        again.Steps.Should().ContainSingle().Which.Should().BeOfType<CommandStep>().Which.Plugins.Should().ContainSingle();
    }
}
