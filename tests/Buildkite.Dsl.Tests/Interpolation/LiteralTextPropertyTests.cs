using System.Text;
using Buildkite.Dsl.Validation;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Interpolation;

public class LiteralTextPropertyTests
{
    private const string ShellCharacters = "$\\{}:-?+=#()ab_Z1 \n\t\"'!~/";

    private static readonly Gen<string> ShellText = Gen.String[Gen.Char[ShellCharacters], 0, 24];

    private static readonly string[] Names = ["A", "B", "Cx"];

    /// <summary>The command of the first step, as the agent's YAML parser hands it to interpolation.</summary>
    private static string WrittenCommand(string command)
    {
        var yaml = new Pipeline { Steps = [new CommandStep { Command = command }] }.ToYaml();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var step = (YamlMappingNode)((YamlSequenceNode)root["steps"]).Children[0];
        return ((YamlScalarNode)step["command"]).Value!;
    }

    /// <summary>Whether a '$' follows an odd number of backslashes, the one case with no exact encoding.</summary>
    private static bool HasEscapedDollar(string text)
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

    [Fact]
    public void Literal_text_comes_back_unchanged_after_the_agents_interpolation()
    {
        ShellText.Sample(text =>
        {
            // Given: shell text written as literal model text.
            if (HasEscapedDollar(text))
            {
                return;
            }

            // When
            var interpolated = AgentInterpolation.Interpolate(WrittenCommand(text), new Dictionary<string, string> { ["a"] = "X", ["ab"] = "Y", ["Z1"] = "Z" });

            // Then
            interpolated.Should().Be(text);
        }, iter: 5000);
    }

    [Fact]
    public void Literal_text_with_a_dollar_after_an_odd_number_of_backslashes_is_refused_not_changed()
    {
        ShellText.Select(text => text + "\\$" + text).Where(HasEscapedDollar).Sample(text =>
        {
            // Given
            var pipeline = new Pipeline { Steps = [new CommandStep { Command = text }] };

            // When
            var act = () => pipeline.ToYaml();

            // Then
            act.Should().Throw<PipelineException>().Which.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.Interpolation);
        }, iter: 500);
    }

    [Fact]
    public void Upload_time_values_are_substituted_and_the_literal_text_around_them_is_kept()
    {
        var segment = Gen.OneOf(
            ShellText.Select(text => (Model: text, Form: "literal", Name: string.Empty, Word: text, Offset: 0, Length: (int?)null)),
            Gen.Select(Gen.OneOf(Names), Gen.OneOf("value", "default", "unset-default", "required", "substring"), ShellText.Where(w => !w.Contains('}', StringComparison.Ordinal)), Gen.Int[-4, 4], Gen.Int[-3, 5])
                .Select(t => (Model: string.Empty, Form: t.Item2, Name: t.Item1, Word: t.Item3, Offset: t.Item4, Length: t.Item5 == 5 ? (int?)null : t.Item5)));
        var environment = Gen.Select(ShellText, ShellText, Gen.Bool, Gen.Bool)
            .Select(t =>
            {
                var env = new Dictionary<string, string> { ["Cx"] = t.Item2 };
                if (t.Item3)
                {
                    env["A"] = t.Item1;
                }

                if (t.Item4)
                {
                    env["B"] = string.Empty;
                }

                return env;
            });

        Gen.Select(segment.List[0, 5], environment).Sample((segments, env) =>
        {
            // Given: model text of literal pieces and upload-time values, and what the agent should make of it.
            var model = new StringBuilder();
            var expected = new StringBuilder();
            foreach (var (text, form, name, word, offset, length) in segments)
            {
                if (form == "literal")
                {
                    model.Append(text);
                    expected.Append(text);
                    continue;
                }

                if (form == "required" && !env.ContainsKey(name))
                {
                    continue;
                }

                EnvVar variable;
                try
                {
                    variable = form switch
                    {
                        "value" => Env.Upload(name),
                        "default" => Env.Upload(name).OrDefault(word),
                        "unset-default" => Env.Upload(name).OrDefaultWhenUnset(word),
                        "required" => Env.Required(name, word),
                        _ => Env.Upload(name).Substring(offset, length),
                    };
                }
                catch (ArgumentException)
                {
                    return; // a word that cannot be written, such as one with "\$"; the library refuses it up front
                }

                model.Append(variable);
                env.TryGetValue(name, out var value);
                expected.Append(form switch
                {
                    "value" or "required" => value ?? string.Empty,
                    "default" => string.IsNullOrEmpty(value) ? word : value,
                    "unset-default" => value ?? word,
                    _ => Bytes(value ?? string.Empty, offset, length),
                });
            }

            if (HasEscapedDollar(model.ToString().Replace("\uFDD0", "$", StringComparison.Ordinal)))
            {
                return;
            }

            // When
            var interpolated = AgentInterpolation.Interpolate(WrittenCommand(model.ToString()), env);

            // Then
            interpolated.Should().Be(expected.ToString());
        }, iter: 3000);
    }

    /// <summary>Bash-style substring in bytes, clamped, as the agent computes it.</summary>
    private static string Bytes(string value, int offset, int? length)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var start = Math.Clamp(offset < 0 ? bytes.Length + offset : offset, 0, bytes.Length);
        var end = length is not { } count ? bytes.Length
            : count < 0 ? Math.Max(start, bytes.Length + count)
            : Math.Min(bytes.Length, start + count);
        return Encoding.UTF8.GetString(bytes, start, end - start);
    }
}
