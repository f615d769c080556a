using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Prints node trees as JSON that the agent accepts. The agent parses JSON with its YAML parser, so
/// characters outside the Basic Multilingual Plane (emoji) are written raw in UTF-8, never as surrogate
/// pair escapes, <c>/</c> is never escaped, and characters YAML does not allow raw (control
/// characters, line separators, <c>U+FEFF</c>) are written as <c>\uXXXX</c>.
/// </summary>
/// <remarks>
/// Hand-written because System.Text.Json escapes non-BMP characters as surrogate pairs with every
/// built-in encoder, and the agent rejects those (buildkite/agent#1798).
/// </remarks>
internal static class JsonPipelineWriter
{
    public static void Write(StringBuilder output, Node node) => Write(output, node, 0);

    private static void Write(StringBuilder output, Node node, int indent)
    {
        switch (node)
        {
            case MappingNode mapping:
                if (mapping.Entries.Count == 0)
                {
                    output.Append("{}");
                    return;
                }

                output.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    output.Append(i == 0 ? "\n" : ",\n");
                    Indent(output, indent + 1);
                    WriteString(output, mapping.Entries[i].Key);
                    output.Append(": ");
                    Write(output, mapping.Entries[i].Value, indent + 1);
                }

                output.Append('\n');
                Indent(output, indent);
                output.Append('}');
                break;
            case SequenceNode sequence:
                if (sequence.Items.Count == 0)
                {
                    output.Append("[]");
                    return;
                }

                output.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    output.Append(i == 0 ? "\n" : ",\n");
                    Indent(output, indent + 1);
                    Write(output, sequence.Items[i], indent + 1);
                }

                output.Append('\n');
                Indent(output, indent);
                output.Append(']');
                break;
            case ScalarNode scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.String:
                    case ScalarKind.Timestamp:
                        WriteString(output, scalar.Text);
                        break;
                    case ScalarKind.Null:
                        output.Append("null");
                        break;
                    default:
                        output.Append(scalar.Text);
                        break;
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType()}.");
        }
    }

    private static void Indent(StringBuilder output, int level) => output.Append(' ', level * 2);

    private static void WriteString(StringBuilder output, string text)
    {
        output.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' or '\u007F' or (>= '\u0080' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                    => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            output.Append(text, start, i - start).Append(escape);
            start = i + 1;
        }

        output.Append(text, start, text.Length - start).Append('"');
    }
}
