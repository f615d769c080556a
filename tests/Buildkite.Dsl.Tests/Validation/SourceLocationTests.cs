using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class SourceLocationTests
{
    [Fact]
    public void Checks_of_nested_attributes_point_at_their_line_and_column()
    {
        // Given
        const string Yaml = """
            notify:
              - email: ci@example.com
                if: build.stat == "failed"
            steps:
              - command: test
                matrix:
                  setup:
                    os: [linux]
                    go-version: ["1.24"]
                  adjustments:
                    - with: { arc: riscv }
                soft_fail:
                  - exit_status: 300
                env:
                  DEPLOY_TOKEN: abcdefgh
              - block: Release
                fields:
                  - text: Name
                    key: release.name
              - trigger: deploy
                build:
                  env:
                    NPM_TOKEN: abcdefgh
            """;
        var pipeline = Pipeline.FromYaml(Yaml, "p.yml");

        // When
        var places = pipeline.Validate().Select(d => $"{d.Code} {d.Field} {d.Location}").ToList();

        // Then
        places.Should().Equal(
            "BKD251 notify[0].if p.yml:3:5",
            "BKD224 matrix.setup.go-version p.yml:9:9",
            "BKD224 matrix.adjustments[0].with p.yml:11:11",
            "BKD205 soft_fail[0].exit_status p.yml:13:9",
            "BKD240 env.DEPLOY_TOKEN p.yml:15:7",
            "BKD230 fields[0].key p.yml:19:9",
            "BKD240 build.env.NPM_TOKEN p.yml:23:9");
    }
}
