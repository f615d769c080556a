using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// <see cref="Pipeline.ToYaml"/> maps and writes a pipeline step by step (<see cref="StepMapper.WriteYaml"/>) and checks
/// it afterwards; these tests hold that path to the whole-tree path (<see cref="StepMapper.Map(Pipeline)"/>, then the
/// writer, then the checks) that <see cref="Pipeline.Validate"/>, <see cref="Pipeline.ToJson"/> and the tests use.
/// </summary>
public class StreamedWriteTests
{
    public static TheoryData<string> ScionPipelines() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "scion"), "*.yml").Select(Path.GetFileName)!);

    private static Pipeline Scion(string file) =>
        Pipeline.FromYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file)), file);

    private static (string Yaml, List<Diagnostic> Diagnostics) Streamed(Pipeline pipeline)
    {
        using var yaml = new YamlPipelineWriter.Document();
        var mapper = StepMapper.WriteYaml(pipeline, yaml);
        return (yaml.ToString(), PipelineValidator.Validate(pipeline, mapper));
    }

    private static Pipeline WithDerivedKeysAndStepEnv()
    {
        var build = new CommandStep { Label = "Build :bazel:", Command = "make" };
        return new Pipeline
        {
            Env = new Dictionary<string, string> { ["A"] = "1" },
            Steps =
            [
                build,
                new CommandStep { Label = "Test", Command = $"echo {Env.Upload("LOCAL")}", DependsOn = [build], Env = new Dictionary<string, string> { ["LOCAL"] = "x" } },
                new GroupStep
                {
                    Group = "Group",
                    Steps = [new CommandStep { Label = "Inner", Command = $"echo {Env.Upload("INNER")}", Env = new Dictionary<string, string> { ["INNER"] = "y" }, DependsOn = [build] }],
                },
            ],
            Extra = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["x-after"] = "steps" },
        };
    }

    public static TheoryData<string> Shapes() => ["everything", "empty", "derived keys and step env"];

    private static Pipeline Shape(string name) => name switch
    {
        "everything" => EverythingPipeline.Create(),
        "empty" => new Pipeline(),
        _ => WithDerivedKeysAndStepEnv(),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_pipeline_written_step_by_step_is_the_tree_written_at_once(string shape)
    {
        // Given
        var pipeline = Shape(shape);

        // When
        var (streamed, _) = Streamed(pipeline);

        // Then
        streamed.Should().Be(YamlPipelineWriter.Write([StepMapper.Map(pipeline).Root]));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_pipeline_written_step_by_step_has_the_problems_Validate_finds(string shape)
    {
        // Given
        var pipeline = Shape(shape);

        // When
        var (_, diagnostics) = Streamed(pipeline);

        // Then
        diagnostics.Should().Equal(pipeline.Validate());
    }

    [Fact]
    public void The_checks_after_a_streamed_write_see_derived_keys_and_step_env()
    {
        // Given
        var pipeline = WithDerivedKeysAndStepEnv();

        // When
        var (yaml, diagnostics) = Streamed(pipeline);

        // Then
        yaml.Should().Contain("key: build_bazel").And.Contain("- build_bazel");
        diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.StepEnvAtUpload && d.Path == "steps[1]");
        diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.StepEnvAtUpload && d.Path == "steps[2].steps[0]");
        diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.UnknownDependency);
    }

    [Theory]
    [MemberData(nameof(ScionPipelines))]
    public void Scions_pipelines_written_step_by_step_are_the_tree_written_at_once(string file)
    {
        // Given
        var pipeline = Scion(file);

        // When
        var (streamed, diagnostics) = Streamed(pipeline);

        // Then
        streamed.Should().Be(YamlPipelineWriter.Write([StepMapper.Map(pipeline).Root]));
        diagnostics.Should().Equal(pipeline.Validate());
    }
}
