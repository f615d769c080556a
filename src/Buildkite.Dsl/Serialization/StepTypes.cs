namespace Buildkite.Dsl.Serialization;

/// <summary>How the agent tells a step's type from the way it is written, with the type as YAML names it.</summary>
internal static class StepTypes
{
    /// <summary>
    /// The step type of the nested form, where a step's only key names its type and that key's map holds the
    /// attributes (<c>- wait: {continue_on_failure: true}</c>, <c>- command: {command: make}</c>):
    /// <c>command</c>, <c>commands</c> or <c>script</c> give <c>command</c>, <c>wait</c> or <c>waiter</c> give
    /// <c>wait</c>, <c>block</c> or <c>manual</c> give <c>block</c>, <c>input</c> and <c>trigger</c> give themselves.
    /// </summary>
    /// <returns><see langword="null"/> for any other key: a group has no nested form.</returns>
    public static string? OfNestedForm(string key) => key switch
    {
        "command" or "commands" or "script" => "command",
        "wait" or "waiter" => "wait",
        "block" or "manual" => "block",
        "input" => "input",
        "trigger" => "trigger",
        _ => null,
    };
}
