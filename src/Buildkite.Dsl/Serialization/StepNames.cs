namespace Buildkite.Dsl.Serialization;

/// <summary>How diagnostics name steps: by key, else by label, else by type.</summary>
internal static class StepNames
{
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

    /// <summary>Model text without the markers of upload-time expansions, for messages.</summary>
    public static string Visible(string text) =>
        InterpolatedText.HasExpansion(text)
            ? text.Replace(InterpolatedText.Open.ToString(), string.Empty, StringComparison.Ordinal)
                .Replace(InterpolatedText.Close.ToString(), string.Empty, StringComparison.Ordinal)
            : text;
}
