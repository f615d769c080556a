using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;
using CsCheck;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// Text that cannot reach the agent unchanged is a diagnostic with its place, never a silent change:
/// unpaired UTF-16 surrogates, the noncharacters U+FDD0/U+FDD1 that mark upload-time variables, and a
/// <c>$</c> after an odd number of backslashes.
/// </summary>
public class UnencodableTextTests
{
    /// <summary>
    /// The cases by name: attribute arguments are stored as UTF-8 in metadata, where a lone surrogate becomes
    /// U+FFFD, so the text is built here.
    /// </summary>
    private static readonly Dictionary<string, (string Text, string Code)> Cases = new()
    {
        ["high surrogate at the end"] = ("broken \uD83D", DiagnosticCodes.UnencodableText),
        ["low surrogate at the start"] = ("\uDE80 broken", DiagnosticCodes.UnencodableText),
        ["surrogates reversed"] = ("reversed \uDE80\uD83D", DiagnosticCodes.UnencodableText),
        ["opening marker alone"] = ("marker \uFDD0 alone", DiagnosticCodes.Interpolation),
        ["closing marker alone"] = ("marker \uFDD1 alone", DiagnosticCodes.Interpolation),
        ["markers reversed"] = ("close \uFDD1 before open \uFDD0", DiagnosticCodes.Interpolation),
        ["escaped dollar for the shell"] = ("echo \\$HOME", DiagnosticCodes.Interpolation),
        ["windows path before a dollar"] = ("C:\\dir\\$x", DiagnosticCodes.Interpolation),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Label_that_cannot_be_written_exactly_is_reported_with_its_place(string name)
    {
        // Given
        var (label, code) = Cases[name];
        var pipeline = new Pipeline { Steps = [new CommandStep { Key = "build", Label = label, Command = "make" }] };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        var diagnostic = diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(code);
        diagnostic.IsError.Should().BeTrue();
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Step.Should().Be("key 'build'");
        diagnostic.Field.Should().Be("label");
    }

    [Fact]
    public void Nothing_is_written_when_text_cannot_be_encoded()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "echo \uD83D" }] };

        // When
        var toYaml = () => pipeline.ToYaml();
        var toJson = () => pipeline.ToJson();

        // Then
        toYaml.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnencodableText);
        toJson.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnencodableText);
    }

    [Fact]
    public void Unencodable_text_is_found_in_keys_plugin_configuration_and_extra_attributes()
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["A\uD800"] = "x" },
            Steps =
            [
                new CommandStep
                {
                    Command = "make",
                    Env = new Dictionary<string, string> { ["B"] = "\uDC00" },
                    Plugins = [new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "\uFDD0" })],
                    Extra = new Dictionary<string, JsonNode?> { ["x-note"] = "\uD800" },
                },
            ],
        };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Select(d => (d.Code, d.Path, d.Field)).Should().BeEquivalentTo(
        [
            (DiagnosticCodes.UnencodableText, (string?)null, "env"),
            (DiagnosticCodes.UnencodableText, "steps[0]", "env.B"),
            (DiagnosticCodes.Interpolation, "steps[0]", "plugins.image"),
            (DiagnosticCodes.UnencodableText, "steps[0]", "x-note"),
        ]);
    }

    [Fact]
    public void Every_text_with_an_unpaired_surrogate_or_a_lone_marker_is_reported()
    {
        var broken = Gen.OneOf(
            Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString()),
            Gen.OneOf("\uFDD0", "\uFDD1"));
        var plain = Gen.Char[' ', '~'].Array[0, 8].Select(chars => new string(chars));
        Gen.Select(plain, broken, plain).Sample((before, bad, after) =>
        {
            // Given
            var text = before + bad + after;
            var pipeline = new Pipeline { Steps = [new CommandStep { Label = text, Command = "make" }] };

            // When
            var diagnostics = pipeline.Validate();

            // Then
            diagnostics.Should().ContainSingle(d => d.IsError && d.Field == "label" && (d.Code == DiagnosticCodes.UnencodableText || d.Code == DiagnosticCodes.Interpolation));
        }, iter: 500);
    }

    [Fact]
    public void Paired_surrogates_are_written_as_the_character()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = "\uD83D\uDE80", Command = "make" }] };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Should().BeEmpty();
        pipeline.ToJson().Should().Contain("\"label\": \"\U0001F680\"");
    }

    [Fact]
    public void Upload_time_variable_markers_in_pairs_are_not_reported()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = $"v{Env.Upload("VERSION")}", Command = "make" }] };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Should().BeEmpty();
    }
}
