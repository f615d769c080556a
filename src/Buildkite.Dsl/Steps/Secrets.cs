using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// Buildkite secrets the job receives as environment variables (<c>secrets</c>): a list of secret names
/// (each exposed under its own name), or a map from environment variable to secret name.
/// </summary>
/// <example>
/// <code>
/// Secrets = ["API_TOKEN", "SSH_KEY"];
/// Secrets = new() { ["GITHUB_TOKEN"] = "github_bot_token" };
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/security/secrets/buildkite-secrets"/>
[CollectionBuilder(typeof(Secrets), nameof(Create))]
public sealed class Secrets : IEnumerable<string>, IEquatable<Secrets>
{
    private readonly List<KeyValuePair<string, string>> _variables = [];
    private string[]? _names;

    /// <summary>Creates an empty map; add entries with the indexer in an object initializer.</summary>
    public Secrets()
    {
    }

    /// <summary>The secret exposed as the environment variable <paramref name="variable"/> (map form).</summary>
    /// <param name="variable">The environment variable's name.</param>
    /// <exception cref="KeyNotFoundException">Getting a variable that is not set.</exception>
    /// <exception cref="InvalidOperationException">Setting a variable on the list form.</exception>
    public string this[string variable]
    {
        get => _variables.Find(pair => pair.Key == variable) is { Key: not null } found
            ? found.Value
            : throw new KeyNotFoundException($"The secrets map has no variable '{variable}'.");
        init
        {
            ArgumentNullException.ThrowIfNull(variable);
            ArgumentNullException.ThrowIfNull(value);
            if (_names is not null)
            {
                throw new InvalidOperationException("Secrets given as a list of names cannot also take a map entry.");
            }

            _variables.RemoveAll(pair => pair.Key == variable);
            _variables.Add(new(variable, value));
        }
    }

    /// <summary>Whether this is the list form.</summary>
    public bool IsList => _names is not null;

    /// <summary>The secret names of the list form; empty for the map form.</summary>
    public IReadOnlyList<string> Names => _names ?? [];

    /// <summary>The map form's entries (environment variable, secret name), in order; empty for the list form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables => _variables;

    /// <summary>The number of secrets.</summary>
    public int Count => _names?.Length ?? _variables.Count;

    /// <summary>Creates the list form.</summary>
    /// <param name="names">The secret names.</param>
    public static Secrets Create(ReadOnlySpan<string> names) => new() { _names = names.ToArray() };

    /// <summary>Creates the map form from a dictionary, keeping its order.</summary>
    /// <param name="variables">Environment variable → secret name.</param>
    public static implicit operator Secrets(Dictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var secrets = new Secrets();
        secrets._variables.AddRange(variables);
        return secrets;
    }

    /// <summary>Enumerates the secret names (list form) or the environment variable names (map form).</summary>
    /// <returns>The names.</returns>
    public IEnumerator<string> GetEnumerator() => (_names ?? _variables.Select(pair => pair.Key)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Secrets? other) =>
        other is not null && IsList == other.IsList && Names.SequenceEqual(other.Names) && _variables.SequenceEqual(other._variables);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Secrets);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsList, Count);
}
