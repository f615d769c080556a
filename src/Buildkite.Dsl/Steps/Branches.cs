using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// The branches a step runs on (<c>branches</c>): patterns with <c>*</c> wildcards and <c>!</c> for
/// negation, as one space-separated string or as a list.
/// </summary>
/// <remarks>A step cannot have both <c>branches</c> and <c>if</c> (check BKD203).</remarks>
/// <example>
/// <code>
/// Branches = "main release/*";
/// Branches = ["main", "!experimental/*"];
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/workflows/branch-configuration"/>
[CollectionBuilder(typeof(Branches), nameof(Create))]
public sealed record Branches : IEnumerable<string>
{
    private readonly string[] _patterns;

    private Branches(string? text, string[] patterns)
    {
        Text = text;
        _patterns = patterns;
    }

    /// <summary>The string form as written, or <see langword="null"/> for the list form.</summary>
    public string? Text { get; }

    /// <summary>The patterns: the list form's items, or the string form split at spaces.</summary>
    public IReadOnlyList<string> Patterns => _patterns;

    /// <summary>Uses a space-separated string of patterns.</summary>
    /// <param name="patterns">For example <c>main release/*</c>.</param>
    public static implicit operator Branches(string patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return new(patterns, patterns.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Uses a list of patterns.</summary>
    /// <param name="patterns">One pattern per item.</param>
    public static Branches Create(ReadOnlySpan<string> patterns) => new(null, patterns.ToArray());

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_patterns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Branches? other) =>
        other is not null && Text == other.Text && _patterns.SequenceEqual(other._patterns);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, _patterns.Length);
}
