using System.Text;

namespace Buildkite.Dsl.Cli.Graph;

/// <summary>
/// Writes a <see cref="StepGraph"/> as a Mermaid flowchart, which Buildkite annotations and GitHub render.
/// </summary>
/// <remarks>
/// Labels are quoted, with the characters Mermaid reads specially written as its entity codes (<c>#quot;</c>,
/// <c>#35;</c>, <c>#lt;</c>, …), so emoji, quotes and shortcodes show as they are. Groups are subgraphs. Arrows:
/// <c>--&gt;</c> is the order a wait or block step makes, <c>==&gt;</c> a <c>depends_on</c>, <c>-.-&gt;</c> a
/// <c>depends_on</c> that allows failure. Steps with <c>if</c> or <c>branches</c> have a dashed border.
/// </remarks>
internal static class MermaidWriter
{
    public static string Write(StepGraph graph)
    {
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        text.Append("  %% --> order from wait and block steps; ==> depends_on; -.-> depends_on with allow_failure; dashed border: if or branches\n");
        foreach (var node in graph.Nodes.Where(n => n.Group is null))
        {
            if (node.Kind == NodeKind.Group)
            {
                text.Append("  subgraph ").Append(node.Id).Append(" [\"").Append(Escape(Label(node))).Append("\"]\n");
                foreach (var member in graph.Nodes.Where(n => n.Group == node.Id))
                {
                    text.Append("    ").Append(Shape(member)).Append('\n');
                }

                text.Append("  end\n");
                continue;
            }

            text.Append("  ").Append(Shape(node)).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(edge.From).Append(
                edge.AllowFailure ? " -.->|allow failure| "
                : edge.Explicit ? " ==> "
                : " --> ").Append(edge.To).Append('\n');
        }

        var conditional = graph.Nodes.Where(n => n.Condition is not null).Select(n => n.Id).ToList();
        var external = graph.Nodes.Where(n => n.Kind == NodeKind.External).Select(n => n.Id).ToList();
        if (conditional.Count > 0)
        {
            text.Append("  classDef conditional stroke-dasharray: 5 5\n");
            text.Append("  class ").Append(string.Join(',', conditional)).Append(" conditional\n");
        }

        if (external.Count > 0)
        {
            text.Append("  classDef external fill:none,stroke-dasharray: 2 2\n");
            text.Append("  class ").Append(string.Join(',', external)).Append(" external\n");
        }

        return text.ToString();
    }

    private static string Label(GraphNode node) => node.Condition is null ? node.Label : node.Label + "\n" + node.Condition;

    private static string Shape(GraphNode node)
    {
        var label = Escape(Label(node));
        return node.Kind switch
        {
            NodeKind.Wait => $"{node.Id}{{{{\"{label}\"}}}}",
            NodeKind.Block => $"{node.Id}[/\"{label}\"\\]",
            NodeKind.Input => $"{node.Id}[/\"{label}\"/]",
            NodeKind.Trigger => $"{node.Id}[[\"{label}\"]]",
            NodeKind.External => $"{node.Id}([\"{label}\"])",
            _ => $"{node.Id}[\"{label}\"]",
        };
    }

    /// <summary>Text for a quoted Mermaid label: special characters as entity codes, line breaks as <c>&lt;br/&gt;</c>.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '\n' => "<br/>",
                '\r' or '\t' => " ",
                _ => char.IsControl(c) ? " " : c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
