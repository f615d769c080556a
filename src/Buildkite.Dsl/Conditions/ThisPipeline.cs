namespace Buildkite.Dsl;

/// <summary>
/// The <c>pipeline.*</c> variables of Buildkite's conditional language: the Buildkite pipeline the build
/// belongs to. Named <c>ThisPipeline</c> because <see cref="Dsl.Pipeline"/> is the pipeline being written.
/// </summary>
/// <example><code>If = Build.Branch == ThisPipeline.DefaultBranch;   // build.branch == pipeline.default_branch</code></example>
public static class ThisPipeline
{
    /// <summary>The pipeline's default branch (<c>pipeline.default_branch</c>).</summary>
    public static StringExpression DefaultBranch { get; } = StringExpression.Variable("pipeline.default_branch");

    /// <summary>The pipeline's id (<c>pipeline.id</c>).</summary>
    public static StringExpression Id { get; } = StringExpression.Variable("pipeline.id");

    /// <summary>The pipeline's repository URL (<c>pipeline.repository</c>).</summary>
    public static StringExpression Repository { get; } = StringExpression.Variable("pipeline.repository");

    /// <summary>The pipeline's slug (<c>pipeline.slug</c>).</summary>
    public static StringExpression Slug { get; } = StringExpression.Variable("pipeline.slug");

    /// <summary>
    /// Whether this build made the pipeline start failing (<c>pipeline.started_failing</c>); only in conditions of
    /// build-level notifications (check BKD250).
    /// </summary>
    public static Condition StartedFailing { get; } = new("pipeline.started_failing", ConditionPrecedence.Primary);

    /// <summary>
    /// Whether this build made the pipeline pass again (<c>pipeline.started_passing</c>); only in conditions of
    /// build-level notifications (check BKD250).
    /// </summary>
    public static Condition StartedPassing { get; } = new("pipeline.started_passing", ConditionPrecedence.Primary);
}
