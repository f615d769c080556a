using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;
using FluentAssertions.Execution;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// JSON output is read by the agent with its YAML parser: no surrogate-pair escapes (emoji are raw UTF-8), no
/// <c>\/</c>, and every string comes back exactly, whether read as JSON or as YAML.
/// </summary>
public class JsonQuotingTests
{
    public static TheoryData<string, string> Strings() => TrickyStrings.Data();

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_reaches_the_agent_exactly_when_read_as_json(string name, string text)
    {
        // Given
        var pipeline = TrickyStrings.PipelineWith(text);

        // When
        var json = Written.JsonText(pipeline);

        // Then
        var root = JsonNode.Parse(json);
        using var scope = new AssertionScope($"{name} in\n{json}\n");
        foreach (var place in TrickyStrings.Places(text))
        {
            IndependentYaml.Find(root, place)!.GetValue<string>().Should().Be(TrickyStrings.AgentText(text), place);
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_reaches_the_agent_exactly_when_read_as_yaml(string name, string text)
    {
        // Given: the agent parses JSON with gopkg.in/yaml.v3.
        var pipeline = TrickyStrings.PipelineWith(text);

        // When
        var json = Written.JsonText(pipeline);

        // Then
        var root = IndependentYaml.ToJson(json);
        using var scope = new AssertionScope($"{name} in\n{json}\n");
        foreach (var place in TrickyStrings.Places(text))
        {
            IndependentYaml.Find(root, place)!.GetValue<string>().Should().Be(TrickyStrings.AgentText(text), place);
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Json_has_no_surrogate_pair_escapes_and_no_escaped_slash(string name, string text)
    {
        // Given
        var pipeline = TrickyStrings.PipelineWith(text + " / \U0001F680");

        // When
        var json = Written.JsonText(pipeline);

        // Then
        using var scope = new AssertionScope(name);
        JsonText.HasSurrogateEscape(json).Should().BeFalse("the agent rejects surrogate-pair escapes");
        JsonText.HasEscapedSlash(json).Should().BeFalse("the agent's YAML parser rejects \\/");
        json.Should().Contain("\U0001F680", "characters outside the BMP are written raw");
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_is_read_back_from_json_by_the_library_unchanged(string name, string text)
    {
        // Given
        var json = Written.JsonText(TrickyStrings.PipelineWith(text));

        // When
        var again = Pipeline.FromJson(json);

        // Then
        var command = again.Steps[0].Should().BeOfType<CommandStep>().Subject;
        using var scope = new AssertionScope(name);
        command.Label.Should().Be(text);
        command.Command.Should().Be(text);
        command.Env["VALUE"].Should().Be(text);
    }

    [Fact]
    public void Json_escapes_control_characters_and_line_separators()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "a\u0001\u0085\u2028\u2029\uFEFF\t\r\n\"\\b" }] };

        // When
        var json = Written.JsonText(pipeline);

        // Then
        json.Should().Contain("\"command\": \"a\\u0001\\u0085\\u2028\\u2029\\uFEFF\\t\\r\\n\\\"\\\\b\"");
    }

    [Fact]
    public void Json_writes_emoji_raw()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = "Deploy \U0001F680", Command = "make" }] };

        // When
        var json = Written.JsonText(pipeline);

        // Then
        json.Should().Be("{\n  \"steps\": [\n    {\n      \"label\": \"Deploy \U0001F680\",\n      \"command\": \"make\"\n    }\n  ]\n}\n");
    }
}
