using Buildkite.Dsl.Tests.Support;
using FluentAssertions.Execution;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// Every string reaches the agent exactly: nothing changes type (<c>yes</c>, <c>0123</c>, <c>null</c>), nothing is
/// cut by YAML syntax (<c> #</c>, <c>: </c>, leading indicators), no character is lost or folded (tabs, line
/// breaks, CR, NEL, U+2028, BOM, control characters). Checked with an independent YAML parse.
/// </summary>
public class YamlQuotingTests
{
    public static TheoryData<string, string> Strings() => TrickyStrings.Data();

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_reaches_the_agent_exactly_in_every_place(string name, string text)
    {
        // Given
        var pipeline = TrickyStrings.PipelineWith(text);

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        var root = IndependentYaml.Parse(yaml);
        using var scope = new AssertionScope($"{name} in\n{yaml}\n");
        foreach (var place in TrickyStrings.Places(text))
        {
            var node = IndependentYaml.Find(root, place).Should().BeOfType<YamlScalarNode>().Subject;
            IndependentYaml.IsString(node).Should().BeTrue($"{place} must stay a string");
            node.Value.Should().Be(TrickyStrings.AgentText(text), $"{place} must keep every character");
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Plain_scalars_are_strings_under_yaml_1_1_as_well(string name, string text)
    {
        // Given
        var pipeline = TrickyStrings.PipelineWith(text);

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        var root = IndependentYaml.Parse(yaml);
        foreach (var place in TrickyStrings.Places(text))
        {
            var node = (YamlScalarNode)IndependentYaml.Find(root, place);
            if (node.Style == ScalarStyle.Plain)
            {
                IndependentYaml.IsUnambiguousString(node.Value!).Should().BeTrue($"{name} is written plain at {place}, where a YAML 1.1 tool would read it as another type");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_is_read_back_by_the_library_unchanged(string name, string text)
    {
        // Given
        var yaml = Written.Yaml(TrickyStrings.PipelineWith(text));

        // When
        var again = Pipeline.FromYaml(yaml);

        // Then
        var command = again.Steps[0].Should().BeOfType<CommandStep>().Subject;
        using var scope = new AssertionScope(name);
        again.Env["PIPELINE_VALUE"].Should().Be(text);
        command.Label.Should().Be(text);
        command.Command.Should().Be(text);
        command.Env["VALUE"].Should().Be(text);
        command.ArtifactPaths.Should().Equal(text);
        command.Agents!["queue"].Should().Be(text);
        command.Plugins[0].ToConfiguration()!["value"]!.GetValue<string>().Should().Be(text);
        command.Extra["x-extra"]!.GetValue<string>().Should().Be(text);
        again.Steps[1].Should().BeOfType<BlockStep>().Which.Prompt.Should().Be(text);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Writing_what_was_read_gives_the_same_yaml(string name, string text)
    {
        // Given
        var yaml = Written.Yaml(TrickyStrings.PipelineWith(text));

        // When
        var again = Written.Yaml(Pipeline.FromYaml(yaml));

        // Then
        again.Should().Be(yaml, name);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_reaches_the_agent_exactly_as_a_map_key(string name, string text)
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { [text] = "pipeline" },
            Steps =
            [
                new CommandStep
                {
                    Command = "make",
                    Env = new Dictionary<string, string> { [text] = "step" },
                    Agents = new() { [text] = "agents" },
                    Plugins = [new Dsl.Plugins.UntypedPlugin("docker#v5.13.0", new System.Text.Json.Nodes.JsonObject { [text] = "plugin" })],
                },
            ],
        };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        var root = IndependentYaml.Parse(yaml);
        var key = TrickyStrings.AgentText(text);
        using var scope = new AssertionScope($"{name} in\n{yaml}\n");
        KeysOf(IndependentYaml.Find(root, "env")).Should().Equal(key);
        KeysOf(IndependentYaml.Find(root, "steps/0/env")).Should().Equal(key);
        KeysOf(IndependentYaml.Find(root, "steps/0/agents")).Should().Equal(key);
        KeysOf(IndependentYaml.Find(root, "steps/0/plugins/0/docker#v5.13.0")).Should().Equal(key);
        Written.Yaml(Pipeline.FromYaml(yaml)).Should().Be(yaml, "reading and writing again keeps the key");
    }

    private static List<string?> KeysOf(YamlNode map) =>
        ((YamlMappingNode)map).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

    [Fact]
    public void Every_tricky_string_is_written_as_in_the_golden_file()
    {
        // Given
        var pipeline = new Pipeline { Steps = TrickyStrings.All.Select(s => (Step)new CommandStep { Label = s.Name, Command = s.Text }).ToList() };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        Golden.Match(yaml, "Quoting", "yml");
    }

    [Fact]
    public void Every_tricky_string_is_written_as_in_the_golden_json_file()
    {
        // Given
        var pipeline = new Pipeline { Steps = TrickyStrings.All.Select(s => (Step)new CommandStep { Label = s.Name, Command = s.Text }).ToList() };

        // When
        var json = Written.JsonText(pipeline);

        // Then
        Golden.Match(json, "Quoting", "json");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0123")]
    [InlineData("2024-01-02")]
    [InlineData("null")]
    [InlineData("")]
    public void Strings_yaml_would_read_as_another_type_are_double_quoted(string text)
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = text, Command = "make" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Contain($"label: \"{text}\"\n");
    }

    [Fact]
    public void Multi_line_command_is_a_literal_block()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "make build\nmake test\n" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("steps:\n- command: |\n    make build\n    make test\n");
    }

    [Fact]
    public void Multi_line_command_without_final_newline_strips_it()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "make build\nmake test" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("steps:\n- command: |-\n    make build\n    make test\n");
    }

    [Fact]
    public void Literal_dollar_is_doubled_for_upload_interpolation()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "echo $HOME ${USER} $$" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("steps:\n- command: echo $$HOME $${USER} $$$$\n");
    }

    [Fact]
    public void Upload_time_variable_is_written_for_the_agent_to_expand()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = $"echo $HOME {Env.Upload("SCION_VERSION")}" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("steps:\n- command: echo $$HOME ${SCION_VERSION}\n");
    }

    [Fact]
    public void Double_quoted_text_never_escapes_a_dollar_with_a_backslash()
    {
        // Given: "\$" is an invalid escape inside YAML double quotes.
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = "yes $x", Command = "0123 $y" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().NotContain("\\$");
    }
}
