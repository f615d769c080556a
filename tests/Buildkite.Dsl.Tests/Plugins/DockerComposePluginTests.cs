using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class DockerComposePluginTests
{
    private const string Stem = "buildkite-plugins__docker-compose-buildkite-plugin";

    [Fact]
    public void The_documented_simple_run_is_written_as_the_readme_shows()
    {
        // Given
        var compose = new DockerComposePlugin { Run = "app" };

        // When
        var yaml = PluginYaml.Of("test.sh", compose);

        // Then
        yaml.Should().Be("""
            steps:
            - command: test.sh
              plugins:
              - docker-compose#v5.14.0:
                  run: app

            """);
        PluginSchemas.Errors(Stem, compose.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Run_with_a_config_file_and_an_env_list_is_written_as_the_readme_shows()
    {
        // Given
        var compose = new DockerComposePlugin { Run = "app", Config = "docker-compose.tests.yml", Env = ["BUILDKITE_BUILD_NUMBER"] };

        // When
        var yaml = PluginYaml.Of("test.sh", compose);

        // Then
        yaml.Should().Be("""
            steps:
            - command: test.sh
              plugins:
              - docker-compose#v5.14.0:
                  run: app
                  config: docker-compose.tests.yml
                  env:
                  - BUILDKITE_BUILD_NUMBER

            """);
        PluginSchemas.Errors(Stem, compose.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Build_and_push_keep_the_single_and_the_list_form()
    {
        // Given
        var compose = new DockerComposePlugin
        {
            Build = ["app", "tests"],
            Push = "app:index.docker.io/myorg/myrepo:tag",
            CacheFrom = ["app:index.docker.io/myorg/myrepo:latest"],
            CliVersion = DockerComposeCliVersion.Value2,
            Builder = new() { Driver = DockerComposeBuilderDriver.DockerContainer, Create = true },
        };

        // When
        var yaml = PluginYaml.Of("true", compose);

        // Then
        yaml.Should().Be("""
            steps:
            - command: "true"
              plugins:
              - docker-compose#v5.14.0:
                  build:
                  - app
                  - tests
                  push: app:index.docker.io/myorg/myrepo:tag
                  builder:
                    create: true
                    driver: docker-container
                  cache-from:
                  - app:index.docker.io/myorg/myrepo:latest
                  cli-version: "2"

            """);
        PluginSchemas.Errors(Stem, compose.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Environment_as_a_map_and_mount_checkout_as_a_path_validate_against_the_plugin_schema()
    {
        // Given
        var compose = new DockerComposePlugin
        {
            Run = "app",
            Environment = new Dictionary<string, string> { ["RAILS_ENV"] = "test" },
            MountCheckout = "/workdir",
            UploadContainerLogs = DockerComposeUploadContainerLogs.OnError,
            Shell = false,
        };

        // When
        var configuration = compose.ToConfiguration()!;

        // Then
        configuration.ToJsonString().Should().Be("""{"run":"app","environment":{"RAILS_ENV":"test"},"mount-checkout":"/workdir","shell":false,"upload-container-logs":"on-error"}""");
        PluginSchemas.Errors(Stem, configuration).Should().BeEmpty();
    }

    [Fact]
    public void Neither_run_build_nor_push_is_an_error_naming_the_alternatives()
    {
        // Given
        var compose = new DockerComposePlugin { Config = "docker-compose.yml" };

        // When
        var diagnostics = compose.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("'run' or 'build' or 'push'");
        PluginSchemas.Errors(Stem, compose.ToConfiguration()).Should().NotBeEmpty("the plugin's own schema rejects it too");
    }

    [Fact]
    public void An_option_used_without_the_option_it_needs_is_a_warning()
    {
        // Given
        var compose = new DockerComposePlugin { Build = "app", Tty = true };

        // When
        var diagnostics = compose.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Should().Match<Buildkite.Dsl.Validation.Diagnostic>(d =>
            d.Code == "BKD403" && !d.IsError && d.Field == "tty" && d.Message.Contains("'run'"));
        PluginSchemas.Errors(Stem, compose.ToConfiguration()).Should().NotBeEmpty("the schema's dependencies reject it too");
    }

    [Fact]
    public void An_undefined_enum_value_is_an_error()
    {
        // Given
        var compose = new DockerComposePlugin { Run = "app", UploadContainerLogs = (DockerComposeUploadContainerLogs)42 };

        // When
        var diagnostics = compose.Validate();

        // Then
        diagnostics.Should().ContainSingle().Which.Should().Match<Buildkite.Dsl.Validation.Diagnostic>(d => d.Code == "BKD403" && d.Field == "upload-container-logs" && d.IsError);
    }
}
