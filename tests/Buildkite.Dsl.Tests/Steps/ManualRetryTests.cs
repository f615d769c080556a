using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class ManualRetryTests
{
    [Fact]
    public void False_forbids_manual_retries()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Manual = false } };

        // When
        var json = Written.Json(step, "retry/manual");

        // Then
        step.Retry!.Manual!.Allowed.Should().BeFalse();
        json.Should().Be("""{"allowed":false}""");
    }

    [Fact]
    public void True_allows_manual_retries()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Manual = true } };

        // When
        var json = Written.Json(step, "retry/manual");

        // Then
        json.Should().Be("""{"allowed":true}""");
    }

    [Fact]
    public void Object_form_writes_each_set_attribute()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Manual = new() { Allowed = false, PermitOnPassed = true, Reason = "Deploys are final" } } };

        // When
        var json = Written.Json(step, "retry/manual");

        // Then
        json.Should().Be("""{"allowed":false,"permit_on_passed":true,"reason":"Deploys are final"}""");
    }

    [Fact]
    public void Retry_with_both_parts_writes_automatic_first()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Manual = false, Automatic = true } };

        // When
        var json = Written.Json(step, "retry");

        // Then
        json.Should().Be("""{"automatic":true,"manual":{"allowed":false}}""");
    }
}
