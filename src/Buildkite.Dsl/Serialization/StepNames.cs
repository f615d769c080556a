namespace Buildkite.Dsl.Serialization;

/// <summary>How diagnostics name steps: by key, else by label, else by type.</summary>
internal static class StepNames
{
    private static readonly string[] KeyAttributes = ["key", "id", "identifier"];

    private static readonly string[] LabelAttributes = ["label", "name", "group", "block", "input", "trigger"];

    /// <summary>The step's label as shown in Buildkite, whatever its step type calls it.</summary>
    public static string? Label(Step step) => step switch
    {
        CommandStep command => command.Label,
        WaitStep wait => wait.Label,
        BlockStep block => block.Block,
        InputStep input => input.Input,
        TriggerStep trigger => trigger.Label ?? trigger.Trigger,
        GroupStep group => group.Group,
        _ => null,
    };

    /// <summary>The step type as YAML names it: <c>command</c>, <c>wait</c>, …</summary>
    public static string Type(Step step) => step switch
    {
        CommandStep => "command",
        WaitStep => "wait",
        BlockStep => "block",
        InputStep => "input",
        TriggerStep => "trigger",
        GroupStep => "group",
        _ => "step",
    };

    /// <summary>For example <c>key 'unit'</c>, <c>label 'Unit tests'</c> or <c>wait step</c>.</summary>
    public static string Describe(Step step) =>
        step.Key is { } key ? $"key '{Visible(key)}'"
        : Label(step) is { } label ? $"{(step is GroupStep ? "group" : "label")} '{Visible(label)}'"
        : Type(step) + " step";

    /// <summary>
    /// The step as written in a pipeline file, before it is read: <c>key 'unit'</c> from the first of <c>key</c>,
    /// <c>id</c>, <c>identifier</c> that is set, else <c>label 'Unit tests'</c> from the first text of <c>label</c>,
    /// <c>name</c>, <c>group</c>, <c>block</c>, <c>input</c>, <c>trigger</c> (<c>group '…'</c> when that is <c>group</c>);
    /// <see langword="null"/> when it has none of them.
    /// </summary>
    public static string? Describe(MappingNode step)
    {
        foreach (var name in KeyAttributes)
        {
            if (step[name] is ScalarNode { Kind: not ScalarKind.Null } key)
            {
                return $"key '{key.Text}'";
            }
        }

        foreach (var name in LabelAttributes)
        {
            if (step[name] is ScalarNode { Kind: ScalarKind.String } label)
            {
                return $"{(name == "group" ? "group" : "label")} '{label.Text}'";
            }
        }

        return null;
    }

    /// <summary>Model text without the markers of upload-time expansions, for messages.</summary>
    public static string Visible(string text) =>
        InterpolatedText.HasExpansion(text)
            ? text.Replace(InterpolatedText.Open.ToString(), string.Empty, StringComparison.Ordinal)
                .Replace(InterpolatedText.Close.ToString(), string.Empty, StringComparison.Ordinal)
            : text;
}
