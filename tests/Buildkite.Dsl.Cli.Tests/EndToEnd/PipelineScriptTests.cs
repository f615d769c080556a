using Buildkite.Dsl.Cli.Tests.Support;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// The published <c>buildkite-dsl</c> runs the repository's <c>pipeline.csx</c> in a temporary SCION checkout
/// (a git repository, with a fake bazel on PATH), as the first step of SCION's pipelines does.
/// </summary>
[Collection(PublishedCliTests.Name)]
public class PipelineScriptTests(PublishedCli cli)
{
    private static readonly string PipelineScript = Path.Combine(RepositoryRoot.Path, "pipeline.csx");

    private static string ReferenceText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", name));

    private async Task<CliResult> RunAsync(ScionCheckout checkout, Dictionary<string, string?> environment)
    {
        environment["DOTNET_ROOT"] = PublishedCli.DotNetRoot;
        return await ProcessRun.RunAsync(cli.Executable, ["run", PipelineScript], checkout.Path, environment);
    }

    [Fact]
    public async Task A_push_prints_the_expected_pipeline_and_nothing_else()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "integration-targets.txt"), checkout.BazelTargets, overwrite: true);

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion")));

        // Then
        result.Error.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-push-main.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
        checkout.BazelCallLines().Should().Equal("query attr(tags, integration, tests(//...)) except attr(tags, \"lint|manual\", tests(//...))");
    }

    [Fact]
    public async Task A_doc_only_pull_request_prints_the_doc_pipeline_without_running_bazel()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        checkout.Write("doc/index.md", "# SCION, better documented\n");
        checkout.Write("README.md", "# SCION\n");

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main")));

        // Then
        result.ExitCode.Should().Be(0);
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-pr-doc-only.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
        result.Error.Should().Contain("doc-only pipeline");
        checkout.BazelCallLines().Should().BeEmpty();
    }

    [Fact]
    public async Task A_pull_request_that_changes_code_prints_the_full_pipeline()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        checkout.Write("doc/index.md", "# SCION, better documented\n");
        checkout.Write("go.mod", "module github.com/scionproto/scion\n\ngo 1.24\n");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "integration-targets.txt"), checkout.BazelTargets, overwrite: true);

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main")));

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-push-main.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
    }

    [Fact]
    public async Task An_unknown_base_branch_prints_the_full_pipeline_and_gits_error_on_stderr()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "integration-targets.txt"), checkout.BazelTargets, overwrite: true);

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "no-such-branch")));

        // Then
        result.ExitCode.Should().Be(0);
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-push-main.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
        result.Error.Should().Contain("git diff against 'no-such-branch' failed").And.Contain("no-such-branch");
    }

    [Fact]
    public async Task The_nightly_pipeline_ignores_a_doc_only_change()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        checkout.Write("doc/index.md", "# SCION, better documented\n");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "integration-targets.txt"), checkout.BazelTargets, overwrite: true);

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion-nightly"), ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main")));

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-push-main.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
    }

    [Fact]
    public async Task Single_test_and_parallelism_reach_the_integration_steps()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "integration-targets.txt"), checkout.BazelTargets, overwrite: true);

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("SINGLE_TEST", "cryptoplayground"), ("PARALLELISM", "4")));

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("- bazel test --test_output=streamed //tools/cryptoplayground:trc_ceremony_test --nocache_test_results")
            .And.Contain("parallelism: 4").And.NotContain("//acceptance/");
        result.Error.Should().Be("SINGLE_TEST 'cryptoplayground': 2 of 20 integration test targets.\n");
        PipelineSchema.ShouldAcceptYaml(result.Output);
    }

    [Fact]
    public async Task An_empty_target_list_leaves_the_group_out_with_a_note_on_stderr()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion")));

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().NotContain("Integration Tests");
        result.Error.Should().Be("There are no integration test targets: the group 'Integration Tests :bazel:' is left out.\n");
        PipelineSchema.ShouldAcceptYaml(result.Output);
    }

    [Fact]
    public async Task A_failing_query_fails_with_bazels_stderr_and_nothing_on_stdout()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("FAKE_BAZEL_ERROR", "ERROR: no such package 'acceptance/x'")));

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("failed (exit code 7):\nERROR: no such package 'acceptance/x'").And.NotContain("   at ");
    }

    [Fact]
    public async Task Without_bazel_and_without_a_target_file_it_fails_naming_the_override()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        var environment = checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"));
        environment["PATH"] = Path.GetDirectoryName(checkout.BazelCalls) + Path.PathSeparator + "/usr/bin" + Path.PathSeparator + "/bin";

        // When
        var result = await RunAsync(checkout, environment);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("bazel is needed").And.Contain("SCION_TEST_TARGETS_FILE");
    }

    [Fact]
    public async Task The_target_file_override_replaces_bazel()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "integration-targets.txt");

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion"), ("SCION_TEST_TARGETS_FILE", sample)));

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        PipelineMeaning.Of(result.Output).Should().Be(PipelineMeaning.Of(ReferenceText("expected-push-main.yml")));
        PipelineSchema.ShouldAcceptYaml(result.Output);
        checkout.BazelCallLines().Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_slug_fails_with_a_clear_error_and_nothing_on_stdout()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();

        // When
        var result = await RunAsync(checkout, checkout.Environment(("BUILDKITE_PIPELINE_SLUG", "scion-weekly")));

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"{PipelineScript}(8): error: BUILDKITE_PIPELINE_SLUG is 'scion-weekly', which is not one of SCION's pipelines: expected 'scion' or 'scion-nightly'.\n");
    }

    [Fact]
    public async Task A_script_with_a_compile_error_fails_with_line_and_column_and_nothing_on_stdout()
    {
        // Given
        using var checkout = await ScionCheckout.CreateAsync();
        checkout.Write("broken.csx", "#r \"nuget: Scion.Pipeline, 0.1.0\"\nusing Scion.Pipeline;\nConsole.Write(ScionPipeline.Nothing());\n");

        // When
        var result = await ProcessRun.RunAsync(cli.Executable, ["run", "broken.csx"], checkout.Path, checkout.Environment(("DOTNET_ROOT", PublishedCli.DotNetRoot)));

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be("broken.csx(3,29): error CS0117: 'ScionPipeline' does not contain a definition for 'Nothing'\n");
    }
}
