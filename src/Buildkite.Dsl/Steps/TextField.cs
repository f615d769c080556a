namespace Buildkite.Dsl;

/// <summary>
/// A free-text field of a block or input step (<c>text</c>).
/// </summary>
/// <example><code>new TextField { Text = "Release notes", Key = "notes", Required = false }</code></example>
public sealed record TextField : Field
{
    /// <summary>The field's label (<c>text</c>).</summary>
    /// <value>The default is <see langword="null"/>: no label.</value>
    public string? Text { get; init; }

    /// <summary>A regular expression the answer must match (<c>format</c>).</summary>
    /// <value>The default is <see langword="null"/>: any text.</value>
    public string? Format { get; init; }

    /// <summary>The answer filled in beforehand (<c>default</c>).</summary>
    /// <value>The default is <see langword="null"/>: empty.</value>
    public string? Default { get; init; }
}
