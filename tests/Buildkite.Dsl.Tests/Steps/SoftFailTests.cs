using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class SoftFailTests
{
    [Fact]
    public void True_converts_to_the_boolean_form()
    {
        // Given
        var step = new CommandStep { Command = "make", SoftFail = true };

        // When
        var json = Written.Json(step, "soft_fail");

        // Then
        step.SoftFail!.Enabled.Should().BeTrue();
        step.SoftFail.ExitStatuses.Should().BeEmpty();
        json.Should().Be("true");
    }

    [Fact]
    public void False_converts_to_the_boolean_form()
    {
        // Given
        var step = new CommandStep { Command = "make", SoftFail = false };

        // When
        var json = Written.Json(step, "soft_fail");

        // Then
        step.SoftFail!.Enabled.Should().BeFalse();
        json.Should().Be("false");
    }

    [Fact]
    public void Collection_of_numbers_is_one_entry_per_exit_status()
    {
        // Given
        var step = new CommandStep { Command = "make", SoftFail = [1, 42] };

        // When
        var json = Written.Json(step, "soft_fail");

        // Then
        step.SoftFail!.Enabled.Should().BeNull();
        step.SoftFail.ExitStatuses.Select(e => e.ToString()).Should().Equal("1", "42");
        json.Should().Be("""[{"exit_status":1},{"exit_status":42}]""");
    }

    [Fact]
    public void Any_exit_status_is_written_as_a_quoted_asterisk()
    {
        // Given
        var step = new CommandStep { Command = "make", SoftFail = [ExitStatus.Any] };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("  soft_fail:\n  - exit_status: '*'\n");
    }

    [Fact]
    public void Forms_compare_by_value()
    {
        // Given
        SoftFail a = [1, 2];
        SoftFail b = [1, 2];

        // When
        var equal = a.Equals(b) && !a.Equals((SoftFail)true);

        // Then
        equal.Should().BeTrue();
    }
}
