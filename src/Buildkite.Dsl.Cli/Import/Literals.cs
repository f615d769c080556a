using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>
/// Writes model text as C# string expressions: literal text as a plain, verbatim or raw string literal (whichever
/// reads best), upload-time expansions as <c>Env.Upload(…)</c>, <c>Env.Required(…)</c> and their forms inside an
/// interpolated string, or the whole text through <c>Env.Raw(…)</c> when an expansion has no builder form.
/// </summary>
internal static class Literals
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "var", "await", "async", "dynamic", "nameof", "record", "when",
        "with", "yield", "value", "args",
    };

    [ThreadStatic]
    private static Dictionary<string, int>? t_uses;

    [ThreadStatic]
    private static IReadOnlyDictionary<string, string>? t_variables;

    /// <summary>
    /// Counts, until disposed, how often each upload-time variable is written (<c>Env.Upload("NAME")</c>, with any
    /// form), so that the import can declare a variable for one it uses often.
    /// </summary>
    public static IDisposable CountUploads(Dictionary<string, int> uses)
    {
        t_uses = uses;
        return new Reset();
    }

    /// <summary>Writes, until disposed, these upload-time variables by the C# variable that holds them (NAME → variable).</summary>
    public static IDisposable NameUploads(IReadOnlyDictionary<string, string> variables)
    {
        t_variables = variables;
        return new Reset();
    }

    /// <summary><c>Env.Upload("NAME")</c>, or the variable declared for it.</summary>
    private static string Upload(string name)
    {
        if (t_uses is { } uses)
        {
            uses[name] = uses.GetValueOrDefault(name) + 1;
        }

        return t_variables is { } variables && variables.TryGetValue(name, out var variable) ? variable : $"Env.Upload({Quote(name)})";
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose()
        {
            t_uses = null;
            t_variables = null;
        }
    }

    /// <summary>A string expression for model text.</summary>
    public static Code String(string text)
    {
        var parts = Parts(text);
        if (parts.All(p => p.Expansion is null))
        {
            return Plain(text);
        }

        var holes = new List<string>();
        foreach (var part in parts.Where(p => p.Expansion is not null))
        {
            if (ExpansionCode(part.Expansion!) is not { } code)
            {
                return RawFallback(text);
            }

            holes.Add(code);
        }

        // A text that is one expansion alone is the variable itself: EnvVar converts to string.
        if (parts.Count == 1)
        {
            return new Text(holes[0]);
        }

        return Interpolated(parts, holes);
    }

    /// <summary>A literal for text without expansions.</summary>
    public static Code Plain(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && CanBeRaw(text))
        {
            // A raw string leaves out the line break before its closing quotes, so "a\nb\n" ends with an empty line.
            var quotes = new string('"', Math.Max(3, LongestRun(text, '"') + 1));
            return new RawString(quotes, text.Split('\n'), quotes);
        }

        return new Text(Quote(text));
    }

    /// <summary>A one-line literal: verbatim (<c>@"…"</c>) when the text has backslashes, else a regular one.</summary>
    public static string Quote(string text)
    {
        if (text.Contains('\\', StringComparison.Ordinal) && !text.Any(NeedsEscape))
        {
            return "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => NeedsEscape(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static bool NeedsEscape(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF';

    /// <summary>
    /// Whether text can stand in a raw string literal over several lines: no carriage returns or other control
    /// characters, and no line with trailing or only white space, which editors would trim.
    /// </summary>
    private static bool CanBeRaw(string text)
    {
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') || text.StartsWith('\n'))
        {
            return false;
        }

        // A line with trailing white space, or only white space, would not survive an editor that trims lines.
        return text.Split('\n').All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]));
    }

    private static Code Interpolated(List<Part> parts, List<string> holes)
    {
        var text = string.Concat(parts.Where(p => p.Expansion is null).Select(p => p.Literal));
        if (text.Contains('\n', StringComparison.Ordinal) && CanBeRaw(string.Concat(parts.Select(p => p.Literal ?? "x"))))
        {
            var braces = Math.Max(LongestRun(text, '{'), LongestRun(text, '}')) + 1;
            var dollars = new string('$', braces);
            var (open, close) = (new string('{', braces), new string('}', braces));
            var quotes = new string('"', Math.Max(3, LongestRun(text, '"') + 1));
            var body = new StringBuilder();
            var hole = 0;
            foreach (var part in parts)
            {
                body.Append(part.Expansion is null ? part.Literal : open + holes[hole++] + close);
            }

            var lines = body.ToString().Split('\n').ToList();
            return new RawString(dollars + quotes, lines, quotes);
        }

        var verbatim = text.Contains('\\', StringComparison.Ordinal) && !text.Any(NeedsEscape) && !text.Contains('\n', StringComparison.Ordinal);
        var result = new StringBuilder(verbatim ? "$@\"" : "$\"");
        var index = 0;
        foreach (var part in parts)
        {
            if (part.Expansion is not null)
            {
                result.Append('{').Append(holes[index++]).Append('}');
                continue;
            }

            var literal = part.Literal!.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
            result.Append(verbatim ? literal.Replace("\"", "\"\"", StringComparison.Ordinal) : Quote(literal)[1..^1]);
        }

        return new Text(result.Append('"').ToString());
    }

    /// <summary><c>Env.Raw("…")</c> with the text in the agent's syntax, for expansions the builder cannot write.</summary>
    private static Text RawFallback(string text)
    {
        var agent = InterpolatedText.Encode(text, out _) ?? text;
        return new Text("Env.Raw(" + Quote(agent) + ")");
    }

    /// <summary>
    /// The builder call that writes <paramref name="expansion"/> (agent syntax, <c>${NAME…}</c>) exactly, checked by
    /// building it with the library; <see langword="null"/> when no call writes it exactly.
    /// </summary>
    public static string? ExpansionCode(string expansion)
    {
        if (!expansion.StartsWith("${", StringComparison.Ordinal) || !expansion.EndsWith('}'))
        {
            return null;
        }

        var body = expansion[2..^1];
        var end = 0;
        while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '_'))
        {
            end++;
        }

        var name = body[..end];
        var rest = body[end..];
        try
        {
            string code;
            EnvVar built;
            if (rest.Length == 0)
            {
                built = Env.Upload(name);
                code = Upload(name);
            }
            else if (rest.StartsWith(":-", StringComparison.Ordinal) || rest[0] == '-')
            {
                var unset = rest[0] == '-';
                var word = InterpolatedText.Decode(rest[(unset ? 1 : 2)..], out _);
                if (word is null || String(word).Inline() is not { } wordCode)
                {
                    return null;
                }

                built = unset ? Env.Upload(name).OrDefaultWhenUnset(word) : Env.Upload(name).OrDefault(word);
                code = $"{Upload(name)}.{(unset ? "OrDefaultWhenUnset" : "OrDefault")}({wordCode})";
            }
            else if (rest[0] == '?')
            {
                var message = InterpolatedText.Decode(rest[1..], out _);
                if (message is null || (message.Length > 0 && String(message).Inline() is null))
                {
                    return null;
                }

                built = Env.Required(name, message.Length == 0 ? null : message);
                code = message.Length == 0 ? $"Env.Required({Quote(name)})" : $"Env.Required({Quote(name)}, {String(message).Inline()})";
            }
            else if (rest[0] == ':')
            {
                var parts = rest[1..].Split(':');
                var offset = int.Parse(parts[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                int? length = parts.Length > 1 ? int.Parse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
                built = Env.Upload(name).Substring(offset, length);
                code = length is null
                    ? $"{Upload(name)}.Substring({offset.ToString(CultureInfo.InvariantCulture)})"
                    : $"{Upload(name)}.Substring({offset.ToString(CultureInfo.InvariantCulture)}, {length.Value.ToString(CultureInfo.InvariantCulture)})";
            }
            else
            {
                return null;
            }

            return built.Expansion == expansion ? code : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Model text split into literal parts and expansions (agent syntax, markers removed).</summary>
    private static List<Part> Parts(string text)
    {
        var parts = new List<Part>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('\uFDD0', i);
            if (open < 0)
            {
                parts.Add(new Part(text[i..], null));
                break;
            }

            if (open > i)
            {
                parts.Add(new Part(text[i..open], null));
            }

            var close = text.IndexOf('\uFDD1', open + 1);
            if (close < 0)
            {
                parts.Add(new Part(text[open..], null));
                break;
            }

            parts.Add(new Part(null, text[(open + 1)..close]));
            i = close + 1;
        }

        return parts;
    }

    /// <summary>The longest run of <paramref name="c"/> in <paramref name="text"/>: what a fence or delimiter made of it must outgrow.</summary>
    internal static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>A C# identifier in camelCase from words in <paramref name="text"/>; <paramref name="fallback"/> when there are none.</summary>
    public static string Identifier(string text, string fallback)
    {
        var visible = text.Replace("\uFDD0", string.Empty, StringComparison.Ordinal).Replace("\uFDD1", string.Empty, StringComparison.Ordinal);

        // Emoji shortcodes (:docker:), expansions (${X}) and matrix tokens ({{matrix.os}}) say little about the step.
        visible = System.Text.RegularExpressions.Regex.Replace(visible, @":[a-z0-9_+\-]+:|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}", " ");
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // A lower-case letter followed by an upper-case one starts a new word (unitTests).
                if (word.Length > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(visible[i - 1]))
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            return fallback;
        }

        var name = new StringBuilder();
        foreach (var w in words.Take(5))
        {
            var lower = w.ToLowerInvariant();
            name.Append(name.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..]);
        }

        var result = name.ToString();
        if (char.IsAsciiDigit(result[0]))
        {
            result = fallback + char.ToUpperInvariant(result[0]) + result[1..];
        }

        return Keywords.Contains(result) ? result + char.ToUpperInvariant(fallback[0]) + fallback[1..] : result;
    }

    private sealed record Part(string? Literal, string? Expansion);
}
