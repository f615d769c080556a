using System.Globalization;

namespace Buildkite.Dsl;

/// <summary>
/// A whole-number value in Buildkite's conditional language, such as <see cref="Build.Number"/>, or an integer
/// literal. Comparing it gives a <see cref="Condition"/>.
/// </summary>
/// <example><code>If = Build.Number != 1;</code></example>
public readonly struct IntegerExpression : IEquatable<IntegerExpression>
{
    private readonly string? _text;

    private IntegerExpression(string text) => _text = text;

    /// <summary>The expression text, for example <c>build.number</c> or <c>42</c>; <c>null</c> for the default value.</summary>
    internal string Text => _text ?? "null";

    /// <summary>Uses a number as an integer literal.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator IntegerExpression(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when both values are equal (written <c>left == right</c>).</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value.</param>
    public static Condition operator ==(IntegerExpression left, IntegerExpression right) => Compare(left, "==", right);

    /// <summary>True when the values differ (written <c>left != right</c>).</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value.</param>
    public static Condition operator !=(IntegerExpression left, IntegerExpression right) => Compare(left, "!=", right);

    /// <summary>Returns the expression text.</summary>
    public override string ToString() => Text;

    /// <summary>Whether <paramref name="obj"/> is a value with the same expression text.</summary>
    /// <param name="obj">The other object.</param>
    public override bool Equals(object? obj) => obj is IntegerExpression other && Equals(other);

    /// <summary>Whether <paramref name="other"/> has the same expression text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(IntegerExpression other) => other.Text == Text;

    /// <summary>Returns a hash of the expression text.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Creates a variable of the conditional language.</summary>
    internal static IntegerExpression Variable(string text) => new(text);

    private static Condition Compare(IntegerExpression left, string op, IntegerExpression right) =>
        new(left.Text + " " + op + " " + right.Text, ConditionPrecedence.Comparison);
}
