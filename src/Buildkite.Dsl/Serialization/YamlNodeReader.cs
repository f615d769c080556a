using Buildkite.Dsl.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Parses YAML (or JSON, which the agent also reads as YAML) into <see cref="Node"/> trees the way the
/// agent does: anchors, aliases and merge keys resolved, duplicate keys last-wins, map keys made
/// canonical, plain scalars resolved by yaml.v3's rules. Every node keeps its location.
/// </summary>
internal sealed class YamlNodeReader
{
    /// <summary>
    /// The deepest nesting accepted, counted after aliases are followed (an alias of a deep node nests that deep
    /// again); deeper documents are rejected rather than risking the stack of every later step.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// The most nodes a document may expand to once aliases are followed; bounds "billion laughs" documents.
    /// Checked as each node is read, so such a document is rejected as soon as it grows past the limit.
    /// </summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>The longest text read, in UTF-16 code units (16 Mi; a pipeline of the 500 jobs an upload
    /// allows takes well under 1 Mi). Longer texts are rejected before they are parsed.</summary>
    public const int MaxTextLength = 16 * 1024 * 1024;

    private readonly string? _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anchorsInProgress = new(StringComparer.Ordinal);
    /// <summary>For every node read: the nodes it expands to and its height, both with aliases followed.</summary>
    private readonly Dictionary<Node, (long Size, int Height)> _expanded = new(ReferenceEqualityComparer.Instance);
    private GuardedParser _parser = null!;
    private string _text = string.Empty;

    private YamlNodeReader(string? file, List<Diagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads every document of the stream; problems go to <paramref name="diagnostics"/>.</summary>
    /// <returns>The documents' roots; empty when the text cannot be parsed.</returns>
    public static List<Node> ReadDocuments(string text, string? file, List<Diagnostic> diagnostics)
    {
        var reader = new YamlNodeReader(file, diagnostics);
        if (text.Length > MaxTextLength)
        {
            diagnostics.Add(new Diagnostic
            {
                Code = DiagnosticCodes.Unsupported,
                Severity = DiagnosticSeverity.Error,
                Message = $"The text is {text.Length:N0} characters long; texts longer than {MaxTextLength:N0} characters are not read.",
                Help = "A pipeline that large is not meant to be uploaded in one piece; split it into several uploads.",
                Location = new SourceLocation(file, 1, 1),
            });
            return [];
        }

        try
        {
            return reader.ReadStream(text);
        }
        catch (YamlException exception)
        {
            diagnostics.Add(new Diagnostic
            {
                Code = DiagnosticCodes.Syntax,
                Severity = DiagnosticSeverity.Error,
                Message = "The YAML cannot be parsed: " + CleanMessage(exception.Message),
                Location = reader.At(ProblemMark(exception)),
            });
            return [];
        }
        catch (TooDeepException exception)
        {
            diagnostics.Add(new Diagnostic
            {
                Code = DiagnosticCodes.Unsupported,
                Severity = DiagnosticSeverity.Error,
                Message = $"The YAML nests deeper than {MaxDepth} levels (counting the nodes its aliases repeat); no pipeline needs that many.",
                Location = exception.Location,
            });
            return [];
        }
        catch (TooLargeException exception)
        {
            diagnostics.Add(new Diagnostic
            {
                Code = DiagnosticCodes.Unsupported,
                Severity = DiagnosticSeverity.Error,
                Message = $"The document expands to more than {MaxExpandedNodes:N0} nodes once its aliases are followed; aliases that multiply like this are rejected.",
                Location = exception.Location,
            });
            return [];
        }
    }

    /// <summary>
    /// Where the problem is. YamlDotNet reports a tab that breaks indentation at the start of the scalar
    /// before it, one or more lines earlier; the tab itself is at the end mark.
    /// </summary>
    private static Mark ProblemMark(YamlException exception) =>
        exception.Message.Contains("tab character", StringComparison.Ordinal) ? exception.End : exception.Start;

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the location is reported separately.
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }

    private List<Node> ReadStream(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        _text = text;
        _parser = new GuardedParser(new Parser(new Scanner(new StringReader(text), skipComments: true)));
        _parser.Consume<StreamStart>();
        var documents = new List<Node>();
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            _anchors.Clear();
            _expanded.Clear();
            var root = ReadNode(depth: 0);
            _parser.Consume<DocumentEnd>();
            documents.Add(root);
        }

        _parser.Consume<StreamEnd>();
        return documents;
    }

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private Node ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TooDeepException(At(_parser.Current!.Start));
        }

        var current = _parser.Current!;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                var name = alias.Value.Value;
                if (_anchorsInProgress.Contains(name))
                {
                    throw new YamlException(alias.Start, alias.End, $"The alias *{name} refers to a node that contains it; recursive aliases are not allowed.");
                }

                if (!_anchors.TryGetValue(name, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"The alias *{name} refers to no anchor &{name} before it.");
                }

                if (depth + _expanded[target].Height > MaxDepth)
                {
                    throw new TooDeepException(At(alias.Start));
                }

                return target;
            case Scalar scalar:
                _parser.MoveNext();
                var node = ToScalarNode(scalar);
                _expanded[node] = (1, 0);
                Remember(scalar.Anchor, node);
                return node;
            case SequenceStart sequenceStart:
                return ReadSequence(sequenceStart, depth);
            case MappingStart mappingStart:
                return ReadMapping(mappingStart, depth);
            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }
    }

    private void Remember(AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private ScalarNode ToScalarNode(Scalar scalar)
    {
        var location = At(scalar.Start);
        if (scalar.Style == ScalarStyle.DoubleQuoted)
        {
            CheckEscapes(scalar, location);
        }

        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag == "tag:yaml.org,2002:str")
        {
            return new ScalarNode(scalar.Value, ScalarKind.String) { Location = location, Tag = tag };
        }

        if (tag is not null && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            if (scalar.Value.Length == 0)
            {
                _diagnostics.Add(new Diagnostic
                {
                    Code = DiagnosticCodes.AmbiguousScalar,
                    Severity = DiagnosticSeverity.Warning,
                    Message = $"YAML reads the unquoted '{tag}' as a tag, so the agent sees an empty value.",
                    Help = $"Quote the text: \"{tag}\".",
                    Location = location,
                });
            }
        }

        var (kind, canonical) = ScalarResolver.ResolvePlain(scalar.Value);
        return new ScalarNode(kind == ScalarKind.String ? scalar.Value : canonical, kind) { Location = location, Tag = tag };
    }

    /// <summary>
    /// Reports the escapes YamlDotNet accepts but the agent's parser (yaml.v3) rejects in a double-quoted
    /// scalar: <c>\/</c>, and <c>\uD83D\uDE80</c>-style surrogate halves, which JSON writers such as
    /// System.Text.Json produce for emoji. One problem is reported per scalar.
    /// </summary>
    private void CheckEscapes(Scalar scalar, SourceLocation location)
    {
        var start = (int)Math.Min(scalar.Start.Index, _text.Length);
        var end = (int)Math.Min(scalar.End.Index, _text.Length);
        for (var i = start; i < end - 1; i++)
        {
            if (_text[i] != '\\')
            {
                continue;
            }

            var next = _text[i + 1];
            if (next == '/')
            {
                Rejected(location, "'\\/'", "Write '/' without the backslash.");
                return;
            }

            if (next == 'u' && i + 6 <= end
                && int.TryParse(_text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code is >= 0xD800 and <= 0xDFFF)
            {
                Rejected(location, $"'\\u{code:X4}', half of a UTF-16 surrogate pair,", "Write the character itself in UTF-8, or as \\U and eight hex digits (\\U0001F680).");
                return;
            }

            i++;
        }
    }

    private void Rejected(SourceLocation location, string escape, string help) =>
        _diagnostics.Add(new Diagnostic
        {
            Code = DiagnosticCodes.Syntax,
            Severity = DiagnosticSeverity.Error,
            Message = $"The escape {escape} is valid JSON, but the agent's YAML parser rejects it and the upload fails.",
            Help = help,
            Location = location,
        });

    private SequenceNode ReadSequence(SequenceStart start, int depth)
    {
        _parser.MoveNext();
        var items = new List<Node>();
        var node = new SequenceNode(items) { Location = At(start.Start) };
        var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
        if (anchor is not null)
        {
            _anchorsInProgress.Add(anchor);
        }

        long size = 1;
        var height = 0;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var item = ReadNode(depth + 1);
            items.Add(item);
            var (itemSize, itemHeight) = _expanded[item];
            size = Grow(size, itemSize, node.Location);
            height = Math.Max(height, itemHeight + 1);
        }

        _expanded[node] = (size, height);
        if (anchor is not null)
        {
            _anchorsInProgress.Remove(anchor);
        }

        Remember(start.Anchor, node);
        return node;
    }

    private MappingNode ReadMapping(MappingStart start, int depth)
    {
        _parser.MoveNext();
        var location = At(start.Start);
        var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
        if (anchor is not null)
        {
            _anchorsInProgress.Add(anchor);
        }

        // Entries as written; a merge entry has a null key.
        var written = new List<(string? Key, Node Value, SourceLocation KeyLocation)>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            var keyLocation = At(keyEvent.Start);
            if (keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "<<" } mergeKey
                && (mergeKey.Tag.IsEmpty || mergeKey.Tag.Value == "tag:yaml.org,2002:merge"))
            {
                _parser.MoveNext();
                written.Add((null, ReadNode(depth + 1), keyLocation));
                continue;
            }

            var keyNode = ReadNode(depth + 1);
            var key = CanonicalKey(keyNode, keyEvent);
            written.Add((key, ReadNode(depth + 1), keyLocation));
        }

        var entries = Merge(written);
        var node = new MappingNode(entries) { Location = location };
        long size = 1;
        var height = 0;
        foreach (var entry in entries)
        {
            var (valueSize, valueHeight) = _expanded[entry.Value];
            size = Grow(size, valueSize + 1, location);
            height = Math.Max(height, valueHeight + 1);
        }

        _expanded[node] = (size, height);
        if (anchor is not null)
        {
            _anchorsInProgress.Remove(anchor);
        }

        Remember(start.Anchor, node);
        return node;
    }

    private static string CanonicalKey(Node keyNode, ParsingEvent keyEvent)
    {
        if (keyNode is not ScalarNode scalar)
        {
            throw new YamlException(keyEvent.Start, keyEvent.End, "A map key must be a plain value, not a list or a map.");
        }

        return scalar.Kind switch
        {
            ScalarKind.Null => throw new YamlException(keyEvent.Start, keyEvent.End, "A map key is null; the agent rejects null keys. Quote it if the text 'null' or '~' is meant."),
            ScalarKind.Float => double.TryParse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number.ToString("0.000000e+00", System.Globalization.CultureInfo.InvariantCulture)
                : scalar.Text,
            _ => scalar.Text,
        };
    }

    /// <summary>
    /// Applies merge keys and duplicate keys the way yaml.v3 does: explicit keys win over merged ones,
    /// earlier merge sources win over later ones, merged keys take the place of the <c>&lt;&lt;</c> entry,
    /// and a repeated key keeps its first place with its last value.
    /// </summary>
    private static List<MappingEntry> Merge(List<(string? Key, Node Value, SourceLocation KeyLocation)> written)
    {
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _, _) in written)
        {
            if (key is not null)
            {
                explicitKeys.Add(key);
            }
        }

        var entries = new List<MappingEntry>(written.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value, keyLocation) in written)
        {
            if (key is not null)
            {
                if (positions.TryGetValue(key, out var position))
                {
                    entries[position] = new(key, value, entries[position].KeyLocation);
                }
                else
                {
                    positions[key] = entries.Count;
                    entries.Add(new(key, value, keyLocation));
                }

                continue;
            }

            var sources = value switch
            {
                MappingNode map => [map],
                SequenceNode sequence when sequence.Items.All(item => item is MappingNode) => sequence.Items.Cast<MappingNode>().ToList(),
                _ => throw new YamlException(
                    new Mark(0, keyLocation.Line, keyLocation.Column),
                    new Mark(0, keyLocation.Line, keyLocation.Column),
                    "A merge key (<<) takes a map or a list of maps, not a scalar."),
            };
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries)
                {
                    if (!explicitKeys.Contains(entry.Key) && !positions.ContainsKey(entry.Key))
                    {
                        positions[entry.Key] = entries.Count;
                        entries.Add(entry);
                    }
                }
            }
        }

        return entries;
    }

    /// <summary>Adds a child's expanded size to its parent's, and stops the reading once it is too large.</summary>
    private static long Grow(long size, long childSize, SourceLocation? location)
    {
        var grown = size + childSize;
        return grown > MaxExpandedNodes ? throw new TooLargeException(location) : grown;
    }

    /// <summary>
    /// YamlDotNet's parser, with the exceptions other than <see cref="YamlException"/> that it throws on some
    /// malformed input (an InvalidOperationException from its scanner, found by fuzzing) turned into a
    /// <see cref="YamlException"/> at the last place it read.
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (Exception exception) when (exception is not YamlException)
            {
                var mark = inner.Current?.End ?? Mark.Empty;
                throw new YamlException(mark, mark, "The text after this point is malformed; the YAML parser cannot read it.", exception);
            }
        }
    }

    private sealed class TooDeepException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    private sealed class TooLargeException(SourceLocation? location) : Exception
    {
        public SourceLocation? Location { get; } = location;
    }
}
