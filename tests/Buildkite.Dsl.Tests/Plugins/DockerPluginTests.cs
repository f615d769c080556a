using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class DockerPluginTests
{
    private const string Stem = "buildkite-plugins__docker-buildkite-plugin";

    [Fact]
    public void The_documented_image_and_workdir_example_is_written_as_the_readme_shows()
    {
        // Given
        var docker = new DockerPlugin { Image = "node:7", Workdir = "/app" };

        // When
        var yaml = PluginYaml.Of("yarn install && yarn test", docker);

        // Then
        yaml.Should().Be("""
            steps:
            - command: yarn install && yarn test
              plugins:
              - docker#v5.13.0:
                  image: node:7
                  workdir: /app

            """);
        PluginSchemas.Errors(Stem, docker.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Lists_booleans_and_both_forms_of_mount_ssh_agent_validate_against_the_plugin_schema()
    {
        // Given
        var docker = new DockerPlugin
        {
            Image = "golang:1.24",
            AlwaysPull = true,
            Environment = ["GOFLAGS=-mod=vendor", "CI"],
            Volumes = ["/var/run/docker.sock:/var/run/docker.sock"],
            MountSshAgent = true,
            Shell = ["/bin/bash", "-e", "-c"],
            Cpus = "2",
        };

        // When
        var yaml = PluginYaml.Of("go test ./...", docker);

        // Then
        yaml.Should().Be("""
            steps:
            - command: go test ./...
              plugins:
              - docker#v5.13.0:
                  always-pull: true
                  cpus: "2"
                  environment:
                  - GOFLAGS=-mod=vendor
                  - CI
                  image: golang:1.24
                  mount-ssh-agent: true
                  shell:
                  - /bin/bash
                  - -e
                  - -c
                  volumes:
                  - /var/run/docker.sock:/var/run/docker.sock

            """);
        PluginSchemas.Errors(Stem, docker.ToConfiguration()).Should().BeEmpty();
    }

    [Fact]
    public void Shell_false_and_an_ssh_agent_path_keep_their_own_forms()
    {
        // Given
        var docker = new DockerPlugin { Image = "alpine", Shell = false, MountSshAgent = "/home/agent" };

        // When
        var configuration = docker.ToConfiguration()!;

        // Then
        configuration.ToJsonString().Should().Be("""{"image":"alpine","mount-ssh-agent":"/home/agent","shell":false}""");
        PluginSchemas.Errors(Stem, configuration).Should().BeEmpty();
    }

    [Fact]
    public void A_dollar_in_an_option_reaches_the_plugin_literally()
    {
        // Given
        var docker = new DockerPlugin { Image = "alpine", Command = ["echo", "$HOME"] };

        // When
        var yaml = PluginYaml.Of("true", docker);

        // Then
        yaml.Should().Contain("- echo\n      - $$HOME\n");
    }

    [Fact]
    public void A_missing_image_is_reported_with_the_step_and_option()
    {
        // Given
        var docker = new DockerPlugin { Image = null! };
        var pipeline = new Pipeline { Steps = [new CommandStep { Key = "lint", Command = "make lint", Plugins = [docker] }] };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        diagnostics.Should().ContainSingle(d => d.Code == "BKD403")
            .Which.Should().Match<Buildkite.Dsl.Validation.Diagnostic>(d => d.Path == "steps[0]" && d.Field == "plugins[0].image" && d.Step == "key 'lint'" && d.IsError);
    }
}
