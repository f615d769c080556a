using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests;

public class ContractTests
{
    [Fact]
    public void The_public_contract_snippet_compiles_and_prints_a_pipeline()
    {
        // Given
        var build = new CommandStep
        {
            Label = "Build :bazel:",
            Key = "build",
            Command = "bazel build //:scion",
            ArtifactPaths = ["scion.tar.gz"],
            TimeoutInMinutes = 10,
        };
        var unit = new CommandStep { Label = "Unit tests", Key = "unit_tests", Command = "bazel test //...", DependsOn = [build] };
        var lint = new CommandStep { Label = "Lint", Key = "lint", Command = "make lint", DependsOn = ["unit_tests"], Parallelism = 2 };
        var pipeline = new Pipeline
        {
            Steps = [build, new WaitStep(), unit, new GroupStep { Group = "Checks", Steps = [lint] }],
        };

        // When
        string yaml = pipeline.ToYaml();
        string json = pipeline.ToJson();
        Pipeline again = Pipeline.FromYaml(yaml);

        // Then
        Golden.Match(yaml, "Contract", "yml");
        PipelineSchema.ShouldAcceptYaml(yaml);
        PipelineSchema.ShouldAcceptJson(json);
        again.ToYaml().Should().Be(yaml);
        again.ToJson().Should().Be(json);
    }
}
