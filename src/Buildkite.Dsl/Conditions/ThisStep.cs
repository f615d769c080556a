namespace Buildkite.Dsl;

/// <summary>
/// The <c>step.*</c> variables of Buildkite's conditional language: the step a notification is about.
/// Available only in conditions of notifications (check BKD250). Named <c>ThisStep</c> because
/// <see cref="Dsl.Step"/> is the step type.
/// </summary>
/// <example><code>Notify = [new SlackNotification { Channels = ["#ci"], If = ThisStep.Outcome == "hard_failed" }]</code></example>
public static class ThisStep
{
    /// <summary>The step's id (<c>step.id</c>).</summary>
    public static StringExpression Id { get; } = StringExpression.Variable("step.id");

    /// <summary>The step's key, <c>null</c> when it has none (<c>step.key</c>).</summary>
    public static StringExpression Key { get; } = StringExpression.Variable("step.key");

    /// <summary>The step's label, <c>null</c> when it has none (<c>step.label</c>).</summary>
    public static StringExpression Label { get; } = StringExpression.Variable("step.label");

    /// <summary>The step's type: <c>command</c>, <c>wait</c>, <c>input</c>, <c>trigger</c> or <c>group</c> (<c>step.type</c>).</summary>
    public static StringExpression Type { get; } = StringExpression.Variable("step.type");

    /// <summary>The step's state, such as <c>running</c> or <c>finished</c> (<c>step.state</c>).</summary>
    public static StringExpression State { get; } = StringExpression.Variable("step.state");

    /// <summary>
    /// The step's outcome: <c>neutral</c>, <c>passed</c>, <c>soft_failed</c>, <c>hard_failed</c> or <c>errored</c>
    /// (<c>step.outcome</c>).
    /// </summary>
    public static StringExpression Outcome { get; } = StringExpression.Variable("step.outcome");
}
