using System.Globalization;

namespace Scion.Pipeline;

/// <summary>Decides whether a pull request changes only documentation.</summary>
public static class DocOnlyChanges
{
    /// <summary>
    /// The paths that do not need the full pipeline: everything under <c>doc/</c> and every Markdown file,
    /// written as git pathspecs that exclude them.
    /// </summary>
    public static IReadOnlyList<string> ExcludedPaths { get; } = [":!doc/", ":!**.md"];

    /// <summary>
    /// Runs <c>git diff --quiet &lt;baseBranch&gt; -- ':!doc/' ':!**.md'</c>: exit code 0 (no change outside
    /// <c>doc/</c> and Markdown files) means doc-only; any other exit code, changes or a failing git (an
    /// unknown base branch, no git), means the full pipeline.
    /// </summary>
    /// <param name="git">Git in the checkout.</param>
    /// <param name="baseBranch">The pull request's base branch.</param>
    /// <returns>Whether the changes are doc-only, and a note when git failed.</returns>
    public static (bool DocOnly, string? Note) Detect(IGit git, string baseBranch)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentException.ThrowIfNullOrEmpty(baseBranch);
        var result = git.DiffQuiet(baseBranch, ExcludedPaths);
        return result.ExitCode switch
        {
            0 => (true, null),
            1 => (false, null),
            _ => (false, string.Create(
                CultureInfo.InvariantCulture,
                $"git diff against '{baseBranch}' failed (exit code {result.ExitCode}), so the full pipeline is printed: {result.StandardError.Trim()}")),
        };
    }
}
