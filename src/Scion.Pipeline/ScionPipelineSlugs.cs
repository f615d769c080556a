namespace Scion.Pipeline;

/// <summary>The Buildkite pipeline slugs of SCION's pipelines.</summary>
public static class ScionPipelineSlugs
{
    /// <summary>The slug of <see cref="ScionPipelineKind.Scion"/>.</summary>
    public const string Scion = "scion";

    /// <summary>The slug of <see cref="ScionPipelineKind.Nightly"/>.</summary>
    public const string Nightly = "scion-nightly";

    /// <summary>Returns the pipeline a slug names.</summary>
    /// <param name="slug">The value of <c>BUILDKITE_PIPELINE_SLUG</c>, not empty.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ScionInputException">The slug is not <c>scion</c> or <c>scion-nightly</c>.</exception>
    public static ScionPipelineKind Parse(string slug) => slug switch
    {
        Scion => ScionPipelineKind.Scion,
        Nightly => ScionPipelineKind.Nightly,
        _ => throw new ScionInputException(
            $"BUILDKITE_PIPELINE_SLUG is '{slug}', which is not one of SCION's pipelines: expected '{Scion}' or '{Nightly}'."),
    };

    /// <summary>Returns the slug of a pipeline.</summary>
    /// <param name="kind">The pipeline.</param>
    /// <returns><c>scion</c> or <c>scion-nightly</c>.</returns>
    public static string Of(ScionPipelineKind kind) => kind == ScionPipelineKind.Nightly ? Nightly : Scion;
}
