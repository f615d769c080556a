using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class AutomaticRetryTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Boolean_converts_to_the_boolean_form(bool enabled, string expected)
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = enabled } };

        // When
        var json = Written.Json(step, "retry/automatic");

        // Then
        step.Retry!.Automatic!.Enabled.Should().Be(enabled);
        step.Retry.Automatic.Rules.Should().BeEmpty();
        json.Should().Be(expected);
    }

    [Fact]
    public void One_rule_converts_to_a_list_of_one_rule()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = 3, Limit = 2 } } };

        // When
        var json = Written.Json(step, "retry/automatic");

        // Then
        step.Retry!.Automatic!.Enabled.Should().BeNull();
        step.Retry.Automatic.Rules.Should().ContainSingle();
        json.Should().Be("""[{"exit_status":3,"limit":2}]""");
    }

    [Fact]
    public void Collection_expression_is_the_list_of_rules()
    {
        // Given
        var step = new CommandStep
        {
            Command = "make",
            Retry = new() { Automatic = [new() { ExitStatus = -1 }, new() { ExitStatus = 255 }, new() { Signal = "SIGKILL", SignalReason = SignalReason.AgentStop, Limit = 0 }] },
        };

        // When
        var json = Written.Json(step, "retry/automatic");

        // Then
        step.Retry!.Automatic!.Rules.Should().HaveCount(3);
        json.Should().Be("""[{"exit_status":-1},{"exit_status":255},{"limit":0,"signal":"SIGKILL","signal_reason":"agent_stop"}]""");
    }

    [Fact]
    public void Signal_reason_not_known_to_the_library_can_be_given()
    {
        // Given
        var step = new CommandStep { Command = "make", Retry = new() { Automatic = new AutomaticRetryRule { SignalReason = new SignalReason("new_reason") } } };

        // When
        var json = Written.Json(step, "retry/automatic/0/signal_reason");

        // Then
        json.Should().Be("\"new_reason\"");
    }

    [Fact]
    public void Known_signal_reasons_are_the_schemas_values()
    {
        // Given
        SignalReason[] reasons =
        [
            SignalReason.Any, SignalReason.None, SignalReason.AgentIncompatible, SignalReason.AgentRefused, SignalReason.AgentStop,
            SignalReason.Cancel, SignalReason.ProcessRunError, SignalReason.SignatureRejected, SignalReason.StackError,
        ];

        // When
        var values = reasons.Select(r => r.Value);

        // Then
        values.Should().Equal("*", "none", "agent_incompatible", "agent_refused", "agent_stop", "cancel", "process_run_error", "signature_rejected", "stack_error");
    }
}
