using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class IfChangedTests
{
    [Fact]
    public void String_converts_to_one_glob()
    {
        // Given
        var step = new CommandStep { Command = "make", IfChanged = "src/**" };

        // When
        var json = Written.Json(step, "if_changed");

        // Then
        step.IfChanged!.Include.Should().Equal("src/**");
        json.Should().Be("\"src/**\"");
    }

    [Fact]
    public void Collection_expression_is_the_list_of_globs()
    {
        // Given
        var step = new CommandStep { Command = "make", IfChanged = ["src/**", "go.{mod,sum}"] };

        // When
        var json = Written.Json(step, "if_changed");

        // Then
        json.Should().Be("""["src/**","go.{mod,sum}"]""");
    }

    [Fact]
    public void Include_and_exclude_are_the_object_form()
    {
        // Given
        var step = new CommandStep { Command = "make", IfChanged = new() { Include = ["src/**"], Exclude = ["src/**/*.md", "docs/**"] } };

        // When
        var json = Written.Json(step, "if_changed");

        // Then
        json.Should().Be("""{"include":"src/**","exclude":["src/**/*.md","docs/**"]}""");
    }

    [Fact]
    public void If_changed_is_written_on_trigger_and_group_steps_too()
    {
        // Given
        var trigger = new TriggerStep { Trigger = "docs", IfChanged = "docs/**" };
        var group = new GroupStep { Group = "g", IfChanged = "src/**", Steps = [Step.Wait] };

        // When
        var triggerJson = Written.Json(trigger, "if_changed");
        var groupJson = Written.Json(group, "if_changed");

        // Then
        triggerJson.Should().Be("\"docs/**\"");
        groupJson.Should().Be("\"src/**\"");
    }
}
