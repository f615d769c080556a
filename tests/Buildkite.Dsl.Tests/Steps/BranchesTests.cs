using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class BranchesTests
{
    [Fact]
    public void String_is_the_space_separated_form_written_as_given()
    {
        // Given
        var step = new CommandStep { Command = "make", Branches = "main release/*  !release/old" };

        // When
        var json = Written.Json(step, "branches");

        // Then
        step.Branches!.Text.Should().Be("main release/*  !release/old");
        step.Branches.Patterns.Should().Equal("main", "release/*", "!release/old");
        json.Should().Be("\"main release/*  !release/old\"");
    }

    [Fact]
    public void Collection_expression_is_the_list_form()
    {
        // Given
        var step = new CommandStep { Command = "make", Branches = ["main", "!experimental/*"] };

        // When
        var json = Written.Json(step, "branches");

        // Then
        step.Branches!.Text.Should().BeNull();
        json.Should().Be("""["main","!experimental/*"]""");
    }

    [Fact]
    public void Negated_pattern_is_quoted_so_yaml_does_not_read_a_tag()
    {
        // Given
        var step = new WaitStep { Branches = "!experimental" };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("  branches: '!experimental'\n");
    }
}
