using System.Globalization;

namespace Buildkite.Dsl;

/// <summary>
/// A whole-number value in Buildkite's conditional language, such as <see cref="Build.Number"/>, or an integer
/// literal. Comparing it gives a <see cref="Condition"/>.
/// </summary>
/// <example><code>If = Build.Number != 1;</code></example>
public sealed class IntegerExpression
{
    private IntegerExpression(string text) => Text = text;

    /// <summary>The expression text, for example <c>build.number</c> or <c>42</c>.</summary>
    internal string Text { get; }

    /// <summary>Uses a number as an integer literal.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator IntegerExpression(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when both values are equal (written <c>left == right</c>).</summary>
    /// <param name="left">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator ==(IntegerExpression? left, IntegerExpression? right) => Compare(left, "==", right);

    /// <summary>True when the values differ (written <c>left != right</c>).</summary>
    /// <param name="left">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator !=(IntegerExpression? left, IntegerExpression? right) => Compare(left, "!=", right);

    /// <summary>Returns the expression text.</summary>
    public override string ToString() => Text;

    /// <summary>Whether <paramref name="obj"/> is a value with the same expression text.</summary>
    /// <param name="obj">The other object.</param>
    public override bool Equals(object? obj) => obj is IntegerExpression other && other.Text == Text;

    /// <summary>Returns a hash of the expression text.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Creates a variable of the conditional language.</summary>
    internal static IntegerExpression Variable(string text) => new(text);

    private static Condition Compare(IntegerExpression? left, string op, IntegerExpression? right) =>
        new((left?.Text ?? "null") + " " + op + " " + (right?.Text ?? "null"), ConditionPrecedence.Comparison);
}
