namespace Buildkite.Dsl;

/// <summary>
/// The <c>build.*</c> variables of Buildkite's conditional language, for <see cref="Step.If"/> and the
/// <c>if</c> of notifications.
/// </summary>
/// <remarks>
/// The other variables are <see cref="ThisPipeline"/> (<c>pipeline.*</c>; named so because
/// <see cref="Dsl.Pipeline"/> is the pipeline being written), <see cref="Organization"/> (<c>organization.*</c>)
/// and, in notifications only, <see cref="ThisStep"/> (<c>step.*</c>). Buildkite evaluates conditions at upload,
/// so build meta-data and the results of other steps are not available.
/// </remarks>
/// <example>
/// <code>
/// If = Build.Branch == "main" | Build.Tag != null;
/// If = Build.Env("DEPLOY_ENVIRONMENT") == "production";
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/conditionals#variable-and-syntax-reference-variables"/>
public static class Build
{
    /// <summary>The unverified author of the build's commit (<c>build.author</c>).</summary>
    public static BuildUserVariables Author { get; } = new("build.author");

    /// <summary>The branch the build is for (<c>build.branch</c>).</summary>
    public static StringExpression Branch { get; } = StringExpression.Variable("build.branch");

    /// <summary>The commit the build is for (<c>build.commit</c>).</summary>
    public static StringExpression Commit { get; } = StringExpression.Variable("build.commit");

    /// <summary>The user who created the build (<c>build.creator</c>); unverified for webhook builds.</summary>
    public static BuildUserVariables Creator { get; } = new("build.creator");

    /// <summary>The build's id (<c>build.id</c>).</summary>
    public static StringExpression Id { get; } = StringExpression.Variable("build.id");

    /// <summary>The build's message, <c>null</c> when it has none (<c>build.message</c>).</summary>
    public static StringExpression Message { get; } = StringExpression.Variable("build.message");

    /// <summary>The build's number (<c>build.number</c>).</summary>
    public static IntegerExpression Number { get; } = IntegerExpression.Variable("build.number");

    /// <summary>The pull request the build is for; its values are <c>null</c> when there is none (<c>build.pull_request</c>).</summary>
    public static PullRequestVariables PullRequest { get; } = new();

    /// <summary>The merge queue the build is for, if any (<c>build.merge_queue</c>).</summary>
    public static MergeQueueVariables MergeQueue { get; } = new();

    /// <summary>What created the build: <c>ui</c>, <c>api</c>, <c>webhook</c>, <c>trigger_job</c> or <c>schedule</c> (<c>build.source</c>).</summary>
    public static StringExpression Source { get; } = StringExpression.Variable("build.source");

    /// <summary>The event of the source provider that created the build, such as <c>push</c> (<c>build.source_event</c>).</summary>
    public static StringExpression SourceEvent { get; } = StringExpression.Variable("build.source_event");

    /// <summary>The action of that event, such as <c>opened</c> for a pull request (<c>build.source_action</c>).</summary>
    public static StringExpression SourceAction { get; } = StringExpression.Variable("build.source_action");

    /// <summary>
    /// The build's state, such as <c>passed</c> or <c>failed</c> (<c>build.state</c>); only in conditions of
    /// build-level notifications (<see cref="Pipeline.Notify"/>, check BKD250).
    /// </summary>
    public static StringExpression State { get; } = StringExpression.Variable("build.state");

    /// <summary>The tag the build is for, <c>null</c> when none (<c>build.tag</c>).</summary>
    public static StringExpression Tag { get; } = StringExpression.Variable("build.tag");

    /// <summary>
    /// The value of the environment variable <paramref name="name"/>, or <c>null</c> when it is not set
    /// (<c>build.env("NAME")</c>). It sees the pipeline's own variables and a documented set of <c>BUILDKITE_*</c> ones.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds a control character.</exception>
    public static StringExpression Env(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return StringExpression.Variable("build.env(" + ConditionText.Quote(name, nameof(name)) + ")");
    }
}
