using System.Text.Json.Nodes;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class GroupRulesTests
{
    [Fact]
    public void An_empty_group_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new GroupStep { Group = "Nothing", Steps = [] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.EmptyGroup);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Step.Should().Be("group 'Nothing'");
        diagnostic.Field.Should().Be("steps");
        diagnostic.Message.Should().Be("The group has no steps; Buildkite rejects an empty group.");
        diagnostic.Help.Should().Be("Add at least one step to the group, or remove the group.");
    }

    [Fact]
    public void A_group_with_one_step_passes()
    {
        // Given
        var pipeline = Checks.Of(new GroupStep { Group = "One", Steps = [new CommandStep { Command = "true" }] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.EmptyGroup);
    }

    [Fact]
    public void Concurrency_on_a_group_given_through_extra_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new GroupStep
        {
            Group = "Deploys",
            Steps = [new CommandStep { Command = "deploy" }],
            Extra = new Dictionary<string, JsonNode?> { ["concurrency"] = 1, ["concurrency_group"] = "deploys" },
        });

        // When
        var diagnostics = Checks.All(pipeline, DiagnosticCodes.ConcurrencyOnGroup);

        // Then
        diagnostics.Select(d => d.Field).Should().Equal("concurrency", "concurrency_group");
        diagnostics[0].Message.Should().Be("'concurrency' is set on a group; Buildkite limits concurrency of command steps only and rejects it on a group.");
        diagnostics[0].Help.Should().Be("Set Concurrency and ConcurrencyGroup on the command steps inside the group instead.");
    }

    [Fact]
    public void Concurrency_on_a_group_read_from_yaml_is_reported_at_its_line()
    {
        // Given
        const string Yaml = """
            steps:
              - group: Deploys
                concurrency: 1
                concurrency_group: deploys
                steps:
                  - command: deploy
            """;
        var pipeline = Pipeline.FromYaml(Yaml, "pipeline.yml");

        // When
        var diagnostics = Checks.All(pipeline, DiagnosticCodes.ConcurrencyOnGroup);

        // Then
        diagnostics.Select(d => d.Location.ToString()).Should().Equal("pipeline.yml:3:5", "pipeline.yml:4:5");
    }

    [Fact]
    public void Concurrency_on_a_command_step_inside_a_group_passes()
    {
        // Given
        var pipeline = Checks.Of(new GroupStep
        {
            Group = "Deploys",
            Steps = [new CommandStep { Command = "deploy", Concurrency = 1, ConcurrencyGroup = "deploys" }],
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.ConcurrencyOnGroup);
    }
}
