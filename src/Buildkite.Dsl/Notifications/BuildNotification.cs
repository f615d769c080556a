namespace Buildkite.Dsl;

/// <summary>
/// A notification Buildkite sends when a build or group finishes (an item of the pipeline's or a group's
/// <c>notify</c>). Every <see cref="StepNotification"/> may be used here too.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications"/>
public abstract record BuildNotification
{
    private protected BuildNotification()
    {
    }
}
