using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// A pipeline that uses every step type and every attribute Buildkite's schema knows, at pipeline level and
/// on each step type, in every form a union allows (spread over several steps where forms exclude each other).
/// </summary>
internal static class EverythingPipeline
{
    public static Pipeline Create()
    {
        var build = new CommandStep
        {
            Label = "Build :bazel:",
            Key = "build",
            Command = "bazel build //:scion\nbazel build //docker:prod",
            Agents = new() { ["queue"] = "build", ["os"] = "linux" },
            Image = "golang:1.24",
            Env = new Dictionary<string, string> { ["GOFLAGS"] = "-mod=readonly", ["CGO_ENABLED"] = "0" },
            Secrets = ["API_ACCESS_KEY_ID"],
            Plugins =
            [
                new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "golang:1.24", ["workdir"] = "/app", ["propagate-environment"] = true }),
                new UntypedPlugin("docker-login#v3.0.0"),
            ],
            ArtifactPaths = ["scion.tar.gz", "bazel-testlogs/**/*.xml"],
            Cache = "node_modules",
            Parallelism = 2,
            Concurrency = 1,
            ConcurrencyGroup = "scion/build",
            ConcurrencyMethod = ConcurrencyMethod.Eager,
            TimeoutInMinutes = 10,
            Priority = 5,
            Retry = new()
            {
                Automatic = [new() { ExitStatus = -1, Limit = 2 }, new() { ExitStatus = 255 }, new() { Signal = "SIGKILL", SignalReason = SignalReason.AgentStop }],
                Manual = new() { Allowed = false, PermitOnPassed = true, Reason = "Builds are reproducible" },
            },
            SoftFail = [1, ExitStatus.Any],
            CancelOnBuildFailing = true,
            If = "build.branch == \"main\"",
            IfChanged = "src/**",
            Skip = false,
            AllowDependencyFailure = false,
            DependsOn = [],
            Notify =
            [
                new SlackNotification { Channels = ["#builds"] },
                new SlackNotification { Channels = ["#ci", "@alice"], Message = "Build done", If = "build.branch == \"main\"" },
                new BasecampCampfireNotification { BasecampCampfire = "https://3.basecamp.com/1/integrations/x/buckets/2/chats/3/lines", If = "build.branch == \"main\"" },
                new GithubCommitStatusNotification(),
                new GithubCommitStatusNotification { Context = "scion/build", If = "build.pull_request.id != null" },
                new GithubCheckNotification(),
                new GithubCheckNotification { Settings = new Dictionary<string, JsonNode?> { ["context"] = "scion/build-check" } },
            ],
            Signature = new() { Algorithm = "EdDSA", Value = "eyJhbGciOiJFZERTQSJ9..c2lnbmF0dXJl", SignedFields = ["command", "env", "plugins", "matrix"] },
        };

        var unit = new CommandStep
        {
            Label = "Unit tests",
            Commands = ["bazel test //...", "bazel coverage //..."],
            DependsOn = [build, new Dependency("dist") { AllowFailure = true }],
            Agents = ["queue=test", "docker=true"],
            Secrets = new() { ["GITHUB_TOKEN"] = "github_bot_token" },
            Cache = ["node_modules", ".yarn/cache"],
            Matrix = ["linux", "darwin", "windows"],
            Retry = new() { Automatic = true, Manual = false },
            SoftFail = true,
            Skip = "Flaky until #1234 is fixed",
            Branches = "main release/*",
            IfChanged = ["src/**", "go.mod"],
            ArtifactPaths = ["coverage.out"],
        };

        var dist = new CommandStep
        {
            Label = "Package {{matrix.os}} {{matrix.arch}}",
            Key = "dist",
            Command = "make dist OS={{matrix.os}} ARCH={{matrix.arch}}",
            Cache = new() { Paths = ["/root/.cache/bazel"], Size = "20g", Name = "bazel" },
            Matrix = new()
            {
                ["os"] = ["linux", "darwin"],
                ["arch"] = ["amd64", "arm64"],
                ["race"] = [true, false],
                ["shard"] = [1, 2],
                Adjustments =
                [
                    new() { ["os"] = "darwin", ["arch"] = "amd64", ["race"] = true, ["shard"] = 1, Skip = true },
                    new() { ["os"] = "windows", ["arch"] = "amd64", ["race"] = false, ["shard"] = 1, SoftFail = [1] },
                    new() { ["os"] = "freebsd", ["arch"] = "amd64", ["race"] = false, ["shard"] = 2, Skip = "Not supported yet", SoftFail = true },
                ],
            },
            Retry = new() { Automatic = new AutomaticRetryRule { ExitStatus = [-1, 255], Limit = 3 } },
            IfChanged = new() { Include = ["src/**", "dist/**"], Exclude = ["**/*.md"] },
            Branches = ["main", "release/*", "!experimental/*"],
        };

        var single = new CommandStep
        {
            Label = "Single dimension with adjustments",
            Command = "echo {{matrix}}",
            DependsOn = [new Dependency(unit) { AllowFailure = false }],
            Matrix = new() { Values = ["a", 2, true], Adjustments = [new() { With = ["c"] }, new() { With = [2], Skip = true }] },
            Retry = new() { Manual = new() { PermitOnPassed = false } },
            IfChanged = new() { Include = ["docs/**"] },
        };

        var pluginsOnly = new CommandStep
        {
            Label = "Plugins only",
            Plugins = [new UntypedPlugin("./.buildkite/plugins/cleanup")],
        };

        var wait = new WaitStep
        {
            Label = "Checks passed",
            Key = "checks",
            ContinueOnFailure = true,
            DependsOn = ["build"],
            AllowDependencyFailure = true,
            If = "build.source != \"schedule\"",
        };

        var release = new BlockStep
        {
            Block = ":rocket: Release",
            Key = "release",
            Prompt = "Release to production?",
            Fields =
            [
                new TextField { Text = "Release notes", Key = "notes", Hint = "Markdown is fine", Format = "[A-Za-z ]+", Default = "Bug fixes", Required = false },
                new SelectField
                {
                    Select = "Channel",
                    Key = "channel",
                    Hint = "Who gets it",
                    Required = true,
                    Multiple = true,
                    Default = ["beta", "stable"],
                    Options =
                    [
                        new() { Label = "Beta", Value = "beta", Hint = "Early adopters", Required = false },
                        new() { Label = "Stable", Value = "stable" },
                    ],
                },
                new SelectField
                {
                    Select = "Region",
                    Key = "region",
                    Default = ["eu"],
                    Options = [new() { Label = "Europe", Value = "eu" }, new() { Label = "Asia", Value = "asia" }],
                },
            ],
            BlockedState = BlockedState.Running,
            AllowedTeams = ["release-managers", "sre"],
            DependsOn = [wait],
            AllowDependencyFailure = false,
            Branches = "main",
        };

        var details = new InputStep
        {
            Input = "Release details",
            Key = "details",
            Prompt = "Tell us about it",
            Fields = [new TextField { Key = "version", Text = "Version", Required = true }],
            BlockedState = BlockedState.Failed,
            AllowedTeams = ["release-managers"],
            DependsOn = [release],
            AllowDependencyFailure = true,
            If = "build.tag != null",
        };

        var deploy = new TriggerStep
        {
            Trigger = "deploy-production",
            Label = ":rocket: Deploy",
            Key = "deploy",
            Async = true,
            Build = new()
            {
                Branch = "main",
                Commit = "HEAD",
                Message = "Deploy :rocket:",
                Env = new Dictionary<string, string> { ["TARGET"] = "production" },
                MetaData = new Dictionary<string, string> { ["release-channel"] = "stable" },
            },
            DependsOn = [details],
            AllowDependencyFailure = false,
            Branches = ["main"],
            IfChanged = "deploy/**",
            Skip = false,
            SoftFail = [ExitStatus.Any],
        };

        var checks = new GroupStep
        {
            Group = ":white_check_mark: Checks",
            Key = "group-checks",
            DependsOn = [build],
            AllowDependencyFailure = true,
            If = "build.pull_request.id != null",
            IfChanged = ["src/**"],
            Skip = "Checks are off",
            Notify =
            [
                new EmailNotification { Email = "dev@example.com", If = "build.branch != \"main\"" },
                new SlackNotification { Channels = ["#checks"] },
                new WebhookNotification { Webhook = "https://example.com/hook" },
                new PagerdutyNotification { PagerdutyChangeEvent = "0123456789abcdef" },
                new GithubCommitStatusNotification { Context = "checks" },
            ],
            Steps =
            [
                new CommandStep { Label = "Lint", Key = "lint", Command = "make lint" },
                new WaitStep(),
                new BlockStep { Block = "Approve checks", Key = "approve-checks" },
                new InputStep { Key = "reviewer", Fields = [new TextField { Key = "reviewer" }] },
                new TriggerStep { Trigger = "docs", Label = "Docs" },
            ],
        };

        return new Pipeline
        {
            Env = new Dictionary<string, string> { ["GOPROXY"] = "http://localhost:3200|https://proxy.golang.org|direct", ["BAZEL_OPTS"] = "--config=ci" },
            Agents = new() { ["queue"] = "default" },
            Image = "ubuntu:24.04",
            Priority = 1,
            Secrets = ["DOCKER_HUB_PASSWORD"],
            Notify =
            [
                new EmailNotification { Email = "dev@example.com" },
                new WebhookNotification { Webhook = "https://example.com/hook", If = "build.state == \"failed\"" },
                new PagerdutyNotification { PagerdutyChangeEvent = "0123456789abcdef", If = "build.branch == \"main\"" },
                new SlackNotification { Channels = ["#builds"], If = "build.state == \"passed\"" },
                new SlackNotification { Channels = ["#ci"], Message = "Pipeline done" },
                new BasecampCampfireNotification { BasecampCampfire = "https://3.basecamp.com/1/integrations/x/buckets/2/chats/3/lines" },
                new GithubCommitStatusNotification { Context = "scion", If = "build.pull_request.id != null" },
                new GithubCheckNotification { Settings = new Dictionary<string, JsonNode?> { ["context"] = "scion-check" } },
                new GithubCommitStatusNotification(),
                new GithubCheckNotification(),
            ],
            Steps = [build, unit, dist, single, pluginsOnly, Step.Wait, wait, release, details, deploy, checks],
            Extra = new Dictionary<string, JsonNode?> { ["x-generated-by"] = "Buildkite.Dsl tests" },
        };
    }
}
