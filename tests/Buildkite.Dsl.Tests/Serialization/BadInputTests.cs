using System.Text;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// The catalogue of bad input for <see cref="Pipeline.FromYaml"/>: each is rejected with a
/// <see cref="PipelineException"/> whose diagnostic names the problem and the place, within bounded time and
/// memory, never with another exception.
/// </summary>
public class BadInputTests
{
    private static Diagnostic SingleError(string text)
    {
        var read = () => Pipeline.FromYaml(text, "bad.yml");
        var exception = read.Should().Throw<PipelineException>().Which;
        return exception.Diagnostics.Should().ContainSingle(d => d.IsError).Which;
    }

    /// <summary>Nine levels of nine aliases each: 9⁹ (387 million) strings once expanded.</summary>
    private static string BillionLaughs()
    {
        var text = new StringBuilder("lol0: &lol0 lol\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"lol{level}: &lol{level} [{string.Join(", ", Enumerable.Repeat($"*lol{level - 1}", 9))}]\n");
        }

        return text.Append("steps:\n- command: echo\n  env:\n    LAUGHS: *lol9\n").ToString();
    }

    [Fact]
    public void An_empty_text_is_reported_as_empty()
    {
        // When
        var error = SingleError(string.Empty);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Message.Should().Contain("The file is empty");
        error.Location.Should().Be(new SourceLocation("bad.yml", 1, 1), "the report names the file");
    }

    [Fact]
    public void A_text_of_comments_only_is_reported_as_empty()
    {
        // When
        var error = SingleError("# nothing here\n\n   \n");

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Message.Should().Contain("The file is empty");
    }

    [Fact]
    public void Binary_data_is_a_syntax_error_at_its_place()
    {
        // Given
        var binary = Encoding.Latin1.GetString([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00]);

        // When
        var error = SingleError(binary);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Location!.Value.File.Should().Be("bad.yml");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_where_it_gets_too_deep()
    {
        // Given
        var depth = YamlNodeReader.MaxDepth + 10;
        var text = "steps:\n- command: echo\n  env:\n    X: " + new string('[', depth) + new string(']', depth) + "\n";

        // When
        var error = SingleError(text);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Unsupported);
        error.Message.Should().Contain("nests deeper than 256 levels");
        error.Location!.Value.Line.Should().Be(4);
    }

    [Fact]
    public void Nesting_built_from_aliases_of_deep_nodes_is_rejected()
    {
        // Given: each anchor nests the previous one 200 levels deeper; no single line is deeper than 201
        var text = new StringBuilder("a0: &a0 x\n");
        for (var i = 1; i <= 1_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} {new string('[', 200)}*a{i - 1}{new string(']', 200)}\n");
        }

        // When
        var error = SingleError(text.Append("steps: [wait]\n").ToString());

        // Then
        error.Code.Should().Be(DiagnosticCodes.Unsupported);
        error.Message.Should().Contain("nests deeper than 256 levels (counting the nodes its aliases repeat)");
        error.Location!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void A_billion_laughs_document_is_rejected_as_soon_as_it_expands_past_the_limit()
    {
        // When
        var error = SingleError(BillionLaughs());

        // Then
        error.Code.Should().Be(DiagnosticCodes.Unsupported);
        error.Message.Should().Be("The document expands to more than 1,000,000 nodes once its aliases are followed; aliases that multiply like this are rejected.");
        error.Location!.Value.Line.Should().Be(8, "lol7 is the first node past the limit (9⁷ = 4.8 million nodes, 9⁶ only half a million)");
    }

    [Fact]
    public void A_flat_document_with_more_nodes_than_the_limit_is_rejected()
    {
        // Given
        var text = "x: [" + string.Join(",", Enumerable.Repeat("1", (int)YamlNodeReader.MaxExpandedNodes)) + "]\nsteps: [wait]\n";

        // When
        var error = SingleError(text);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Unsupported);
        error.Message.Should().Contain("expands to more than 1,000,000 nodes");
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_rejected_before_it_is_parsed()
    {
        // Given
        var text = "steps:\n- command: " + new string('x', YamlNodeReader.MaxTextLength) + "\n";

        // When
        var error = SingleError(text);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Unsupported);
        error.Message.Should().Be($"The text is {text.Length:N0} characters long; texts longer than 16,777,216 characters are not read.");
        error.Location.Should().Be(new SourceLocation("bad.yml", 1, 1));
    }

    [Fact]
    public void A_very_long_line_within_the_limit_is_read()
    {
        // Given
        var command = new string('x', 1_000_000);

        // When
        var pipeline = Pipeline.FromYaml("steps:\n- command: " + command + "\n");

        // Then
        pipeline.Steps.Should().ContainSingle().Which.Should().BeOfType<CommandStep>().Which.Command!.ToString().Should().Be(command);
    }

    [Fact]
    public void A_recursive_alias_is_rejected()
    {
        // When
        var error = SingleError("steps: &s\n- command: echo\n- *s\n");

        // Then
        error.Message.Should().Contain("recursive aliases are not allowed");
        error.Location!.Value.Line.Should().Be(3);
    }

    // Issue #8: found by ReaderFuzzTests; YamlDotNet's scanner threw InvalidOperationException.
    [Fact]
    public void Text_that_makes_the_yaml_parser_fail_internally_is_a_syntax_error()
    {
        // Given
        var text = "- { skip*c\u0085x &b ~{-steps";

        // When
        var error = SingleError(text);

        // Then
        error.Code.Should().Be(DiagnosticCodes.Syntax);
        error.Message.Should().Contain("the YAML parser cannot read it");
    }
}
