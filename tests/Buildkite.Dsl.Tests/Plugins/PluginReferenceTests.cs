using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Plugins;

public class PluginReferenceTests
{
    [Theory]
    [InlineData("docker#v5.13.0", "github.com/buildkite-plugins/docker-buildkite-plugin#v5.13.0")]
    [InlineData("scionproto/metahook#v0.3.0", "github.com/scionproto/metahook-buildkite-plugin#v0.3.0")]
    [InlineData("seek-oss/aws-sm#v2.4.1", "github.com/seek-oss/aws-sm-buildkite-plugin#v2.4.1")]
    [InlineData("docker", "github.com/buildkite-plugins/docker-buildkite-plugin")]
    [InlineData("a/b/c#v1", "a/b/c#v1")]
    [InlineData("https://bitbucket.com/my-org/my-plugin.git#v1.0.0", "https://bitbucket.com/my-org/my-plugin.git#v1.0.0")]
    [InlineData("ssh://git@github.com/my-org/my-plugin.git#v1.0.0", "ssh://git@github.com/my-org/my-plugin.git#v1.0.0")]
    [InlineData("./.buildkite/plugins/x", "./.buildkite/plugins/x")]
    [InlineData("C:\\plugins\\x", "C:\\plugins\\x")]
    public void The_canonical_source_is_what_the_agent_sees_after_upload(string written, string canonical)
    {
        // Given
        PluginReference reference = written;

        // When
        var source = reference.CanonicalSource;

        // Then
        source.Should().Be(canonical);
    }

    [Theory]
    [InlineData("docker-compose#v5.14.0", "DOCKER_COMPOSE")]
    [InlineData("scionproto/metahook#v0.3.0", "METAHOOK")]
    [InlineData("https://github.com/my-org/my-plugin.git#v1", "MY_PLUGIN_GIT")]
    [InlineData("github.com/org/docker-compose-buildkite-plugin.git#v1", "DOCKER_COMPOSE")]
    [InlineData("./.buildkite/plugins/docker-compose", "DOCKER_COMPOSE")]
    [InlineData("https://github.com/my-org/my-plugins.git/my-plugin#v1", "MY_PLUGIN")]
    [InlineData("zip+https://example.com/p/my-plugin.zip", "MY_PLUGIN_ZIP")]
    public void The_environment_name_follows_the_agent(string written, string name)
    {
        // Given
        PluginReference reference = written;

        // When
        var environmentName = reference.EnvironmentName;

        // Then
        environmentName.Should().Be(name);
    }

    [Fact]
    public void Source_version_and_pinning_are_split_at_the_hash()
    {
        // Given
        PluginReference reference = "my-org/thing#feature/new";

        // When
        var (source, version, pinned) = (reference.Source, reference.Version, reference.IsPinned);

        // Then
        (source, version, pinned).Should().Be(("my-org/thing", "feature/new", true));
    }

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
