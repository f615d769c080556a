using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>A comment of the YAML: its place, its text without <c>#</c>, and whether code stands before it on its line.</summary>
internal sealed record YamlComment(int Line, int Column, string Text, bool Inline);

/// <summary>
/// What the import takes from the YAML text besides the pipeline itself: the node trees with locations, the
/// anchors (to name shared values after them) and the comments (to keep them next to what they describe).
/// </summary>
internal sealed class YamlSource
{
    private readonly Dictionary<Node, string> _anchors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, (string Anchor, string Key)> _merged = new(ReferenceEqualityComparer.Instance);

    private YamlSource(List<Node> documents, List<YamlComment> comments)
    {
        Documents = documents;
        Comments = comments;
    }

    /// <summary>The documents as the agent reads them (anchors resolved; an alias is the same node object as its anchor).</summary>
    public List<Node> Documents { get; }

    /// <summary>Every comment, in order.</summary>
    public List<YamlComment> Comments { get; }

    public static YamlSource Read(string text, string? file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var documents = YamlNodeReader.ReadDocuments(text, file, []);
        var source = new YamlSource(documents, ReadComments(text));
        var anchored = new Dictionary<(int Line, int Column), string>();
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        while (parser.MoveNext())
        {
            if (parser.Current is NodeEvent { Anchor.IsEmpty: false } node)
            {
                anchored.TryAdd(((int)node.Start.Line, (int)node.Start.Column), node.Anchor.Value);
            }
        }

        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            source.Index(document, anchored, seen);
        }

        return source;
    }

    /// <summary>The anchor a node was defined with, if any.</summary>
    public string? AnchorOf(Node? node) => node is not null && _anchors.TryGetValue(node, out var name) ? name : null;

    /// <summary>For a value that came into a map through a merge key (<c>&lt;&lt;: *defaults</c>): the anchor of the map it came from and its key.</summary>
    public (string Anchor, string Key)? MergedFrom(Node? node) => node is not null && _merged.TryGetValue(node, out var from) ? from : null;

    /// <summary>Whether a node or anything in it was defined with an anchor.</summary>
    public bool HasAnchor(Node node) => node switch
    {
        _ when _anchors.ContainsKey(node) => true,
        MappingNode map => map.Entries.Any(e => HasAnchor(e.Value)),
        SequenceNode list => list.Items.Any(HasAnchor),
        _ => false,
    };

    private void Index(Node node, Dictionary<(int Line, int Column), string> anchored, HashSet<Node> seen)
    {
        if (!seen.Add(node))
        {
            return;
        }

        if (node.Location is { } location && anchored.TryGetValue((location.Line, location.Column), out var name))
        {
            _anchors[node] = name;
            if (node is MappingNode anchoredMap)
            {
                foreach (var entry in anchoredMap.Entries)
                {
                    _merged.TryAdd(entry.Value, (name, entry.Key));
                }
            }
        }

        switch (node)
        {
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    Index(entry.Value, anchored, seen);
                }

                break;
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    Index(item, anchored, seen);
                }

                break;
            default:
                break;
        }
    }

    private static List<YamlComment> ReadComments(string text)
    {
        var comments = new List<YamlComment>();
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is YamlDotNet.Core.Tokens.Comment comment)
                {
                    comments.Add(new YamlComment((int)comment.Start.Line, (int)comment.Start.Column, comment.Value.Trim(), comment.IsInline));
                }
            }
        }
        catch (YamlException)
        {
            // The reader reports syntax errors; comments are best effort.
        }

        return comments;
    }

    /// <summary>The place of a step or an attribute, for attaching comments.</summary>
    public static SourceLocation? Where(Node? node) => node?.Location;
}
