using System.Text;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Tests.Validation;

public class OutputSchemaTests
{
    [Fact]
    public void Uploads_split_from_a_pipeline_with_conditions_and_upload_time_values_match_the_schema()
    {
        // Given
        var build = new CommandStep
        {
            Key = $"{Env.Upload("TPU_VERSION").OrDefault("tpu6e")}_build_docker",
            Label = $"Build {Env.Upload("BUILDKITE_COMMIT").Substring(0, 7)}",
            Command = "make $TARGET",
            Parallelism = 300,
            If = !Build.PullRequest.Draft & (Build.Branch == "main" | Build.Tag.Matches(@"^v[0-9]+\.0$")),
        };
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["TARGET"] = "all" },
            Notify = [new EmailNotification { Email = "ci@example.com", If = Build.State == "failed" }],
            Steps =
            [
                build,
                new CommandStep { Command = "make test", Parallelism = 300, DependsOn = [build], If = Build.Creator.Teams.Includes("dev") },
            ],
        };

        // When
        var uploads = PipelineUploads.Split(pipeline);
        var (roots, _) = StepMapper.Map(uploads.Pipelines);

        // Then
        uploads.Validate().Should().BeEmpty();
        roots.Should().HaveCount(2);
        foreach (var root in roots)
        {
            var text = new StringBuilder();
            JsonPipelineWriter.Write(text, root);
            Support.PipelineSchema.ShouldAcceptJson(text.ToString());
        }
    }
}
