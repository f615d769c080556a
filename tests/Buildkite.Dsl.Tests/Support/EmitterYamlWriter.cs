using Buildkite.Dsl.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// The reference the library's own <see cref="YamlPipelineWriter"/> is compared with: the same node trees printed
/// by YamlDotNet's event emitter, with the same choice of styles (the library's <see cref="YamlPipelineWriter.StyleOf"/>).
/// The library wrote YAML this way until the hand-written writer replaced it for speed; the differential tests
/// (<c>YamlWriterDifferentialTests</c>) require both to print the same bytes.
/// </summary>
/// <remarks>
/// Prints node trees as YAML with YamlDotNet's event emitter. Strings that YAML would read as another
/// type (<c>yes</c>, <c>0123</c>, <c>1.10</c>, <c>2024-01-02</c>, <c>null</c>) are double-quoted, and so is
/// text with tabs, control characters or characters YAML treats as line breaks; the emitter quotes what YAML
/// syntax requires (<c>: </c>, <c> #</c>, leading indicators); text with line breaks is a literal block where
/// that reads back exactly.
/// </remarks>
internal static class EmitterYamlWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: false,
        newLine: "\n");

    /// <summary>Prints one or more documents into a string.</summary>
    public static string Write(IReadOnlyList<Node> documents)
    {
        var output = new StringWriter { NewLine = "\n" };
        Write(output, documents);
        return output.ToString();
    }

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
        var style = YamlPipelineWriter.StyleOf(text, isKey) switch
        {
            YamlStyle.Literal => ScalarStyle.Literal,
            YamlStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            _ => ScalarStyle.Plain,
        };
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: style == ScalarStyle.Plain, isQuotedImplicit: true));
    }
}
