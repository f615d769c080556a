using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests;

public class PipelineTests
{
    [Fact]
    public void Everything_pipeline_is_written_as_yaml()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var yaml = pipeline.ToYaml();

        // Then
        Golden.Match(yaml, "Pipeline", "yml");
    }

    [Fact]
    public void Everything_pipeline_is_written_as_json()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var json = pipeline.ToJson();

        // Then
        Golden.Match(json, "Pipeline", "json");
    }

    [Fact]
    public void Everything_pipeline_as_yaml_is_valid_against_the_schema()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var yaml = pipeline.ToYaml();

        // Then
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Everything_pipeline_as_json_is_valid_against_the_schema()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var json = pipeline.ToJson();

        // Then
        PipelineSchema.ShouldAcceptJson(json);
    }

    [Fact]
    public void Everything_pipeline_has_the_same_values_in_yaml_and_json()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var fromYaml = IndependentYaml.ToJson(pipeline.ToYaml());
        var fromJson = System.Text.Json.Nodes.JsonNode.Parse(pipeline.ToJson());

        // Then
        System.Text.Json.Nodes.JsonNode.DeepEquals(fromYaml, fromJson).Should().BeTrue(
            "both writers print the same node tree:\n{0}\n{1}", fromYaml?.ToJsonString(), fromJson?.ToJsonString());
    }

    [Fact]
    public void Everything_pipeline_writes_every_attribute_the_schema_knows()
    {
        // Given: aliases the writer never uses (id, identifier, name, script, waiter) are read, not written.
        var schema = PipelineSchema.AllPropertyNames().Except(["id", "identifier", "script", "waiter"]);

        // When
        var written = new HashSet<string>(StringComparer.Ordinal);
        Collect(System.Text.Json.Nodes.JsonNode.Parse(EverythingPipeline.Create().ToJson()), written);

        // Then
        schema.Except(written).Should().BeEmpty("every attribute of the schema is modelled and used in the everything pipeline");
    }

    private static void Collect(System.Text.Json.Nodes.JsonNode? node, HashSet<string> keys)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                keys.Add(key);
                Collect(value, keys);
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, keys);
            }
        }
    }

    [Fact]
    public void Every_top_level_attribute_the_schema_knows_is_modelled()
    {
        // Given
        var schema = PipelineSchema.PropertiesOf(null);

        // When
        var modelled = AttributeSamples.PropertyNames<Pipeline>().Select(AttributeSamples.SnakeCase);

        // Then
        modelled.Should().BeEquivalentTo(schema);
    }

    [Fact]
    public void Top_level_attributes_come_before_steps_and_extra_keys_after()
    {
        // Given
        var pipeline = new Pipeline
        {
            Extra = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["x-meta"] = "m" },
            Steps = [Step.Wait],
            Priority = 2,
            Secrets = ["S"],
            Image = "alpine",
            Notify = [new EmailNotification { Email = "a@example.com" }],
            Agents = new() { ["queue"] = "q" },
            Env = new Dictionary<string, string> { ["A"] = "1" },
        };

        // When
        var keys = ((YamlDotNet.RepresentationModel.YamlMappingNode)IndependentYaml.Parse(pipeline.ToYaml())).Children.Keys.Select(k => k.ToString());

        // Then
        keys.Should().Equal("env", "agents", "image", "priority", "secrets", "notify", "steps", "x-meta");
    }

    [Fact]
    public void Top_level_env_keeps_its_order()
    {
        // Given: the agent interpolates the top-level env in order, so later entries may use earlier ones.
        var env = new OrderedDictionary<string, string> { ["Z"] = "1", ["A"] = $"{Env.Upload("Z")}-2", ["M"] = "3" };
        var pipeline = new Pipeline { Env = env, Steps = [Step.Wait] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("env:\n  Z: \"1\"\n  A: ${Z}-2\n  M: \"3\"\nsteps:\n- wait\n");
    }

    [Fact]
    public void Pipeline_without_steps_writes_an_empty_list()
    {
        // Given
        var pipeline = new Pipeline();

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps: []\n");
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Everything_pipeline_has_no_errors()
    {
        // Given
        var pipeline = EverythingPipeline.Create();

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Should().NotContain(d => d.IsError);
    }
}
