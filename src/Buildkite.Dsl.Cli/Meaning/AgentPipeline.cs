using System.Text.Json.Nodes;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Meaning;

/// <summary>
/// A pipeline as the agent understands it after parsing: every step with its type recognised, its attributes in
/// one canonical form (aliases resolved, one-element lists and strings alike, <c>command</c> and <c>commands</c>
/// joined), independently of Buildkite.Dsl's model.
/// </summary>
internal sealed class AgentPipeline
{
    /// <summary>The pipeline's own attributes: <c>env</c> (in order, as a list of one-entry maps), <c>agents</c>, <c>notify</c>, <c>image</c>, <c>secrets</c>, <c>priority</c>.</summary>
    public JsonObject Settings { get; } = [];

    /// <summary>The top-level steps.</summary>
    public List<AgentStep> Steps { get; } = [];

    /// <summary>Every step, groups before their children, in pipeline order.</summary>
    public IEnumerable<AgentStep> AllSteps() => Steps.SelectMany(step => new[] { step }.Concat(step.Steps));
}

/// <summary>One step of an <see cref="AgentPipeline"/>.</summary>
internal sealed class AgentStep
{
    /// <summary>The step's place: <c>steps[2]</c>, <c>steps[2].steps[0]</c>.</summary>
    public required string Path { get; init; }

    /// <summary><c>command</c>, <c>wait</c>, <c>block</c>, <c>input</c>, <c>trigger</c>, <c>group</c>, or <c>unknown</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The step's key, if it has one.</summary>
    public string? Key { get; init; }

    /// <summary>The step's label (for a group its name, for a block or input step its prompt title), if any.</summary>
    public string? Label { get; init; }

    /// <summary>The attributes in canonical form, <c>label</c> and <c>key</c> included, nested steps excluded; keys sorted.</summary>
    public required JsonObject Attributes { get; init; }

    /// <summary>The group this step stands in, or <see langword="null"/>.</summary>
    public AgentStep? Parent { get; init; }

    /// <summary>The step's index in its list.</summary>
    public int Index { get; init; }

    /// <summary>Where the step starts in its file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>A group's steps.</summary>
    public List<AgentStep> Steps { get; } = [];

    /// <summary>The step as people know it: <c>key 'test'</c>, <c>label 'Lint'</c>, <c>wait</c>.</summary>
    public string Describe() =>
        Key is not null ? $"key '{Visible(Key)}'"
        : Label is not null ? $"{(Type == "group" ? "group" : "label")} '{Visible(Label)}'"
        : Type;

    /// <summary>Model text as people read it: upload-time expansions shown as the agent syntax, without markers.</summary>
    public static string Visible(string text) =>
        text.Replace("\uFDD0", string.Empty, StringComparison.Ordinal).Replace("\uFDD1", string.Empty, StringComparison.Ordinal);
}
