using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl;

/// <summary>
/// A string value in Buildkite's conditional language: a variable such as <see cref="Build.Branch"/>, the
/// function <see cref="Build.Env(string)"/>, or a literal. Comparing it gives a <see cref="Condition"/>.
/// </summary>
/// <remarks>
/// <para>
/// A C# string converts to a literal, quoted as Buildkite reads it (<c>"main"</c>; <c>'say "hi"'</c>), and
/// <see langword="null"/> to <c>null</c>, which variables such as <see cref="Build.Tag"/> are when unset.
/// Control characters cannot be written in a literal and throw <see cref="ArgumentException"/>.
/// </para>
/// <para>
/// <c>==</c> and <c>!=</c> return a <see cref="Condition"/>, not a <see cref="bool"/>: Buildkite evaluates them at
/// upload. It is a value type, so comparing with <see langword="null"/> never makes the C# compiler think a
/// variable might be null. To compare two expressions' text, use <see cref="Equals(StringExpression)"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// If = Build.Branch == "main";
/// If = Build.Tag != null;
/// If = Build.Branch.Matches(new Regex("^release/"));
/// If = Build.PullRequest.BaseBranch == ThisPipeline.DefaultBranch;
/// </code>
/// </example>
public readonly struct StringExpression : IEquatable<StringExpression>
{
    private readonly string? _text;

    private StringExpression(string text) => _text = text;

    /// <summary>The literal <c>null</c>.</summary>
    internal static StringExpression Null { get; } = new("null");

    /// <summary>The expression text, for example <c>build.branch</c> or <c>"main"</c>; <c>null</c> for the default value.</summary>
    internal string Text => _text ?? "null";

    /// <summary>Uses a C# string as a string literal, and <see langword="null"/> as <c>null</c>.</summary>
    /// <param name="value">The text; literal, so a <c>$</c> needs no escaping.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds a control character.</exception>
    public static implicit operator StringExpression(string? value) =>
        value is null ? Null : new(ConditionText.Quote(value, nameof(value)));

    /// <summary>Uses an upload-time value as a string literal: the agent substitutes it before Buildkite reads the condition.</summary>
    /// <param name="value">The variable, for example <c>Env.Upload("RELEASE_BRANCH")</c>.</param>
    public static implicit operator StringExpression(EnvVar value) => value.ToString();

    /// <summary>True when both values are equal (written <c>left == right</c>).</summary>
    /// <param name="left">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator ==(StringExpression left, StringExpression right) => Compare(left, "==", right);

    /// <summary>True when the values differ (written <c>left != right</c>).</summary>
    /// <param name="left">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    /// <param name="right">A value; <see langword="null"/> is the literal <c>null</c>.</param>
    public static Condition operator !=(StringExpression left, StringExpression right) => Compare(left, "!=", right);

    /// <summary>
    /// True when the value matches <paramref name="regex"/> (written <c>value =~ /regex/</c>).
    /// </summary>
    /// <param name="regex">
    /// The pattern. Its only option Buildkite can express is <see cref="RegexOptions.IgnoreCase"/> (the <c>i</c>
    /// flag); <see cref="RegexOptions.CultureInvariant"/> and <see cref="RegexOptions.Compiled"/> are ignored.
    /// Buildkite does not evaluate the pattern with .NET: keep to syntax common to regex engines.
    /// </param>
    /// <exception cref="ArgumentException">The regex has options Buildkite cannot express, or is empty.</exception>
    public Condition Matches(Regex regex) => new(Text + " =~ " + ConditionText.Regex(regex, nameof(regex)), ConditionPrecedence.Comparison);

    /// <summary>True when the value matches <paramref name="pattern"/> (written <c>value =~ /pattern/</c>).</summary>
    /// <param name="pattern">The regex pattern, for example <c>^release/</c>; a <c>/</c> in it needs no escaping.</param>
    /// <param name="options"><see cref="RegexOptions.IgnoreCase"/> or none.</param>
    /// <exception cref="ArgumentException">The pattern is invalid or empty, or the options cannot be expressed.</exception>
    public Condition Matches([StringSyntax(StringSyntaxAttribute.Regex)] string pattern, RegexOptions options = RegexOptions.None) =>
        Matches(new Regex(pattern, options));

    /// <summary>
    /// True when the value does not match <paramref name="regex"/> (written <c>value !~ /regex/</c>).
    /// </summary>
    /// <param name="regex">The pattern; see <see cref="Matches(Regex)"/> for what Buildkite can express.</param>
    /// <exception cref="ArgumentException">The regex has options Buildkite cannot express, or is empty.</exception>
    public Condition DoesNotMatch(Regex regex) => new(Text + " !~ " + ConditionText.Regex(regex, nameof(regex)), ConditionPrecedence.Comparison);

    /// <summary>True when the value does not match <paramref name="pattern"/> (written <c>value !~ /pattern/</c>).</summary>
    /// <param name="pattern">The regex pattern.</param>
    /// <param name="options"><see cref="RegexOptions.IgnoreCase"/> or none.</param>
    /// <exception cref="ArgumentException">The pattern is invalid or empty, or the options cannot be expressed.</exception>
    public Condition DoesNotMatch([StringSyntax(StringSyntaxAttribute.Regex)] string pattern, RegexOptions options = RegexOptions.None) =>
        DoesNotMatch(new Regex(pattern, options));

    /// <summary>Returns the expression text, for example <c>build.branch</c>.</summary>
    public override string ToString() => Text;

    /// <summary>Whether <paramref name="obj"/> is a value with the same expression text.</summary>
    /// <param name="obj">The other object.</param>
    public override bool Equals(object? obj) => obj is StringExpression other && Equals(other);

    /// <summary>Whether <paramref name="other"/> has the same expression text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(StringExpression other) => other.Text == Text;

    /// <summary>Returns a hash of the expression text.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Creates a variable or function call of the conditional language.</summary>
    internal static StringExpression Variable(string text) => new(text);

    private static Condition Compare(StringExpression left, string op, StringExpression right) =>
        new(left.Text + " " + op + " " + right.Text, ConditionPrecedence.Comparison);
}
