using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Paths that hosted agents keep between builds (<c>cache</c>): one path, several, or paths with a
/// volume size and name.
/// </summary>
/// <example>
/// <code>
/// Cache = "node_modules";
/// Cache = ["node_modules", ".yarn/cache"];
/// Cache = new() { Paths = ["node_modules"], Size = "20g", Name = "node" };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/hosted-agents/cache-volumes"/>
[CollectionBuilder(typeof(Cache), nameof(Create))]
public sealed record Cache : IEnumerable<string>
{
    /// <summary>The cached paths (<c>paths</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The cache volume's size, a number of gibibytes followed by <c>g</c> (<c>size</c>).</summary>
    /// <value>The default is <see langword="null"/>: Buildkite's default size.</value>
    public string? Size { get; init; }

    /// <summary>The cache volume's name (<c>name</c>).</summary>
    /// <value>The default is <see langword="null"/>: a name Buildkite derives.</value>
    public string? Name { get; init; }

    /// <summary>Caches one path.</summary>
    /// <param name="path">The path.</param>
    public static implicit operator Cache(string path) => new() { Paths = [path] };

    /// <summary>Caches several paths.</summary>
    /// <param name="paths">The paths.</param>
    public static Cache Create(ReadOnlySpan<string> paths) => new() { Paths = paths.ToArray() };

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => Paths.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Cache? other) =>
        other is not null && Size == other.Size && Name == other.Name && Paths.SequenceEqual(other.Paths);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Size, Name, Paths.Count);
}
