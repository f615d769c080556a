namespace Buildkite.Dsl.Validation;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Buildkite would accept the pipeline, but it probably does not do what was meant.</summary>
    Warning,

    /// <summary>Buildkite would reject the pipeline, or run it differently than it reads; nothing is written.</summary>
    Error,
}
