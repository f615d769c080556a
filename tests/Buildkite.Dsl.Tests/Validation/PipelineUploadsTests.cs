using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class PipelineUploadsTests
{
    private static CommandStep Shards(string key, int jobs) => new() { Key = key, Command = "test", Parallelism = jobs };

    [Fact]
    public void Split_cuts_between_top_level_steps_so_that_every_upload_is_within_the_limit()
    {
        // Given
        var pipeline = Checks.Of(Shards("a", 300), Shards("b", 150), Shards("c", 100), Shards("d", 400));

        // When
        var uploads = PipelineUploads.Split(pipeline);

        // Then
        uploads.Pipelines.Select(p => string.Join(",", p.Steps.Select(s => s.Key))).Should().Equal("a,b", "c,d");
        uploads.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Split_writes_one_yaml_document_per_upload()
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["CI"] = "1" },
            Steps = [Shards("a", 400), new CommandStep { Key = "b", Command = "report", DependsOn = ["a"], Parallelism = 200 }],
        };

        // When
        var yaml = PipelineUploads.Split(pipeline).ToYaml();

        // Then
        yaml.Should().Be("""
            ---
            env:
              CI: "1"
            steps:
            - key: a
              command: test
              parallelism: 400
            ---
            env:
              CI: "1"
            steps:
            - key: b
              command: report
              depends_on:
              - a
              parallelism: 200

            """);
    }

    [Fact]
    public void A_step_object_of_an_earlier_upload_gets_a_key_that_the_later_upload_depends_on()
    {
        // Given
        var build = new CommandStep { Label = "Build", Command = "make" };
        var uploads = new PipelineUploads
        {
            Pipelines = [Checks.Of(build), Checks.Of(new CommandStep { Command = "test", DependsOn = [build] })],
        };

        // When
        var yaml = uploads.ToYaml();

        // Then
        yaml.Should().Contain("- label: Build\n  key: build\n").And.Contain("depends_on:\n  - build\n");
    }

    [Fact]
    public void Build_notifications_go_only_into_the_first_upload()
    {
        // Given
        var pipeline = new Pipeline
        {
            Notify = [new EmailNotification { Email = "ci@example.com" }],
            Steps = [Shards("a", 400), Shards("b", 400)],
        };

        // When
        var uploads = PipelineUploads.Split(pipeline);

        // Then
        uploads.Pipelines.Select(p => p.Notify.Count).Should().Equal(1, 0);
    }

    [Fact]
    public void A_dependency_on_a_later_upload_is_reported()
    {
        // Given
        var uploads = new PipelineUploads
        {
            Pipelines = [Checks.Of(new CommandStep { Key = "a", Command = "true", DependsOn = ["b"] }), Checks.Of(new CommandStep { Key = "b", Command = "true" })],
        };

        // When
        var diagnostic = uploads.Validate().Should().ContainSingle().Subject;

        // Then
        diagnostic.Code.Should().Be(DiagnosticCodes.DependencyOnLaterUpload);
        diagnostic.Path.Should().Be("uploads[0].steps[0]");
        diagnostic.Field.Should().Be("depends_on[0]");
        diagnostic.Message.Should().Be("depends_on names uploads[1].steps[0] (key 'b'), which upload 2 adds; the agent sends the uploads in order, so that key does not exist yet when upload 1 arrives.");
        diagnostic.Help.Should().Be("Move the step it depends on into an earlier upload, or this step into a later one.");
    }

    [Fact]
    public void A_dependency_on_an_earlier_upload_passes()
    {
        // Given
        var uploads = new PipelineUploads
        {
            Pipelines = [Checks.Of(new CommandStep { Key = "b", Command = "true" }), Checks.Of(new CommandStep { Key = "a", Command = "true", DependsOn = ["b"] })],
        };

        // When, Then
        uploads.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Keys_must_be_unique_across_uploads()
    {
        // Given
        var uploads = new PipelineUploads
        {
            Pipelines = [Checks.Of(new CommandStep { Key = "a", Command = "true" }), Checks.Of(new CommandStep { Key = "a", Command = "true" })],
        };

        // When
        var diagnostic = uploads.Validate().Should().ContainSingle().Subject;

        // Then
        diagnostic.Code.Should().Be(DiagnosticCodes.DuplicateKey);
        diagnostic.Message.Should().Be("The key 'a' is already used by uploads[0].steps[0] (key 'a').");
    }

    [Fact]
    public void A_wait_step_in_an_output_of_several_uploads_is_reported()
    {
        // Given
        var uploads = PipelineUploads.Split(Checks.Of(Shards("a", 400), Step.Wait, Shards("b", 400)));

        // When
        var diagnostic = uploads.Validate().Should().ContainSingle().Subject;

        // Then
        diagnostic.Code.Should().Be(DiagnosticCodes.WaitAcrossUploads);
        diagnostic.Path.Should().Be("uploads[0].steps[1]");
        diagnostic.Message.Should().Be(
            "A wait step in an output of several uploads would also act on steps of the other uploads: "
            + "Buildkite inserts each upload right after the uploading job, so later uploads end up before earlier ones in the build.");
        diagnostic.Help.Should().Be("Order the steps with DependsOn instead (a step with DependsOn ignores wait and block steps), or upload these documents from separate steps.");
    }

    [Fact]
    public void A_wait_step_in_a_pipeline_that_fits_one_upload_passes()
    {
        // Given
        var uploads = PipelineUploads.Split(Checks.Of(Shards("a", 100), Step.Wait, Shards("b", 100)));

        // When, Then
        uploads.Pipelines.Should().ContainSingle();
        uploads.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Each_upload_is_checked_against_the_job_limit()
    {
        // Given: a single step above the limit cannot be split.
        var uploads = PipelineUploads.Split(Checks.Of(Shards("a", 100), Shards("b", 600)));

        // When
        var diagnostic = uploads.Validate().Should().ContainSingle().Subject;

        // Then
        diagnostic.Code.Should().Be(DiagnosticCodes.TooManyJobs);
        diagnostic.Path.Should().Be("uploads[1]");
    }

    [Fact]
    public void Uploads_read_from_a_yaml_stream_are_checked_together_with_file_locations()
    {
        // Given
        const string Yaml = """
            ---
            steps:
              - key: a
                command: "true"
            ---
            steps:
              - key: a
                command: "true"
            """;

        // When
        var diagnostic = PipelineUploads.FromYaml(Yaml, "uploads.yml").Validate().Should().ContainSingle().Subject;

        // Then
        diagnostic.Code.Should().Be(DiagnosticCodes.DuplicateKey);
        diagnostic.Path.Should().Be("uploads[1].steps[0]");
        diagnostic.Location.ToString().Should().Be("uploads.yml:7:5");
    }

    [Fact]
    public void Writing_split_uploads_and_reading_them_back_gives_the_same_yaml()
    {
        // Given
        var yaml = PipelineUploads.Split(Checks.Of(Shards("a", 400), new CommandStep { Key = "b", Command = "x", DependsOn = ["a"], Parallelism = 200 })).ToYaml();

        // When
        var again = PipelineUploads.FromYaml(yaml).ToYaml();

        // Then
        again.Should().Be(yaml);
    }
}
