using Buildkite.Dsl;
using Scion.Pipeline.Shared;

namespace Scion.Pipeline.Steps;

/// <summary>The "Check Src Tree" group: lint and the check that generated files are up to date.</summary>
public static class CheckSteps
{
    /// <summary>Minutes after which a check is cancelled.</summary>
    public const int TimeoutInMinutes = 20;

    /// <summary>"Lint :bash:" (key <c>lint</c>): <c>make lint</c>.</summary>
    public static CommandStep Lint { get; } = new()
    {
        Label = "Lint :bash:",
        Key = "lint",
        Commands = ["make lint"],
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = TimeoutInMinutes,
    };

    /// <summary>
    /// "Check Generated :bash:" (key <c>check_generated</c>): regenerates go.mod, protobuf code, licenses,
    /// mocks, ANTLR parsers and test data, and fails when any of them differs from the checked-in files.
    /// </summary>
    public static CommandStep CheckGenerated { get; } = new()
    {
        Label = "Check Generated :bash:",
        Key = "check_generated",
        Commands =
        [
            "echo \"--- go.mod\"",
            "mkdir -p /tmp/test-artifacts",
            "cp go.mod go.sum /tmp/test-artifacts/",
            "make go.mod",
            "diff -u /tmp/test-artifacts/go.mod go.mod",
            "diff -u /tmp/test-artifacts/go.sum go.sum",
            "echo \"--- protobuf\"",
            "cp -R pkg/proto/ /tmp/test-artifacts",
            "make protobuf",
            "diff -ur /tmp/test-artifacts/proto/ pkg/proto/",
            "echo \"--- licenses\"",
            "mkdir -p /tmp/test-artifacts/licenses",
            "./tools/licenses.sh /tmp/test-artifacts/licenses",
            "diff -rNu3 /tmp/test-artifacts/licenses ./licenses/data",
            "echo \"--- gomocks\"",
            "make mocksdiff",
            "echo \"--- antlr\"",
            "rm -rf /tmp/test-artifacts/antlr",
            "cp -R antlr/ /tmp/test-artifacts/antlr",
            "make antlr",
            "diff -ur /tmp/test-artifacts/antlr/ antlr/",
            "echo \"--- testdata\"",
            "./tools/update_testdata.sh",
        ],
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = TimeoutInMinutes,
    };

    /// <summary>The group "Check Src Tree" with <see cref="Lint"/> and <see cref="CheckGenerated"/>.</summary>
    public static GroupStep Group { get; } = new()
    {
        Group = "Check Src Tree",
        Steps = [Lint, CheckGenerated],
    };
}
