using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class ArtifactsPluginTests
{
    private const string Stem = "buildkite-plugins__artifacts-buildkite-plugin";

    [Fact]
    public void An_upload_glob_is_written_as_the_readme_shows()
    {
        // Given
        var artifacts = new ArtifactsPlugin { Upload = "log/**/*.log" };

        // When
        var yaml = PluginYaml.Of("make", artifacts);

        // Then
        yaml.Should().Be("""
            steps:
            - command: make
              plugins:
              - artifacts#v1.9.4:
                  upload: log/**/*.log

            """);
        PluginSchemas.Errors(Stem, artifacts.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void A_download_with_from_and_to_is_written_as_the_readme_shows()
    {
        // Given
        var artifacts = new ArtifactsPlugin { Download = new ArtifactsFromToObject { From = "log1.log", To = "log2.log" } };

        // When
        var yaml = PluginYaml.Of("make", artifacts);

        // Then
        yaml.Should().Be("""
            steps:
            - command: make
              plugins:
              - artifacts#v1.9.4:
                  download:
                    from: log1.log
                    to: log2.log

            """);
        PluginSchemas.Errors(Stem, artifacts.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Lists_of_paths_and_of_from_to_objects_validate_against_the_plugin_schema()
    {
        // Given
        var paths = new ArtifactsPlugin { Upload = ["log/**/*.log", "coverage/*.xml"], SkipOnStatus = [1, 2], Compressed = "logs.tgz" };
        var objects = new ArtifactsPlugin { Download = new ArtifactsFromToObject[] { new() { From = "a.log", Step = "build" }, new() { From = "b.log" } } };

        // When
        var pathsJson = paths.ToConfiguration()!;
        var objectsJson = objects.ToConfiguration()!;

        // Then
        pathsJson.ToJsonString().Should().Be("""{"upload":["log/**/*.log","coverage/*.xml"],"compressed":"logs.tgz","skip-on-status":[1,2]}""");
        objectsJson.ToJsonString().Should().Be("""{"download":[{"from":"a.log","step":"build"},{"from":"b.log"}]}""");
        PluginSchemas.Errors(Stem, pathsJson).Should().BeEmpty();
        PluginSchemas.Errors(Stem, objectsJson).Should().BeEmpty();
    }

    [Fact]
    public void Upload_and_download_together_break_the_plugin_schema_and_are_reported()
    {
        // Given
        var artifacts = new ArtifactsPlugin { Upload = "a", Download = "b" };

        // When
        var diagnostics = artifacts.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Should().Match<Buildkite.Dsl.Validation.Diagnostic>(d => d.Code == "BKD403" && d.IsError && d.Message.Contains("exactly one of 'upload' or 'download'"));
        PluginSchemas.Errors(Stem, artifacts.ToConfiguration()).Should().NotBeEmpty();
    }

    [Fact]
    public void A_compressed_name_outside_the_pattern_is_reported()
    {
        // Given
        var artifacts = new ArtifactsPlugin { Upload = "a", Compressed = "logs.rar" };

        // When
        var diagnostics = artifacts.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Field.Should().Be("compressed");
        PluginSchemas.Errors(Stem, artifacts.ToConfiguration()).Should().NotBeEmpty();
    }
}
