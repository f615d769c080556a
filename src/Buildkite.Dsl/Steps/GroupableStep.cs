namespace Buildkite.Dsl;

/// <summary>
/// A step that may stand inside a <see cref="GroupStep"/>: every step type except a group, since
/// Buildkite does not nest groups.
/// </summary>
public abstract record GroupableStep : Step
{
    private protected GroupableStep()
    {
    }

    /// <summary>The branches the step runs on (<c>branches</c>).</summary>
    /// <value>The default is <see langword="null"/>: every branch.</value>
    /// <remarks>Not together with <c>if</c> (check BKD203).</remarks>
    public Branches? Branches { get; init; }
}
