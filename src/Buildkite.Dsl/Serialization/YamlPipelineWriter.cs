using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Prints node trees as YAML with YamlDotNet's event emitter. Strings that YAML would read as another
/// type (<c>yes</c>, <c>0123</c>, <c>1.10</c>, <c>2024-01-02</c>, <c>null</c>) are quoted; the emitter
/// quotes what YAML syntax requires (<c>: </c>, <c> #</c>, leading indicators); text with line breaks is a
/// literal block where YAML allows one.
/// </summary>
internal static class YamlPipelineWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: false,
        newLine: "\n");

    /// <summary>Prints one or more documents; more than one are separated by <c>---</c>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Node> documents)
    {
        var emitter = new Emitter(output, Settings);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: documents.Count == 1));
            Emit(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
    }

    private static void Emit(IEmitter emitter, Node node)
    {
        switch (node)
        {
            case MappingNode mapping:
                var mappingStyle = mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mappingStyle));
                foreach (var entry in mapping.Entries)
                {
                    EmitString(emitter, entry.Key);
                    Emit(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case SequenceNode sequence:
                var style = sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, style));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                EmitString(emitter, scalar.Text);
                break;
            case ScalarNode scalar:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType()}.");
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal)
                ? (IsSafeLiteralBlock(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted)
            : ScalarResolver.NeedsQuotes(text) || HasEdgeWhitespaceOrControl(text) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: style == ScalarStyle.Plain, isQuotedImplicit: true));
    }

    /// <summary>
    /// Whether a literal block (<c>|</c>) carries the text exactly. Leading white space would need an
    /// indentation indicator, trailing white space on a line and runs of final line breaks depend on chomping,
    /// and control characters cannot stand in a block; YamlDotNet's emitter gets some of these wrong, so such
    /// text is double-quoted instead.
    /// </summary>
    private static bool IsSafeLiteralBlock(string text)
    {
        if (text[0] is ' ' or '\t' or '\n' || text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' && (i + 1 == text.Length || text[i + 1] == '\n'))
            {
                return false;
            }

            if (c != '\n' && c != '\t' && char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a one-line string has white space at either end, a tab or a control character, which a plain scalar cannot keep.</summary>
    private static bool HasEdgeWhitespaceOrControl(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(char.IsControl);
}
