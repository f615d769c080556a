namespace Buildkite.Dsl;

/// <summary>
/// A conditional expression (<c>if</c>) that Buildkite evaluates when the pipeline is uploaded; the step
/// runs only when it is true.
/// </summary>
/// <remarks>
/// <para>
/// Build one from Buildkite's variables, <see cref="Build"/>, <see cref="ThisPipeline"/>,
/// <see cref="Organization"/> and, in notifications, <see cref="ThisStep"/>, with C#'s operators:
/// <c>==</c> <c>!=</c> compare, <see cref="StringExpression.Matches(System.Text.RegularExpressions.Regex)"/> and
/// <see cref="StringExpression.DoesNotMatch(System.Text.RegularExpressions.Regex)"/> test a regex,
/// <see cref="ArrayExpression.Includes(StringExpression)"/> tests a list, and <c>&amp;</c>, <c>|</c> and <c>!</c>
/// combine conditions (written <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>). C# gives <c>&amp;</c> precedence over
/// <c>|</c>, as Buildkite gives <c>&amp;&amp;</c> over <c>||</c>, so the text has parentheses exactly where the C#
/// needs them. There is deliberately no <c>&amp;&amp;</c> or <c>||</c> in C#: a condition is evaluated by Buildkite,
/// not by the program, so it cannot be used where C# expects a <see cref="bool"/>.
/// </para>
/// <para>
/// Any string converts to a condition and is written as given, for example
/// <c>If = "build.branch == \"main\""</c>; combined with others it is parenthesised. A <c>$</c> in the text is
/// literal, as everywhere in a pipeline: the writer escapes it from upload-time interpolation, so a regex
/// anchor <c>/v1$/</c> needs no escaping. A condition that starts with <c>!</c> is quoted in YAML, where a bare
/// <c>!</c> would start a tag.
/// </para>
/// <para>
/// A step cannot have both <c>if</c> and <c>branches</c> (check BKD203). <c>build.state</c> and
/// <c>pipeline.started_*</c> work only in build-level notifications and <c>step.*</c> only in notifications
/// (check BKD250); malformed text and unknown variables are reported too (check BKD251).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// If = Build.Tag != null;                                              // build.tag != null
/// If = Build.Branch == "main" | Build.Branch == "production";         // build.branch == "main" || build.branch == "production"
/// If = Build.Message.DoesNotMatch(new Regex(@"\[skip tests\]", RegexOptions.IgnoreCase));
/// If = !Build.PullRequest.Draft;                                       // !build.pull_request.draft
/// If = Build.Creator.Teams.Includes("deploy");                         // build.creator.teams includes "deploy"
/// If = Build.Env("DEPLOY") == "true" &amp; Build.Branch == ThisPipeline.DefaultBranch;
/// If = "build.source == \"schedule\"";                                 // raw text
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/conditionals"/>
public sealed record Condition
{
    /// <summary>Creates a condition from expression text in Buildkite's conditional language.</summary>
    /// <param name="expression">The expression, for example <c>build.tag != null</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="expression"/> is empty or white space.</exception>
    public Condition(string expression)
        : this(expression, ConditionPrecedence.Unknown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
    }

    internal Condition(string expression, ConditionPrecedence precedence)
    {
        Expression = expression;
        Precedence = precedence;
    }

    /// <summary>The condition <c>true</c>: the step always runs.</summary>
    public static Condition True { get; } = new("true", ConditionPrecedence.Primary);

    /// <summary>The condition <c>false</c>: the step never runs.</summary>
    public static Condition False { get; } = new("false", ConditionPrecedence.Primary);

    /// <summary>The expression text, as written to <c>if</c>.</summary>
    public string Expression { get; }

    /// <summary>How tightly <see cref="Expression"/> binds, for parenthesising it when it is combined.</summary>
    internal ConditionPrecedence Precedence { get; }

    /// <summary>Returns <see cref="Expression"/>.</summary>
    public override string ToString() => Expression;

    /// <summary>Uses expression text as a condition.</summary>
    /// <param name="expression">The expression, for example <c>build.tag != null</c>.</param>
    public static implicit operator Condition(string expression) => new(expression);

    /// <summary>True when both conditions are (written <c>left &amp;&amp; right</c>).</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <exception cref="ArgumentNullException">A condition is null.</exception>
    public static Condition operator &(Condition left, Condition right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            ConditionText.Operand(left, ConditionPrecedence.And) + " && " + ConditionText.Operand(right, ConditionPrecedence.And),
            ConditionPrecedence.And);
    }

    /// <summary>True when either condition is (written <c>left || right</c>).</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <exception cref="ArgumentNullException">A condition is null.</exception>
    public static Condition operator |(Condition left, Condition right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            ConditionText.Operand(left, ConditionPrecedence.Or) + " || " + ConditionText.Operand(right, ConditionPrecedence.Or),
            ConditionPrecedence.Or);
    }

    /// <summary>True when the condition is not (written <c>!condition</c>).</summary>
    /// <param name="condition">The condition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static Condition operator !(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new("!" + ConditionText.Operand(condition, ConditionPrecedence.Not), ConditionPrecedence.Not);
    }
}
