#r "nuget: Buildkite.Dsl, 0.1.0"
// Imported from release.yml by buildkite-dsl import. Review it, then check that it means the same:
//   buildkite-dsl diff release.yml pipeline.csx
//
// Release pipeline: conditions, blocks with fields, triggers, notifications.
using System.Text.RegularExpressions;
using Buildkite.Dsl;

var package = new CommandStep
{
    Label = ":package: Package",
    Key = "package",
    Command = "make package",
    Branches = "main release/*",
    Priority = 5,
    Image = "ubuntu:24.04",
    Secrets = ["SIGNING_KEY", "NPM_TOKEN"],
    Cache = new() { Paths = ["node_modules"], Size = "20g", Name = "node-cache" },
    CancelOnBuildFailing = true,
    Skip = false,
    Notify =
    [
        new GithubCommitStatusNotification { Context = "package" },
        new SlackNotification
        {
            Channels = ["#builds"],
            Message = "Packaged",
            If = ThisStep.Outcome == "passed",
        },
        new GithubCheckNotification(),
    ],
};

var docsOnly = new CommandStep
{
    Label = "Docs only",
    Command = "make docs",
    If = Build.Message.Matches(@"\[docs\]", RegexOptions.IgnoreCase) | Build.Env("DOCS_ONLY") == "true",
    IfChanged = new() { Include = ["docs/**"], Exclude = ["docs/drafts/**"] },
    Skip = "Docs are built elsewhere for now",
};

var tagsOnly = new CommandStep
{
    Label = "Tags only",
    Command = "make publish",
    If = Build.Tag != null & Build.Creator.Teams.Includes("release") & !(Build.Source == "schedule"),
    Secrets = new() { ["NPM_AUTH_TOKEN"] = "npm-publish-token" },
};

var notForDrafts = new CommandStep
{
    Label = "Not for drafts",
    Command = "make check",
    If = Build.PullRequest.Id != null & !Build.PullRequest.Draft,
    IfChanged = "src/**",
};

var releaseGate = new BlockStep
{
    Block = ":rocket: Release",
    Key = "release-gate",
    Prompt = "Fill in the release details",
    AllowedTeams = ["release-managers"],
    Fields =
    [
        new TextField
        {
            Text = "Version",
            Key = "release-version",
            Format = @"[0-9]+\.[0-9]+\.[0-9]+",
            Default = "1.0.0",
        },
        new SelectField
        {
            Select = "Channels",
            Key = "channels",
            Multiple = true,
            Default = ["stable"],
            Options =
            [
                new() { Label = "Stable", Value = "stable" },
                new() { Label = "Beta", Value = "beta", Hint = "Early adopters" },
            ],
        },
        new SelectField
        {
            Select = "Strategy",
            Key = "strategy",
            Required = false,
            Default = ["rolling"],
            Options =
            [
                new() { Label = "Rolling", Value = "rolling" },
                new() { Label = "Blue/green", Value = "blue-green" },
            ],
        },
    ],
    DependsOn = [package],
};

var deploy = new TriggerStep
{
    Trigger = "deploy",
    Label = ":rocket: Deploy",
    DependsOn = [releaseGate],
    Async = false,
    SoftFail = true,
    Build = new()
    {
        Branch = "main",
        Commit = Env.Upload("BUILDKITE_COMMIT"),
        Message = $"Release {Env.Upload("BUILDKITE_TAG")}",
        Env = new Dictionary<string, string> { ["DEPLOY_ENV"] = "production" },
        MetaData = new Dictionary<string, string> { ["release-version"] = Env.Upload("RELEASE_VERSION") },
    },
};

var pipeline = new Pipeline
{
    Env = new Dictionary<string, string> { ["SLACK_CHANNEL"] = "#releases" },
    Agents = new() { ["queue"] = "release" },
    Notify =
    [
        new EmailNotification { Email = "release-team@example.com", If = Build.State == "failed" },
        new SlackNotification { Channels = ["#releases"] },
        new WebhookNotification { Webhook = "https://hooks.example.com/buildkite" },
        new PagerdutyNotification
        {
            PagerdutyChangeEvent = "0123456789abcdef0123456789abcdef",
            If = Build.Branch == "main",
        },
        new BasecampCampfireNotification
        {
            BasecampCampfire = "https://3.basecamp.com/123/integrations/abc/buckets/1/chats/2/lines",
        },
    ],
    Steps = [package, docsOnly, tagsOnly, notForDrafts, releaseGate, deploy],
};

Console.Write(pipeline.ToYaml());
