using System.Text;

namespace Buildkite.Dsl.Validation;

/// <summary>
/// Thrown when a pipeline cannot be written or read; lists every problem found, not just the first.
/// </summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">The problems; at least one should be an error.</param>
    public PipelineException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    public PipelineException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public PipelineException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PipelineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found, errors and warnings, in pipeline order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        var text = new StringBuilder()
            .Append("The pipeline has ")
            .Append(errors)
            .Append(errors == 1 ? " error" : " errors")
            .Append(':');
        foreach (var diagnostic in diagnostics)
        {
            text.Append('\n').Append(diagnostic);
        }

        return text.ToString();
    }
}
