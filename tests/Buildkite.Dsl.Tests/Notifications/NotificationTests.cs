using System.Text.Json.Nodes;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Notifications;

/// <summary>Every notification channel is written in the schema's form, with its condition.</summary>
public class NotificationTests
{
    private static string NotifyJson(BuildNotification notification) =>
        IndependentYaml.ToJson(IndependentYaml.Find(IndependentYaml.Parse(Written.Yaml(new Pipeline { Notify = [notification], Steps = [Step.Wait] })), "notify/0"))!.ToJsonString(Written.Readable);

    public static TheoryData<string, string> Channels() => new()
    {
        { "email", """{"email":"dev@example.com","if":"build.state == \"failed\""}""" },
        { "webhook", """{"webhook":"https://example.com/hook","if":"build.state == \"failed\""}""" },
        { "pagerduty", """{"pagerduty_change_event":"abc123","if":"build.state == \"failed\""}""" },
        { "slack channel", """{"slack":"#builds","if":"build.state == \"failed\""}""" },
        { "slack channels and message", """{"slack":{"channels":["#a","@b"],"message":"Done"},"if":"build.state == \"failed\""}""" },
        { "slack message only", """{"slack":{"message":"Done"}}""" },
        { "basecamp", """{"basecamp_campfire":"https://basecamp","if":"build.state == \"failed\""}""" },
        { "github commit status", "\"github_commit_status\"" },
        { "github commit status with context", """{"github_commit_status":{"context":"ci"},"if":"build.state == \"failed\""}""" },
        { "github commit status with condition only", """{"github_commit_status":{},"if":"build.state == \"failed\""}""" },
        { "github check", "\"github_check\"" },
        { "github check with settings", """{"github_check":{"context":"chk","name":"n"}}""" },
    };

    private static BuildNotification Create(string channel)
    {
        const string condition = "build.state == \"failed\"";
        return channel switch
        {
            "email" => new EmailNotification { Email = "dev@example.com", If = condition },
            "webhook" => new WebhookNotification { Webhook = "https://example.com/hook", If = condition },
            "pagerduty" => new PagerdutyNotification { PagerdutyChangeEvent = "abc123", If = condition },
            "slack channel" => new SlackNotification { Channels = ["#builds"], If = condition },
            "slack channels and message" => new SlackNotification { Channels = ["#a", "@b"], Message = "Done", If = condition },
            "slack message only" => new SlackNotification { Message = "Done" },
            "basecamp" => new BasecampCampfireNotification { BasecampCampfire = "https://basecamp", If = condition },
            "github commit status" => new GithubCommitStatusNotification(),
            "github commit status with context" => new GithubCommitStatusNotification { Context = "ci", If = condition },
            "github commit status with condition only" => new GithubCommitStatusNotification { If = condition },
            "github check" => new GithubCheckNotification(),
            "github check with settings" => new GithubCheckNotification { Settings = new Dictionary<string, JsonNode?> { ["context"] = "chk", ["name"] = "n" } },
            _ => throw new ArgumentOutOfRangeException(nameof(channel)),
        };
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Notification_is_written_in_the_schemas_form(string channel, string expected)
    {
        // Given
        var notification = Create(channel);

        // When
        var json = NotifyJson(notification);

        // Then
        json.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Notification_at_build_level_is_valid_against_the_schema(string channel, string expected)
    {
        // Given
        var pipeline = new Pipeline { Notify = [Create(channel)], Steps = [new CommandStep { Command = "make" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        _ = expected;
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Notification_is_read_back_as_written(string channel, string expected)
    {
        // Given
        var yaml = Written.Yaml(new Pipeline { Notify = [Create(channel)], Steps = [Step.Wait] });

        // When
        var again = Written.Yaml(Pipeline.FromYaml(yaml));

        // Then
        _ = expected;
        again.Should().Be(yaml);
    }

    [Fact]
    public void Step_notifications_are_valid_on_a_command_step()
    {
        // Given
        var step = new CommandStep
        {
            Command = "make",
            Notify =
            [
                new SlackNotification { Channels = ["#a"] },
                new BasecampCampfireNotification { BasecampCampfire = "https://basecamp" },
                new GithubCommitStatusNotification { Context = "ci" },
                new GithubCheckNotification(),
            ],
        };

        // When
        var yaml = Written.Yaml(step);

        // Then
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Build_level_only_channels_do_not_compile_on_a_command_step()
    {
        // Given
        const string snippet = "var step = new CommandStep { Command = \"make\", Notify = [new EmailNotification { Email = \"a@example.com\" }] };";

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().NotBeEmpty();
    }

    [Fact]
    public void Build_level_channels_are_allowed_on_a_group()
    {
        // Given
        var group = new GroupStep
        {
            Group = "g",
            Steps = [Step.Wait],
            Notify = [new EmailNotification { Email = "a@example.com" }, new WebhookNotification { Webhook = "https://x" }, new PagerdutyNotification { PagerdutyChangeEvent = "k" }],
        };

        // When
        var yaml = Written.Yaml(group);

        // Then
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Email_on_a_command_step_read_from_yaml_is_reported()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  notify:\n  - email: a@example.com\n";

        // When
        var act = () => Pipeline.FromYaml(yaml, "p.yml");

        // Then
        act.Should().Throw<Buildkite.Dsl.Validation.PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == Buildkite.Dsl.Validation.DiagnosticCodes.Notification);
    }
}
