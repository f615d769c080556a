using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// A plugin option that takes one value or a list of them (<c>type: [string, array]</c>, or a
/// <c>oneOf</c> of a value and a list of that value), written in the form it was given.
/// </summary>
/// <remarks>
/// Plugins read the two forms through different environment variables (<c>…_FILES</c> against
/// <c>…_FILES_0</c>, <c>…_FILES_1</c>), and not every plugin reads both, so the form chosen is kept:
/// a single value is written as a scalar, a list as a YAML list, even with one item.
/// </remarks>
/// <typeparam name="T">The item type: <see cref="string"/>, a number, an enum or a generated record.</typeparam>
/// <example>
/// <code>
/// Build = "app";                 // build: app
/// Build = ["app", "tests"];      // build: [app, tests]
/// Build = ["app"];               // build: [app]
/// </code>
/// </example>
[CollectionBuilder(typeof(OneOrMany), nameof(OneOrMany.Create))]
public sealed record OneOrMany<T> : IEnumerable<T>
{
    private readonly T[] _items;

    internal OneOrMany(T[] items, bool isList)
    {
        _items = items;
        IsList = isList;
    }

    /// <summary>Whether this is the list form, written as a YAML list.</summary>
    public bool IsList { get; }

    /// <summary>The value (one item) or the values of the list.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>The single form: one value, written as a scalar.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator OneOrMany<T>(T value) => new([value], isList: false);

    /// <summary>The list form, written as a YAML list.</summary>
    /// <param name="values">The values; copied.</param>
    public static implicit operator OneOrMany<T>(T[] values) => new([.. values ?? []], isList: true);

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(OneOrMany<T>? other) =>
        other is not null && IsList == other.IsList && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsList, _items.Length);

    /// <summary>Returns the value, or the list as <c>[a, b]</c>.</summary>
    public override string ToString() =>
        IsList ? "[" + string.Join(", ", _items) + "]" : _items.Length > 0 ? _items[0]?.ToString() ?? string.Empty : string.Empty;
}
