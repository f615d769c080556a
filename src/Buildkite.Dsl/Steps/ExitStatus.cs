using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// The exit status a retry rule or a soft-fail entry matches (<c>exit_status</c>): a number, every
/// non-zero status (<c>"*"</c>), or, for automatic retry rules, a list of numbers.
/// </summary>
/// <remarks>
/// Statuses are -1 (the agent was lost) to 255. Check BKD205 reports values out of range; BKD206 a
/// list inside a <c>soft_fail</c> entry, which the schema does not allow.
/// </remarks>
/// <example>
/// <code>
/// ExitStatus = 255;
/// ExitStatus = ExitStatus.Any;     // "*"
/// ExitStatus = [-1, 255];         // automatic retry rules only
/// </code>
/// </example>
[CollectionBuilder(typeof(ExitStatus), nameof(Create))]
public sealed record ExitStatus : IEnumerable<int>
{
    private readonly int[] _values;

    private ExitStatus(int[] values, bool isAny, bool isList)
    {
        _values = values;
        IsAny = isAny;
        IsList = isList;
    }

    /// <summary>Every non-zero exit status (<c>"*"</c>).</summary>
    public static ExitStatus Any { get; } = new([], isAny: true, isList: false);

    /// <summary>Whether this is <c>"*"</c>, every non-zero exit status.</summary>
    public bool IsAny { get; }

    /// <summary>Whether this is the list form, written as a YAML list.</summary>
    public bool IsList { get; }

    /// <summary>The statuses matched; empty for <see cref="Any"/>.</summary>
    public IReadOnlyList<int> Values => _values;

    /// <summary>
    /// The statuses as a span, for the library's own loops: reading them through <see cref="Values"/> would make the JIT
    /// compile the array's generic list code on every run of a pipeline script.
    /// </summary>
    internal ReadOnlySpan<int> Statuses => _values;

    /// <summary>Matches one exit status.</summary>
    /// <param name="status">The exit status.</param>
    public static implicit operator ExitStatus(int status) => new([status], isAny: false, isList: false);

    /// <summary>Matches any of several exit statuses (a list, allowed in automatic retry rules).</summary>
    /// <param name="statuses">The exit statuses.</param>
    public static ExitStatus Create(ReadOnlySpan<int> statuses) => new(statuses.ToArray(), isAny: false, isList: true);

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ExitStatus? other) =>
        other is not null && IsAny == other.IsAny && IsList == other.IsList && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsAny, IsList, _values.Length > 0 ? _values[0] : 0);

    /// <summary>Returns the status as written: <c>*</c>, a number, or a bracketed list.</summary>
    public override string ToString() =>
        IsAny ? "*" : IsList ? "[" + string.Join(", ", _values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]" : _values[0].ToString(CultureInfo.InvariantCulture);
}
