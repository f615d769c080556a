using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class CachePluginTests
{
    private const string Stem = "buildkite-plugins__cache-buildkite-plugin";

    [Fact]
    public void The_documented_node_modules_cache_is_written_as_the_readme_shows()
    {
        // Given
        var cache = new CachePlugin { Path = "node_modules", Manifest = "package-lock.json", Restore = CacheValidLevels.File, Save = CacheValidLevels.File };

        // When
        var yaml = PluginYaml.Of("npm install", cache);

        // Then
        yaml.Should().Be("""
            steps:
            - command: npm install
              plugins:
              - cache#v1.12.0:
                  manifest: package-lock.json
                  path: node_modules
                  restore: file
                  save: file

            """);
        PluginSchemas.Errors(Stem, cache.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Several_save_levels_and_manifests_are_written_as_lists()
    {
        // Given
        var cache = new CachePlugin
        {
            Path = ".bundle",
            Manifest = ["Gemfile.lock", ".ruby-version"],
            Restore = CacheValidLevels.Pipeline,
            Save = [CacheValidLevels.File, CacheValidLevels.Branch],
            Compression = "tgz",
            Retries = 3,
        };

        // When
        var configuration = cache.ToConfiguration()!;

        // Then
        configuration.ToJsonString().Should().Be("""{"compression":"tgz","manifest":["Gemfile.lock",".ruby-version"],"path":".bundle","retries":3,"restore":"pipeline","save":["file","branch"]}""");
        PluginSchemas.Errors(Stem, configuration).Should().BeEmpty();
    }

    [Fact]
    public void A_path_without_save_or_restore_is_reported()
    {
        // Given
        var cache = new CachePlugin { Path = "node_modules" };

        // When
        var diagnostics = cache.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("at least one of 'path' and 'save' or 'path' and 'restore'");
        PluginSchemas.Errors(Stem, cache.ToConfiguration()).Should().NotBeEmpty();
    }
}
