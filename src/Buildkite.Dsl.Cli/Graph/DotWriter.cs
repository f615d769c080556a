using System.Text;

namespace Buildkite.Dsl.Cli.Graph;

/// <summary>
/// Writes a <see cref="StepGraph"/> in Graphviz's DOT language: groups are clusters, edges to and from a group
/// are drawn to the cluster's border (<c>compound=true</c>, <c>lhead</c>/<c>ltail</c>).
/// </summary>
/// <remarks>
/// Solid edges are the order of wait and block steps, bold ones <c>depends_on</c>, dashed ones <c>depends_on</c>
/// that allows failure; steps with <c>if</c> or <c>branches</c> have a dashed outline.
/// </remarks>
internal static class DotWriter
{
    public static string Write(StepGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph pipeline {\n");
        text.Append("  // solid: order from wait and block steps; bold: depends_on; dashed: depends_on with allow_failure\n");
        text.Append("  rankdir=TB;\n  compound=true;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n");
        var anchors = new Dictionary<string, (string First, string Last)>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => n.Group is null))
        {
            if (node.Kind == NodeKind.Group)
            {
                text.Append("  subgraph ").Append(Quote("cluster_" + node.Id)).Append(" {\n");
                text.Append("    label=").Append(Quote(Label(node))).Append(";\n");
                text.Append("    style=").Append(node.Condition is null ? "rounded" : "\"rounded,dashed\"").Append(";\n");
                var members = graph.Nodes.Where(n => n.Group == node.Id).ToList();
                foreach (var member in members)
                {
                    text.Append("    ").Append(Declaration(member)).Append('\n');
                }

                // An edge to or from a group is drawn to the border of its cluster, through its first or last node.
                var empty = node.Id + "_empty";
                if (members.Count == 0)
                {
                    text.Append("    ").Append(Quote(empty)).Append(" [shape=point, style=invis];\n");
                }

                anchors[node.Id] = members.Count == 0 ? (empty, empty) : (members[0].Id, members[^1].Id);
                text.Append("  }\n");
                continue;
            }

            text.Append("  ").Append(Declaration(node)).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            var attributes = new List<string>();
            var from = edge.From;
            var to = edge.To;
            if (anchors.TryGetValue(from, out var tail))
            {
                attributes.Add("ltail=" + Quote("cluster_" + from));
                from = tail.Last;
            }

            if (anchors.TryGetValue(to, out var head))
            {
                attributes.Add("lhead=" + Quote("cluster_" + to));
                to = head.First;
            }

            if (edge.AllowFailure)
            {
                attributes.Add("style=dashed");
                attributes.Add("label=\"allow failure\"");
            }
            else if (edge.Explicit)
            {
                attributes.Add("style=bold");
            }

            text.Append("  ").Append(Quote(from)).Append(" -> ").Append(Quote(to));
            if (attributes.Count > 0)
            {
                text.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            }

            text.Append(";\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Label(GraphNode node) => node.Condition is null ? node.Label : node.Label + "\n" + node.Condition;

    private static string Declaration(GraphNode node)
    {
        var shape = node.Kind switch
        {
            NodeKind.Wait => "shape=hexagon, style=solid",
            NodeKind.Block => "shape=invhouse, style=solid",
            NodeKind.Input => "shape=parallelogram, style=solid",
            NodeKind.Trigger => "shape=box3d, style=solid",
            NodeKind.External => "shape=box, style=dashed",
            _ => null,
        };
        var style = node.Condition is null ? null : node.Kind is NodeKind.Command or NodeKind.Unknown ? "style=\"rounded,dashed\"" : "style=dashed";
        var attributes = new List<string> { "label=" + Quote(Label(node)) };
        if (shape is not null)
        {
            attributes.Add(style is null ? shape : shape.Split(", ")[0]);
        }

        if (style is not null)
        {
            attributes.Add(style);
        }

        return Quote(node.Id) + " [" + string.Join(", ", attributes) + "];";
    }

    /// <summary>A DOT string: quotes and backslashes escaped, line breaks as <c>\n</c>.</summary>
    internal static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' or '\t' => " ",
                _ => char.IsControl(c) ? " " : c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
