using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// A node of the ordered tree between the model and the text formats: the writer maps the model to
/// nodes and prints them as YAML or JSON; the reader parses text into nodes (with locations) and maps
/// them to the model.
/// </summary>
internal abstract class Node
{
    /// <summary>Where the node starts in the source text, for nodes that were read.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>The type a scalar resolves to, by the rules of the YAML library the agent uses (yaml.v3).</summary>
internal enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
    Timestamp,
}

/// <summary>A string, number, boolean or null.</summary>
internal sealed class ScalarNode : Node
{
    public ScalarNode(string text, ScalarKind kind)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>
    /// The text as the agent receives it: for strings the characters themselves (with <c>$$</c> escapes
    /// for the writer), for other kinds the canonical YAML text (<c>10</c>, <c>true</c>, <c>~</c>).
    /// </summary>
    public string Text { get; }

    public ScalarKind Kind { get; }

    /// <summary>For read nodes: the explicit tag, such as <c>!build.pull_request.draft</c>, if any.</summary>
    public string? Tag { get; init; }

    public static ScalarNode Null { get; } = new("~", ScalarKind.Null);

    public static ScalarNode True { get; } = new("true", ScalarKind.Boolean);

    public static ScalarNode False { get; } = new("false", ScalarKind.Boolean);

    public bool IsNull => Kind == ScalarKind.Null;
}

/// <summary>A list of nodes.</summary>
internal sealed class SequenceNode : Node
{
    public SequenceNode(List<Node> items) => Items = items;

    public List<Node> Items { get; }
}

/// <summary>One entry of a <see cref="MappingNode"/>.</summary>
/// <remarks>
/// A class, not a struct: lists and enumerators of a struct of this assembly are compiled by the JIT at start-up
/// (ReadyToRun code of the framework's generics is shared only for reference types), which costs a run of the
/// pipeline generator several milliseconds.
/// </remarks>
internal sealed record MappingEntry(string Key, Node Value, SourceLocation? KeyLocation);

/// <summary>A map with string keys, in order.</summary>
internal sealed class MappingNode : Node
{
    public MappingNode(List<MappingEntry> entries) => Entries = entries;

    public MappingNode()
        : this([])
    {
    }

    public MappingNode(int capacity)
        : this(new List<MappingEntry>(capacity))
    {
    }

    public List<MappingEntry> Entries { get; }

    public void Add(string key, Node value) => Entries.Add(new(key, value, null));

    public Node? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public bool ContainsKey(string key) => this[key] is not null;
}
