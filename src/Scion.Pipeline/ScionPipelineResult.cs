namespace Scion.Pipeline;

/// <summary>A SCION pipeline and the notes for the build log that came with making it.</summary>
/// <param name="Pipeline">The pipeline, to be written with <c>ToYaml()</c>.</param>
/// <param name="Notes">
/// Lines for standard error, never for standard output: which pipeline was chosen and why, a group left out.
/// </param>
public sealed record ScionPipelineResult(Buildkite.Dsl.Pipeline Pipeline, IReadOnlyList<string> Notes);
