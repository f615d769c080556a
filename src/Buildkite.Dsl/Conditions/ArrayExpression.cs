namespace Buildkite.Dsl;

/// <summary>
/// A list value in Buildkite's conditional language, such as <see cref="Build.PullRequest"/>'s
/// <see cref="PullRequestVariables.Labels"/> or a user's <see cref="BuildUserVariables.Teams"/>.
/// </summary>
/// <example><code>If = Build.Creator.Teams.Includes("deploy");   // build.creator.teams includes "deploy"</code></example>
public sealed class ArrayExpression
{
    private ArrayExpression(string text) => Text = text;

    /// <summary>The expression text, for example <c>build.creator.teams</c>.</summary>
    internal string Text { get; }

    /// <summary>True when the list holds <paramref name="value"/> (written <c>list includes value</c>).</summary>
    /// <param name="value">The value to look for; a C# string is a literal.</param>
    public Condition Includes(StringExpression value) =>
        new(Text + " includes " + value.Text, ConditionPrecedence.Comparison);

    /// <summary>Returns the expression text.</summary>
    public override string ToString() => Text;

    /// <summary>Creates a variable of the conditional language.</summary>
    internal static ArrayExpression Variable(string text) => new(text);
}
