using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// Property-based: arbitrary text (any Unicode scalar, control characters, YAML-special fragments, <c>$</c> and
/// backslashes) in labels, commands, env keys and values and plugin configuration reaches the agent exactly,
/// checked with an independent parse of the YAML and JSON output.
/// </summary>
public class ArbitraryTextPropertyTests
{
    /// <summary>Samples per property: 400, or CsCheck_Iter for a longer local run.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), System.Globalization.CultureInfo.InvariantCulture, out var iterations) ? iterations : 400;

    /// <summary>Pieces that YAML, JSON or the agent's interpolation treat specially.</summary>
    private static readonly Gen<string> Special = Gen.OneOf(
        "yes", "no", "on", "0123", "1.10", "1e3", "0x1F", "2024-01-02", "null", "~", "true", "<<", "=",
        ": ", " #", "#", "- ", "-", "? ", "*", "&", "!", "@", "%", "`", "|", ">", "[", "]", "{", "}", ",", "'", "\"",
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\uFEFF", "\0", "\u001B", "\u007F", "\u00A0",
        "$", "$$", "${A}", "$A", "${A:-b}", "$(", "\\", "\\\\", "/", "\\/", "\\u0041", "\U0001F680", "---", "...", "{{matrix}}");

    /// <summary>Any Unicode scalar value except the two noncharacters the library reserves.</summary>
    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (2, Gen.Char['\0', '\u00FF'].Select(c => c.ToString())),
        (2, Gen.Char['\u0100', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Where(c => c is not (InterpolatedTextMarkers.Open or InterpolatedTextMarkers.Close)).Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> Text = Gen.Frequency((3, Scalar), (2, Special)).Array[0, 12].Select(string.Concat);

    /// <summary>Arbitrary text that has an exact encoding: a space is put between an odd run of backslashes and a <c>$</c>.</summary>
    private static readonly Gen<string> EncodableText = Text.Select(MakeEncodable);

    private static string MakeEncodable(string text)
    {
        var result = new System.Text.StringBuilder();
        var backslashes = 0;
        foreach (var c in text)
        {
            if (c == '$' && backslashes % 2 == 1)
            {
                result.Append(' ');
            }

            result.Append(c);
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }

        return result.ToString();
    }

    /// <summary>Whether the agent's interpolation cannot leave the text unchanged (a <c>$</c> after an odd number of backslashes).</summary>
    private static bool HasNoExactEncoding(string text)
    {
        var backslashes = 0;
        foreach (var c in text)
        {
            if (c == '$' && backslashes % 2 == 1)
            {
                return true;
            }

            backslashes = c == '\\' ? backslashes + 1 : 0;
        }

        return false;
    }

    private static Pipeline PipelineWith(string label, string command, string key, string value) => new()
    {
        Env = new Dictionary<string, string> { [key] = value },
        Steps =
        [
            new CommandStep
            {
                Label = label,
                Command = command,
                Env = new Dictionary<string, string> { [key] = value },
                Plugins = [new UntypedPlugin("docker#v5.13.0", new JsonObject { [key] = value, ["nested"] = new JsonObject { ["list"] = new JsonArray(label, command) } })],
            },
        ],
    };

    [Fact]
    public void Arbitrary_text_reaches_the_agent_exactly_through_yaml()
    {
        Gen.Select(Text, Text, Text, Text).Sample((label, command, key, value) =>
        {
            // Given
            var pipeline = PipelineWith(label, command, key, value);
            if (new[] { label, command, key, value }.Any(HasNoExactEncoding))
            {
                // Then
                pipeline.Validate().Should().Contain(d => d.Code == DiagnosticCodes.Interpolation);
                return;
            }

            // When
            var yaml = Written.Yaml(pipeline);

            // Then
            var root = IndependentYaml.Parse(yaml);
            String(root, "steps/0/label").Should().Be(TrickyStrings.AgentText(label), yaml);
            String(root, "steps/0/command").Should().Be(TrickyStrings.AgentText(command), yaml);
            var env = (YamlMappingNode)IndependentYaml.Find(root, "steps/0/env");
            env.Children.Should().ContainSingle();
            ((YamlScalarNode)env.Children.Single().Key).Value.Should().Be(TrickyStrings.AgentText(key), yaml);
            IndependentYaml.IsString((YamlScalarNode)env.Children.Single().Value).Should().BeTrue(yaml);
            ((YamlScalarNode)env.Children.Single().Value).Value.Should().Be(TrickyStrings.AgentText(value), yaml);
            var configuration = (YamlMappingNode)IndependentYaml.Find(root, "steps/0/plugins/0/docker#v5.13.0");
            ((YamlScalarNode)configuration.Children[new YamlScalarNode(TrickyStrings.AgentText(key))]).Value.Should().Be(TrickyStrings.AgentText(value), yaml);
            String(root, "steps/0/plugins/0/docker#v5.13.0/nested/list/1").Should().Be(TrickyStrings.AgentText(command), yaml);
        }, iter: Iterations);
    }

    [Fact]
    public void Arbitrary_text_reaches_the_agent_exactly_through_json()
    {
        Gen.Select(EncodableText, EncodableText, EncodableText, EncodableText).Sample((label, command, key, value) =>
        {
            // Given
            var pipeline = PipelineWith(label, command, key, value);

            // When
            var json = Written.JsonText(pipeline);

            // Then: the same strings whether the JSON is read as JSON or, as the agent does, as YAML.
            JsonText.HasEscapedSlash(json).Should().BeFalse(json);
            JsonText.HasSurrogateEscape(json).Should().BeFalse(json);
            foreach (var root in new[] { JsonNode.Parse(json), IndependentYaml.ToJson(json) })
            {
                root!["steps"]![0]!["label"]!.GetValue<string>().Should().Be(TrickyStrings.AgentText(label), json);
                root["steps"]![0]!["command"]!.GetValue<string>().Should().Be(TrickyStrings.AgentText(command), json);
                root["env"]![TrickyStrings.AgentText(key)]!.GetValue<string>().Should().Be(TrickyStrings.AgentText(value), json);
                root["steps"]![0]!["plugins"]![0]!["docker#v5.13.0"]![TrickyStrings.AgentText(key)]!.GetValue<string>().Should().Be(TrickyStrings.AgentText(value), json);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Arbitrary_text_is_read_back_by_the_library_unchanged()
    {
        Gen.Select(EncodableText, EncodableText, EncodableText, EncodableText).Sample((label, command, key, value) =>
        {
            // Given
            var pipeline = PipelineWith(label, command, key, value);

            // When
            var fromYaml = Pipeline.FromYaml(Written.Yaml(pipeline));
            var fromJson = Pipeline.FromJson(Written.JsonText(pipeline));

            // Then
            foreach (var again in new[] { fromYaml, fromJson })
            {
                var step = (CommandStep)again.Steps[0];
                step.Label.Should().Be(label);
                step.Command.Should().Be(command);
                again.Env.Should().Equal(new Dictionary<string, string> { [key] = value });
                step.Env.Should().Equal(new Dictionary<string, string> { [key] = value });
                step.Plugins[0].ToConfiguration()![key]!.GetValue<string>().Should().Be(value);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_yaml_for_arbitrary_text()
    {
        Gen.Select(EncodableText, EncodableText).Sample((label, command) =>
        {
            // Given
            var yaml = Written.Yaml(PipelineWith(label, command, "K", "v"));

            // When
            var again = Written.Yaml(Pipeline.FromYaml(yaml));

            // Then
            again.Should().Be(yaml);
        }, iter: Iterations);
    }

    /// <summary>A piece of model text: literal text, or an upload-time variable (with a literal default).</summary>
    private static readonly Gen<(string Model, string Agent)> Piece = Gen.Frequency(
        (3, EncodableText.Select(text => text.Length > 0 && text.Reverse().TakeWhile(c => c == '\\').Count() % 2 == 1 ? text + " " : text)
            .Select(text => (text, TrickyStrings.AgentText(text)))),
        (1, Gen.OneOf("A", "SCION_VERSION", "x1", "Ü").Select(name => ((string)Env.Upload(name), "${" + name + "}"))),
        (1, Gen.Select(Gen.OneOf("B", "BUILDKITE_BRANCH"), Gen.String["ab$ -:"]).Select((name, word) =>
            ((string)Env.Upload(name).OrDefault(word), "${" + name + ":-" + TrickyStrings.AgentText(word) + "}"))));

    [Fact]
    public void Text_mixing_literal_parts_and_upload_variables_reaches_the_agent_exactly()
    {
        Piece.Array[0, 6].Sample(pieces =>
        {
            // Given
            var model = string.Concat(pieces.Select(p => p.Model));
            var agent = string.Concat(pieces.Select(p => p.Agent));
            var pipeline = new Pipeline { Steps = [new CommandStep { Label = model, Command = model }] };

            // When
            var yaml = Written.Yaml(pipeline);
            var json = Written.JsonText(pipeline);

            // Then
            String(IndependentYaml.Parse(yaml), "steps/0/label").Should().Be(agent, yaml);
            JsonNode.Parse(json)!["steps"]![0]!["command"]!.GetValue<string>().Should().Be(agent, json);
            ((CommandStep)Pipeline.FromYaml(yaml).Steps[0]).Label.Should().Be(model, "reading keeps literal text literal and variables variables");
            Written.Yaml(Pipeline.FromYaml(yaml)).Should().Be(yaml);
        }, iter: Iterations);
    }

    private static string? String(YamlNode root, string path)
    {
        var node = (YamlScalarNode)IndependentYaml.Find(root, path);
        IndependentYaml.IsString(node).Should().BeTrue($"{path} must stay a string");
        return node.Value;
    }

    /// <summary>The markers the library reserves for upload-time variables (see InterpolatedText).</summary>
    private static class InterpolatedTextMarkers
    {
        public const char Open = '\uFDD0';
        public const char Close = '\uFDD1';
    }
}
