using System.Collections;
using System.Runtime.CompilerServices;

namespace Buildkite.Dsl;

/// <summary>
/// When Buildkite retries a failed job by itself (<c>retry.automatic</c>): on every failure, never, or by
/// a list of rules.
/// </summary>
/// <example>
/// <code>
/// Automatic = true;                                                   // automatic: true (any failure, 2 times)
/// Automatic = [new() { ExitStatus = -1 }, new() { ExitStatus = 255 }];
/// Automatic = new AutomaticRetryRule { ExitStatus = 3, Limit = 2 };   // one rule
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/retry#automatic-retry-attributes"/>
[CollectionBuilder(typeof(AutomaticRetry), nameof(Create))]
public sealed record AutomaticRetry : IEnumerable<AutomaticRetryRule>
{
    private readonly AutomaticRetryRule[] _rules;

    private AutomaticRetry(bool? enabled, AutomaticRetryRule[] rules)
    {
        Enabled = enabled;
        _rules = rules;
    }

    /// <summary>The boolean form, or <see langword="null"/> for rules.</summary>
    public bool? Enabled { get; }

    /// <summary>The rules, in order; empty for the boolean form.</summary>
    public IReadOnlyList<AutomaticRetryRule> Rules => _rules;

    /// <summary>Retries every failure twice (<see langword="true"/>) or never (<see langword="false"/>).</summary>
    /// <param name="enabled">Whether to retry automatically.</param>
    public static implicit operator AutomaticRetry(bool enabled) => new(enabled, []);

    /// <summary>Retries by one rule.</summary>
    /// <param name="rule">The rule.</param>
    public static implicit operator AutomaticRetry(AutomaticRetryRule rule) => new(null, [rule]);

    /// <summary>Retries by the given rules.</summary>
    /// <param name="rules">The rules, in order.</param>
    public static AutomaticRetry Create(ReadOnlySpan<AutomaticRetryRule> rules) => new(null, rules.ToArray());

    /// <inheritdoc/>
    public IEnumerator<AutomaticRetryRule> GetEnumerator() => ((IEnumerable<AutomaticRetryRule>)_rules).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(AutomaticRetry? other) =>
        other is not null && Enabled == other.Enabled && _rules.SequenceEqual(other._rules);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Enabled, _rules.Length);
}
