namespace Buildkite.Dsl.Plugins;

/// <summary>Creates <see cref="OneOrMany{T}"/> values.</summary>
public static class OneOrMany
{
    /// <summary>Creates the list form, written as a YAML list even with one item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The values.</param>
    /// <returns>The list form.</returns>
    public static OneOrMany<T> Create<T>(ReadOnlySpan<T> values) => new(values.ToArray(), isList: true);

    /// <summary>Creates the list form from any sequence.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The values; copied.</param>
    /// <returns>The list form.</returns>
    public static OneOrMany<T> Many<T>(IEnumerable<T> values) => new([.. values], isList: true);

    /// <summary>Creates the single form, written as a scalar.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The single form.</returns>
    public static OneOrMany<T> One<T>(T value) => new([value], isList: false);
}
