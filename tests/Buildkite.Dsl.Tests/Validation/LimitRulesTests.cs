using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class LimitRulesTests
{
    [Fact]
    public void A_skip_reason_of_71_characters_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "flaky", Command = "true", Skip = new string('r', 71) });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.SkipReasonTooLong);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("skip");
        diagnostic.Message.Should().Be("The skip reason has 71 characters; Buildkite allows at most 70.");
        diagnostic.Help.Should().Be("Shorten the reason; link to an issue for the details.");
    }

    [Fact]
    public void A_skip_reason_of_70_emoji_passes()
    {
        // Given: characters, not UTF-16 units, are counted.
        var pipeline = Checks.Of(new CommandStep { Command = "true", Skip = string.Concat(Enumerable.Repeat("🚀", 70)) });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.SkipReasonTooLong);
    }

    [Fact]
    public void A_long_skip_reason_of_a_matrix_adjustment_is_reported_at_the_adjustment()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            Matrix = new() { Values = ["a", "b"], Adjustments = [new() { With = ["a"], Skip = new string('r', 80) }] },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.SkipReasonTooLong);

        // Then
        diagnostic.Field.Should().Be("matrix.adjustments[0].skip");
    }

    [Fact]
    public void An_upload_of_501_jobs_counting_parallelism_and_matrix_is_reported_with_the_largest_steps()
    {
        // Given: 400 parallel jobs, a 50-job matrix run twice in parallel, and one trigger.
        var pipeline = Checks.Of(
            new CommandStep { Key = "shards", Command = "test", Parallelism = 400 },
            new CommandStep { Key = "matrix", Command = "test", Parallelism = 2, Matrix = new() { ["a"] = [1, 2, 3, 4, 5], ["b"] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } },
            new GroupStep { Group = "Deploy", Steps = [new TriggerStep { Trigger = "deploy" }] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.TooManyJobs);

        // Then
        diagnostic.Path.Should().BeNull();
        diagnostic.Field.Should().Be("steps");
        diagnostic.Message.Should().Be(
            "The upload creates 501 jobs, counting parallelism and matrix jobs; Buildkite accepts at most 500 per upload. "
            + "The largest: steps[0] (key 'shards') with 400, steps[1] (key 'matrix') with 100.");
        diagnostic.Help.Should().StartWith("Split the pipeline into several uploads with PipelineUploads.Split(pipeline)");
    }

    [Fact]
    public void An_upload_of_500_jobs_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "test", Parallelism = 499 }, Step.Wait);

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.TooManyJobs);
    }

    [Fact]
    public void A_raised_job_limit_lets_a_larger_upload_pass()
    {
        // Given
        var pipeline = new Pipeline { MaxJobsPerUpload = 1000, Steps = [new CommandStep { Command = "test", Parallelism = 800 }] };

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.TooManyJobs);
    }
}
