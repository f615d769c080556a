using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;
using CsCheck;

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

    /// <summary>Samples per property: 2,000, or CsCheck_Iter for a longer local run.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), CultureInfo.InvariantCulture, out var iterations) ? iterations : 2000;

    /// <summary>Text with the pieces YAML, JSON and the agent's interpolation treat specially, and broken surrogates.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
            (4, Gen.Char[' ', '~'].Select(c => c.ToString())),
            (1, Gen.Char['\0', '\u00FF'].Select(c => c.ToString())),
            (1, Gen.OneOf("\U0001F680", "\uD800", "\u00E9", "\u2028")),
            (3, Gen.OneOf("yes", "0123", "1e3", "null", "~", ": ", " #", "- ", "'", "\"", " ", "\t", "\n", "\r\n", "$", "${A}", "\\$", "---", "build")))
        .Array[0, 8]
        .Select(string.Concat);

    private static readonly Gen<string?> MaybeText = Gen.Frequency((1, Gen.Const((string?)null)), (2, Text.Select(t => (string?)t)));

    private static readonly Gen<int?> MaybeNumber = Gen.Frequency((2, Gen.Const((int?)null)), (1, Gen.Int[-2, 2000].Select(n => (int?)n)));

    private static readonly Gen<bool?> MaybeFlag = Gen.OneOf(Gen.Const((bool?)null), Gen.Const((bool?)true), Gen.Const((bool?)false));

    /// <summary>A command step of the plain shape (the one written without nodes), or now and then one that is not.</summary>
    private static readonly Gen<Step> PlainCommand =
        Gen.Select(MaybeText, MaybeText, MaybeText, Text.Array[0, 3], Text.Array[0, 3], MaybeNumber, MaybeNumber, MaybeFlag)
            .SelectMany(t => Gen.Select(MaybeText, MaybeText, MaybeNumber, MaybeNumber, MaybeFlag, Gen.Int[0, 9], Text.Array[0, 2]), (t, u) => (Step)new CommandStep
            {
                Label = t.Item1,
                Key = t.Item2,
                Command = t.Item3,
                Commands = t.Item4,
                ArtifactPaths = t.Item5,
                TimeoutInMinutes = t.Item6,
                Parallelism = t.Item7,
                AllowDependencyFailure = t.Item8,
                Image = u.Item1,
                ConcurrencyGroup = u.Item2,
                Concurrency = u.Item3,
                Priority = u.Item4,
                CancelOnBuildFailing = u.Item5,
                DependsOn = u.Item6 switch
                {
                    0 => null,
                    1 => [],
                    2 => [new Dependency("build") { AllowFailure = true }],
                    _ => [.. u.Item7.Select(k => (Dependency)(k.Length == 0 ? "build" : k))],
                },
                If = u.Item6 == 9 ? (Condition)"build.branch == \"main\"" : null,
            });

    [Fact]
    public void Random_command_steps_written_without_nodes_are_the_tree_written_at_once() =>
        Gen.Frequency((4, PlainCommand), (1, Gen.Const<Step>(new CommandStep()))).Array[1, 4].Sample(steps =>
        {
            // Given
            var pipeline = new Pipeline { Steps = steps, ExternalKeys = ["build"] };

            // When
            var (streamed, diagnostics) = Streamed(pipeline);

            // Then
            streamed.Should().Be(YamlPipelineWriter.Write([StepMapper.Map(pipeline).Root]));
            diagnostics.Should().Equal(pipeline.Validate());
        }, iter: Iterations);
}
