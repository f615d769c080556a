using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

/// <summary><c>run --format json</c> and <c>run --validate-only</c>.</summary>
public class RunOutputTests
{
    private const string Script = """
        using Buildkite.Dsl;
        Console.Write(new Pipeline { Steps = [new CommandStep { Label = ":rocket: Ship", Command = "echo $HOME/x" }] }.ToYaml());
        """;

    [Fact]
    public async Task Format_json_prints_the_same_pipeline_as_json()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", Script);

        // When
        var result = await InProcess.RunAsync("run", script, "--format", "json");

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Be("{\n  \"steps\": [\n    {\n      \"label\": \":rocket: Ship\",\n      \"command\": \"echo $$HOME/x\"\n    }\n  ]\n}\n");
    }

    [Fact]
    public async Task Format_yaml_is_the_default()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", Script);

        // When
        var result = await InProcess.RunAsync("run", script, "--format", "yaml");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("steps:\n- label: ':rocket: Ship'\n  command: echo $$HOME/x\n");
    }

    [Fact]
    public async Task Format_json_of_several_uploads_is_refused()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", "Console.Write(\"---\\nsteps:\\n- wait\\n---\\nsteps:\\n- wait\\n\");\n");

        // When
        var result = await InProcess.RunAsync("run", script, "--format", "json");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("holds 2 YAML documents").And.Contain("--format yaml");
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        // When
        var result = await InProcess.RunAsync("run", "pipeline.csx", "--format", "toml");

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("toml");
    }

    [Fact]
    public async Task Validate_only_prints_nothing_for_a_valid_pipeline()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", Script);

        // When
        var result = await InProcess.RunAsync("run", script, "--validate-only");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().BeEmpty();
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_only_reports_what_the_schema_rejects_in_the_output_and_prints_nothing()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", "Console.Write(\"steps:\\n- command: make\\n  colour: red\\n\");\n");

        // When
        var result = await InProcess.RunAsync("run", script, "--validate-only");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain(":3:3: error BKD010").And.Contain("colour");
    }
}
