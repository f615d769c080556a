using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>Broken input is reported with its code, its place in the pipeline and <c>file:line:col</c>.</summary>
public class YamlPipelineReaderErrorTests
{
    private static Diagnostic SingleError(string yaml)
    {
        var act = () => Pipeline.FromYaml(yaml, "pipeline.yml");
        var exception = act.Should().Throw<PipelineException>().Subject.Single();
        return exception.Diagnostics.Should().ContainSingle(d => d.IsError).Subject;
    }

    [Fact]
    public void Syntax_error_is_reported_with_file_line_and_column()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  label: [unclosed\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Location.Should().NotBeNull();
        error.Location!.Value.File.Should().Be("pipeline.yml");
        error.Location.Value.Line.Should().BeInRange(3, 4);
    }

    [Fact]
    public void Tab_indentation_is_a_syntax_error()
    {
        // Given
        const string yaml = "steps:\n- command: make\n\tlabel: x\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Location!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void Exception_message_names_the_place_of_each_problem()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  timeout_in_minutes: soon\n";

        // When
        var act = () => Pipeline.FromYaml(yaml, "pipeline.yml");

        // Then
        act.Should().Throw<PipelineException>().WithMessage("*pipeline.yml:3:23: error BKD002: steps[0] timeout_in_minutes: *");
    }

    [Fact]
    public void Nested_group_is_reported_at_the_inner_group()
    {
        // Given
        const string yaml = "steps:\n- group: outer\n  steps:\n  - group: inner\n    steps:\n    - command: make\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.WrongType);
        error.Path.Should().Be("steps[0].steps[0]");
        error.Location.Should().Be(new SourceLocation("pipeline.yml", 4, 5));
    }

    [Fact]
    public void Unknown_string_step_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: make\n- waitt\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.UnknownStepType);
        error.Path.Should().Be("steps[1]");
        error.Location.Should().Be(new SourceLocation("pipeline.yml", 3, 3));
    }

    [Fact]
    public void Unknown_type_is_reported_at_the_type()
    {
        // Given
        const string yaml = "steps:\n- type: deploy\n  label: x\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.UnknownStepType);
        error.Field.Should().Be("type");
        error.Location.Should().Be(new SourceLocation("pipeline.yml", 2, 9));
    }

    [Fact]
    public void Step_without_a_recognisable_type_is_reported()
    {
        // Given
        const string yaml = "steps:\n- label: Orphan\n  key: orphan\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.UnknownStepType);
        error.Step.Should().Be("key 'orphan'");
        error.Location.Should().Be(new SourceLocation("pipeline.yml", 2, 3));
    }

    [Theory]
    [InlineData("- 5")]
    [InlineData("- ~")]
    [InlineData("- [a, b]")]
    public void Step_that_is_a_number_null_or_list_is_reported(string step)
    {
        // Given
        var yaml = "steps:\n" + step + "\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.WrongType);
        error.Location!.Value.Line.Should().Be(2);
    }

    [Theory]
    [InlineData("  timeout_in_minutes: soon\n", "timeout_in_minutes", 3)]
    [InlineData("  priority: [1]\n", "priority", 3)]
    [InlineData("  parallelism: 1.5\n", "parallelism", 3)]
    [InlineData("  env: [A=1]\n", "env", 3)]
    [InlineData("  artifact_paths: {a: b}\n", "artifact_paths", 3)]
    [InlineData("  cancel_on_build_failing: maybe\n", "cancel_on_build_failing", 3)]
    [InlineData("  concurrency_method: random\n", "concurrency_method", 3)]
    [InlineData("  retry:\n    automatic:\n    - limit: many\n", "retry.automatic[0].limit", 5)]
    [InlineData("  soft_fail:\n  - exit_status: often\n", "soft_fail.exit_status", 4)]
    [InlineData("  depends_on: {step: a}\n", "depends_on", 3)]
    [InlineData("  plugins: docker\n", "plugins", 3)]
    [InlineData("  agents: queue=x\n", "agents", 3)]
    public void Wrong_type_is_reported_with_the_field_and_its_line(string attribute, string field, int line)
    {
        // Given
        var yaml = "steps:\n- command: make\n" + attribute;

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.WrongType);
        error.Path.Should().Be("steps[0]");
        error.Field.Should().Be(field);
        error.Location!.Value.Line.Should().Be(line);
    }

    [Fact]
    public void Non_string_type_is_reported()
    {
        // Given
        const string yaml = "steps:\n- type: [command]\n  command: make\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.WrongType);
        error.Field.Should().Be("type");
    }

    [Fact]
    public void Empty_text_is_reported()
    {
        // Given
        const string yaml = "";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
    }

    [Fact]
    public void Several_documents_are_refused_by_from_yaml()
    {
        // Given
        const string yaml = "steps:\n- wait\n---\nsteps:\n- wait\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Message.Should().Contain("2 YAML documents");
    }

    [Fact]
    public void Alias_to_an_unknown_anchor_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  retry: *missing\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Location!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void Null_map_key_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  env:\n    ~: x\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Location!.Value.Line.Should().Be(4);
    }

    [Fact]
    public void Merging_a_scalar_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  <<: text\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Location!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void Invalid_upload_time_expansion_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: echo ${VAR:?oops}\n";

        // When
        var error = SingleError(yaml);

        // Then
        error.Code.Should().Be(DiagnosticCodes.InvalidExpansion);
        error.Field.Should().Be("command");
        error.Location.Should().Be(new SourceLocation("pipeline.yml", 2, 12));
    }

    [Theory]
    [InlineData("\\ud83d\\ude80")]
    [InlineData("\\uD83D")]
    [InlineData("\\/")]
    public void Json_escape_the_agent_rejects_is_reported(string escape)
    {
        // Given: valid JSON (System.Text.Json writes emoji so), but yaml.v3 fails on these escapes.
        var json = "{\"steps\": [\n  {\"label\": \"Deploy " + escape + "\", \"command\": \"make\"}]}";

        // When
        var act = () => Pipeline.FromJson(json, "pipeline.json");

        // Then
        var error = act.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Location.Should().Be(new SourceLocation("pipeline.json", 2, 13));
    }

    [Fact]
    public void Escaped_backslash_before_a_slash_is_not_an_escaped_slash()
    {
        // Given
        const string json = "{\"steps\": [{\"command\": \"echo C:\\\\/tmp\"}]}";

        // When
        var pipeline = Pipeline.FromJson(json);

        // Then
        pipeline.Steps[0].Should().BeOfType<CommandStep>().Which.Command.Should().Be("echo C:\\/tmp");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  priority: high\n- waitt\n- command: make\n  timeout_in_minutes: []\n";

        // When
        var act = () => Pipeline.FromYaml(yaml, "pipeline.yml");

        // Then
        act.Should().Throw<PipelineException>().Which.Diagnostics.Where(d => d.IsError).Select(d => d.Location!.Value.Line).Should().Equal(3, 4, 6);
    }
}
