namespace Buildkite.Dsl;

/// <summary>
/// A notification Buildkite sends when a command step finishes (an item of a step's <c>notify</c>):
/// Slack, Basecamp Campfire, GitHub commit status or GitHub check.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications"/>
public abstract record StepNotification : BuildNotification
{
    private protected StepNotification()
    {
    }
}
