using Buildkite.Dsl.Cli.Import;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Import;

public class ImportCommandTests
{
    [Fact]
    public async Task The_monorepo_pipeline_imports_to_the_golden_script()
    {
        // Given
        using var folder = new ScriptFolder();
        var yaml = folder.Write("monorepo.yml", Corpus.Read("monorepo.yml"));

        // When
        var result = await InProcess.RunAsync("import", yaml);

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        Golden.Match("Import", result.Output.Replace(yaml, "monorepo.yml", StringComparison.Ordinal), ".csx");
    }

    [Fact]
    public void The_interpolation_pipeline_imports_to_the_golden_script()
    {
        // Given
        var yaml = Corpus.Read("interpolation.yml");

        // When
        var result = PipelineImporter.Import(yaml, "interpolation.yml", "pipeline.csx");

        // Then
        Golden.Match("Import", result.Script!, ".csx");
    }

    [Fact]
    public void The_release_pipeline_imports_to_the_golden_script()
    {
        // Given
        var yaml = Corpus.Read("release.yml");

        // When
        var result = PipelineImporter.Import(yaml, "release.yml", "pipeline.csx");

        // Then
        Golden.Match("Import", result.Script!, ".csx");
    }

    [Fact]
    public async Task Output_option_writes_the_script_and_nothing_to_stdout()
    {
        // Given
        using var folder = new ScriptFolder();
        var yaml = folder.Write("pipeline.yml", "steps:\n  - command: make\n");
        var script = Path.Combine(folder.Path, "pipeline.csx");

        // When
        var result = await InProcess.RunAsync("import", yaml, "-o", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().BeEmpty();
        File.ReadAllText(script).Should().Contain("new CommandStep { Command = \"make\" }");
        result.Error.Should().Contain("buildkite-dsl diff");
    }

    [Fact]
    public async Task A_pipeline_with_errors_is_not_imported_and_its_errors_name_the_place()
    {
        // Given
        using var folder = new ScriptFolder();
        var yaml = folder.Write("broken.yml", "steps:\n  - command: make\n    key: a b\n");

        // When
        var result = await InProcess.RunAsync("import", yaml);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("broken.yml:3:5: error BKD102");
    }

    [Fact]
    public async Task A_missing_file_is_an_io_error()
    {
        // When
        var result = await InProcess.RunAsync("import", "/no/such/pipeline.yml");

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("error: cannot read the pipeline '/no/such/pipeline.yml'");
    }

    [Fact]
    public void A_configuration_that_fits_the_bundled_binding_becomes_the_typed_plugin()
    {
        // Given
        var yaml = "steps:\n  - command: make\n    plugins:\n      - docker#v5.13.0:\n          image: node:22\n          mount-checkout: false\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("new DockerPlugin { Image = \"node:22\", MountCheckout = false }");
    }

    [Fact]
    public void Every_bundled_binding_is_used_for_a_configuration_that_fits_it()
    {
        // Given
        var yaml = Corpus.Read("plugins.yml");

        // When
        var script = PipelineImporter.Import(yaml, "plugins.yml").Script!;

        // Then
        script.Should().NotContain("UntypedPlugin");
        foreach (var binding in new[] { "Cache", "Ecr", "JunitAnnotate", "MonorepoDiff", "TestCollector", "Secrets", "AwsSm", "DockerEcrCache", "AwsAssumeRoleWithWebIdentity", "DockerLogin" })
        {
            script.Should().Contain($"new {binding}Plugin");
        }
    }

    [Fact]
    public void Another_version_of_a_bundled_plugin_keeps_its_reference_on_the_binding()
    {
        // Given
        var yaml = "steps:\n  - command: make\n    plugins:\n      - github.com/buildkite-plugins/docker-buildkite-plugin#v5.10.0:\n          image: node:22\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("new DockerPlugin\n").And.Contain("Reference = \"github.com/buildkite-plugins/docker-buildkite-plugin#v5.10.0\",\n")
            .And.Contain("Image = \"node:22\",\n");
    }

    [Fact]
    public void A_configuration_the_binding_cannot_hold_stays_an_untyped_plugin()
    {
        // Given: the docker binding requires 'image', and 'mount-checkout' takes a boolean.
        var yaml = "steps:\n  - command: make\n    plugins:\n      - docker#v5.13.0:\n          mount-checkout: \"yes\"\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("new UntypedPlugin(\"docker#v5.13.0\", new JsonObject { [\"mount-checkout\"] = \"yes\" })")
            .And.Contain("using System.Text.Json.Nodes;");
    }

    [Fact]
    public void A_plugin_without_a_binding_is_an_untyped_plugin()
    {
        // Given
        var yaml = "steps:\n  - command: make\n    plugins:\n      - my-org/deploy#v1.2.0:\n          target: staging\n      - my-org/notify#v2.0.0\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("new UntypedPlugin(\"my-org/deploy#v1.2.0\", new JsonObject { [\"target\"] = \"staging\" })")
            .And.Contain("new UntypedPlugin(\"my-org/notify#v2.0.0\")");
    }

    [Fact]
    public void Depends_on_names_the_variable_of_a_step_of_the_file_and_the_key_of_another()
    {
        // Given
        var yaml = "steps:\n  - command: make\n    key: build\n  - command: test\n    depends_on: [build, setup]\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("DependsOn = [build, \"setup\"]")
            .And.Contain("ExternalKeys = [\"setup\"]");
    }

    [Fact]
    public void A_step_is_declared_after_the_steps_it_depends_on_even_when_the_yaml_names_it_first()
    {
        // Given
        var yaml = "steps:\n  - command: deploy\n    key: deploy\n    depends_on: build\n  - command: make\n    key: build\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.IndexOf("var build =", StringComparison.Ordinal).Should().BeLessThan(script.IndexOf("var deploy =", StringComparison.Ordinal));
        script.Should().Contain("Steps = [deploy, build]");
    }

    [Fact]
    public void Values_an_anchor_shared_become_one_variable_named_after_the_anchor()
    {
        // Given
        var yaml = """
            x: &big-agents
              queue: large
            steps:
              - command: a
                agents: *big-agents
              - command: b
                agents: *big-agents
            """;

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("var bigAgents = new Agents { [\"queue\"] = \"large\" };");
        script.Split("Agents = bigAgents").Should().HaveCount(3);
        script.Should().Contain("// The top-level key 'x' only held YAML anchors");
    }

    [Fact]
    public void A_condition_the_builder_writes_alike_uses_the_builder_and_another_stays_text()
    {
        // Given
        var yaml = "steps:\n  - command: a\n    if: build.branch == 'main'\n  - command: b\n    if: build.pull_request.labels includes \"ci\" || build.unknown == 1\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("If = Build.Branch == \"main\" }")
            .And.Contain("If = \"build.pull_request.labels includes \\\"ci\\\" || build.unknown == 1\",");
    }

    [Fact]
    public void Comments_stay_above_the_step_or_attribute_they_describe()
    {
        // Given
        var yaml = """
            # The pipeline.
            steps:
              # Builds it.
              - label: Build
                # Big machines only.
                agents:
                  queue: large   # 64 cores
                command: make
            """;

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("// The pipeline.\n")
            .And.Contain("// Builds it.\nvar build = new CommandStep\n")
            .And.Contain("    // Big machines only.\n    // 64 cores\n    Agents = new() { [\"queue\"] = \"large\" },\n");
    }

    [Fact]
    public void Multi_line_commands_are_raw_string_literals()
    {
        // Given
        var yaml = "steps:\n  - command: |\n      echo \"one\"\n      echo two\n";

        // When
        var script = PipelineImporter.Import(yaml, "p.yml").Script!;

        // Then
        script.Should().Contain("    Command = \"\"\"\n        echo \"one\"\n        echo two\n\n        \"\"\",\n");
    }

    [Fact]
    public void Several_documents_become_several_uploads()
    {
        // Given
        var yaml = Corpus.Read("uploads.yml");

        // When
        var script = PipelineImporter.Import(yaml, "uploads.yml").Script!;

        // Then
        script.Should().Contain("Console.Write(new PipelineUploads { Pipelines = [pipeline1, pipeline2] }.ToYaml());")
            .And.Contain("DependsOn = [setup]")
            .And.Contain("ExternalKeys = [\"pipeline-upload\"]");
    }

    [Fact]
    public void The_script_asks_for_the_runners_own_buildkite_dsl()
    {
        // When
        var script = PipelineImporter.Import("steps:\n  - wait\n", "p.yml").Script!;

        // Then
        script.Should().StartWith($"#r \"nuget: Buildkite.Dsl, {PackageResolver.DslVersion}\"\n")
            .And.EndWith("Console.Write(pipeline.ToYaml());\n");
    }

    [Fact]
    public void A_compiler_warning_is_reported_to_the_round_trip_check()
    {
        // Given
        using var folder = new ScriptFolder();
        var path = folder.Write("warn.csx", "#warning a warning\nConsole.Write(\"x\");\n");

        // When
        var compiled = ScriptCompiler.Compile(path, File.ReadAllText(path), new Dictionary<string, byte[]>(), [], CancellationToken.None);

        // Then
        compiled.Errors.Should().BeEmpty();
        compiled.Warnings.Should().ContainSingle().Which.Should().Contain("warning CS1030");
    }
}
