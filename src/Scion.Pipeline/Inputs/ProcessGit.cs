namespace Scion.Pipeline;

/// <summary>Runs the <c>git</c> on <c>PATH</c>.</summary>
/// <param name="workingDirectory">The checkout to run in; <see langword="null"/> for the current directory.</param>
public sealed class ProcessGit(string? workingDirectory = null) : IGit
{
    /// <inheritdoc/>
    public CommandResult DiffQuiet(string baseRef, IReadOnlyList<string> pathspecs)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseRef);
        ArgumentNullException.ThrowIfNull(pathspecs);
        return ProcessRunner.Run("git", ["diff", "--quiet", baseRef, "--", .. pathspecs], workingDirectory);
    }
}
