using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Cli.Meaning;

namespace Buildkite.Dsl.Cli.Graph;

/// <summary>What a node of the step graph stands for; the writers choose its shape from this.</summary>
internal enum NodeKind
{
    Command,
    Wait,
    Block,
    Input,
    Trigger,
    Group,
    External,
    Unknown,
}

/// <summary>A step (or a group, or a key that no step of the pipeline has) in the graph.</summary>
/// <param name="Id">An identifier safe in Mermaid and DOT: <c>s0</c>, <c>s2_1</c>, <c>x0</c>.</param>
/// <param name="Label">The text shown: the step's label, else its key, else its command or type.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="Condition">The step's <c>if</c> or <c>branches</c>, shown and marked; <see langword="null"/> when it always runs.</param>
/// <param name="Group">The id of the group it stands in, or <see langword="null"/>.</param>
internal sealed record GraphNode(string Id, string Label, NodeKind Kind, string? Condition, string? Group);

/// <summary>An edge: <paramref name="From"/> must finish before <paramref name="To"/> starts.</summary>
/// <param name="From">The node or group that comes first.</param>
/// <param name="To">The node or group that waits for it.</param>
/// <param name="Explicit">Whether it is a <c>depends_on</c> (else the order a wait or block step makes).</param>
/// <param name="AllowFailure">Whether the dependency allows the first step to fail (<c>allow_failure</c>).</param>
internal sealed record GraphEdge(string From, string To, bool Explicit, bool AllowFailure);

/// <summary>
/// The steps of a pipeline and the order between them: explicit <c>depends_on</c> edges, and the implicit order
/// of wait and block steps, drawn through the wait or block step itself (everything before it up to the
/// previous one leads to it, and it leads to everything after it up to the next one).
/// </summary>
/// <remarks>
/// A step with <c>depends_on: []</c> (or <c>~</c>) starts at once and gets no edge from the wait before it; an input
/// step does not hold later steps back. A group is one unit in the order around it, and the waits inside it order
/// its own steps. Several uploads (YAML documents) are each ordered on their own; keys are shared by the build.
/// </remarks>
internal sealed class StepGraph
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _external = new(StringComparer.Ordinal);

    private StepGraph()
    {
    }

    /// <summary>Every node, groups included, in pipeline order.</summary>
    public List<GraphNode> Nodes { get; } = [];

    /// <summary>Every edge, implicit ones first.</summary>
    public List<GraphEdge> Edges { get; } = [];

    /// <summary>Builds the graph of one or more uploads.</summary>
    public static StepGraph Build(IReadOnlyList<AgentPipeline> uploads)
    {
        var graph = new StepGraph();
        var ids = new Dictionary<AgentStep, string>();
        for (var u = 0; u < uploads.Count; u++)
        {
            foreach (var step in uploads[u].AllSteps())
            {
                var id = Id(u, uploads.Count, step);
                ids[step] = id;
                graph.Nodes.Add(new GraphNode(id, LabelOf(step), KindOf(step), ConditionOf(step), step.Parent is null ? null : ids[step.Parent]));
                if (step.Key is not null)
                {
                    graph._keys.TryAdd(step.Key, id);
                }
            }
        }

        foreach (var upload in uploads)
        {
            graph.Order(upload.Steps, ids);
        }

        foreach (var upload in uploads)
        {
            foreach (var step in upload.AllSteps())
            {
                graph.Depend(step, ids[step]);
            }
        }

        return graph;
    }

    /// <summary>The groups, with the ids of the nodes in each.</summary>
    public IEnumerable<(GraphNode Group, List<GraphNode> Members)> Groups() =>
        Nodes.Where(n => n.Kind == NodeKind.Group).Select(g => (g, Nodes.Where(n => n.Group == g.Id).ToList()));

    private static string Id(int upload, int uploads, AgentStep step)
    {
        var prefix = uploads > 1 ? string.Create(CultureInfo.InvariantCulture, $"u{upload}_") : string.Empty;
        return step.Parent is null
            ? string.Create(CultureInfo.InvariantCulture, $"{prefix}s{step.Index}")
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}s{step.Parent.Index}_{step.Index}");
    }

    private void Order(List<AgentStep> steps, Dictionary<AgentStep, string> ids)
    {
        string? barrier = null;
        var since = new List<string>();
        foreach (var step in steps)
        {
            var id = ids[step];
            var startsAtOnce = step.Attributes["depends_on"] is JsonArray { Count: 0 };
            if (step.Type is "wait" or "block")
            {
                if (!startsAtOnce)
                {
                    if (since.Count == 0 && barrier is not null)
                    {
                        Edges.Add(new GraphEdge(barrier, id, Explicit: false, AllowFailure: false));
                    }

                    foreach (var before in since)
                    {
                        Edges.Add(new GraphEdge(before, id, Explicit: false, AllowFailure: false));
                    }
                }

                barrier = id;
                since.Clear();
            }
            else
            {
                if (barrier is not null && !startsAtOnce)
                {
                    Edges.Add(new GraphEdge(barrier, id, Explicit: false, AllowFailure: false));
                }

                since.Add(id);
            }

            if (step.Type == "group")
            {
                Order(step.Steps, ids);
            }
        }
    }

    private void Depend(AgentStep step, string id)
    {
        if (step.Attributes["depends_on"] is not JsonArray dependencies)
        {
            return;
        }

        foreach (var dependency in dependencies)
        {
            var (key, allowFailure) = dependency switch
            {
                JsonObject edge => (edge["step"]?.GetValue<string>() ?? string.Empty, edge["allow_failure"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True),
                JsonValue value when value.GetValueKind() == JsonValueKind.String => (value.GetValue<string>(), false),
                _ => (string.Empty, false),
            };
            if (key.Length == 0)
            {
                continue;
            }

            if (!_keys.TryGetValue(key, out var from))
            {
                if (!_external.TryGetValue(key, out from))
                {
                    from = string.Create(CultureInfo.InvariantCulture, $"x{_external.Count}");
                    _external[key] = from;
                    Nodes.Add(new GraphNode(from, AgentStep.Visible(key) + " (not in this pipeline)", NodeKind.External, null, null));
                }
            }

            Edges.Add(new GraphEdge(from, id, Explicit: true, allowFailure));
        }
    }

    private static string LabelOf(AgentStep step)
    {
        if (step.Type == "wait")
        {
            var label = step.Label is { Length: > 0 } waitLabel ? AgentStep.Visible(waitLabel) : "wait";
            return step.Attributes["continue_on_failure"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True
                ? label + " (continue on failure)"
                : label;
        }

        if (step.Label is { Length: > 0 } text)
        {
            return AgentStep.Visible(text);
        }

        if (step.Key is not null)
        {
            return AgentStep.Visible(step.Key);
        }

        if (step.Type == "trigger" && step.Attributes["trigger"] is JsonValue slug && slug.GetValueKind() == JsonValueKind.String)
        {
            return "trigger " + AgentStep.Visible(slug.GetValue<string>());
        }

        if (step.Attributes["command"] is JsonValue command && command.GetValueKind() == JsonValueKind.String)
        {
            var line = AgentStep.Visible(command.GetValue<string>()).Split('\n')[0];
            return line.Length > 40 ? line[..37] + "..." : line;
        }

        return step.Type;
    }

    private static NodeKind KindOf(AgentStep step) => step.Type switch
    {
        "command" => NodeKind.Command,
        "wait" => NodeKind.Wait,
        "block" => NodeKind.Block,
        "input" => NodeKind.Input,
        "trigger" => NodeKind.Trigger,
        "group" => NodeKind.Group,
        _ => NodeKind.Unknown,
    };

    private static string? ConditionOf(AgentStep step)
    {
        if (step.Attributes["if"] is JsonValue condition && condition.GetValueKind() == JsonValueKind.String)
        {
            return "if " + AgentStep.Visible(condition.GetValue<string>());
        }

        if (step.Attributes["branches"] is JsonArray branches)
        {
            return "branches " + string.Join(' ', branches.Select(b => b is JsonValue v && v.GetValueKind() == JsonValueKind.String ? AgentStep.Visible(v.GetValue<string>()) : b?.ToJsonString()));
        }

        return null;
    }
}
