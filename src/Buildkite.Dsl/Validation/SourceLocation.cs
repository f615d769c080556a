using System.Globalization;

namespace Buildkite.Dsl.Validation;

/// <summary>A place in a YAML or JSON file: file name, line and column, both counted from 1.</summary>
/// <param name="File">The file's name as given to the reader, or <see langword="null"/> for text without one.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct SourceLocation(string? File, int Line, int Column)
{
    /// <summary>Returns <c>file:line:col</c>, or <c>line:col</c> without a file.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(File is null ? string.Empty : File + ":")}{Line}:{Column}");
}
