using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Whether a failing job counts as passed (<c>soft_fail</c>): always, or only for some exit statuses.
/// </summary>
/// <example>
/// <code>
/// SoftFail = true;                  // soft_fail: true
/// SoftFail = [1, 42];               // soft_fail: [{exit_status: 1}, {exit_status: 42}]
/// SoftFail = [ExitStatus.Any];      // soft_fail: [{exit_status: "*"}]
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/command-step#soft-fail-attributes"/>
[CollectionBuilder(typeof(SoftFail), nameof(Create))]
public sealed record SoftFail : IEnumerable<ExitStatus>
{
    private readonly ExitStatus[] _exitStatuses;

    private SoftFail(bool? enabled, ExitStatus[] exitStatuses)
    {
        Enabled = enabled;
        _exitStatuses = exitStatuses;
    }

    /// <summary>The boolean form, or <see langword="null"/> for the list form.</summary>
    public bool? Enabled { get; }

    /// <summary>The exit statuses that count as a soft failure (the list form); empty for the boolean form.</summary>
    public IReadOnlyList<ExitStatus> ExitStatuses => _exitStatuses;

    /// <summary>Soft-fails on every failure (<see langword="true"/>) or never (<see langword="false"/>).</summary>
    /// <param name="enabled">Whether every failure is soft.</param>
    public static implicit operator SoftFail(bool enabled) => new(enabled, []);

    /// <summary>Soft-fails on the listed exit statuses only.</summary>
    /// <param name="exitStatuses">One entry per <c>exit_status</c>.</param>
    public static SoftFail Create(ReadOnlySpan<ExitStatus> exitStatuses) => new(null, exitStatuses.ToArray());

    /// <inheritdoc/>
    public IEnumerator<ExitStatus> GetEnumerator() => ((IEnumerable<ExitStatus>)_exitStatuses).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(SoftFail? other) =>
        other is not null && Enabled == other.Enabled && _exitStatuses.SequenceEqual(other._exitStatuses);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Enabled, _exitStatuses.Length);
}
