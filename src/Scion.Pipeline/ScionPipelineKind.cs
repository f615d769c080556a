namespace Scion.Pipeline;

/// <summary>
/// Which of SCION's two Buildkite pipelines is being built, named by <c>BUILDKITE_PIPELINE_SLUG</c>.
/// </summary>
/// <remarks>
/// Both print the same steps. They differ in one decision: <see cref="Scion"/> builds pull requests and
/// takes the doc-only shortcut, <see cref="Nightly"/> never does. What else differs between them lives on
/// the agents, not in the pipeline: the <c>pre-command</c> hook sets <c>SCION_VERSION</c> to the shortened
/// git version for <c>scion</c> and the full one for <c>scion-nightly</c>, and writes <c>build --nostamp</c>
/// or <c>build --stamp</c> to the bazel rc.
/// </remarks>
public enum ScionPipelineKind
{
    /// <summary>The <c>scion</c> pipeline: every pull request and push.</summary>
    Scion,

    /// <summary>The <c>scion-nightly</c> pipeline: scheduled builds of the main branch, which publish versioned packages.</summary>
    Nightly,
}
