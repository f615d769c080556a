namespace Buildkite.Dsl;

/// <summary>
/// A conditional expression (<c>if</c>) that Buildkite evaluates when the pipeline is uploaded; the step
/// runs only when it is true.
/// </summary>
/// <remarks>
/// Any string converts to a condition and is written as given, for example
/// <c>If = "build.branch == \"main\""</c>. A <c>$</c> in the text is literal, as everywhere in a pipeline,
/// so a regex anchor <c>/v1$/</c> needs no escaping. A step cannot have both <c>if</c> and <c>branches</c>.
/// </remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/conditionals"/>
public sealed record Condition
{
    /// <summary>Creates a condition from expression text in Buildkite's conditional language.</summary>
    /// <param name="expression">The expression, for example <c>build.tag != null</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="expression"/> is empty or white space.</exception>
    public Condition(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        Expression = expression;
    }

    /// <summary>The expression text, as written to <c>if</c>.</summary>
    public string Expression { get; }

    /// <summary>Returns <see cref="Expression"/>.</summary>
    public override string ToString() => Expression;

    /// <summary>Uses expression text as a condition.</summary>
    /// <param name="expression">The expression, for example <c>build.tag != null</c>.</param>
    public static implicit operator Condition(string expression) => new(expression);
}
