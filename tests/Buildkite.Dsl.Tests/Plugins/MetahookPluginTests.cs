using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class MetahookPluginTests
{
    private const string Stem = "scionproto__metahook-buildkite-plugin";

    [Fact]
    public void Hooks_are_written_under_their_hook_names_as_scion_uses_them()
    {
        // Given
        var metahook = new MetahookPlugin
        {
            PreCommand = ".buildkite/cleanup-leftovers.sh",
            PreArtifact = "tar -chaf bazel-testlogs.tar.gz bazel-testlogs",
        };

        // When
        var yaml = PluginYaml.Of("bazel test //...", metahook);

        // Then
        yaml.Should().Be("""
            steps:
            - command: bazel test //...
              plugins:
              - scionproto/metahook#v0.3.0:
                  pre-command: .buildkite/cleanup-leftovers.sh
                  pre-artifact: tar -chaf bazel-testlogs.tar.gz bazel-testlogs

            """);
        PluginSchemas.Errors(Stem, metahook.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void A_multi_line_script_is_a_literal_block_and_an_upload_time_variable_stays_one()
    {
        // Given
        var metahook = new MetahookPlugin { PostCommand = $"echo {Env.Upload("SCION_VERSION")}\necho $HOME\n" };

        // When
        var yaml = PluginYaml.Of("true", metahook);

        // Then
        yaml.Should().Contain("""
                  post-command: |
                    echo ${SCION_VERSION}
                    echo $$HOME
            """);
    }

    [Fact]
    public void Windows_variants_keep_their_dotted_keys()
    {
        // Given
        var metahook = new MetahookPlugin { PreCommandBat = "call cleanup.bat", PostCheckoutCmd = "dir" };

        // When
        var configuration = metahook.ToConfiguration()!;

        // Then
        configuration.ToJsonString().Should().Be("""{"post-checkout.cmd":"dir","pre-command.bat":"call cleanup.bat"}""");
        PluginSchemas.Errors(Stem, configuration).Should().BeEmpty();
    }

    [Fact]
    public void A_metahook_with_no_hook_is_written_as_a_bare_reference()
    {
        // Given
        var metahook = new MetahookPlugin();

        // When
        var yaml = PluginYaml.Of("true", metahook);

        // Then
        yaml.Should().Contain("  plugins:\n  - scionproto/metahook#v0.3.0\n");
    }

    [Fact]
    public void The_default_reference_is_the_scion_version_and_can_be_changed()
    {
        // Given
        var metahook = new MetahookPlugin { Reference = "improbable-eng/metahook#v0.4.1", PreExit = "true" };

        // When
        var yaml = PluginYaml.Of("true", metahook);

        // Then
        MetahookPlugin.DefaultReference.Should().Be("scionproto/metahook#v0.3.0");
        yaml.Should().Contain("- improbable-eng/metahook#v0.4.1:\n      pre-exit: \"true\"\n");
    }
}
