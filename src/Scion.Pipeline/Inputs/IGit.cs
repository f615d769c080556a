namespace Scion.Pipeline;

/// <summary>The git commands the pipeline needs, in the SCION checkout.</summary>
public interface IGit
{
    /// <summary>
    /// Runs <c>git diff --quiet &lt;baseRef&gt; -- &lt;pathspecs&gt;</c>: exit code 0 when the working tree has no
    /// change against <paramref name="baseRef"/> in the given paths, 1 when it has, anything else when git failed.
    /// </summary>
    /// <param name="baseRef">The commit or branch to compare with.</param>
    /// <param name="pathspecs">Git pathspecs, for example <c>:!doc/</c>.</param>
    /// <returns>How git ended.</returns>
    CommandResult DiffQuiet(string baseRef, IReadOnlyList<string> pathspecs);
}
