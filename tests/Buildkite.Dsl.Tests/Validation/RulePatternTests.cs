using System.Text.RegularExpressions;
using Buildkite.Dsl.Validation;
using Buildkite.Dsl.Validation.Rules;
using CsCheck;

namespace Buildkite.Dsl.Tests.Validation;

/// <summary>
/// Checks that look at every step match their patterns by hand (no regex engine at start-up); these tests hold each
/// matcher to the regular expression it stands for.
/// </summary>
public class RulePatternTests
{
    private static readonly Regex Uuid = new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);
    private static readonly Regex ScpLike = new("^[^/@:]+@[^/:]+:");
    private static readonly Regex Sha256Pin = new("^sha256:[0-9a-fA-F]{64}$");

    private static readonly Gen<string> UuidLike = Gen.Frequency(
            (8, Gen.OneOf(Gen.Char['0', '9'], Gen.Char['a', 'f'], Gen.Char['A', 'F'])),
            (1, Gen.OneOf('-', 'g', 'G', '\n', ' ')))
        .Array[30, 38]
        .Select(chars => new string(chars));

    private static readonly Gen<string> Sources = Gen.OneOf("git", "user", "@", ":", "/", "host", "a", "\n", ".", "~")
        .Array[0, 7]
        .Select(string.Concat);

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("0F8FAD5B-D9CB-469F-A165-70867728950E\n")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950")]
    [InlineData("0f8fad5bd-9cb-469f-a165-70867728950e")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e\n\n")]
    [InlineData("build")]
    public void Uuid_matcher_agrees_with_its_pattern_on_examples(string key) =>
        KeyRules.IsUuidShaped(key).Should().Be(Uuid.IsMatch(key));

    [Fact]
    public void Uuid_matcher_agrees_with_its_pattern() =>
        Gen.Frequency((1, UuidLike), (1, Gen.Guid.Select(g => g.ToString()))).Sample(key => KeyRules.IsUuidShaped(key) == Uuid.IsMatch(key), iter: 100_000);

    [Theory]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("@host:path")]
    [InlineData("user@:path")]
    [InlineData("user@host/path:x")]
    [InlineData("docker#v5.0.0")]
    public void Scp_matcher_agrees_with_its_pattern_on_examples(string source) =>
        PluginRules.IsScpLike(source).Should().Be(ScpLike.IsMatch(source));

    [Fact]
    public void Scp_matcher_agrees_with_its_pattern() =>
        Sources.Sample(source => PluginRules.IsScpLike(source) == ScpLike.IsMatch(source), iter: 100_000);

    [Theory]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdef\n")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcde")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdeg")]
    [InlineData("sha512:0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdef")]
    [InlineData("v1.0.0")]
    public void Sha256_pin_matcher_agrees_with_its_pattern(string pin) =>
        PluginRules.IsSha256Pin(pin).Should().Be(Sha256Pin.IsMatch(pin));
}
