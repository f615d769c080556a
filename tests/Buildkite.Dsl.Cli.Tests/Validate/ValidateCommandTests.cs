using Buildkite.Dsl.Cli.Tests.Support;
using Buildkite.Dsl.Cli.Validate;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Validate;

public class ValidateCommandTests
{
    [Fact]
    public async Task A_valid_pipeline_is_reported_valid_with_exit_code_0()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", Corpus.Read("monorepo.yml"));

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be($"{file}: valid\n");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_key_of_100_characters_is_valid()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", $"steps:\n  - command: make\n    key: {new string('k', 100)}\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_key_of_101_characters_is_an_error_at_its_place()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", $"steps:\n  - command: make\n    key: {new string('k', 101)}\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().Be($"{file}: 1 error\n");
        result.Error.Should().StartWith($"{file}:3:5: error BKD101: steps[0] (key 'kkk").And.Contain("has 101 characters");
    }

    [Fact]
    public async Task A_key_with_a_space_is_an_error_at_its_place()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    key: build app\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith($"{file}:3:5: error BKD102: steps[0] (key 'build app') key:");
    }

    [Fact]
    public async Task A_yaml_syntax_error_names_the_line_and_column()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - label: :docker: Build\n    command: make\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().Be($"{file}: 1 error\n");
        result.Error.Should().StartWith($"{file}:2:").And.Contain("error BKD001: The YAML cannot be parsed");
    }

    [Fact]
    public async Task An_unknown_attribute_is_an_error_of_the_schema_with_the_nearest_name()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    artifact_path: dist/*\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(
            $"{file}:3:5: error BKD010: steps[0] artifact_path: 'artifact_path' is not an attribute of a command step in the official schema. Help: Did you mean 'artifact_paths'?\n");
    }

    [Fact]
    public async Task A_value_of_a_form_the_schema_does_not_allow_lists_the_allowed_forms()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    branches: 5\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().Be($"{file}:3:5: error BKD010: steps[0] branches: 'branches' must be a string or a list, not 5.\n");
    }

    [Fact]
    public async Task A_value_that_breaks_a_pattern_of_the_schema_is_an_error_in_the_nested_attribute()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    cache:\n      paths: [node_modules]\n      size: 20gb\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().Be($"{file}:5:7: error BKD010: steps[0] cache.size: 'cache.size' '20gb' does not match the pattern ^\\d+g$.\n");
    }

    [Fact]
    public async Task The_checks_of_the_library_are_reported_with_their_place()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    key: build\n  - command: test\n    depends_on: biuld\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith($"{file}:5:5: error BKD110: steps[1] (command step) depends_on[0]: depends_on names the key 'biuld'")
            .And.Contain("Did you mean 'build'?");
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_in_the_order_of_the_file()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    key: a b\n    colour: red\n  - wait:\n    continue_on_failur: true\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().Be($"{file}: 3 errors\n");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith($"{file}:3:5: error BKD102");
        lines[1].Should().StartWith($"{file}:4:5: error BKD010");
        lines[2].Should().StartWith($"{file}:6:5: error BKD010").And.Contain("Did you mean 'continue_on_failure'?");
    }

    [Fact]
    public async Task Warnings_do_not_fail_unless_they_are_errors()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: make\n    plugins:\n      docker#v5.13.0: {image: node}\n");

        // When
        var lenient = await InProcess.RunAsync("validate", file);
        var strict = await InProcess.RunAsync("validate", "--warnings-as-errors", file);

        // Then
        lenient.ExitCode.Should().Be(0);
        lenient.Output.Should().Be($"{file}: valid, 1 warning\n");
        lenient.Error.Should().Contain("warning BKD004").And.Contain("deprecated");
        strict.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Json_is_checked_as_the_agent_reads_it()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.json", "{\n  \"steps\": [\n    {\"command\": \"make\", \"timeout_in_minutes\": \"ten\"}\n  ]\n}\n");

        // When
        var result = await InProcess.RunAsync("validate", file);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"{file}:3:").And.Contain("timeout_in_minutes");
    }

    [Fact]
    public async Task A_script_is_run_and_what_it_prints_is_checked()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", "Console.Write(\"steps:\\n- command: make\\n  colour: red\\n\");\n");

        // When
        var result = await InProcess.RunAsync("validate", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith($"<output of {script}>:3:3: error BKD010: steps[0] colour:");
    }

    [Fact]
    public async Task A_script_that_does_not_compile_fails_validation()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", "int x = \"no\";\n");

        // When
        var result = await InProcess.RunAsync("validate", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().Be($"{script}: the script failed\n");
        result.Error.Should().Contain("error CS0029");
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_exit_code_2_and_the_others_are_still_checked()
    {
        // Given
        using var folder = new ScriptFolder();
        var valid = folder.Write("pipeline.yml", "steps:\n  - wait\n");

        // When
        var result = await InProcess.RunAsync("validate", "/no/such.yml", valid);

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().Be($"/no/such.yml: not read\n{valid}: valid\n");
        result.Error.Should().StartWith("error: cannot read the pipeline '/no/such.yml'");
    }

    [Fact]
    public void The_embedded_schema_is_the_copy_the_tests_check_against()
    {
        // Given
        var copy = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Buildkite.Dsl.Tests", "Schema", "pipeline-schema.json"));

        // When
        var embedded = SchemaValidator.SchemaText();

        // Then
        embedded.Should().Be(copy);
    }
}
