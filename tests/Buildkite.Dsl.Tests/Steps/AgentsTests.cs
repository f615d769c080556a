using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class AgentsTests
{
    [Fact]
    public void Indexer_initializer_is_the_map_form_in_order()
    {
        // Given
        var step = new CommandStep { Command = "make", Agents = new() { ["queue"] = "deploy", ["os"] = "linux" } };

        // When
        var yaml = Written.Yaml(step);

        // Then
        step.Agents!.IsList.Should().BeFalse();
        step.Agents.Should().Equal("queue=deploy", "os=linux");
        yaml.Should().Contain("  agents:\n    queue: deploy\n    os: linux\n");
    }

    [Fact]
    public void Dictionary_converts_to_the_map_form()
    {
        // Given
        var tags = new Dictionary<string, string> { ["queue"] = "deploy" };

        // When
        var step = new CommandStep { Command = "make", Agents = tags };

        // Then
        step.Agents!["queue"].Should().Be("deploy");
        Written.Json(step, "agents").Should().Be("""{"queue":"deploy"}""");
    }

    [Fact]
    public void Collection_expression_is_the_list_form()
    {
        // Given
        var step = new CommandStep { Command = "make", Agents = ["queue=deploy", "docker=true"] };

        // When
        var json = Written.Json(step, "agents");

        // Then
        step.Agents!.IsList.Should().BeTrue();
        step.Agents.Rules.Should().Equal("queue=deploy", "docker=true");
        json.Should().Be("""["queue=deploy","docker=true"]""");
    }

    [Fact]
    public void Tag_values_that_look_like_other_types_stay_strings()
    {
        // Given
        var step = new CommandStep { Command = "make", Agents = new() { ["docker"] = "true", ["cores"] = "8" } };

        // When
        var json = Written.Json(step, "agents");

        // Then
        json.Should().Be("""{"docker":"true","cores":"8"}""");
    }

    [Fact]
    public void Pipeline_agents_are_written_at_top_level()
    {
        // Given
        var pipeline = new Pipeline { Agents = ["queue=default"], Steps = [new CommandStep { Command = "make" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("agents:\n- queue=default\nsteps:\n- command: make\n");
    }
}
