using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class ExitStatusTests
{
    [Fact]
    public void Number_converts_to_one_exit_status()
    {
        // Given
        ExitStatus status = 255;

        // When
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = status } } };

        // Then
        status.IsAny.Should().BeFalse();
        status.IsList.Should().BeFalse();
        status.Values.Should().Equal(255);
        status.ToString().Should().Be("255");
        Written.Json(step, "retry/automatic/0/exit_status").Should().Be("255");
    }

    [Fact]
    public void Negative_one_is_the_lost_agent_status()
    {
        // Given
        ExitStatus status = -1;

        // When
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = status } } };

        // Then
        Written.Json(step, "retry/automatic/0/exit_status").Should().Be("-1");
    }

    [Fact]
    public void Any_is_the_asterisk()
    {
        // Given
        var status = ExitStatus.Any;

        // When
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = status } } };

        // Then
        status.IsAny.Should().BeTrue();
        status.Values.Should().BeEmpty();
        status.ToString().Should().Be("*");
        Written.Json(step, "retry/automatic/0/exit_status").Should().Be("\"*\"");
    }

    [Fact]
    public void Collection_expression_is_the_list_form()
    {
        // Given
        ExitStatus status = [-1, 255];

        // When
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = status } } };

        // Then
        status.IsList.Should().BeTrue();
        status.ToString().Should().Be("[-1, 255]");
        Written.Json(step, "retry/automatic/0/exit_status").Should().Be("[-1,255]");
    }

    [Fact]
    public void List_of_one_stays_a_list()
    {
        // Given
        ExitStatus status = [3];

        // When
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = status } } };

        // Then
        Written.Json(step, "retry/automatic/0/exit_status").Should().Be("[3]");
    }

    [Fact]
    public void Statuses_compare_by_value()
    {
        // Given
        ExitStatus one = 1;
        ExitStatus listOfOne = [1];

        // When
        var equal = one.Equals((ExitStatus)1);
        var differentForms = one.Equals(listOfOne);

        // Then
        equal.Should().BeTrue();
        differentForms.Should().BeFalse();
    }
}
