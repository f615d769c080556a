namespace Buildkite.Dsl;

/// <summary>
/// Sends a PagerDuty change event when the build finishes (<c>pagerduty_change_event</c>); build level only.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#pagerduty-change-events"/>
public sealed record PagerdutyNotification : BuildNotification
{
    /// <summary>The PagerDuty integration key (<c>pagerduty_change_event</c>).</summary>
    public required string PagerdutyChangeEvent { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
