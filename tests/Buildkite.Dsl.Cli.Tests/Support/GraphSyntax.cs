using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>
/// Structure checks of graph output: a Mermaid flowchart (every line a statement Mermaid's flowchart grammar
/// knows, quoted labels without raw quotes, balanced subgraphs, every id declared once and declared before use
/// in classes) and a DOT digraph (balanced braces, statements ended, edges between declared nodes); and, when
/// Graphviz is installed, <c>dot</c> itself.
/// </summary>
internal static partial class GraphSyntax
{
    private const string Label = "\"[^\"\\n]*\"";

    public static IReadOnlyList<string> MermaidProblems(string text)
    {
        var problems = new List<string>();
        var lines = text.Split('\n');
        if (lines[0] != "flowchart TD")
        {
            problems.Add($"the first line is '{lines[0]}', not 'flowchart TD'");
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        var depth = 0;
        foreach (var raw in lines.Skip(1).Where(l => l.Length > 0))
        {
            var line = raw.Trim();
            Match match;
            if (line.StartsWith("%%", StringComparison.Ordinal))
            {
                continue;
            }

            if ((match = Subgraph().Match(line)).Success)
            {
                depth++;
                Declare(match.Groups["id"].Value);
            }
            else if (line == "end")
            {
                depth--;
                if (depth < 0)
                {
                    problems.Add("'end' without 'subgraph'");
                }
            }
            else if ((match = Node().Match(line)).Success)
            {
                Declare(match.Groups["id"].Value);
            }
            else if ((match = Edge().Match(line)).Success)
            {
                used.Add(match.Groups["from"].Value);
                used.Add(match.Groups["to"].Value);
            }
            else if (ClassDef().IsMatch(line))
            {
            }
            else if ((match = Class().Match(line)).Success)
            {
                used.AddRange(match.Groups["ids"].Value.Split(','));
            }
            else
            {
                problems.Add($"'{line}' is not a flowchart statement");
            }
        }

        if (depth != 0)
        {
            problems.Add("a subgraph is not closed");
        }

        problems.AddRange(used.Where(id => !declared.Contains(id)).Distinct().Select(id => $"'{id}' is used but not declared"));
        return problems;

        void Declare(string id)
        {
            if (!declared.Add(id))
            {
                problems.Add($"'{id}' is declared twice");
            }
        }
    }

    public static IReadOnlyList<string> DotProblems(string text)
    {
        var problems = new List<string>();
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines[0] != "digraph pipeline {" || lines[^1] != "}")
        {
            problems.Add("not a digraph block");
        }

        var depth = 0;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var line in lines)
        {
            Match match;
            if (line.EndsWith('{'))
            {
                depth++;
            }
            else if (line == "}")
            {
                depth--;
            }
            else if (line.StartsWith("//", StringComparison.Ordinal))
            {
            }
            else if (!line.EndsWith(';'))
            {
                problems.Add($"'{line}' does not end with ';'");
            }
            else if ((match = DotEdge().Match(line)).Success)
            {
                used.Add(match.Groups["from"].Value);
                used.Add(match.Groups["to"].Value);
            }
            else if ((match = DotNode().Match(line)).Success)
            {
                declared.Add(match.Groups["id"].Value);
            }
        }

        if (depth != 0)
        {
            problems.Add("unbalanced braces");
        }

        problems.AddRange(used.Where(id => !declared.Contains(id)).Distinct().Select(id => $"edge end '{id}' is not declared"));
        return problems;
    }

    /// <summary>Runs Graphviz on DOT text; <see langword="null"/> when <c>dot</c> is not installed, else its exit code and messages.</summary>
    public static (int ExitCode, string Error)? RunDot(string text)
    {
        ProcessStartInfo start = new("dot", "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process!.StandardInput.Write(text);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Result);
        }
    }

    [GeneratedRegex("^subgraph (?<id>[A-Za-z][A-Za-z0-9_]*) \\[" + Label + "\\]$")]
    private static partial Regex Subgraph();

    [GeneratedRegex("^(?<id>[A-Za-z][A-Za-z0-9_]*)(\\[" + Label + "\\]|\\{\\{" + Label + "\\}\\}|\\[/" + Label + "\\\\\\]|\\[/" + Label + "/\\]|\\[\\[" + Label + "\\]\\]|\\(\\[" + Label + "\\]\\))$")]
    private static partial Regex Node();

    [GeneratedRegex("^(?<from>[A-Za-z][A-Za-z0-9_]*) (-->|==>|-\\.->\\|[^|\"]+\\|) (?<to>[A-Za-z][A-Za-z0-9_]*)$")]
    private static partial Regex Edge();

    [GeneratedRegex("^classDef [a-z]+ [^;]+$")]
    private static partial Regex ClassDef();

    [GeneratedRegex("^class (?<ids>[A-Za-z0-9_,]+) [a-z]+$")]
    private static partial Regex Class();

    [GeneratedRegex("^\"(?<from>[^\"]+)\" -> \"(?<to>[^\"]+)\"")]
    private static partial Regex DotEdge();

    [GeneratedRegex("^\"(?<id>[^\"]+)\" \\[")]
    private static partial Regex DotNode();
}
