namespace Buildkite.Dsl;

/// <summary>The merge queue of a build in conditions (<c>build.merge_queue.*</c>); values are <c>null</c> when there is none.</summary>
public sealed class MergeQueueVariables
{
    internal MergeQueueVariables()
    {
    }

    /// <summary>The branch the merge queue merges into (<c>build.merge_queue.base_branch</c>).</summary>
    public StringExpression BaseBranch { get; } = StringExpression.Variable("build.merge_queue.base_branch");

    /// <summary>The commit the merge queue builds on (<c>build.merge_queue.base_commit</c>).</summary>
    public StringExpression BaseCommit { get; } = StringExpression.Variable("build.merge_queue.base_commit");
}
