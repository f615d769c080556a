using Buildkite.Dsl.Plugins;
using Buildkite.Dsl;
using Scion.Pipeline.Shared;

namespace Scion.Pipeline.Steps;

/// <summary>
/// The "End to End" group (key <c>e2e</c>): each step starts a local SCION topology and runs traffic
/// through it.
/// </summary>
public static class EndToEndSteps
{
    /// <summary>Minutes after which an end-to-end step is cancelled.</summary>
    public const int TimeoutInMinutes = 15;

    /// <summary>Marks a failure so that Buildkite expands the log section above it.</summary>
    private const string ExpandOnFailure = " || ( echo \"^^^ +++\" && false )";

    /// <summary>
    /// "E2E: default :man_in_business_suit_levitating: (scion, ping)" (key <c>e2e_integration_tests_v2</c>):
    /// the default topology, with the <c>scion</c> tool and end-to-end pings.
    /// </summary>
    public static CommandStep Default { get; } = TopologyStep(
        "E2E: default :man_in_business_suit_levitating: (scion, ping)",
        "e2e_integration_tests_v2",
        [
            "echo \"--- build\"",
            "make",
            "echo \"--- start topology\"",
            "./scion.sh topology -c topology/default.topo",
            "./scion.sh run",
            "tools/await-connectivity",
            "./bin/scion_integration" + ExpandOnFailure,
            "./bin/end2end_integration" + ExpandOnFailure,
        ]);

    /// <summary>
    /// "E2E: failing links :man_in_business_suit_levitating:" (key <c>e2e_revocation_test_v2</c>): the
    /// topology without peering links, then link failures and path revocation.
    /// </summary>
    public static CommandStep FailingLinks { get; } = TopologyStep(
        "E2E: failing links :man_in_business_suit_levitating:",
        "e2e_revocation_test_v2",
        [
            "echo \"--- build\"",
            "make",
            "echo \"--- start topology\"",
            "./scion.sh topology -c topology/default-no-peers.topo",
            "./scion.sh run",
            "tools/await-connectivity",
            "./bin/end2end_integration" + ExpandOnFailure,
            "./tools/integration/revocation_test.sh",
        ]);

    /// <summary>
    /// "E2E: default :docker: (ping)" (key <c>docker_integration_e2e_default</c>): the default topology in
    /// Docker containers, with end-to-end pings.
    /// </summary>
    public static CommandStep Docker { get; } = TopologyStep(
        "E2E: default :docker: (ping)",
        "docker_integration_e2e_default",
        [
            "echo \"--- build\"",
            "make build-dev docker-images",
            "echo \"--- start topology\"",
            "./scion.sh topology -d",
            "./scion.sh run",
            "tools/await-connectivity",
            "echo \"--- run tests\"",
            "./bin/end2end_integration -d" + ExpandOnFailure,
        ]);

    /// <summary>The group "End to End" (key <c>e2e</c>) with the three topology steps.</summary>
    public static GroupStep Group { get; } = new()
    {
        Group = "End to End",
        Key = "e2e",
        Steps = [Default, FailingLinks, Docker],
    };

    /// <summary>
    /// Creates a step that runs a SCION topology, with the shared topology hooks, artifacts, timeout and retry.
    /// </summary>
    /// <param name="label">The label.</param>
    /// <param name="key">The key.</param>
    /// <param name="commands">The command lines.</param>
    /// <returns>The step.</returns>
    public static CommandStep TopologyStep(string label, string key, IReadOnlyList<string> commands) => new()
    {
        Label = label,
        Key = key,
        Commands = commands,
        Plugins = [ScionHooks.TopologyRun],
        ArtifactPaths = ScionArtifacts.TopologyRun,
        TimeoutInMinutes = TimeoutInMinutes,
        Retry = ScionRetry.Automatic,
    };
}
