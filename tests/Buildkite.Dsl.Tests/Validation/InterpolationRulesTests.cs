using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class InterpolationRulesTests
{
    [Fact]
    public void A_pipeline_env_value_referring_to_a_later_entry_is_a_warning()
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["IMAGE"] = $"scion:{Env.Upload("VERSION")}", ["VERSION"] = "1.2" },
            Steps = [new CommandStep { Command = "true" }],
        };

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.EnvOrder);

        // Then
        diagnostic.IsError.Should().BeFalse();
        diagnostic.Path.Should().BeNull();
        diagnostic.Field.Should().Be("env.IMAGE");
        diagnostic.Message.Should().Be(
            "The env value of IMAGE refers to ${VERSION} at upload, but VERSION is defined later in the same env; "
            + "the agent interpolates env in order, so it substitutes the agent's own VERSION, not the pipeline's.");
        diagnostic.Help.Should().Be("Move VERSION before IMAGE in Env (use a dictionary that keeps insertion order).");
    }

    [Fact]
    public void A_pipeline_env_value_referring_to_an_earlier_entry_passes_and_the_order_is_written_as_given()
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["VERSION"] = "1.2", ["IMAGE"] = $"scion:{Env.Upload("VERSION")}", ["PATH"] = $"{Env.Upload("PATH")}:/opt/bin" },
            Steps = [new CommandStep { Command = "true" }],
        };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        Checks.Passes(pipeline, DiagnosticCodes.EnvOrder);
        yaml.Should().StartWith("env:\n  VERSION: \"1.2\"\n  IMAGE: scion:${VERSION}\n  PATH: ${PATH}:/opt/bin\n");
    }

    [Fact]
    public void An_upload_time_reference_to_the_steps_own_env_is_a_warning()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Key = "deploy",
            Command = $"deploy --to {Env.Upload("TARGET")}",
            Env = new Dictionary<string, string> { ["TARGET"] = "staging" },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.StepEnvAtUpload);

        // Then
        diagnostic.IsError.Should().BeFalse();
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("command");
        diagnostic.Message.Should().Be(
            "${TARGET} is substituted at upload from the uploading agent's environment, but TARGET is set only in this step's env, "
            + "which exists when the job runs, not at upload.");
        diagnostic.Help.Should().Be(
            "To use the step's value, write it as literal text (\"$TARGET\") so the job's shell expands it; keep Env.Upload(\"TARGET\") only for a value the uploading agent has.");
    }

    [Fact]
    public void A_run_time_reference_to_the_steps_own_env_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "deploy --to $TARGET",
            Env = new Dictionary<string, string> { ["TARGET"] = "staging" },
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.StepEnvAtUpload);
    }

    [Fact]
    public void Text_with_a_dollar_after_an_odd_number_of_backslashes_is_an_error_not_a_silent_change()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "win", Command = @"echo C:\dir\$x" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.Interpolation);

        // Then
        diagnostic.IsError.Should().BeTrue();
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("command");
        diagnostic.Message.Should().Contain("has a '$' after an odd number of backslashes");
        pipeline.Invoking(p => p.ToYaml()).Should().Throw<PipelineException>();
    }

    [Fact]
    public void Text_with_a_dollar_after_an_even_number_of_backslashes_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = @"echo \\$HOME" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.Interpolation);
        pipeline.ToYaml().Should().Contain(@"command: echo \\$$HOME");
    }
}
