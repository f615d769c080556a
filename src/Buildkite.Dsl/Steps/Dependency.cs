namespace Buildkite.Dsl;

/// <summary>
/// One entry of <c>depends_on</c>: the step this step waits for, given as a step object of the same
/// pipeline or as the key of a step (for example one uploaded by another upload).
/// </summary>
/// <remarks>
/// A referenced step object without a <see cref="Step.Key"/> gets a key when the pipeline is written,
/// derived from its label, so the reference always resolves.
/// </remarks>
/// <example>
/// <code>
/// DependsOn = [build];                                  // a step object
/// DependsOn = ["unit_tests"];                           // a key
/// DependsOn = [new Dependency(flaky) { AllowFailure = true }];
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/dependencies"/>
public sealed record Dependency
{
    /// <summary>Depends on a step object of the same pipeline.</summary>
    /// <param name="step">The step to wait for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    public Dependency(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Step = step;
    }

    /// <summary>Depends on the step with key <paramref name="key"/>.</summary>
    /// <param name="key">The key of the step to wait for (<c>step</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
    public Dependency(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
    }

    /// <summary>The step object waited for, or <see langword="null"/> when the dependency names a <see cref="Key"/>.</summary>
    public Step? Step { get; }

    /// <summary>The key of the step waited for, or <see langword="null"/> when the dependency holds a <see cref="Step"/>.</summary>
    public string? Key { get; }

    /// <summary>Whether this step runs even when the step it depends on fails (<c>allow_failure</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written, and Buildkite does not run the step after a failure.</value>
    public bool? AllowFailure { get; init; }

    /// <summary>Depends on a step object.</summary>
    /// <param name="step">The step to wait for.</param>
    public static implicit operator Dependency(Step step) => new(step);

    /// <summary>Depends on a step by key.</summary>
    /// <param name="key">The key of the step to wait for.</param>
    public static implicit operator Dependency(string key) => new(key);
}
