namespace Buildkite.Dsl;

/// <summary>
/// Posts to Slack (<c>slack</c>) through the organisation's Slack integration.
/// </summary>
/// <remarks>
/// Written as <c>slack: "#channel"</c> when there is one channel and no message, else as
/// <c>slack: {channels: […], message: …}</c>.
/// </remarks>
/// <example>
/// <code>
/// new SlackNotification { Channels = ["#builds"] }
/// new SlackNotification { Channels = ["#deploys", "@alice"], Message = "Deployed", If = "build.state == \"passed\"" }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#slack-channel-and-direct-messages"/>
public sealed record SlackNotification : StepNotification
{
    /// <summary>Channels (<c>#name</c>), people (<c>@name</c>) or <c>workspace#channel</c> targets (<c>channels</c>).</summary>
    /// <value>The default is empty: the integration's default channel.</value>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Text added to the notification (<c>message</c>).</summary>
    /// <value>The default is <see langword="null"/>: Buildkite's standard message.</value>
    public string? Message { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
