using System.Globalization;

namespace Scion.Pipeline;

/// <summary>Reads integration test targets: the output of <c>bazel query</c>, or a file in the same form.</summary>
/// <remarks>
/// One target per line. Leading and trailing white space is ignored, and so are blank lines and lines
/// starting with <c>#</c> (comments, for hand-written files). Every target must be a label of the main
/// repository (<c>//package:name</c>) and appear once.
/// </remarks>
public static class TargetList
{
    /// <summary>Parses a target list.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">Where the text comes from, for messages: a file name or "bazel query output".</param>
    /// <returns>The targets, in order.</returns>
    /// <exception cref="ScionInputException">A line is not a target, or a target is listed twice; the message names the line.</exception>
    public static IReadOnlyList<string> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var targets = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith("//", StringComparison.Ordinal) || line.Length == 2 || HasWhiteSpace(line))
            {
                throw new ScionInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}:{number}: '{line}' is not a bazel target of the main repository (//package:name)."));
            }

            if (!seen.TryAdd(line, number))
            {
                throw new ScionInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}:{number}: '{line}' is listed twice (first on line {seen[line]}); each target gets one step with a unique key."));
            }

            targets.Add(line);
        }

        return targets;
    }

    /// <summary>Runs the integration test query and parses its output.</summary>
    /// <param name="bazel">Bazel in the checkout.</param>
    /// <returns>The targets, in bazel's order.</returns>
    /// <exception cref="ScionInputException">Bazel is not installed, the query failed (the message holds bazel's standard error), or its output is not a target list.</exception>
    public static IReadOnlyList<string> Query(IBazel bazel)
    {
        ArgumentNullException.ThrowIfNull(bazel);
        var result = bazel.Query(Steps.IntegrationTestSteps.Query);
        if (!result.Started)
        {
            throw new ScionInputException(
                $"bazel is needed to list the integration tests: {result.StandardError.Trim()} " +
                "Run in a SCION checkout with bazel on PATH, or set SCION_TEST_TARGETS_FILE to a file with one target per line.");
        }

        if (result.ExitCode != 0)
        {
            throw new ScionInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"bazel query \"{Steps.IntegrationTestSteps.Query.Replace("\"", "\\\"", StringComparison.Ordinal)}\" failed (exit code {result.ExitCode}):\n{result.StandardError.TrimEnd()}"));
        }

        return Parse(result.StandardOutput, "bazel query output");
    }

    private static bool HasWhiteSpace(string line)
    {
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
