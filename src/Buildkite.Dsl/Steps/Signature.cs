namespace Buildkite.Dsl;

/// <summary>
/// The signature the agent adds to a command step when it signs a pipeline (<c>signature</c>). Read
/// from signed pipelines; a generated pipeline leaves it to the agent.
/// </summary>
/// <seealso href="https://buildkite.com/docs/agent/v3/signed-pipelines"/>
public sealed record Signature
{
    /// <summary>The signing algorithm, for example <c>EdDSA</c> (<c>algorithm</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written.</value>
    public string? Algorithm { get; init; }

    /// <summary>The signature itself, a JWS with a detached payload (<c>value</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written.</value>
    public string? Value { get; init; }

    /// <summary>The step fields the signature covers (<c>signed_fields</c>).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> SignedFields { get; init; } = [];
}
