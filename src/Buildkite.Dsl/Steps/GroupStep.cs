namespace Buildkite.Dsl;

/// <summary>
/// A named group of steps shown together in the build (a group step). Groups do not nest:
/// <see cref="Steps"/> holds only <see cref="GroupableStep"/>s.
/// </summary>
/// <example>
/// <code>
/// new GroupStep { Group = "Checks", Steps = [lint, new CommandStep { Label = "Vet", Command = "go vet ./..." }] }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/group-step"/>
public sealed record GroupStep : Step
{
    /// <summary>The group's name shown in the build (<c>group</c>).</summary>
    public required string Group { get; init; }

    /// <summary>The steps of the group, at least one (<c>steps</c>).</summary>
    /// <remarks>Check BKD120 reports an empty group.</remarks>
    public required IReadOnlyList<GroupableStep> Steps { get; init; }

    /// <summary>Whether every step of the group is skipped (<c>skip</c>).</summary>
    /// <value>The default is <see langword="null"/>: the steps run.</value>
    public Skip? Skip { get; init; }

    /// <summary>Runs the group only when matching files changed (<c>if_changed</c>).</summary>
    /// <value>The default is <see langword="null"/>: the group always runs.</value>
    public IfChanged? IfChanged { get; init; }

    /// <summary>Notifications sent when the group finishes (<c>notify</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<BuildNotification> Notify { get; init; } = [];
}
