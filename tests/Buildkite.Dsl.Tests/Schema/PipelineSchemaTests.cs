using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Schema;

/// <summary>
/// Every golden file is valid against Buildkite's schema; and the schema helper itself can fail, so a
/// passing check means something.
/// </summary>
public class PipelineSchemaTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Golden.AllFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_file_is_valid_against_the_schema(string file)
    {
        // Given
        var text = Golden.Read(file);

        // When
        var extension = Path.GetExtension(file).TrimStart('.');

        // Then
        PipelineSchema.ShouldAccept(text, extension);
    }

    [Fact]
    public void Golden_files_exist_in_yaml_and_json()
    {
        // Given
        var files = Golden.AllFiles().ToList();

        // When
        var extensions = files.Select(Path.GetExtension).Distinct().ToList();

        // Then
        extensions.Should().Contain([".yml", ".json"]);
    }

    [Fact]
    public void Schema_is_evaluated_as_draft_07()
    {
        // Given: in draft-07 a "$ref" ignores its sibling keywords; in 2019-09 and later they also apply.
        var schema = Json.Schema.JsonSchema.FromText(
            """{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 1}""",
            new Json.Schema.BuildOptions { Dialect = Json.Schema.Dialect.Draft07 });

        // When
        using var document = System.Text.Json.JsonDocument.Parse("\"long text\"");
        var result = schema.Evaluate(document.RootElement);

        // Then
        result.IsValid.Should().BeTrue("draft-07 ignores maxLength beside $ref");
    }

    [Theory]
    [InlineData("steps:\n- command: make\n  key: has space\n", "a key with a space")]
    [InlineData("steps:\n- command: make\n  key: 01234567-89ab-cdef-0123-456789abcdef\n", "a key shaped like a UUID")]
    [InlineData("steps:\n- group: outer\n  steps:\n  - group: inner\n    steps:\n    - command: make\n", "a nested group")]
    [InlineData("steps:\n- command: make\n  checkout:\n    skip: true\n", "an attribute the schema does not know")]
    [InlineData("steps:\n- command: make\n  matrix:\n  - 1.5\n", "a float matrix value")]
    [InlineData("steps:\n- command: make\n  priority: \"1\"\n", "a string where an integer belongs")]
    [InlineData("steps:\n- command: make\n  retry:\n    automatic:\n    - limit: 11\n", "a retry limit above 10")]
    [InlineData("steps:\n- command: make\n  soft_fail:\n  - exit_status: [1, 2]\n", "a list of exit statuses in soft_fail")]
    [InlineData("steps:\n- block: Go\n  fields:\n  - select: Pick\n    key: pick\n", "a select field without options")]
    [InlineData("steps:\n- block: ~\n  key: b\n", "a block step with a null label")]
    [InlineData("env: {}\n", "a pipeline without steps")]
    [InlineData("- command: make\n", "the legacy top-level list")]
    public void Schema_rejects_what_buildkite_rejects(string yaml, string because)
    {
        // Given
        var text = yaml;

        // When
        var result = PipelineSchema.EvaluateYaml(text);

        // Then
        result.IsValid.Should().BeFalse(because);
        PipelineSchema.Describe(result).Should().NotBeEmpty("a failure lists its evaluation errors");
    }

    [Fact]
    public void Failure_message_lists_the_evaluation_errors()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  key: has space\n";

        // When
        var act = () => PipelineSchema.ShouldAcceptYaml(yaml);

        // Then
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*/steps/0/key*pattern*");
    }

    [Fact]
    public void Schema_accepts_a_key_with_an_upload_time_expansion()
    {
        // Given: one of the schema repository's own boundary cases.
        const string yaml = "steps:\n- command: make\n  key: ${TPU_VERSION:-tpu6e}_build_docker\n";

        // When
        var result = PipelineSchema.EvaluateYaml(yaml);

        // Then
        result.IsValid.Should().BeTrue(PipelineSchema.Describe(result));
    }
}
