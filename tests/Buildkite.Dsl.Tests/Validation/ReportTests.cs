using System.Runtime.CompilerServices;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class ReportTests
{
    private const string BrokenYaml = """
        env:
          DEPLOY_TOKEN: abcdef123456
        steps:
          - label: ":bazel: Build"
            key: build
            command: bazel build //...
            timeout_in_minutes: 0
          - wait
          - group: Tests
            key: tests
            steps:
              - label: Unit
                key: build
                command: bazel test //...
                depends_on: [biuld]
                retry:
                  automatic:
                    - exit_status: -1
                      limit: 11
              - label: Lint
                command: make lint
                if: build.branch == "main"
                branches: main
          - group: Empty
            steps: []
        """;

    [Fact]
    public void The_report_lists_every_problem_in_pipeline_order_with_file_line_and_column()
    {
        // Given
        var pipeline = Pipeline.FromYaml(BrokenYaml, ".buildkite/pipeline.yml");

        // When
        var exception = pipeline.Invoking(p => p.ToYaml()).Should().Throw<PipelineException>().Which;

        // Then
        Golden(exception.Message);
    }

    [Fact]
    public void The_report_of_a_pipeline_built_in_code_names_paths_and_steps()
    {
        // Given
        var pipeline = new Pipeline
        {
            Steps =
            [
                new CommandStep { Key = "a b", Command = "true", Parallelism = 0 },
                new GroupStep { Group = "Deploy", Steps = [new CommandStep { Label = "Prod", Command = "deploy", Concurrency = 1, DependsOn = ["nope"] }] },
            ],
        };

        // When
        var exception = pipeline.Invoking(p => p.ToJson()).Should().Throw<PipelineException>().Which;

        // Then
        Golden(exception.Message);
    }

    [Fact]
    public void A_failing_pipeline_prints_nothing()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "a", Command = "true", DependsOn = ["missing"] });
        string? yaml = null;
        string? json = null;
        string? uploads = null;

        // When
        var writeYaml = () => yaml = pipeline.ToYaml();
        var writeJson = () => json = pipeline.ToJson();
        var writeUploads = () => uploads = PipelineUploads.Split(pipeline).ToYaml();

        // Then
        writeYaml.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownDependency);
        writeJson.Should().Throw<PipelineException>();
        writeUploads.Should().Throw<PipelineException>();
        yaml.Should().BeNull();
        json.Should().BeNull();
        uploads.Should().BeNull();
    }

    [Fact]
    public void Validate_returns_the_same_problems_without_throwing()
    {
        // Given
        var pipeline = Pipeline.FromYaml(BrokenYaml, "pipeline.yml");

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Select(d => d.Code).Should().Equal(
            DiagnosticCodes.LiteralSecret,
            DiagnosticCodes.NumberTooSmall,
            DiagnosticCodes.DuplicateKey,
            DiagnosticCodes.UnknownDependency,
            DiagnosticCodes.RetryLimit,
            DiagnosticCodes.IfAndBranches,
            DiagnosticCodes.EmptyGroup);
        diagnostics.Select(d => d.Location.ToString()).Should().Equal(
            "pipeline.yml:2:3",
            "pipeline.yml:7:5",
            "pipeline.yml:13:9",
            "pipeline.yml:15:22",
            "pipeline.yml:19:15",
            "pipeline.yml:22:9",
            "pipeline.yml:25:5");
    }

    [Fact]
    public void A_warning_alone_does_not_stop_the_pipeline_from_being_written()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = "build.brnch == \"main\"" });

        // When
        var yaml = pipeline.ToYaml();

        // Then
        pipeline.Validate().Should().ContainSingle(d => !d.IsError);
        yaml.Should().Contain("if: build.brnch == \"main\"");
    }

    private static void Golden(string actual, [CallerMemberName] string name = "")
    {
        var relative = Path.Combine("Golden", "Validation", name + ".txt");
        var source = Path.Combine(SourceDirectory(), relative);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual + "\n");
            return;
        }

        File.Exists(source).Should().BeTrue($"the golden file {relative} should exist; run the tests with UPDATE_GOLDEN=1 to create it");
        (actual + "\n").Should().Be(File.ReadAllText(source), $"the output should match {relative}; run with UPDATE_GOLDEN=1 to accept a change");
    }

    // Not [CallerFilePath]: a CI build (ContinuousIntegrationBuild) maps source paths to /_/.
    private static string SourceDirectory() => Support.Golden.ProjectDirectory;
}
