using System;
using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Generators;

/// <summary>Names and literals for generated C#.</summary>
internal static class CSharp
{
    /// <summary>
    /// PascalCase of a YAML key: words split at every character that is not a letter or digit, each
    /// word's first letter upper-cased, the rest kept (<c>skip-on-status</c> → <c>SkipOnStatus</c>,
    /// <c>post-checkout.bat</c> → <c>PostCheckoutBat</c>, <c>verify_checksum</c> → <c>VerifyChecksum</c>).
    /// Empty when the key has no letter or digit.
    /// </summary>
    public static string Pascal(string key)
    {
        var name = new StringBuilder(key.Length);
        var upper = true;
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.ToString();
    }

    /// <summary>A C# string literal (regular, escaped).</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A JSON string literal.</summary>
    public static string JsonString(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Text for an XML doc comment: escaped, white space collapsed to single spaces.</summary>
    public static string Xml(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            switch (c)
            {
                case '<': collapsed.Append("&lt;"); break;
                case '>': collapsed.Append("&gt;"); break;
                case '&': collapsed.Append("&amp;"); break;
                default: collapsed.Append(c); break;
            }
        }

        return collapsed.ToString();
    }

    /// <summary>Text as <c>&lt;c&gt;text&lt;/c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Xml(text) + "</c>";

    /// <summary>A sentence: ends with a full stop unless it already ends with punctuation.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed.EndsWith(".", StringComparison.Ordinal) || trimmed.EndsWith("!", StringComparison.Ordinal) || trimmed.EndsWith("?", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }
}
