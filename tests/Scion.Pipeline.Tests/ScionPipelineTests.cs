using Buildkite.Dsl;
using Scion.Pipeline.Steps;
using Scion.Pipeline.Tests.Support;

namespace Scion.Pipeline.Tests;

public class ScionPipelineTests
{
    [Fact]
    public void A_push_to_main_gives_the_expected_pipeline_by_meaning()
    {
        // Given
        var context = ScionEnvironment.CreateContext(Reference.Variables(), FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // When
        var yaml = ScionPipeline.Create(context).Pipeline.ToYaml();

        // Then
        PipelineMeaning.Of(yaml).Should().Be(PipelineMeaning.Of(Reference.Read("expected-push-main.yml")));
    }

    [Fact]
    public void A_doc_only_pull_request_gives_the_expected_doc_pipeline_by_meaning()
    {
        // Given
        var variables = Reference.Variables("scion", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "master"));
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // When
        var yaml = ScionPipeline.Create(context).Pipeline.ToYaml();

        // Then
        PipelineMeaning.Of(yaml).Should().Be(PipelineMeaning.Of(Reference.Read("expected-pr-doc-only.yml")));
    }

    [Fact]
    public void The_full_pipeline_without_integration_tests_is_upstreams_static_pipeline_yml()
    {
        // Given
        var pipeline = ScionPipeline.Full(integrationTests: null);

        // When
        var yaml = pipeline.ToYaml();

        // Then
        PipelineMeaning.Of(yaml).Should().Be(PipelineMeaning.Of(Reference.Read("pipeline.yml")));
    }

    [Fact]
    public void The_doc_only_pipeline_is_upstreams_pipeline_doc_yml()
    {
        // Given
        var pipeline = ScionPipeline.DocOnly();

        // When
        var yaml = pipeline.ToYaml();

        // Then
        PipelineMeaning.Of(yaml).Should().Be(PipelineMeaning.Of(Reference.Read("pipeline-doc.yml")));
    }

    [Fact]
    public void The_scion_version_is_left_for_the_agent_to_fill_in_at_upload()
    {
        // Given
        var pipeline = ScionPipeline.Full(integrationTests: null);

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Contain("scion_${SCION_VERSION}_amd64_linux.tar.gz").And.NotContain("$${SCION_VERSION}");
    }

    [Fact]
    public void Shell_command_substitution_reaches_the_job_unchanged()
    {
        // Given
        var pipeline = ScionPipeline.Full(integrationTests: null);

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Contain("tar -chaf test-out.tar.gz $$(ls -d logs traces gen gen-cache)", "the agent turns $$ into $ at upload");
    }

    [Fact]
    public void The_nightly_pipeline_has_the_same_steps_as_a_push_to_scion()
    {
        // Given
        var scion = ScionEnvironment.CreateContext(Reference.Variables("scion"), FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));
        var nightly = ScionEnvironment.CreateContext(Reference.Variables("scion-nightly"), FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // When
        var nightlyYaml = ScionPipeline.Create(nightly).Pipeline.ToYaml();

        // Then
        nightlyYaml.Should().Be(ScionPipeline.Create(scion).Pipeline.ToYaml());
    }

    [Fact]
    public void The_nightly_pipeline_never_takes_the_doc_only_shortcut()
    {
        // Given
        var git = FakeGit.ExitingWith(0);
        var variables = Reference.Variables("scion-nightly", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "master"));

        // When
        var context = ScionEnvironment.CreateContext(variables, git, FakeBazel.Printing(Reference.Targets()));
        var yaml = ScionPipeline.Create(context).Pipeline.ToYaml();

        // Then
        git.Calls.Should().BeEmpty();
        PipelineMeaning.Of(yaml).Should().Be(PipelineMeaning.Of(Reference.Read("expected-push-main.yml")));
    }

    [Fact]
    public void A_nightly_context_marked_doc_only_still_gives_the_full_pipeline()
    {
        // Given
        var context = new ScionContext { Pipeline = ScionPipelineKind.Nightly, DocOnly = true, IntegrationTargets = Reference.Targets() };

        // When
        var steps = ScionPipeline.Create(context).Pipeline.Steps;

        // Then
        steps.Should().HaveCount(9).And.Contain(BazelSteps.Build);
    }

    [Fact]
    public void A_pull_request_with_changes_outside_doc_gives_the_full_pipeline()
    {
        // Given
        var git = FakeGit.ExitingWith(1);
        var variables = Reference.Variables("scion", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "master"));

        // When
        var context = ScionEnvironment.CreateContext(variables, git, FakeBazel.Printing(Reference.Targets()));
        var result = ScionPipeline.Create(context);

        // Then
        git.Calls.Should().ContainSingle().Which.Should().Be(("master", DocOnlyChanges.ExcludedPaths));
        PipelineMeaning.Of(result.Pipeline.ToYaml()).Should().Be(PipelineMeaning.Of(Reference.Read("expected-push-main.yml")));
        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_base_branch_gives_the_full_pipeline_with_gits_error_as_a_note()
    {
        // Given
        var git = FakeGit.ExitingWith(128, "fatal: bad revision 'no-such-branch'\n");
        var variables = Reference.Variables("scion", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "no-such-branch"));

        // When
        var context = ScionEnvironment.CreateContext(variables, git, FakeBazel.Printing(Reference.Targets()));
        var result = ScionPipeline.Create(context);

        // Then
        PipelineMeaning.Of(result.Pipeline.ToYaml()).Should().Be(PipelineMeaning.Of(Reference.Read("expected-push-main.yml")));
        result.Notes.Should().ContainSingle().Which.Should()
            .Contain("no-such-branch").And.Contain("exit code 128").And.Contain("fatal: bad revision");
    }

    [Fact]
    public void A_doc_only_pull_request_does_not_run_bazel()
    {
        // Given
        var bazel = FakeBazel.Failing(1, "bazel must not run");
        var variables = Reference.Variables("scion", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "master"));

        // When
        var result = ScionPipeline.Create(ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), bazel));

        // Then
        bazel.Queries.Should().BeEmpty();
        result.Notes.Should().ContainSingle().Which.Should().Contain("doc-only pipeline");
    }

    [Fact]
    public void An_empty_base_branch_variable_means_no_pull_request()
    {
        // Given
        var git = FakeGit.ExitingWith(0);
        var variables = Reference.Variables("scion", ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", ""));

        // When
        var context = ScionEnvironment.CreateContext(variables, git, FakeBazel.Printing(Reference.Targets()));

        // Then
        git.Calls.Should().BeEmpty();
        context.DocOnly.Should().BeFalse();
    }

    [Fact]
    public void An_empty_target_list_leaves_the_integration_group_out_with_a_note()
    {
        // Given
        var context = ScionEnvironment.CreateContext(Reference.Variables(), FakeGit.ExitingWith(0), FakeBazel.Printing());

        // When
        var result = ScionPipeline.Create(context);

        // Then
        result.Pipeline.Steps.OfType<GroupStep>().Select(g => g.Group).Should().Equal("Check Src Tree", "End to End");
        result.Notes.Should().ContainSingle().Which.Should().Contain("no integration test targets").And.Contain("left out");
        PipelineSchema.ShouldAccept(result.Pipeline.ToJson());
    }

    [Fact]
    public void A_single_test_that_matches_nothing_leaves_the_integration_group_out_with_a_note()
    {
        // Given
        var variables = Reference.Variables("scion", ("SINGLE_TEST", "no_such_test"));
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // When
        var result = ScionPipeline.Create(context);

        // Then
        result.Pipeline.Steps.OfType<GroupStep>().Should().NotContain(g => g.Key == IntegrationTestSteps.GroupKey);
        result.Notes.Should().ContainSingle().Which.Should().Contain("SINGLE_TEST 'no_such_test'").And.Contain("of 20");
    }

    [Fact]
    public void Single_test_keeps_only_matching_targets_and_skips_cached_results()
    {
        // Given
        var variables = Reference.Variables("scion", ("SINGLE_TEST", "router_multi"));
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // When
        var result = ScionPipeline.Create(context);

        // Then
        var group = result.Pipeline.Steps.OfType<GroupStep>().Single(g => g.Key == IntegrationTestSteps.GroupKey);
        group.Steps.Cast<CommandStep>().Select(s => s.Commands.Single()).Should().Equal(
            "bazel test --test_output=streamed //acceptance/router_multi:test_bfd --nocache_test_results",
            "bazel test --test_output=streamed //acceptance/router_multi:test_nobfd --nocache_test_results");
        group.Steps.Cast<CommandStep>().Should().OnlyContain(s => s.Parallelism == null);
        result.Notes.Should().ContainSingle().Which.Should().Be("SINGLE_TEST 'router_multi': 2 of 20 integration test targets.");
    }

    [Fact]
    public void Parallelism_repeats_each_integration_test_and_skips_cached_results()
    {
        // Given
        var variables = Reference.Variables("scion", ("PARALLELISM", "3"));
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing("//acceptance/stun:test", "//scion-pki/trcs:go_integration_test"));

        // When
        var pipeline = ScionPipeline.Create(context).Pipeline;

        // Then
        var steps = pipeline.Steps.OfType<GroupStep>().Single(g => g.Key == IntegrationTestSteps.GroupKey).Steps.Cast<CommandStep>().ToList();
        steps.Should().OnlyContain(s => s.Parallelism == 3);
        steps.Select(s => s.Commands.Single()).Should().Equal(
            "bazel test --test_output=streamed //acceptance/stun:test --nocache_test_results",
            "bazel test --test_output=streamed //scion-pki/trcs:go_integration_test --test_arg=-test.v --nocache_test_results");
        PipelineSchema.ShouldAccept(pipeline.ToJson());
    }

    [Fact]
    public void Parallelism_of_one_is_the_default_and_writes_no_parallelism()
    {
        // Given
        var variables = Reference.Variables("scion", ("PARALLELISM", "1"));
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing("//acceptance/stun:test"));

        // When
        var yaml = ScionPipeline.Create(context).Pipeline.ToYaml();

        // Then
        yaml.Should().NotContain("parallelism").And.NotContain("--nocache_test_results");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void Parallelism_that_is_not_a_whole_number_of_at_least_one_is_an_error(string value)
    {
        // Given
        var variables = Reference.Variables("scion", ("PARALLELISM", value));

        // When
        var act = () => ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // Then
        act.Should().Throw<ScionInputException>().WithMessage($"PARALLELISM is '{value}': expected a whole number of at least 1*");
    }

    [Fact]
    public void A_failing_query_is_an_error_with_bazels_standard_error()
    {
        // Given
        var bazel = FakeBazel.Failing(7, "ERROR: Skipping '//...': no such package\n");

        // When
        var act = () => ScionEnvironment.CreateContext(Reference.Variables(), FakeGit.ExitingWith(0), bazel);

        // Then
        act.Should().Throw<ScionInputException>().Which.Message.Should().Be(
            "bazel query \"attr(tags, integration, tests(//...)) except attr(tags, \\\"lint|manual\\\", tests(//...))\" failed (exit code 7):\n" +
            "ERROR: Skipping '//...': no such package");
    }

    [Fact]
    public void The_query_lists_integration_tests_without_lint_and_manual_ones()
    {
        // Given
        var bazel = FakeBazel.Printing(Reference.Targets());

        // When
        ScionEnvironment.CreateContext(Reference.Variables(), FakeGit.ExitingWith(0), bazel);

        // Then
        bazel.Queries.Should().Equal("attr(tags, integration, tests(//...)) except attr(tags, \"lint|manual\", tests(//...))");
    }

    [Fact]
    public void No_bazel_and_no_target_file_is_an_error_that_names_the_override()
    {
        // Given
        var bazel = FakeBazel.NotInstalled();

        // When
        var act = () => ScionEnvironment.CreateContext(Reference.Variables(), FakeGit.ExitingWith(0), bazel);

        // Then
        act.Should().Throw<ScionInputException>().WithMessage("bazel is needed*SCION_TEST_TARGETS_FILE*");
    }

    [Theory]
    [InlineData("scion-nightly-2")]
    [InlineData("Scion")]
    [InlineData("other")]
    public void An_unknown_slug_is_an_error_that_names_the_known_ones(string slug)
    {
        // When
        var act = () => ScionEnvironment.CreateContext(Reference.Variables(slug), FakeGit.ExitingWith(0), FakeBazel.Printing());

        // Then
        act.Should().Throw<ScionInputException>()
            .WithMessage($"BUILDKITE_PIPELINE_SLUG is '{slug}', which is not one of SCION's pipelines: expected 'scion' or 'scion-nightly'.");
    }

    [Fact]
    public void Without_a_slug_outside_buildkite_the_scion_pipeline_is_printed_with_a_note()
    {
        // Given
        var variables = new Dictionary<string, string> { ["BUILDKITE_PIPELINE_SLUG"] = "" };

        // When
        var context = ScionEnvironment.CreateContext(variables, FakeGit.ExitingWith(0), FakeBazel.Printing(Reference.Targets()));

        // Then
        context.Pipeline.Should().Be(ScionPipelineKind.Scion);
        context.Notes.Should().ContainSingle().Which.Should().Be("BUILDKITE_PIPELINE_SLUG is not set (not a Buildkite job): printing the 'scion' pipeline.");
    }

    [Fact]
    public void Every_pipeline_validates_against_buildkites_schema()
    {
        // Given
        Buildkite.Dsl.Pipeline[] pipelines =
        [
            ScionPipeline.Create(new ScionContext { Pipeline = ScionPipelineKind.Scion, IntegrationTargets = Reference.Targets() }).Pipeline,
            ScionPipeline.Create(new ScionContext { Pipeline = ScionPipelineKind.Scion, DocOnly = true }).Pipeline,
            ScionPipeline.Create(new ScionContext { Pipeline = ScionPipelineKind.Nightly, IntegrationTargets = Reference.Targets(), SingleTest = "acceptance", Parallelism = 2 }).Pipeline,
        ];

        // When
        var complaints = pipelines.SelectMany(p => PipelineSchema.Check(p.ToJson()));

        // Then
        complaints.Should().BeEmpty();
    }
}
