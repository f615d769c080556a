namespace Scion.Pipeline;

/// <summary>Runs the <c>bazel</c> on <c>PATH</c> (usually bazelisk).</summary>
/// <param name="workingDirectory">The checkout to run in; <see langword="null"/> for the current directory.</param>
public sealed class ProcessBazel(string? workingDirectory = null) : IBazel
{
    /// <inheritdoc/>
    public CommandResult Query(string expression)
    {
        ArgumentException.ThrowIfNullOrEmpty(expression);
        return ProcessRunner.Run("bazel", ["query", expression], workingDirectory);
    }
}
