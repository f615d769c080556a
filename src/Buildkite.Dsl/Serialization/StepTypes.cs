namespace Buildkite.Dsl.Serialization;

/// <summary>How the agent tells a step's type from the way it is written, with the type as YAML names it.</summary>
internal static class StepTypes
{
    /// <summary>
    /// The step type named by a step's <c>type</c> attribute: <c>command</c> or <c>script</c> give <c>command</c>,
    /// <c>wait</c> or <c>waiter</c> give <c>wait</c>, <c>block</c> or <c>manual</c> give <c>block</c>, <c>input</c>,
    /// <c>trigger</c> and <c>group</c> give themselves.
    /// </summary>
    /// <returns><see langword="null"/> for a type the agent does not know.</returns>
    public static string? OfTypeAttribute(string type) => type switch
    {
        "command" or "script" => "command",
        "wait" or "waiter" => "wait",
        "block" or "manual" => "block",
        "input" => "input",
        "trigger" => "trigger",
        "group" => "group",
        _ => null,
    };

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

    /// <summary>
    /// The step type the agent infers from the keys a step has when it has no <c>type</c> and is not a nested form,
    /// first match wins: <c>command</c>, <c>commands</c> or <c>plugins</c> make a command step, then <c>wait</c> or
    /// <c>waiter</c>, <c>block</c> or <c>manual</c>, <c>input</c>, <c>trigger</c>, <c>group</c>.
    /// </summary>
    /// <returns><see langword="null"/> when the step has none of those keys.</returns>
    public static string? OfKeys(MappingNode step) =>
        step.ContainsKey("command") || step.ContainsKey("commands") || step.ContainsKey("plugins") ? "command"
        : step.ContainsKey("wait") || step.ContainsKey("waiter") ? "wait"
        : step.ContainsKey("block") || step.ContainsKey("manual") ? "block"
        : step.ContainsKey("input") ? "input"
        : step.ContainsKey("trigger") ? "trigger"
        : step.ContainsKey("group") ? "group"
        : null;
}
