using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Generators.Yaml;

/// <summary>A YAML syntax error, or YAML this parser does not read, with its place.</summary>
internal sealed class YamlException : Exception
{
    public YamlException(string message, int offset, int line, int column)
        : base(message)
    {
        Offset = offset;
        Line = line;
        Column = column;
    }

    public int Offset { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// Reads the YAML that <c>plugin.yml</c> files use, with no dependency (a generator must not load
/// other assemblies): one document (an optional <c>---</c> first), block mappings and sequences
/// (also a sequence at its key's indentation), flow sequences and mappings, plain, single-quoted,
/// double-quoted, literal (<c>|</c>) and folded (<c>&gt;</c>) scalars with chomping indicators, multi-line
/// plain scalars, and comments. Anchors, aliases, tags, complex keys and several documents are reported
/// as unsupported instead of being misread.
/// </summary>
internal sealed class YamlParser
{
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private int _pos;

    private YamlParser(string text)
    {
        _text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Parses one document; an empty document is a null scalar.</summary>
    /// <exception cref="YamlException">The text is not YAML this parser reads.</exception>
    public static YamlNode Parse(string text)
    {
        var parser = new YamlParser(text);
        return parser.ParseDocument();
    }

    private YamlNode ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }

        SkipBlankLines();
        while (!AtEnd && AtLineStart() && Peek() == '%')
        {
            throw Error("YAML directives ('%') are not supported.");
        }

        if (AtDocumentMarker("---"))
        {
            _pos += 3;
            SkipSpaces();
            if (!AtEnd && Peek() != '\n' && Peek() != '#')
            {
                throw Error("Content on the '---' line is not supported; start the document on the next line.");
            }

            SkipToNextLine();
            SkipBlankLines();
        }

        YamlNode root;
        if (AtEnd || AtDocumentMarker("...") || AtDocumentMarker("---"))
        {
            root = YamlNode.Scalar(string.Empty, ScalarStyle.Plain, _pos, LineOf(_pos), ColumnOf(_pos), 0);
        }
        else
        {
            var indent = CurrentIndent();
            _pos = LineStart(_pos) + indent;
            root = ParseNodeAt(indent, -1);
        }

        SkipBlankLines();
        if (AtDocumentMarker("..."))
        {
            _pos += 3;
            SkipToNextLine();
            SkipBlankLines();
        }

        if (AtDocumentMarker("---"))
        {
            throw Error("The file holds several YAML documents; a plugin.yml has one.");
        }

        if (!AtEnd)
        {
            throw Error("Unexpected content; check the indentation.");
        }

        return root;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private bool AtLineStart() => _pos == 0 || _text[_pos - 1] == '\n';

    private bool AtDocumentMarker(string marker) =>
        AtLineStart() && string.CompareOrdinal(_text, _pos, marker, 0, 3) == 0
        && (_pos + 3 >= _text.Length || _text[_pos + 3] is ' ' or '\n' or '\t');

    private int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private int ColumnOf(int offset) => offset - _lineStarts[LineOf(offset) - 1] + 1;

    private int LineStart(int offset) => _lineStarts[LineOf(offset) - 1];

    private YamlException Error(string message) => Error(message, _pos);

    private YamlException Error(string message, int offset) =>
        new(message, Math.Min(offset, _text.Length), LineOf(Math.Min(offset, _text.Length)), ColumnOf(Math.Min(offset, _text.Length)));

    /// <summary>Indentation (spaces) of the line the cursor is on; a tab in the indentation is an error.</summary>
    private int CurrentIndent()
    {
        var start = LineStart(_pos);
        var i = start;
        while (i < _text.Length && _text[i] == ' ')
        {
            i++;
        }

        if (i < _text.Length && _text[i] == '\t')
        {
            throw Error("A tab in indentation; YAML indents with spaces.", i);
        }

        return i - start;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Peek() is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipToNextLine()
    {
        while (!AtEnd && Peek() != '\n')
        {
            _pos++;
        }

        if (!AtEnd)
        {
            _pos++;
        }
    }

    /// <summary>Moves to the start of the next line that has content other than a comment.</summary>
    private void SkipBlankLines()
    {
        while (!AtEnd)
        {
            var start = LineStart(_pos);
            var i = start;
            while (i < _text.Length && _text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= _text.Length)
            {
                _pos = _text.Length;
                return;
            }

            if (_text[i] == '\n' || _text[i] == '#')
            {
                _pos = start;
                SkipToNextLine();
                continue;
            }

            _pos = start;
            return;
        }
    }

    /// <summary>After a value on a line: only spaces and a comment may follow.</summary>
    private void EndOfLine()
    {
        SkipSpaces();
        if (!AtEnd && Peek() == '#')
        {
            SkipToNextLine();
            return;
        }

        if (!AtEnd && Peek() != '\n')
        {
            throw Error($"Unexpected '{Peek()}' after a value.");
        }

        SkipToNextLine();
    }

    private bool IsSequenceItem() => Peek() == '-' && (Peek(1) is ' ' or '\n' or '\t' or '\0');

    /// <summary>Parses the node at the cursor, which stands at column <paramref name="indent"/>.</summary>
    private YamlNode ParseNodeAt(int indent, int parentIndent)
    {
        if (IsSequenceItem())
        {
            return ParseBlockSequence(indent);
        }

        if (IsMappingKeyAhead())
        {
            return ParseBlockMapping(indent);
        }

        return ParseInlineValue(parentIndent);
    }

    /// <summary>Whether the rest of the line starts with a mapping key (<c>key:</c> then a space or the line end).</summary>
    private bool IsMappingKeyAhead()
    {
        var i = _pos;
        var c = i < _text.Length ? _text[i] : '\0';
        if (c is '[' or '{' or '|' or '>' or '#' or '\0' or '\n')
        {
            return false;
        }

        if (c is '?' && (i + 1 >= _text.Length || _text[i + 1] is ' ' or '\n'))
        {
            throw Error("Complex mapping keys ('? ') are not supported.");
        }

        if (c is '"' or '\'')
        {
            i++;
            while (i < _text.Length && _text[i] != '\n')
            {
                if (_text[i] == '\\' && c == '"')
                {
                    i += 2;
                    continue;
                }

                if (_text[i] == c)
                {
                    if (c == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                    {
                        i += 2;
                        continue;
                    }

                    i++;
                    while (i < _text.Length && _text[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    return i < _text.Length && _text[i] == ':' && (i + 1 >= _text.Length || _text[i + 1] is ' ' or '\n' or '\t');
                }

                i++;
            }

            return false;
        }

        while (i < _text.Length && _text[i] != '\n')
        {
            if (_text[i] == ':' && (i + 1 >= _text.Length || _text[i + 1] is ' ' or '\n' or '\t'))
            {
                return true;
            }

            if (_text[i] == '#' && i > _pos && _text[i - 1] is ' ' or '\t')
            {
                return false;
            }

            i++;
        }

        return false;
    }

    private YamlNode ParseBlockMapping(int indent)
    {
        var map = YamlNode.Mapping(_pos, LineOf(_pos), ColumnOf(_pos));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var key = ParseKey();
            if (!keys.Add(key.Text))
            {
                throw Error($"The key '{key.Text}' appears twice in one mapping.", key.Offset);
            }

            SkipSpaces();
            YamlNode value;
            if (AtEnd || Peek() is '\n' or '#')
            {
                SkipToNextLine();
                value = ParseIndentedValue(indent, allowSequenceAtSameIndent: true);
            }
            else
            {
                value = ParseInlineValue(indent);
            }

            map.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
            SkipBlankLines();
            if (AtEnd || AtDocumentMarker("---") || AtDocumentMarker("..."))
            {
                return map;
            }

            var next = CurrentIndent();
            if (next < indent)
            {
                return map;
            }

            _pos = LineStart(_pos) + next;
            if (next > indent)
            {
                throw Error("This line is indented more than the keys before it.");
            }

            if (IsSequenceItem())
            {
                throw Error("A list item where a mapping key belongs.");
            }

            if (!IsMappingKeyAhead())
            {
                throw Error("Expected a mapping key ('key: value').");
            }
        }
    }

    private YamlNode ParseKey()
    {
        var start = _pos;
        string text;
        if (Peek() is '"' or '\'')
        {
            var quoted = ParseQuoted();
            text = quoted.Text;
            SkipSpaces();
        }
        else
        {
            if (Peek() is '&' or '*' or '!')
            {
                throw Error("Anchors, aliases and tags are not supported.");
            }

            var i = _pos;
            while (!(_text[i] == ':' && (i + 1 >= _text.Length || _text[i + 1] is ' ' or '\n' or '\t')))
            {
                i++;
            }

            text = _text.Substring(_pos, i - _pos).TrimEnd();
            _pos = i;
        }

        if (Peek() != ':')
        {
            throw Error("Expected ':' after a mapping key.");
        }

        var key = YamlNode.Scalar(text, ScalarStyle.Plain, start, LineOf(start), ColumnOf(start), _pos - start);
        _pos++;
        return key;
    }

    /// <summary>A value that starts on the lines after its key or dash: indented more, or a sequence at the same indentation.</summary>
    private YamlNode ParseIndentedValue(int indent, bool allowSequenceAtSameIndent)
    {
        SkipBlankLines();
        var empty = YamlNode.Scalar(string.Empty, ScalarStyle.Plain, _pos, LineOf(_pos), ColumnOf(_pos), 0);
        if (AtEnd || AtDocumentMarker("---") || AtDocumentMarker("..."))
        {
            return empty;
        }

        var next = CurrentIndent();
        var lineStart = LineStart(_pos);
        if (next > indent)
        {
            _pos = lineStart + next;
            return ParseNodeAt(next, indent);
        }

        if (next == indent && allowSequenceAtSameIndent)
        {
            _pos = lineStart + next;
            if (IsSequenceItem())
            {
                return ParseBlockSequence(indent);
            }

            _pos = lineStart;
        }

        return empty;
    }

    private YamlNode ParseBlockSequence(int indent)
    {
        var list = YamlNode.Sequence(_pos, LineOf(_pos), ColumnOf(_pos));
        while (true)
        {
            _pos++;
            SkipSpaces();
            if (AtEnd || Peek() is '\n' or '#')
            {
                SkipToNextLine();
                list.Items.Add(ParseIndentedValue(indent, allowSequenceAtSameIndent: false));
            }
            else
            {
                list.Items.Add(ParseNodeAt(ColumnOf(_pos) - 1, indent));
            }

            SkipBlankLines();
            if (AtEnd || AtDocumentMarker("---") || AtDocumentMarker("..."))
            {
                return list;
            }

            var next = CurrentIndent();
            if (next < indent)
            {
                return list;
            }

            _pos = LineStart(_pos) + next;
            if (next > indent)
            {
                throw Error("This line is indented more than the list items before it.");
            }

            if (!IsSequenceItem())
            {
                _pos = LineStart(_pos);
                return list;
            }
        }
    }

    /// <summary>A value that starts on the current line: a flow collection, a quoted, block or plain scalar.</summary>
    private YamlNode ParseInlineValue(int parentIndent)
    {
        var c = Peek();
        switch (c)
        {
            case '[':
            case '{':
                var flow = ParseFlow();
                EndOfLine();
                return flow;
            case '|':
            case '>':
                return ParseBlockScalar(parentIndent);
            case '"':
            case '\'':
                var quoted = ParseQuoted();
                EndOfLine();
                return quoted;
            case '&':
            case '*':
            case '!':
                throw Error("Anchors, aliases and tags are not supported.");
            case '@':
            case '`':
            case '%':
                throw Error($"A plain value cannot start with '{c}'; quote it.");
            default:
                return ParsePlainMultiline(parentIndent);
        }
    }

    private YamlNode ParsePlainMultiline(int parentIndent)
    {
        var start = _pos;
        var text = new StringBuilder(ReadPlainLine());
        var end = _pos;
        SkipToNextLine();
        while (!AtEnd)
        {
            var save = _pos;
            var breaks = 0;
            while (!AtEnd)
            {
                var lineStart = _pos;
                var i = lineStart;
                while (i < _text.Length && _text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < _text.Length && _text[i] == '\n')
                {
                    breaks++;
                    _pos = i + 1;
                    continue;
                }

                break;
            }

            if (AtEnd)
            {
                _pos = save;
                break;
            }

            var indent = CurrentIndent();
            var contentStart = LineStart(_pos) + indent;
            if (indent <= parentIndent || _text[contentStart] == '#' || AtDocumentMarker("---") || AtDocumentMarker("..."))
            {
                _pos = save;
                break;
            }

            _pos = contentStart;
            if (IsMappingKeyAhead() || IsSequenceItem())
            {
                _pos = save;
                break;
            }

            text.Append(breaks == 0 ? " " : new string('\n', breaks));
            text.Append(ReadPlainLine());
            end = _pos;
            SkipToNextLine();
        }

        return YamlNode.Scalar(text.ToString(), ScalarStyle.Plain, start, LineOf(start), ColumnOf(start), end - start);
    }

    /// <summary>A plain scalar's text on the current line, up to a comment or the line end.</summary>
    private string ReadPlainLine()
    {
        var start = _pos;
        while (!AtEnd && Peek() != '\n')
        {
            if (Peek() == '#' && _pos > start && _text[_pos - 1] is ' ' or '\t')
            {
                break;
            }

            if (Peek() == ':' && (Peek(1) is ' ' or '\n' or '\0'))
            {
                throw Error("A ': ' inside a plain value; quote the value.");
            }

            _pos++;
        }

        var value = _text.Substring(start, _pos - start).TrimEnd(' ', '\t');
        _pos = start + value.Length;
        return value;
    }

    private YamlNode ParseBlockScalar(int parentIndent)
    {
        var start = _pos;
        var folded = Peek() == '>';
        _pos++;
        var chomping = ' ';
        var explicitIndent = 0;
        for (var k = 0; k < 2; k++)
        {
            if (Peek() is '-' or '+')
            {
                chomping = Peek();
                _pos++;
            }
            else if (Peek() is >= '1' and <= '9')
            {
                explicitIndent = Peek() - '0';
                _pos++;
            }
        }

        EndOfLine();
        var baseIndent = Math.Max(parentIndent, 0);
        var contentIndent = explicitIndent > 0 ? baseIndent + explicitIndent : -1;
        var lines = new List<string>();
        while (!AtEnd)
        {
            var lineStart = _pos;
            var i = lineStart;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            var lineEnd = _text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = _text.Length;
            }

            var blank = i >= lineEnd;
            if (!blank && contentIndent < 0)
            {
                contentIndent = i - lineStart;
                if (contentIndent <= parentIndent)
                {
                    break;
                }
            }

            if (!blank && i - lineStart < contentIndent)
            {
                break;
            }

            lines.Add(blank ? string.Empty : _text.Substring(lineStart + contentIndent, lineEnd - lineStart - contentIndent));
            _pos = Math.Min(lineEnd + 1, _text.Length);
            if (lineEnd == _text.Length)
            {
                break;
            }
        }

        var trailing = 0;
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
            trailing++;
        }

        var body = folded ? Fold(lines) : string.Join("\n", lines);
        var text = lines.Count == 0 ? (chomping == '+' ? new string('\n', trailing) : string.Empty)
            : chomping == '-' ? body
            : chomping == '+' ? body + "\n" + new string('\n', trailing)
            : body + "\n";
        return YamlNode.Scalar(text, folded ? ScalarStyle.Folded : ScalarStyle.Literal, start, LineOf(start), ColumnOf(start), 1);
    }

    private static string Fold(List<string> lines)
    {
        var text = new StringBuilder();
        var breaks = 0;
        var previousMoreIndented = false;
        var first = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                breaks++;
                continue;
            }

            var moreIndented = line[0] is ' ' or '\t';
            if (first)
            {
                text.Append('\n', breaks);
            }
            else if (breaks == 0)
            {
                text.Append(moreIndented || previousMoreIndented ? '\n' : ' ');
            }
            else
            {
                text.Append('\n', moreIndented || previousMoreIndented ? breaks + 1 : breaks);
            }

            text.Append(line);
            breaks = 0;
            first = false;
            previousMoreIndented = moreIndented;
        }

        return text.ToString();
    }

    private YamlNode ParseQuoted()
    {
        var start = _pos;
        var quote = Peek();
        _pos++;
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("A quoted value is not closed.", start);
            }

            var c = Peek();
            if (c == quote)
            {
                if (quote == '\'' && Peek(1) == '\'')
                {
                    text.Append('\'');
                    _pos += 2;
                    continue;
                }

                _pos++;
                break;
            }

            if (c == '\n')
            {
                // Line folding: trailing white space is dropped, one break is a space, n + 1 breaks are n newlines.
                while (text.Length > 0 && text[text.Length - 1] is ' ' or '\t')
                {
                    text.Length--;
                }

                var breaks = 0;
                while (!AtEnd && Peek() is '\n' or ' ' or '\t')
                {
                    if (Peek() == '\n')
                    {
                        breaks++;
                    }

                    _pos++;
                }

                text.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
                continue;
            }

            if (c == '\\' && quote == '"')
            {
                _pos++;
                var e = Peek();
                _pos++;
                switch (e)
                {
                    case '0': text.Append('\0'); break;
                    case 'a': text.Append('\a'); break;
                    case 'b': text.Append('\b'); break;
                    case 't': case '\t': text.Append('\t'); break;
                    case 'n': text.Append('\n'); break;
                    case 'v': text.Append('\v'); break;
                    case 'f': text.Append('\f'); break;
                    case 'r': text.Append('\r'); break;
                    case 'e': text.Append('\u001b'); break;
                    case ' ': text.Append(' '); break;
                    case '"': text.Append('"'); break;
                    case '/': text.Append('/'); break;
                    case '\\': text.Append('\\'); break;
                    case 'N': text.Append('\u0085'); break;
                    case '_': text.Append('\u00a0'); break;
                    case 'L': text.Append('\u2028'); break;
                    case 'P': text.Append('\u2029'); break;
                    case 'x': text.Append(Hex(2)); break;
                    case 'u': text.Append(Hex(4)); break;
                    case 'U': text.Append(Hex(8)); break;
                    case '\n':
                        while (!AtEnd && Peek() is ' ' or '\t')
                        {
                            _pos++;
                        }

                        break;
                    default:
                        throw Error($"Unknown escape '\\{e}' in a double-quoted value.", _pos - 2);
                }

                continue;
            }

            text.Append(c);
            _pos++;
        }

        return YamlNode.Scalar(text.ToString(), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, start, LineOf(start), ColumnOf(start), _pos - start);
    }

    private string Hex(int digits)
    {
        if (_pos + digits > _text.Length
            || !int.TryParse(_text.Substring(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            throw Error("A bad hexadecimal escape in a double-quoted value.");
        }

        _pos += digits;
        return char.ConvertFromUtf32(code);
    }

    /// <summary>A flow sequence or mapping, which may span lines.</summary>
    private YamlNode ParseFlow()
    {
        var start = _pos;
        var open = Peek();
        var close = open == '[' ? ']' : '}';
        var node = open == '[' ? YamlNode.Sequence(start, LineOf(start), ColumnOf(start)) : YamlNode.Mapping(start, LineOf(start), ColumnOf(start));
        _pos++;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            SkipFlowSpace();
            if (AtEnd)
            {
                throw Error($"A flow collection is not closed with '{close}'.", start);
            }

            if (Peek() == close)
            {
                _pos++;
                return node;
            }

            if (open == '[')
            {
                node.Items.Add(ParseFlowValue(close));
            }
            else
            {
                var key = ParseFlowValue(close, isKey: true);
                if (!key.IsScalar)
                {
                    throw Error("A flow mapping key must be a scalar.", key.Offset);
                }

                if (!keys.Add(key.Text))
                {
                    throw Error($"The key '{key.Text}' appears twice in one mapping.", key.Offset);
                }

                SkipFlowSpace();
                YamlNode value;
                if (Peek() == ':')
                {
                    _pos++;
                    SkipFlowSpace();
                    value = Peek() == ',' || Peek() == close
                        ? YamlNode.Scalar(string.Empty, ScalarStyle.Plain, _pos, LineOf(_pos), ColumnOf(_pos), 0)
                        : ParseFlowValue(close);
                }
                else
                {
                    value = YamlNode.Scalar(string.Empty, ScalarStyle.Plain, _pos, LineOf(_pos), ColumnOf(_pos), 0);
                }

                node.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
            }

            SkipFlowSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != close)
            {
                throw Error($"Expected ',' or '{close}' in a flow collection.");
            }
        }
    }

    private void SkipFlowSpace()
    {
        while (!AtEnd)
        {
            if (Peek() is ' ' or '\t' or '\n')
            {
                _pos++;
            }
            else if (Peek() == '#' && (_pos == 0 || _text[_pos - 1] is ' ' or '\t' or '\n'))
            {
                SkipToNextLine();
            }
            else
            {
                return;
            }
        }
    }

    private YamlNode ParseFlowValue(char close, bool isKey = false)
    {
        switch (Peek())
        {
            case '[':
            case '{':
                return ParseFlow();
            case '"':
            case '\'':
                return ParseQuoted();
            case '&':
            case '*':
            case '!':
                throw Error("Anchors, aliases and tags are not supported.");
        }

        var start = _pos;
        var text = new StringBuilder();
        while (!AtEnd)
        {
            var c = Peek();
            if (c is ',' or '[' or ']' or '{' or '}' || c == close)
            {
                break;
            }

            if (c == ':' && (Peek(1) is ' ' or '\n' or ',' or '\0' || Peek(1) == close))
            {
                if (!isKey)
                {
                    throw Error("A 'key: value' pair inside a flow sequence is not supported; use a flow mapping '{ }'.");
                }

                break;
            }

            if (c == '#' && _pos > start && _text[_pos - 1] is ' ' or '\t')
            {
                break;
            }

            text.Append(c == '\n' ? ' ' : c);
            _pos++;
        }

        var value = text.ToString().Trim();
        if (value.Length == 0)
        {
            throw Error("An empty entry in a flow collection.");
        }

        return YamlNode.Scalar(value, ScalarStyle.Plain, start, LineOf(start), ColumnOf(start), value.Length);
    }
}
