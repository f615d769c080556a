namespace Scion.Pipeline.Shared;

/// <summary>Helpers for shell scripts written as text.</summary>
public static class Shell
{
    /// <summary>
    /// Joins lines into one script, each line ending with a line break (as a YAML <c>|</c> block does).
    /// </summary>
    /// <param name="lines">The lines, literal text.</param>
    /// <returns>The script.</returns>
    /// <remarks>
    /// An array, not a <c>params ReadOnlySpan</c>: for a span, each call site builds an inline array whose generic
    /// helpers the JIT compiles on every run of the pipeline script.
    /// </remarks>
    public static string Lines(params string[] lines)
    {
        var script = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            script.Append(line).Append('\n');
        }

        return script.ToString();
    }
}
