namespace Scion.Pipeline.Shared;

/// <summary>
/// The commands <c>scionproto/metahook</c> runs at each hook point; each is a shell script, literal text.
/// </summary>
public sealed record MetahookHooks
{
    /// <summary>Runs before the step's command (<c>pre-command</c>).</summary>
    /// <value>The default is <see langword="null"/>: nothing.</value>
    public string? PreCommand { get; init; }

    /// <summary>Runs after the step's command (<c>post-command</c>).</summary>
    /// <value>The default is <see langword="null"/>: nothing.</value>
    public string? PostCommand { get; init; }

    /// <summary>Runs before artifacts are uploaded (<c>pre-artifact</c>).</summary>
    /// <value>The default is <see langword="null"/>: nothing.</value>
    public string? PreArtifact { get; init; }

    /// <summary>Runs after artifacts are uploaded (<c>post-artifact</c>).</summary>
    /// <value>The default is <see langword="null"/>: nothing.</value>
    public string? PostArtifact { get; init; }

    /// <summary>Runs last, whatever happened before (<c>pre-exit</c>).</summary>
    /// <value>The default is <see langword="null"/>: nothing.</value>
    public string? PreExit { get; init; }
}
