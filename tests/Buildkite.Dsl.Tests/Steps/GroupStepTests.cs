using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class GroupStepTests
{
    public static TheoryData<string> Attributes() =>
        AttributeSamples.Properties<GroupStep>(nameof(GroupStep.Group), nameof(GroupStep.Steps));

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Attribute_is_written_under_its_yaml_key(string property)
    {
        // Given
        var step = AttributeSamples.With(new GroupStep { Group = "g", Steps = [new CommandStep { Command = "make" }] }, property);

        // When
        var keys = Written.KeysOf(step);

        // Then
        var key = AttributeSamples.SnakeCase(property);
        keys.Should().Equal(key == "key" ? ["group", "key", "steps"] : ["group", key, "steps"], "group and key come first, steps last");
    }

    [Fact]
    public void Every_attribute_the_schema_knows_is_modelled()
    {
        // Given: label and name are aliases of group; id and identifier alias key.
        var schema = PipelineSchema.PropertiesOf("groupStep").Except(["id", "identifier", "name", "label"]);

        // When
        var modelled = AttributeSamples.PropertyNames<GroupStep>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Group_steps_are_written_in_order_under_steps()
    {
        // Given
        var group = new GroupStep { Group = "Checks", Steps = [new CommandStep { Command = "make lint" }, Step.Wait, new TriggerStep { Trigger = "docs" }] };

        // When
        var yaml = Written.Yaml(group);

        // Then
        yaml.Should().Be("steps:\n- group: Checks\n  steps:\n  - command: make lint\n  - wait\n  - trigger: docs\n");
    }

    [Fact]
    public void A_group_of_every_groupable_step_type_compiles()
    {
        // Given: the control for the compile-failure tests below.
        const string snippet = """
            var group = new GroupStep
            {
                Group = "All",
                Steps = [new CommandStep { Command = "make" }, Step.Wait, new WaitStep(), new BlockStep(), new InputStep(), new TriggerStep { Trigger = "t" }],
            };
            System.Console.Write(new Pipeline { Steps = [group] }.ToYaml());
            """;

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().BeEmpty();
    }

    [Fact]
    public void A_nested_group_does_not_compile()
    {
        // Given
        const string snippet = """
            var inner = new GroupStep { Group = "inner", Steps = [new CommandStep { Command = "make" }] };
            var outer = new GroupStep { Group = "a", Steps = [inner] };
            """;

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().ContainSingle().Which.Id.Should().Be("CS0029");
    }

    [Fact]
    public void A_nested_group_written_inline_does_not_compile()
    {
        // Given
        const string snippet = """
            var outer = new GroupStep { Group = "a", Steps = [new GroupStep { Group = "b", Steps = [new CommandStep { Command = "make" }] }] };
            """;

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Select(e => e.Id + " " + e.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal("CS0029 Cannot implicitly convert type 'Buildkite.Dsl.GroupStep' to 'Buildkite.Dsl.GroupableStep'");
    }

    [Fact]
    public void Group_and_steps_are_required()
    {
        // Given
        const string snippet = "var group = new GroupStep { Key = \"g\" };";

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Select(e => e.Id).Should().Equal("CS9035", "CS9035");
        errors.Select(e => e.GetMessage(null)).Should().Contain(m => m.Contains("Group", StringComparison.Ordinal)).And.Contain(m => m.Contains("Steps", StringComparison.Ordinal));
    }
}
