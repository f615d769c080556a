using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Plugins;

public class PluginReferenceTests
{
    [Theory]
    [InlineData("docker#v5.13.0", "docker", "v5.13.0", false)]
    [InlineData("scionproto/metahook#v0.3.0", "scionproto/metahook", "v0.3.0", false)]
    [InlineData("https://github.com/org/x-buildkite-plugin.git#abc123", "https://github.com/org/x-buildkite-plugin.git", "abc123", false)]
    [InlineData("./.buildkite/plugins/cleanup", "./.buildkite/plugins/cleanup", null, true)]
    [InlineData("/opt/plugins/x#v1", "/opt/plugins/x", "v1", true)]
    [InlineData("docker", "docker", null, false)]
    public void String_converts_to_a_reference_with_its_parts(string text, string source, string? version, bool local)
    {
        // Given
        PluginReference reference = text;

        // When
        var parts = (reference.Value, reference.Source, reference.Version, reference.IsLocal);

        // Then
        parts.Should().Be((text, source, version, local));
        reference.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_reference_is_refused(string text)
    {
        // Given
        var act = () => new PluginReference(text);

        // When
        var thrown = act.Should().Throw<ArgumentException>();

        // Then
        thrown.Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void Default_reference_has_empty_parts()
    {
        // Given
        var reference = default(PluginReference);

        // When
        var parts = (reference.Source, reference.Version, reference.IsLocal, reference.ToString());

        // Then
        parts.Should().Be((string.Empty, (string?)null, false, string.Empty));
    }
}
