namespace Buildkite.Dsl;

/// <summary>
/// The attributes a <see cref="BlockStep"/> and an <see cref="InputStep"/> share: Buildkite's input step is a block
/// step whose later steps do not wait for it, so the two are written, read and checked alike.
/// </summary>
internal interface IBlockOrInputStep
{
    /// <summary>The question shown (<c>prompt</c>).</summary>
    string? Prompt { get; }

    /// <summary>The form fields (<c>fields</c>).</summary>
    IReadOnlyList<Field> Fields { get; }

    /// <summary>The state the build shows while waiting (<c>blocked_state</c>).</summary>
    BlockedState? BlockedState { get; }

    /// <summary>The teams allowed to unblock the step or answer it (<c>allowed_teams</c>).</summary>
    IReadOnlyList<string> AllowedTeams { get; }
}
