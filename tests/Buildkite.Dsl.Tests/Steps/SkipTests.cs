using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class SkipTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Boolean_converts_to_the_boolean_form(bool skipped, string expected)
    {
        // Given
        var step = new CommandStep { Command = "make", Skip = skipped };

        // When
        var json = Written.Json(step, "skip");

        // Then
        step.Skip!.Skipped.Should().Be(skipped);
        step.Skip.Reason.Should().BeNull();
        json.Should().Be(expected);
    }

    [Fact]
    public void String_converts_to_a_reason()
    {
        // Given
        var step = new CommandStep { Command = "make", Skip = "Flaky until #1234 is fixed" };

        // When
        var json = Written.Json(step, "skip");

        // Then
        step.Skip!.Reason.Should().Be("Flaky until #1234 is fixed");
        step.Skip.Skipped.Should().BeNull();
        json.Should().Be("\"Flaky until #1234 is fixed\"");
    }

    [Fact]
    public void Reason_that_reads_as_a_boolean_stays_a_string()
    {
        // Given
        var step = new CommandStep { Command = "make", Skip = "true" };

        // When
        var json = Written.Json(step, "skip");

        // Then
        json.Should().Be("\"true\"");
    }
}
