using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Prints node trees as YAML with YamlDotNet's event emitter. Strings that YAML would read as another
/// type (<c>yes</c>, <c>0123</c>, <c>1.10</c>, <c>2024-01-02</c>, <c>null</c>) are double-quoted, and so is
/// text with tabs, control characters or characters YAML treats as line breaks; the emitter quotes what YAML
/// syntax requires (<c>: </c>, <c> #</c>, leading indicators); text with line breaks is a literal block where
/// that reads back exactly.
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
                    EmitString(emitter, entry.Key, isKey: true);
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

    private static void EmitString(IEmitter emitter, string text, bool isKey = false)
    {
        var style = StyleOf(text, isKey);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: style == ScalarStyle.Plain, isQuotedImplicit: true));
    }

    /// <summary>
    /// Chooses how a string is written so that the agent (gopkg.in/yaml.v3) reads exactly the same characters.
    /// </summary>
    /// <remarks>
    /// Left to choose, YamlDotNet's emitter writes a text that starts or ends with a tab plain, where YAML drops
    /// the tab; it puts CR, NEL (U+0085), U+2028 and U+2029 raw into block or single-quoted scalars, where YAML
    /// reads them as line breaks; and it writes a text of only line breaks as a block scalar that reads back
    /// empty. Such text is double-quoted: there the emitter escapes line breaks and control characters, and a
    /// BOM, which it leaves raw, is allowed. So is a map key with <c> *</c> in it: YAML allows <c>a *b: x</c>,
    /// but YamlDotNet's parser (the reader's) fails on it.
    /// </remarks>
    internal static ScalarStyle StyleOf(string text, bool isKey)
    {
        if (HasCharacterToEscape(text))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return !isKey && CanBeLiteralBlock(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        return ScalarResolver.NeedsQuotes(text) || text.Contains('\t', StringComparison.Ordinal)
            || (isKey && text.Contains(" *", StringComparison.Ordinal))
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Plain;
    }

    /// <summary>
    /// Whether the text holds a character that must be escaped: a control character other than tab and line
    /// feed (CR included), a character YAML reads as a line break (NEL, U+2028, U+2029), a BOM, or a noncharacter.
    /// </summary>
    private static bool HasCharacterToEscape(string text)
    {
        foreach (var c in text)
        {
            if (c is (< ' ' and not '\t' and not '\n') or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a multi-line text reads back exactly from a literal block (<c>|</c>): it starts with a visible
    /// character (no indentation indicator needed), and its last line has visible text without trailing blanks.
    /// </summary>
    private static bool CanBeLiteralBlock(string text)
    {
        var body = text.TrimEnd('\n');
        return body.Length > 0 && text[0] is not (' ' or '\t' or '\n') && body[^1] is not (' ' or '\t');
    }
}
