namespace Buildkite.Dsl;

/// <summary>
/// How tightly an expression of Buildkite's conditional language binds, loosest first, so that combining
/// expressions adds parentheses only where they are needed.
/// </summary>
internal enum ConditionPrecedence
{
    /// <summary>Text given as a string: unknown, so it is parenthesised whenever it is combined.</summary>
    Unknown,

    /// <summary><c>a || b</c></summary>
    Or,

    /// <summary><c>a &amp;&amp; b</c>, which binds tighter than <c>||</c>.</summary>
    And,

    /// <summary><c>a == b</c>, <c>a =~ /re/</c>, <c>a includes b</c>.</summary>
    Comparison,

    /// <summary><c>!a</c></summary>
    Not,

    /// <summary>A variable, literal or parenthesised expression.</summary>
    Primary,
}
