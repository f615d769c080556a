using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class NumberRulesTests
{
    [Fact]
    public void A_timeout_of_zero_minutes_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "slow", Command = "true", TimeoutInMinutes = 0 });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.NumberTooSmall);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Step.Should().Be("key 'slow'");
        diagnostic.Field.Should().Be("timeout_in_minutes");
        diagnostic.Message.Should().Be("timeout_in_minutes is 0; it must be at least 1 (Buildkite cancels a job after this many minutes).");
        diagnostic.Help.Should().Be("Set it to 1 or more, or leave it unset for Buildkite's default.");
    }

    [Fact]
    public void A_parallelism_of_zero_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", Parallelism = 0 });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.NumberTooSmall);

        // Then
        diagnostic.Field.Should().Be("parallelism");
    }

    [Fact]
    public void A_timeout_and_parallelism_of_one_pass()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", TimeoutInMinutes = 1, Parallelism = 1 });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.NumberTooSmall);
    }

    [Fact]
    public void A_retry_limit_of_eleven_is_reported_at_its_rule()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            Retry = new() { Automatic = [new() { ExitStatus = -1 }, new() { ExitStatus = 255, Limit = 11 }] },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.RetryLimit);

        // Then
        diagnostic.Field.Should().Be("retry.automatic[1].limit");
        diagnostic.Message.Should().Be("The automatic retry limit is 11; Buildkite allows 0 to 10.");
        diagnostic.Help.Should().Be("Use a limit from 0 to 10, or leave it unset for 2 retries.");
    }

    [Fact]
    public void Retry_limits_of_zero_and_ten_pass()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            Retry = new() { Automatic = [new() { ExitStatus = 1, Limit = 0 }, new() { ExitStatus = 2, Limit = 10 }] },
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.RetryLimit);
    }

    [Fact]
    public void An_exit_status_of_256_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            Retry = new() { Automatic = [new() { ExitStatus = [-1, 256] }] },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ExitStatusRange);

        // Then
        diagnostic.Field.Should().Be("retry.automatic[0].exit_status");
        diagnostic.Message.Should().Be("The exit status 256 cannot occur; exit statuses are -1 (the agent was lost) to 255.");
        diagnostic.Help.Should().Be("Use a status from -1 to 255, or ExitStatus.Any for every failure.");
    }

    [Fact]
    public void A_soft_fail_exit_status_of_minus_two_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new TriggerStep { Trigger = "deploy", SoftFail = [1, -2] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ExitStatusRange);

        // Then
        diagnostic.Field.Should().Be("soft_fail[1].exit_status");
    }

    [Fact]
    public void Exit_statuses_minus_one_255_and_any_pass()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            SoftFail = [-1, 255, ExitStatus.Any],
            Retry = new() { Automatic = [new() { ExitStatus = [-1, 255] }] },
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.ExitStatusRange);
    }

    [Fact]
    public void A_soft_fail_entry_holding_a_list_of_exit_statuses_is_reported()
    {
        // Given
        ExitStatus statuses = [1, 2];
        var pipeline = Checks.Of(new CommandStep { Command = "true", SoftFail = [statuses] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.SoftFailExitStatusList);

        // Then
        diagnostic.Field.Should().Be("soft_fail[0].exit_status");
        diagnostic.Message.Should().Be("A soft_fail entry holds the list of exit statuses [1, 2]; Buildkite takes one exit status per entry.");
        diagnostic.Help.Should().Be("Write one entry per exit status, for example SoftFail = [1, 42].");
    }

    [Fact]
    public void A_soft_fail_list_of_single_exit_statuses_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", SoftFail = [1, 2] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.SoftFailExitStatusList);
    }
}
