using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class PluginRulesTests
{
    private static IReadOnlyList<Diagnostic> Check(Plugin plugin) =>
        new Pipeline { Steps = [new CommandStep { Key = "unit", Command = "make", Plugins = [new DockerLoginPlugin { Username = "ci" }, plugin] }] }.Validate();

    [Theory]
    [InlineData("docker", "not pinned")]
    [InlineData("docker#v1#v2", "more than one '#'")]
    [InlineData("docker#", "no version")]
    [InlineData("#v1", "no source")]
    [InlineData("git@github.com:org/repo.git#v1", "scp-style")]
    [InlineData("docker-buildkite-plugin#v1", "ends with '-buildkite-plugin'")]
    [InlineData("org//name#v1", "empty path segment")]
    [InlineData("my plugin#v1", "white space")]
    [InlineData("zip+https://example.com/p.zip#v1", "sha256")]
    public void A_malformed_or_unpinned_reference_is_reported_with_the_step_and_plugin_index(string reference, string message)
    {
        // Given
        var plugin = new UntypedPlugin(reference);

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.PluginReference && d.IsError && d.Path == "steps[0]" && d.Field == "plugins[1]" && d.Message.Contains(message));
    }

    [Theory]
    [InlineData("docker#v5.13.0")]
    [InlineData("scionproto/metahook#v0.3.0")]
    [InlineData("docker#287293c4")]
    [InlineData("./.buildkite/plugins/cleanup")]
    [InlineData("https://github.com/my-org/my-plugin.git#v1.0.0")]
    [InlineData("zip+https://example.com/p.zip#sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_pinned_well_formed_reference_passes(string reference)
    {
        // Given
        var plugin = new UntypedPlugin(reference);

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Keys_that_become_the_same_variable_are_reported_for_untyped_plugins()
    {
        // Given
        var plugin = new UntypedPlugin("my-org/thing#v1", new JsonObject { ["cache-dir"] = "a", ["cache_dir"] = "b" });

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.PluginKeyCollision && d.IsError && d.Field == "plugins[1].cache_dir" && d.Message.Contains("BUILDKITE_PLUGIN_THING_CACHE_DIR"));
    }

    [Fact]
    public void A_key_ending_in_an_index_collides_with_a_list_item()
    {
        // Given
        var plugin = new UntypedPlugin("my-org/thing#v1", new JsonObject { ["files"] = new JsonArray("a"), ["files_0"] = "b" });

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.PluginKeyCollision).Which.Message.Should().Contain("BUILDKITE_PLUGIN_THING_FILES_0");
    }

    [Fact]
    public void Keys_in_extra_that_collide_with_typed_options_are_reported()
    {
        // Given
        var plugin = new EcrPlugin { Login = true, Extra = new Dictionary<string, JsonNode?> { ["LOGIN"] = true } };

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.PluginKeyCollision);
    }

    [Fact]
    public void An_empty_string_in_a_list_is_an_error_and_a_null_a_warning()
    {
        // Given
        var plugin = new UntypedPlugin("my-org/thing#v1", new JsonObject { ["files"] = new JsonArray("a", "", "c"), ["env"] = new JsonObject { ["KEY"] = null } });

        // When
        var diagnostics = Check(plugin);

        // Then
        diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Code == DiagnosticCodes.PluginValue);
        diagnostics.Should().Contain(d => d.IsError && d.Field == "plugins[1].files[1]");
        diagnostics.Should().Contain(d => !d.IsError && d.Field == "plugins[1].env.KEY");
    }

    [Fact]
    public void A_pipeline_with_a_broken_plugin_is_not_written()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "make", Plugins = [new ArtifactsPlugin()] }] };

        // When
        var write = () => pipeline.ToYaml();

        // Then
        write.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.PluginConfiguration);
    }
}
