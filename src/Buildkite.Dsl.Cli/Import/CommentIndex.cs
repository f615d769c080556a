using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>
/// Attaches the YAML's comments to the steps and attributes they describe: a comment on its own line to the next
/// step or attribute at the same or a smaller indentation, a comment after code to the attribute on its line (or
/// the one it stands in), comments before everything to the script's header and after everything to its end.
/// </summary>
internal sealed class CommentIndex
{
    /// <summary>The target of comments before the first step or attribute.</summary>
    public const string Header = "#header";

    /// <summary>The target of comments after the last one.</summary>
    public const string End = "#end";

    private readonly Dictionary<string, List<string>> _comments = new(StringComparer.Ordinal);

    private CommentIndex()
    {
    }

    /// <summary>Builds the index; targets are <c>d:steps[i]</c>, <c>d:steps[i]#attribute</c> and <c>d:#attribute</c> for document d.</summary>
    public static CommentIndex Build(YamlSource source)
    {
        var points = new List<(int Line, int Column, int Order, string Target)>();
        for (var d = 0; d < source.Documents.Count; d++)
        {
            Points(source.Documents[d], d, points);
        }

        var sorted = points.OrderBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Order).ToList();
        var index = new CommentIndex();
        foreach (var comment in source.Comments)
        {
            string target;
            var previous = sorted.LastOrDefault(p => p.Line < comment.Line || (p.Line == comment.Line && p.Column < comment.Column));
            var next = sorted.FirstOrDefault(p => p.Line > comment.Line);
            if (comment.Inline)
            {
                target = previous.Target ?? Header;
            }
            else if (next.Target is null)
            {
                target = End;
            }
            else if (previous.Target is null)
            {
                target = Header;
            }
            else
            {
                // Deeper than what follows: the comment stands inside the previous attribute's value.
                target = comment.Column <= next.Column ? next.Target : previous.Target;
            }

            if (!index._comments.TryGetValue(target, out var list))
            {
                index._comments[target] = list = [];
            }

            list.Add(comment.Text);
        }

        return index;
    }

    /// <summary>Takes the comments of a target, once.</summary>
    public List<string> Take(string target)
    {
        if (_comments.Remove(target, out var list))
        {
            return list;
        }

        return [];
    }

    /// <summary>Takes the comments of every target that starts with <paramref name="prefix"/>, in target order.</summary>
    public List<string> TakeAll(string prefix)
    {
        var targets = _comments.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return targets.SelectMany(Take).ToList();
    }

    /// <summary>Takes every comment not taken yet.</summary>
    public List<string> TakeRest() => TakeAll(string.Empty);

    private static void Points(Node root, int document, List<(int Line, int Column, int Order, string Target)> points)
    {
        var order = 0;
        void Add(Buildkite.Dsl.Validation.SourceLocation? location, string target)
        {
            if (location is { } place)
            {
                points.Add((place.Line, place.Column, order++, $"{document}:{target}"));
            }
        }

        SequenceNode? steps;
        if (root is MappingNode map)
        {
            foreach (var entry in map.Entries)
            {
                Add(entry.KeyLocation, "#" + entry.Key);
            }

            steps = map["steps"] as SequenceNode;
        }
        else
        {
            steps = root as SequenceNode;
        }

        for (var i = 0; i < (steps?.Items.Count ?? 0); i++)
        {
            var step = steps!.Items[i];
            var path = $"steps[{i}]";
            Add(step.Location, path);
            if (PipelineImporter.AttributesOf(step) is not { } attributes)
            {
                continue;
            }

            foreach (var entry in attributes.Entries)
            {
                Add(entry.KeyLocation, path + "#" + entry.Key);
            }

            if (attributes["steps"] is SequenceNode children)
            {
                for (var j = 0; j < children.Items.Count; j++)
                {
                    var child = children.Items[j];
                    var childPath = $"{path}.steps[{j}]";
                    Add(child.Location, childPath);
                    if (PipelineImporter.AttributesOf(child) is { } childAttributes)
                    {
                        foreach (var entry in childAttributes.Entries)
                        {
                            Add(entry.KeyLocation, childPath + "#" + entry.Key);
                        }
                    }
                }
            }
        }
    }
}
