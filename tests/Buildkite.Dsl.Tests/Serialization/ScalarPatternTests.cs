using System.Text.RegularExpressions;
using Buildkite.Dsl.Serialization;
using CsCheck;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// The resolver matches its three patterns by hand (no regex engine at start-up); these tests hold each matcher to
/// the regular expression it stands for, on texts made of the characters the patterns care about.
/// </summary>
public class ScalarPatternTests
{
    private static readonly Regex Float = new(ScalarResolver.YamlStyleFloatPattern, RegexOptions.CultureInvariant);
    private static readonly Regex TimestampStart = new(ScalarResolver.TimestampStartPattern, RegexOptions.CultureInvariant);
    private static readonly Regex Sexagesimal = new(ScalarResolver.SexagesimalPattern, RegexOptions.CultureInvariant);

    /// <summary>
    /// Texts of runs of digits (so that <c>dddd-dd-dd</c> and <c>d:dd</c> shapes are common) and the signs, points,
    /// exponents, colons, dashes, separators and line feeds the patterns care about.
    /// </summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
            (4, Gen.Char['0', '9'].Array[1, 5].Select(digits => new string(digits))),
            (1, Gen.Char['5', '7'].Select(c => c.ToString())),
            (4, Gen.OneOf("-", "+", ".", "e", "E", ":", "_", "T", "t", " ", "\n", "x", "\u0663")))
        .Array[0, 8]
        .Select(string.Concat);

    public static TheoryData<string> Examples() =>
    [
        "", "1", "-1", "+.5", ".5", "5.", "1e3", "1E-3", "1e", "1.5e+10", ".", "-", "1.2.3", "1.5\n", "1.5\n\n", "\n1",
        "2024-01-02", "2024-1-2", "2024-01-02T10", "2024-01-02 x", "2024-01-023", "2024-01-0", "202-01-02", "2024-01-02\n",
        "1:20", "1:20.5", "190:20:30", "1:60", "1:5", "1:5:", "-1:20", "1_0:30", "1:2_", "1:20._5", "1:20\n", "12:345",
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Matchers_agree_with_the_patterns_on_examples(string text)
    {
        // Given, When, Then
        ScalarResolver.IsYamlStyleFloat(text).Should().Be(Float.IsMatch(text), "float pattern on {0}", Regex.Escape(text));
        ScalarResolver.HasTimestampStart(text).Should().Be(TimestampStart.IsMatch(text), "timestamp pattern on {0}", Regex.Escape(text));
        ScalarResolver.IsSexagesimal(text).Should().Be(Sexagesimal.IsMatch(text), "base-60 pattern on {0}", Regex.Escape(text));
    }

    [Fact]
    public void Float_matcher_agrees_with_its_pattern() =>
        Texts.Sample(text => ScalarResolver.IsYamlStyleFloat(text) == Float.IsMatch(text), iter: 200_000);

    [Fact]
    public void Timestamp_start_matcher_agrees_with_its_pattern() =>
        Texts.Sample(text => ScalarResolver.HasTimestampStart(text) == TimestampStart.IsMatch(text), iter: 200_000);

    [Fact]
    public void Sexagesimal_matcher_agrees_with_its_pattern() =>
        Texts.Sample(text => ScalarResolver.IsSexagesimal(text) == Sexagesimal.IsMatch(text), iter: 200_000);
}
