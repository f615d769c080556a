namespace Buildkite.Dsl;

/// <summary>
/// A form field of a block or input step (<c>fields</c>): its value is stored as build meta-data
/// under <see cref="Key"/>.
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/input-step#text-input-attributes"/>
public abstract record Field
{
    private protected Field()
    {
    }

    /// <summary>The meta-data key the answer is stored under (<c>key</c>): letters, digits, <c>-</c> and <c>_</c>.</summary>
    /// <remarks>Check BKD230 reports a key the schema does not allow.</remarks>
    public required string Key { get; init; }

    /// <summary>Help text shown under the field (<c>hint</c>).</summary>
    /// <value>The default is <see langword="null"/>: no hint.</value>
    public string? Hint { get; init; }

    /// <summary>Whether an answer is required (<c>required</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite requires an answer.</value>
    public bool? Required { get; init; }
}
