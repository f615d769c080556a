using Scion.Pipeline.Shared;
using Scion.Pipeline.Steps;

namespace Scion.Pipeline.Tests.Steps;

public class IntegrationTestStepsTests
{
    [Theory]
    [InlineData("//acceptance/app_vs_endhost_br_dispatch:test", "AT: app_vs_endhost_br_dispatch")]
    [InlineData("//acceptance/router_multi:test_bfd", "AT: router_multi_bfd")]
    [InlineData("//acceptance/topo_cs_reload:topo_cs_reload_test", "AT: topo_cs_reload:topo_cs_reload_test")]
    [InlineData("//demo/drkey:drkey", "Demo: drkey")]
    [InlineData("//demo/file_transfer/sub:x:y", "Demo: file_transfer/sub")]
    [InlineData("//dist/test:cgo_test_amd64", "dist/test:cgo_test_amd64")]
    [InlineData("//scion-pki/trcs:go_integration_test", "IT: scion-pki/trcs")]
    [InlineData("//pkg/snet:go_default_test", "pkg/snet")]
    [InlineData("//tools/cryptoplayground:trc_ceremony_sensitive_scion_pki_test", "AT: trc_ceremony_sensitive_scion_pki")]
    [InlineData("//tools/cryptoplayground:trc_ceremony_test_helper", "tools/cryptoplayground:trc_ceremony_test_helper")]
    [InlineData("//a:test:test", "a:test")]
    public void Labels_follow_the_rewrite_rules_in_order(string target, string label)
    {
        // When
        var actual = IntegrationTestSteps.Label(target);

        // Then
        actual.Should().Be(label);
    }

    [Theory]
    [InlineData("//acceptance/stun:test", "acceptance_stun:test")]
    [InlineData("//tools/cryptoplayground:trc_ceremony_test", "tools_cryptoplayground:trc_ceremony_test")]
    [InlineData("//a/b/c:d", "a_b_c:d")]
    public void Keys_are_the_name_with_slashes_replaced_by_underscores(string target, string key)
    {
        // When
        var actual = IntegrationTestSteps.Key(target);

        // Then
        actual.Should().Be(key);
    }

    [Theory]
    [InlineData("//dist/test:cgo_test_amd64", "bazel test --test_output=streamed //dist/test:cgo_test_amd64 --test_arg=-test.v")]
    [InlineData("//go/lib:x_test", "bazel test --test_output=streamed //go/lib:x_test --test_arg=-test.v")]
    [InlineData("//acceptance/stun:test", "bazel test --test_output=streamed //acceptance/stun:test")]
    public void Targets_containing_go_run_verbose(string target, string command)
    {
        // When
        var step = IntegrationTestSteps.Step(target, singleTest: null, parallelism: 1);

        // Then
        step.Commands.Should().Equal(command);
    }

    [Fact]
    public void Every_integration_step_shares_the_hooks_artifacts_timeout_and_retry()
    {
        // When
        var step = IntegrationTestSteps.Step("//acceptance/stun:test", singleTest: null, parallelism: 1);

        // Then
        step.Plugins.Should().ContainSingle().Which.Should().BeSameAs(ScionHooks.CleanTestLogs);
        step.ArtifactPaths.Should().Equal(ScionArtifacts.TestLogs);
        step.TimeoutInMinutes.Should().Be(20);
        step.Retry.Should().BeSameAs(ScionRetry.IntegrationTest);
    }

    [Theory]
    [InlineData("acceptance/stun:test")]
    [InlineData("@repo//a:b")]
    [InlineData("//")]
    public void A_target_that_is_not_a_main_repository_label_is_rejected(string target)
    {
        // When
        var act = () => IntegrationTestSteps.Step(target, singleTest: null, parallelism: 1);

        // Then
        act.Should().Throw<ArgumentException>().WithMessage($"'{target}' is not a bazel target of the main repository*");
    }
}
