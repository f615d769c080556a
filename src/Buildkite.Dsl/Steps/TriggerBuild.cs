namespace Buildkite.Dsl;

/// <summary>
/// The build a trigger step creates in the triggered pipeline (<c>build</c>).
/// </summary>
/// <example>
/// <code>
/// Build = new()
/// {
///     Message = "Deploy " + Env.Upload("BUILDKITE_COMMIT"),
///     Commit = Env.Upload("BUILDKITE_COMMIT"),
///     Branch = Env.Upload("BUILDKITE_BRANCH"),
///     Env = new Dictionary&lt;string, string&gt; { ["TARGET"] = "production" },
/// }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/trigger-step#build-attributes"/>
public sealed record TriggerBuild
{
    /// <summary>The branch to build (<c>branch</c>).</summary>
    /// <value>The default is <see langword="null"/>: the triggered pipeline's default branch.</value>
    public string? Branch { get; init; }

    /// <summary>The commit to build (<c>commit</c>).</summary>
    /// <value>The default is <see langword="null"/>: <c>HEAD</c>.</value>
    public string? Commit { get; init; }

    /// <summary>The build's message (<c>message</c>).</summary>
    /// <value>The default is <see langword="null"/>: the trigger step's label.</value>
    public string? Message { get; init; }

    /// <summary>Environment variables of the new build (<c>env</c>), in order.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyDictionary<string, string> Env { get; init; } = StepDefaults.EmptyMap;

    /// <summary>Meta-data of the new build (<c>meta_data</c>), in order.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyDictionary<string, string> MetaData { get; init; } = StepDefaults.EmptyMap;
}
