using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// How plain scalars resolve, by the facts verified against gopkg.in/yaml.v3 (shared/buildkite/semantics.md),
/// for the library's resolver and for the independent one the tests use.
/// </summary>
public class ScalarResolverTests
{
    public static TheoryData<string, string> Facts() => new()
    {
        { "yes", "String" }, { "no", "String" }, { "on", "String" }, { "off", "String" }, { "y", "String" },
        { "true", "Boolean" }, { "True", "Boolean" }, { "TRUE", "Boolean" }, { "fAlse", "String" },
        { "~", "Null" }, { "null", "Null" }, { "Null", "Null" }, { "NULL", "Null" }, { "", "Null" },
        { "0123", "Integer" }, { "0o17", "Integer" }, { "0x1F", "Integer" }, { "0b101", "Integer" }, { "1_000", "Integer" },
        { "-1", "Integer" }, { "+7", "Integer" },
        { "18446744073709551615", "Integer" }, { "18446744073709551616", "Float" }, { "0xFFFFFFFFFFFFFFFF", "Integer" },
        { "0x10000000000000000", "String" }, { "-9223372036854775808", "Integer" }, { "-9223372036854775809", "Float" },
        { "1.10", "Float" }, { "1e3", "Float" }, { ".5", "Float" }, { ".inf", "Float" }, { "-.Inf", "Float" }, { ".NaN", "Float" },
        { "08", "Float" }, { "1e400", "String" }, { "-1e400", "String" }, { "123456789012345678901234567890", "Float" },
        { "2024-01-02", "Timestamp" }, { "2001-12-14t21:59:43.10-05:00", "Timestamp" }, { "2001-12-14 21:59:43.10", "Timestamp" },
        { "12:30", "String" }, { "1.24.0", "String" }, { "_1e3", "String" }, { "2024-01-02\u00A0", "String" },
        { "v1.0", "String" }, { "1.0-rc1", "String" }, { "nan", "String" }, { ".", "String" }, { "-", "String" },
    };

    [Theory]
    [MemberData(nameof(Facts))]
    public void Library_resolves_plain_scalars_as_the_agent_does(string plain, string expected)
    {
        // Given
        var text = plain;

        // When
        var kind = ScalarResolver.ResolvePlain(text).Kind;

        // Then
        kind.ToString().Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Facts))]
    public void Independent_resolver_agrees_with_the_agent(string plain, string expected)
    {
        // Given
        var text = plain;

        // When
        var kind = IndependentYaml.Resolve(text);

        // Then
        kind.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("0123", "83")]
    [InlineData("1.10", "1.1")]
    [InlineData("1e3", "1000")]
    [InlineData("0x10", "16")]
    [InlineData("1e10", "1e+10")]
    [InlineData("1_000", "1000")]
    public void Numbers_read_into_string_fields_take_the_agents_formatting(string plain, string expected)
    {
        // Given: the agent formats numbers with Go's %v when a string is expected.
        var yaml = $"steps:\n- command: make\n  env:\n    V: {plain}\n";

        // When
        var step = (CommandStep)Pipeline.FromYaml(yaml).Steps[0];

        // Then
        step.Env["V"].Should().Be(expected);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("1:20")]
    [InlineData("<<")]
    [InlineData("=")]
    public void Yaml_1_1_words_are_quoted_though_the_agent_reads_them_as_strings(string text)
    {
        // Given
        var plain = text;

        // When
        var needsQuotes = ScalarResolver.NeedsQuotes(plain);

        // Then
        needsQuotes.Should().BeTrue();
    }

    [Theory]
    [InlineData("0x1F", "31")]
    [InlineData("-0", "0")]
    [InlineData("+7", "7")]
    [InlineData("0o17", "15")]
    [InlineData("017", "15")]
    [InlineData("-0b101", "-5")]
    [InlineData("1_000", "1000")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    public void Integers_resolve_to_their_canonical_decimal_text(string plain, string expected)
    {
        // Given
        var text = plain;

        // When
        var (kind, canonical) = ScalarResolver.ResolvePlain(text);

        // Then
        kind.Should().Be(ScalarKind.Integer);
        canonical.Should().Be(expected);
    }
}
