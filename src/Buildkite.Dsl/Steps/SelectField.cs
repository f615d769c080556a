namespace Buildkite.Dsl;

/// <summary>
/// A field of a block or input step where the answer is picked from <see cref="Options"/> (<c>select</c>).
/// </summary>
/// <example>
/// <code>
/// new SelectField
/// {
///     Select = "Environment",
///     Key = "environment",
///     Options = [new() { Label = "Staging", Value = "staging" }, new() { Label = "Production", Value = "production" }],
///     Default = ["staging"],
/// }
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types/input-step#select-input-attributes"/>
public sealed record SelectField : Field
{
    /// <summary>The field's label (<c>select</c>).</summary>
    /// <value>The default is <see langword="null"/>: no label.</value>
    public string? Select { get; init; }

    /// <summary>The choices, at least one (<c>options</c>).</summary>
    /// <remarks>Check BKD231 reports a select field without options.</remarks>
    public required IReadOnlyList<SelectOption> Options { get; init; }

    /// <summary>Whether more than one choice may be picked (<c>multiple</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; one choice.</value>
    public bool? Multiple { get; init; }

    /// <summary>
    /// The values picked beforehand (<c>default</c>): written as one string when there is one value and
    /// <see cref="Multiple"/> is not <see langword="true"/>, else as a list.
    /// </summary>
    /// <value>The default is empty: nothing picked.</value>
    public IReadOnlyList<string> Default { get; init; } = [];
}
