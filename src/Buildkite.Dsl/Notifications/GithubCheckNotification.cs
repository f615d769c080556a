using System.Text.Json.Nodes;

namespace Buildkite.Dsl;

/// <summary>
/// Reports the step as a GitHub check run (<c>github_check</c>).
/// </summary>
/// <remarks>Written as the plain string <c>github_check</c> when <see cref="Settings"/> is empty.</remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/notifications#github-check"/>
public sealed record GithubCheckNotification : StepNotification
{
    /// <summary>The check's settings, for example <c>["context"] = "lint"</c>, as Buildkite documents them.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyDictionary<string, JsonNode?> Settings { get; init; } = StepDefaults.EmptyExtra;
}
