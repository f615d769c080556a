using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Runs a command step once per combination of values (<c>matrix</c>): a single anonymous dimension
/// (<c>{{matrix}}</c>) or named dimensions (<c>{{matrix.os}}</c>), with optional adjustments.
/// </summary>
/// <remarks>
/// At most 6 dimensions, 25 values per dimension, 12 adjustments and 50 jobs per step (checks BKD220–BKD224).
/// Matrix values reach <c>label</c>, <c>command</c>, <c>env</c>, <c>plugins</c> and <c>agents</c> only.
/// Enumerating yields the single dimension's values.
/// </remarks>
/// <example>
/// <code>
/// Matrix = ["linux", "darwin"];
/// Matrix = new() { ["os"] = ["linux", "darwin"], ["arch"] = ["amd64", "arm64"] };
/// Matrix = new()
/// {
///     ["os"] = ["linux", "darwin"],
///     Adjustments = [new() { ["os"] = "windows", SoftFail = true }],
/// };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/workflows/build-matrix"/>
[CollectionBuilder(typeof(Matrix), nameof(Create))]
public sealed record Matrix : IEnumerable<MatrixElement>
{
    private readonly List<KeyValuePair<string, IReadOnlyList<MatrixElement>>> _dimensions = [];

    /// <summary>The values of a single-dimension matrix (<c>setup</c> as a list).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<MatrixElement> Values { get; init; } = [];

    /// <summary>The values of the named dimension <paramref name="dimension"/> (<c>setup</c> as a map).</summary>
    /// <param name="dimension">The dimension's name: letters, digits and <c>_</c>.</param>
    /// <exception cref="KeyNotFoundException">Getting a dimension that is not set.</exception>
    public IReadOnlyList<MatrixElement> this[string dimension]
    {
        get => _dimensions.FindIndex(pair => pair.Key == dimension) is var index and >= 0
            ? _dimensions[index].Value
            : throw new KeyNotFoundException($"The matrix has no dimension '{dimension}'.");
        init
        {
            ArgumentNullException.ThrowIfNull(dimension);
            ArgumentNullException.ThrowIfNull(value);
            _dimensions.RemoveAll(pair => pair.Key == dimension);
            _dimensions.Add(new(dimension, value));
        }
    }

    /// <summary>The named dimensions and their values, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<MatrixElement>>> Dimensions => _dimensions;

    /// <summary>Combinations to add, skip or soft-fail (<c>adjustments</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<MatrixAdjustment> Adjustments { get; init; } = [];

    /// <summary>Creates a matrix of named dimensions, as the reader finds them.</summary>
    internal static Matrix FromDimensions(IEnumerable<KeyValuePair<string, IReadOnlyList<MatrixElement>>> dimensions, IReadOnlyList<MatrixAdjustment> adjustments)
    {
        var matrix = new Matrix { Adjustments = adjustments };
        matrix._dimensions.AddRange(dimensions);
        return matrix;
    }

    /// <summary>Creates a single-dimension matrix.</summary>
    /// <param name="values">The values.</param>
    public static Matrix Create(ReadOnlySpan<MatrixElement> values) => new() { Values = values.ToArray() };

    /// <summary>Enumerates <see cref="Values"/>.</summary>
    /// <returns>The single dimension's values.</returns>
    public IEnumerator<MatrixElement> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Matrix? other) =>
        other is not null
        && Values.SequenceEqual(other.Values)
        && Adjustments.SequenceEqual(other.Adjustments)
        && _dimensions.Count == other._dimensions.Count
        && _dimensions.Zip(other._dimensions).All(pair => pair.First.Key == pair.Second.Key && pair.First.Value.SequenceEqual(pair.Second.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Values.Count, _dimensions.Count, Adjustments.Count);
}
