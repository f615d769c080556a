namespace Buildkite.Dsl;

/// <summary>
/// A change to one combination of a build matrix (<c>adjustments</c>): add it, skip it, or let it fail
/// softly.
/// </summary>
/// <example>
/// <code>
/// new MatrixAdjustment { ["os"] = "windows", ["arch"] = "arm64", Skip = true }    // multi-dimension
/// new MatrixAdjustment { With = ["freebsd"], SoftFail = true }                     // single dimension
/// </code>
/// </example>
public sealed record MatrixAdjustment
{
    private readonly List<KeyValuePair<string, MatrixElement>> _dimensions = [];

    /// <summary>The combination for a single-dimension matrix (<c>with</c> as a list).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<MatrixElement> With { get; init; } = [];

    /// <summary>The value of dimension <paramref name="dimension"/> in the combination (<c>with</c> as a map).</summary>
    /// <param name="dimension">The dimension's name.</param>
    /// <exception cref="KeyNotFoundException">Getting a dimension that is not set.</exception>
    public MatrixElement this[string dimension]
    {
        get => _dimensions.FindIndex(pair => pair.Key == dimension) is var index and >= 0
            ? _dimensions[index].Value
            : throw new KeyNotFoundException($"The adjustment has no dimension '{dimension}'.");
        init
        {
            ArgumentNullException.ThrowIfNull(dimension);
            _dimensions.RemoveAll(pair => pair.Key == dimension);
            _dimensions.Add(new(dimension, value));
        }
    }

    /// <summary>Returns a copy with the given multi-dimension combination, as the reader finds it.</summary>
    internal MatrixAdjustment WithDimensions(IEnumerable<KeyValuePair<string, MatrixElement>> dimensions)
    {
        var copy = new MatrixAdjustment { With = With, Skip = Skip, SoftFail = SoftFail };
        copy._dimensions.AddRange(dimensions);
        return copy;
    }

    /// <summary>The combination for a multi-dimension matrix, dimension by dimension, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, MatrixElement>> Dimensions => _dimensions;

    /// <summary>Whether the combination is skipped (<c>skip</c>).</summary>
    /// <value>The default is <see langword="null"/>: the combination runs, and is added when it is not in the setup.</value>
    public Skip? Skip { get; init; }

    /// <summary>Whether the combination's failure is soft (<c>soft_fail</c>).</summary>
    /// <value>The default is <see langword="null"/>: the step's own setting applies.</value>
    public SoftFail? SoftFail { get; init; }

    /// <inheritdoc/>
    public bool Equals(MatrixAdjustment? other) =>
        other is not null && With.SequenceEqual(other.With) && _dimensions.SequenceEqual(other._dimensions)
        && Equals(Skip, other.Skip) && Equals(SoftFail, other.SoftFail);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(With.Count, _dimensions.Count, Skip, SoftFail);
}
