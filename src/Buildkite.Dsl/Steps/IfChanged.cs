using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Runs the step only when the build changes files matching these globs (<c>if_changed</c>). The agent
/// applies it at upload; when nothing matches it skips the step.
/// </summary>
/// <example>
/// <code>
/// IfChanged = "src/**";
/// IfChanged = ["src/**", "go.mod"];
/// IfChanged = new() { Include = ["src/**"], Exclude = ["src/**/*.md"] };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/command-step#agent-applied-attributes"/>
[CollectionBuilder(typeof(IfChanged), nameof(Create))]
public sealed record IfChanged : IEnumerable<string>
{
    /// <summary>Globs of changed files that make the step run (<c>include</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of changed files that do not count (<c>exclude</c>).</summary>
    /// <value>The default is empty: nothing is excluded.</value>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Runs the step when files matching one glob change.</summary>
    /// <param name="glob">The glob.</param>
    public static implicit operator IfChanged(string glob) => new() { Include = [glob] };

    /// <summary>Runs the step when files matching any of the globs change.</summary>
    /// <param name="globs">The globs.</param>
    public static IfChanged Create(ReadOnlySpan<string> globs) => new() { Include = globs.ToArray() };

    /// <summary>Enumerates <see cref="Include"/>.</summary>
    /// <returns>The included globs.</returns>
    public IEnumerator<string> GetEnumerator() => Include.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(IfChanged? other) =>
        other is not null && Include.SequenceEqual(other.Include) && Exclude.SequenceEqual(other.Exclude);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Include.Count, Exclude.Count);
}
