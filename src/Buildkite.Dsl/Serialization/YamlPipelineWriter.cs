using System.Buffers;
using System.Globalization;

namespace Buildkite.Dsl.Serialization;

/// <summary>How a string is written in YAML.</summary>
internal enum YamlStyle
{
    /// <summary>As it is: <c>make test</c>.</summary>
    Plain,

    /// <summary>Between single quotes, a quote doubled: <c>'a: b'</c>.</summary>
    SingleQuoted,

    /// <summary>Between double quotes, with escapes: <c>"yes"</c>, <c>"a\tb"</c>.</summary>
    DoubleQuoted,

    /// <summary>A literal block (<c>|</c>): every line as it is, indented.</summary>
    Literal,
}

/// <summary>
/// Prints node trees as YAML. Strings that YAML would read as another type (<c>yes</c>, <c>0123</c>, <c>1.10</c>,
/// <c>2024-01-02</c>, <c>null</c>) are double-quoted, and so is text with tabs, control characters, characters YAML
/// treats as line breaks, or characters outside the Basic Multilingual Plane (emoji, as <c>\U0001F680</c>); text
/// that YAML syntax would cut or change as a plain scalar (<c>: </c>, <c> #</c>, leading indicators, spaces at either
/// end) is single-quoted, or double-quoted when it holds a <c>'</c>; text with line breaks is a literal block where
/// that reads back exactly.
/// </summary>
/// <remarks>
/// <para>
/// Hand-written for speed. The library used YamlDotNet's event emitter here; that emitter writes about 40–80 MB/s and,
/// on first use, compiles a regular expression and loads most of YamlDotNet, which costs tens of milliseconds of
/// every pipeline generator's start. This writer writes several hundred MB/s into one buffer and needs no warm-up.
/// </para>
/// <para>
/// It prints byte for byte what YamlDotNet's emitter (18.x, block style, indent 2, sequences not indented, no line
/// folding) prints for the same events, so the emitter stays the reference: the tests keep it
/// (<c>tests/Buildkite.Dsl.Tests/Support/EmitterYamlWriter.cs</c>) and require both writers to agree on the golden
/// pipelines and on a large random corpus of trees and texts, besides parsing every output back with an
/// independent parser. The one place they differ on purpose is a map key of more than 1,024 characters or with a
/// line break, which both write as an explicit <c>? key</c>; the emitter's layout of what follows such a key is
/// matched, but compared by meaning only.
/// </para>
/// </remarks>
internal static class YamlPipelineWriter
{
    /// <summary>YAML's limit for an implicit key; longer keys are written as explicit <c>? key</c>.</summary>
    private const int MaxSimpleKeyLength = 1024;

    /// <summary>Prints one or more documents; more than one are separated by <c>---</c>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Node> documents)
    {
        using var text = new YamlText();
        WriteDocuments(text, documents);
        text.CopyTo(output);
    }

    /// <summary>Prints one or more documents into a string.</summary>
    public static string Write(IReadOnlyList<Node> documents)
    {
        using var text = new YamlText();
        WriteDocuments(text, documents);
        return text.ToString();
    }

    /// <summary>
    /// One document written piece by piece: the root map's entries, then its <c>steps</c> one item at a time, as
    /// <see cref="StepMapper.WriteYaml"/> makes them. The text is exactly what <see cref="Write(IReadOnlyList{Node})"/>
    /// prints for the whole tree.
    /// </summary>
    internal sealed class Document : IDisposable
    {
        private readonly YamlText _text = new();

        /// <summary>Writes the root map's entries from <paramref name="start"/> to its end, at the left margin.</summary>
        public void WriteEntries(MappingNode root, int start) => WriteMappingEntries(_text, root, 0, firstInline: false, start);

        /// <summary>Writes <c>key:</c> of a root entry whose value is a sequence of <paramref name="count"/> items (<c>key: []</c> for none).</summary>
        public void BeginSequence(string key, int count)
        {
            WriteScalar(_text, key, StyleOf(key, isKey: true), 0);
            _text.Append(count == 0 ? ": []\n" : ":\n");
        }

        /// <summary>Writes one item of that sequence (sequences in a map are not indented).</summary>
        public void WriteItem(Node item)
        {
            _text.Append("- ");
            WriteInline(_text, item, 2);
        }

        // An item written entry by entry, without nodes (StepMapper's plain command steps): a map in compact form after
        // "- ", its first entry on that line and the others at indent 2, laid out exactly as WriteInline lays out a
        // MappingNode there.
        private bool _itemEmpty;

        /// <summary>Starts an item that is a map written entry by entry.</summary>
        public void BeginItemMap()
        {
            _text.Append("- ");
            _itemEmpty = true;
        }

        /// <summary>Writes an entry whose value is text (a string).</summary>
        public void WriteTextEntry(string key, string value)
        {
            EntryKey(key);
            _text.Append(' ');
            WriteString(_text, value, isKey: false, 4);
            _text.AppendLineBreakAfterScalar();
        }

        /// <summary>Writes an entry whose value is a number, boolean or null in its canonical text.</summary>
        public void WriteCanonicalEntry(string key, string canonical)
        {
            EntryKey(key);
            _text.Append(' ');
            WriteScalar(_text, canonical, YamlStyle.Plain, 4);
            _text.AppendLineBreakAfterScalar();
        }

        /// <summary>Writes the key of an entry whose value is a list of <paramref name="count"/> strings (<c>key: []</c> for none).</summary>
        public void BeginListEntry(string key, int count)
        {
            EntryKey(key);
            _text.Append(count == 0 ? " []\n" : "\n");
        }

        /// <summary>Writes one string of that list (sequences in a map are not indented).</summary>
        public void WriteListItem(string value)
        {
            _text.Indent(2);
            _text.Append("- ");
            WriteString(_text, value, isKey: false, 4);
            _text.AppendLineBreakAfterScalar();
        }

        /// <summary>Ends the item; one without entries is written as <c>{}</c>.</summary>
        public void EndItemMap()
        {
            if (_itemEmpty)
            {
                _text.Append("{}\n");
            }
        }

        private void EntryKey(string key)
        {
            if (!_itemEmpty)
            {
                _text.Indent(2);
            }

            _itemEmpty = false;
            WriteString(_text, key, isKey: true, 2);
            _text.Append(':');
        }

        public override string ToString() => _text.ToString();

        public void Dispose() => _text.Dispose();
    }

    private static void WriteDocuments(YamlText text, IReadOnlyList<Node> documents)
    {
        foreach (var document in documents)
        {
            var separated = documents.Count > 1;
            switch (document)
            {
                case MappingNode { Entries.Count: > 0 } mapping:
                    if (separated)
                    {
                        text.Append("---\n");
                    }

                    WriteMappingEntries(text, mapping, 0, firstInline: false);
                    break;
                case SequenceNode { Items.Count: > 0 } sequence:
                    if (separated)
                    {
                        text.Append("---\n");
                    }

                    WriteSequenceItems(text, sequence, 0, firstInline: false);
                    break;
                default:
                    if (separated)
                    {
                        text.Append("--- ");
                    }

                    WriteInline(text, document, 2);
                    break;
            }
        }
    }

    /// <summary>Writes a map's entries, each on its own line at <paramref name="indent"/>, the first one at the cursor when inline.</summary>
    private static void WriteMappingEntries(YamlText text, MappingNode mapping, int indent, bool firstInline, int start = 0)
    {
        var entries = mapping.Entries;
        for (var i = start; i < entries.Count; i++)
        {
            if (i > 0 || !firstInline)
            {
                text.Indent(indent);
            }

            var entry = entries[i];
            if (IsSimpleKey(entry.Key))
            {
                WriteString(text, entry.Key, isKey: true, indent);
                text.Append(':');
                WriteValue(text, entry.Value, indent);
            }
            else
            {
                // An explicit key: '? key', then ': value' on the next line, laid out like a sequence item.
                text.Append("? ");
                WriteScalar(text, entry.Key, StyleOf(entry.Key, isKey: true), indent + 2);
                text.Append('\n');
                text.Indent(indent);
                text.Append(": ");
                WriteInline(text, entry.Value, indent + 2);
            }
        }
    }

    /// <summary>Writes a sequence's items, each on its own line at <paramref name="indent"/>, the first one at the cursor when inline.</summary>
    private static void WriteSequenceItems(YamlText text, SequenceNode sequence, int indent, bool firstInline)
    {
        var items = sequence.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0 || !firstInline)
            {
                text.Indent(indent);
            }

            text.Append("- ");
            WriteInline(text, items[i], indent + 2);
        }
    }

    /// <summary>Writes the value of a map entry after <c>key:</c>, where the key stands at <paramref name="keyIndent"/>.</summary>
    private static void WriteValue(YamlText text, Node value, int keyIndent)
    {
        switch (value)
        {
            case MappingNode { Entries.Count: > 0 } mapping:
                text.Append('\n');
                WriteMappingEntries(text, mapping, keyIndent + 2, firstInline: false);
                break;
            case SequenceNode { Items.Count: > 0 } sequence:
                // Sequences in a map are not indented: "key:\n- a\n- b".
                text.Append('\n');
                WriteSequenceItems(text, sequence, keyIndent, firstInline: false);
                break;
            default:
                text.Append(' ');
                WriteInline(text, value, keyIndent + 2);
                break;
        }
    }

    /// <summary>
    /// Writes a node that starts at the cursor (after <c>- </c>, <c>: </c> or <c>--- </c>): collections in compact
    /// form, their further lines at <paramref name="indent"/>; scalars with a line break after them.
    /// </summary>
    private static void WriteInline(YamlText text, Node node, int indent)
    {
        switch (node)
        {
            case MappingNode { Entries.Count: 0 }:
                text.Append("{}\n");
                break;
            case SequenceNode { Items.Count: 0 }:
                text.Append("[]\n");
                break;
            case MappingNode mapping:
                WriteMappingEntries(text, mapping, indent, firstInline: true);
                break;
            case SequenceNode sequence:
                WriteSequenceItems(text, sequence, indent, firstInline: true);
                break;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                WriteString(text, scalar.Text, isKey: false, indent);
                text.AppendLineBreakAfterScalar();
                break;
            case ScalarNode scalar:
                // Numbers, booleans and null in their canonical text, which is always a valid plain scalar.
                WriteScalar(text, scalar.Text, YamlStyle.Plain, indent);
                text.AppendLineBreakAfterScalar();
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType()}.");
        }
    }

    /// <summary>Writes a string in the style <see cref="StyleOf"/> and <see cref="WriteScalar"/> choose, plain at once when that is sure.</summary>
    private static void WriteString(YamlText text, string value, bool isKey, int indent)
    {
        if (IsSurelyPlain(value, isKey))
        {
            text.Append(value);
            return;
        }

        WriteScalar(text, value, StyleOf(value, isKey), indent);
    }

    /// <summary>
    /// A quick, conservative test for the most common strings (keys, labels, paths, commands of one line): one pass
    /// that answers <see langword="true"/> only when the full rules (<see cref="StyleOf"/>, then <see cref="CanBePlain"/>)
    /// would write the text plain: it starts with an ASCII letter and is longer than five characters (so no YAML word
    /// for a boolean or null, and no number), holds only printable ASCII, and has no <c>: </c>, no final <c>:</c>, no
    /// <c> #</c>, no final space and, in a key, no <c> *</c>.
    /// </summary>
    private static bool IsSurelyPlain(string text, bool isKey)
    {
        if (text.Length <= 5 || !char.IsAsciiLetter(text[0]) || text[^1] == ' ')
        {
            return false;
        }

        var previous = text[0];
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < ' ' or > '~'
                || (c == '#' && previous == ' ')
                || (c == '*' && previous == ' ' && isKey)
                || (previous == ':' && c == ' '))
            {
                return false;
            }

            previous = c;
        }

        return previous != ':';
    }

    private static bool IsSimpleKey(string key) => key.Length <= MaxSimpleKeyLength && key.AsSpan().IndexOfAny('\n', '\r', '\u0085') < 0
        && key.AsSpan().IndexOfAny('\u2028', '\u2029') < 0;

    /// <summary>
    /// Chooses how a string is written so that the agent (gopkg.in/yaml.v3) reads exactly the same characters, as
    /// the same type: <see cref="YamlStyle.Plain"/>, <see cref="YamlStyle.DoubleQuoted"/> or <see cref="YamlStyle.Literal"/>.
    /// A plain choice still becomes quoted where YAML syntax needs it (<see cref="WriteScalar"/>).
    /// </summary>
    /// <remarks>
    /// Double-quoted: text with a control character other than tab and line feed, a character YAML reads as a line
    /// break (CR, NEL, U+2028, U+2029), a BOM or a noncharacter; one-line text with a tab, or that would resolve to
    /// another type; multi-line text that a literal block cannot carry (leading blank or break, trailing blanks,
    /// lines of only spaces); a map key with <c> *</c> (YAML allows <c>a *b: x</c>, but YamlDotNet's parser, the
    /// reader's, fails on it) or with a line break.
    /// </remarks>
    internal static YamlStyle StyleOf(string text, bool isKey)
    {
        if (HasCharacterToEscape(text))
        {
            return YamlStyle.DoubleQuoted;
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return !isKey && CanBeLiteralBlock(text) ? YamlStyle.Literal : YamlStyle.DoubleQuoted;
        }

        return (!IsCommonWord(text) && ScalarResolver.NeedsQuotes(text)) || text.Contains('\t', StringComparison.Ordinal)
            || (isKey && text.Contains(" *", StringComparison.Ordinal))
            ? YamlStyle.DoubleQuoted
            : YamlStyle.Plain;
    }

    /// <summary>
    /// A fast answer for the most common strings (keys like <c>label</c>, <c>depends_on</c>): a letter, then letters,
    /// digits or <c>_</c>, and none of YAML's words for booleans and null (none is longer than five letters).
    /// </summary>
    private static bool IsCommonWord(string text)
    {
        if (text.Length <= 5 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
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
    /// character (no indentation indicator needed), its last line has visible text without trailing blanks, and no
    /// line holds only spaces.
    /// </summary>
    private static bool CanBeLiteralBlock(string text)
    {
        var body = text.TrimEnd('\n');
        if (body.Length == 0 || text[0] is ' ' or '\t' or '\n' || body[^1] is ' ' or '\t')
        {
            return false;
        }

        // A line of only spaces between two breaks: the block would carry it, but YAML processors disagree on it.
        var lineOfSpaces = false;
        var afterBreak = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                lineOfSpaces |= afterBreak;
                afterBreak = false;
            }
            else if (c == '\n')
            {
                if (lineOfSpaces)
                {
                    return false;
                }

                afterBreak = true;
            }
            else
            {
                lineOfSpaces = false;
                afterBreak = false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes a scalar in the chosen style, or in the next safer one where YAML syntax needs it: plain becomes
    /// single-quoted when the text cannot stand plain (<see cref="CanBePlain"/>), and double-quoted when it cannot be
    /// single-quoted either or holds a <c>'</c>.
    /// </summary>
    /// <param name="text">The buffer.</param>
    /// <param name="value">The text.</param>
    /// <param name="style">The chosen style.</param>
    /// <param name="blockIndent">Where the lines of a literal block stand.</param>
    private static void WriteScalar(YamlText text, string value, YamlStyle style, int blockIndent)
    {
        if (style == YamlStyle.Plain && !CanBePlain(value))
        {
            style = value.Contains('\'', StringComparison.Ordinal) || !IsPrintable(value) ? YamlStyle.DoubleQuoted : YamlStyle.SingleQuoted;
        }

        switch (style)
        {
            case YamlStyle.Plain:
                text.Append(value);
                break;
            case YamlStyle.SingleQuoted:
                WriteSingleQuoted(text, value);
                break;
            case YamlStyle.Literal:
                WriteLiteral(text, value, blockIndent);
                break;
            default:
                WriteDoubleQuoted(text, value);
                break;
        }
    }

    /// <summary>
    /// Whether one-line text without tabs or control characters reads back as itself when written plain, by YAML's
    /// syntax (its type was checked before): not empty, no space at either end, no indicator at the start
    /// (<c>- ? :</c> before a blank, <c>#,[]{}&amp;*!|&gt;'"%@`</c>), no <c>---</c> or <c>...</c> at the start, no
    /// <c>: </c>, <c> #</c> or final <c>:</c>, and only printable characters (no surrogates: characters outside the
    /// Basic Multilingual Plane are escaped).
    /// </summary>
    private static bool CanBePlain(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' '
            || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        var first = text[0];
        var second = text.Length > 1 ? text[1] : '\0';
        switch (first)
        {
            case '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                return false;
            case '?' or ':' or '-' when IsBlankOrEnd(second):
                return false;
            default:
                break;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ':' when i > 0 && IsBlankOrEnd(i + 1 < text.Length ? text[i + 1] : '\0'):
                case '#' when i > 0 && IsBlankOrEnd(text[i - 1]):
                    return false;
                default:
                    if (!IsPrintable(c))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>A blank, a line break or the end of the text (<c>\0</c>), for the indicator rules.</summary>
    private static bool IsBlankOrEnd(char c) => c is ' ' or '\t' or '\0' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>YAML's printable characters; surrogates (halves of characters outside the BMP) are not.</summary>
    private static bool IsPrintable(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    private static bool IsPrintable(string text)
    {
        foreach (var c in text)
        {
            if (!IsPrintable(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteSingleQuoted(YamlText text, string value)
    {
        text.Append('\'');
        var start = 0;
        for (var i = value.IndexOf('\'', StringComparison.Ordinal); i >= 0; i = value.IndexOf('\'', i + 1))
        {
            text.Append(value.AsSpan(start, i + 1 - start));
            text.Append('\'');
            start = i + 1;
        }

        text.Append(value.AsSpan(start));
        text.Append('\'');
    }

    /// <summary>
    /// Writes a double-quoted scalar: <c>"</c> and <c>\</c> escaped, line breaks and characters that are not printable
    /// as YAML escapes (<c>\n</c>, <c>\x01</c>, <c>\uFFFE</c>, <c>\U0001F680</c> for a surrogate pair); tabs, a BOM and
    /// other printable characters as they are.
    /// </summary>
    private static void WriteDoubleQuoted(YamlText text, string value)
    {
        text.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsPrintable(c) && c is not ('"' or '\\' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            text.Append(value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '\0': text.Append("\\0"); break;
                case '\a': text.Append("\\a"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\v': text.Append("\\v"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                case '\u001B': text.Append("\\e"); break;
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\u0085': text.Append("\\N"); break;
                case '\u2028': text.Append("\\L"); break;
                case '\u2029': text.Append("\\P"); break;
                default:
                    if (c <= '\u00FF')
                    {
                        text.Append("\\x");
                        text.AppendHex(c, 2);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append("\\U");
                        text.AppendHex(char.ConvertToUtf32(c, value[i + 1]), 8);
                        i++;
                        start = i + 1;
                    }
                    else
                    {
                        // A lone surrogate: no YAML text carries it; the mapper reports such text before writing.
                        text.Append("\\u");
                        text.AppendHex(c, 4);
                    }

                    break;
            }
        }

        text.Append(value.AsSpan(start));
        text.Append('"');
    }

    /// <summary>
    /// Writes a literal block: <c>|</c> with <c>-</c> (strip) when the text does not end with a line break, none (clip)
    /// when it ends with one, <c>+</c> (keep) when it ends with several; then each line at <paramref name="indent"/>,
    /// empty lines empty. <see cref="CanBeLiteralBlock"/> has ruled out text that needs an indentation indicator.
    /// </summary>
    private static void WriteLiteral(YamlText text, string value, int indent)
    {
        text.Append('|');
        if (value[^1] != '\n')
        {
            text.Append('-');
        }
        else if (value.Length >= 2 && value[^2] == '\n')
        {
            text.Append('+');
        }

        text.Append('\n');
        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf('\n', start);
            var line = end < 0 ? value.AsSpan(start) : value.AsSpan(start, end - start);
            if (line.Length > 0)
            {
                text.Indent(indent);
                text.Append(line);
            }

            text.Append('\n');
            start = end < 0 ? value.Length : end + 1;
        }

        text.MarkLineEnded();
    }

    /// <summary>
    /// A growing character buffer that knows whether the last scalar ended its line. Its arrays come from the shared
    /// pool: a large pipeline's YAML takes megabytes, and allocating them anew each time would fill the large
    /// object heap and cost full garbage collections.
    /// </summary>
    private sealed class YamlText : IDisposable
    {
        // A pipeline of the usual size fits the first buffer, a plain array: the shared pool costs a pipeline generator's
        // first use a little set-up, and pays off only for the large buffers it keeps (see Grow).
        private char[] _chars = new char[32 * 1024];
        private bool _pooled;
        private int _length;
        private bool _lineEnded;

        public void Append(char c)
        {
            if (_length == _chars.Length)
            {
                Grow(1);
            }

            _chars[_length++] = c;
        }

        public void Append(string s) => Append(s.AsSpan());

        public void Append(ReadOnlySpan<char> s)
        {
            if (_length + s.Length > _chars.Length)
            {
                Grow(s.Length);
            }

            s.CopyTo(_chars.AsSpan(_length));
            _length += s.Length;
        }

        /// <summary>Writes <paramref name="count"/> spaces.</summary>
        public void Indent(int count)
        {
            if (_length + count > _chars.Length)
            {
                Grow(count);
            }

            // A loop, not Span.Fill: Fill<char> is vector code the JIT compiles on every run.
            var chars = _chars;
            for (var end = _length + count; _length < end; _length++)
            {
                chars[_length] = ' ';
            }
        }

        public void AppendHex(int value, int digits)
        {
            Span<char> hex = stackalloc char[8];
            value.TryFormat(hex, out var written, digits == 2 ? "X2" : digits == 4 ? "X4" : "X8", CultureInfo.InvariantCulture);
            Append(hex[..written]);
        }

        /// <summary>Notes that a literal block has just written its last line break.</summary>
        public void MarkLineEnded() => _lineEnded = true;

        /// <summary>Ends the line after a scalar, unless a literal block has ended it already.</summary>
        public void AppendLineBreakAfterScalar()
        {
            if (!_lineEnded)
            {
                Append('\n');
            }

            _lineEnded = false;
        }

        public void CopyTo(TextWriter output) => output.Write(_chars, 0, _length);

        public override string ToString() => new(_chars, 0, _length);

        public void Dispose()
        {
            if (_pooled)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }

            _chars = [];
            _pooled = false;
        }

        private void Grow(int needed)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
            _chars.AsSpan(0, _length).CopyTo(larger);
            if (_pooled)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }

            _chars = larger;
            _pooled = true;
        }
    }
}
