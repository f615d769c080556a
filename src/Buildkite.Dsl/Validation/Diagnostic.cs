using System.Text;

namespace Buildkite.Dsl.Validation;

/// <summary>
/// One problem found in a pipeline: what is wrong, where, and what to do about it.
/// </summary>
/// <remarks>
/// Printed as <c>file:line:col: error BKD110: steps[3] (key 'deploy') depends_on: … Help: …</c>; the
/// location appears for pipelines read from YAML or JSON.
/// </remarks>
public sealed record Diagnostic
{
    /// <summary>The stable code of the check, <c>BKD</c> and three digits (see <see cref="DiagnosticCodes"/>).</summary>
    public required string Code { get; init; }

    /// <summary>Whether the problem stops the pipeline from being written.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong, in one sentence.</summary>
    public required string Message { get; init; }

    /// <summary>The step's place in the pipeline, for example <c>steps[2].steps[0]</c>; <see langword="null"/> for the pipeline itself.</summary>
    public string? Path { get; init; }

    /// <summary>The step as people recognise it: its key or label, for example <c>key 'unit'</c>.</summary>
    public string? Step { get; init; }

    /// <summary>The YAML attribute concerned, for example <c>depends_on</c> or <c>retry.automatic[0].limit</c>.</summary>
    public string? Field { get; init; }

    /// <summary>Where in the source file, for pipelines that were read from one.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>What to do about it.</summary>
    public string? Help { get; init; }

    /// <summary>Whether this is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Returns the diagnostic on one line, as the command-line tool prints it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Location is { } location)
        {
            text.Append(location).Append(": ");
        }

        text.Append(IsError ? "error " : "warning ").Append(Code).Append(": ");
        var where = new StringBuilder();
        if (Path is not null)
        {
            where.Append(Path);
        }

        if (Step is not null)
        {
            where.Append(where.Length > 0 ? " (" : "(").Append(Step).Append(')');
        }

        if (Field is not null)
        {
            where.Append(where.Length > 0 ? " " : string.Empty).Append(Field);
        }

        if (where.Length > 0)
        {
            text.Append(where).Append(": ");
        }

        text.Append(Message);
        if (Help is not null)
        {
            text.Append(" Help: ").Append(Help);
        }

        return text.ToString();
    }
}
