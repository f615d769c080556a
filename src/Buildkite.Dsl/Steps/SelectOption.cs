namespace Buildkite.Dsl;

/// <summary>
/// One choice of a <see cref="SelectField"/> (<c>options</c>).
/// </summary>
public sealed record SelectOption
{
    /// <summary>The text shown for the choice (<c>label</c>).</summary>
    public required string Label { get; init; }

    /// <summary>The value stored when the choice is picked (<c>value</c>).</summary>
    public required string Value { get; init; }

    /// <summary>Help text for the choice (<c>hint</c>).</summary>
    /// <value>The default is <see langword="null"/>: no hint.</value>
    public string? Hint { get; init; }

    /// <summary>Whether the choice must be picked (<c>required</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written.</value>
    public bool? Required { get; init; }
}
