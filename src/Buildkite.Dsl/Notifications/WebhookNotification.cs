namespace Buildkite.Dsl;

/// <summary>
/// Calls a webhook when the build finishes (<c>webhook</c>); build level only.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#webhooks"/>
public sealed record WebhookNotification : BuildNotification
{
    /// <summary>The URL to post to (<c>webhook</c>).</summary>
    public required string Webhook { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
