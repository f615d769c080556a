namespace Buildkite.Dsl;

/// <summary>
/// A step that collects input from people (an input step). Unlike a <see cref="BlockStep"/>, later steps
/// do not wait for it unless they depend on it.
/// </summary>
/// <example>
/// <code>
/// new InputStep
/// {
///     Input = "Release details",
///     Key = "release-details",
///     Fields = [new SelectField { Select = "Channel", Key = "channel", Options = [new() { Label = "Beta", Value = "beta" }] }],
/// }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/input-step"/>
public sealed record InputStep : GroupableStep, IBlockOrInputStep
{
    /// <summary>The name shown in the build (<c>input</c>).</summary>
    /// <value>The default is <see langword="null"/>: written as <c>- input</c>.</value>
    public string? Input { get; init; }

    /// <summary>The question shown (<c>prompt</c>).</summary>
    /// <value>The default is <see langword="null"/>: no question.</value>
    public string? Prompt { get; init; }

    /// <summary>The form fields (<c>fields</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<Field> Fields { get; init; } = [];

    /// <summary>The state the build shows while waiting (<c>blocked_state</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite shows <see cref="Dsl.BlockedState.Passed"/>.</value>
    public BlockedState? BlockedState { get; init; }

    /// <summary>The teams allowed to answer (<c>allowed_teams</c>).</summary>
    /// <value>The default is empty: anyone with access to the build.</value>
    public IReadOnlyList<string> AllowedTeams { get; init; } = [];
}
