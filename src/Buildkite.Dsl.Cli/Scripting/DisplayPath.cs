namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>Shows file paths in messages relative to the current directory when they are below it.</summary>
internal static class DisplayPath
{
    public static string Of(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative) ? path : relative;
    }
}
