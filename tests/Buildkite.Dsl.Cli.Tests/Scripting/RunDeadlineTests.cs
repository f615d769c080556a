using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class RunDeadlineTests
{
    [Fact]
    public void A_run_without_a_limit_never_passes_its_deadline()
    {
        // Given
        using var deadline = new RunDeadline(Timeout.InfiniteTimeSpan, CancellationToken.None);

        // When
        var token = deadline.Token;

        // Then
        deadline.Remaining.Should().Be(Timeout.InfiniteTimeSpan);
        deadline.HasPassed.Should().BeFalse();
        token.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public void A_run_with_time_left_has_not_passed_its_deadline()
    {
        // Given
        using var deadline = new RunDeadline(TimeSpan.FromHours(1), CancellationToken.None);

        // Then
        deadline.Remaining.Should().BeGreaterThan(TimeSpan.FromMinutes(59)).And.BeLessThanOrEqualTo(TimeSpan.FromHours(1));
        deadline.HasPassed.Should().BeFalse();
        deadline.Token.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public void A_run_whose_time_is_up_has_passed_its_deadline_and_its_token_is_cancelled()
    {
        // Given
        using var deadline = new RunDeadline(TimeSpan.Zero, CancellationToken.None);

        // When
        var cancelled = deadline.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));

        // Then
        cancelled.Should().BeTrue();
        deadline.Remaining.Should().Be(TimeSpan.Zero);
        deadline.HasPassed.Should().BeTrue();
    }

    [Fact]
    public void A_run_the_caller_cancelled_has_not_passed_its_deadline()
    {
        // Given
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        // When
        using var deadline = new RunDeadline(TimeSpan.Zero, caller.Token);

        // Then
        deadline.Token.IsCancellationRequested.Should().BeTrue();
        deadline.HasPassed.Should().BeFalse();
    }
}
