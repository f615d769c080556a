using Buildkite.Dsl.Serialization;
using CsCheck;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Random node trees for the writers: maps, sequences (empty ones too), strings of arbitrary text (every Unicode
/// scalar, YAML indicators, line breaks, quotes, blanks at either end) and numbers, booleans and null in their
/// canonical text, up to four levels deep.
/// </summary>
internal static class NodeTrees
{
    /// <summary>Pieces that YAML treats specially.</summary>
    private static readonly Gen<string> Special = Gen.OneOf(
        "yes", "no", "on", "0123", "1.10", "1e3", "2024-01-02", "null", "~", "true", "<<", "=", "1:20",
        ": ", " #", "#", "- ", "-", "? ", "?", ":", "*", " *", "&", "!", "@", "%", "`", "|", ">", "[", "]", "{", "}", ",", "'", "\"",
        " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\uFEFF", "\0", "\u001B", "\u007F", "\u00A0",
        "\\", "\U0001F680", "---", "...", "a", "b c", "make test", "echo $$HOME");

    private static readonly Gen<string> Character = Gen.Frequency(
        (6, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (1, Gen.Char['\0', '\u00FF'].Select(c => c.ToString())),
        (1, Gen.Char['\u0100', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> Text = Gen.Frequency((3, Character), (2, Special)).Array[0, 10].Select(string.Concat);

    private static readonly Gen<Node> Other = Gen.OneOf<Node>(
        new ScalarNode("10", ScalarKind.Integer),
        new ScalarNode("-3", ScalarKind.Integer),
        new ScalarNode("1.5", ScalarKind.Float),
        new ScalarNode("true", ScalarKind.Boolean),
        new ScalarNode("false", ScalarKind.Boolean),
        ScalarNode.Null);

    private static readonly Gen<Node> Scalar = Gen.Frequency(
        (6, Text.Select(text => (Node)new ScalarNode(text, ScalarKind.String))),
        (1, Other));

    /// <summary>One to three documents, each a map.</summary>
    /// <param name="simpleKeys">Only keys YAML allows as implicit keys (one line, at most 1,024 characters); else also long and multi-line keys.</param>
    public static Gen<Node[]> Documents(bool simpleKeys) => Mapping(3, simpleKeys).Select(m => (Node)m).Array[1, 3];

    private static Gen<string> Key(bool simpleKeys) => simpleKeys
        ? Text.Where(IsSimple)
        : Gen.Frequency((3, Text), (1, Text.Select(t => t + new string('k', 1030))), (1, Text.Select(t => t + "\nline")));

    private static bool IsSimple(string key) => key.Length <= 1024 && key.AsSpan().IndexOfAny("\n\r\u0085\u2028\u2029") < 0;

    private static Gen<Node> Value(int depth, bool simpleKeys) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (2, Mapping(depth - 1, simpleKeys).Select(m => (Node)m)),
            (2, Value(depth - 1, simpleKeys).List[0, 4].Select(items => (Node)new SequenceNode(items))));

    private static Gen<MappingNode> Mapping(int depth, bool simpleKeys) =>
        Gen.Select(Key(simpleKeys), Value(depth, simpleKeys)).List[0, 5].Select(entries =>
        {
            var mapping = new MappingNode();
            foreach (var (key, value) in entries.DistinctBy(e => e.Item1, StringComparer.Ordinal))
            {
                mapping.Add(key, value);
            }

            return mapping;
        });
}
