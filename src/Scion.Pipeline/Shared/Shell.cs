namespace Scion.Pipeline.Shared;

/// <summary>Helpers for shell scripts written as text.</summary>
public static class Shell
{
    /// <summary>
    /// Joins lines into one script, each line ending with a line break (as a YAML <c>|</c> block does).
    /// </summary>
    /// <param name="lines">The lines, literal text.</param>
    /// <returns>The script.</returns>
    public static string Lines(params ReadOnlySpan<string> lines)
    {
        var script = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            script.Append(line).Append('\n');
        }

        return script.ToString();
    }
}
