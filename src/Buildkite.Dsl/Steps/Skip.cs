namespace Buildkite.Dsl;

/// <summary>
/// Whether the step is skipped (<c>skip</c>): yes or no, or yes with a reason shown in the build.
/// </summary>
/// <remarks>A reason is at most 70 characters (check BKD210). On a group it applies to every step in it.</remarks>
/// <example>
/// <code>
/// Skip = true;
/// Skip = "Flaky until #1234 is fixed";
/// </code>
/// </example>
public sealed record Skip
{
    private Skip(bool? skipped, string? reason)
    {
        Skipped = skipped;
        Reason = reason;
    }

    /// <summary>The boolean form, or <see langword="null"/> when a reason is given.</summary>
    public bool? Skipped { get; }

    /// <summary>The reason form, or <see langword="null"/> for the boolean form.</summary>
    public string? Reason { get; }

    /// <summary>Skips the step, or not.</summary>
    /// <param name="skipped">Whether to skip.</param>
    public static implicit operator Skip(bool skipped) => new(skipped, null);

    /// <summary>Skips the step with a reason.</summary>
    /// <param name="reason">The reason, at most 70 characters.</param>
    public static implicit operator Skip(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new(null, reason);
    }
}
