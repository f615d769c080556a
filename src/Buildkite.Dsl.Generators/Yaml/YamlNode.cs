using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl.Generators.Yaml;

internal enum YamlKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>How a scalar was written; only plain scalars are resolved to null, booleans and numbers.</summary>
internal enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>What a scalar means under the YAML 1.2 core schema (what js-yaml, and so the plugin linter, reads).</summary>
internal enum ScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>One node of a YAML document, with where it starts in the text.</summary>
internal sealed class YamlNode
{
    private static readonly Regex IntegerPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalOrHex = new("^(0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private YamlNode(YamlKind kind, int offset, int line, int column)
    {
        Kind = kind;
        Offset = offset;
        Line = line;
        Column = column;
    }

    public YamlKind Kind { get; }

    /// <summary>Offset of the node's first character in the text.</summary>
    public int Offset { get; }

    /// <summary>Length of the node's first token, for diagnostics that underline it.</summary>
    public int Length { get; private set; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    public string Text { get; private set; } = string.Empty;

    public ScalarStyle Style { get; private set; }

    public List<YamlNode> Items { get; } = new();

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public bool IsScalar => Kind == YamlKind.Scalar;

    public bool IsMapping => Kind == YamlKind.Mapping;

    public bool IsSequence => Kind == YamlKind.Sequence;

    /// <summary>The scalar's type: quoted and block scalars are strings; plain ones are resolved.</summary>
    public ScalarType Type
    {
        get
        {
            if (Kind != YamlKind.Scalar)
            {
                throw new InvalidOperationException("Not a scalar.");
            }

            if (Style != ScalarStyle.Plain)
            {
                return ScalarType.String;
            }

            switch (Text)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return ScalarType.Null;
                case "true":
                case "True":
                case "TRUE":
                case "false":
                case "False":
                case "FALSE":
                    return ScalarType.Boolean;
                case ".inf":
                case ".Inf":
                case ".INF":
                case "-.inf":
                case "+.inf":
                case ".nan":
                case ".NaN":
                case ".NAN":
                    return ScalarType.Float;
            }

            return IntegerPattern.IsMatch(Text) || OctalOrHex.IsMatch(Text) ? ScalarType.Integer
                : FloatPattern.IsMatch(Text) ? ScalarType.Float
                : ScalarType.String;
        }
    }

    public bool IsNull => Kind == YamlKind.Scalar && Type == ScalarType.Null;

    public static YamlNode Scalar(string text, ScalarStyle style, int offset, int line, int column, int length) =>
        new(YamlKind.Scalar, offset, line, column) { Text = text, Style = style, Length = Math.Max(1, length) };

    public static YamlNode Sequence(int offset, int line, int column) => new(YamlKind.Sequence, offset, line, column) { Length = 1 };

    public static YamlNode Mapping(int offset, int line, int column) => new(YamlKind.Mapping, offset, line, column) { Length = 1 };

    /// <summary>The value under <paramref name="key"/> of a mapping, or <see langword="null"/>.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Text == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node of <paramref name="key"/> in a mapping, or <see langword="null"/>.</summary>
    public YamlNode? GetKey(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Text == key)
            {
                return entry.Key;
            }
        }

        return null;
    }

    /// <summary>The scalar as JSON text (<c>"a"</c>, <c>1</c>, <c>true</c>, <c>null</c>), as the linter would see it.</summary>
    public string ToJsonLiteral()
    {
        switch (Type)
        {
            case ScalarType.Null:
                return "null";
            case ScalarType.Boolean:
                return Text.ToLowerInvariant();
            case ScalarType.Integer:
                if (Text.StartsWith("0x", StringComparison.Ordinal))
                {
                    return long.Parse(Text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                }

                if (Text.StartsWith("0o", StringComparison.Ordinal))
                {
                    return Convert.ToInt64(Text.Substring(2), 8).ToString(CultureInfo.InvariantCulture);
                }

                return long.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            case ScalarType.Float:
                return double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            default:
                return CSharp.JsonString(Text);
        }
    }

    /// <summary>A deep copy.</summary>
    public YamlNode Clone()
    {
        var copy = new YamlNode(Kind, Offset, Line, Column) { Text = Text, Style = Style, Length = Length };
        foreach (var item in Items)
        {
            copy.Items.Add(item.Clone());
        }

        foreach (var entry in Entries)
        {
            copy.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(entry.Key.Clone(), entry.Value.Clone()));
        }

        return copy;
    }

    /// <summary>
    /// Applies a JSON merge patch (RFC 7386) to this mapping in place: patch entries replace or add
    /// keys, a <c>null</c> removes one, and mappings merge recursively.
    /// </summary>
    public void MergePatch(YamlNode patch)
    {
        foreach (var entry in patch.Entries)
        {
            var index = Entries.FindIndex(e => e.Key.Text == entry.Key.Text);
            if (entry.Value.IsNull)
            {
                if (index >= 0)
                {
                    Entries.RemoveAt(index);
                }
            }
            else if (index >= 0 && Entries[index].Value.IsMapping && entry.Value.IsMapping)
            {
                Entries[index].Value.MergePatch(entry.Value);
            }
            else if (index >= 0)
            {
                Entries[index] = new KeyValuePair<YamlNode, YamlNode>(Entries[index].Key, entry.Value.Clone());
            }
            else
            {
                Entries.Add(new KeyValuePair<YamlNode, YamlNode>(entry.Key.Clone(), entry.Value.Clone()));
            }
        }
    }
}
