using System.Text;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// Reading then writing keeps the meaning: the model survives YAML and JSON byte for byte, and hand-written
/// pipelines (SCION's own among them) mean the same to the agent after a trip through the model.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string> ScionFiles() =>
        new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "scion"), "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Model_to_yaml_to_model_to_yaml_is_byte_identical()
    {
        // Given
        var yaml = EverythingPipeline.Create().ToYaml();

        // When
        var again = Pipeline.FromYaml(yaml).ToYaml();

        // Then
        again.Should().Be(yaml);
    }

    [Fact]
    public void Model_to_json_to_model_to_json_is_byte_identical()
    {
        // Given
        var json = EverythingPipeline.Create().ToJson();

        // When
        var again = Pipeline.FromJson(json).ToJson();

        // Then
        again.Should().Be(json);
    }

    [Fact]
    public void Pipeline_read_from_json_is_written_as_the_same_yaml()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var viaJson = Pipeline.FromJson(pipeline.ToJson()).ToYaml();

        // Then
        viaJson.Should().Be(pipeline.ToYaml());
    }

    [Fact]
    public void Reading_the_everything_pipeline_reports_nothing()
    {
        // Given
        var yaml = EverythingPipeline.Create().ToYaml();

        // When
        var result = Buildkite.Dsl.Serialization.YamlPipelineReader.Read(yaml, null);

        // Then
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Hand_written_pipeline_in_every_form_is_stable_after_one_trip()
    {
        // Given
        const string yaml = """
            defaults: &defaults
              timeout_in_minutes: 10
              retry: {automatic: true}
            steps:
            - waiter
            - type: script
              name: Build
              id: build
              command: [make build, make test]
              <<: *defaults
            - command: {commands: make lint, identifier: lint, depends_on: build}
            - wait: {continue_on_failure: true}
            - manual
            - block: Go
              fields: [{select: Pick, key: pick, default: a, options: [{label: A, value: a}]}]
            - trigger: {trigger: deploy, build: {env: {A: "1"}}}
            - group: ~
              label: Checks
              steps: [input]
            """;

        // When
        var once = Pipeline.FromYaml(yaml).ToYaml();
        var twice = Pipeline.FromYaml(once).ToYaml();

        // Then
        twice.Should().Be(once);
        PipelineSchema.ShouldAcceptYaml(once);
    }

    [Theory]
    [MemberData(nameof(ScionFiles))]
    public void Scion_reference_file_keeps_its_meaning(string file)
    {
        // Given
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file));

        // When
        var written = Pipeline.FromYaml(original, file).ToYaml();

        // Then
        var expected = AgentView(IndependentYaml.ToJson(original)).ToJsonString();
        var actual = AgentView(IndependentYaml.ToJson(written)).ToJsonString();
        actual.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(ScionFiles))]
    public void Scion_reference_file_is_rewritten_as_its_golden_file(string file)
    {
        // Given
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file));

        // When
        var written = Pipeline.FromYaml(original, file).ToYaml();

        // Then
        Golden.Match(written, "Scion", "yml", Path.GetFileNameWithoutExtension(file));
    }

    [Theory]
    [MemberData(nameof(ScionFiles))]
    public void Scion_reference_file_is_stable_after_one_trip(string file)
    {
        // Given
        var once = Pipeline.FromYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file)), file).ToYaml();

        // When
        var twice = Pipeline.FromYaml(once).ToYaml();

        // Then
        twice.Should().Be(once);
    }

    [Theory]
    [MemberData(nameof(ScionFiles))]
    public void Scion_reference_file_is_valid_against_the_schema_after_a_trip(string file)
    {
        // Given
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file));

        // When
        var written = Pipeline.FromYaml(original, file).ToYaml();

        // Then
        PipelineSchema.ShouldAcceptYaml(written);
    }

    /// <summary>
    /// The pipeline as the agent sends it on: top-level keys that only held anchors dropped (the agent keeps them,
    /// but they carry no steps), each step's keys sorted (the agent re-emits step attributes sorted), the
    /// <c>command</c>/<c>commands</c> list joined into one <c>command</c> string, one-item forms made lists, and
    /// every string as it reads after upload-time interpolation.
    /// </summary>
    private static JsonNode AgentView(JsonNode? root)
    {
        var pipeline = root!.AsObject();
        var view = new JsonObject();
        foreach (var (key, value) in pipeline)
        {
            if (key is "steps")
            {
                view[key] = new JsonArray(value!.AsArray().Select(Step).ToArray());
            }
            else if (key is "env" or "agents" or "notify" or "image" or "secrets" or "priority")
            {
                view[key] = Interpolated(value);
            }
        }

        return view;

        static JsonNode? Step(JsonNode? step)
        {
            if (step is not JsonObject map)
            {
                return Interpolated(step);
            }

            var sorted = new JsonObject();
            foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                switch (key)
                {
                    case "command" or "commands":
                        sorted["command"] = value is JsonArray lines ? string.Join('\n', lines.Select(l => Interpolate(l!.GetValue<string>()))) : Interpolated(value);
                        break;
                    case "depends_on" or "artifact_paths" when value is JsonValue single:
                        sorted[key] = new JsonArray(Interpolated(single));
                        break;
                    case "steps":
                        sorted[key] = new JsonArray(value!.AsArray().Select(Step).ToArray());
                        break;
                    case "plugins":
                        sorted[key] = new JsonArray(value!.AsArray().Select(p => p is JsonObject plugin && plugin.Single().Value is null ? JsonValue.Create(plugin.Single().Key) : Interpolated(p)).ToArray());
                        break;
                    default:
                        sorted[key] = Interpolated(value);
                        break;
                }
            }

            return sorted;
        }
    }

    /// <summary>A copy of the value with every string interpolated and object keys sorted.</summary>
    private static JsonNode? Interpolated(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(Interpolate(p.Key), Interpolated(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Interpolated).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(Interpolate(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// The text as the agent's upload-time interpolation leaves it, with variables kept by name: <c>$$</c> and
    /// <c>\$</c> become <c>$</c>, <c>$NAME</c> and <c>${…}</c> become <c>⟦${…}⟧</c>; written independently of the library.
    /// </summary>
    private static string Interpolate(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '$' && next == '$') || (c == '\\' && next == '$'))
            {
                result.Append('$');
                i++;
            }
            else if (c == '$' && next == '{')
            {
                var depth = 0;
                var end = i + 1;
                for (; end < text.Length; end++)
                {
                    depth += text[end] == '{' ? 1 : text[end] == '}' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                result.Append('⟦').Append(text, i, end - i + 1).Append('⟧');
                i = end;
            }
            else if (c == '$' && char.IsLetter(next))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                result.Append("⟦${").Append(text, i + 1, end - i - 1).Append("}⟧");
                i = end - 1;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
