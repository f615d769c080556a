using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Which agents may run a job (<c>agents</c>): tags an agent must have, as a map (the usual form) or as
/// a list of <c>key=value</c> rules.
/// </summary>
/// <remarks>
/// Enumerating yields the rules as <c>key=value</c> text in either form.
/// </remarks>
/// <example>
/// <code>
/// Agents = new() { ["queue"] = "deploy", ["os"] = "linux" };   // agents: {queue: deploy, os: linux}
/// Agents = ["queue=deploy"];                                   // agents: ["queue=deploy"]
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/agent/v3/cli-start#agent-targeting"/>
[CollectionBuilder(typeof(Agents), nameof(Create))]
public sealed class Agents : IEnumerable<string>, IEquatable<Agents>
{
    private readonly List<KeyValuePair<string, string>> _tags = [];
    private string[]? _rules;

    /// <summary>Creates an empty map of tags; add tags with the indexer in an object initializer.</summary>
    public Agents()
    {
    }

    /// <summary>The value a tag must have, in the map form.</summary>
    /// <param name="tag">The tag's name, for example <c>queue</c>.</param>
    /// <exception cref="KeyNotFoundException">Getting a tag that is not set.</exception>
    /// <exception cref="InvalidOperationException">Setting a tag on the list form.</exception>
    public string this[string tag]
    {
        get
        {
            foreach (var pair in _tags)
            {
                if (pair.Key == tag)
                {
                    return pair.Value;
                }
            }

            throw new KeyNotFoundException($"The agents map has no tag '{tag}'.");
        }

        init
        {
            ArgumentNullException.ThrowIfNull(tag);
            ArgumentNullException.ThrowIfNull(value);
            if (_rules is not null)
            {
                throw new InvalidOperationException("Agents given as a list of rules cannot also take tags.");
            }

            var index = _tags.FindIndex(pair => pair.Key == tag);
            if (index >= 0)
            {
                _tags[index] = new(tag, value);
            }
            else
            {
                _tags.Add(new(tag, value));
            }
        }
    }

    /// <summary>Whether this is the list form (<c>["key=value", …]</c>).</summary>
    public bool IsList => _rules is not null;

    /// <summary>The tags of the map form, in order; empty for the list form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags => _tags;

    /// <summary>The rules of the list form; empty for the map form.</summary>
    public IReadOnlyList<string> Rules => _rules ?? [];

    /// <summary>The number of tags or rules.</summary>
    public int Count => _rules?.Length ?? _tags.Count;

    /// <summary>Creates the list form from <c>key=value</c> rules.</summary>
    /// <param name="rules">The rules, for example <c>queue=deploy</c>.</param>
    public static Agents Create(ReadOnlySpan<string> rules) => new() { _rules = rules.ToArray() };

    /// <summary>Creates the map form from a dictionary, keeping its order.</summary>
    /// <param name="tags">The tags.</param>
    public static implicit operator Agents(Dictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var agents = new Agents();
        agents._tags.AddRange(tags);
        return agents;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() =>
        (_rules ?? _tags.Select(pair => pair.Key + "=" + pair.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Agents? other) =>
        other is not null && IsList == other.IsList && Rules.SequenceEqual(other.Rules) && _tags.SequenceEqual(other._tags);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Agents);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsList, Count);
}
