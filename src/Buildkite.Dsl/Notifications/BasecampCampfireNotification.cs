namespace Buildkite.Dsl;

/// <summary>
/// Posts to a Basecamp Campfire (<c>basecamp_campfire</c>).
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#basecamp-campfire-message"/>
public sealed record BasecampCampfireNotification : StepNotification
{
    /// <summary>The Campfire's chatbot URL (<c>basecamp_campfire</c>).</summary>
    public required string BasecampCampfire { get; init; }

    /// <summary>When to send it (<c>if</c>).</summary>
    /// <value>The default is <see langword="null"/>: always.</value>
    public Condition? If { get; init; }
}
