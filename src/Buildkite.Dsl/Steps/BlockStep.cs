namespace Buildkite.Dsl;

/// <summary>
/// A step that pauses the build until someone unblocks it in Buildkite, optionally asking for input
/// (a block step). Later steps wait for it.
/// </summary>
/// <example>
/// <code>
/// new BlockStep
/// {
///     Block = ":rocket: Release",
///     Prompt = "Deploy to production?",
///     Fields = [new TextField { Text = "Release notes", Key = "notes", Required = false }],
/// }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/block-step"/>
public sealed record BlockStep : GroupableStep, IBlockOrInputStep
{
    /// <summary>The name shown in the build (<c>block</c>).</summary>
    /// <value>The default is <see langword="null"/>: written as <c>- block</c>.</value>
    public string? Block { get; init; }

    /// <summary>The question shown when unblocking (<c>prompt</c>).</summary>
    /// <value>The default is <see langword="null"/>: no question.</value>
    public string? Prompt { get; init; }

    /// <summary>The form fields filled in when unblocking (<c>fields</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<Field> Fields { get; init; } = [];

    /// <summary>The state the build shows while blocked (<c>blocked_state</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite shows <see cref="Dsl.BlockedState.Passed"/>.</value>
    public BlockedState? BlockedState { get; init; }

    /// <summary>The teams allowed to unblock the step (<c>allowed_teams</c>).</summary>
    /// <value>The default is empty: anyone with access to the build.</value>
    public IReadOnlyList<string> AllowedTeams { get; init; } = [];
}
